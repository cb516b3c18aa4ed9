using OuderBot.Absence;
using OuderBot.Dialogs;

namespace OuderBot.Bot;

/// <summary>
/// The top of every turn: global commands first (they work in the middle of any dialog), then the running dialog,
/// then the router. With nothing to do the parent gets the menu: never silence.
/// </summary>
public sealed class MainBot(DialogSet dialogs, IntentRouter router) : IBot
{
    public async Task OnTurnAsync(TurnContext turn)
    {
        var dc = new DialogContext(dialogs, turn);
        var texts = turn.Services.Texts;
        var text = turn.Normalized;
        var menuWasShown = turn.Conversation.MenuShown;
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
            await StartAsync(dc, picked);
            return;
        }

        await StartAsync(dc, router.Route(turn));
    }

    private static async Task StartAsync(DialogContext dc, Intent intent)
    {
        var turn = dc.Turn;
        switch (intent)
        {
            case Intent.Absence:
                await dc.BeginDialogAsync(AbsenceDialog.DialogId, turn.Message.Text);
                break;
            case Intent.Greeting:
                turn.Send("greeting", ("parent", turn.Parent.Name.Split(' ')[0]));
                break;
            case Intent.Thanks:
                turn.Send("thanks");
                break;
            case Intent.Language:
                await SwitchLanguageAsync(dc, turn.Language == Texts.English ? Texts.Dutch : Texts.English);
                break;
            default:
                ShowMenu(turn);
                break;
        }
    }

    private static async Task SwitchLanguageAsync(DialogContext dc, string language)
    {
        dc.Turn.Conversation.Language = language;
        dc.Turn.Send("language.switched");
        await dc.RepromptAsync();
    }

    private static readonly (Intent Intent, string Label)[] MenuItems =
    [
        (Intent.Absence, "menu.absence"),
        (Intent.Language, "menu.language"),
    ];

    private static void ShowMenu(TurnContext turn)
    {
        var list = string.Join('\n', MenuItems.Select((item, i) => $"{i + 1}. {turn.Services.Texts.Render(turn.Language, item.Label)}"));
        turn.Send("menu", ("choices", list));
        turn.Conversation.MenuShown = true;
    }

    private static Intent? MenuChoice(TurnContext turn)
    {
        var words = MenuItems
            .Select(item => (IReadOnlyList<string>)[Texts.Normalize(turn.Services.Texts.Render(turn.Language, item.Label))])
            .ToList();
        return ChoiceRecognizer.Recognize(turn.Normalized, words) is { } index ? MenuItems[index].Intent : null;
    }
}
