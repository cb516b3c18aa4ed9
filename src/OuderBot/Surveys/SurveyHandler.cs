using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Dialogs;

namespace OuderBot.Surveys;

/// <summary>
/// "vragenlijst" (or "enquete", "survey"): goes on with the parent's newest survey that is still open (asked within
/// Surveys:OpenDays, not finished) at its first unanswered question; says so when there is none or it is done.
/// A phrase, so it comes before the intents.
/// </summary>
internal sealed class SurveyHandler(SurveyCatalog catalog, SurveyAnswers answers, SurveyStore store, IOptionsMonitor<SurveyOptions> options) : IMessageHandler
{
    public int Order => 40;

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        var turn = dc.Turn;
        if (!answers.IsResume(turn.Normalized))
        {
            return false;
        }

        var now = turn.School.Clock.UtcNow;
        var mine = new List<(Survey Survey, string Respondent, SurveyResponse Response)>();
        foreach (var survey in catalog.All)
        {
            foreach (var (respondent, response) in await store.OfParentAsync(turn.School, survey.Id, turn.Parent.Phone, turn.CancellationToken))
            {
                mine.Add((survey, respondent, response));
            }
        }

        var open = mine.Where(m => m.Response.CompletedAt is null && now - m.Response.AskedAt <= TimeSpan.FromDays(options.CurrentValue.OpenDays))
            .OrderByDescending(m => m.Response.AskedAt).FirstOrDefault();
        if (open.Survey is null)
        {
            turn.Send(mine.Count > 0 ? "survey.already_done" : "survey.none_open");
            return true;
        }

        var ask = new SurveyAsk(open.Survey.Id, open.Respondent, open.Response.Groups, turn.Parent.Children.Count > 1,
            open.Response.TeacherId, open.Response.Teacher, open.Response.ChildId, open.Response.TalkAt);
        await dc.BeginDialogAsync(SurveyDialog.DialogId, ask.ToJson());
        // As if the bot had asked it again: a request of the parent's own ("Tim is morgen ziek") makes it step aside.
        turn.Conversation.OpenStart = new WaitingStart("survey-resumed-" + open.Respondent, SurveyDialog.DialogId, ask.ToJson(), now);
        turn.Conversation.OpenStartAt = now;
        return true;
    }
}
