using System.Globalization;
using OuderBot.Absence;

namespace OuderBot.Digest;

/// <summary>
/// The digest's words for teachers (Dutch, as the school's notices to teachers are). Kept with the digest rather than
/// in dialogs/prompts: they are never sent to a parent, so the SMS character set and the English pack do not apply.
/// </summary>
public static class DigestWords
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Kind(string kind) => kind switch
    {
        AbsenceKinds.Sick => "ziek",
        AbsenceKinds.Appointment => "afspraak (arts, tandarts, ziekenhuis)",
        _ => "afwezig om een andere reden",
    };

    /// <summary>"di 1 dec".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("ddd d MMM", Dutch).Replace(".", "", StringComparison.Ordinal);

    /// <summary>"dinsdag 24 november".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM", Dutch);

    public static string Time(TimeOnly time) => time.ToString("H.mm", CultureInfo.InvariantCulture);

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    public const string NothingNew = "Niets nieuws";
}
