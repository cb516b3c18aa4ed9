using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Understanding;

namespace OuderBot.Inbox;

/// <summary>
/// What needs a person: a request to be called back, feedback, and (until booking is built) a request for a talk,
/// kept in the school's inbox for the teachers of the child named (or of all the parent's children).
/// </summary>
internal sealed class PassOnHandler(SchoolInbox inbox) : IMessageHandler
{
    public int Order => 100;

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        var turn = dc.Turn;
        var (kind, reply) = understood.Intent switch
        {
            Intents.Handoff => ("handoff", "handoff.passed_on"),
            Intents.Feedback => ("feedback", "feedback.thanks"),
            Intents.Booking or Intents.BookingChange => ("booking", "booking.not_yet"),
            _ => (null, null),
        };
        if (kind is null || reply is null)
        {
            return false;
        }

        var child = turn.Parent.Children.FirstOrDefault(c => c.FirstName == understood.Child);
        await inbox.PassOnAsync(turn, kind, turn.Message.Text, child);
        turn.Send(reply, ("teacher", turn.TeacherOf(child)));
        return true;
    }
}
