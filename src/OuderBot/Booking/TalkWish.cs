using System.Globalization;
using System.Text.RegularExpressions;
using OuderBot.Dialogs;

namespace OuderBot.Booking;

public enum DayPartWish
{
    None,
    Morning,
    Afternoon,
    Evening,
}

/// <summary>
/// What a parent wishes for a talk's time, read from their words: "donderdag na 8 uur", "liever dinsdag",
/// "zo vroeg mogelijk", "na half 4", "ik kan alleen 's avonds", "Thursday evening", "om 4 uur", "ik kan dinsdag toch
/// niet". Hours without am/pm are read as the round's hours make them plausible (4 uur: 16:00).
/// </summary>
public sealed partial record TalkWish
{
    public List<DayOfWeek> Days { get; init; } = [];
    public List<DayOfWeek> NotDays { get; init; } = [];

    /// <summary>Parts of the day the parent cannot do ("ik kan 's avonds niet").</summary>
    public List<DayPartWish> NotParts { get; init; } = [];
    public DateOnly? Date { get; init; }
    public DayPartWish Part { get; init; }
    public TimeOnly? After { get; init; }
    public TimeOnly? Before { get; init; }
    public TimeOnly? At { get; init; }
    public bool Earliest { get; init; }
    public bool Latest { get; init; }

    /// <summary>"andere tijden", "later", "other times": the next few.</summary>
    public bool More { get; init; }

    public bool Any => Days.Count > 0 || NotDays.Count > 0 || NotParts.Count > 0 || Date is not null || Part != DayPartWish.None || After is not null || Before is not null || At is not null || Earliest || Latest || More;

    /// <summary>Whether the wish narrows the times (not only their order).</summary>
    public bool Narrows => Days.Count > 0 || NotDays.Count > 0 || NotParts.Count > 0 || Date is not null || Part != DayPartWish.None || After is not null || Before is not null || At is not null;

    /// <summary>A later wish on top of this one: a new day or part of the day replaces everything ("ik kan alleen 's
    /// avonds"), a time alone keeps the day ("donderdagavond", then "om 8 uur": Thursday at 20:00).</summary>
    public TalkWish Then(TalkWish next) =>
        next.Days.Count > 0 || next.NotDays.Count > 0 || next.NotParts.Count > 0 || next.Date is not null || (next.At is null && next.After is null && next.Before is null)
            ? next
            : next with { Days = Days, NotDays = NotDays, Date = Date, Part = next.Part != DayPartWish.None ? next.Part : Part };

    public bool Fits(DateTime start)
    {
        var day = DateOnly.FromDateTime(start);
        var time = TimeOnly.FromDateTime(start);
        return (Days.Count == 0 || Days.Contains(start.DayOfWeek))
            && !NotDays.Contains(start.DayOfWeek)
            && !NotParts.Contains(PartOf(time))
            && (Date is null || Date == day)
            && Part switch
            {
                DayPartWish.Morning => time.Hour < 12,
                DayPartWish.Afternoon => time.Hour is >= 12 and < 18,
                DayPartWish.Evening => time.Hour >= 18,
                _ => true,
            }
            && (After is null || time >= After)
            && (Before is null || time < Before)
            && (At is null || time == At);
    }

    /// <summary>How far a start is from the wish, for the nearest alternatives when nothing fits (0: fits).</summary>
    public double Distance(DateTime start)
    {
        var time = TimeOnly.FromDateTime(start);
        var distance = 0.0;
        if ((Days.Count > 0 && !Days.Contains(start.DayOfWeek)) || (Date is { } date && date != DateOnly.FromDateTime(start)))
        {
            distance += 1000;
        }

        if (NotDays.Contains(start.DayOfWeek) || NotParts.Contains(PartOf(time)))
        {
            distance += 100_000;
        }

        var target = At ?? After ?? Before;
        if (target is { } t)
        {
            distance += Math.Abs((time - t).TotalMinutes is var d && d > 720 ? 1440 - d : d);
        }

        if (Part != DayPartWish.None && !new TalkWish { Part = Part }.Fits(start))
        {
            distance += 300;
        }

        return distance;
    }

