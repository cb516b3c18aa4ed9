using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Storage;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Absence;

/// <summary>The office's overview reads the children of the asked days through the index, not every child with a history.</summary>
public sealed class AbsenceIndexTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ouderbot-index-").FullName;

    [Fact]
    public async Task TheOverviewOfOneDayReadsOnlyThatDaysChildrenHoweverLongTheSchoolsHistory()
    {
        var school = Path.Combine(_folder, "school.yaml");
        await File.WriteAllTextAsync(school, GeneratedSchool.Yaml(150));
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["School:Path"] = school, ["Admin:ApiKey"] = "k" });
        await app.WaitUntilHealthyAsync();
        var absences = app.Services.GetRequiredService<AbsenceStore>();
        for (var i = 0; i < 150; i++)
        {
            // History: every child was sick in October.
            await absences.SaveAsync(app.School(), Report($"tim-{i}", new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 6)), CancellationToken.None);
        }

        await app.SendAsync(GeneratedSchool.Phone(7), "Sara is vandaag ziek");
        await app.SendAsync(GeneratedSchool.Phone(7), "ja");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "k");
        var day = new DateOnly(2026, 11, 24);
        var roundTrips = CountingStateStore.CountHere();
        var reports = await absences.InRangeAsync(app.School(), day, day, CancellationToken.None);

        // The month's and the open-ended listings, and the one child's document.
        Assert.True(roundTrips() <= 3, $"the overview cost {roundTrips()} round trips");
        Assert.Equal("sara-7", Assert.Single(reports).ChildId);
        var rows = await client.GetFromJsonAsync<List<AbsenceRow>>("/api/admin/absences?from=2026-11-24");
        Assert.Equal("sara-7", Assert.Single(rows!).ChildId);
        Assert.Equal(150, (await client.GetFromJsonAsync<List<AbsenceRow>>("/api/admin/absences?from=2026-10-05"))!.Count);
    }

    [Fact]
    public async Task AReportSavedBeforeACrashLeftItsIndexIsFoundOnceTheParentSendsItAgain()
    {
        await using var app = new BotApp();
        await app.WaitUntilHealthyAsync();
        var school = app.School();
        var report = Report("tim-g4", new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24));
        // As if the instance died after the child's document and before the index markers.
        var store = app.Services.GetRequiredService<IStateStore>();
        await store.CreateAsync(AbsenceStore.Key(school, "tim-g4"), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new ChildAbsences { Reports = [report] }, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        var day = new DateOnly(2026, 11, 24);
        Assert.Empty(await app.Services.GetRequiredService<AbsenceStore>().InRangeAsync(school, day, day, CancellationToken.None));

        await app.Services.GetRequiredService<AbsenceStore>().SaveAsync(school, report, CancellationToken.None); // the turn runs again

        Assert.Single(await app.Services.GetRequiredService<AbsenceStore>().InRangeAsync(school, day, day, CancellationToken.None));
    }

    [Fact]
    public async Task AReportOverThirteenCalendarMonthsIsInTheOverviewOfItsLastMonth()
    {
        await using var app = new BotApp();
        await app.WaitUntilHealthyAsync();
        var absences = app.Services.GetRequiredService<AbsenceStore>();
        await absences.SaveAsync(app.School(), Report("tim-g4", new DateOnly(2025, 1, 15), new DateOnly(2026, 1, 10)), CancellationToken.None);

        var day = new DateOnly(2026, 1, 8);
        Assert.Single(await absences.InRangeAsync(app.School(), day, day, CancellationToken.None));
    }

    [Theory]
    [InlineData("9999-12-31", "9999-12-31")]
    [InlineData("9999-01-01", "9999-12-31")]
    [InlineData("0001-01-01", "0001-01-01")]
    public async Task TheOverviewAnswersForTheCalendarsFarthestDays(string from, string to)
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["Admin:SchoolKeys:de-driehoek"] = "k" });
        await app.WaitUntilHealthyAsync();
        // "t/m 31-12-9999": indexed on the open list, not with a marker for every month until then.
        await app.Services.GetRequiredService<AbsenceStore>().SaveAsync(app.School(), Report("tim-g4", new DateOnly(2026, 11, 24), new DateOnly(9999, 12, 31)), CancellationToken.None);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "k");

        var response = await client.GetAsync($"/api/admin/absences?from={from}&to={to}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(from.StartsWith("9999", StringComparison.Ordinal), (await response.Content.ReadFromJsonAsync<List<AbsenceRow>>())!.Count > 0);
    }

    private static AbsenceReport Report(string childId, DateOnly start, DateOnly end) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        ChildId = childId,
        ChildName = "Tim",
        Group = "4",
        Start = start,
        End = end,
        Kind = AbsenceKinds.Sick,
        ReportedBy = "+31610000000",
        ReportedByName = "Ouder",
        ReportedAt = new DateTimeOffset(2026, 10, 5, 7, 0, 0, TimeSpan.FromHours(2)),
        Channel = "local",
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS.
        }
    }
}
