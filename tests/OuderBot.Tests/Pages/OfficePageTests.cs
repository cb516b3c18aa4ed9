using System.Net;
using Microsoft.Playwright;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Pages;

/// <summary>
/// The office's day at /office in headless Chromium, against the real bot process (the clock on Tuesday 24 November
/// 2026 07:45, De Driehoek's own key and the board's). Writes docs/screenshots/office.png for the README.
/// </summary>
public sealed class OfficePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string BoardKey = "board-key";
    private const string SchoolKey = "driehoek-key";
    private readonly string _work = Directory.CreateTempSubdirectory("ouderbot-office-").FullName;
    private BotServer _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotServer.StartAsync(["--Admin:ApiKey", BoardKey, "--Admin:SchoolKeys:de-driehoek", SchoolKey, "--Clock:Now", "2026-11-24T07:45", "--Storage:Path", Path.Combine(_work, "data")]);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task TheLoginRefusesAWrongKeyAndTheDayPageStaysClosed()
    {
        var page = await browser.PhonePageAsync();
        await page.GotoAsync(_bot.Url + "/office");
        Assert.EndsWith("/office/login", page.Url, StringComparison.Ordinal);

        // A wrong key is refused, and the key never shows in the address.
        await page.GetByLabel("School", new() { Exact = true }).SelectOptionAsync("de-driehoek");
        await page.GetByLabel("Sleutel van de school (of van het bestuur)").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Die sleutel is niet goed");
        Assert.DoesNotContain("not-the-key", page.Url, StringComparison.Ordinal);
        Assert.Empty(await page.Context.CookiesAsync());

        // The school's key is for that school only.
        await page.GetByLabel("School", new() { Exact = true }).SelectOptionAsync("de-regenboog");
        await page.GetByLabel("Sleutel van de school (of van het bestuur)").FillAsync(SchoolKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.Http.GetAsync("/api/admin/office/today")).StatusCode);
    }

    [Fact]
    public async Task AReportMadeInTheSimulatorShowsOnTheOfficePageWithoutAReloadAndTheExportOpensWithTheSession()
    {
        var page = await LogInAsync(SchoolKey);
        var group4 = page.Locator("[data-group='4']");
        await Assertions.Expect(group4).ToContainTextAsync("(iedereen)");

        // A parent reports in the chat simulator (another browser): the office page shows it at its next refresh.
        var phone = await browser.PhonePageAsync();
        await phone.GotoAsync(_bot.Url + "/");
        await phone.Locator("body[data-ready=true]").WaitForAsync();
        await phone.GetByLabel("Ouder", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lotte Bakker (Tim)" });
        foreach (var (text, reply) in new[] { ("Tim is vandaag ziek", "Klopt dat?"), ("ja", "genoteerd"), ("Kan de juf mij bellen?", "Juf Fatima") })
        {
            await phone.GetByLabel("Uw bericht").FillAsync(text);
            await phone.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
            await Assertions.Expect(phone.Locator("#chat li.bot").Last).ToContainTextAsync(reply);
        }

        await Assertions.Expect(group4).ToContainTextAsync("Tim: ziek", new() { Timeout = 15_000 });
        await Assertions.Expect(group4).ToContainTextAsync("(1 afwezig)");
        await Assertions.Expect(page.Locator("#handoffs")).ToContainTextAsync("van Lotte Bakker (Tim) [open]: Kan de juf mij bellen?", new() { Timeout = 15_000 });

        // The CSV export opens with the session cookie (never the key in a URL).
        var href = await page.Locator("#export-absences").GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(_bot.Url + href);
        Assert.Equal(200, csv.Status);
        Assert.Contains("Tim", await csv.TextAsync(), StringComparison.Ordinal);

        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AzuriteProcess.RepositoryRoot(), "docs", "screenshots", "office.png"), FullPage = true });

        // In English, and still nothing serious for axe.
        await page.GetByLabel("Taal van deze pagina").SelectOptionAsync("en");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("#h-absent")).ToHaveTextAsync("Absent today");
        await Assertions.Expect(group4).ToContainTextAsync("Tim: sick");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task TheSessionOpensOnlyReadingNeverAnActionAndLoggingOutEndsIt()
    {
        var page = await LogInAsync(BoardKey);
        await Assertions.Expect(page.Locator("#title")).ToContainTextAsync("OBS De Driehoek");

        // An announcement made with the key shows with where its messages are.
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/admin/announcements?school=de-driehoek")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { text = "Vrijdag is de school om 12 uur uit.", audience = "group:4" }),
        };
        post.Headers.Add("X-Api-Key", BoardKey);
        Assert.Equal(HttpStatusCode.Created, (await _bot.Http.SendAsync(post)).StatusCode);
        await Assertions.Expect(page.Locator("#announcements")).ToContainTextAsync("Vrijdag is de school om 12 uur uit. (", new() { Timeout = 15_000 });

        // The session reads; it never acts for the office.
        var announce = await page.Context.APIRequest.PostAsync(_bot.Url + "/api/admin/announcements?school=de-driehoek", new()
        {
            DataObject = new { text = "Morgen geen school.", audience = "school" },
        });
        Assert.Equal(401, announce.Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        Assert.EndsWith("/office/login", page.Url, StringComparison.Ordinal);
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        Assert.Equal(401, (await page.Context.APIRequest.GetAsync(_bot.Url + "/api/admin/office/today")).Status);
    }

    private async Task<IPage> LogInAsync(string key)
    {
        var page = await browser.PhonePageAsync();
        await page.GotoAsync(_bot.Url + "/office/login");
        await page.GetByLabel("School", new() { Exact = true }).SelectOptionAsync("de-driehoek");
        await page.GetByLabel("Sleutel van de school (of van het bestuur)").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.Locator("body[data-ready=true]").WaitForAsync();
        Assert.EndsWith("/office", page.Url, StringComparison.Ordinal);
        return page;
    }
}
