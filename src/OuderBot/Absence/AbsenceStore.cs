using System.Text.Json;
using OuderBot.Storage;

namespace OuderBot.Absence;

/// <summary>Keeps absence reports durably, one document per child, merging duplicates (same parent twice, or both parents).</summary>
public sealed class AbsenceStore(IStateStore store, DocumentCache documents)
{
    private const int MaxAttempts = 5;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Key(string childId) => $"absences/{childId}";

    /// <summary>Saves the report, or merges it into the same absence reported earlier. Returns the stored report.</summary>
    public async Task<AbsenceReport> SaveAsync(AbsenceReport report, CancellationToken cancellationToken)
    {
        var key = Key(report.ChildId);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await documents.ReadAsync(key, cancellationToken);
            var doc = existing.Exists ? JsonSerializer.Deserialize<ChildAbsences>(existing.Content.Span, Json) ?? new ChildAbsences() : new ChildAbsences();
            var same = doc.Reports.FirstOrDefault(r => r.SameAbsence(report));
            AbsenceReport stored;
            if (same is null)
            {
                doc.Reports.Add(report);
                stored = report;
            }
            else if (same.ReportedBy == report.ReportedBy || same.AlsoReportedBy.Contains(report.ReportedBy))
            {
                return same; // already known: nothing to write
            }
            else
            {
                same.AlsoReportedBy.Add(report.ReportedBy);
                stored = same;
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(doc, Json);
            try
            {
                await documents.WriteAsync(existing, bytes, cancellationToken);
                return stored;
            }
            catch (StoreConflictException) when (attempt < MaxAttempts)
            {
                // The other parent reported at the same moment: read again and merge.
            }
        }
    }

    /// <summary>The child's reports as stored now (read from the store, not from this instance's copy).</summary>
    public async Task<IReadOnlyList<AbsenceReport>> ForChildAsync(string childId, CancellationToken cancellationToken)
    {
        var existing = await store.ReadAsync(Key(childId), cancellationToken);
        return existing is null ? [] : JsonSerializer.Deserialize<ChildAbsences>(existing.Content.Span, Json)?.Reports ?? [];
    }
}
