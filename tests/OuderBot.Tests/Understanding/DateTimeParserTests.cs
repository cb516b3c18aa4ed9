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

    [Theory]
    [InlineData("Tim is er vandaag 10 tot 12 uur niet", "2026-11-30 10:00-12:00")]
    [InlineData("ze moet 9 tot 11 naar het ziekenhuis", "2026-11-30 09:00-11:00")]
    [InlineData("Oliver has the dentist tomorrow 10 to 11", "2026-12-01 10:00-11:00")]
    [InlineData("Sami moet morgen 10 tot half 12 naar het ziekenhuis", "2026-12-01 10:00-11:30")]
    [InlineData("Emma has an appointment 11 till 12 today", "2026-11-30 11:00-12:00")]
    [InlineData("Tim is 10 - 11 uur bij de logopedist", "2026-11-30 10:00-11:00")]
    [InlineData("Sem is 2 tot 3 dagen ziek", "")]
    [InlineData("Bibi is 14 tot 16 december weg", "2026-12-14/2026-12-16")]
    [InlineData("Emma will be in at ten to 11", "2026-11-30 10:50")]
    public void TwoHoursWithoutVanAreAStretchOfTime(string message, string expected) =>
        Assert.Equal(expected, Describe(message, Monday));

    [Theory]
    [InlineData("Emma will come in at about 10", "2026-11-30 10:00")]
    [InlineData("Oliver is running late, he'll be there around 11", "2026-11-30 11:00")]
    [InlineData("Tim komt rond 10 uur", "2026-11-30 10:00")]
    [InlineData("Bibi komt tegen half 11", "2026-11-30 10:30")]
    [InlineData("Sami is er pas rond een uur of 10", "2026-11-30 10:00")]
    [InlineData("Tim is er ongeveer om 10 uur", "2026-11-30 10:00")]
    [InlineData("Oliver will be in at 10ish", "2026-11-30 10:00")]
    [InlineData("Emma will be in by around 10 this morning", "2026-11-30 10:00")]
    [InlineData("Oliver is about 10 minutes late", "")]
    public void AboutATimeIsThatTime(string message, string expected) =>
        Assert.Equal(expected, Describe(message, Monday));

    [Theory]
    [InlineData("Tim mist de ochtend, hij komt na de lunch", "2026-11-30 morning")]
    [InlineData("Emma misses the morning, she'll be back after lunch", "2026-11-30 morning")]
    [InlineData("Sami komt pas na de middagpauze", "2026-11-30 morning")]
    [InlineData("Bibi mist morgen de ochtnd, ze komt rond de lunch", "2026-12-01 morning")]
    [InlineData("Emma will miss the morning tomorrow, I'll bring her back at lunch", "2026-12-01 morning")]
    [InlineData("Sem ochtend niet op school, tandarts", "2026-11-30 morning")]
    [InlineData("Sami gaat na de lunch naar huis", "2026-11-30 afternoon")]
    [InlineData("Oliver will go home after lunch today", "2026-11-30 afternoon")]
    [InlineData("Noor gaat middag naar huis. ziek", "2026-11-30 afternoon")]
    [InlineData("Tim mist de middag, ik haal hem om 1 uur op", "2026-11-30 13:00")]
    [InlineData("Bibi komt vanochtend om 10 uur", "2026-11-30 10:00")]
    [InlineData("Bibi moet vanmiddag naar de tandarts, ik haal haar om 12 uur op", "2026-11-30 12:00")]
    [InlineData("Bibi is vanochtend van 9 tot half 11 bij de fysio", "2026-11-30 09:00-10:30")]
    [InlineData("Tim blijft tussen de middag over", "")]
    public void APartIsTheHalfMissedAndAClockTimeSaysMore(string message, string expected) =>
        Assert.Equal(expected, Describe(message, Monday));

    [Theory]
    [InlineData("Tim is donderdag of vrijdag afwezig, dat hoor ik nog", "")]
    [InlineData("Emma has the dentist Thursday or Friday", "")]
    [InlineData("Emma won't be in Thursday or Friday", "2026-12-03/2026-12-04")]
    [InlineData("Tim komt donderdag of vrijdag niet", "2026-12-03/2026-12-04")]
    [InlineData("Sami is morgen ziek, donderdag of vrijdag moet hij naar het ziekenhuis", "2026-12-01")]
    public void OneOfTwoDaysIsNoDayUnlessNeitherIsMeant(string message, string expected) =>
        Assert.Equal(expected, Describe(message, Monday));

    [Theory]
    [InlineData("Sami is volgende week de hele week afwezig", "2026-12-07/2026-12-11")]
    [InlineData("Sem rest van week thuis. ziek", "2026-11-30/2026-12-04")]
    [InlineData("Tim is vanaf morgen de rest van de week afwezig", "2026-12-01/2026-12-04")]
    [InlineData("Emma will be off from tomorrow until the end of the week", "2026-12-01/2026-12-04")]
    [InlineData("Tim is vanaf woensdag ziek tot hij beter is", "2026-12-02/open")]
    [InlineData("Emma is off Tuesday and Thursday this week", "2026-12-01 2026-12-03")]
    [InlineData("Vandaag dinsdag en woensdag zij blijft thuis", "2026-11-30/2026-12-02")]
    [InlineData("Sami is vandaag en morgen thuis en woensdag zien we wel", "2026-11-30/2026-12-01")]
    [InlineData("Bibi blijft vandaag thuis. Morgen kijken we verder", "2026-11-30")]
    [InlineData("Tim is maandag en woensdag afwezig, dinsdag is hij er gewoon", "2026-11-30 2026-12-02")]
    [InlineData("Gister was Sami ziek, vandaag is hij weer beter", "2026-11-29")]
    [InlineData("Emma is sick tody", "2026-11-30")]
    [InlineData("Sami moet om 12 uur weg, het vliegtuig gaat om 4 uur", "2026-11-30 12:00")]
    [InlineData("Bibi gaat om 10 uur naar de tandarts, ze is er om 11.30 weer", "2026-11-30 10:00-11:30")]
    public void WeeksSentencesAndSecondThoughtsAreReadAsMeant(string message, string expected) =>
        Assert.Equal(expected, Describe(message, Monday));

    [Theory]
    [InlineData("Emma won't be in for the rest of the week", "2026-12-01/2026-12-04")]
    [InlineData("Tim is ziek tot hij beter is", "2026-12-01/open")]
    [InlineData("Tim is tot vrijdag ziek", "2026-12-01/2026-12-04")]
    [InlineData("Tim blijft morgen thuis", "2026-12-01")]
    public void AStretchSaidAfterSchoolStartsTheNextDay(string message, string expected) =>
        Assert.Equal(expected, Describe(message, new DateTime(2026, 11, 30, 19, 30, 0)));

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
