using OuderBot.School;

namespace OuderBot.Tests.Booking;

/// <summary>Talk rounds as the school writes them, the checks at load, and the slots that follow from them.</summary>
public sealed class TalkRoundTests
{
    private static readonly string DemoPath = Path.Combine(AppContext.BaseDirectory, "dialogs", "schools", "de-driehoek.yaml");
    private static readonly SchoolData Demo = SchoolLoader.LoadFile(DemoPath);

    [Fact]
    public void DeDriehoeksDemoRoundIsTheTenMinuteTalksOfEveryTeacherOnTuesdayAndThursdayEvening()
    {
        var round = Assert.Single(Demo.TalkRounds);
        Assert.Equal("10-minutengesprekken", round.Name);
        Assert.Equal(Demo.Groups.Select(g => g.Id), round.Groups);
        Assert.Equal(Demo.Teachers.Select(t => t.Name), round.Teachers.Select(t => t.Name));
        Assert.Equal(new DateTime(2026, 11, 16, 9, 0, 0), round.Opens);
        Assert.Equal(new DateTime(2026, 11, 27, 17, 0, 0), round.Closes);
        Assert.True(round.IsOpen(new DateTime(2026, 11, 23, 0, 0, 0)));
        Assert.False(round.IsOpen(new DateTime(2026, 11, 16, 8, 59, 0)));
        Assert.False(round.IsOpen(new DateTime(2026, 11, 27, 17, 0, 0)));

        string[] expected =
        [
            "2026-12-01T15:00", "2026-12-01T15:15", "2026-12-01T15:30", "2026-12-01T15:45", "2026-12-01T16:00", "2026-12-01T16:15", "2026-12-01T16:30", "2026-12-01T16:45",
            "2026-12-03T19:00", "2026-12-03T19:15", "2026-12-03T19:30", "2026-12-03T19:45", "2026-12-03T20:00", "2026-12-03T20:15", "2026-12-03T20:30", "2026-12-03T20:45",
        ];
        foreach (var teacher in round.Teachers)
        {
            var slots = round.SlotsOf(teacher);
            Assert.Equal(expected, slots.Select(s => s.Key));
            Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(10), s.End - s.Start));
        }

        Assert.Equal("lokaal 4", round.TeacherOf(Demo.FindParent("+31622222222")!.Children[0])!.Room);
    }

    [Fact]
    public void ATeachersOwnDaysAndBreaksShapeTheirSlots()
    {
        var yaml = File.ReadAllText(DemoPath).Replace(
            "{ name: Juf Fatima,    room: lokaal 4 }",
            "{ name: Juf Fatima, room: lokaal 4, days: [{ date: 2026-12-02, from: \"13:00\", to: \"14:00\" }], breaks: [{ from: \"13:15\", to: \"13:30\" }] }",
            StringComparison.Ordinal);
        var round = SchoolLoader.Parse(yaml).TalkRounds[0];
        var fatima = round.Teachers.Single(t => t.Name == "Juf Fatima");
        Assert.Equal(["2026-12-02T13:00", "2026-12-02T13:30", "2026-12-02T13:45"], round.SlotsOf(fatima).Select(s => s.Key));
        Assert.Equal(16, round.SlotsOf(round.Teachers[0]).Count);
    }

    [Fact]
    public void ABrokenRoundStopsTheLoadWithEveryProblemAndWhereItIs()
    {
        var yaml = File.ReadAllText(DemoPath)
            .Replace("{ name: Juf Anouk,     room: lokaal 1 }", "{ name: Juf Onbekend, room: lokaal 1 }", StringComparison.Ordinal)
            .Replace("{ name: Juf Marloes,   room: lokaal 2 }", "{ name: Juf Marloes }", StringComparison.Ordinal)
            .Replace("closes: \"2026-11-27T17:00\"", "closes: \"2026-11-10T17:00\"", StringComparison.Ordinal)
            .Replace("everyMinutes: 15", "everyMinutes: 5", StringComparison.Ordinal)
            .Replace("{ date: 2026-12-03, from: \"19:00\", to: \"21:00\" }", "{ date: 2026-12-03, from: \"21:00\", to: \"19:00\" }", StringComparison.Ordinal);
        var error = Assert.Throws<SchoolDataException>(() => SchoolLoader.Parse(yaml, "de-driehoek.yaml"));
        Assert.Contains("talkRounds[0].teachers[0].name: 'Juf Onbekend' is not one of the school's teachers", error.Message, StringComparison.Ordinal);
        Assert.Contains("talkRounds[0].teachers[1].room: give Juf Marloes's room for the talks", error.Message, StringComparison.Ordinal);
        Assert.Contains("talkRounds[0].teachers: Juf Anouk teaches a group of the round but has no entry (name and room)", error.Message, StringComparison.Ordinal);
        Assert.Contains("talkRounds[0]: closes must be after opens", error.Message, StringComparison.Ordinal);
        Assert.Contains("talkRounds[0].everyMinutes", error.Message, StringComparison.Ordinal);
        Assert.Contains("talkRounds[0].days[1]: from and to must be times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASchoolWithoutRoundsLoadsAsBefore() =>
        Assert.Empty(SchoolLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "dialogs", "schools", "de-regenboog.yaml")).TalkRounds);
}
