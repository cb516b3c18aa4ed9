using System.Text.Json;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Outbox;

/// <summary>Configuration section "Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the worker looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first retry waits this long; each next one twice as long, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After this many failed attempts the message is given up (and logged as an error). About a day with the defaults.</summary>
    public int MaxAttempts { get; set; } = 60;

    /// <summary>A send that takes longer than this is presumed dead and may be taken over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Quiet hours for messages that respect them: not from <see cref="QuietFrom"/> until <see cref="QuietUntil"/>.</summary>
    public TimeOnly QuietFrom { get; set; } = new(21, 0);

    public TimeOnly QuietUntil { get; set; } = new(7, 30);

    /// <summary>Whether reminders may go out on Sunday.</summary>
    public bool SendOnSunday { get; set; }
}

/// <summary>
/// The durable outbox: messages the bot starts are written to the school's store first (outbox/pending/{id}) and sent by
/// <see cref="OutboxWorker"/>, which retries what may work later with backoff and records what never will.
/// A message moves to outbox/done/{id} once it is finished, so the same id is never sent twice.
/// </summary>
public sealed class Outbox(
    IStateStore store,
    IOptionsMonitor<OutboxOptions> options,
    IEnumerable<IRecipientBlocklist> blocklists,
    IEnumerable<IDeliveryStatusSource> deliveries,
    ILogger<Outbox> logger)
{
    public const string PendingPrefix = "outbox/pending/";
    public const string DonePrefix = "outbox/done/";

    /// <summary>The worker's index: one empty marker per pending message at the moment it is due, ordered by time.</summary>
    public const string DuePrefix = "outbox/due/";

    /// <summary>The marker of a pending message due at <paramref name="due"/>: "outbox/due/{utc ticks}-{id}".</summary>
    public static string DueKey(SchoolContext school, DateTimeOffset due, string id) =>
        school.Key(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DuePrefix}{due.UtcTicks:D19}-{id}"));

    /// <summary>The due time and message id of a marker key.</summary>
    public static (DateTimeOffset Due, string Id)? ParseDueKey(string key)
    {
        var at = key.LastIndexOf(DuePrefix, StringComparison.Ordinal);
        if (at < 0 || key.Length < at + DuePrefix.Length + 21 || key[at + DuePrefix.Length + 19] != '-'
            || !long.TryParse(key.AsSpan(at + DuePrefix.Length, 19), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks))
        {
            return null;
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), key[(at + DuePrefix.Length + 20)..]);
    }


    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Keeps the message for sending; does nothing when a message with the same id is pending or done.
    /// <paramref name="newId"/>: the caller made the id just now (a random part of this very call's work), so it can be
    /// neither pending nor done yet; the two reads of outbox/done that guard a repeat are skipped. The create is still
    /// create-if-absent.</summary>
    public async Task<OutboxStatus> EnqueueAsync(SchoolContext school, OutboxMessage message, CancellationToken cancellationToken, bool newId = false)
    {
        var now = school.Clock.UtcNow;
        var status = OutboxStatus.Pending;
        foreach (var blocklist in blocklists)
        {
            if (await blocklist.IsBlockedAsync(school, message.Channel, message.To, cancellationToken))
            {
                status = OutboxStatus.Suppressed;
            }
        }

        var stored = new OutboxMessage
        {
            Id = message.Id,
            Channel = message.Channel,
            To = message.To,
            Subject = message.Subject,
            Body = message.Body,
            Html = message.Html,
            ContentSid = message.ContentSid,
            ContentVariables = message.ContentVariables,
            Purpose = message.Purpose,
            RespectQuietHours = message.RespectQuietHours,
            CreatedAt = now,
            // A message may be due later (a reminder the evening before); never earlier than now.
            NextAttemptAt = message.RespectQuietHours ? NextAllowed(school, Later(message.NextAttemptAt, now)) : Later(message.NextAttemptAt, now),
            Status = status,
            FinishedAt = status == OutboxStatus.Suppressed ? now : null,
            LastError = status == OutboxStatus.Suppressed ? "The recipient opted out." : null,
        };

        if (!newId && await store.ReadAsync(school.Key(DonePrefix + message.Id), cancellationToken) is not null)
        {
            return OutboxStatus.Sent;
        }

        var key = school.Key((status == OutboxStatus.Suppressed ? DonePrefix : PendingPrefix) + message.Id);
        string etag;
        try
        {
            // Not cancelled by a shutdown: a create the store did but the caller never heard of would leave the message
            // without its due marker.
            etag = await store.CreateAsync(key, JsonSerializer.SerializeToUtf8Bytes(stored, Json), CancellationToken.None);
        }
        catch (StoreConflictException)
        {
            // Queued before (the same turn or start ran again): once is enough. Its marker is made again in case the
            // first enqueue stopped between the two (an instance that died), so it does not wait for the repair sweep.
            if (status == OutboxStatus.Pending && await store.ReadAsync(key, CancellationToken.None) is { } existing
                && JsonSerializer.Deserialize<OutboxMessage>(existing.Content.Span, Json) is { Status: OutboxStatus.Pending } queued)
            {
                await store.MarkAsync(DueKey(school, queued.NextAttemptAt, queued.Id), CancellationToken.None);
                _wake.Release();
            }

            return status;
        }

        // Once stored, the rest is not given up halfway for a shutdown: a pending message without its due marker would
        // wait for the repair sweep (10 minutes), and a repeat of this enqueue finds it stored and adds nothing.
        cancellationToken = CancellationToken.None;

        // The worker writes done/ before it deletes pending/: if it finished this id meanwhile, ours is a repeat.
        if (status == OutboxStatus.Pending && !newId && await store.ReadAsync(school.Key(DonePrefix + message.Id), cancellationToken) is not null)
        {
            await store.DeleteAsync(key, etag, cancellationToken);
            return OutboxStatus.Sent;
        }

        if (status == OutboxStatus.Pending)
        {
            // The worker finds it by this marker; one lost in a crash right here is made again by its repair sweep.
            await store.MarkAsync(DueKey(school, stored.NextAttemptAt, message.Id), cancellationToken);
            logger.LogInformation("Outbox: {Purpose} {Id} queued for {Channel}", message.Purpose, message.Id, message.Channel);
            _wake.Release();
        }

        return status;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// Takes back a message that is still waiting (its words went in a reply instead); once being sent or finished it
    /// stays as it is. Moves it to done/ as <see cref="OutboxStatus.Withdrawn"/>, so enqueuing the id again does nothing.
    /// </summary>
    public async Task WithdrawAsync(SchoolContext school, string id, CancellationToken cancellationToken)
    {
        var key = school.Key(PendingPrefix + id);
        if (await store.ReadAsync(key, cancellationToken) is not { } document
            || JsonSerializer.Deserialize<OutboxMessage>(document.Content.Span, Json) is not { Status: OutboxStatus.Pending } message)
        {
            return;
        }

        var due = message.NextAttemptAt;
        message.Status = OutboxStatus.Withdrawn;
        message.FinishedAt = school.Clock.UtcNow;
        try
        {
            await store.CreateAsync(school.Key(DonePrefix + id), JsonSerializer.SerializeToUtf8Bytes(message, Json), cancellationToken);
            await store.DeleteAsync(key, document.ETag, cancellationToken);
            await store.DeleteAsync(DueKey(school, due, id), cancellationToken: cancellationToken);
        }
        catch (StoreConflictException)
        {
            // The worker took it meanwhile: it goes out after all, which is the lesser harm.
        }
    }

    /// <summary>The message as stored now, pending or done; null when unknown.</summary>
    public async Task<OutboxMessage?> FindAsync(SchoolContext school, string id, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(school.Key(PendingPrefix + id), cancellationToken) ?? await store.ReadAsync(school.Key(DonePrefix + id), cancellationToken);
        return document is null ? null : JsonSerializer.Deserialize<OutboxMessage>(document.Content.Span, Json);
    }

    /// <summary>
    /// Where a message stands for whoever sent it, joining the outbox with the provider's status callbacks: queued
    /// (waiting, quiet hours included, or being sent), sent, delivered, read, failed (refused, given up, undelivered),
    /// suppressed (the recipient opted out); null when the id is unknown.
    /// </summary>
    public async Task<string?> DeliveryAsync(SchoolContext school, string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(school, id, cancellationToken) is not { } message)
        {
            return null;
        }

        switch (message.Status)
        {
            case OutboxStatus.Pending or OutboxStatus.Sending:
                return "queued";
            case OutboxStatus.Suppressed:
                return "suppressed";
            case OutboxStatus.Withdrawn:
                return "sent"; // in a reply to the parent's own message
            case OutboxStatus.Rejected or OutboxStatus.GaveUp:
                return "failed";
        }

        if (message.Channel == LocalOutboxTransport.Channel)
        {
            return "delivered"; // it is in the local channel's inbox
        }

        foreach (var source in deliveries)
        {
            if (message.ProviderId is { } providerId && await source.StatusOfAsync(school, providerId, cancellationToken) is { } status)
            {
                return status switch
                {
                    "delivered" => "delivered",
                    "read" => "read",
                    "undelivered" or "failed" or "canceled" => "failed",
                    _ => "sent",
                };
            }
        }

        return "sent";
    }

    /// <summary>Wakes the worker now (a message was queued) or after the poll interval.</summary>
    internal async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        await _wake.WaitAsync(options.CurrentValue.PollInterval, cancellationToken);
        while (_wake.CurrentCount > 0)
        {
            await _wake.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The first moment outside quiet hours (night, and Sunday unless allowed), in the school's time zone.</summary>
    public DateTimeOffset NextAllowed(SchoolContext school, DateTimeOffset utc)
    {
        var o = options.CurrentValue;
        var clock = school.Clock;
        var local = clock.ToLocal(utc);
        for (var i = 0; i < 3 * 24 * 4; i++)
        {
            var time = TimeOnly.FromDateTime(local);
            var night = o.QuietFrom > o.QuietUntil
                ? time >= o.QuietFrom || time < o.QuietUntil
                : time >= o.QuietFrom && time < o.QuietUntil;
            var sunday = local.DayOfWeek == DayOfWeek.Sunday && !o.SendOnSunday;
            if (!night && !sunday)
            {
                return clock.ToInstant(local);
            }

            // Step to the next quarter past the end of the quiet hours, or through Sunday.
            local = night
                ? local.Date.Add(o.QuietUntil.ToTimeSpan()) > local ? local.Date.Add(o.QuietUntil.ToTimeSpan()) : local.Date.AddDays(1).Add(o.QuietUntil.ToTimeSpan())
                : local.Date.AddDays(1).Add(o.QuietUntil.ToTimeSpan());
        }

        return utc;
    }
}

