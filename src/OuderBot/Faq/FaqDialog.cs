using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Inbox;
using OuderBot.Understanding;

namespace OuderBot.Faq;

/// <summary>What the parent asked and what the understanding made of it.</summary>
public sealed record FaqRequest(string Question, string? TopicId, double Confidence, IReadOnlyList<string> Candidates);

/// <summary>
/// Answers a question from the knowledge base, but never confidently when unsure: above the answer threshold the
/// answer; in the grey zone "Bedoelt u ...?" with the two best topics as a numbered choice; below it an honest
/// "dat weet ik niet" and the offer to pass the question to the teacher (kept in the school's inbox for the digest).
/// </summary>
public sealed class FaqDialog : WaterfallDialog<FaqDialog.State>
{
    public const string DialogId = "faq";
    public const string ChoosePrompt = "faq.choose";
    public const string OfferPrompt = "faq.offer";
    private const string SomethingElse = "other";

    private readonly SchoolInbox _inbox;

    public FaqDialog(SchoolInbox inbox)
        : base(DialogId)
    {
        _inbox = inbox;
        AddStep("Decide", DecideStep);
        AddStep("Chosen", ChosenStep);
        AddStep("Offer", OfferStep);
        AddStep("PassOn", PassOnStep);
    }

    public static IEnumerable<Dialog> Prompts() => [new ChoicePrompt(ChoosePrompt), new ConfirmPrompt(OfferPrompt)];

    public sealed class State
    {
        public string Question { get; set; } = "";
    }

    private async Task<DialogTurnResult> DecideStep(WaterfallStep<State> step)
    {
        // A request waiting behind another one ("Tim is ziek. Wanneer is de kerstvakantie?") comes back as JSON.
        var request = step.Options is JsonElement json ? json.Deserialize<FaqRequest>()! : (FaqRequest)step.Options!;
        step.State.Question = request.Question;
        var topic = request.TopicId is { } topicId ? step.Turn.School.Knowledge.Find(topicId) : null;
        var candidates = request.Candidates.Select(step.Turn.School.Knowledge.Find).OfType<FaqTopic>().Take(2).ToList();
        var action = Decision.Faq(request.Confidence, topic is not null, candidates.Count);
        if (action == Actions.Answer && topic is not null)
        {
            Answer(step.Turn, topic);
            return await step.EndAsync();
        }

        if (action == Actions.Clarify)
        {
            return await step.PromptAsync(ChoosePrompt, new PromptOptions
            {
                Prompt = Say.Text("faq.did_you_mean"),
                Choices =
                [
                    .. candidates.Select(t => new Choice(t.Id, Say.PerLanguage(t.Title), [.. t.Title.Values])),
                    new Choice(SomethingElse, Say.Text("faq.something_else")),
                ],
            });
        }

        return await step.GoToAsync("Offer");
    }

    private async Task<DialogTurnResult> ChosenStep(WaterfallStep<State> step)
    {
        if (step.Result is ChoiceResult { Value: not SomethingElse } choice && step.Turn.School.Knowledge.Find(choice.Value) is { } topic)
        {
            Answer(step.Turn, topic);
            return await step.EndAsync();
        }

        return await step.NextAsync();
    }

    private async Task<DialogTurnResult> OfferStep(WaterfallStep<State> step) =>
        await step.PromptAsync(OfferPrompt, new PromptOptions { Prompt = Say.Text("faq.dont_know", ("teacher", step.Turn.TeacherOf())) });

    private async Task<DialogTurnResult> PassOnStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        if (step.Result is true)
        {
            await _inbox.PassOnAsync(turn, "question", step.State.Question, child: null);
            turn.Send("faq.passed_on", ("teacher", turn.TeacherOf()));
        }
        else
        {
            turn.Send("faq.not_passed");
        }

        return await step.EndAsync();
    }

    private void Answer(TurnContext turn, FaqTopic topic) =>
        turn.SendInParts(FaqKnowledgeBase.Render(topic, turn.Language, turn.School.Data, turn.School.Clock.Today, turn.TeacherOf()));
}
