using NodaTime;

namespace OuderBot.School;

/// <summary>The school's local time, from the injected <see cref="TimeProvider"/> (never DateTime.Now).</summary>
public sealed class SchoolClock(TimeProvider time, SchoolData school)
{
    private readonly DateTimeZone _zone = DateTimeZoneProviders.Tzdb[school.Info.TimeZone];

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTime LocalNow => ToLocal(time.GetUtcNow());

    /// <summary>An instant with the school's offset (+01:00 in winter), for what the office reads.</summary>
    public DateTimeOffset AtSchool(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(_zone).ToDateTimeOffset();

    /// <summary>An instant as the school's wall-clock time.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(_zone).LocalDateTime.ToDateTimeUnspecified();

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>Converts a local time at the school to an instant (the earlier one in the autumn overlap).</summary>
    public DateTimeOffset ToInstant(DateTime local) =>
        LocalDateTime.FromDateTime(local).InZoneLeniently(_zone).ToDateTimeOffset();
}

/// <summary>School days and hours: Monday to Friday, with the school's own times, minus its holidays.</summary>
public sealed class SchoolCalendar(SchoolData school)
{
    public bool IsSchoolDay(DateOnly date) => HolidayOn(date) is null && school.Info.Times.ContainsKey(date.DayOfWeek) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public Holiday? HolidayOn(DateOnly date) => school.Info.Holidays.FirstOrDefault(h => h.Contains(date));

    public SchoolHours? HoursOn(DateOnly date) => IsSchoolDay(date) ? school.Info.Times[date.DayOfWeek] : null;

    /// <summary>A holiday this long or longer is the summer holiday: the school year ends the day before it.</summary>
    public const int SummerHolidayDays = 28;

    /// <summary>
    /// The school year a day falls in: from the day after the last summer holiday (a holiday of four weeks or more) to
    /// the day before the next, as the school's holidays say; without one, 1 August to 31 July.
    /// </summary>
    public (DateOnly First, DateOnly Last) SchoolYear(DateOnly day)
    {
        var summers = school.Info.Holidays.Where(h => h.To.DayNumber - h.From.DayNumber + 1 >= SummerHolidayDays).ToList();
        var august = new DateOnly(day.Month >= 8 ? day.Year : day.Year - 1, 8, 1);
        var first = summers.Where(h => h.To < day).Select(h => h.To.AddDays(1)).DefaultIfEmpty(august).Max();
        var last = summers.Where(h => h.From > day).Select(h => h.From.AddDays(-1)).DefaultIfEmpty(august.AddYears(1).AddDays(-1)).Min();
        return (first, last);
    }

    /// <summary>The school day a message about now is about: today until school ends, then the next school day.</summary>
    public DateOnly DayNow(DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        return HoursOn(today) is { } hours && TimeOnly.FromDateTime(localNow) < hours.End ? today : NextSchoolDay(today.AddDays(1));
    }

    /// <summary>The last school day before <paramref name="day"/>, not before <paramref name="notBefore"/> (that day when none is).</summary>
    public DateOnly SchoolDayBefore(DateOnly day, DateOnly notBefore)
    {
        var last = day.AddDays(-1);
        while (last > notBefore && !IsSchoolDay(last))
        {
            last = last.AddDays(-1);
        }

        return last < notBefore ? notBefore : last;
    }

    public DateOnly NextSchoolDay(DateOnly from)
    {
        var day = from;
        for (var i = 0; i < 400 && !IsSchoolDay(day); i++)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}

/// <summary>A clock pinned by configuration (Clock:Now, Development only) for demos and end-to-end checks.</summary>
internal sealed class PinnedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
