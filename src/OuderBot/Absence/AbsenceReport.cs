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
}

/// <summary>All absence reports of one child: one document per child ("absences/{childId}").</summary>
public sealed class ChildAbsences
{
    public List<AbsenceReport> Reports { get; set; } = [];
}
