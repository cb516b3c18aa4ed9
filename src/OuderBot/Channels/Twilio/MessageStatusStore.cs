using System.Text.Json;
using System.Text.RegularExpressions;
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
public sealed partial class MessageStatusStore(IStateStore store)
{
    private const int MaxAttempts = 5;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key of a message's document; only for a Twilio message SID (<see cref="IsMessageSid"/>), since the
    /// SID names the document: "../" in a blob name is another document.</summary>
    public static string Key(string messageSid) =>
        IsMessageSid(messageSid) ? $"message-status/{messageSid}" : throw new ArgumentException("Not a Twilio message SID.", nameof(messageSid));

    /// <summary>Whether this is a Twilio message SID: SM or MM and 32 hexadecimal digits (Twilio's error 90001 gives this pattern).</summary>
    public static bool IsMessageSid(string? messageSid) => messageSid is not null && MessageSidPattern().IsMatch(messageSid);

    [GeneratedRegex("^(SM|MM)[0-9a-fA-F]{32}$")]
    private static partial Regex MessageSidPattern();

    public async Task<MessageStatusRecord?> GetAsync(string messageSid, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(Key(messageSid), cancellationToken);
        return document is null ? null : JsonSerializer.Deserialize<MessageStatusRecord>(document.Content.Span, Json);
    }

    /// <summary>Adds a reported status; returns the record as stored.</summary>
    public async Task<MessageStatusRecord> RecordAsync(string messageSid, string status, string? errorCode, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = Key(messageSid);
        status = status.Trim().ToLowerInvariant();
        for (var attempt = 1; ; attempt++)
        {
            var existing = await store.ReadAsync(key, cancellationToken);
            var record = existing is null
                ? new MessageStatusRecord { MessageSid = messageSid, Status = status, ErrorCode = errorCode }
                : JsonSerializer.Deserialize<MessageStatusRecord>(existing.Content.Span, Json)!;
            if (record.History.Any(e => e.Status == status && e.ErrorCode == errorCode))
            {
                return record; // Twilio sent this one before
            }

            record.History.Add(new MessageStatusEvent(status, errorCode, at));
            if (Rank(status) >= Rank(record.Status))
            {
                record.Status = status;
                record.ErrorCode = errorCode;
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(record, Json);
            try
            {
                if (existing is null)
                {
                    await store.CreateAsync(key, bytes, cancellationToken);
                }
                else
                {
                    await store.ReplaceAsync(key, bytes, existing.ETag, cancellationToken);
                }

                return record;
            }
            catch (StoreConflictException) when (attempt < MaxAttempts)
            {
                // Two callbacks for one message at the same moment: read again and merge.
            }
        }
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
