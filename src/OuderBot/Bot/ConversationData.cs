using System.Text.Json;
using System.Text.Json.Serialization;

namespace OuderBot.Bot;

/// <summary>
/// Everything the bot keeps per parent, in one document ("conversations/{phone}"), so that a turn costs one read
/// and one write: the dialog stack, the chosen language, and the last handled message ids for exactly-once replies.
/// </summary>
public sealed class ConversationData
{
    /// <summary>The replies of this many latest messages are kept, so a retried webhook gets the same answer.</summary>
    public const int RememberedMessages = 5;

    /// <summary>
    /// Every message id handled within this window is remembered, however many came after it: Twilio's signature
    /// carries no time, so a captured webhook replayed later must change nothing. Older replays are not recognised.
    /// </summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(48);

    /// <summary>Language the parent chose in the chat (null: the school's data decides).</summary>
    public string? Language { get; set; }

    /// <summary>The dialog stack, bottom first.</summary>
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>Whether the last thing the bot showed was the menu, so a bare number picks from it.</summary>
    public bool MenuShown { get; set; }

    /// <summary>The rest of a long reply, sent when the parent's next message is "meer" (null: nothing held back).</summary>
    public string? More { get; set; }

    /// <summary>When the parent last wrote (null: never; their first message may set the language).</summary>
    public DateTimeOffset? LastTurnAt { get; set; }

    /// <summary>The last moment the conversation moved: the parent wrote, or something the bot started reached them
    /// (held by quiet hours: when it goes out). Retention counts from here.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>The question the bot started that is on the stack now: it yields to a message that is a request of its own.</summary>
    public WaitingStart? OpenStart { get; set; }

    /// <summary>When <see cref="OpenStart"/> reached the parent (after quiet hours when it waited for them).</summary>
    public DateTimeOffset? OpenStartAt { get; set; }

    /// <summary>The moment retention counts from.</summary>
    public DateTimeOffset? ActiveAt => LastActivityAt > LastTurnAt || LastTurnAt is null ? LastActivityAt : LastTurnAt;

    /// <summary>
    /// Whether the dialog on the stack has been left too long: a question the bot started after three days from when it
    /// reached the parent (or their last message), any other after four hours from the parent's last message.
    /// </summary>
    public bool DialogForgotten(DateTimeOffset now, TimeSpan dialogTimeout, TimeSpan startedTimeout)
    {
        if (OpenStart is { } open && Stack.Count > 0 && Stack[0].Id == open.DialogId)
        {
            var since = OpenStartAt > LastTurnAt || LastTurnAt is null ? OpenStartAt : LastTurnAt;
            return since is { } at && now - at > startedTimeout;
        }

        return LastTurnAt is { } last && now - last > dialogTimeout;
    }

    /// <summary>The channel of the parent's last message ("sms", "whatsapp", "local"): where a message the bot starts goes.</summary>
    public string? LastChannel { get; set; }

    /// <summary>Conversations the bot started with this parent (by their id), so starting one twice sends it once.</summary>
    public List<StartedConversation> Started { get; set; } = [];

    /// <summary>What the bot told the parent without asking (a plain announcement), so a reply can be placed.</summary>
    public List<SentNotice> Notices { get; set; } = [];

    /// <summary>Questions the bot started while the parent was in the middle of something else, first come first.</summary>
    public List<WaitingStart> Waiting { get; set; } = [];

    /// <summary>The provider message ids handled within <see cref="ReplayWindow"/>, oldest first; the latest
    /// <see cref="RememberedMessages"/> with the replies they got.</summary>
    public List<HandledMessage> Handled { get; set; } = [];

    public void Remember(string providerMessageId, IReadOnlyList<Reply> replies, DateTimeOffset now)
    {
        Handled.Add(new HandledMessage(providerMessageId, replies.Select(r => r.Text).ToList(), now));
        Handled.RemoveAll(h => h.At is { } at && now - at > ReplayWindow);
        for (var i = 0; i < Handled.Count - RememberedMessages; i++)
        {
            Handled[i] = Handled[i] with { Replies = [] };
        }
    }

    /// <summary>Forgets what the bot said (the replies kept for retries) but not which messages it handled.</summary>
    public void ForgetReplies()
    {
        for (var i = 0; i < Handled.Count; i++)
        {
            Handled[i] = Handled[i] with { Replies = [] };
        }
    }
}

/// <summary>One dialog on the stack: its id and its own state as JSON.</summary>
public sealed class DialogFrame
{
    public required string Id { get; set; }
    public JsonElement? State { get; set; }
}

/// <summary>A conversation the bot started: its id, when, and the first words it sent (to send them again if lost).</summary>
public sealed record StartedConversation(string Id, DateTimeOffset At, string? FirstWords);

/// <summary>A message the bot sent without a question: its kind ("announcement"), its id, and when.</summary>
public sealed record SentNotice(string Kind, string Id, DateTimeOffset At);

/// <summary>A dialog the bot will start once the parent's current one is done or forgotten.</summary>
public sealed record WaitingStart(string Id, string DialogId, JsonElement? Options, DateTimeOffset At);

/// <summary>A handled provider message: its id, the replies it got (kept for the latest few only) and when.</summary>
public sealed record HandledMessage(string Id, List<string> Replies, DateTimeOffset? At = null);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConversationData))]
internal sealed partial class BotJsonContext : JsonSerializerContext;
