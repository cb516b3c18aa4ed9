using System.Text.Json;
using OuderBot.Dialogs;
using OuderBot.Outbox;
using OuderBot.School;

namespace OuderBot.Bot;

/// <summary>A conversation the bot starts: a stable id (the same id starts it once), the dialog and its options.</summary>
/// <param name="Id">Stable: starting the same id again changes nothing and sends nothing twice.</param>
/// <param name="DialogId">The registered dialog that asks the question.</param>
/// <param name="Options">The dialog's options, as JSON (they may wait in the store until the parent is free).</param>
/// <param name="Purpose">For the outbox and its logs: "announcement", "waiting-list offer", ...</param>
/// <param name="RespectQuietHours">Held back at night and on Sunday (every message to a parent the bot starts).</param>
/// <param name="Channel">Where to ask when the parent's conversation no longer says where they last wrote (it was
/// cleared after the retention period): the channel they used for what the question is about, e.g. the booking.</param>
public sealed record ProactiveStart(string Id, string DialogId, JsonElement? Options, string Purpose, bool RespectQuietHours = true, string? Channel = null);

/// <summary>What became of a start: sent now, waiting behind the parent's current dialog, or done before.</summary>
public enum ProactiveOutcome
{
    Sent,
    Waiting,
    AlreadyStarted,
}

