using System.Globalization;

namespace OuderBot.Digest;

/// <summary>
/// When a school's teachers get their digest (digest: in the school's file), in the school's time zone. A school
/// without digest: sends none; digest: without times sends at <see cref="DefaultTime"/>.
/// </summary>
public sealed record DigestSchedule(IReadOnlyList<TimeOnly> Times, bool SendWhenEmpty)
{
    public static readonly TimeOnly DefaultTime = new(7, 30);

    /// <summary>No digest: the school's file has no digest: section.</summary>
    public static readonly DigestSchedule None = new([], false);

    public bool Enabled => Times.Count > 0;

    /// <summary>"07:30": how a digest time is written in keys, links and JSON.</summary>
    public static string Label(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>digest: { times: ["07:30", "15:30"], sendWhenEmpty: false } as written in the school's file.</summary>
public sealed class DigestFile
{
    public List<string>? Times { get; set; }
    public bool? SendWhenEmpty { get; set; }
}

public static class DigestScheduleLoader
{
    /// <summary>Checks the school's digest: section; every problem goes to <paramref name="errors"/> with where it is.</summary>
    public static DigestSchedule Build(DigestFile? file, List<string> errors)
    {
        if (file is null)
        {
            return DigestSchedule.None;
        }

        var times = new SortedSet<TimeOnly>();
        foreach (var (text, index) in (file.Times ?? []).Select((t, i) => (t, i)))
        {
            if (TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                times.Add(time);
            }
            else
            {
                errors.Add($"digest.times[{index}]: '{text}' is not a time like 07:30");
            }
        }

        return new DigestSchedule(times.Count > 0 ? [.. times] : [DigestSchedule.DefaultTime], file.SendWhenEmpty ?? false);
    }
}
