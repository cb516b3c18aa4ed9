using System.Diagnostics;

namespace OuderBot.Testing;

/// <summary>
/// A Debian package the tests need (chromium for the pages, nginx for the scale-out), installed with apt-get when its
/// program is missing: the test machine runs as root, as CI does. One apt-get at a time, within this process and
/// across processes (a file lock), since apt itself allows only one.
/// </summary>
public static class DebianPackage
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The program's path, after installing <paramref name="package"/> if the program was missing.</summary>
    public static async Task<string> EnsureInstalledAsync(string package, string program, string neededFor, CancellationToken cancellationToken)
    {
        if (File.Exists(program))
        {
            return program;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var fileLock = await NodeTools.AcquireFileLockAsync(Path.Combine(Path.GetTempPath(), "ouderbot-apt.lock"), cancellationToken);
            if (!File.Exists(program))
            {
                await RunAsync("apt-get", "update -qq", neededFor, package, cancellationToken);
                await RunAsync("apt-get", $"install -y -qq --no-install-recommends {package}", neededFor, package, cancellationToken);
            }

            return File.Exists(program) ? program : throw new InvalidOperationException($"apt-get installed no {program}.");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string command, string arguments, string neededFor, string package, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start: {neededFor} need Debian's {package} (apt-get install {package}, as root).");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {arguments} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