    private static readonly (string Word, DayOfWeek Day)[] DayWords =
    [
        ("maandag", DayOfWeek.Monday), ("dinsdag", DayOfWeek.Tuesday), ("woensdag", DayOfWeek.Wednesday), ("donderdag", DayOfWeek.Thursday), ("vrijdag", DayOfWeek.Friday),
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday), ("thursday", DayOfWeek.Thursday), ("friday", DayOfWeek.Friday),
        ("ma", DayOfWeek.Monday), ("di", DayOfWeek.Tuesday), ("wo", DayOfWeek.Wednesday), ("do", DayOfWeek.Thursday), ("vr", DayOfWeek.Friday),
        ("tue", DayOfWeek.Tuesday), ("tues", DayOfWeek.Tuesday), ("thu", DayOfWeek.Thursday), ("thur", DayOfWeek.Thursday), ("thurs", DayOfWeek.Thursday),
    ];

    private static DayPartWish PartOf(TimeOnly time) => time.Hour < 12 ? DayPartWish.Morning : time.Hour < 18 ? DayPartWish.Afternoon : DayPartWish.Evening;

    /// <summary>Words that make a message English: then "do" is the verb, not donderdag, and "ma", "di", "wo", "vr" no days either.</summary>
    private static readonly HashSet<string> EnglishWords = ["i", "can", "cant", "cannot", "please", "the", "on", "at", "my", "would", "like", "not", "after", "before", "monday", "tuesday", "wednesday", "thursday", "friday", "evening", "morning", "afternoon", "we", "you", "any", "time"];

    private static readonly string[] Months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
    private static readonly string[] MonthsEn = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly HashSet<string> AfterWords = ["na", "vanaf", "after", "from", "later", "nadat"];
    private static readonly HashSet<string> BeforeWords = ["voor", "before", "tot", "uiterlijk", "by", "until", "till"];
    private static readonly HashSet<string> NotWords = ["niet", "not", "geen", "cant", "cannot", "no", "nicht"];
    private static readonly HashSet<string> AtWords = ["om", "at", "rond", "around", "about", "tegen", "omstreeks", "rondom"];

    /// <summary>Reads a wish from a message; <paramref name="plausible"/> says whether a time could be a talk's (the round's hours).</summary>
    public static TalkWish Read(string text, Func<TimeOnly, bool> plausible, int year)
    {
        var tokens = Texts.Tokenize(text.Replace("'s ", "s ", StringComparison.Ordinal));
        var normalized = " " + string.Join(' ', tokens) + " ";
        var days = new List<DayOfWeek>();
        var notDays = new List<DayOfWeek>();
        var notParts = new List<DayPartWish>();
        var part = DayPartWish.None;
        var english = tokens.Any(EnglishWords.Contains);
        // A "niet"/"no" says no to its own clause only: "No, Thursday please" wants Thursday; "dinsdag kan ik niet,
        // donderdag wel" wants Thursday.
        foreach (var clause in ClauseBreak().Split(text.Replace("'s ", "s ", StringComparison.Ordinal)))
        {
            var words = Texts.Tokenize(clause);
            var said = " " + string.Join(' ', words) + " ";
            var negated = (words.Any(NotWords.Contains) || said.Contains(" can t ", StringComparison.Ordinal)) && !said.Contains(" alleen ", StringComparison.Ordinal) && !said.Contains(" only ", StringComparison.Ordinal);
            foreach (var token in words)
            {
                foreach (var (word, day) in DayWords)
                {
                    if (english && word.Length == 2)
                    {
                        continue;
                    }

                    var compound = token.StartsWith(word, StringComparison.Ordinal) && word.Length >= 6 && token.Length > word.Length;
                    if (token == word || compound)
                    {
                        (negated ? notDays : days).Add(day);
                        if (compound && !negated)
                        {
                            part = PartOf(token[word.Length..]) is var p && p != DayPartWish.None ? p : part;
                        }
                    }
                }

                if (PartOf(token) is var tokenPart && tokenPart != DayPartWish.None)
                {
                    if (negated)
                    {
                        notParts.Add(tokenPart);
                    }
                    else
                    {
                        part = tokenPart;
                    }
                }
            }
        }

        if (normalized.Contains(" na het werk ", StringComparison.Ordinal) || normalized.Contains(" after work ", StringComparison.Ordinal))
        {
            part = DayPartWish.Evening;
        }

        DateOnly? date = null;
        var dateMatch = DatePattern().Match(normalized);
        if (dateMatch.Success)
        {
            var month = Array.FindIndex(Months, m => dateMatch.Groups[2].Value.StartsWith(m, StringComparison.Ordinal));
            month = month >= 0 ? month : Array.FindIndex(MonthsEn, m => dateMatch.Groups[2].Value.StartsWith(m, StringComparison.Ordinal));
            if (month >= 0 && int.TryParse(dateMatch.Groups[1].Value, CultureInfo.InvariantCulture, out var dayNumber) && dayNumber is >= 1 and <= 31 && dayNumber <= DateTime.DaysInMonth(year, month + 1))
            {
                date = new DateOnly(year, month + 1, dayNumber);
            }
        }

        TimeOnly? after = null, before = null, at = null;
        foreach (Match match in TimePattern().Matches(normalized))
        {
            var lead = match.Groups["lead"].Value;
            var marked = AfterWords.Contains(lead) || BeforeWords.Contains(lead) || AtWords.Contains(lead)
                || match.Groups["ampm"].Success || match.Groups["m"].Success || match.Groups["half"].Success || match.Groups["kwartover"].Success || match.Groups["kwartvoor"].Success;
            var inDate = dateMatch.Success && match.Groups["h"].Index >= dateMatch.Index && match.Groups["h"].Index < dateMatch.Index + dateMatch.Length;
            if (!marked || inDate || Time(match, plausible) is not { } time)
            {
                continue;
            }

            if (AfterWords.Contains(lead))
            {
                after = time;
            }
            else if (BeforeWords.Contains(lead))
            {
                before = time;
            }
            else
            {
                at = time;
            }
        }

        var earliest = normalized.Contains(" zo vroeg ", StringComparison.Ordinal) || normalized.Contains(" vroegste", StringComparison.Ordinal)
            || normalized.Contains(" earliest ", StringComparison.Ordinal) || normalized.Contains(" as early as ", StringComparison.Ordinal)
            || normalized.Contains(" asap ", StringComparison.Ordinal) || normalized.Contains(" eerste ", StringComparison.Ordinal) || normalized.Contains(" first ", StringComparison.Ordinal);
        var latest = normalized.Contains(" zo laat ", StringComparison.Ordinal) || normalized.Contains(" laatste ", StringComparison.Ordinal)
            || normalized.Contains(" latest ", StringComparison.Ordinal) || normalized.Contains(" as late as ", StringComparison.Ordinal);
        var more = normalized.Contains(" andere tijd", StringComparison.Ordinal) || normalized.Contains(" andere tijden ", StringComparison.Ordinal) || normalized.Contains(" meer ", StringComparison.Ordinal)
            || normalized.Contains(" other time", StringComparison.Ordinal) || normalized.Contains(" more ", StringComparison.Ordinal) || normalized.Contains(" anders ", StringComparison.Ordinal)
            || normalized.Trim() is "later" or "verder" or "volgende";

        return new TalkWish
        {
            Days = days.Distinct().ToList(),
            NotDays = notDays.Distinct().ToList(),
            NotParts = notParts.Distinct().Where(p => p != part).ToList(),
            Date = date,
            Part = part,
            After = after,
            Before = before,
            At = at,
            Earliest = earliest,
            Latest = latest && !earliest,
            More = more,
        };
    }

    private static DayPartWish PartOf(string word) => word switch
    {
        "avond" or "avonds" or "savonds" or "evening" or "evenings" or "tonight" or "night" => DayPartWish.Evening,
        "middag" or "middags" or "smiddags" or "afternoon" or "afternoons" or "namiddag" => DayPartWish.Afternoon,
        "ochtend" or "ochtends" or "sochtends" or "morgens" or "smorgens" or "morning" => DayPartWish.Morning,
        _ => DayPartWish.None,
    };

    private static TimeOnly? Time(Match match, Func<TimeOnly, bool> plausible)
    {
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["half"].Success)
        {
            (hour, minute) = (hour - 1, 30);
        }
        else if (match.Groups["kwartover"].Success)
        {
            minute = 15;
        }
        else if (match.Groups["kwartvoor"].Success)
        {
            (hour, minute) = (hour - 1, 45);
        }

        var pm = match.Groups["ampm"].Value;
        if (hour is < 0 or > 23 || minute is < 0 or > 59)
        {
            return null;
        }

        if (pm is "pm" && hour < 12)
        {
            return new TimeOnly(hour + 12, minute);
        }

        if (pm is "am" || hour >= 12)
        {
            return new TimeOnly(hour, minute);
        }

        // "om 4 uur" at a round from 15:00 to 21:00 is 16:00; "om 9 uur" at a morning round is 09:00.
        var morning = new TimeOnly(hour, minute);
        var afternoon = new TimeOnly(hour + 12, minute);
        return plausible(morning) && !plausible(afternoon) ? morning : plausible(afternoon) || hour < 7 ? afternoon : morning;
    }

    // "4 uur", "16:00", "16.15", "half 4", "kwart over 4", "kwart voor 5", "4pm", "8 pm", "om 4"; the word before it
    // says after, before or at.
    [GeneratedRegex(@"(?:(?<lead>[a-z]+) )?(?:(?<half>half )|(?<kwartover>kwart over )|(?<kwartvoor>kwart voor ))?(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?(?: ?(?<ampm>am|pm|uur|u|h|oclock))?(?= )")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"[,;!?]|\.(?=\s)|\b(?:maar|but|wel)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@" (\d{1,2}) (jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*")]
    private static partial Regex DatePattern();
}
