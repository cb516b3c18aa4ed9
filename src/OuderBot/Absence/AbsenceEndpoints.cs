using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OuderBot.Admin;
using OuderBot.School;

namespace OuderBot.Absence;

/// <summary>One child absent on one school day, as the office registers it.</summary>
public sealed record AbsenceRow(
    string Date,
    string ChildId,
    string Child,
    string Group,
    string GroupName,
    string Kind,
    string? From,
    string? Until,
    string ReportedBy,
    IReadOnlyList<string> AlsoReportedBy,
    DateTimeOffset ReportedAt,
    string Channel,
    bool ReportedLate,
    bool Afterwards,
    bool OpenEnded);

/// <summary>The office's attendance overview: GET /api/admin/absences?from=YYYY-MM-DD&amp;to=YYYY-MM-DD[&amp;format=csv].</summary>
public static class AbsenceEndpoints
{

    /// <summary>Adds the overview to the office's route group (which carries the API key check).</summary>
    public static RouteGroupBuilder MapAbsenceOverview(this RouteGroupBuilder admin)
    {
        admin.MapGet("/absences", OverviewAsync).WithName("AbsenceOverview");
        return admin;
    }

    private static async Task<Results<Ok<List<AbsenceRow>>, FileContentHttpResult, ProblemHttpResult>> OverviewAsync(
        string? from, string? to, string? format, HttpContext http, AbsenceStore store, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        var today = school.Clock.Today;
        if (DateRange.Read(from, to, today, out var problem) is not var (first, last))
        {
            return BadRequest(problem!);
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest("format is json (the default) or csv.");
        }

        var rows = Rows(await store.InRangeAsync(school, first, last, cancellationToken), first, last, today, school.Data, school.Calendar, school.Clock);
        return csv
            ? TypedResults.File(Csv(rows), CsvExport.ContentType, $"absences-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv")
            : TypedResults.Ok(rows);
    }

    /// <summary>
    /// One row per child per school day. An open-ended sickness counts up to today (after that it is not known yet,
    /// unless it starts later). Two reports covering the same child and day (both parents, a report and a
    /// correction) make one row: the one for the whole day first, the other reporters listed with it.
    /// </summary>
    public static List<AbsenceRow> Rows(IEnumerable<AbsenceReport> reports, DateOnly first, DateOnly last, DateOnly today, SchoolData school, SchoolCalendar calendar, SchoolClock clock)
    {
        var rows = new Dictionary<(string Child, DateOnly Day), (AbsenceReport Report, List<string> Others)>();
        foreach (var report in reports.Where(r => r.Active).OrderBy(r => r.WholeDay ? 0 : 1).ThenBy(r => r.ReportedAt))
        {
            var end = report.End ?? (report.Start > today ? report.Start : today);
            var stop = end < last ? end : last;
            // Counted by day number: a range that ends on 31-12-9999 does not step past the calendar's last day.
            for (var number = (report.Start < first ? first : report.Start).DayNumber; number <= stop.DayNumber; number++)
            {
                var day = DateOnly.FromDayNumber(number);
                if (!calendar.IsSchoolDay(day))
                {
                    continue;
                }

                if (rows.TryGetValue((report.ChildId, day), out var row))
                {
                    row.Others.AddRange(new[] { report.ReportedByName }.Concat(report.AlsoReportedByNames).Except(row.Others).Where(n => n != row.Report.ReportedByName));
                }
                else
                {
                    rows[(report.ChildId, day)] = (report, [.. report.AlsoReportedByNames]);
                }
            }
        }

        return rows
            .Select(kv =>
            {
                var (report, others) = kv.Value;
                return new AbsenceRow(
                    kv.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    report.ChildId,
                    report.ChildName,
                    report.Group,
                    school.FindGroup(report.Group)?.Name ?? report.Group,
                    report.Kind,
                    report.From?.ToString("HH:mm", CultureInfo.InvariantCulture),
                    report.Until?.ToString("HH:mm", CultureInfo.InvariantCulture),
                    report.ReportedByName,
                    others,
                    clock.AtSchool(report.ReportedAt),
                    report.Channel,
                    report.ReportedLate,
                    report.Afterwards,
                    report.OpenEnded);
            })
            .OrderBy(r => r.Date, StringComparer.Ordinal)
            .ThenBy(r => r.Group.Length)
            .ThenBy(r => r.Group, StringComparer.Ordinal)
            .ThenBy(r => r.Child, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The export for the student administration: date, group, child, kind, from, until, reported by, reported at.</summary>
    public static byte[] Csv(IEnumerable<AbsenceRow> rows) => CsvExport.Write(
        ["date", "group", "child", "kind", "from", "until", "reported by", "reported at"],
        rows.Select(row => new[]
        {
            row.Date,
            row.GroupName,
            row.Child,
            row.Kind,
            row.From,
            row.Until,
            string.Join(" & ", new[] { row.ReportedBy }.Concat(row.AlsoReportedBy)),
            row.ReportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }));


    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
