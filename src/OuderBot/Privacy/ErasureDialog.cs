using OuderBot.Bot;
using OuderBot.Dialogs;

namespace OuderBot.Privacy;

/// <summary>
/// What a capability keeps from a parent that the parent may have erased ("verwijder mijn gegevens"): what they sent
/// and what the bot sent them. What the school must keep (absence registrations, a standing STOP) has no eraser.
/// </summary>
public interface IParentDataEraser
{
    /// <summary>Deletes the parent's documents of this kind; returns how many went.</summary>
    Task<int> EraseAsync(SchoolContext school, string parentPhone, CancellationToken cancellationToken);
}

/// <summary>
/// "Verwijder mijn gegevens": after a yes, the parent's conversation with the bot (dialog state, language choice, the
/// replies kept for retries) and every message they sent to the school or the bot sent them are deleted. Kept, and
/// said so: absence reports (the school must keep attendance, Leerplichtwet), a standing STOP (so no message goes to
/// them), the ids of handled messages for 48 hours (a replayed webhook must change nothing), and the school's own
/// registration of the family, which the office manages.
/// </summary>
public sealed class ErasureDialog : WaterfallDialog<ErasureDialog.State>
{
    public const string DialogId = "privacy.erase";
    public const string ConfirmPrompt = "privacy.erase.confirm";

    private readonly IEnumerable<IParentDataEraser> _erasers;

    public ErasureDialog(IEnumerable<IParentDataEraser> erasers)
        : base(DialogId)
    {
        _erasers = erasers;
        AddStep("Confirm", ConfirmStep);
        AddStep("Erase", EraseStep);
    }

    public static IEnumerable<Dialog> Prompts() => [new Dialogs.ConfirmPrompt(ConfirmPrompt)];

    public sealed class State;

    /// <summary>Whether the message asks for the parent's data to be erased.</summary>
    public static bool Asks(TurnContext turn) =>
        Texts.Languages.Any(l => turn.Texts.Words(l, "erase").Any(w => ChoiceRecognizer.ContainsPhrase(turn.Normalized, w)));

    private async Task<DialogTurnResult> ConfirmStep(WaterfallStep<State> step) =>
        await step.PromptAsync(ConfirmPrompt, new PromptOptions { Prompt = Say.Text("privacy.erase_confirm") });

    private async Task<DialogTurnResult> EraseStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        if (step.Result is not true)
        {
            turn.Send("privacy.not_erased");
            return await step.EndAsync();
        }

        var count = 0;
        foreach (var eraser in _erasers)
        {
            count += await eraser.EraseAsync(turn.School, turn.Parent.Phone, turn.CancellationToken);
        }

        turn.Send("privacy.erased", ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("email", turn.School.Data.Info.Email));
        var conversation = turn.Conversation;
        conversation.Language = null;
        conversation.MenuShown = false;
        conversation.ForgetReplies();
        conversation.Notices.Clear();
        // What the bot started stays known by id only (so it is not sent again), without the words it sent.
        conversation.Started = [.. conversation.Started.Select(s => s with { FirstWords = null })];
        return await step.EndAsync();
    }
}
