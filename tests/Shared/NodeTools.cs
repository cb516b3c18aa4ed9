using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OuderBot.Testing;

/// <summary>
/// The npm packages the tests start (Azurite, the official twilio package for cross-checks), installed from the
/// repository's package-lock.json with `npm ci` when node_modules is missing or older than the lock file: a
/// node_modules from before a package was added is brought up to date too. One install at a time, within this
/// process (test classes run in parallel) and across processes (a file lock).
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var root = AzuriteProcess.RepositoryRoot();
        if (IsUpToDate(root))
        {
            return;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var fileLock = await AcquireFileLockAsync(Path.Combine(Path.GetTempPath(), "ouderbot-npm-ci.lock"), cancellationToken);
            if (IsUpToDate(root))
            {
                return;
            }

            var npm = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm did not start; is Node.js installed?");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || !IsUpToDate(root))
            {
                throw new InvalidOperationException($"npm ci failed ({process.ExitCode}): {await output}{await error}");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Whether node_modules holds every package of package-lock.json at its locked version, as npm's own record of
    /// the install (node_modules/.package-lock.json) says, and each declared package's folder is there. Optional
    /// packages (for other platforms) may be missing.
    /// </summary>
    public static bool IsUpToDate(string root)
    {
        var installedFile = Path.Combine(root, "node_modules", ".package-lock.json");
        if (!File.Exists(installedFile))
        {
            return false;
        }

        try
        {
            var locked = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "package-lock.json")))?["packages"]?.AsObject();
            var installed = JsonNode.Parse(File.ReadAllText(installedFile))?["packages"]?.AsObject();
            var declared = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "package.json")))?["devDependencies"]?.AsObject();
            if (locked is null || installed is null)
            {
                return false;
            }

            foreach (var (path, entry) in locked)
            {
                if (path.Length == 0 || entry?["optional"]?.GetValue<bool>() == true)
                {
                    continue;
                }

                if (installed[path]?["version"]?.GetValue<string>() != entry?["version"]?.GetValue<string>())
                {
                    return false;
                }
            }

            return declared is null || declared.All(d => File.Exists(Path.Combine(root, "node_modules", d.Key, "package.json")));
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    internal static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
