using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OuderBot.Testing;

/// <summary>
/// The real bot program (OuderBot.dll beside the caller) running as its own process on a free loopback port, as it
/// runs in production: for the load harness, kill tests and (later) several instances behind a load balancer.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
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

    /// <summary>
    /// Starts the bot with these command-line settings (Development, so the local channel is on) and waits for /readyz.
    /// <paramref name="build"/> is the folder of the build to run (a `dotnet publish` output); default: the one beside the caller.
    /// <paramref name="environment"/> adds environment variables (OTEL_*, as a platform sets them).
    /// </summary>
    public static async Task<BotServer> StartAsync(IEnumerable<string> settings, string? url = null, Action<string>? errors = null, string? build = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        url ??= $"http://127.0.0.1:{ToolProcess.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(build ?? AppContext.BaseDirectory, "OuderBot.dll"));
        foreach (var arg in (string[])["--urls", url, "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning", .. settings])
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
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                errors?.Invoke(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new BotServer(process, url);
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
                throw new InvalidOperationException($"The bot exited with code {Process.ExitCode}.");
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

        throw new TimeoutException("The bot's /readyz did not answer 200 within 60 s.");
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
