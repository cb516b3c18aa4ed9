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
}

public sealed record SavedAbsence(AbsenceReport Report, SaveOutcome Outcome);

/// <summary>Keeps absence reports durably, one document per child, merging duplicates (same parent twice, or both parents).</summary>
public sealed class AbsenceStore(IStateStore store, DocumentCache documents)
{
    public const string Prefix = "absences/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One document per child of a school: "schools/{school}/absences/{childId}".</summary>
    public static string Key(SchoolContext school, string childId) => school.Key(Prefix + childId);

    /// <summary>Saves the report, or merges it into the same absence reported earlier.</summary>
    public Task<SavedAbsence> SaveAsync(SchoolContext school, AbsenceReport report, CancellationToken cancellationToken) =>
        UpdateAsync(school, report.ChildId, doc =>
        {
            if (doc.Reports.FirstOrDefault(r => r.Id == report.Id) is { } own)
            {
                return (new SavedAbsence(own, SaveOutcome.New), false); // this very report, saved by an earlier run of the turn
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

    /// <summary>The child's reports as stored now (read from the store, not from this instance's copy).</summary>
    public async Task<IReadOnlyList<AbsenceReport>> ForChildAsync(SchoolContext school, string childId, CancellationToken cancellationToken)
    {
        var existing = await store.ReadAsync(Key(school, childId), cancellationToken);
        return existing is null ? [] : Deserialize(existing.Content.Span).Reports;
    }

    /// <summary>Every report of the school's children, read from the store (for the office's overview).</summary>
    public async Task<IReadOnlyList<AbsenceReport>> AllAsync(SchoolContext school, CancellationToken cancellationToken)
    {
        var all = new List<AbsenceReport>();
        await foreach (var key in store.ListKeysAsync(school.Key(Prefix), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document)
            {
                all.AddRange(Deserialize(document.Content.Span).Reports);
            }
        }

        return all;
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

    private Task<T> UpdateAsync<T>(SchoolContext school, string childId, Func<ChildAbsences, (T Result, bool Changed)> update, CancellationToken cancellationToken) =>
        // The other parent (or another instance) may change the child's reports meanwhile: then it is read again and redone.
        documents.UpdateAsync(Key(school, childId), existing =>
        {
            var doc = existing.Exists ? Deserialize(existing.Content.Span) : new ChildAbsences();
            var (result, changed) = update(doc);
            return changed ? Change<T>.Write(result, JsonSerializer.SerializeToUtf8Bytes(doc, Json)) : Change<T>.None(result);
        }, cancellationToken);

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
        var count = 0;
        var prefix = context.Prefix(AbsenceStore.Prefix);
        foreach (var key in await Privacy.RetentionSweep.KeysAsync(store, prefix, cancellationToken))
        {
            count += await absences.PruneAsync(context.School, key[prefix.Length..], before, cancellationToken);
        }

        return count;
    }
}
