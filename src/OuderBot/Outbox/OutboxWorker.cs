using System.Text.Json;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Outbox;

/// <summary>
/// Sends what the outbox holds, one message at a time, on every instance. A message is claimed with an ETag
/// (status Sending and a lease) before it is sent, so two instances never send it both; a 429/5xx or an outage
/// is retried with doubling backoff; a rejection is recorded and never retried. A restart picks up where it was:
/// the pending messages are in the store. Only when an instance dies in the middle of a send (after the
/// provider took it, before the store heard) can a message go out twice, once its lease has run out.
/// </summary>
public sealed class OutboxWorker(
    Outbox outbox,
    IStateStore store,
    Schools schools,
    IEnumerable<IOutboxTransport> transports,
    IEnumerable<IRecipientBlocklist> blocklists,
    StoreReadiness readiness,
    TimeProvider time,
    IOptionsMonitor<OutboxOptions> options,
    Operations.Draining draining,
    ILogger<OutboxWorker> logger) : Operations.PollingWorker(readiness, draining, logger, "Outbox")
{
    // Stops taking messages at the first sign of shutdown; a send under way still finishes and is recorded.
    protected override TimeSpan PollInterval => options.CurrentValue.PollInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    // Woken by a new message, or the poll interval.
    protected override Task WaitForWorkAsync(CancellationToken cancellationToken) => outbox.WaitForWorkAsync(cancellationToken);

    /// <summary>Sends every due message of every school once. Returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        foreach (var school in schools.All)
        {
            attempted += await SendDueAsync(school, cancellationToken);
        }

        return attempted;
    }

    /// <summary>
    /// The school's due messages, from the due index: the listing is in time order and stops at the first marker that
    /// is not due yet, so a poll costs one listing plus the due work, however many messages wait for later (quiet hours,
    /// reminders days ahead) or are finished. Every <see cref="RepairInterval"/> a sweep of the pending messages makes
    /// any marker a crash lost.
    /// </summary>
    private async Task<int> SendDueAsync(SchoolContext school, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= _nextRepair.GetValueOrDefault(school.Id))
        {
            await RepairAsync(school, cancellationToken);
            _nextRepair[school.Id] = time.GetUtcNow() + RepairInterval;
        }

        var now = time.GetUtcNow();
        var due = new List<(string Key, string Id, DateTimeOffset At)>();
        await foreach (var key in store.ListKeysAsync(school.Key(Outbox.DuePrefix), cancellationToken))
        {
            if (Outbox.ParseDueKey(key) is not { } marker)
            {
                continue;
            }

            if (marker.Due > now)
            {
                break; // the rest is later still
            }

            due.Add((key, marker.Id, marker.Due));
        }

        Operations.BotTelemetry.ObserveBacklog(school.Id, due.Count, due.Count > 0 ? now - due[0].At : TimeSpan.Zero);

        var attempted = 0;
        foreach (var (marker, id, at) in due)
        {
            try
            {
                if (await TrySendAsync(school, marker, id, at, cancellationToken))
                {
                    attempted++;
                }
            }
            catch (Exception ex) when (ex is StoreConflictException or JsonException)
            {
                // Another instance moved it on meanwhile, or the document is damaged: the others still go out.
                logger.LogWarning(ex, "Outbox: skipped one pending message this round");
            }
        }

        return attempted;
    }

    /// <summary>How often each instance checks that every pending message has its marker.</summary>
    public static readonly TimeSpan RepairInterval = TimeSpan.FromMinutes(10);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _nextRepair = new();

    private async Task RepairAsync(SchoolContext school, CancellationToken cancellationToken)
    {
        await foreach (var key in store.ListKeysAsync(school.Key(Outbox.PendingPrefix), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<OutboxMessage>(document.Content.Span, Outbox.Json) is { Status: OutboxStatus.Pending } message)
            {
                await store.MarkAsync(Outbox.DueKey(school, message.NextAttemptAt, message.Id), cancellationToken);
            }
        }
    }

    private async Task<bool> TrySendAsync(SchoolContext school, string marker, string id, DateTimeOffset markedAt, CancellationToken cancellationToken)
    {
        var key = school.Key(Outbox.PendingPrefix + id);
        var document = await store.ReadAsync(key, cancellationToken);
        if (document is null || JsonSerializer.Deserialize<OutboxMessage>(document.Content.Span, Outbox.Json) is not { } message
            || (message.Status == OutboxStatus.Pending && message.NextAttemptAt.UtcTicks != markedAt.UtcTicks))
        {
            // Finished, or moved to another time (its own marker says when): this marker is stale.
            await store.DeleteAsync(marker, cancellationToken: cancellationToken);
            return false;
        }

        var now = time.GetUtcNow();
        var due = message.Status == OutboxStatus.Pending ? message.NextAttemptAt <= now : message.LeaseUntil <= now;
        if (!due)
        {
            return false; // being sent by another instance, whose lease has not run out
        }

        // Claim it: whoever replaces this version first sends it.
        var o = options.CurrentValue;
        message.Status = OutboxStatus.Sending;
        message.LeaseUntil = now + o.Lease;
        message.Attempts++;
        // The claim is taken whole or not at all: a shutdown stops before it, never during it. A claim the store made but
        // the cancelled caller never heard of would hold the message for the whole lease, with nobody sending it.
        cancellationToken.ThrowIfCancellationRequested();
        string etag;
        try
        {
            etag = await store.ReplaceAsync(key, Serialize(message), document.ETag, CancellationToken.None);
        }
        catch (StoreConflictException)
        {
            return false;
        }

        SendResult result;
        try
        {
            result = await SendAsync(school, message, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down before the transport had it: given back as it was, so another instance sends it now, not after the lease.
            message.Status = OutboxStatus.Pending;
            message.LeaseUntil = null;
            message.Attempts--;
            await store.ReplaceAsync(key, Serialize(message), etag, CancellationToken.None);
            throw;
        }

        if (result is SendResult.Rejected or SendResult.Retry)
        {
            var code = result switch { SendResult.Rejected r => r.Code, SendResult.Retry r => r.Code, _ => null } ?? "none";
            Operations.BotTelemetry.FailedSends.Add(1, Operations.BotTelemetry.Tag("channel", message.Channel), Operations.BotTelemetry.Tag("error.code", code));
        }

        // What the provider did is recorded even when the host is shutting down meanwhile: a send the store never heard
        // of would go out again once its lease ran out (a graceful restart must not send a message twice).
        cancellationToken = CancellationToken.None;
        switch (result)
        {
            case SendResult.Sent sent:
                message.ProviderId = sent.ProviderId;
                Operations.BotTelemetry.MessagesOut.Add(1, Operations.BotTelemetry.Tag("channel", message.Channel), Operations.BotTelemetry.Tag("school", school.Id));
                if (message.Purpose == "digest")
                {
                    Operations.BotTelemetry.DigestsSent.Add(1, Operations.BotTelemetry.Tag("school", school.Id));
                }

                await FinishAsync(school, key, marker, etag, message, OutboxStatus.Sent, null, cancellationToken);
                logger.LogInformation("Outbox: {Purpose} {Id} sent by {Channel} (attempt {Attempt})", message.Purpose, message.Id, message.Channel, message.Attempts);
                break;
            case SendResult.Rejected rejected:
                await FinishAsync(school, key, marker, etag, message, OutboxStatus.Rejected, rejected.Reason, cancellationToken);
                logger.LogWarning("Outbox: {Purpose} {Id} rejected by {Channel}, not retried: {Reason}", message.Purpose, message.Id, message.Channel, rejected.Reason);
                break;
            case SendResult.Retry retry when message.Attempts >= o.MaxAttempts:
                await FinishAsync(school, key, marker, etag, message, OutboxStatus.GaveUp, retry.Reason, cancellationToken);
                logger.LogError("Outbox: {Purpose} {Id} given up after {Attempts} attempts: {Reason}", message.Purpose, message.Id, message.Attempts, retry.Reason);
                break;
            case SendResult.Retry retry:
                var backoff = TimeSpan.FromTicks(Math.Min(o.MaxBackoff.Ticks, o.FirstBackoff.Ticks * (1L << Math.Min(message.Attempts - 1, 20))));
                var wait = retry.After is { } after && after > backoff ? after : backoff;
                message.Status = OutboxStatus.Pending;
                message.LeaseUntil = null;
                message.LastError = retry.Reason;
                message.NextAttemptAt = time.GetUtcNow() + wait;
                await store.ReplaceAsync(key, Serialize(message), etag, cancellationToken);
                await store.MarkAsync(Outbox.DueKey(school, message.NextAttemptAt, message.Id), cancellationToken);
                await store.DeleteAsync(marker, cancellationToken: cancellationToken);
                logger.LogWarning("Outbox: {Purpose} {Id} not sent by {Channel} (attempt {Attempt}), again in {Wait}: {Reason}", message.Purpose, message.Id, message.Channel, message.Attempts, wait, retry.Reason);
                break;
        }

        return true;
    }

    private async Task<SendResult> SendAsync(SchoolContext school, OutboxMessage message, CancellationToken cancellationToken)
    {
        foreach (var blocklist in blocklists)
        {
            if (await blocklist.IsBlockedAsync(school, message.Channel, message.To, cancellationToken))
            {
                return new SendResult.Rejected("The recipient opted out.");
            }
        }

        var transport = transports.FirstOrDefault(t => t.Serves(message.Channel));
        if (transport is null)
        {
            return new SendResult.Retry($"No transport for {message.Channel} is configured.");
        }

        try
        {
            // Not cancelled by shutting down: a send under way finishes (the transports have their own time-outs) and
            // is recorded, rather than stopping after the provider may have taken it and leaving it to be sent again.
            return await transport.SendAsync(school, message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new SendResult.Retry(ex.GetType().Name + ": " + ex.Message);
        }
    }

    private async Task FinishAsync(SchoolContext school, string key, string marker, string etag, OutboxMessage message, OutboxStatus status, string? reason, CancellationToken cancellationToken)
    {
        message.Status = status;
        message.LeaseUntil = null;
        message.LastError = reason;
        message.FinishedAt = time.GetUtcNow();
        // done/ first, then pending/: a repeat enqueue that sees either knows the message is handled.
        try
        {
            await store.CreateAsync(school.Key(Outbox.DonePrefix + message.Id), Serialize(message), cancellationToken);
        }
        catch (StoreConflictException)
        {
            // Already finished by an instance that took over an expired lease.
        }

        await store.DeleteAsync(key, etag, cancellationToken);
        await store.DeleteAsync(marker, cancellationToken: cancellationToken);
    }

    private static ReadOnlyMemory<byte> Serialize(OutboxMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, Outbox.Json);
}
