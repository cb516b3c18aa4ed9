using System.Text.Json;
using System.Text.Json.Serialization;

namespace OuderBot.Bot;

/// <summary>
/// Everything the bot keeps per parent, in one document ("conversations/{phone}"), so that a turn costs one read
/// and one write: the dialog stack, the chosen language, and the last handled message ids for exactly-once replies.
/// </summary>
public sealed class ConversationData
{
    public const int RememberedMessages = 5;

    /// <summary>Language the parent chose in the chat (null: the school's data decides).</summary>
    public string? Language { get; set; }

    /// <summary>The dialog stack, bottom first.</summary>
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>Whether the last thing the bot showed was the menu, so a bare number picks from it.</summary>
    public bool MenuShown { get; set; }

    public DateTimeOffset? LastTurnAt { get; set; }

    /// <summary>The last handled provider message ids and the replies they got; a retried webhook gets the same answer.</summary>
    public List<HandledMessage> Handled { get; set; } = [];

    public void Remember(string providerMessageId, IReadOnlyList<Reply> replies)
    {
        Handled.Add(new HandledMessage(providerMessageId, replies.Select(r => r.Text).ToList()));
        if (Handled.Count > RememberedMessages)
        {
            Handled.RemoveRange(0, Handled.Count - RememberedMessages);
        }
    }
}

/// <summary>One dialog on the stack: its id and its own state as JSON.</summary>
public sealed class DialogFrame
{
    public required string Id { get; set; }
    public JsonElement? State { get; set; }
}

public sealed record HandledMessage(string Id, List<string> Replies);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConversationData))]
internal sealed partial class BotJsonContext : JsonSerializerContext;
