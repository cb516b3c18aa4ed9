using System.Globalization;
using System.Text;

namespace OuderBot.Booking;

/// <summary>One event of an iCalendar file.</summary>
public sealed record IcsEvent(string Uid, DateTimeOffset Start, DateTimeOffset End, string Summary, string Location, string? Description);

/// <summary>
/// Writes iCalendar (RFC 5545) that Outlook, Google Calendar and Apple Calendar read: CRLF lines folded at 75 octets,
/// text escaped, times in UTC (no time-zone block to get wrong).
/// </summary>
public static class Ics
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static byte[] Write(string name, IEnumerable<IcsEvent> events, DateTimeOffset stamp)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//OuderBot//Booking//NL",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(name),
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + Escape(e.Uid));
            lines.Add("DTSTAMP:" + Utc(stamp));
            lines.Add("DTSTART:" + Utc(e.Start));
            lines.Add("DTEND:" + Utc(e.End));
            lines.Add("SUMMARY:" + Escape(e.Summary));
            lines.Add("LOCATION:" + Escape(e.Location));
            if (e.Description is { Length: > 0 } description)
            {
                lines.Add("DESCRIPTION:" + Escape(description));
            }

            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(sb, line);
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    // Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 character.
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                sb.Append("\r\n ");
                octets = 1;
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        sb.Append("\r\n");
    }
}
