using OuderBot.School;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Digest;

// The digest times a school writes in its file.
public sealed class DigestScheduleTests
{
    [Fact]
    public void ASchoolChoosesItsDigestTimesAndWithoutTimesGetsHalfPastSeven()
    {
        var chosen = SchoolLoader.Parse(SchoolFolder.DemoFile("de-driehoek") + "\ndigest: { times: [\"15:30\", \"7:30\"], sendWhenEmpty: true }\n").Digest;
        Assert.Equal([new TimeOnly(7, 30), new TimeOnly(15, 30)], chosen.Times);
        Assert.True(chosen.SendWhenEmpty);

        var defaults = SchoolLoader.Parse(SchoolFolder.DemoFile("de-driehoek") + "\ndigest: {}\n").Digest;
        Assert.Equal([new TimeOnly(7, 30)], defaults.Times);
        Assert.False(defaults.SendWhenEmpty);

        Assert.False(SchoolLoader.Parse(SchoolFolder.DemoFile("de-driehoek")).Digest.Enabled);           // no digest: no digest
    }

    [Fact]
    public void ADigestTimeThatIsNoTimeIsReportedWithWhereItIs()
    {
        var error = Assert.Throws<SchoolDataException>(() => SchoolLoader.Parse(SchoolFolder.DemoFile("de-driehoek") + "\ndigest: { times: [\"07:30\", \"half acht\"] }\n"));
        Assert.Contains("digest.times[1]: 'half acht' is not a time like 07:30", error.Message, StringComparison.Ordinal);
    }
}
