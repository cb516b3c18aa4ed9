using System.Globalization;
using System.Text.Json;
using OuderBot.Bot;
using OuderBot.School;

namespace OuderBot.Digest;

/// <summary>
/// Builds one teacher's digest by asking every registered <see cref="IDigestSource"/> in order: a summary line of what
/// the sections with news say, then those sections. Sections whose capability is not built yet are there, empty.
/// </summary>
public sealed class DigestComposer(IEnumerable<IDigestSource> sources, DigestStore store)
{
    /// <summary>Every digest's sections in the office's JSON, also before their capability exists (feedback: issue 15).</summary>
    public static readonly IReadOnlyList<string> KnownSections = ["absences", "talks", "handoffs", "feedback"];

    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();
    private readonly IReadOnlyList<IDigestSource> _sources = [.. sources.OrderBy(s => s.Order)];

    public async Task<DigestSnapshot> BuildAsync(SchoolContext school, Teacher teacher, DateOnly date, TimeOnly time, DateTimeOffset asOf, DigestRun run, CancellationToken cancellationToken)
    {
        var teacherId = Booking.TeacherIds.Of(teacher);
        var last = await store.LastAsync(school, teacherId, cancellationToken);
        var since = last is not null && last.At < asOf ? last : null;
        var query = new DigestQuery(school, teacher, teacherId, date, asOf, since, run);
        var sections = new List<DigestSection>();
        foreach (var source in _sources)
        {
            sections.Add(await source.ReadAsync(query, cancellationToken));
        }

        var data = KnownSections.ToDictionary(s => s, _ => EmptyArray, StringComparer.Ordinal);
        foreach (var section in sections)
        {
            data[section.Name] = section.Data;
        }

        var withNews = sections.Where(s => s.HasNews).ToList();
        var summary = withNews.Select(s => s.Summary).OfType<string>().ToList();
        var digest = new TeacherDigest
        {
            School = school.Id,
            TeacherId = teacherId,
            Teacher = teacher.Name,
            Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time = DigestSchedule.Label(time),
            Summary = summary.Count > 0 ? string.Join(", ", summary) : DigestWords.NothingNew,
            Sections = data,
            HasNews = withNews.Count > 0,
        };
        // The kept digest names parents (their questions): it goes when one of them asks to be erased.
        IReadOnlyList<string> phones = [.. sections.SelectMany(s => s.ParentPhones ?? []).Distinct(StringComparer.Ordinal)];
        return new DigestSnapshot(digest, sections, asOf, OutboxId(date, time, teacherId), phones);
    }

    /// <summary>What the next digest compares with: each section's state as of this one.</summary>
    public static DigestLastState LastState(DigestSnapshot snapshot) => new(
        snapshot.BuiltAt,
        snapshot.Digest.Date,
        snapshot.Digest.Time,
        snapshot.Sections.Where(s => s.State is not null).ToDictionary(s => s.Name, s => s.State!.Value, StringComparer.Ordinal));

    /// <summary>The digest's outbox id: the same for every instance and every re-run, so the outbox sends it once.</summary>
    public static string OutboxId(DateOnly date, TimeOnly time, string teacherId) =>
        string.Create(CultureInfo.InvariantCulture, $"digest-{date:yyyyMMdd}-{DigestStore.TimeKey(time)}-{teacherId}");
}
