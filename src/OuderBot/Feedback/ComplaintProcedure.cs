namespace OuderBot.Feedback;

/// <summary>
/// The school's complaint procedure (complaints: in the school's file): whom a complaint goes to, in order, and the
/// complaints committee the school belongs to. A complaint's receipt tells the parent these steps.
/// </summary>
public sealed record ComplaintProcedure(IReadOnlyList<string> Steps, string? Committee)
{
    public const string TeacherStep = "teacher";
    public const string DirectorStep = "director";
    public const string CommitteeStep = "committee";

    /// <summary>Without complaints: in the file: the teacher, then the director (no committee is named).</summary>
    public static readonly ComplaintProcedure Default = new([TeacherStep, DirectorStep], null);

    /// <summary>The teacher hears of a complaint about them first (in their digest) when the procedure starts with them.</summary>
    public bool TeacherFirst => Steps.Count > 0 && Steps[0] == TeacherStep;
}

/// <summary>complaints: as written in the school's file.</summary>
public sealed class ComplaintsFile
{
    public List<string>? Steps { get; set; }
    public string? Committee { get; set; }
}

public static class ComplaintProcedureLoader
{
    private static readonly string[] Known = [ComplaintProcedure.TeacherStep, ComplaintProcedure.DirectorStep, ComplaintProcedure.CommitteeStep];

    /// <summary>The procedure, with every problem added to <paramref name="errors"/> (where it is).</summary>
    public static ComplaintProcedure Build(ComplaintsFile? file, List<string> errors)
    {
        if (file is null)
        {
            return ComplaintProcedure.Default;
        }

        var steps = (file.Steps ?? []).Select(s => s?.Trim().ToLowerInvariant() ?? "").ToList();
        if (steps.Count == 0)
        {
            errors.Add("complaints.steps: list whom a complaint goes to, in order (teacher, director, committee).");
        }

        foreach (var step in steps.Where(s => !Known.Contains(s)))
        {
            errors.Add($"complaints.steps: '{step}' is not a step; use {string.Join(", ", Known)}.");
        }

        if (steps.Distinct(StringComparer.Ordinal).Count() != steps.Count)
        {
            errors.Add("complaints.steps: each step once.");
        }

        var committee = string.IsNullOrWhiteSpace(file.Committee) ? null : file.Committee.Trim();
        if (steps.Contains(ComplaintProcedure.CommitteeStep) && committee is null)
        {
            errors.Add("complaints.committee: name the complaints committee the school belongs to (the step 'committee' needs it).");
        }

        return new ComplaintProcedure(steps, committee);
    }
}
