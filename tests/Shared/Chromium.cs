namespace OuderBot.Testing;

/// <summary>
/// Debian's Chromium for the browser tests (Playwright cannot download its own browser here): /usr/bin/chromium, or
/// CHROMIUM_PATH. Installed with apt-get when missing (<see cref="DebianPackage"/>).
/// </summary>
public static class Chromium
{
    private const string DebianPath = "/usr/bin/chromium";

    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"CHROMIUM_PATH names {given}, which does not exist.");
        }

        return await DebianPackage.EnsureInstalledAsync("chromium", DebianPath, "the browser tests", cancellationToken);
    }
}
