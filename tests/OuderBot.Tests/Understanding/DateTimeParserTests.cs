using System.Globalization;
using OuderBot.Understanding;

namespace OuderBot.Tests.Understanding;

/// <summary>The dates and times of parents' messages (issue 17), each mention as "start[/end] [time[-end]] [part]".</summary>
public class DateTimeParserTests
{
    // Monday 30 November 2026, 07:45.
    private static readonly DateTime Monday = new(2026, 11, 30, 7, 45, 0);

    [Theory]
    [InlineData("Tim is er van maandag 7 t/m woensdag 9 december niet", "2026-12-07/2026-12-09")]
    [InlineData("Bibi is 14 t/m 16 december afwezig", "2026-12-14/2026-12-16")]
    [InlineData("Sami is van 7 tot en met 9-12 niet op school", "2026-12-07/2026-12-09")]
    [InlineData("Oliver will be away from Tuesday 1 to Thursday 3 December", "2026-12-01/2026-12-03")]
    [InlineData("Tim is ma 14 t/m wo 16 dec afwezig", "2026-12-14/2026-12-16")]
    [InlineData("Tim is van di 15 tot en met do 17 december niet op school", "2026-12-15/2026-12-17")]
    [InlineData("Emma won't be in school 8-10 December, she has a small operation on the 8th", "2026-12-08/2026-12-10")]
    [InlineData("Sami is 28 t/m 2 december weg", "2026-11-28/2026-12-02")]
    [InlineData("Tim is van maandag 7 december t/m woensdag 9 december afwezig", "2026-12-07/2026-12-09")]
    public void ARangeWhoseFirstDayHasNoMonthBorrowsTheLastOnes(string message, string expected) =>
        Assert.Equal(expected, Describe(message, Monday));

    [Theory]
    [InlineData("Noor is vandaag ziek. maandag komt ze weer", "2026-11-30")]
    [InlineData("Sem ziek. vandaag thuis. morgen misschien weer school", "2026-11-30")]
    [InlineData("Oliver was off sick on Friday. He's back today", "2026-11-27")]
    [InlineData("Tim komt om 10.30 uur. Hij moet naar de tandarts", "2026-11-30 10:30")]
    public void TheEndOfASentenceEndsItsClause(string message, string expected) =>
        Assert.Equal(expected, Describe(message, Monday));

    private static string Describe(string message, DateTime now)
    {
        static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string? Hm(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);
        return string.Join(' ', new DateTimeParser().Parse(message, now).Select(d => string.Join(' ', new[]
        {
            d.End is null ? Iso(d.Start) + "/open" : d.End != d.Start ? Iso(d.Start) + "/" + Iso(d.End.Value) : Iso(d.Start),
            d.Time is null && d.TimeEnd is null ? null : Hm(d.Time) + (d.TimeEnd is null ? "" : "-" + Hm(d.TimeEnd)),
            d.Part,
        }.Where(x => x is not null))));
    }
}
