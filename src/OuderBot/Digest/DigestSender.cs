using System.Globalization;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Outbox;
using OuderBot.School;
using OuderBot.Storage;

namespace OuderBot.Digest;

/// <summary>
/// Sends each teacher's digest once per school day and digest time, however many instances run and whenever they
/// restart. Coordination is in the store, never in a timer: per school, day, time and teacher one claim
/// (claims/digests/{school}/{date}/{HHmm}/{teacher}, created if absent, taken over with its ETag only when its
/// holder's lease ran out, completed when done), so one instance builds it; the digest as built is kept
/// (digests/{date}/{HHmm}/{teacher}, created if absent), so a takeover after a crash sends the same one; and it is
/// handed to the durable outbox under a stable id.
///
/// Why the outbox and not an SMTP send here: marking "sent" after an SMTP send can never be made atomic with it. Send
/// then crash before the mark, and the next instance sends again (at-least-once); mark then crash before the send,
/// and it is lost (at-most-once). The outbox already solves what can be solved: enqueuing an id that is pending or
/// done does nothing, a send is claimed with an ETag and a lease, a mail server that is down is retried with backoff
/// (so the digest goes out late, once), and the Message-ID is the outbox id, so the one window left (an instance that
/// dies after the mail server took the mail and before the store heard of it, resent once its 2-minute lease runs out)
/// arrives with the same Message-ID and a mail client or server that deduplicates shows it once. We prefer that rare
/// duplicate to a lost digest.
///
/// A digest time that passed while no instance ran is sent late, once, when one runs again that day; when a later time
/// of the same day has come too, only that one goes (it carries everything since the last digest) and the earlier is
/// recorded as skipped.
/// </summary>
public sealed class DigestSender(
    Schools schools,
    DigestComposer composer,
    DigestStore store,
    DigestLinks links,
    StoreClaims claims,
    Outbox.Outbox outbox,
    IOptionsMonitor<DigestOptions> options,
    IOptionsMonitor<SmtpOptions> smtp,
    ILogger<DigestSender> logger)
{
    // The digests this instance knows are finished: later polls of the day cost no round trip for them.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _done = new(StringComparer.Ordinal);

    public static string ClaimName(SchoolContext school, DateOnly date, TimeOnly time, string teacherId) =>
        string.Create(CultureInfo.InvariantCulture, $"digests/{school.Id}/{date:yyyy-MM-dd}/{DigestStore.TimeKey(time)}/{teacherId}");

    /// <summary>One look at every school: the digests whose time has come and that nobody sent yet.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!smtp.CurrentValue.Enabled)
        {
            return; // no mail server: the office still sees each digest (GET /api/admin/digests)
        }

        foreach (var school in schools.All.Where(s => s.Data.Digest.Enabled))
        {
            try
            {
                await RunAsync(school, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Digest: the digests of {School} could not be sent now; trying again", school.Id);
            }
        }
    }

    private async Task RunAsync(SchoolContext school, CancellationToken cancellationToken)
    {
        var local = school.Clock.LocalNow;
        var today = DateOnly.FromDateTime(local);
        if (!school.Calendar.IsSchoolDay(today))
        {
            return;
        }

        var due = school.Data.Digest.Times.Where(t => t <= TimeOnly.FromDateTime(local)).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var run = new DigestRun();
        foreach (var teacher in school.Data.Teachers)
        {
            var teacherId = Booking.TeacherIds.Of(teacher);
            foreach (var earlier in due[..^1])
            {
                await SkipAsync(school, today, earlier, teacherId, cancellationToken);
            }

            await SendAsync(school, teacher, teacherId, today, due[^1], run, cancellationToken);
        }
    }

    private async Task SkipAsync(SchoolContext school, DateOnly date, TimeOnly time, string teacherId, CancellationToken cancellationToken)
    {
        var name = ClaimName(school, date, time, teacherId);
        if (_done.ContainsKey(name) || await claims.GetAsync(name, cancellationToken) is not null)
        {
            _done[name] = true;
            return; // sent, being sent, or skipped before
        }

        if (await claims.TryClaimAsync(name, options.CurrentValue.Lease, cancellationToken) is { } claim)
        {
            await claims.CompleteAsync(claim, DigestStatus.Skipped, cancellationToken);
        }
    }

    private async Task SendAsync(SchoolContext school, Teacher teacher, string teacherId, DateOnly date, TimeOnly time, DigestRun run, CancellationToken cancellationToken)
    {
        var name = ClaimName(school, date, time, teacherId);
        if (_done.ContainsKey(name))
        {
            return;
        }

        var claim = await claims.TryClaimAsync(name, options.CurrentValue.Lease, cancellationToken);
        if (claim is null)
        {
            // Done, or another instance is at it (then it is looked at again next time, in case that one dies).
            if (await claims.GetAsync(name, cancellationToken) is { DoneAt: not null })
            {
                _done[name] = true;
            }

            return;
        }

        try
        {
            // A takeover after a crash finds the digest as it was built, and sends that one.
            var snapshot = await store.SnapshotAsync(school, date, time, teacherId, cancellationToken)
                ?? await store.KeepAsync(school, date, time, teacherId, await composer.BuildAsync(school, teacher, date, time, school.Clock.UtcNow, run, cancellationToken), cancellationToken);
            var outcome = DigestStatus.NothingToTell;
            if (snapshot.Digest.HasNews || school.Data.Digest.SendWhenEmpty)
            {
                var overview = links.OverviewUrl(school, teacherId, snapshot.BuiltAt + links.Lifetime);
                await outbox.EnqueueAsync(school, new OutboxMessage
                {
                    Id = snapshot.OutboxId,
                    Channel = "email",
                    To = teacher.Email,
                    Subject = DigestRender.Subject(snapshot.Digest),
                    Body = DigestRender.Text(snapshot, overview),
                    Html = DigestRender.Mail(snapshot, overview),
                    Purpose = "digest",
                }, cancellationToken);
                outcome = DigestStatus.Queued;
            }

            await store.SetLastAsync(school, teacherId, DigestComposer.LastState(snapshot), cancellationToken);
            await claims.CompleteAsync(claim, outcome, cancellationToken);
            _done[name] = true;
            logger.LogInformation("Digest {Time} of {Date} for {Teacher} at {School}: {Outcome}", DigestSchedule.Label(time), date, teacherId, school.Id, outcome);
        }
        catch (OperationCanceledException)
        {
            // Stopping: given back at once, so another instance takes it over now rather than after the lease.
            await claims.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Digest {Time} of {Date} for {Teacher} at {School} failed; given back for a retry", DigestSchedule.Label(time), date, teacherId, school.Id);
            await claims.ReleaseAsync(claim, CancellationToken.None);
        }
    }
}

/// <summary>On every instance: looks every Digest:PollInterval whether a digest time has come (the store decides who sends).</summary>
internal sealed class DigestWorker(DigestSender sender, StoreReadiness readiness, IOptionsMonitor<DigestOptions> options, Operations.Draining draining, ILogger<DigestWorker> logger)
    : Operations.PollingWorker(readiness, draining, logger, "Digest")
{
    protected override TimeSpan PollInterval => options.CurrentValue.PollInterval;

    // At the first sign of shutdown a digest being built is given back (its claim released) for another instance.
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sender.RunAsync(cancellationToken);
}
