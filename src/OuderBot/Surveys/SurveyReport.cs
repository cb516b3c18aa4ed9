using System.Globalization;
using System.Text.RegularExpressions;
using OuderBot.Bot;

namespace OuderBot.Surveys;

/// <summary>The office's report of one survey (GET /api/admin/surveys/{id}/report).</summary>
public sealed record SurveyReport(string Survey, string Title, string Kind, int Threshold, int Respondents, IReadOnlyList<QuestionReport> Questions);

/// <summary>
/// One question: how many parents answered it, and only where that is at least the threshold the counts per answer,
/// the average and (open questions) the remarks. Per group (and per teacher for the talk survey) the same.
/// </summary>
public sealed record QuestionReport(
    string Id,
    string Kind,
    string Text,
    bool Shown,
    int? Answered,
    IReadOnlyDictionary<string, int>? Counts,
    double? Average,
    IReadOnlyList<string>? Remarks,
    IReadOnlyList<PartReport> Groups,
    IReadOnlyList<PartReport>? Teachers);

/// <summary>A group's or a teacher's part of a question: the average only where enough parents answered.</summary>
public sealed record PartReport(string Id, string Name, bool Shown, int? Answered, double? Average);

/// <summary>
/// Counts and averages that single out no parent: a figure is shown only where at least <c>threshold</c> parents
/// answered; a group is also hidden when the parents outside the groups shown would be fewer than that (else the
/// overall figure minus the groups' would give them away). Remarks are shown without sender, in alphabetical order
/// (not the order they came in), with the first names of the school's children and parents replaced by "[naam]".
/// </summary>
public static class SurveyReports
{
    public const string Masked = "[naam]";

    public static SurveyReport Build(SchoolContext school, Survey survey, IReadOnlyList<SurveyResponse> responses, int threshold)
    {
        var answered = responses.Where(r => r.Answered).ToList();
        var questions = survey.Questions.Select(q => Question(school, survey, q, answered, threshold)).ToList();
        return new SurveyReport(survey.Id, survey.Title["nl"], survey.Kind, threshold, answered.Count, questions);
    }

    private static QuestionReport Question(SchoolContext school, Survey survey, SurveyQuestion question, List<SurveyResponse> responses, int threshold)
    {
        var given = responses.Where(r => r.Answers.TryGetValue(question.Id, out var a) && (a.Score is not null || a.Text is not null)).ToList();
        var shown = given.Count >= threshold;
        var text = question.Text["nl"];
        var groupParts = Parts(
            school.Data.Groups.Select(g => (g.Id, g.Name)),
            given,
            (r, id) => r.Groups.Contains(id, StringComparer.OrdinalIgnoreCase),
            question,
            threshold);
        var teacherParts = survey.Kind == Survey.TalkKind
            ? Parts(given.Where(r => r.TeacherId is not null).Select(r => (r.TeacherId!, r.Teacher ?? r.TeacherId!)).Distinct(), given, (r, id) => r.TeacherId == id, question, threshold)
            : null;
        if (!question.Scale)
        {
            var remarks = shown ? given.Select(r => Mask(school, r.Answers[question.Id].Text!)).Order(StringComparer.Ordinal).ToList() : null;
            return new QuestionReport(question.Id, "open", text, shown, shown ? given.Count : null, null, null, remarks, [], null);
        }

        var scores = given.Select(r => r.Answers[question.Id].Score!.Value).ToList();
        var counts = shown ? Enumerable.Range(1, 5).ToDictionary(n => n.ToString(CultureInfo.InvariantCulture), n => scores.Count(s => s == n)) : null;
        return new QuestionReport(question.Id, "scale", text, shown, shown ? given.Count : null, counts, shown ? Average(scores) : null, null, groupParts, teacherParts);
    }

    private static List<PartReport> Parts(IEnumerable<(string Id, string Name)> parts, List<SurveyResponse> given, Func<SurveyResponse, string, bool> inPart, SurveyQuestion question, int threshold)
    {
        var all = parts.Select(p => (p.Id, p.Name, Members: given.Where(r => inPart(r, p.Id)).ToList())).Where(p => p.Members.Count > 0).ToList();
        var shown = all.Where(p => p.Members.Count >= threshold).ToList();
        // Hide the smallest shown part while the parents outside every shown part are too few to be safe.
        while (shown.Count > 0 && given.Count(r => !shown.Any(p => p.Members.Contains(r))) is > 0 and var outside && outside < threshold)
        {
            shown.Remove(shown.MinBy(p => p.Members.Count));
        }

        return [.. all.Select(p => shown.Contains(p)
            ? new PartReport(p.Id, p.Name, true, p.Members.Count, question.Scale ? Average(p.Members.Select(r => r.Answers[question.Id].Score!.Value)) : null)
            : new PartReport(p.Id, p.Name, false, null, null))];
    }

    private static double Average(IEnumerable<int> scores) => Math.Round(scores.Average(), 1, MidpointRounding.AwayFromZero);

    /// <summary>The remark with the school's children's and parents' first names replaced, whole words, any case.</summary>
    public static string Mask(SchoolContext school, string remark)
    {
        var names = school.Data.Children.Select(c => c.FirstName)
            .Concat(school.Data.Parents.SelectMany(p => p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(1)))
            .Where(n => n.Length >= 2)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length);
        foreach (var name in names)
        {
            remark = Regex.Replace(remark, $@"(?<!\w){Regex.Escape(name)}(?!\w)", Masked, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return remark;
    }

    /// <summary>The report as rows for the CSV: the whole school, then each group (and teacher), then the remarks.</summary>
    public static IEnumerable<string?[]> Rows(SurveyReport report)
    {
        foreach (var q in report.Questions)
        {
            yield return Row(report.Threshold, q.Id, "alle", q.Shown, q.Answered, q.Average, q.Counts, null);
            foreach (var part in q.Groups.Concat(q.Teachers ?? []))
            {
                yield return Row(report.Threshold, q.Id, part.Name, part.Shown, part.Answered, part.Average, null, null);
            }

            foreach (var remark in q.Remarks ?? [])
            {
                yield return Row(report.Threshold, q.Id, "opmerking", true, null, null, null, remark);
            }
        }
    }

    public static readonly string[] Header = ["question", "scope", "answered", "average", "1", "2", "3", "4", "5", "remark"];

    private static string?[] Row(int threshold, string question, string scope, bool shown, int? answered, double? average, IReadOnlyDictionary<string, int>? counts, string? remark) =>
    [
        question,
        scope,
        shown ? answered?.ToString(CultureInfo.InvariantCulture) : "<" + threshold.ToString(CultureInfo.InvariantCulture),
        average?.ToString("0.0", CultureInfo.InvariantCulture),
        .. Enumerable.Range(1, 5).Select(n => counts?.GetValueOrDefault(n.ToString(CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)),
        remark,
    ];
}
