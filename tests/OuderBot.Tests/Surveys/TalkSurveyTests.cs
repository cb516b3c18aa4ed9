using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Channels.Local;
using OuderBot.Surveys;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Surveys;

/// <summary>
/// The survey after a booked talk, through the real host: Lotte books Tim's 10-minutengesprek on Tuesday 24 November
/// (for Tuesday 1 December at 15:00); on Wednesday 2 December from 09:00 the bot asks her about it, once.
/// </summary>
public sealed class TalkSurveyTests : IAsyncLifetime
{
    private const string BoardKey = "board-key";
    private static readonly TimeSpan Dutch = TimeSpan.FromHours(1);
    private const string Question = "Hoe tevreden bent u over het gesprek met Juf Fatima over Tim? Geef een cijfer van 1 (slecht) tot 5 (heel goed).";
    private BotApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new BotApp(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = BoardKey, ["Outbox:PollInterval"] = "00:00:00.100" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheParentWhoBookedIsAskedOnceTheNextSchoolDayAndARemarkThatReadsLikeAComplimentIsTheAnswer()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil een gesprek met de juf van Tim
            <~ 1. di 1 dec 15:00
            > 1
            < Tim: dinsdag 1 december om 15:00 uur bij Juf Fatima, lokaal 4. Zal ik dit vastleggen? (ja/nee)
            > ja
            <~ Staat genoteerd: Tim op dinsdag 1 december om 15:00 uur bij Juf Fatima, lokaal 4.
            """);
        await _app.SendAsync(TimOtherParent, "hoi");

        // The day of the talk, and the next morning before 09:00: nothing yet. By then the conversations are gone (kept
        // a week), so the question goes where Lotte booked: the local chat.
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 20, 0, 0, Dutch));
        await Worker.AskAfterTalksAsync(default);
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 30, 0, Dutch));
        await Worker.AskAfterTalksAsync(default);
        await Task.Delay(300);
        Assert.DoesNotContain(await MessagesAsync(TimParent), m => m.Purpose == "talk survey");

        _app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 5, 0, Dutch));
        await Worker.AskAfterTalksAsync(default);
        await Wait.UntilAsync(async () => (await MessagesAsync(TimParent)).Any(m => m.Text == Question), "the talk survey reached Lotte");
        await _app.RunAsync(TimParent, """
            > 😊
            < Dank u. Wilt u nog iets kwijt over het gesprek? Typ het, of typ 'nee'.
            > Juf Fatima nam echt de tijd, top!
            < Dank u wel! De school leest alle antwoorden.
            """);

        // Asked once: not again later that day, nor the next; the other parent, who did not book, not at all.
        await Worker.AskAfterTalksAsync(default);
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 5, 0, Dutch));
        await Worker.AskAfterTalksAsync(default);
        await Task.Delay(300);
        Assert.Single(await MessagesAsync(TimParent), m => m.Purpose == "talk survey");
        Assert.DoesNotContain(await MessagesAsync(TimOtherParent), m => m.Purpose == "talk survey");

        var (_, response) = Assert.Single(await Store.OfParentAsync(_app.School(), "gesprek", TimParent, default));
        Assert.Equal(4, response.Answers["tevreden"].Score);
        Assert.Equal("Juf Fatima nam echt de tijd, top!", response.Answers["opmerking"].Text);
        Assert.Equal(("juf-fatima", "Juf Fatima", new DateTime(2026, 12, 1, 15, 0, 0)), (response.TeacherId, response.Teacher, response.TalkAt));

        // One parent: the office sees that someone answered, not what.
        using var office = _app.CreateClient();
        office.DefaultRequestHeaders.Add("X-Api-Key", BoardKey);
        var report = await office.GetFromJsonAsync<JsonElement>("/api/admin/surveys/gesprek/report?school=de-driehoek");
        Assert.Equal(1, report.GetProperty("respondents").GetInt32());
        var tevreden = report.GetProperty("questions")[0];
        Assert.False(tevreden.GetProperty("shown").GetBoolean());
        var teacher = Assert.Single(tevreden.GetProperty("teachers").EnumerateArray());
        Assert.Equal(("Juf Fatima", false), (teacher.GetProperty("name").GetString(), teacher.GetProperty("shown").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("questions")[1].GetProperty("remarks").ValueKind);

        // "Verwijder mijn gegevens": the answers go too.
        await _app.RunAsync(TimParent, """
            > verwijder mijn gegevens
            <~ (ja/nee)
            > ja
            <~ Gewist
            """);
        Assert.Empty(await Store.OfParentAsync(_app.School(), "gesprek", TimParent, default));
    }

    private SurveyWorker Worker => _app.Services.GetRequiredService<SurveyWorker>();

    private SurveyStore Store => _app.Services.GetRequiredService<SurveyStore>();

    private async Task<IReadOnlyList<LocalReceived>> MessagesAsync(string phone)
    {
        using var client = _app.CreateClient();
        return (await client.GetFromJsonAsync<LocalReceivedResponse>($"/api/local/messages?from={Uri.EscapeDataString(phone)}"))!.Messages;
    }
}
