using System.Globalization;
using System.Text;
using OuderBot.School;

namespace OuderBot.Booking;

// The talk rounds as the school's file writes them (talkRounds:). TalkRoundLoader checks them and builds TalkRound.

/// <summary>A round of talks in the school's file.</summary>
public sealed class TalkRoundFile
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }

    /// <summary>The groups taking part; omitted or ["all"]: every group.</summary>
    public List<string>? Groups { get; set; }

    public int? TalkMinutes { get; set; }
    public int? EveryMinutes { get; set; }

    /// <summary>Local time at the school, "2026-11-16T09:00".</summary>
    public string? Opens { get; set; }
    public string? Closes { get; set; }

    /// <summary>Whom a parent asks once booking has closed; default: the school office and its phone.</summary>
    public string? AskWhenClosed { get; set; }

    /// <summary>How long a parent on the waiting list has to take a slot that freed up (hours; default 12).</summary>
    public int? OfferHours { get; set; }

    /// <summary>The days and hours of every teacher of the round, unless the teacher's own entry says otherwise.</summary>
    public List<TalkDayFile>? Days { get; set; }

    /// <summary>Every teacher of the round's groups: room, and optionally own days and breaks.</summary>
    public List<TalkTeacherFile>? Teachers { get; set; }
}

public sealed class TalkDayFile
{
    public string? Date { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}

public sealed class TalkTeacherFile
{
    public string? Name { get; set; }
    public string? Room { get; set; }
    public List<TalkDayFile>? Days { get; set; }

    /// <summary>Breaks: a date (omitted: every day of the round) and from/to; no talk overlaps one.</summary>
    public List<TalkDayFile>? Breaks { get; set; }
}

/// <summary>One period at the school: a day with a start and end time (local).</summary>
public sealed record TalkPeriod(DateOnly? Date, TimeOnly From, TimeOnly To)
{
    public bool Overlaps(DateTime start, DateTime end) =>
        (Date is null || Date == DateOnly.FromDateTime(start))
        && start.TimeOfDay < To.ToTimeSpan() && end.TimeOfDay > From.ToTimeSpan();
}

/// <summary>A teacher in a round: who, which room, when (days with breaks).</summary>
public sealed record TalkTeacher(string Id, Teacher Teacher, string Room, IReadOnlyList<TalkPeriod> Days, IReadOnlyList<TalkPeriod> Breaks)
{
    public string Name => Teacher.Name;
}

/// <summary>One talk that can be booked: a teacher at a start time (local, at the school).</summary>
public sealed record Slot(string RoundId, string TeacherId, DateTime Start, DateTime End)
{
    /// <summary>The slot's key in its teacher's document: "2026-12-01T15:00".</summary>
    public string Key => Start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public DateOnly Day => DateOnly.FromDateTime(Start);

