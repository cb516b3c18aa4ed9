using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Inbox;
using OuderBot.Understanding;

namespace OuderBot.Digest;

/// <summary>
/// A parent's reply to a teacher's answer (within three days, and nothing else the bot would do with it: no report,
/// no question it can answer) goes to the school's inbox with the question it answers, so it reaches the teacher in
/// the next digest under that question.
/// </summary>
internal sealed class DigestReplyHandler(SchoolInbox inbox, DigestStore store) : IMessageHandler
{
    public const string NoticeKind = "digest-answer";
    public const string NoticePrefix = "digest-answer-";
    private static readonly TimeSpan ReplyWindow = TimeSpan.FromDays(3);

    // Before the announcement's reply (90) and the pass-on (100): "Dank u, kan ik morgen bellen?" answers the teacher.
    public int Order => 89;

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        var turn = dc.Turn;
        var notice = turn.Conversation.Notices.LastOrDefault(n => n.Kind == NoticeKind);
        if (notice is null || turn.Message.ReceivedAt - notice.At > ReplyWindow
            || understood.Intent is not (Intents.Unknown or Intents.Greeting or Intents.Feedback or Intents.Handoff)
            || !notice.Id.StartsWith(NoticePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var itemId = notice.Id[NoticePrefix.Length..];
        var answer = await store.AnswerAsync(turn.School, itemId, turn.CancellationToken);
        turn.Conversation.Notices.Remove(notice);
        await inbox.PassOnAsync(turn, HandoffDigestSource.ReplyKind, turn.Message.Text, child: null, about: itemId);
        turn.Send("digest.reply_passed_on", ("teacher", answer?.Teacher ?? turn.TeacherOf()));
        return true;
    }
}
