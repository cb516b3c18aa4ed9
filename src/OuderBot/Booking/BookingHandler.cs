using System.Text.RegularExpressions;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Understanding;

namespace OuderBot.Booking;

/// <summary>
/// Takes a talk request from the inbox's pass-on (which keeps it for schools without talk rounds): "Ik wil een gesprek
/// met de juf van Tim", "10 minutengesprek plannen", "can I book the parent-teacher meeting" book; "verzet mijn
/// afspraak", "ik kan dinsdag toch niet" move, "het gesprek van Tim gaat niet door" cancels. The last two read as no
/// intent at all, so for a parent with a talk booked their phrases count too.
/// </summary>
internal sealed partial class BookingHandler(BookingStore store, InvitationStore invitations) : IMessageHandler
{
    public int Order => 85;

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        var turn = dc.Turn;
        if (BookingDialog.BookableChildren(turn).Count == 0)
        {
            return false;
        }

        var text = turn.Normalized;
        var cancels = CancelPhrase().IsMatch(text);
        // "ik kan ... niet" only about a talk, or about a day in a message that reads as nothing else ("ik kan dinsdag
        // toch niet"); not "ik kan de gymtas niet vinden", nor a message for the teacher that names a day ("Juf, ik kan
        // donderdag niet helpen bij de kerstviering": passed on).
        var moves = MovePhrase().IsMatch(text) || (CannotPhrase().IsMatch(text)
            && (TalkWord().IsMatch(text) || (understood.Intent is Intents.Unknown && BookingDialog.ReadWish(turn, turn.Message.Text) is { Narrows: true })));
        // "I would like to book a talk for Emma", "een afspraak maken met de juf": a request to book in so many words,
        // also where the understanding reads a question about talks or a message for the teacher.
        var books = BookPhrase().IsMatch(text) && TalkWord().IsMatch(text) && understood.Intent is Intents.Unknown or Intents.Faq or Intents.Handoff or Intents.Booking;
        switch (understood.Intent)
        {
            case Intents.Booking or Intents.Unknown or Intents.Faq or Intents.Handoff when books && !cancels && !moves:
            case Intents.Booking when !cancels && !moves:
                await dc.BeginDialogAsync(BookingDialog.DialogId, new BookingRequest(turn.Message.Text));
                return true;
            case Intents.Booking or Intents.BookingChange:
                break;
            case Intents.Absence or Intents.Privacy or Intents.Language or Intents.Help:
                return false;
            default:
                // "ik kan dinsdag toch niet" reads as nothing in particular: a change only for a parent with a talk booked.
                // "verzet mijn afspraak" names the talk: a parent without one hears that there is none.
                if (!(cancels || moves) || (!TalkWord().IsMatch(text)
                    && (await store.OfChildrenAsync(turn.School, turn.Parent.Children, turn.CancellationToken)).Count == 0
                    && (await invitations.ComingOfAsync(turn)).Count == 0))
                {
                    return false;
                }

                break;
        }

        if (cancels)
        {
            await dc.BeginDialogAsync(CancelTalkDialog.DialogId, new BookingRequest(turn.Message.Text));
        }
        else if (await InvitationToMoveAsync(turn) is { } invitation)
        {
            await dc.BeginDialogAsync(InvitationDialog.DialogId, new InvitationQuestion(invitation.Id, Move: true));
        }
        else
        {
            await dc.BeginDialogAsync(BookingDialog.DialogId, new BookingRequest(turn.Message.Text, Move: true));
        }

        return true;
    }

    /// <summary>An invitation's talk to move: when the children the message is about (those named, else all) have no talk
    /// of a round to come, their first invitation's talk; its other times are offered. With both kinds the round's is moved.</summary>
    private async Task<Invitation?> InvitationToMoveAsync(TurnContext turn)
    {
        var tokens = Texts.Tokenize(turn.Message.Text);
        var named = turn.Parent.Children.Where(c => tokens.Contains(Texts.Normalize(c.FirstName))).ToList();
        var about = named.Count > 0 ? named : [.. turn.Parent.Children];
        var now = turn.School.Clock.LocalNow;
        if ((await store.OfChildrenAsync(turn.School, about, turn.CancellationToken)).Any(t => t.Slot.Start > now))
        {
            return null;
        }

        return (await invitations.ComingOfAsync(turn)).FirstOrDefault(i => about.Any(c => c.Id == i.ChildId));
    }

    [GeneratedRegex(@"\b(book|booking|schedule|arrange|plan|make an|reserve|boek|boeken|plannen|inplannen|maken|aanvragen|reserveren|inschrijven)\b")]
    private static partial Regex BookPhrase();

    [GeneratedRegex(@"\b(talk|talks|meeting|appointment|conference|\w*gesprek\w*|afspraak|afspraakje)\b")]
    private static partial Regex TalkWord();

    [GeneratedRegex(@"\b(gaat niet door|gaan niet door|afzeggen|zeg(?:gen)? .*\baf\b|annuleren|annuleer (?:het|de|mijn)|cancel|kan(?:nen)? niet komen|niet meer nodig|can ?t come|cannot come|call off|won ?t come)\b")]
    private static partial Regex CancelPhrase();

    [GeneratedRegex(@"\b(verzet\w*|verplaats\w*|ander(?:e)? (?:tijd|dag|moment)|toch niet|reschedul\w*|move (?:my|the|our)|change (?:my|the|our) (?:appointment|talk|meeting|time)|can ?t make it|cannot make it)\b")]
    private static partial Regex MovePhrase();

    [GeneratedRegex(@"\b(?:kan|kunnen)\b.*\bniet\b|\bcan ?t\b|\bcannot\b|\bnot able\b")]
    private static partial Regex CannotPhrase();
}
