using OuderBot.School;

namespace OuderBot.Absence;

/// <summary>Why a child is away. The school records the kind, never the illness (AVG).</summary>
public static class AbsenceKinds
{
    public const string Sick = "sick";
    public const string Appointment = "appointment";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Sick, Appointment, Other];
}

/// <summary>
/// One absence report as the school keeps it. Holds no medical details: a school may record that a child is ill,
/// not what the illness is (AVG), so the parent's own words are never stored.
/// </summary>
public sealed record AbsenceReport
{
    public required string Id { get; init; }

    /// <summary>The reports saved together from one conversation (both children, separate days) share it; null before.</summary>
    public string? Batch { get; init; }
    public required string ChildId { get; init; }
    public required string ChildName { get; init; }
    public required string Group { get; init; }
    public required DateOnly Start { get; init; }

    /// <summary>Last day; null while open-ended ("until she is better").</summary>
    public DateOnly? End { get; set; }

    /// <summary>One of <see cref="AbsenceKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Away from this time (leaving early, an appointment); null: from the start of the day.</summary>
    public TimeOnly? From { get; init; }

    /// <summary>Away until this time (arriving late); null: until the end of the day.</summary>
    public TimeOnly? Until { get; init; }

    /// <summary>Phone number (E.164) of the parent who reported it.</summary>
    public required string ReportedBy { get; init; }
    public required string ReportedByName { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
    public required string Channel { get; init; }

    /// <summary>Reported for today after school had started: the teacher may already have called the roll.</summary>
    public bool ReportedLate { get; init; }

    /// <summary>Reported after the (first) day had passed.</summary>
    public bool Afterwards { get; init; }

    /// <summary>Other parents who reported the same absence; one absence, not counted twice.</summary>
    public List<string> AlsoReportedBy { get; init; } = [];

    /// <summary>Names of <see cref="AlsoReportedBy"/>, for the office.</summary>
    public List<string> AlsoReportedByNames { get; init; } = [];

    /// <summary>Set when a parent withdrew the report; a withdrawn report no longer counts.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>When an open-ended sickness was closed ("Tim is weer beter").</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public bool Active => WithdrawnAt is null;

    /// <summary>
    /// Takes the report back as a parent does: the days that have passed stay as they happened (the report ends
    /// yesterday, closed), a report that has not begun is withdrawn.
    /// </summary>
    public void TakeBack(DateOnly today, DateTimeOffset now)
    {
        if (Start < today)
        {
            End = today.AddDays(-1);
            ClosedAt = now;
        }
        else
        {
            WithdrawnAt = now;
        }
    }

    public bool WholeDay => From is null && Until is null;

    public bool OpenEnded => End is null;

    /// <summary>True when the report covers the day (an open-ended one covers every day from its start).</summary>
    public bool Covers(DateOnly day) => day >= Start && (End is null || day <= End);

    /// <summary>
    /// The same absence reported again (by the same or the other parent): same child and kind, and this report's
    /// days and hours already cover the other's.
    /// </summary>
    public bool Includes(AbsenceReport other) =>
        Active && ChildId == other.ChildId && Kind == other.Kind
        && Start <= other.Start && (End is null || (other.End is { } end && end <= End))
        && (WholeDay || (From == other.From && Until == other.Until));
}

/// <summary>
/// The school's rules about a report, in one place for the chat, the office's overview and the teachers' digest.
/// </summary>
public static class AbsenceRules
{
    /// <summary>
    /// "De hele ochtend" on a day school ends at 12:30 is the whole day: a part that leaves at most half an hour of
    /// school on each of the days is the whole day (the teacher is told the child is away, not a time).
    /// </summary>
    public static bool CoversTheDay(DayPart part, SchoolCalendar calendar, IEnumerable<AbsenceDays> days)
    {
        if (part is not { From: null, Until: { } until })
        {
            return false;
        }

        var dates = days.Where(d => d.End is { } end && end >= d.Start && end.DayNumber - d.Start.DayNumber < 14)
            .SelectMany(d => Enumerable.Range(0, d.End!.Value.DayNumber - d.Start.DayNumber + 1).Select(i => d.Start.AddDays(i)))
            .Select(calendar.HoursOn).Where(h => h is not null).ToList();
        return dates.Count > 0 && dates.All(h => h!.End <= until.AddMinutes(30));
    }

    /// <summary>
    /// Reported late: it covers today, and arrived during school hours after school had begun while the child was
    /// already meant to be away (the teacher may have called the roll without it). After school it is not late: the
    /// day is over, and the report is for the record.
    /// </summary>
    public static bool IsLate(DateOnly start, DateOnly? end, TimeOnly? from, SchoolCalendar calendar, DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        var now = TimeOnly.FromDateTime(localNow);
        return start <= today && (end is null || end >= today)
            && calendar.HoursOn(today) is { } hours && now > hours.Start && now < hours.End && (from is null || from <= now);
    }

    /// <summary>Reported afterwards: its first day had passed.</summary>
    public static bool IsAfterwards(DateOnly start, DateOnly today) => start < today;

    /// <summary>
    /// Whether the school can take these days: each single day a school day, each stretch holding one, the last day
    /// not before the first, and all of it within this school year (a report reaches at most the day before the
    /// summer holiday). Null when fine.
    /// </summary>
    public static DaysProblem? Check(SchoolCalendar calendar, DateOnly today, IReadOnlyList<Absence.AbsenceDays> days)
    {
        var (first, last) = calendar.SchoolYear(today);
        foreach (var span in days)
        {
            if (span.End is { } end && end < span.Start)
            {
                return new DaysProblem(DaysProblem.EndBeforeStart, span.Start, end);
            }

            if (span.Start < first)
            {
                return new DaysProblem(DaysProblem.BeforeSchoolYear, first);
            }

            if ((span.End ?? span.Start) > last)
            {
                return new DaysProblem(DaysProblem.AfterSchoolYear, last);
            }

            var lastDay = span.End ?? (span.Start.AddDays(7) < last ? span.Start.AddDays(7) : last);
            var any = false;
            for (var day = span.Start; day <= lastDay && !any; day = day.AddDays(1))
            {
                any = calendar.IsSchoolDay(day);
            }

            if (!any)
            {
                return calendar.HolidayOn(span.Start) is { } holiday
                    ? new DaysProblem(DaysProblem.HolidayKind, span.Start, Holiday: holiday.Name)
                    : new DaysProblem(DaysProblem.Weekend, span.Start);
            }
        }

        return null;
    }
}

/// <summary>Why the school cannot take the days: no school that day, the end before the start, outside the school year.</summary>
/// <param name="Kind">One of the constants below.</param>
/// <param name="Day">The day concerned; for the school year, its first or last day.</param>
/// <param name="Other">The last day, when it lies before the first.</param>
/// <param name="Holiday">The holiday's name, for a day in one.</param>
public sealed record DaysProblem(string Kind, DateOnly Day, DateOnly? Other = null, string? Holiday = null)
{
    public const string Weekend = "weekend";
    public const string HolidayKind = "holiday";
    public const string EndBeforeStart = "end_before_start";
    public const string BeforeSchoolYear = "before_school_year";
    public const string AfterSchoolYear = "after_school_year";
}

/// <summary>All absence reports of one child: one document per child ("absences/{childId}").</summary>
public sealed class ChildAbsences
{
    public List<AbsenceReport> Reports { get; set; } = [];
}
