using OuderBot.Absence;
using OuderBot.Dialogs;
using OuderBot.Faq;
using OuderBot.Privacy;
using OuderBot.Understanding;

namespace OuderBot.Bot;

/// <summary>
/// The top of every turn: global commands first (they work in the middle of any dialog), then the running dialog,
/// then what the message is understood to be about. With nothing to do the parent gets the menu: never silence.
/// </summary>
public sealed class MainBot(DialogSet dialogs, Understander understander, AbsenceReader absences) : IBot
{
    private static readonly (string Intent, string Label)[] MenuItems =
    [
        (Intents.Absence, "menu.absence"),
        (Intents.Faq, "menu.question"),
        (Intents.Language, "menu.language"),
    ];

    public async Task OnTurnAsync(TurnContext turn)
    {
        var dc = new DialogContext(dialogs, turn);
        var texts = turn.Services.Texts;
        var text = turn.Normalized;
        var menuWasShown = turn.Conversation.MenuShown;
        var firstMessage = turn.Conversation.LastTurnAt is null;
        turn.Conversation.MenuShown = false;

        if (texts.IsWord(text, "cancel"))
        {
            turn.Send(dc.HasActiveDialog ? "cancelled" : "nothing_to_cancel");
            dc.CancelAllDialogs();
            return;
        }

        if (texts.IsWord(text, "menu"))
        {
            dc.CancelAllDialogs();
            ShowMenu(turn);
            return;
        }

        if (texts.IsWord(text, "help"))
        {
            if (dc.HasActiveDialog)
            {
                turn.Send("help.in_dialog");
                await dc.RepromptAsync();
            }
            else
            {
                turn.Send("help");
            }

            return;
        }

        if (Texts.Languages.FirstOrDefault(l => texts.IsWord(text, "language", l)) is { } language)
        {
            await SwitchLanguageAsync(dc, language);
            return;
        }

        if (dc.HasActiveDialog)
        {
            await dc.ContinueDialogAsync();
            return;
        }

        if (menuWasShown && MenuChoice(turn) is { } picked)
        {
            await StartFromMenuAsync(dc, picked);
            return;
        }

        // "Verwijder mijn gegevens": erasure, never a message passed on (that would keep what the parent wants gone).
        if (ErasureDialog.Asks(turn))
        {
            await dc.BeginDialogAsync(ErasureDialog.DialogId);
            return;
        }

        var understood = understander.Understand(turn.Message.Text, turn.Services.Clock.LocalNow, turn.Parent);
        // A clearly English first message from a parent the school has down as Dutch: answer in English.
        if (firstMessage && turn.Conversation.Language is null && understood.Language == Texts.English && turn.Parent.Language != Texts.English)
        {
            turn.Conversation.Language = Texts.English;
        }

        await StartAsync(dc, understood);
    }

