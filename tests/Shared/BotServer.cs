using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OuderBot.Testing;

/// <summary>
/// The real bot program (OuderBot.dll beside the caller) running as its own process on a free loopback port, as it
/// runs in production: for the load harness, kill tests and (later) several instances behind a load balancer.
/// Its warnings and errors (the console log at Warning and above, which it writes to stderr) are kept: the last
/// <see cref="LogCapacity"/> lines, for whoever needs to say why a bot apologised to a parent or died.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
    /// <summary>Lines of the bot's log kept (an exception's stack trace is a few dozen lines).</summary>
    public const int LogCapacity = 400;

    private readonly ConcurrentQueue<string> _log = new();
    private int _entries;

    private BotServer(Process process, string url)
    {
        Process = process;
        Url = url;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public Process Process { get; }

    public string Url { get; }

    public HttpClient Http { get; }

    /// <summary>Warnings and errors the bot logged so far (entries, not lines).</summary>
    public int LoggedEntries => Volatile.Read(ref _entries);

    /// <summary>The last <paramref name="lines"/> lines of the bot's warnings and errors, oldest first.</summary>
    public IReadOnlyList<string> LogTail(int lines = 60)
    {
        var all = _log.ToArray();
        return all[Math.Max(0, all.Length - lines)..];
    }

    /// <summary>
    /// Each kind of entry kept, with how often: its level and category ("warn: OuderBot.Bot.TurnPipeline[0]") and the
    /// first line of its message, most frequent first; the stack traces left out.
    /// </summary>
    public IReadOnlyList<(string Entry, int Count)> LogSummary()
    {
        var lines = _log.ToArray();
        var entries = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsEntry(lines[i]))
            {
                entries.Add(lines[i] + (i + 1 < lines.Length && !IsEntry(lines[i + 1]) ? " | " + lines[i + 1].Trim() : ""));
            }
        }

        return [.. entries.GroupBy(e => e, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2)];
    }

    /// <summary>The log's last lines as one text, each line prefixed with <paramref name="name"/>; or "(nothing logged)".</summary>
    public string DescribeLog(string name, int lines = 60)
    {
        var tail = LogTail(lines);
        return tail.Count == 0
            ? $"{name}: nothing logged at Warning or above"
            : string.Create(CultureInfo.InvariantCulture, $"{name}: {LoggedEntries} warnings/errors logged, the last {tail.Count} lines:\n") + string.Join('\n', tail.Select(l => $"{name}| {l}"));
    }

    /// <summary>
    /// Starts the bot with these command-line settings (Development, so the local channel is on) and waits for /readyz.
    /// <paramref name="build"/> is the folder of the build to run (a `dotnet publish` output); default: the one beside the caller.
    /// <paramref name="environment"/> adds environment variables (OTEL_*, as a platform sets them).
    /// <paramref name="errors"/> gets each line of the bot's stderr as it comes (its warnings and errors, and a crash);
    /// they are kept either way (<see cref="LogTail"/>).
    /// </summary>
    public static async Task<BotServer> StartAsync(IEnumerable<string> settings, string? url = null, Action<string>? errors = null, string? build = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        url ??= $"http://127.0.0.1:{ToolProcess.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(build ?? AppContext.BaseDirectory, "OuderBot.dll"));
        // Warnings and errors to stderr, which is kept; stdout (nothing else at these levels) is drained.
        foreach (var arg in (string[])["--urls", url, "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning",
            "--Logging:Console:LogToStandardErrorThreshold", "Warning", .. settings])
        {
            start.ArgumentList.Add(arg);
        }

        // Development: the local channel is on and Clock:Now may pin a school day.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
        var server = new BotServer(process, url);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                server.Keep(e.Data);
                errors?.Invoke(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                // The exit's own lines may still be on their way through the pipe.
                await Process.WaitForExitAsync();
                throw new InvalidOperationException($"The bot exited with code {Process.ExitCode}.\n" + DescribeLog("bot"));
            }

            try
            {
                if ((await Http.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The bot's /readyz did not answer 200 within 60 s.\n" + DescribeLog("bot"));
    }

    // The console logger starts an entry with its level ("warn: ", "fail: ", "crit: "); the lines after it are the
    // message and the exception, indented.
    private static bool IsEntry(string line) =>
        line.StartsWith("warn: ", StringComparison.Ordinal) || line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal);

    private void Keep(string line)
    {
        if (IsEntry(line))
        {
            Interlocked.Increment(ref _entries);
        }

        _log.Enqueue(line);
        while (_log.Count > LogCapacity && _log.TryDequeue(out _))
        {
        }
    }

    /// <summary>SIGTERM, as a container platform or systemd stops it: the bot shuts down gracefully. Returns at once.</summary>
    public void Terminate()
    {
        if (Process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]) ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {Process.Id} failed with {kill.ExitCode}.");
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, as when the machine dies.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
        Http.Dispose();
    }
}

/// <summary>A generated school for load and kill runs: families with two children each (Tim in group 4, Sara in group 5).</summary>
public static class GeneratedSchool
{
    /// <summary>The phone number of generated family <paramref name="i"/>: +3161 followed by seven digits.</summary>
    public static string Phone(int i) => "+3161" + i.ToString("D7", CultureInfo.InvariantCulture);

    public static string Yaml(int families)
    {
        var sb = new StringBuilder();
        sb.AppendLine("""
            name: Laadtestschool
            address: Teststraat 1, 1234 AB Teststad
            phone: 030 123 4567
            email: info@laadtest.example
            director: { name: Directeur }
            times:
              monday: { start: "08:30", end: "14:30" }
              tuesday: { start: "08:30", end: "14:30" }
              wednesday: { start: "08:30", end: "12:30" }
              thursday: { start: "08:30", end: "14:30" }
              friday: { start: "08:30", end: "14:30" }
            groups: [ { id: "4" }, { id: "5" } ]
            teachers:
              - { name: Juf Vier, email: vier@laadtest.example, groups: ["4"] }
              - { name: Meester Vijf, email: vijf@laadtest.example, groups: ["5"] }
            families:
            """);
        for (var i = 0; i < families; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - parents: [ {{ name: Ouder {i}, phone: \"{Phone(i)}\" }} ]\n");
            sb.Append(CultureInfo.InvariantCulture, $"    children: [ {{ id: tim-{i}, firstName: Tim, group: \"4\" }}, {{ id: sara-{i}, firstName: Sara, group: \"5\" }} ]\n");
        }

        return sb.ToString();
    }
}
