using OuderBot.Dialogs;
using OuderBot.Understanding;

namespace OuderBot.Bot;

/// <summary>Greetings and thanks: a friendly word back.</summary>
internal sealed class GreetingHandler : IMessageHandler
{
    public int Order => 200;

    public Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        if (understood.Intent != Intents.Greeting)
        {
            return Task.FromResult(false);
        }

        var turn = dc.Turn;
        var texts = turn.Texts;
        if (texts.Words(Texts.Dutch, "thanks").Concat(texts.Words(Texts.English, "thanks")).Any(w => ChoiceRecognizer.ContainsPhrase(turn.Normalized, w)))
        {
            turn.Send("thanks");
        }
        else
        {
            turn.Send("greeting", ("parent", turn.Parent.Name.Split(' ')[0]));
        }

        return Task.FromResult(true);
    }
}

/// <summary>"Wat kun je?": the help text and the menu.</summary>
internal sealed class HelpHandler(Menu menu) : IMessageHandler
{
    public int Order => 200;

    public Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        if (understood.Intent != Intents.Help)
        {
            return Task.FromResult(false);
        }

        dc.Turn.Send("help");
        menu.Show(dc.Turn);
        return Task.FromResult(true);
    }
}

/// <summary>"In het Engels graag", "Spreekt u Turks?": Dutch or English, or an honest no.</summary>
internal sealed class LanguageHandler : IMessageHandler
{
    public int Order => 200;

    public static MenuEntry MenuEntry { get; } = new("menu.language", 90,
        dc => SwitchAsync(dc, dc.Turn.Language == Texts.English ? Texts.Dutch : Texts.English));

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        if (understood.Intent != Intents.Language)
        {
            return false;
        }

        await SwitchAsync(dc, RequestedLanguage(dc.Turn, understood));
        return true;
    }

    public static async Task SwitchAsync(DialogContext dc, string? language)
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
}
