using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Inbox;
using OuderBot.Understanding;

namespace OuderBot.Announcements;

/// <summary>What the question dialog needs to ask: the announcement and its text per language.</summary>
public sealed record AnnouncementQuestion(string AnnouncementId, Dictionary<string, string> Texts);

/// <summary>
/// An announcement with expectsAnswer: a yes/no question the bot starts. The answer is kept per parent for the
/// office; a parent who does not answer is asked again only by the prompt's own retries, never nagged later.
/// </summary>
public sealed class AnnouncementQuestionDialog : WaterfallDialog<AnnouncementQuestionDialog.State>
{
    public const string DialogId = "announcement.question";
    public const string AnswerPrompt = "announcement.answer";

    private readonly AnnouncementStore _store;

    public AnnouncementQuestionDialog(AnnouncementStore store)
        : base(DialogId)
    {
        _store = store;
        AddStep("Ask", AskStep);
        AddStep("Keep", KeepStep);
    }

    public static IEnumerable<Dialog> Prompts() => [new ConfirmPrompt(AnswerPrompt)];

    public sealed class State
    {
        public string AnnouncementId { get; set; } = "";
    }

    private async Task<DialogTurnResult> AskStep(WaterfallStep<State> step)
    {
        var question = step.Options is JsonElement json ? json.Deserialize<AnnouncementQuestion>(AnnouncementStore.Json) : step.Options as AnnouncementQuestion;
        if (question is null)
        {
            return await step.EndAsync();
        }

        step.State.AnnouncementId = question.AnnouncementId;
        return await step.PromptAsync(AnswerPrompt, new PromptOptions { Prompt = Say.PerLanguage(question.Texts) });
    }

    private async Task<DialogTurnResult> KeepStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        if (step.Result is bool yes)
        {
            await _store.AnswerAsync(turn.School, step.State.AnnouncementId, turn.Parent.Phone, yes, turn.CancellationToken);
            turn.Send(yes ? "announcement.answered_yes" : "announcement.answered_no");
        }

        return await step.EndAsync();
    }
}

/// <summary>
/// A reply to a plain announcement (within a day, and nothing else the bot would do with it: no report, no question it
/// can answer) goes to the school's inbox with the announcement, so the office reads it.
/// </summary>
internal sealed class AnnouncementReplyHandler(SchoolInbox inbox) : IMessageHandler
{
    public const string NoticeKind = "announcement";
    private static readonly TimeSpan ReplyWindow = TimeSpan.FromHours(24);

    // Before feedback and greetings (100, 200): "Leuk, wij komen!" and "Thanks!" are replies to what the school sent.
    public int Order => 90;

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        var turn = dc.Turn;
        var notice = turn.Conversation.Notices.LastOrDefault(n => n.Kind == NoticeKind);
        if (notice is null || turn.Message.ReceivedAt - notice.At > ReplyWindow || understood.Intent is not (Intents.Unknown or Intents.Greeting or Intents.Feedback))
        {
            return false;
        }

        turn.Conversation.Notices.Remove(notice);
        await inbox.PassOnAsync(turn, "announcement-reply", turn.Message.Text, child: null, about: notice.Id);
        turn.Send("announcement.reply_passed_on");
        return true;
    }
}
