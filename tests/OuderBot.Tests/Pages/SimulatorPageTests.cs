using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Pages;

/// <summary>
/// The chat simulator at / in headless Chromium, against the real bot process over a real socket (Development, the
/// embedded store, the clock on Tuesday 24 November 2026 07:45). Writes docs/screenshots/simulator.png for the README.
/// </summary>
public sealed class SimulatorPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string AdminKey = "office-key";
    private readonly string _work = Directory.CreateTempSubdirectory("ouderbot-pages-").FullName;
    private BotServer _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotServer.StartAsync(["--Admin:ApiKey", AdminKey, "--Clock:Now", "2026-11-24T07:45", "--Storage:Path", Path.Combine(_work, "data")]);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task AParentReportsTimSickInTheSimulatorAndSeesEachReplyWithItsSmsCost()
    {
        var page = await OpenAsync();
        await page.GetByLabel("Ouder", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lotte Bakker (Tim)" });
        Assert.Equal("+31622222222", await page.GetByLabel("Telefoonnummer van de ouder").InputValueAsync());

        await SayAsync(page, "Tim is vandaag ziek");
        var confirmation = page.Locator("#chat li.bot").Last;
        await Expect(confirmation, "Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)");
        Assert.Equal("1 sms-deel, GSM-7, 55 tekens", await confirmation.Locator(".meta").InnerTextAsync());

        await SayAsync(page, "ja");
        await Expect(page.Locator("#chat li.bot").Last, "Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november.");

        // The office sees the report the simulator made: the same pipeline as SMS.
        using var office = new HttpRequestMessage(HttpMethod.Get, "/api/admin/absences?from=2026-11-24&to=2026-11-24&school=de-driehoek");
        office.Headers.Add("X-Api-Key", AdminKey);
        var rows = await (await _bot.Http.SendAsync(office)).Content.ReadFromJsonAsync<List<Row>>();
        Assert.Contains(rows!, r => r.Child == "Tim" && r.Kind == "sick");

        // WhatsApp: the same replies, shown as WhatsApp shows them.
        await page.GetByLabel("WhatsApp").CheckAsync();
        Assert.Equal("WhatsApp", await confirmation.Locator(".meta").InnerTextAsync());
        Assert.True(await page.Locator(".phone.whatsapp").IsVisibleAsync());
        await page.GetByLabel("SMS").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("simulator.png"), FullPage = true });
    }

    [Fact]
    public async Task AnAnnouncementTheBotStartsArrivesInTheSimulatorWithoutAReload()
    {
        var page = await OpenAsync();
        await page.GetByLabel("Ouder", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lotte Bakker (Tim)" });
        // What the bot starts goes to the channel the parent last used: here, the simulator.
        await SayAsync(page, "hoi");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/admin/announcements?school=de-driehoek")
        {
            Content = JsonContent.Create(new { text = "Morgen is de gymles buiten. Geef uw kind een jas mee.", audience = "group:4", expectsAnswer = false }),
        };
        post.Headers.Add("X-Api-Key", AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await _bot.Http.SendAsync(post)).StatusCode);

        var started = page.Locator("#chat li.started");
        await started.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains("Morgen is de gymles buiten", await started.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("De school stuurt:", await started.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingAfreshForgetsTheQuestionThatWasOpen()
    {
        var page = await OpenAsync();
        await page.GetByLabel("Ouder", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lotte Bakker (Tim)" });
        await SayAsync(page, "Tim is vandaag ziek");
        await Expect(page.Locator("#chat li.bot").Last, "Klopt dat? (ja/nee)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw beginnen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status), "Nieuw gesprek.");
        Assert.Equal(0, await page.Locator("#chat li").CountAsync());

        // "ja" now answers nothing: no report is made.
        await SayAsync(page, "ja");
        await page.Locator("#chat li.bot").First.WaitForAsync();
        Assert.DoesNotContain("genoteerd", await page.Locator("#chat").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageHasNoSeriousAccessibilityProblemInDutchOrEnglishAndWorksByKeyboard()
    {
        var page = await OpenAsync();
        await SayAsync(page, "Wanneer is de kerstvakantie?");
        await page.Locator("#chat li.bot").First.WaitForAsync();
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Taal van deze pagina").SelectOptionAsync("en");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).IsVisibleAsync());
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);

        // By keyboard alone: type in the message box, Enter sends.
        await page.GetByLabel("Your message").FocusAsync();
        await page.Keyboard.TypeAsync("hoi");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#chat li.me").Last, "hoi");
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await browser.PhonePageAsync();
        await page.GotoAsync(_bot.Url + "/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        return page;
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var before = await page.Locator("#chat li.bot").CountAsync();
        await page.GetByLabel("Uw bericht").Or(page.GetByLabel("Your message")).FillAsync(text);
        await page.Locator("#send button[type=submit]").ClickAsync();
        await page.Locator("#chat li.bot").Nth(before).WaitForAsync();
    }

    private static async Task Expect(ILocator locator, string text)
    {
        await Assertions.Expect(locator).ToContainTextAsync(text, new() { Timeout = 10_000 });
    }


    private static string Screenshot(string name) => Path.Combine(AzuriteProcess.RepositoryRoot(), "docs", "screenshots", name);

    private sealed record Row(string Child, string Kind);
}
