using System.Net;
using System.Net.Http.Json;
using System.Text;
using OuderBot.Absence;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Absence;

// The office's overview over HTTP on the real host, with the reports made through real conversations, on Azurite.
[Collection(AzuriteCollection.Name)]
public sealed class AbsenceOverviewTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ApiKey = "office-secret";

    private readonly BotApp _app = new(settings: new Dictionary<string, string?>(BotApp.AzuriteSettings(azurite.ConnectionString, AzuriteFixture.NewContainer()))
    {
        ["Admin:SchoolKeys:de-driehoek"] = ApiKey, // the school's own key: its own overview, no ?school needed
    });

    public async Task InitializeAsync()
    {
        await _app.WaitUntilHealthyAsync();
        // Tim: Tuesday to Thursday, reported by both parents. Bibi: dentist on Wednesday 10.00-11.30.
        // Sem: since Monday, open-ended (reported afterwards). Noor: Friday 27th, withdrawn again.
        await _app.RunAsync(TimParent, """
            > Tim is t/m donderdag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);
        await _app.RunAsync(TimOtherParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ ook al gemeld
            """);
        await _app.RunAsync(BibiParent, """
            > Bibi moet morgen van 10 tot 11.30 naar de tandarts
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);
        await _app.RunAsync(NoorAndSemParent, """
            > Sem is sinds gisteren ziek
            < Sem is ziek vanaf maandag 23 november, tot Sem weer beter is. Klopt dat? (ja/nee)
            > ja
            <~ melding achteraf
            > Noor is vrijdag ziek
            <~ Ik heb genoteerd
            > welke meldingen heb ik gedaan
            <~ 2. Noor is ziek op vrijdag 27 november
            > 2
            <~ intrekken
            > ja
            <~ Ik heb de melding ingetrokken
            """);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheOfficeGetsOneRowPerChildPerSchoolDayWithBothReportersMerged()
    {
        var rows = await GetJsonAsync("/api/admin/absences?from=2026-11-23&to=2026-11-27");

        Assert.Equal(
            [
                "2026-11-23 Sem sick", // open-ended since Monday: counted up to today
                "2026-11-24 Tim sick", "2026-11-24 Sem sick",
                "2026-11-25 Bibi appointment 10:00-11:30", "2026-11-25 Tim sick",
                "2026-11-26 Tim sick",
            ],
            rows.Select(r => $"{r.Date} {r.Child} {r.Kind}" + (r.From is null ? "" : $" {r.From}-{r.Until}")).ToList());

        var tim = rows.First(r => r.Child == "Tim");
        Assert.Equal(("4", "Groep 4", "Lotte Bakker", "local"), (tim.Group, tim.GroupName, tim.ReportedBy, tim.Channel));
        Assert.Equal(["Joost Bakker"], tim.AlsoReportedBy);
        Assert.Equal(TimeSpan.FromHours(1), tim.ReportedAt.Offset);
        Assert.Equal(new DateTime(2026, 11, 24, 7, 45, 0), tim.ReportedAt.DateTime);

        var sem = rows.First(r => r.Child == "Sem");
        Assert.True(sem.OpenEnded);
        Assert.True(sem.Afterwards);
        Assert.Null(sem.From);
        Assert.Null(sem.Until);
    }

    [Fact]
    public async Task ADayWithoutAbsencesIsAnEmptyListAndTheDefaultIsToday()
    {
        Assert.Empty(await GetJsonAsync("/api/admin/absences?from=2026-11-30&to=2026-11-30"));
        Assert.Equal(["Tim", "Sem"], (await GetJsonAsync("/api/admin/absences")).Select(r => r.Child).ToList());
    }

    [Fact]
    public async Task TheCsvExportHasTheStudentAdministrationsColumnsAndTheSameRows()
    {
        using var client = Client();
        var response = await client.GetAsync("/api/admin/absences?from=2026-11-24&to=2026-11-25&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("absences-2026-11-24-2026-11-25.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "date,group,child,kind,from,until,reported by,reported at",
                "2026-11-24,Groep 4,Tim,sick,,,Lotte Bakker & Joost Bakker,2026-11-24 07:45",
                "2026-11-24,Groep 6,Sem,sick,,,Fatma Yilmaz,2026-11-24 07:45",
                "2026-11-25,Groep 1,Bibi,appointment,10:00,11:30,Sanne de Boer,2026-11-24 07:45",
                "2026-11-25,Groep 4,Tim,sick,,,Lotte Bakker & Joost Bakker,2026-11-24 07:45",
            ],
            lines);
    }

    [Theory]
    [InlineData("?from=24-11-2026")]
    [InlineData("?from=2026-11-25&to=2026-11-24")]
    [InlineData("?from=2026-01-01&to=2027-12-31")]
    [InlineData("?format=xml")]
    public async Task ABrokenQueryGets400WithTheReason(string query)
    {
        using var client = Client();
        var response = await client.GetAsync("/api/admin/absences" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheOverviewIsNeverOpenWithoutTheOfficesKey()
    {
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/absences")).StatusCode);

        await using var unconfigured = new BotApp();
        using var client = unconfigured.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/absences")).StatusCode);
    }

    private HttpClient Client()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    private async Task<List<AbsenceRow>> GetJsonAsync(string url)
    {
        using var client = Client();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<AbsenceRow>>())!;
    }
}