    private async Task StartAsync(DialogContext dc, Understanding.Understanding understood)
    {
        var turn = dc.Turn;
        var services = turn.Services;
        var child = turn.Parent.Children.FirstOrDefault(c => c.FirstName == understood.Child);
        var teacher = services.TeacherOf(turn, child);
        // "Welke ziekmeldingen heb ik gedaan?" reads as a question or an absence; either way it asks for the reports.
        if (absences.AsksForReports(turn.Message.Text) && understood.Intent is Intents.Absence or Intents.Faq or Intents.Unknown)
        {
            await dc.BeginDialogAsync(MyReportsDialog.DialogId);
            return;
        }

        // "Tim is weer beter" closes a sick report; "Tim is better" may look like a question about Tim to the understander.
        if ((understood.Intent == Intents.Absence || (understood.Child is not null && understood.Intent is Intents.Faq or Intents.Unknown or Intents.Greeting))
            && absences.SaysRecovered(turn, turn.Message.Text))
        {
            await dc.BeginDialogAsync(RecoveryDialog.DialogId, new AbsenceRequest(turn.Message.Text));
            return;
        }

        switch (understood.Intent)
        {
            case Intents.Absence:
                await dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(turn.Message.Text));
                break;
            case Intents.Faq:
                await dc.BeginDialogAsync(FaqDialog.DialogId, new FaqRequest(turn.Message.Text, understood.Faq, understood.Confidence, understood.FaqCandidates.Select(h => h.TopicId).ToList()));
                break;
            case Intents.Handoff:
                await services.PassOnAsync(turn, "handoff", turn.Message.Text, child);
                turn.Send("handoff.passed_on", ("teacher", teacher));
                break;
            case Intents.Feedback:
                await services.PassOnAsync(turn, "feedback", turn.Message.Text, child);
                turn.Send("feedback.thanks");
                break;
            case Intents.Booking or Intents.BookingChange:
                await services.PassOnAsync(turn, "booking", turn.Message.Text, child);
                turn.Send("booking.not_yet", ("teacher", teacher));
                break;
            case Intents.Privacy:
                await services.PassOnAsync(turn, "privacy", turn.Message.Text, child: null);
                turn.Send("privacy.passed_on", ("email", services.School.Info.Email));
                break;
            case Intents.Greeting:
                if (services.Texts.Words(Texts.Dutch, "thanks").Concat(services.Texts.Words(Texts.English, "thanks")).Any(w => ChoiceRecognizer.ContainsPhrase(turn.Normalized, w)))
                {
                    turn.Send("thanks");
                }
                else
                {
                    turn.Send("greeting", ("parent", turn.Parent.Name.Split(' ')[0]));
                }

                break;
            case Intents.Help:
                turn.Send("help");
                ShowMenu(turn);
                break;
            case Intents.Language:
                await SwitchLanguageAsync(dc, RequestedLanguage(turn, understood));
                break;
            default:
                turn.Send("unknown");
                ShowMenu(turn);
                break;
        }
    }

    private static Task StartFromMenuAsync(DialogContext dc, string intent) => intent switch
    {
        Intents.Absence => dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(null)),
        Intents.Language => SwitchLanguageAsync(dc, dc.Turn.Language == Texts.English ? Texts.Dutch : Texts.English),
        _ => AskQuestion(dc.Turn),
    };

    private static Task AskQuestion(TurnContext turn)
    {
        turn.Send("menu.ask_question");
        return Task.CompletedTask;
    }

    /// <summary>English or Dutch when the message names it; otherwise the other of the two.</summary>
    private static string? RequestedLanguage(TurnContext turn, Understanding.Understanding understood)
    {
        var words = turn.Normalized.Split(' ');
        if (words.Any(w => w is "english" or "engels" or "en"))
        {
            return Texts.English;
        }

        if (words.Any(w => w is "nederlands" or "dutch" or "nl"))
        {
            return Texts.Dutch;
        }

        // "Spreekt u Turks?": a language the bot does not write.
        return understood.Language == Texts.English && turn.Language == Texts.Dutch ? Texts.English : null;
    }

    private static async Task SwitchLanguageAsync(DialogContext dc, string? language)
    {
        if (language is null)
        {
            dc.Turn.Send("language.unsupported");
            return;
        }

        dc.Turn.Conversation.Language = language;
        dc.Turn.Send("language.switched");
        await dc.RepromptAsync();
    }

    private static void ShowMenu(TurnContext turn)
    {
        var list = string.Join('\n', MenuItems.Select((item, i) => $"{i + 1}. {turn.Services.Texts.Render(turn.Language, item.Label)}"));
        turn.Send("menu", ("choices", list));
        turn.Conversation.MenuShown = true;
    }

    private static string? MenuChoice(TurnContext turn)
    {
        var words = MenuItems
            .Select(item => (IReadOnlyList<string>)[Texts.Normalize(turn.Services.Texts.Render(turn.Language, item.Label))])
            .ToList();
        return ChoiceRecognizer.Recognize(turn.Normalized, words) is { } index ? MenuItems[index].Intent : null;
    }
}
