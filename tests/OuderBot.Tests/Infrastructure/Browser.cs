using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OuderBot.Testing;

namespace OuderBot.Tests.Infrastructure;

/// <summary>
/// Headless Debian Chromium driven by Playwright, shared by a test class: pages are looked at as a teacher or a parent
/// on a phone would (390x844, touch, Dutch), against the real bot over a real socket (<see cref="BotServer"/>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        var chromium = await Chromium.EnsureInstalledAsync();
        _playwright = await Playwright.CreateAsync();
        // --no-sandbox: the tests run as root, where Chromium's sandbox refuses to start.
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh phone-sized page (its own cookies and storage).</summary>
    public async Task<IPage> PhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "nl-NL",
        });
        return await context.NewPageAsync();
    }

    /// <summary>axe-core on the page as it is now: no serious or critical violation of WCAG (the failure lists them).</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
