using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OuderBot.Testing;
using OuderBot.Tests.Digest;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Pages;

/// <summary>
/// The teacher's question page, reached from the digest's signed link, in headless Chromium against the real bot
/// process (De Driehoek with a digest, the clock on Tuesday 24 November 2026 07:45). Writes
/// docs/screenshots/digest-question.png for the README.
/// </summary>
public sealed class DigestPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string TimParent = "+31622222222";
    private readonly SchoolFolder _folder = new();
    private BotServer _bot = null!;

    public async Task InitializeAsync()
    {
        var url = $"http://127.0.0.1:{ToolProcess.FreePort()}";
        _bot = await BotServer.StartAsync(
            [
                "--School:Path", DigestSchool.Write(_folder), "--Admin:ApiKey", DigestSchool.ApiKey, "--Digest:SigningKey", DigestSchool.SigningKey,
                "--Digest:PublicBaseUrl", url, "--Clock:Now", "2026-11-24T07:45", "--Storage:Path", _folder.Path + "/data",
            ],
            url);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ATeacherAnswersAQuestionOnThePhonePageAndTheParentGetsTheAnswer()
    {
        (await _bot.Http.PostAsJsonAsync("/api/local/messages", new { from = TimParent, text = "Kan de juf mij bellen? Tim is <b>erg</b> moe." })).EnsureSuccessStatusCode();
        var link = await AnswerLinkAsync();

        var page = await browser.PhonePageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("#question")).ToHaveTextAsync("Kan de juf mij bellen? Tim is <b>erg</b> moe.");
        Assert.Equal(0, await page.Locator("#question b").CountAsync());                          // shown as text, never as markup
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Uw antwoord aan Lotte Bakker").FillAsync("Ik bel u om 12.30 uur.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AzuriteProcess.RepositoryRoot(), "docs", "screenshots", "digest-question.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Uw antwoord is doorgestuurd naar Lotte Bakker.");

        // The parent's phone (the local channel, which she used) gets it with the teacher's name.
        await Wait.UntilAsync(async () => (await ReceivedAsync()).Any(m => m == "Juf Fatima antwoordt op uw vraag: Ik bel u om 12.30 uur."), "the answer reached Tim's parent");

        // Opened again, the page says it is answered and offers no form.
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Beantwoord");
        Assert.Equal(0, await page.Locator("textarea").CountAsync());
    }

    [Fact]
    public async Task TheTeachersPageShowsHerDigestAndTalkScheduleOnAPhone()
    {
        // Tim's parent books a talk and asks to be called back: the page shows both, the parent's words as text.
        foreach (var text in new[] { "10 minutengesprek plannen", "1", "ja", "Kan de juf mij bellen? <script>alert(1)</script>" })
        {
            (await _bot.Http.PostAsJsonAsync("/api/local/messages", new { from = TimParent, text })).EnsureSuccessStatusCode();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/digests?date=2026-11-24&teacher=juf-fatima");
        request.Headers.Add("X-Api-Key", DigestSchool.ApiKey);
        var digest = (await (await _bot.Http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>())[0];
        var page = await browser.PhonePageAsync();
        await page.GotoAsync(digest.GetProperty("pageUrl").GetString()!);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Overzicht voor Juf Fatima");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Kan de juf mij bellen? <script>alert(1)</script>");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Gespreksrooster");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("di 1 dec 15.00-15.10: Tim (Groep 4), met Lotte Bakker, lokaal 4");
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page fits a phone's width");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AzuriteProcess.RepositoryRoot(), "docs", "screenshots", "digest-page.png"), FullPage = true });
    }

    [Fact]
    public async Task AnAlteredLinkShowsAPageThatSaysSoAndNoForm()
    {
        (await _bot.Http.PostAsJsonAsync("/api/local/messages", new { from = TimParent, text = "Kan de juf mij bellen over Tim?" })).EnsureSuccessStatusCode();
        var link = await AnswerLinkAsync();
        var page = await browser.PhonePageAsync();
        var response = await page.GotoAsync(link.Replace("sig=", "sig=x", StringComparison.Ordinal));
        Assert.Equal(403, response!.Status);
        Assert.Equal(0, await page.Locator("textarea").CountAsync());
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
    }

    private async Task<string> AnswerLinkAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/digests?date=2026-11-24&teacher=juf-fatima");
        request.Headers.Add("X-Api-Key", DigestSchool.ApiKey);
        var digests = await (await _bot.Http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var handoff = digests[0].GetProperty("sections").GetProperty("handoffs").EnumerateArray().Single();
        return handoff.GetProperty("answerUrl").GetString()!;
    }

    private async Task<List<string>> ReceivedAsync()
    {
        var body = await _bot.Http.GetFromJsonAsync<JsonElement>($"/api/local/messages?from={Uri.EscapeDataString(TimParent)}");
        return [.. body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!)];
    }
}
