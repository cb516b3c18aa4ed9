using System.Globalization;

namespace OuderBot.Admin;

/// <summary>The office's ?from=YYYY-MM-DD&amp;to=YYYY-MM-DD (both optional: today, and to defaults to from), the same for
/// every overview and export: at most <see cref="MaxDays"/> days, to on or after from.</summary>
public static class DateRange
{
    public const int MaxDays = 366;

    /// <summary>The range, or null and what is wrong with it (for a 400).</summary>
    public static (DateOnly First, DateOnly Last)? Read(string? from, string? to, DateOnly today, out string? problem)
    {
        problem = null;
        if (!TryDate(from, today, out var first) || !TryDate(to, first, out var last))
        {
            problem = "from and to are dates like 2026-11-24 (both optional: today, and to defaults to from).";
            return null;
        }

        if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
        {
            problem = $"to must be on or after from, and the range at most {MaxDays} days.";
            return null;
        }

        return (first, last);
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
