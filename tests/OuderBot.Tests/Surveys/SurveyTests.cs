using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Channels.Local;
using OuderBot.Storage;
using OuderBot.Surveys;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Surveys;

/// <summary>
/// The school-wide survey end to end on Azurite: the office sends it (POST /api/admin/surveys/{id}/send), the bot asks
/// each parent by the local channel, parents answer in numbers, words and emoji, stop and go on later, and the office
/// reads the report (GET /api/admin/surveys/{id}/report) with nothing shown where fewer than 5 parents answered.
/// The clock starts on Tuesday 24 November 2026 at 10:45, outside quiet hours.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SurveyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string BoardKey = "board-key";
    private const string Intro = "OBS De Driehoek wil graag weten hoe tevreden u bent. Er zijn 6 korte vragen. Typ 'later' om te stoppen; u kunt later verder gaan.";
    private const string Plezier = "Gaat uw kind elke dag met plezier naar school? Geef een cijfer van 1 (helemaal niet) tot 5 (heel erg).";
    private const string Resultaten = "Bent u tevreden over de resultaten van uw kind? Geef een cijfer van 1 (helemaal niet) tot 5 (heel erg).";
    private const string Welkom = "Voelt u zich welkom op school met vragen en opmerkingen? 1 (helemaal niet) tot 5 (heel erg).";
    private const string Samen = "Lost u problemen rond uw kind samen met de leraar op? 1 (helemaal niet) tot 5 (heel goed).";
    private const string Dromen = "Werken uw kind, de leraar en u samen aan de hoop en dromen van uw kind? 1 (helemaal niet) tot 5 (heel goed).";
    private const string Opmerking = "Wat kan de school beter, of wat gaat goed? Typ het in uw eigen woorden, of typ 'nee'.";
    private const string Thanks = "Dank u wel voor uw antwoorden! Ze helpen de school om het nog beter te doen.";
    private BotApp _app = null!;

    public Task InitializeAsync()
    {
        var settings = BotApp.AzuriteSettings(azurite.ConnectionString, AzuriteFixture.NewContainer());
        settings["Admin:ApiKey"] = BoardKey;
        settings["Outbox:PollInterval"] = "00:00:00.100";
        _app = new BotApp(settings: settings, time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(BotApp.TuesdayMorning.AddHours(3)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AParentAnswersInWordsAndEmojiStopsHalfwayGoesOnTheNextDayAndIsNeverAskedTwice()
    {
        await ChattedBeforeAsync(TimParent, TimOtherParent);
        var sent = await SendAsync(new { audience = "group:4" });
        Assert.Equal(2, sent.GetProperty("recipients").GetInt32());                         // Tim's two parents
        Assert.Equal(Intro + "\n\n" + Plezier, await ReceivedAsync(TimParent));
        Assert.Equal(Intro + "\n\n" + Plezier, await ReceivedAsync(TimOtherParent));

        await _app.RunAsync(TimParent, $"""
            > heel goed
            < {Resultaten}
            > 👍
            < {Welkom}
            > later
            < Prima. Uw antwoorden zijn bewaard. Wilt u later verder? Typ dan 'vragenlijst'.
            """);

        _app.Time.Advance(TimeSpan.FromDays(1));
        await _app.RunAsync(TimParent, $"""
            > vragenlijst
            < Fijn dat u verder gaat. Nog 4 vragen.
            < {Welkom}
            > weet niet
            < Geef een cijfer van 1 (slecht) tot 5 (heel goed), bijvoorbeeld: 4. Of typ 'later'.
            > 4
            < {Samen}
            > gaat wel
            < {Dromen}
            > 5
            < {Opmerking}
            > De juf is top, en meer uitjes zou fijn zijn
            < {Thanks}
            > vragenlijst
            < U heeft de vragenlijst al ingevuld. Dank u wel!
            """);

        var (_, response) = Assert.Single(await Store.OfParentAsync(_app.School(), "tevredenheid", TimParent, default));
        Assert.Equal(
            new Dictionary<string, int?> { ["plezier"] = 5, ["resultaten"] = 4, ["welkom"] = 4, ["samen-oplossen"] = 3, ["hoop-en-dromen"] = 5, ["opmerking"] = null },
            response.Answers.ToDictionary(a => a.Key, a => a.Value.Score));
        Assert.Equal("De juf is top, en meer uitjes zou fijn zijn", response.Answers["opmerking"].Text);   // the remark, not a compliment
        Assert.Equal(["4"], response.Groups);
        using (var office = Office())
        {
            Assert.Equal("[]", (await office.GetStringAsync("/api/admin/feedback?from=2026-11-24&to=2026-11-25&school=de-driehoek")).Trim());
        }

        // Sent again: the parent who answered everything is not asked again; the other parent still has the first question.
        var again = await SendAsync(new { audience = "group:4" });
        await Wait.UntilAsync(async () => (await Claims.GetAsync($"survey-sends/de-driehoek/{again.GetProperty("id").GetString()}", default))?.DoneAt is not null, "the second send done");
        await Task.Delay(500);
        Assert.Single(await MessagesAsync(TimParent));
        Assert.Single(await MessagesAsync(TimOtherParent));
    }

    [Fact]
    public async Task ARequestOfTheParentsOwnInTheMiddleIsHandledAndTheQuestionComesBackAfterIt()
    {
        await ChattedBeforeAsync(BibiParent);
        await SendAsync(new { audience = "parent:+31611111111" });
        await ReceivedAsync(BibiParent);
        await _app.RunAsync(BibiParent, $"""
            > 4
            < {Resultaten}
            > Bibi is morgen ziek
            < Bibi is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: Bibi is ziek op woensdag 25 november.
            < Fijn dat u verder gaat. Nog 5 vragen.
            < {Resultaten}
            > 😊
            < {Welkom}
            """);
    }

    [Fact]
    public async Task TheReportShowsAQuestionOnlyOnceFiveParentsAnsweredItAndNoGroupWithFewer()
    {
        await ChattedBeforeAsync(BibiParent, TimParent, EnglishParentOfTwo, NoorAndSemParent, "+31655555555");
        var sent = await SendAsync(null);                                                  // no body: the whole school
        Assert.Equal(9, sent.GetProperty("recipients").GetInt32());

        Assert.Equal(
            "OBS De Driehoek would like to know how satisfied you are. There are 6 short questions. Type 'later' to stop; you can go on later.\n\n"
            + "Do your children go to school happily every day? Give a number from 1 (not at all) to 5 (very much).",
            await ReceivedAsync(EnglishParentOfTwo));
        Assert.EndsWith("Gaan uw kinderen elke dag met plezier naar school? Geef een cijfer van 1 (helemaal niet) tot 5 (heel erg).", await ReceivedAsync(NoorAndSemParent), StringComparison.Ordinal);

        // Four parents answer the first question: too few to show anything.
        foreach (var (parent, answer) in new[] { (BibiParent, "5"), (TimParent, "heel goed"), (EnglishParentOfTwo, "so so"), (NoorAndSemParent, "😞") })
        {
            await ReceivedAsync(parent);
            await _app.SendAsync(parent, answer);
        }

        var report = await ReportAsync();
        Assert.Equal(4, report.GetProperty("respondents").GetInt32());
        var plezier = report.GetProperty("questions")[0];
        Assert.False(plezier.GetProperty("shown").GetBoolean());
        Assert.Equal(JsonValueKind.Null, plezier.GetProperty("answered").ValueKind);
        Assert.Equal(JsonValueKind.Null, plezier.GetProperty("average").ValueKind);
        Assert.Equal(JsonValueKind.Null, plezier.GetProperty("counts").ValueKind);

        // The fifth: the question shows its counts and average; no group has five parents, so none shows its own.
        await ReceivedAsync("+31655555555");
        await _app.SendAsync("+31655555555", "prima");
        report = await ReportAsync();
        plezier = report.GetProperty("questions")[0];
        Assert.True(plezier.GetProperty("shown").GetBoolean());
        Assert.Equal(5, plezier.GetProperty("answered").GetInt32());
        Assert.Equal(3.6, plezier.GetProperty("average").GetDouble());                     // (5 + 5 + 3 + 1 + 4) / 5
        Assert.Equal("""{"1":1,"2":0,"3":1,"4":1,"5":2}""", plezier.GetProperty("counts").GetRawText());
        Assert.All(plezier.GetProperty("groups").EnumerateArray(), g => Assert.False(g.GetProperty("shown").GetBoolean()));
        Assert.False(report.GetProperty("questions")[1].GetProperty("shown").GetBoolean()); // nobody answered the second yet

        using var office = Office();
        var csv = await office.GetStringAsync("/api/admin/surveys/tevredenheid/report?format=csv&school=de-driehoek");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("question,scope,answered,average,1,2,3,4,5,remark", lines[0]);
        Assert.Contains("plezier,alle,5,3.6,1,0,1,1,2,", lines);
        Assert.Contains("plezier,Groep 4,<5,,,,,,,", lines);
    }

    [Fact]
    public async Task TheOfficeGetsAClearAnswerToAWrongSurveyAudienceOrBody()
    {
        await ChattedBeforeAsync(TimParent);
        using var office = Office();
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync("/api/admin/surveys/bestaat-niet/send?school=de-driehoek", new { audience = "school" })).StatusCode);
        var talk = await office.PostAsJsonAsync("/api/admin/surveys/gesprek/send?school=de-driehoek", new { audience = "school" });
        Assert.Equal(HttpStatusCode.BadRequest, talk.StatusCode);
        Assert.Contains("after each booked talk", await talk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var group = await office.PostAsJsonAsync("/api/admin/surveys/tevredenheid/send?school=de-driehoek", new { audience = "group:99" });
        Assert.Equal(HttpStatusCode.BadRequest, group.StatusCode);
        Assert.Contains("no group '99'", await group.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var broken = new StringContent("{\"audience\": ", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsync("/api/admin/surveys/tevredenheid/send?school=de-driehoek", broken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/admin/surveys/bestaat-niet/report?school=de-driehoek")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/admin/surveys/tevredenheid/report?format=xml&school=de-driehoek")).StatusCode);

        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/admin/surveys/tevredenheid/send?school=de-driehoek", null)).StatusCode);

        var listed = await office.GetFromJsonAsync<JsonElement>("/api/admin/surveys?school=de-driehoek");
        Assert.Equal(["gesprek", "tevredenheid"], listed.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        await Task.Delay(300);
        Assert.Empty(await MessagesAsync(TimParent));                                       // nothing was sent
    }

    // Parents who wrote to the bot in the local chat before: what it starts reaches them there (else by SMS).
    private async Task ChattedBeforeAsync(params string[] parents)
    {
        await _app.WaitUntilHealthyAsync();
        foreach (var parent in parents)
        {
            await _app.SendAsync(parent, "hoi");
        }
    }

    private SurveyStore Store => _app.Services.GetRequiredService<SurveyStore>();

    private StoreClaims Claims => _app.Services.GetRequiredService<StoreClaims>();

    private HttpClient Office()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", BoardKey);
        return client;
    }

    private async Task<JsonElement> SendAsync(object? body)
    {
        using var office = Office();
        var response = body is null
            ? await office.PostAsync("/api/admin/surveys/tevredenheid/send?school=de-driehoek", null)
            : await office.PostAsJsonAsync("/api/admin/surveys/tevredenheid/send?school=de-driehoek", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ReportAsync()
    {
        using var office = Office();
        return await office.GetFromJsonAsync<JsonElement>("/api/admin/surveys/tevredenheid/report?school=de-driehoek");
    }

    private async Task<IReadOnlyList<LocalReceived>> MessagesAsync(string phone)
    {
        using var client = _app.CreateClient();
        return (await client.GetFromJsonAsync<LocalReceivedResponse>($"/api/local/messages?from={Uri.EscapeDataString(phone)}"))!.Messages;
    }

    private async Task<string> ReceivedAsync(string phone)
    {
        string? text = null;
        await Wait.UntilAsync(async () => (text = (await MessagesAsync(phone)).LastOrDefault()?.Text) is not null, "the survey reached " + phone);
        return text!;
    }
}
