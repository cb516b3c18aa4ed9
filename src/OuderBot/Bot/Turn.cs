using OuderBot.Dialogs;
using OuderBot.School;

namespace OuderBot.Bot;

/// <summary>One inbound message from one parent, as a channel adapter hands it to the bot.</summary>
/// <param name="Channel">"local", "sms", "whatsapp", ...</param>
/// <param name="From">The sender's address on that channel ("+31611111111", "whatsapp:+31611111111").</param>
/// <param name="To">The school's address on that channel.</param>
/// <param name="Text">The message text (may be empty when only media was sent).</param>
/// <param name="MediaCount">How many attachments came with it.</param>
/// <param name="ProviderMessageId">The channel's id of the message (Twilio's MessageSid); a repeat is answered once.</param>
/// <param name="ReceivedAt">When the bot received it.</param>
public sealed record InboundMessage(
    string Channel,
    string From,
    string To,
    string Text,
    int MediaCount,
    string? ProviderMessageId,
    DateTimeOffset ReceivedAt);

/// <summary>A reply to the parent.</summary>
public sealed record Reply(string Text);

/// <summary>What a turn produced: the replies, and whether the parent should simply send the message again later.</summary>
public sealed record TurnOutcome(IReadOnlyList<Reply> Replies, bool Retryable = false, bool Duplicate = false);

/// <summary>Everything a dialog may use during one turn. Replies are collected and handed to the channel at the end.</summary>
public sealed class TurnContext(
    InboundMessage message,
    SchoolContext school,
    Parent parent,
    ConversationData conversation,
    Texts texts,
    CancellationToken cancellationToken)
{
    private readonly List<Reply> _replies = [];

    public InboundMessage Message { get; } = message;

    /// <summary>The school the message is for; the parent is one of its parents, and only its children are theirs here.</summary>
    public SchoolContext School { get; } = school;
    public Parent Parent { get; } = parent;
    public ConversationData Conversation { get; } = conversation;
    public Texts Texts { get; } = texts;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The message text, normalised for matching (lower case, no accents or punctuation).</summary>
    public string Normalized { get; } = Texts.Normalize(message.Text);

    /// <summary>The parent's language: chosen in the chat, else from the school's data.</summary>
    public string Language => Texts.Supported(Conversation.Language ?? Parent.Language);

    public IReadOnlyList<Reply> Replies => _replies;

    /// <summary>What the parent's message was understood as, once the bot read it (for the turn's span).</summary>
    public string? Intent { get; set; }

    public void Send(Say say) => _replies.Add(new Reply(Texts.Render(Language, say)));

    public void Send(string key, params (string Name, string Value)[] args) => Send(Say.Text(key, args));

    /// <summary>The most a long reply takes by SMS before the rest waits behind "meer": two segments.</summary>
    public const int MaxSegments = 2;

    /// <summary>
    /// A text that may be long (a school's FAQ answer): what fits in <see cref="MaxSegments"/> SMS segments, cut at
    /// a line or sentence, with "Typ 'meer' voor de rest."; the rest waits in the conversation for "meer".
    /// </summary>
    public void SendInParts(string text)
    {
        var hint = Texts.Render(Language, Say.Text("more.hint"));
        var (first, rest) = FirstPart(text.Trim(), hint);
        _replies.Add(new Reply(rest is null ? first : first + "\n" + hint));
        Conversation.More = rest;
    }

    /// <summary>The longest start of the text, at a line or sentence end, that fits with the hint; the whole text when it fits alone.</summary>
    internal static (string First, string? Remainder) FirstPart(string text, string hint)
    {
        if (Channels.Twilio.SmsSegments.Count(text) <= MaxSegments)
        {
            return (text, null);
        }

        var cut = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n' ? i : text[i] is '.' or '!' or '?' or ':' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) ? i + 1 : -1;
            if (end <= 0)
            {
                continue;
            }

            if (Channels.Twilio.SmsSegments.Count(text[..end].TrimEnd() + "\n" + hint) > MaxSegments)
            {
                break;
            }

            cut = end;
        }

        if (cut <= 0)
        {
            // No sentence end early enough: cut at the last space that fits.
            cut = text.Length;
            while (cut > 0 && (text[cut - 1] != ' ' || Channels.Twilio.SmsSegments.Count(text[..cut].TrimEnd() + "\n" + hint) > MaxSegments))
            {
                cut--;
            }
        }

        return cut <= 0 ? (text, null) : (text[..cut].TrimEnd(), text[cut..].Trim());
    }

    /// <summary>The teacher of the child, or of the parent's children when they share one group; else "de leerkracht".</summary>
    public string TeacherOf(Child? child = null)
    {
        var groups = (child is null ? Parent.Children : [child]).Select(c => c.GroupId).Distinct().ToList();
        return (groups.Count == 1 ? School.Data.FindGroup(groups[0])?.Teachers.FirstOrDefault()?.Name : null)
            ?? Texts.Render(Language, "teacher.unknown");
    }
}

/// <summary>The bot's logic for one turn; the turn pipeline around it handles storage, retries and errors.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn);
}
