using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Absence;

/// <summary>How a report was saved: as a new absence, or merged into one the school already had.</summary>
public enum SaveOutcome
{
    New,
    AlreadyReportedBySameParent,
    AlsoReportedByOtherParent,

    /// <summary>A correction left this report as it was: it stands, nothing is saved or told.</summary>
    Unchanged,
}

public sealed record SavedAbsence(AbsenceReport Report, SaveOutcome Outcome);

/// <summary>
/// Keeps absence reports durably, one document per child, merging duplicates (same parent twice, or both parents).
/// The office's overview finds its children through an index, so its cost grows with the absences in the range, not
/// with the school's history: an empty marker absence-months/{yyyy-MM}/{childId} for every month a child has a report
/// in (a year at most per report), and absence-open/{childId} while a child has an open-ended or longer one.
/// </summary>
public sealed class AbsenceStore(IStateStore store, DocumentCache documents)
{
    public const string Prefix = "absences/";
    public const string MonthsPrefix = "absence-months/";
    public const string OpenPrefix = "absence-open/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The markers this instance knows are there: a repeat report costs no extra round trip.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _markers = new();

    /// <summary>One document per child of a school: "schools/{school}/absences/{childId}".</summary>
    public static string Key(SchoolContext school, string childId) => school.Key(Prefix + childId);

    /// <summary>Saves the report, or merges it into the same absence reported earlier.</summary>
    public async Task<SavedAbsence> SaveAsync(SchoolContext school, AbsenceReport report, CancellationToken cancellationToken)
    {
        ChildAbsences? reindex = null;
        var saved = await UpdateAsync(school, report.ChildId, doc =>
        {
            if (doc.Reports.FirstOrDefault(r => r.Id == report.Id) is { } own)
            {
                // This very report, saved by an earlier run of the turn; its index markers may not have been (cheap: cached).
                reindex = doc;
                return (new SavedAbsence(own, SaveOutcome.New), false);
            }

            var same = doc.Reports.FirstOrDefault(r => r.Includes(report));
            if (same is null)
            {
                doc.Reports.Add(report);
                return (new SavedAbsence(report, SaveOutcome.New), true);
            }

            if (same.ReportedBy == report.ReportedBy || same.AlsoReportedBy.Contains(report.ReportedBy))
            {
                return (new SavedAbsence(same, SaveOutcome.AlreadyReportedBySameParent), false);
            }

            same.AlsoReportedBy.Add(report.ReportedBy);
            same.AlsoReportedByNames.Add(report.ReportedByName);
            return (new SavedAbsence(same, SaveOutcome.AlsoReportedByOtherParent), true);
        }, cancellationToken);

        if (reindex is not null)
        {
            await IndexAsync(school, report.ChildId, reindex, cancellationToken);
        }

        return saved;
    }

    /// <summary>Changes one report (withdraw, close); returns it as stored, or null when it does not exist.</summary>
    public Task<AbsenceReport?> ChangeAsync(SchoolContext school, string childId, string reportId, Action<AbsenceReport> change, CancellationToken cancellationToken) =>
        UpdateAsync(school, childId, doc =>
        {
            var report = doc.Reports.FirstOrDefault(r => r.Id == reportId);
            if (report is null)
            {
                return ((AbsenceReport?)null, false);
            }

            change(report);
            return (report, true);
        }, cancellationToken);

    /// <summary>
    /// The child's reports as this instance last wrote them, else as stored. Only for a hint that changes nothing when
    /// it is behind another instance (whether a report continues a conversation: at worst it is confirmed once more).
    /// </summary>
    public async Task<IReadOnlyList<AbsenceReport>> ForChildAsWrittenAsync(SchoolContext school, string childId, CancellationToken cancellationToken)
    {
        var version = await documents.ReadAsync(Key(school, childId), cancellationToken);
        return version.Exists ? Deserialize(version.Content.Span).Reports : [];
    }

    /// <summary>The child's reports as stored now (read from the store, not from this instance's copy).</summary>
    public async Task<IReadOnlyList<AbsenceReport>> ForChildAsync(SchoolContext school, string childId, CancellationToken cancellationToken)
    {
        var existing = await store.ReadAsync(Key(school, childId), cancellationToken);
        return existing is null ? [] : Deserialize(existing.Content.Span).Reports;
    }

    /// <summary>
    /// The reports of every child with a report in a month of <paramref name="first"/>..<paramref name="last"/> or an
    /// open-ended one, read from the store (for the office's overview): the index's listings, then one read per child.
    /// </summary>
    public async Task<IReadOnlyList<AbsenceReport>> InRangeAsync(SchoolContext school, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var children = new SortedSet<string>(StringComparer.Ordinal);
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.Year == 9999 && month.Month == 12 ? DateOnly.MaxValue : month.AddMonths(1))
        {
            await AddChildrenAsync(school.Key($"{MonthsPrefix}{month:yyyy-MM}/"), children, cancellationToken);
            if (month == DateOnly.MaxValue)
            {
                break;
            }
        }

        await AddChildrenAsync(school.Key(OpenPrefix), children, cancellationToken);
        var all = new List<AbsenceReport>();
        foreach (var child in children)
        {
            all.AddRange(await ForChildAsync(school, child, cancellationToken));
        }

