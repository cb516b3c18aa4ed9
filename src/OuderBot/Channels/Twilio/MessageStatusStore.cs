using System.Text.Json;
using System.Text.RegularExpressions;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Channels.Twilio;

/// <summary>One status Twilio reported for a message.</summary>
public sealed record MessageStatusEvent(string Status, string? ErrorCode, DateTimeOffset At);

/// <summary>What is known of one sent message: its current status (never moved back) and every status reported.</summary>
public sealed class MessageStatusRecord
{
    public required string MessageSid { get; init; }

    public required string Status { get; set; }

    public string? ErrorCode { get; set; }

    public List<MessageStatusEvent> History { get; init; } = [];
}

/// <summary>
/// Twilio's status callbacks, one document per MessageSid (message-status/{sid}). Callbacks may arrive late or out of
/// order: a "sent" after "delivered" is kept in the history but does not move the message back.
/// </summary>
public sealed partial class MessageStatusStore(IStateStore store, DocumentCache documents) : Outbox.IDeliveryStatusSource
{
    public const string Prefix = "message-status/";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key of a message's document; only for a Twilio message SID (<see cref="IsMessageSid"/>), since the
    /// SID names the document: "../" in a blob name is another document.</summary>
    public static string Key(SchoolContext school, string messageSid) =>
        IsMessageSid(messageSid) ? school.Key(Prefix + messageSid) : throw new ArgumentException("Not a Twilio message SID.", nameof(messageSid));

    /// <summary>Whether this is a Twilio message SID: SM or MM and 32 hexadecimal digits (Twilio's error 90001 gives this pattern).</summary>
    public static bool IsMessageSid(string? messageSid) => messageSid is not null && MessageSidPattern().IsMatch(messageSid);

    [GeneratedRegex("^(SM|MM)[0-9a-fA-F]{32}$")]
    private static partial Regex MessageSidPattern();

    public async Task<MessageStatusRecord?> GetAsync(SchoolContext school, string messageSid, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(Key(school, messageSid), cancellationToken);
        return document is null ? null : JsonSerializer.Deserialize<MessageStatusRecord>(document.Content.Span, Json);
    }

    /// <summary>The latest status Twilio reported of a message the outbox sent (its provider id is the MessageSid).</summary>
    public async Task<string?> StatusOfAsync(SchoolContext school, string providerId, CancellationToken cancellationToken) =>
        IsMessageSid(providerId) ? (await GetAsync(school, providerId, cancellationToken))?.Status : null;

    /// <summary>Adds a reported status; returns the record as stored.</summary>
    public Task<MessageStatusRecord> RecordAsync(SchoolContext school, string messageSid, string status, string? errorCode, DateTimeOffset at, CancellationToken cancellationToken)
    {
        status = status.Trim().ToLowerInvariant();
        // Two callbacks for one message at the same moment: read again and merge.
        return documents.UpdateAsync(Key(school, messageSid), existing =>
        {
            var record = existing.Exists
                ? JsonSerializer.Deserialize<MessageStatusRecord>(existing.Content.Span, Json)!
                : new MessageStatusRecord { MessageSid = messageSid, Status = status, ErrorCode = errorCode };
            if (record.History.Any(e => e.Status == status && e.ErrorCode == errorCode))
            {
                return Change<MessageStatusRecord>.None(record); // Twilio sent this one before
            }

            record.History.Add(new MessageStatusEvent(status, errorCode, at));
            if (Rank(status) >= Rank(record.Status))
            {
                record.Status = status;
                record.ErrorCode = errorCode;
            }

            return Change<MessageStatusRecord>.Write(record, JsonSerializer.SerializeToUtf8Bytes(record, Json));
        }, cancellationToken, cached: false);
    }

    /// <summary>How far a message has come. Final outcomes outrank the way there; "read" outranks "delivered".</summary>
    public static int Rank(string status) => status switch
    {
        "accepted" or "scheduled" => 0,
        "queued" => 1,
        "sending" => 2,
        "sent" => 3,
        "delivered" or "undelivered" or "failed" or "canceled" or "partially_delivered" => 4,
        "read" => 5,
        _ => 0,
    };
}

/// <summary>Delivery statuses go the school's delivery period after Twilio's last word on the message.</summary>
internal sealed class MessageStatusRetention(IStateStore store) : Privacy.IRetentionPolicy
{
    public string Kind => "delivery statuses";

    public Task<int> PurgeAsync(Privacy.RetentionContext context, CancellationToken cancellationToken) =>
        Privacy.RetentionSweep.DeleteExpiredAsync(store, context.Prefix(MessageStatusStore.Prefix),
            d => JsonSerializer.Deserialize<MessageStatusRecord>(d.Content.Span, MessageStatusStore.Json) is { } r
                && (r.History.Count == 0 ? DateTimeOffset.MinValue : r.History.Max(e => e.At)) < context.Cutoff(context.Periods.DeliveryDays),
            cancellationToken);
}
