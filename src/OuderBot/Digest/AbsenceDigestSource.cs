using System.Globalization;
using System.Text.Json;
using OuderBot.Absence;

namespace OuderBot.Digest;

/// <summary>An absence of today: late arrivals (until) and leaving early (from) as times; only the kind, never the parent's words.</summary>
public sealed record DigestAbsence(
    string ChildId,
    string Child,
    string Group,
    string GroupName,
    string Kind,
    string? From,
    string? Until,
    bool ArrivesLate,
    bool LeavesEarly,
    bool ReportedLate,
    string ReportedBy);

/// <summary>A child reported away on coming school days.</summary>
public sealed record DigestComingAbsence(string ChildId, string Child, string GroupName, string Kind, IReadOnlyList<string> Dates, string? From, string? Until);

/// <summary>An open-ended sickness still running: since when, no end known yet.</summary>
public sealed record DigestOpenAbsence(string ChildId, string Child, string GroupName, string Kind, string Since);

public sealed record DigestAbsences(IReadOnlyList<DigestAbsence> Today, IReadOnlyList<DigestComingAbsence> ComingDays, IReadOnlyList<DigestOpenAbsence> OpenEnded);

/// <summary>
/// The teacher's pupils who are away: today, the coming school days, and open-ended sickness still running. Which days a
/// report covers is the absence capability's own rule (<see cref="AbsenceEndpoints.Rows"/>, as the office's overview
/// counts them): an open-ended sickness counts up to today, two reports for one child and day are one.
/// </summary>
internal sealed class AbsenceDigestSource(AbsenceStore absences) : IDigestSource
{
    /// <summary>How far ahead "coming days" looks.</summary>
    public const int ComingDays = 7;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "absences";

    public int Order => 10;

    public async Task<DigestSection> ReadAsync(DigestQuery query, CancellationToken cancellationToken)
    {
        var school = query.School;
        var date = query.Date;
        var last = date.AddDays(ComingDays);
        var all = await query.Run.SharedAsync($"absences/{date:yyyy-MM-dd}", async () => await absences.InRangeAsync(school, date, last, cancellationToken));
        var mine = all.Where(r => query.Teacher.Groups.Contains(r.Group, StringComparer.OrdinalIgnoreCase)).ToList();

        var todayRows = AbsenceEndpoints.Rows(mine, date, date, date, school.Data, school.Calendar, school.Clock);
        var open = new List<DigestOpenAbsence>();
        var today = new List<DigestAbsence>();
        foreach (var row in todayRows)
        {
            var report = mine.FirstOrDefault(r => r.Active && r.OpenEnded && r.ChildId == row.ChildId && r.Covers(date) && r.Start < date);
            if (row.OpenEnded && report is not null)
            {
                open.Add(new DigestOpenAbsence(row.ChildId, row.Child, row.GroupName, row.Kind, report.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                continue;
            }

            today.Add(new DigestAbsence(row.ChildId, row.Child, row.Group, row.GroupName, row.Kind, row.From, row.Until,
                ArrivesLate: row.Until is not null && row.From is null, LeavesEarly: row.From is not null && row.Until is null, row.ReportedLate, row.ReportedBy));
        }

        var coming = AbsenceEndpoints.Rows(mine, date.AddDays(1), last, date, school.Data, school.Calendar, school.Clock)
            .GroupBy(r => (r.ChildId, r.Child, r.GroupName, r.Kind, r.From, r.Until))
            .Select(g => new DigestComingAbsence(g.Key.ChildId, g.Key.Child, g.Key.GroupName, g.Key.Kind, [.. g.Select(r => r.Date).Order(StringComparer.Ordinal)], g.Key.From, g.Key.Until))
            .OrderBy(c => c.Dates[0], StringComparer.Ordinal).ThenBy(c => c.Child, StringComparer.Ordinal)
            .ToList();

        var data = new DigestAbsences(today, coming, open);
        var groups = new List<DigestGroup>();
        if (today.Count > 0)
        {
            groups.Add(new DigestGroup("Vandaag", [.. today.Select(a => new DigestLine(TodayLine(a)))]));
        }

        if (open.Count > 0)
        {
            groups.Add(new DigestGroup("Ziek, nog niet beter gemeld", [.. open.Select(a =>
                new DigestLine($"{a.Child} ({a.GroupName}): {DigestWords.Kind(a.Kind)} sinds {DigestWords.ShortDate(DateOnly.ParseExact(a.Since, "yyyy-MM-dd", CultureInfo.InvariantCulture))}"))]));
        }

        if (coming.Count > 0)
        {
            groups.Add(new DigestGroup("Komende dagen", [.. coming.Select(a =>
                new DigestLine($"{a.Child} ({a.GroupName}): {DigestWords.Kind(a.Kind)}{Part(a.From, a.Until)} op {string.Join(", ", a.Dates.Select(d => DigestWords.ShortDate(DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))))}"))]));
        }

        var away = today.Select(a => a.ChildId).Concat(open.Select(a => a.ChildId)).Distinct().Count();
        var summary = away > 0 ? $"{away} afwezig" : coming.Count > 0 ? $"{coming.Select(c => c.ChildId).Distinct().Count()} later afwezig" : null;
        return new DigestSection(Name, "Afwezig", groups.Count > 0, summary, JsonSerializer.SerializeToElement(data, Json), groups);
    }

    private static string TodayLine(DigestAbsence a)
    {
        var note = a.ArrivesLate ? " (komt later)" : a.LeavesEarly ? " (gaat eerder weg)" : "";
        var late = a.ReportedLate ? ", laat gemeld" : "";
        return $"{a.Child} ({a.GroupName}): {DigestWords.Kind(a.Kind)}{Part(a.From, a.Until)}{note}{late}";
    }

    private static string Part(string? from, string? until) => (from, until) switch
    {
        ({ } f, { } u) => $", van {Dots(f)} tot {Dots(u)}",
        ({ } f, null) => $", vanaf {Dots(f)}",
        (null, { } u) => $", tot {Dots(u)}",
        _ => "",
    };

    private static string Dots(string hhmm) => DigestWords.Time(TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture));
}
