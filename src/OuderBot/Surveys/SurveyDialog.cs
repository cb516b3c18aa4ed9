using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Dialogs;

namespace OuderBot.Surveys;

/// <summary>
/// What the survey dialog asks whom: the survey, the respondent's key (<see cref="SurveyStore.Respondent"/>), the
/// groups the answers count for, whether the parent has several children at the school (the questions then say "uw
/// kinderen"), and for the talk survey the teacher, the child and the talk's time.
/// </summary>
public sealed record SurveyAsk(
    string Survey,
    string Respondent,
    List<string> Groups,
    bool Several = false,
    string? TeacherId = null,
    string? Teacher = null,
    string? ChildId = null,
    DateTime? TalkAt = null)
{
    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, SurveyStore.Json);

    public static SurveyAsk? From(object? options) =>
        options is JsonElement json ? json.Deserialize<SurveyAsk>(SurveyStore.Json) : options as SurveyAsk;
}

/// <summary>
/// Asks a survey's questions one at a time and keeps each answer as it comes (<see cref="SurveyStore"/>), so a parent
/// who stops ("later", or simply no answer) loses nothing and goes on later with "vragenlijst" at the first open
/// question. A 1-5 question takes numbers, words and emoji (<see cref="SurveyAnswers"/>) and re-asks twice at most;
/// then it stops, kindly, with the way back. An open question takes the parent's own words, or "nee". Started by the
/// bot (after a talk, or sent by the office), it steps aside for a request of the parent's own like any such question.
/// </summary>
public sealed class SurveyDialog(SurveyCatalog catalog, SurveyAnswers answers, SurveyStore store) : Dialog(DialogId)
{
    public const string DialogId = "survey";
    private const int MaxAttempts = 3;

    private sealed class State
    {
        public SurveyAsk? Ask { get; set; }
        public string? Question { get; set; }
        public int Attempts { get; set; }
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var turn = dc.Turn;
        if (SurveyAsk.From(options) is not { } ask || catalog.Find(ask.Survey) is not { } survey)
        {
            return await dc.EndDialogAsync();
        }

        var (response, created) = await store.OpenAsync(turn.School, ask.Respondent, new SurveyResponse
        {
            Survey = survey.Id,
            Groups = ask.Groups,
            TeacherId = ask.TeacherId,
            Teacher = ask.Teacher,
            TalkAt = ask.TalkAt,
            ChildId = ask.ChildId,
            AskedAt = turn.School.Clock.UtcNow,
        }, turn.CancellationToken);
        if (NextQuestion(survey, response) is not { } question)
        {
            return await dc.EndDialogAsync(); // answered before: nothing to ask
        }

        var args = Args(turn, survey, ask);
        // The first time: what the survey is. Going on later: how much is left. Asked again after a request of the
        // parent's own before anything was answered: just the question.
        if (created && survey.Intro[turn.Language] is { Length: > 0 })
        {
            turn.Send(Say.PerLanguage(Texts.Languages.ToDictionary(l => l, l => SurveyQuestion.Fill(survey.Intro[l], args))));
        }
        else if (response.Answers.Count > 0)
        {
            turn.Send("survey.resumed", ("left", (survey.Questions.Count - response.Answers.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        dc.SetState(new State { Ask = ask, Question = question.Id });
        turn.Send(question.Ask(ask.Several, args));
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc)
    {
        var turn = dc.Turn;
        var state = dc.GetState<State>();
        if (state.Ask is not { } ask || catalog.Find(ask.Survey) is not { } survey || survey.Find(state.Question ?? "") is not { } question)
        {
            return await dc.EndDialogAsync();
        }

        var answer = answers.Read(question, turn.Message.Text);
        switch (answer.Kind)
        {
            case AnswerKind.Pause:
                turn.Send("survey.paused");
                return await dc.EndDialogAsync();
            case AnswerKind.None:
                state.Attempts++;
                if (state.Attempts >= MaxAttempts)
                {
                    turn.Send("survey.gave_up");
                    return await dc.EndDialogAsync();
                }

                dc.SetState(state);
                turn.Send("survey.scale_retry");
                return DialogTurnResult.Waiting;
        }

        var now = turn.School.Clock.UtcNow;
        var kept = new StoredAnswer(answer.Kind == AnswerKind.Score ? answer.Score : null, answer.Kind == AnswerKind.Remark ? answer.Text : null, now);
        if (await store.AnswerAsync(turn.School, survey, ask.Respondent, question.Id, kept, turn.CancellationToken) is not { } response)
        {
            return await dc.EndDialogAsync(); // erased meanwhile ("verwijder mijn gegevens")
        }

        if (NextQuestion(survey, response) is not { } next)
        {
            turn.Send(Say.PerLanguage(survey.Thanks));
            return await dc.EndDialogAsync();
        }

        dc.SetState(new State { Ask = ask, Question = next.Id });
        turn.Send(next.Ask(ask.Several, Args(turn, survey, ask)));
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc)
    {
        var state = dc.GetState<State>();
        if (state.Ask is { } ask && catalog.Find(ask.Survey) is { } survey && survey.Find(state.Question ?? "") is { } question)
        {
            dc.Turn.Send(question.Ask(ask.Several, Args(dc.Turn, survey, ask)));
        }

        return Task.CompletedTask;
    }

    /// <summary>An open question takes the parent's words as they are, also when they read like feedback.</summary>
    public override bool TakesFreeText(DialogContext dc)
    {
        var state = dc.GetState<State>();
        return state.Ask is { } ask && catalog.Find(ask.Survey)?.Find(state.Question ?? "") is { Scale: false };
    }

    /// <summary>A score, "later", or "nee" to an open question: the answer, even where the words could mean more.</summary>
    public override bool RecognizesAnswer(DialogContext dc)
    {
        var state = dc.GetState<State>();
        return state.Ask is { } ask && catalog.Find(ask.Survey)?.Find(state.Question ?? "") is { } question
            && answers.Read(question, dc.Turn.Message.Text).Kind is AnswerKind.Score or AnswerKind.Pause or AnswerKind.Skipped;
    }

    private static SurveyQuestion? NextQuestion(Survey survey, SurveyResponse response) =>
        response.CompletedAt is null ? survey.Questions.FirstOrDefault(q => !response.Answers.ContainsKey(q.Id)) : null;

    private static Dictionary<string, string> Args(TurnContext turn, Survey survey, SurveyAsk ask) => new()
    {
        ["school"] = turn.School.Data.Info.Name,
        ["count"] = survey.Questions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["teacher"] = ask.Teacher ?? "",
        ["child"] = turn.School.Data.Children.FirstOrDefault(c => c.Id == ask.ChildId)?.FirstName ?? "",
    };
}
