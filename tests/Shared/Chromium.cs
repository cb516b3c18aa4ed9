using System.Diagnostics;

namespace OuderBot.Testing;

/// <summary>
/// Debian's Chromium for the browser tests (Playwright cannot download its own browser here): /usr/bin/chromium, or
/// CHROMIUM_PATH. Installed with apt-get when missing (the test machine runs as root, as CI does); one install at a
/// time, within this process and across processes (a file lock).
/// </summary>
public static class Chromium
{
    private const string DebianPath = "/usr/bin/chromium";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"CHROMIUM_PATH names {given}, which does not exist.");
        }

        if (File.Exists(DebianPath))
        {
            return DebianPath;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var fileLock = await NodeTools.AcquireFileLockAsync(Path.Combine(Path.GetTempPath(), "ouderbot-apt-chromium.lock"), cancellationToken);
            if (!File.Exists(DebianPath))
            {
                await RunAsync("apt-get", "update -qq", cancellationToken);
                await RunAsync("apt-get", "install -y -qq chromium", cancellationToken);
            }

            return File.Exists(DebianPath) ? DebianPath : throw new InvalidOperationException("apt-get installed no " + DebianPath + ".");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string command, string arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start: the browser tests need Debian's chromium (apt-get install chromium, as root).");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {arguments} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
