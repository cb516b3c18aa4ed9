using OuderBot.Dialogs;

namespace OuderBot.Bot;

public enum Intent
{
    Unknown,
    Absence,
    Greeting,
    Thanks,
    Language,
}

/// <summary>
/// Picks what a message outside a running dialog is about, from the word lists in dialogs/prompts.
/// Deliberately simple: the understanding capability replaces it with real intent recognition.
/// </summary>
public sealed class IntentRouter
{
    public Intent Route(TurnContext turn)
    {
        var texts = turn.Services.Texts;
        var text = turn.Normalized;
        if (Texts.Languages.Any(l => texts.Words(l, "absence").Any(w => ChoiceRecognizer.ContainsPhrase(text, w))))
        {
            return Intent.Absence;
        }

        if (texts.IsWord(text, "greeting"))
        {
            return Intent.Greeting;
        }

        return texts.IsWord(text, "thanks") ? Intent.Thanks : Intent.Unknown;
    }
}
