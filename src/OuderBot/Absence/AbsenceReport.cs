namespace OuderBot.Absence;

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
    public DateOnly? End { get; init; }

    /// <summary>sick, appointment or other.</summary>
    public required string Kind { get; init; }

    /// <summary>Phone number (E.164) of the parent who reported it.</summary>
    public required string ReportedBy { get; init; }
    public required string ReportedByName { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
    public required string Channel { get; init; }

    /// <summary>Other parents who reported the same absence; one absence, not counted twice.</summary>
    public List<string> AlsoReportedBy { get; init; } = [];

    public bool SameAbsence(AbsenceReport other) =>
        ChildId == other.ChildId && Start == other.Start && End == other.End && Kind == other.Kind;
}

/// <summary>All absence reports of one child: one document per child ("absences/{childId}").</summary>
public sealed class ChildAbsences
{
    public List<AbsenceReport> Reports { get; set; } = [];
}
