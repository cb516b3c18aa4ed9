using OuderBot.Booking;

namespace OuderBot.Tests.Booking;

/// <summary>A parent's wish for a time, read against De Driehoek's round (Tuesday 15:00-17:00, Thursday 19:00-21:00).</summary>
public sealed class TalkWishTests
{
    private static readonly DateTime Tuesday1500 = new(2026, 12, 1, 15, 0, 0);

    private static readonly List<SlotOption> All =
    [
        .. Enumerable.Range(0, 8).Select(i => Tuesday1500.AddMinutes(15 * i))
            .Concat(Enumerable.Range(0, 8).Select(i => new DateTime(2026, 12, 3, 19, 0, 0).AddMinutes(15 * i)))
            .Select(s => new SlotOption([new Slot("r", "t", s, s.AddMinutes(10))])),
    ];

    private static TalkWish Read(string text) =>
        TalkWish.Read(text, t => (t >= new TimeOnly(14, 0) && t <= new TimeOnly(17, 0)) || (t >= new TimeOnly(18, 0) && t <= new TimeOnly(21, 0)), 2026);

    private static string[] Offered(string wish) =>
        [.. SlotFinder.Choose(All, Read(wish)).Options.Select(o => o.Start.ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData("donderdag na 8 uur", "Thu 20:00", "Thu 20:15", "Thu 20:30")]
    [InlineData("liever dinsdag", "Tue 15:00", "Tue 15:15", "Tue 15:30")]
    [InlineData("zo vroeg mogelijk", "Tue 15:00", "Tue 15:15", "Tue 15:30")]
    [InlineData("na half 4", "Tue 15:30", "Tue 15:45", "Tue 16:00")]
    [InlineData("ik kan alleen 's avonds", "Thu 19:00", "Thu 19:15", "Thu 19:30")]
    [InlineData("Thursday evening", "Thu 19:00", "Thu 19:15", "Thu 19:30")]
    [InlineData("graag een 10 minutengesprek op donderdagavond", "Thu 19:00", "Thu 19:15", "Thu 19:30")]
    [InlineData("ik kan dinsdag toch niet", "Thu 19:00", "Thu 19:15", "Thu 19:30")]
    [InlineData("zo laat mogelijk", "Thu 20:45", "Thu 20:30", "Thu 20:15")]
    [InlineData("dinsdag voor 4 uur", "Tue 15:00", "Tue 15:15", "Tue 15:30")]
    [InlineData("after 8pm on Thursday", "Thu 20:00", "Thu 20:15", "Thu 20:30")]
    [InlineData("3 december", "Thu 19:00", "Thu 19:15", "Thu 19:30")]
    [InlineData("I can't do Tuesday", "Thu 19:00", "Thu 19:15", "Thu 19:30")]
    [InlineData("No, Thursday please", "Thu 19:00", "Thu 19:15", "Thu 19:30")]
    [InlineData("ik kan 's avonds niet", "Tue 15:00", "Tue 15:15", "Tue 15:30")]
    [InlineData("dinsdag kan ik niet, donderdag wel", "Thu 19:00", "Thu 19:15", "Thu 19:30")]
    [InlineData("not in the evening please", "Tue 15:00", "Tue 15:15", "Tue 15:30")]
    [InlineData("do 3 dec om 19:30", "Thu 19:30")]
    public void AWishGetsTheTimesThatFitIt(string wish, params string[] expected) => Assert.Equal(expected, Offered(wish));

    [Fact]
    public void OmVierUurIsFourInTheAfternoon()
    {
        var wish = Read("om 4 uur");
        Assert.Equal(new TimeOnly(16, 0), wish.At);
        Assert.Equal(["Tue 16:00"], Offered("om 4 uur"));
    }

    [Fact]
    public void AWishNothingFitsGetsTheNearestTimesAndSaysSo()
    {
        var offer = SlotFinder.Choose(All, Read("dinsdag na 8 uur"));
        Assert.False(offer.Fits);
        Assert.Equal([new DateTime(2026, 12, 1, 16, 15, 0), new DateTime(2026, 12, 1, 16, 30, 0), new DateTime(2026, 12, 1, 16, 45, 0)], offer.Options.Select(o => o.Start));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("10 minutengesprek plannen")]
    [InlineData("Ik wil een gesprek met de juf van Tim")]
    public void NoWishInAPlainRequest(string text) => Assert.False(Read(text).Narrows);

    [Fact]
    public void SiblingsGetBackToBackSlotsWithTheirTwoTeachersOnOneDay()
    {
        static Slot S(string teacher, int day, int hour, int minute) => new("r", teacher, new DateTime(2026, 12, day, hour, minute, 0), new DateTime(2026, 12, day, hour, minute, 0).AddMinutes(10));
        var kees = new[] { S("kees", 1, 15, 0), S("kees", 1, 15, 30), S("kees", 3, 19, 0) };
        var yusuf = new[] { S("yusuf", 1, 15, 15), S("yusuf", 1, 16, 0), S("yusuf", 3, 20, 0) };
        var chains = SlotFinder.BackToBack([kees, yusuf]);
        // 15:00 Kees then 15:15 Yusuf (5 minutes to walk), 15:15 Yusuf then 15:30 Kees; 19:00/20:00 is no pair.
        Assert.Equal(2, chains.Count);
        Assert.Equal(["kees|2026-12-01T15:00", "yusuf|2026-12-01T15:15"], chains[0].Refs);
        Assert.Equal(["yusuf|2026-12-01T15:15", "kees|2026-12-01T15:30"], chains[1].Refs);
    }
}