/// <summary>A finished message (sent, rejected, given up) goes the school's delivery period after it finished; pending ones are work, never deleted.</summary>
internal sealed class OutboxRetention(IStateStore store) : Privacy.IRetentionPolicy
{
    public string Kind => "sent messages";

    public Task<int> PurgeAsync(Privacy.RetentionContext context, CancellationToken cancellationToken) =>
        Privacy.RetentionSweep.DeleteExpiredAsync(store, context.Prefix(Outbox.DonePrefix),
            d => JsonSerializer.Deserialize<OutboxMessage>(d.Content.Span, Outbox.Json) is { } m && (m.FinishedAt ?? m.CreatedAt) < context.Cutoff(context.Periods.DeliveryDays),
            cancellationToken);
}

/// <summary>"Verwijder mijn gegevens": the finished messages the bot sent the parent (what is still to be sent stays work).</summary>
internal sealed class OutboxEraser(IStateStore store) : Privacy.IParentDataEraser
{
    public Task<int> EraseAsync(SchoolContext school, string parentPhone, CancellationToken cancellationToken) =>
        Privacy.RetentionSweep.DeleteExpiredAsync(store, school.Key(Outbox.DonePrefix),
            d => JsonSerializer.Deserialize<OutboxMessage>(d.Content.Span, Outbox.Json) is { } m && School.Phone.TryNormalize(m.To) == parentPhone, cancellationToken);
}