/// <summary>
/// The Bot Framework's ContinueConversation for OuderBot: any capability starts a conversation with a parent outside
/// a turn. It takes the same path as a turn (the parent's lock, an ETag-checked save, re-run on conflict): the dialog
/// goes on the parent's stack at that school and its first words go through the outbox on the channel the parent last
/// used (SMS when they never wrote), with quiet hours, opt-outs and delivery status like every message the bot starts.
/// When the parent is in the middle of another dialog, the new question waits until that one is done (then it is
/// asked in the same reply) or forgotten (then it is asked with the reply to their next message): it never takes an
/// answer meant for the other question, and the parent never has two questions open at once.
/// </summary>
public sealed class ProactiveConversations(
    ConversationStore conversations,
    DialogSet dialogs,
    Texts texts,
    KeyedLock locks,
    OuderBot.Outbox.Outbox outbox,
    ILogger<ProactiveConversations> logger)
{
    /// <summary>How long the ids of started conversations are kept, so a repeat within that time is recognised.</summary>
    public static readonly TimeSpan StartedMemory = TimeSpan.FromDays(60);

    public async Task<ProactiveOutcome> StartAsync(SchoolContext school, Parent parent, ProactiveStart start, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(school.Key(parent.Phone), cancellationToken);
        var now = school.Clock.UtcNow;
        var (outcome, firstWords, channel) = await conversations.UpdateAsync(school, parent.Phone, async (_, data) =>
        {
            if (data.Started.FirstOrDefault(s => s.Id == start.Id) is { } before)
            {
                return ((ProactiveOutcome.AlreadyStarted, before.FirstWords, ChannelOf(data, start.Channel)), false);
            }

            data.Started.RemoveAll(s => now - s.At > StartedMemory);
            var waiting = new WaitingStart(start.Id, start.DialogId, start.Options, now);
            var busy = data.Stack.Count > 0 && !data.DialogForgotten(now, TurnPipeline.DialogTimeout, TurnPipeline.StartedQuestionTimeout);
            if (busy)
            {
                data.Waiting.Add(waiting);
                data.Started.Add(new StartedConversation(start.Id, now, null));
                return ((ProactiveOutcome.Waiting, (string?)null, ChannelOf(data, start.Channel)), true);
            }

            data.Stack.Clear(); // a forgotten dialog: the new question takes its place
            var turn = new TurnContext(new InboundMessage(ChannelOf(data, start.Channel), parent.Phone, school.Id, "", 0, null, now), school, parent, data, texts, cancellationToken);
            await new DialogContext(dialogs, turn).BeginDialogAsync(start.DialogId, start.Options);
            var words = string.Join("\n\n", turn.Replies.Select(r => r.Text));
            data.Started.Add(new StartedConversation(start.Id, now, words));
            data.OpenStart = waiting;
            // The question's time starts when the parent can see it: after quiet hours when it waits for them.
            data.OpenStartAt = start.RespectQuietHours ? outbox.NextAllowed(school, now) : now;
            data.LastActivityAt = data.OpenStartAt;
            return ((ProactiveOutcome.Sent, words, ChannelOf(data, start.Channel)), true);
        }, attempts: 6, cancellationToken);

        // After the save: the question is on the stack before its words can reach the parent. Enqueuing is idempotent
        // by id, so a start that runs again after a crash here sends the words it stored, once.
        if (outcome is not ProactiveOutcome.Waiting && firstWords is { Length: > 0 })
        {
            await outbox.EnqueueAsync(school, new OutboxMessage
            {
                Id = start.Id,
                Channel = channel,
                To = parent.Phone,
                Body = firstWords,
                Purpose = start.Purpose,
                RespectQuietHours = start.RespectQuietHours,
            }, cancellationToken);
        }

        logger.LogInformation("Proactive {Purpose} {Id} to {Phone} at {School}: {Outcome}", start.Purpose, start.Id, Phone.Mask(parent.Phone), school.Id, outcome);
        return outcome;
    }

    /// <summary>
    /// A message the bot starts that asks nothing (a plain announcement): sent at once in the parent's language, busy or
    /// not, and remembered as a notice for <see cref="SentNotice.Kind"/>'s capability to place a reply. Once per id.
    /// </summary>
    public async Task<ProactiveOutcome> NotifyAsync(SchoolContext school, Parent parent, string id, string kind, Say text, string purpose, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(school.Key(parent.Phone), cancellationToken);
        var now = school.Clock.UtcNow;
        var (outcome, words, channel) = await conversations.UpdateAsync(school, parent.Phone, (_, data) =>
        {
            if (data.Started.FirstOrDefault(s => s.Id == id) is { } before)
            {
                return Task.FromResult(((ProactiveOutcome.AlreadyStarted, before.FirstWords, ChannelOf(data)), false));
            }

            var language = Texts.Supported(data.Language ?? parent.Language);
            var rendered = texts.Render(language, text);
            data.Started.RemoveAll(s => now - s.At > StartedMemory);
            data.Started.Add(new StartedConversation(id, now, rendered));
            data.Notices.RemoveAll(n => n.Kind == kind);
            data.Notices.Add(new SentNotice(kind, id, now));
            var sentAt = outbox.NextAllowed(school, now);
            data.LastActivityAt = data.LastActivityAt > sentAt ? data.LastActivityAt : sentAt;
            return Task.FromResult(((ProactiveOutcome.Sent, (string?)rendered, ChannelOf(data)), true));
        }, attempts: 6, cancellationToken);

        if (words is { Length: > 0 })
        {
            await outbox.EnqueueAsync(school, new OutboxMessage { Id = id, Channel = channel, To = parent.Phone, Body = words, Purpose = purpose, RespectQuietHours = true }, cancellationToken);
        }

        return outcome;
    }

    /// <summary>At the end of a turn that left the parent free: the first waiting question is asked now, in the same reply.</summary>
    internal static async Task StartWaitingAsync(DialogContext dc)
    {
        var data = dc.Turn.Conversation;
        if (!dc.HasActiveDialog)
        {
            data.OpenStart = null;
        }

        var now = dc.Turn.School.Clock.UtcNow;
        while (!dc.HasActiveDialog && data.Waiting.Count > 0)
        {
            var next = data.Waiting[0];
            data.Waiting.RemoveAt(0);
            if (now - next.At > TurnPipeline.StartedQuestionTimeout)
            {
                continue; // its time has passed: never nag
            }

            await dc.BeginDialogAsync(next.DialogId, next.Options);
            data.OpenStart = dc.HasActiveDialog ? next : null;
            data.OpenStartAt = now;
        }
    }

    /// <summary>
    /// A question the bot started is open and the parent writes something that is no answer to it but a request of its
    /// own ("Tim is morgen ziek"): the question steps aside (it is asked again once the request is done) and the message
    /// goes where it belongs. True when it stepped aside.
    /// </summary>
    internal static bool StepAside(DialogContext dc, Func<bool> isRequestOfItsOwn)
    {
        var data = dc.Turn.Conversation;
        if (data.OpenStart is not { } open || !dc.HasActiveDialog || data.Stack[0].Id != open.DialogId
            || ConfirmRecognizer.Recognize(dc.Turn.Normalized, dc.Turn.Texts) is not null || IsListNumber(dc.Turn.Normalized) || !isRequestOfItsOwn())
        {
            return false;
        }

        data.Waiting.Insert(0, open);
        data.OpenStart = null;
        dc.CancelAllDialogs();
        return true;
    }

    // "2": the answer to a numbered list (an invitation's times), never a request of its own.
    private static bool IsListNumber(string normalized) => normalized.Length is > 0 and <= 2 && normalized.All(char.IsAsciiDigit);

    // The channel the parent last wrote on, else the one the start names, else SMS (the school's number works for every parent).
    private static string ChannelOf(ConversationData data, string? fallback = null) => data.LastChannel ?? fallback ?? "sms";
}