        return all;
    }

    private async Task AddChildrenAsync(string prefix, SortedSet<string> children, CancellationToken cancellationToken)
    {
        await foreach (var key in store.ListKeysAsync(prefix, cancellationToken))
        {
            children.Add(key[prefix.Length..]);
        }
    }

    /// <summary>A report is indexed by its months for a year at most; longer (or open-ended) it is on the open list.</summary>
    public const int IndexedMonths = 12;

    private static bool OnOpenList(AbsenceReport report) =>
        report.Active && (report.End is null
            || (report.Start.Year < 9998 && report.End >= new DateOnly(report.Start.Year, report.Start.Month, 1).AddMonths(IndexedMonths)));

    /// <summary>Keeps the index in step with the child's reports as just written.</summary>
    private async Task IndexAsync(SchoolContext school, string childId, ChildAbsences doc, CancellationToken cancellationToken)
    {
        foreach (var report in doc.Reports)
        {
            var first = new DateOnly(report.Start.Year, report.Start.Month, 1);
            var end = report.End ?? report.Start;
            for (var (month, n) = (first, 0); month <= end && n < IndexedMonths; (month, n) = (month.Year == 9999 && month.Month == 12 ? DateOnly.MaxValue : month.AddMonths(1), n + 1))
            {
                await MarkAsync(school.Key($"{MonthsPrefix}{month:yyyy-MM}/{childId}"), cancellationToken);
                if (month == DateOnly.MaxValue)
                {
                    break;
                }
            }
        }

        // The open marker is never taken from this instance's memory: another instance may have deleted it.
        var open = school.Key(OpenPrefix + childId);
        if (doc.Reports.Any(OnOpenList))
        {
            await store.MarkAsync(open, cancellationToken);
        }
        else if (doc.Reports.Any(r => r.ClosedAt is not null || (r.OpenEnded && !r.Active)))
        {
            // It was open until now (closed by "weer beter", or withdrawn): the marker goes, if another instance left one.
            await store.DeleteAsync(open, cancellationToken: cancellationToken);
        }
    }

    private async Task MarkAsync(string key, CancellationToken cancellationToken)
    {
        if (_markers.ContainsKey(key))
        {
            return;
        }

        await store.MarkAsync(key, cancellationToken);
        _markers[key] = true;
    }

    /// <summary>Removes the child's reports whose last day (an open-ended one: its first) is before <paramref name="before"/>;
    /// a child with none left loses the document. Returns how many reports went.</summary>
    public async Task<int> PruneAsync(SchoolContext school, string childId, DateOnly before, CancellationToken cancellationToken)
    {
        var removed = await UpdateAsync(school, childId, doc =>
        {
            var count = doc.Reports.RemoveAll(r => (r.End ?? r.Start) < before);
            return (count, count > 0);
        }, cancellationToken);

        var left = await store.ReadAsync(Key(school, childId), cancellationToken);
        if (left is not null && Deserialize(left.Content.Span).Reports.Count == 0 && await Privacy.RetentionSweep.DeleteIfUnchangedAsync(store, Key(school, childId), left.ETag, cancellationToken))
        {
            documents.Forget(Key(school, childId));
        }

        return removed;
    }

    private async Task<T> UpdateAsync<T>(SchoolContext school, string childId, Func<ChildAbsences, (T Result, bool Changed)> update, CancellationToken cancellationToken)
    {
        ChildAbsences? written = null;
        // The other parent (or another instance) may change the child's reports meanwhile: then it is read again and redone.
        var result = await documents.UpdateAsync(Key(school, childId), existing =>
        {
            var doc = existing.Exists ? Deserialize(existing.Content.Span) : new ChildAbsences();
            var (result, changed) = update(doc);
            written = changed ? doc : null;
            return changed ? Change<T>.Write(result, JsonSerializer.SerializeToUtf8Bytes(doc, Json)) : Change<T>.None(result);
        }, cancellationToken);

        if (written is not null)
        {
            await IndexAsync(school, childId, written, cancellationToken);
        }

        return result;
    }

    private static ChildAbsences Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ChildAbsences>(json, Json) ?? new ChildAbsences();
}

/// <summary>Absence registrations go the school's period (default a year) after the absence's last day.</summary>
internal sealed class AbsenceRetention(IStateStore store, AbsenceStore absences) : Privacy.IRetentionPolicy
{
    public string Kind => "absence reports";

    public async Task<int> PurgeAsync(Privacy.RetentionContext context, CancellationToken cancellationToken)
    {
        var before = context.Today.AddDays(-context.Periods.AbsenceDays);
        // Index months wholly before the period: their reports are going now.
        var months = context.Prefix(AbsenceStore.MonthsPrefix);
        foreach (var key in await Privacy.RetentionSweep.KeysAsync(store, months, cancellationToken))
        {
            if (DateOnly.TryParseExact(key.AsSpan(months.Length, 7), "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var month)
                && month.AddMonths(1) <= before)
            {
                await store.DeleteAsync(key, cancellationToken: cancellationToken);
            }
        }

        var count = 0;
        var prefix = context.Prefix(AbsenceStore.Prefix);
        foreach (var key in await Privacy.RetentionSweep.KeysAsync(store, prefix, cancellationToken))
        {
            count += await absences.PruneAsync(context.School, key[prefix.Length..], before, cancellationToken);
        }

        return count;
    }
}
