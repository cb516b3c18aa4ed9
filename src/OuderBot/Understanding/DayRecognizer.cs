using System.Globalization;
using System.Text.RegularExpressions;
using OuderBot.Dialogs;

namespace OuderBot.Understanding;

/// <summary>
/// Finds one day in a Dutch or English message, resolved against the school's today:
/// vandaag/today, morgen/tomorrow, overmorgen, gisteren/yesterday, a weekday name (the first on or after today;
/// with "aanstaande"/"next" the first after today), and day-month dates ("3-12", "03/12", "3 december", "3 dec").
/// </summary>
public sealed partial class DayRecognizer(Texts texts)
{
    private static readonly CultureInfo[] Cultures = [Texts.Culture(Texts.Dutch), Texts.Culture(Texts.English)];

    public DateOnly? Recognize(string normalizedText, DateOnly today)
    {
        var tokens = normalizedText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Has(normalizedText, "day_after_tomorrow"))
        {
            return today.AddDays(2);
        }

        if (Has(normalizedText, "tomorrow"))
        {
            return today.AddDays(1);
        }

        if (Has(normalizedText, "today"))
        {
            return today;
        }

        if (Has(normalizedText, "yesterday"))
        {
            return today.AddDays(-1);
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            if (Weekday(tokens[i]) is { } weekday)
            {
                var strictlyAfter = i > 0 && tokens[i - 1] is "aanstaande" or "next" or "komende" or "coming";
                var days = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
                return today.AddDays(days == 0 && strictlyAfter ? 7 : days);
            }
        }

        return DayMonth(normalizedText, today);
    }

    // Exact words anywhere; in a short answer ("morgn", "vandag") also a near-typo of a longer word.
    private bool Has(string text, string list)
    {
        var words = Texts.Languages.SelectMany(l => texts.Words(l, list)).ToList();
        if (words.Any(w => ChoiceRecognizer.ContainsPhrase(text, w)))
        {
            return true;
        }

        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length <= 3 && tokens.Any(t => t.Length >= 5 && words.Any(w => w.Length >= 5 && !w.Contains(' ', StringComparison.Ordinal) && ChoiceRecognizer.IsNear(t, w)));
    }

    // Short forms people type. Dutch "do" and "zo" are left out: they are also ordinary words ("zo", "do").
    private static readonly Dictionary<string, DayOfWeek> ShortDays = new(StringComparer.Ordinal)
    {
        ["ma"] = DayOfWeek.Monday,
        ["di"] = DayOfWeek.Tuesday,
        ["wo"] = DayOfWeek.Wednesday,
        ["woe"] = DayOfWeek.Wednesday,
        ["don"] = DayOfWeek.Thursday,
        ["vr"] = DayOfWeek.Friday,
        ["vrij"] = DayOfWeek.Friday,
        ["za"] = DayOfWeek.Saturday,
        ["mon"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday,
        ["tues"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday,
        ["thur"] = DayOfWeek.Thursday,
        ["thurs"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    };

    private static DayOfWeek? Weekday(string token)
    {
        if (ShortDays.TryGetValue(token, out var shortDay))
        {
            return shortDay;
        }

        foreach (var culture in Cultures)
        {
            var names = culture.DateTimeFormat.DayNames;
            for (var d = 0; d < 7; d++)
            {
                if (token == names[d].ToLowerInvariant())
                {
                    return (DayOfWeek)d;
                }
            }
        }

        return null;
    }

    private static DateOnly? DayMonth(string text, DateOnly today)
    {
        int day, month;
        var numeric = NumericDate().Match(text);
        if (numeric.Success)
        {
            day = int.Parse(numeric.Groups["d"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            var named = NamedDate().Match(text);
            if (!named.Success || MonthNumber(named.Groups["m"].Value) is not { } m)
            {
                return null;
            }

            day = int.Parse(named.Groups["d"].Value, CultureInfo.InvariantCulture);
            month = m;
        }

        // The occurrence nearest to today.
        DateOnly? best = null;
        foreach (var year in new[] { today.Year - 1, today.Year, today.Year + 1 })
        {
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var candidate = new DateOnly(year, month, day);
            if (best is null || Math.Abs(candidate.DayNumber - today.DayNumber) < Math.Abs(best.Value.DayNumber - today.DayNumber))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static int? MonthNumber(string token)
    {
        foreach (var culture in Cultures)
        {
            var names = culture.DateTimeFormat.MonthNames;
            for (var m = 0; m < 12; m++)
            {
                var name = names[m].ToLowerInvariant();
                if (token == name || (token.Length >= 3 && name.StartsWith(token, StringComparison.Ordinal)))
                {
                    return m + 1;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\d:.])(?<d>\d{1,2})[-/](?<m>\d{1,2})(?![\d:])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:e|ste|de|st|nd|rd|th)?\s+(?<m>[a-z]{3,})\b")]
    private static partial Regex NamedDate();
}
