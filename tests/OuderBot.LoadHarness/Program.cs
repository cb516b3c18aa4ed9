using System.Globalization;
using System.Net.Http.Json;
using OuderBot.LoadHarness;
using OuderBot.Storage;
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
BotServer? bot = null;
var bots = new List<BotServer>();
NginxProcess? nginx = null;
try
{
    if (options.Mode == "booking-race")
    {
        return await BookingRace.RunAsync(options, work);
    }

    if (options.Mode == "azurite-floor")
    {
        return await AzuriteFloor.RunAsync(options);
    }

    var families = options.Families;
    var schoolFile = Path.Combine(work, "school.yaml");
    await File.WriteAllTextAsync(schoolFile, GeneratedSchool.Yaml(families));

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

        if (options.Mode == "outbox")
        {
            // The history and the later work, stored as the bot stores them, before it starts.
            var seeded = System.Diagnostics.Stopwatch.StartNew();
            IStateStore store = azurite is not null
                ? new BlobStateStore(new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, "ouderbot"))
                : new SqliteStateStore(Path.Combine(work, "data", "ouderbot.db"));
            Directory.CreateDirectory(Path.Combine(work, "data"));
            await OutboxPoll.SeedAsync(store, options.Finished, options.Waiting, new DateTimeOffset(2026, 11, 24, 7, 45, 0, TimeSpan.FromHours(1)));
            (store as IDisposable)?.Dispose();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {options.Finished} finished and {options.Waiting} waiting messages in {seeded.Elapsed.TotalSeconds:F1} s"));
            settings.AddRange(["--Outbox:PollInterval", "00:00:00.100"]);
        }

        adminKey = Guid.NewGuid().ToString("N");
        string[] botSettings = ["--School:Path", schoolFile, "--Admin:ApiKey", adminKey, "--Clock:Now", "2026-11-24T07:45", .. settings];
        // Their warnings and errors are kept and printed at the end when a turn failed (BotServer.DescribeLog).
        bots.AddRange(await Task.WhenAll(Enumerable.Range(0, options.Instances).Select(_ => BotServer.StartAsync(botSettings))));
        bot = bots[0];
        if (options.Instances > 1)
        {
            // Several instances on the one store, behind a load balancer as in production.
            nginx = await NginxProcess.StartAsync(bots.Select(b => new Uri(b.Url).Authority));
            url = nginx.Url;
            Console.WriteLine($"{options.Instances} instances behind nginx at {url}");
        }
        else
        {
            url = bot.Url;
        }
    }

    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromSeconds(30),
    };
    await WaitHealthyAsync(http);

    if (options.Mode == "outbox")
    {
        // No turns: whatever the bot asks of the store now is the background work, nearly all the outbox's polls.
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(options.Warmup, 1)));
        var start = await Stats(http, adminKey);
        bot?.Process.Refresh();
        var cpuStart = bot?.Process.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(options.Duration));
        var end = await Stats(http, adminKey);
        bot?.Process.Refresh();
        var polls = options.Duration / 0.1;
        var trips = end!.StorageRoundTrips - start!.StorageRoundTrips;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outbox poll with {options.Finished} finished and {options.Waiting} waiting messages: {trips / polls:F2} round trips per poll ({trips} in {options.Duration} s at 10 polls/s, other background work included)"));
        if (bot is not null && cpuStart is { } c0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu: bot {(bot.Process.TotalProcessorTime - c0).TotalSeconds / options.Duration:P1} of one core while idle but polling"));
        }

        return 0;
    }

    var driver = new LoadDriver(http, families);
    Console.WriteLine($"store: {(options.Url is null ? options.Store + (azurite is null ? "" : " (fresh Azurite)") : "as configured")}, mode: {options.Mode}, " +
        (options.Mode == "rate" ? $"rate: {options.Rate} turns/s, " : "") + $"parents: {options.Parents}, families: {families}, " +
        $"warm-up {options.Warmup} s, measured {options.Duration} s");

    // Warm-up: same load, not counted (JIT, connection pools, caches).
    await driver.RunAsync(options, TimeSpan.FromSeconds(options.Warmup), record: false);

    var before = await AllStats(http, bots, adminKey);
    var cpuBefore = (Bot: BotsCpu(bots), Azurite: azurite?.TotalProcessorTime, Nginx: nginx?.TotalProcessorTime);
    var result = await driver.RunAsync(options, TimeSpan.FromSeconds(options.Duration), record: true);
    var after = await AllStats(http, bots, adminKey);
    var cpuAfter = (Bot: BotsCpu(bots), Azurite: azurite?.TotalProcessorTime, Nginx: nginx?.TotalProcessorTime);

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
        var nginxShare = cpuAfter.Nginx is { } ng && cpuBefore.Nginx is { } ng0
            ? string.Create(CultureInfo.InvariantCulture, $", nginx {(ng - ng0).TotalSeconds / result.Elapsed.TotalSeconds:P0}")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu: bot{(bots.Count > 1 ? $"s ({bots.Count} together)" : "")} {(botCpu - botCpu0).TotalSeconds / result.Elapsed.TotalSeconds:P0} of one core{azuriteShare}{nginxShare}"));
    }

    if (result.Errors > 0 || result.Unexpected > 0)
    {
        foreach (var (started, i) in bots.Select((b, i) => (b, i)))
        {
            Console.Error.WriteLine(started.DescribeLog($"bot {i}"));
        }
    }

    return result.Errors == 0 && result.Unexpected == 0 ? 0 : 1;
}
finally
{
    if (nginx is not null)
    {
        var log = nginx.ErrorLog.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Console.WriteLine($"nginx error log: {log.Length} lines{(log.Length > 0 ? ", first: " + log[0] : "")}");
        await nginx.DisposeAsync();
    }

    foreach (var started in bots)
    {
        await started.DisposeAsync();
    }

    if (azurite is not null)
    {
        await azurite.DisposeAsync();
    }

    Directory.Delete(work, recursive: true);
}

// A bot (or load balancer) given with --url may still be starting; one the harness started is healthy already.
static async Task WaitHealthyAsync(HttpClient http)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
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

// With several instances each counts its own turns and round trips: the sum is the whole.
static async Task<StatsResponse?> AllStats(HttpClient http, List<BotServer> bots, string adminKey)
{
    if (bots.Count <= 1)
    {
        return await Stats(http, adminKey);
    }

    long turns = 0, trips = 0;
    foreach (var instance in bots)
    {
        if (await Stats(instance.Http, adminKey) is not { } stats)
        {
            return null;
        }

        (turns, trips) = (turns + stats.Turns, trips + stats.StorageRoundTrips);
    }

    return new StatsResponse(turns, trips);
}

static TimeSpan? BotsCpu(List<BotServer> bots)
{
    if (bots.Count == 0)
    {
        return null;
    }

    foreach (var instance in bots)
    {
        instance.Process.Refresh();
    }

    return bots.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.Process.TotalProcessorTime);
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

internal sealed record StatsResponse(long Turns, long StorageRoundTrips);
