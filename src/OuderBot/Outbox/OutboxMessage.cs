namespace OuderBot.Outbox;

/// <summary>Where a message is in its life. Pending and Sending live under outbox/pending/, the rest under outbox/done/.</summary>
public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Rejected,
    Suppressed,
    GaveUp,

    /// <summary>Not sent: its words reached the parent in a reply first (a held-back question asked in the conversation).</summary>
    Withdrawn,
}

/// <summary>
/// A message the bot starts (a notice to a teacher, a reminder to a parent), kept in the store until it is sent,
/// so a restart or a failing provider loses nothing.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Stable id: enqueuing the same id again does nothing (a turn that runs twice sends once).</summary>
    public required string Id { get; init; }

    /// <summary>"email", "sms" or "whatsapp".</summary>
    public required string Channel { get; init; }

    /// <summary>E-mail address or E.164 phone number.</summary>
    public required string To { get; init; }

    public string? Subject { get; init; }
    public required string Body { get; init; }

    /// <summary>E-mail only: an HTML version of <see cref="Body"/> (sent as multipart/alternative, the text part for
    /// clients that show no HTML). Every text from outside in it must be HTML-escaped by whoever builds it.</summary>
    public string? Html { get; init; }

    /// <summary>WhatsApp: the approved template to send instead when the 24-hour window is closed (Twilio ContentSid).</summary>
    public string? ContentSid { get; init; }

    /// <summary>WhatsApp template variables as JSON ({"1": "Tim"}).</summary>
    public string? ContentVariables { get; init; }

    /// <summary>What it is for ("absence-notice", "reminder"): for logs and the office.</summary>
    public required string Purpose { get; init; }

    /// <summary>Held back during quiet hours (night, Sunday): reminders to parents. Notices teachers need now are not.</summary>
    public bool RespectQuietHours { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public OutboxStatus Status { get; set; }

    /// <summary>While Sending: when another instance may take the message over (the sender died mid-send).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The provider's id (Twilio's MessageSid, the SMTP Message-ID).</summary>
    public string? ProviderId { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>What one send attempt came to.</summary>
public abstract record SendResult
{
    private SendResult()
    {
    }

    /// <summary>The provider took the message.</summary>
    public sealed record Sent(string? ProviderId) : SendResult;

    /// <summary>It may work later (429, 5xx, a network error, the mail server down).</summary>
    public sealed record Retry(string Reason, TimeSpan? After = null, string? Code = null) : SendResult;

    /// <summary>It will never work (unsubscribed, invalid number): recorded, not retried.</summary>
    public sealed record Rejected(string Reason, string? Code = null) : SendResult;
}

/// <summary>Sends outbox messages of one channel.</summary>
public interface IOutboxTransport
{
    /// <summary>"email", "sms" or "whatsapp" (a transport may serve several).</summary>
    bool Serves(string channel);

    /// <summary>Sends the message on behalf of <paramref name="school"/> (its sender, its name in a template).</summary>
    Task<SendResult> SendAsync(Bot.SchoolContext school, OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>Recipients the bot must not write to (a parent who sent STOP). Checked when enqueuing and again before sending.</summary>
public interface IRecipientBlocklist
{
    Task<bool> IsBlockedAsync(Bot.SchoolContext school, string channel, string to, CancellationToken cancellationToken);
}

/// <summary>What a provider reported of a sent message (Twilio's status callbacks): joined to the outbox message by its provider id.</summary>
public interface IDeliveryStatusSource
{
    /// <summary>The provider's latest status of the message ("delivered", "read", "undelivered", ...), or null when it said nothing.</summary>
    Task<string?> StatusOfAsync(Bot.SchoolContext school, string providerId, CancellationToken cancellationToken);
}
