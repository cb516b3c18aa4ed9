using System.Diagnostics.Metrics;
using OuderBot.Dialogs;
using OuderBot.Operations;
using OuderBot.School;
using OuderBot.Storage;

namespace OuderBot.Bot;

/// <summary>
/// The one path every message takes, whatever the channel (terminal chat, local HTTP, Twilio):
/// recognise the parent, load the conversation, run the bot, save with an ETag check, and only then hand the replies back.
/// A conflicting write (the same parent's other turn on another instance) re-runs the turn on the stored version.
/// An exception is logged, the parent gets a short apology, and the dialog stack is cleared so nobody gets stuck.
/// </summary>
public sealed class TurnPipeline(
    IBot bot,
    ConversationStore conversations,
    Texts texts,
    KeyedLock locks,
    StoreReadiness readiness,
    ILogger<TurnPipeline> logger)
{
    private const int MaxAttempts = 6;
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(10);

    /// <summary>A dialog left unanswered this long is forgotten: an old question must not swallow a new message.</summary>
    public static readonly TimeSpan DialogTimeout = TimeSpan.FromHours(4);

    /// <summary>A question the bot started may be answered the next days (it steps aside for any other request meanwhile).</summary>
    public static readonly TimeSpan StartedQuestionTimeout = TimeSpan.FromDays(3);

    private static readonly Meter Meter = new("OuderBot.Turns");
    private static readonly Counter<long> TurnCounter = Meter.CreateCounter<long>("ouderbot.turns");
    private long _turns;

    public long Turns => Interlocked.Read(ref _turns);

    /// <summary>Handles one message to <paramref name="school"/>: the sender is one of its parents, or a stranger to it.</summary>
    public async Task<TurnOutcome> ProcessAsync(SchoolContext school, InboundMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _turns);
        TurnCounter.Add(1, new KeyValuePair<string, object?>("channel", message.Channel), new KeyValuePair<string, object?>("school", school.Id));
        var (channel, schoolTag) = (BotTelemetry.Tag("channel", message.Channel), BotTelemetry.Tag("school", school.Id));
        BotTelemetry.MessagesIn.Add(1, channel, schoolTag);
        // One span per turn: what kind of turn it was, never the words or the number (the intent and dialog are tagged as they are known).
        using var activity = BotTelemetry.Source.StartActivity("turn", System.Diagnostics.ActivityKind.Internal);
        activity?.SetTag("ouderbot.channel", message.Channel);
        activity?.SetTag("ouderbot.school", school.Id);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await ProcessTimedAsync(school, message, activity, cancellationToken);
        BotTelemetry.TurnDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, channel, schoolTag);
        BotTelemetry.MessagesOut.Add(outcome.Replies.Count, channel, schoolTag);
        activity?.SetTag("ouderbot.replies", outcome.Replies.Count);
        activity?.SetTag("ouderbot.duplicate", outcome.Duplicate);
        if (outcome.Retryable)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "store unavailable");
        }

        return outcome;
    }

    private async Task<TurnOutcome> ProcessTimedAsync(SchoolContext school, InboundMessage message, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {

        var parent = school.Data.FindParent(message.From);
        activity?.SetTag("ouderbot.parent_known", parent is not null);
        if (parent is null)
        {
            logger.LogInformation("Message from unknown number {Phone} on {Channel} to {School}", Phone.Mask(Phone.TryNormalize(message.From) ?? message.From), message.Channel, school.Id);
            return new TurnOutcome([Stranger(school, message)]);
        }

        if (!readiness.IsReady)
        {
            try
            {
                await readiness.WaitUntilReadyAsync(cancellationToken).WaitAsync(StartupWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("Store not ready after {Wait}; turn for {Phone} not handled, the sender may retry", StartupWait, Phone.Mask(parent.Phone));
                return Unavailable(parent);
            }
        }

        // A conversation is one school and one parent: a parent at two schools has two.
        using var _ = await locks.AcquireAsync(school.Key(parent.Phone), cancellationToken);
        try
        {
            // A conflict means the same parent's other turn (on another instance) wrote first: the turn runs again on
            // the stored version, so no reply is ever given for a state that was not saved.
            return await conversations.UpdateAsync(school, parent.Phone, async (loaded, data) =>
            {
                if (message.ProviderMessageId is { } id && data.Handled.FirstOrDefault(h => h.Id == id) is { } handled)
                {
                    return (new TurnOutcome(handled.Replies.Select(r => new Reply(r)).ToList(), Duplicate: true), false);
                }

                var now = school.Clock.UtcNow;
                if (data.DialogForgotten(now, DialogTimeout, StartedQuestionTimeout))
                {
                    // A question the bot started that was left for another dialog is asked again after this message;
                    // one left itself for three days has had its time.
                    var open = data.OpenStart;
                    var forgottenItself = open is not null && data.Stack.Count > 0 && data.Stack[0].Id == open.DialogId;
                    if (open is not null && !forgottenItself)
                    {
                        data.Waiting.Insert(0, open);
                    }

                    data.Stack.Clear();
                    data.OpenStart = null;
                    data.MenuShown = false;
                }

                // Questions waiting longer than a started question lives are not asked any more: never nag.
                data.Waiting.RemoveAll(w => now - w.At > StartedQuestionTimeout);

                var replies = await RunBotAsync(school, message, parent, loaded, data, activity, cancellationToken);
                data.LastTurnAt = school.Clock.UtcNow;
                data.LastActivityAt = data.LastTurnAt;
                data.LastChannel = message.Channel;
                activity?.SetTag("ouderbot.dialog", data.Stack.Count > 0 ? data.Stack[0].Id : "none");
                if (message.ProviderMessageId is { } providerId)
                {
                    data.Remember(providerId, replies, school.Clock.UtcNow);
                }

                return (new TurnOutcome(replies), true);
            }, MaxAttempts, cancellationToken);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or StoreConflictException)
        {
            logger.LogWarning(ex, "Turn for {Phone} not handled: store unavailable or busy; the sender may retry", Phone.Mask(parent.Phone));
            return Unavailable(parent);
        }
    }

    // The intent goes on the pipeline's own span (not through Activity.Current from inside the bot): "none" when the
    // message went to the open dialog as its answer without being read for an intent.
    private async Task<IReadOnlyList<Reply>> RunBotAsync(SchoolContext school, InboundMessage message, Parent parent, LoadedConversation loaded, ConversationData data,
        System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(message, school, parent, data, texts, cancellationToken);
        try
        {
            await bot.OnTurnAsync(turn);
            activity?.SetTag("ouderbot.intent", turn.Intent ?? "none");
            if (turn.Replies.Count == 0)
            {
                turn.Send("help");
            }

            return turn.Replies;
        }
        catch (Exception ex) when (ex is not (StoreUnavailableException or StoreConflictException or OperationCanceledException))
        {
            logger.LogError(ex, "Turn failed for {Phone} on {Channel}; dialog stack cleared", Phone.Mask(parent.Phone), message.Channel);
            // Start from the stored version, not the half-changed one, and clear only the dialogs.
            var fresh = loaded.Deserialize();
            data.Stack = [];
            data.MenuShown = false;
            data.Language = fresh.Language;
            data.Handled = fresh.Handled;
            return [new Reply(texts.Render(Texts.Supported(data.Language ?? parent.Language), "error"))];
        }
    }

    private TurnOutcome Unavailable(Parent parent) =>
        new([new Reply(texts.Render(Texts.Supported(parent.Language), "store_unavailable"))], Retryable: true);

    private Reply Stranger(SchoolContext school, InboundMessage message)
    {
        var info = school.Data.Info;
        var normalized = Texts.Normalize(message.Text);
        bool Speaks(string language) => new[] { "greeting", "absence", "thanks" }
            .Any(list => texts.Words(language, list).Any(w => ChoiceRecognizer.ContainsPhrase(normalized, w)));
        var english = Speaks(Texts.English) && !Speaks(Texts.Dutch);
        return new Reply(texts.Render(english ? Texts.English : Texts.Dutch, "stranger",
            new Dictionary<string, string> { ["school"] = info.Name, ["phone"] = info.Phone, ["email"] = info.Email }));
    }
}