    public static DateTime ParseKey(string key) => DateTime.ParseExact(key, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>
/// A round of talks (the 10-minutengesprekken): the groups taking part, the length of a talk and the time between
/// starts, every teacher's days, breaks and room, and when parents may book. Its slots follow from these alone.
/// </summary>
public sealed record TalkRound(
    string Id,
    string Name,
    string Kind,
    IReadOnlyList<string> Groups,
    TimeSpan TalkLength,
    TimeSpan Every,
    DateTime Opens,
    DateTime Closes,
    string? AskWhenClosed,
    TimeSpan OfferTime,
    IReadOnlyList<TalkTeacher> Teachers)
{
    public bool IsOpen(DateTime localNow) => localNow >= Opens && localNow < Closes;

    public bool Takes(string groupId) => Groups.Contains(groupId, StringComparer.OrdinalIgnoreCase);

    public TalkTeacher? Teacher(string teacherId) => Teachers.FirstOrDefault(t => t.Id == teacherId);

    /// <summary>The teacher of a child's group in this round; null when the group does not take part.</summary>
    public TalkTeacher? TeacherOf(Child child) =>
        Takes(child.GroupId) ? Teachers.FirstOrDefault(t => t.Teacher.Groups.Contains(child.GroupId, StringComparer.OrdinalIgnoreCase)) : null;

    /// <summary>Every slot of one teacher, in time order: starts every <see cref="Every"/> from each day's start, a talk
    /// of <see cref="TalkLength"/> that ends by the day's end and overlaps no break.</summary>
    public IReadOnlyList<Slot> SlotsOf(TalkTeacher teacher)
    {
        var slots = new List<Slot>();
        foreach (var day in teacher.Days.OrderBy(d => d.Date).ThenBy(d => d.From))
        {
            var date = day.Date!.Value;
            for (var start = date.ToDateTime(day.From); start + TalkLength <= date.ToDateTime(day.To); start += Every)
            {
                var end = start + TalkLength;
                if (!teacher.Breaks.Any(b => b.Overlaps(start, end)))
                {
                    slots.Add(new Slot(Id, teacher.Id, start, end));
                }
            }
        }

        return slots;
    }

    /// <summary>A slot of this round by teacher and key; null when the round has no such slot.</summary>
    public Slot? FindSlot(string teacherId, string key) =>
        Teacher(teacherId) is { } teacher ? SlotsOf(teacher).FirstOrDefault(s => s.Key == key) : null;

    /// <summary>The last moment of the round's talks.</summary>
    public DateTime LastTalkEnds => Teachers.SelectMany(SlotsOf).Select(s => s.End).DefaultIfEmpty(Closes).Max();
}

/// <summary>Teachers are known in URLs and documents by a slug of their name ("Juf Anouk": juf-anouk).</summary>
public static class TeacherIds
{
    public static string Of(Teacher teacher) => Slug(teacher.Name);

    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(char.ToLowerInvariant(ch));
            }
            else if (char.IsWhiteSpace(ch) || ch is '-' or '_' or '.')
            {
                if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
        }

        return slug.ToString().Trim('-');
    }
}

/// <summary>Checks the school file's talk rounds; every problem with where it is (talkRounds[0].teachers[2].room: ...).</summary>
public static class TalkRoundLoader
{
    public static IReadOnlyList<TalkRound> Build(List<TalkRoundFile>? files, IReadOnlyList<Teacher> teachers, IReadOnlyList<Group> groups, List<string> errors)
    {
        var rounds = new List<TalkRound>();
        foreach (var (file, index) in (files ?? []).Select((f, i) => (f, i)))
        {
            var where = $"talkRounds[{index}]";
            var name = file.Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors.Add($"{where}.name is missing");
                name = "";
            }

            var id = string.IsNullOrWhiteSpace(file.Id) ? TeacherIds.Slug(name) : file.Id.Trim();
            if (id.Length == 0 || id.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            {
                errors.Add($"{where}.id: '{id}' must be lower-case letters, digits and dashes");
            }

            var groupIds = file.Groups is null or { Count: 0 } || file.Groups.Any(g => string.Equals(g.Trim(), "all", StringComparison.OrdinalIgnoreCase))
                ? groups.Select(g => g.Id).ToList()
                : file.Groups.Select(g => g.Trim()).ToList();
            foreach (var g in groupIds.Where(g => !groups.Any(x => string.Equals(x.Id, g, StringComparison.OrdinalIgnoreCase))))
            {
                errors.Add($"{where}.groups: '{g}' is not in groups");
            }

            if (file.TalkMinutes is not (> 0 and <= 240))
            {
                errors.Add($"{where}.talkMinutes: give the length of one talk in minutes, such as 10");
            }

            if (file.EveryMinutes is not { } every || every < (file.TalkMinutes ?? 1))
            {
                errors.Add($"{where}.everyMinutes: give the minutes between the starts of two talks, at least talkMinutes (such as 15)");
            }

            var opens = Moment(file.Opens, $"{where}.opens", errors);
            var closes = Moment(file.Closes, $"{where}.closes", errors);
            if (opens is { } o && closes is { } c && c <= o)
            {
                errors.Add($"{where}: closes must be after opens");
            }

            var defaultDays = Periods(file.Days, $"{where}.days", requireDate: true, errors);
            var roundTeachers = new List<TalkTeacher>();
            var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (entry, t) in (file.Teachers ?? []).Select((e, i) => (e, i)))
            {
                var at = $"{where}.teachers[{t}]";
                var teacher = teachers.FirstOrDefault(x => string.Equals(x.Name, entry.Name?.Trim(), StringComparison.OrdinalIgnoreCase));
                if (teacher is null)
                {
                    errors.Add($"{at}.name: '{entry.Name}' is not one of the school's teachers");
                    continue;
                }

                if (!named.Add(teacher.Name))
                {
                    errors.Add($"{at}: {teacher.Name} is listed twice");
                }

                if (string.IsNullOrWhiteSpace(entry.Room))
                {
                    errors.Add($"{at}.room: give {teacher.Name}'s room for the talks");
                }

                var days = entry.Days is { Count: > 0 } ? Periods(entry.Days, $"{at}.days", requireDate: true, errors) : defaultDays;
                if (days.Count == 0)
                {
                    errors.Add($"{at}: {teacher.Name} has no days (give days for the round or for the teacher)");
                }

                roundTeachers.Add(new TalkTeacher(TeacherIds.Of(teacher), teacher, entry.Room?.Trim() ?? "", days, Periods(entry.Breaks, $"{at}.breaks", requireDate: false, errors)));
            }

            foreach (var teacher in teachers.Where(x => x.Groups.Any(g => groupIds.Contains(g, StringComparer.OrdinalIgnoreCase)) && !named.Contains(x.Name)))
            {
                errors.Add($"{where}.teachers: {teacher.Name} teaches a group of the round but has no entry (name and room)");
            }

            if (rounds.Any(r => r.Id == id))
            {
                errors.Add($"{where}.id: '{id}' is used by another round");
            }

            if (file.OfferHours is <= 0)
            {
                errors.Add($"{where}.offerHours: at least 1");
            }

            rounds.Add(new TalkRound(
                id,
                name,
                string.IsNullOrWhiteSpace(file.Kind) ? name : file.Kind.Trim(),
                groupIds,
                TimeSpan.FromMinutes(file.TalkMinutes ?? 10),
                TimeSpan.FromMinutes(Math.Max(file.EveryMinutes ?? 15, 1)),
                opens ?? DateTime.MinValue,
                closes ?? DateTime.MaxValue,
                string.IsNullOrWhiteSpace(file.AskWhenClosed) ? null : file.AskWhenClosed.Trim(),
                TimeSpan.FromHours(file.OfferHours ?? 12),
                roundTeachers));
        }

        return rounds;
    }

    private static DateTime? Moment(string? text, string where, List<string> errors)
    {
        if (DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            return moment;
        }

        errors.Add($"{where}: give a local time such as 2026-11-16T09:00");
        return null;
    }

    private static List<TalkPeriod> Periods(List<TalkDayFile>? days, string where, bool requireDate, List<string> errors)
    {
        var periods = new List<TalkPeriod>();
        foreach (var (day, i) in (days ?? []).Select((d, i) => (d, i)))
        {
            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(day.Date) || requireDate)
            {
                if (DateOnly.TryParseExact(day.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    date = d;
                }
                else
                {
                    errors.Add($"{where}[{i}].date: give a date such as 2026-12-01");
                    continue;
                }
            }

            if (TimeOnly.TryParseExact(day.From?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                && TimeOnly.TryParseExact(day.To?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                && from < to)
            {
                periods.Add(new TalkPeriod(date, from, to));
            }
            else
            {
                errors.Add($"{where}[{i}]: from and to must be times such as 15:00 and 17:00, from before to");
            }
        }

        return periods;
    }
}
