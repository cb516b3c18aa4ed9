using OuderBot.Bot;
using OuderBot.Outbox;
using OuderBot.School;
using OuderBot.Storage;

namespace OuderBot.Digest;

/// <summary>
/// A teacher's digest for a day as the office (and the teacher's page) sees it: the one kept for the latest digest time
/// that came, with whether and when it was sent; before any came, what it would say now.
/// </summary>
public sealed class DigestOffice(DigestComposer composer, DigestStore store, StoreClaims claims, Outbox.Outbox outbox)
{
    public async Task<TeacherDigest> ForDayAsync(SchoolContext school, Teacher teacher, DateOnly date, DigestRun run, CancellationToken cancellationToken)
    {
        var (snapshot, deliveries) = await KeptAsync(school, teacher, date, cancellationToken);
        if (snapshot is not null)
        {
            var mine = deliveries.First(d => d.Time == snapshot.Digest.Time);
            return snapshot.Digest with { Status = mine.Status, Sent = mine.Status == DigestStatus.Sent, SentAt = mine.SentAt, Deliveries = deliveries };
        }

        var preview = await PreviewAsync(school, teacher, date, run, cancellationToken);
        return preview.Digest with { Deliveries = deliveries };
    }

    /// <summary>What the teacher's digest says now (the page's view, the office's before the time comes).</summary>
    public Task<DigestSnapshot> PreviewAsync(SchoolContext school, Teacher teacher, DateOnly date, DigestRun run, CancellationToken cancellationToken)
    {
        var times = Times(school);
        var now = TimeOnly.FromDateTime(school.Clock.LocalNow);
        var next = date > school.Clock.Today ? times[0] : date < school.Clock.Today ? times[^1] : times.FirstOrDefault(t => t > now, times[^1]);
        return composer.BuildAsync(school, teacher, date, next, school.Clock.UtcNow, run, cancellationToken);
    }

    private async Task<(DigestSnapshot? Latest, List<DigestDelivery> Deliveries)> KeptAsync(SchoolContext school, Teacher teacher, DateOnly date, CancellationToken cancellationToken)
    {
        var teacherId = Booking.TeacherIds.Of(teacher);
        DigestSnapshot? latest = null;
        var deliveries = new List<DigestDelivery>();
        foreach (var time in Times(school))
        {
            var snapshot = await store.SnapshotAsync(school, date, time, teacherId, cancellationToken);
            var claim = await claims.GetAsync(DigestSender.ClaimName(school, date, time, teacherId), cancellationToken);
            var (status, sentAt) = (claim?.Outcome, snapshot) switch
            {
                (DigestStatus.Skipped, _) => (DigestStatus.Skipped, (DateTimeOffset?)null),
                (DigestStatus.NothingToTell, _) => (DigestStatus.NothingToTell, null),
                (_, { } kept) when kept.Digest.HasNews || school.Data.Digest.SendWhenEmpty => await DeliveryAsync(school, kept.OutboxId, cancellationToken),
                (_, not null) => (DigestStatus.NothingToTell, null),
                _ => (DigestStatus.NotDue, null),
            };
            deliveries.Add(new DigestDelivery(DigestSchedule.Label(time), status, sentAt));
            latest = snapshot ?? latest;
        }

        return (latest, deliveries);
    }

    private async Task<(string, DateTimeOffset?)> DeliveryAsync(SchoolContext school, string outboxId, CancellationToken cancellationToken) =>
        await outbox.FindAsync(school, outboxId, cancellationToken) switch
        {
            { Status: OutboxStatus.Sent } sent => (DigestStatus.Sent, sent.FinishedAt),
            { Status: OutboxStatus.Rejected or OutboxStatus.GaveUp } => (DigestStatus.Failed, null),
            _ => (DigestStatus.Queued, null),
        };

    private static IReadOnlyList<TimeOnly> Times(SchoolContext school) =>
        school.Data.Digest.Enabled ? school.Data.Digest.Times : [DigestSchedule.DefaultTime];
}
