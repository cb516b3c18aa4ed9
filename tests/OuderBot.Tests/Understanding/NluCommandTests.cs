using System.Text.Json;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Understanding;

/// <summary>The `nlu` command as an editor of the knowledge base uses it: the real program, JSON on stdout.</summary>
public sealed class NluCommandTests
{
    [Fact]
    public async Task AMessageArgumentPrintsOneJsonObjectWithIntentChildAndDates()
    {
        var (exitCode, stdout) = await RunAsync(["nlu", "--now", "2026-11-23T07:45", "--from", "+31622222222", "Tim is t/m vrijdag ziek"], "");
        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(Assert.Single(stdout)).RootElement;
        Assert.Equal("absence", json.GetProperty("intent").GetString());
        Assert.Equal("Tim", json.GetProperty("child").GetString());
        Assert.Equal("nl", json.GetProperty("lang").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("faq").ValueKind);
        Assert.InRange(json.GetProperty("confidence").GetDouble(), 0, 1);
        var date = Assert.Single(json.GetProperty("dates").EnumerateArray().ToList());
        Assert.Equal("2026-11-23", date.GetProperty("start").GetString());
        Assert.Equal("2026-11-27", date.GetProperty("end").GetString());
        Assert.Equal(JsonValueKind.Null, date.GetProperty("time").ValueKind);
        Assert.Equal(JsonValueKind.Null, date.GetProperty("time_end").ValueKind);
        Assert.Equal(JsonValueKind.Null, date.GetProperty("part").ValueKind);
    }

    [Fact]
    public async Task WithoutAMessageItReadsStdinAndPrintsOneJsonLinePerMessageInOrder()
    {
        var (exitCode, stdout) = await RunAsync(["nlu", "--now", "2026-11-23T07:45"], "hoe verloopt een 10-minutengesprek\nik wil een 10-minutengesprek plannen\nBibi gaat om 10 uur naar de tandarts, ze is er om 11.30 weer\nhoi\n");
        Assert.Equal(0, exitCode);
        var results = stdout.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["faq", "booking", "absence", "greeting"], results.Select(r => r.GetProperty("intent").GetString()));
        Assert.Equal("tien-minutengesprek", results[0].GetProperty("faq").GetString());
        var visit = results[2].GetProperty("dates")[0];
        Assert.Equal("10:00", visit.GetProperty("time").GetString());
        Assert.Equal("11:30", visit.GetProperty("time_end").GetString());
    }

    [Fact]
    public async Task ItSaysWhatTheBotWouldDoAndASecondRequestInTheSameMessage()
    {
        var (exitCode, stdout) = await RunAsync(["nlu", "--now", "2026-11-23T07:45", "--from", "+31622222222"],
            "hoe laat begint de school?\nhoe laat eten ze\nhoe laat gaat de albert heijn open\nTim is vandaag ziek. Wanneer is de kerstvakantie?\nkan de juf mij bellen? Tim heeft koorts\n");
        Assert.Equal(0, exitCode);
        var results = stdout.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["answer", "clarify", "abstain", "answer", "answer"], results.Select(r => r.GetProperty("action").GetString()));
        Assert.Equal(["faq", "faq", "unknown", "absence", "absence"], results.Select(r => r.GetProperty("intent").GetString()));
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("second").ValueKind);
        var holidays = results[3].GetProperty("second");
        Assert.Equal("faq", holidays.GetProperty("intent").GetString());
        Assert.Equal("vakanties", holidays.GetProperty("faq").GetString());
        Assert.Equal("answer", holidays.GetProperty("action").GetString());
        Assert.Equal("handoff", results[4].GetProperty("second").GetProperty("intent").GetString());
    }

    [Theory]
    [InlineData("2026-11-23T07:45", "2026-11-23")]   // Monday before school: today
    [InlineData("2026-11-25T13:00", "2026-11-26")]   // Wednesday after school (12:30): Thursday
    [InlineData("2026-11-27T19:30", "2026-11-30")]   // Friday evening: Monday
    public async Task ASickReportWithoutADayIsAboutTheSchoolDayNowAsTheBotReadsIt(string now, string day)
    {
        var (exitCode, stdout) = await RunAsync(["nlu", "--now", now, "--from", "+31655555555", "Sami is ziek"], "");
        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(Assert.Single(stdout)).RootElement;
        Assert.Equal("absence", json.GetProperty("intent").GetString());
        var date = Assert.Single(json.GetProperty("dates").EnumerateArray().ToList());
        Assert.Equal(day, date.GetProperty("start").GetString());
        Assert.Equal(day, date.GetProperty("end").GetString());
    }

    private static async Task<(int ExitCode, List<string> Stdout)> RunAsync(string[] args, string stdin)
    {
        var (exitCode, stdout, _) = await BotProcess.RunAsync(args, stdin);
        return (exitCode, stdout);
    }
}
