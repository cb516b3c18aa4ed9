using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using OuderBot.LoadHarness;
using OuderBot.Testing;

// Drives the bot's local HTTP channel with many simulated parents, each holding the four-turn absence conversation
// ("Ik wil mijn kind ziekmelden", "Tim", "vandaag", "ja"), and prints turns/s, latency percentiles and storage round trips per turn.
var options = HarnessOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

var work = Directory.CreateTempSubdirectory("ouderbot-load-").FullName;
AzuriteProcess? azurite = null;
Process? bot = null;
try
{
    var families = options.Families;
    var schoolFile = Path.Combine(work, "school.yaml");
    await File.WriteAllTextAsync(schoolFile, LoadSchool.Yaml(families));

    string url;
    string adminKey;
    if (options.Url is { } existing)
    {
        url = existing.TrimEnd('/');
        adminKey = options.AdminKey ?? "";
        Console.WriteLine($"Driving the bot at {url} (it must run on a school with {families} generated families: School:Path={schoolFile}).");
    }
    else
    {
        var settings = new List<string>();
        if (options.Store == "azureblob")
        {
            azurite = await AzuriteProcess.StartAsync();
            settings.AddRange(["--Storage:Provider", "AzureBlob", "--Storage:ConnectionString", azurite.ConnectionString, "--Storage:Container", "ouderbot"]);
        }
        else
        {
            settings.AddRange(["--Storage:Provider", "Sqlite", "--Storage:Path", Path.Combine(work, "data")]);
        }

        adminKey = Guid.NewGuid().ToString("N");
        url = $"http://127.0.0.1:{FreePort()}";
        bot = StartBot(url, schoolFile, adminKey, settings);
    }

    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromSeconds(30),
    };
    await WaitHealthyAsync(http, bot);

    var driver = new LoadDriver(http, families);
    Console.WriteLine($"store: {(options.Url is null ? options.Store + (azurite is null ? "" : " (fresh Azurite)") : "as configured")}, mode: {options.Mode}, " +
        (options.Mode == "rate" ? $"rate: {options.Rate} turns/s, " : "") + $"parents: {options.Parents}, families: {families}, " +
        $"warm-up {options.Warmup} s, measured {options.Duration} s");

    // Warm-up: same load, not counted (JIT, connection pools, caches).
    await driver.RunAsync(options, TimeSpan.FromSeconds(options.Warmup), record: false);

    var before = await Stats(http, adminKey);
    var cpuBefore = (Bot: bot?.TotalProcessorTime, Azurite: azurite?.TotalProcessorTime);
    var result = await driver.RunAsync(options, TimeSpan.FromSeconds(options.Duration), record: true);
    var after = await Stats(http, adminKey);
    bot?.Refresh();
    var cpuAfter = (Bot: bot?.TotalProcessorTime, Azurite: azurite?.TotalProcessorTime);

    result.Print(Console.Out);
    if (before is not null && after is not null)
    {
        var turns = after.Turns - before.Turns;
        var trips = after.StorageRoundTrips - before.StorageRoundTrips;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage round trips per turn: {(double)trips / Math.Max(1, turns):F2} ({trips} round trips for {turns} turns, counted by the bot)"));
    }
    else
    {
        Console.WriteLine("storage round trips per turn: unknown (give --admin-key for a bot you started yourself)");
    }

    if (cpuAfter.Bot is { } botCpu && cpuBefore.Bot is { } botCpu0)
    {
        var azuriteShare = cpuAfter.Azurite is { } az && cpuBefore.Azurite is { } az0
            ? string.Create(CultureInfo.InvariantCulture, $", Azurite {(az - az0).TotalSeconds / result.Elapsed.TotalSeconds:P0} of one core")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu: bot {(botCpu - botCpu0).TotalSeconds / result.Elapsed.TotalSeconds:P0} of one core{azuriteShare}"));
    }

    return result.Errors == 0 && result.Unexpected == 0 ? 0 : 1;
}
finally
{
    if (bot is { HasExited: false })
    {
        bot.Kill(entireProcessTree: true);
        await bot.WaitForExitAsync();
    }

    if (azurite is not null)
    {
        await azurite.DisposeAsync();
    }

    Directory.Delete(work, recursive: true);
}

static Process StartBot(string url, string schoolFile, string adminKey, List<string> settings)
{
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OuderBot.dll"));
    foreach (var arg in (string[])["--urls", url, "--School:Path", schoolFile, "--Admin:ApiKey", adminKey, "--Clock:Now", "2026-11-24T07:45",
        "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning", .. settings])
    {
        start.ArgumentList.Add(arg);
    }

    // Development: the local channel is on and Clock:Now pins a school day, so "vandaag" is always a school day.
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
    var process = Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
    process.OutputDataReceived += (_, e) => { };
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data is not null)
        {
            Console.Error.WriteLine("bot: " + e.Data);
        }
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitHealthyAsync(HttpClient http, Process? bot)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (DateTime.UtcNow < deadline)
    {
        if (bot is { HasExited: true })
        {
            throw new InvalidOperationException($"The bot exited with code {bot.ExitCode}.");
        }

        try
        {
            if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
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

    throw new TimeoutException("The bot's /healthz did not answer 200 within 60 s.");
}

static async Task<StatsResponse?> Stats(HttpClient http, string adminKey)
{
    if (string.IsNullOrEmpty(adminKey))
    {
        return null;
    }

    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/stats");
    request.Headers.Add("X-Api-Key", adminKey);
    using var response = await http.SendAsync(request);
    return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<StatsResponse>() : null;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

internal sealed record StatsResponse(long Turns, long StorageRoundTrips);

internal static class LoadSchool
{
    /// <summary>The phone number of generated family <paramref name="i"/>: +3161 followed by seven digits.</summary>
    public static string Phone(int i) => "+3161" + i.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>A school with <paramref name="families"/> families, each with two children (Tim in group 4, Sara in group 5).</summary>
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
