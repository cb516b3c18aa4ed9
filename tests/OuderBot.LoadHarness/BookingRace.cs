using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using OuderBot.Testing;

namespace OuderBot.LoadHarness;

/// <summary>
/// booking-race: a round that opens gets every parent at once. Two bot processes on one fresh Azurite, a school with
/// one teacher and <see cref="HarnessOptions.Slots"/> talks, and that many parents, each with a time in mind and the
/// confirmation in front of them. Then all say "ja" at once; who got a time taken says "ja" to the nearest free one
/// the bot offers, and once all are taken "ja" to the waiting list. Prints how long the race took (first "ja" to the
/// last parent's answer), the storage round trips per booking (both instances, every turn of the race counted), and
/// checks that no slot went twice.
/// </summary>
internal static class BookingRace
{
    public static async Task<int> RunAsync(HarnessOptions options, string work)
    {
        var parents = options.Parents;
        var slots = options.Slots;
        var schoolFile = Path.Combine(work, "race.yaml");
        await File.WriteAllTextAsync(schoolFile, RaceSchool.Yaml(parents, slots, opens: "2026-11-24T19:00"));
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var proxy = options.ByKind ? CountingProxy.Start(new Uri($"http://127.0.0.1:{azurite.Port}")) : null;
        var connectionString = proxy is null ? azurite.ConnectionString : azurite.ConnectionString.Replace($":{azurite.Port}/", $":{proxy.Port}/", StringComparison.Ordinal);
        var adminKey = Guid.NewGuid().ToString("N");
        string[] settings =
        [
            "--School:Path", schoolFile, "--Admin:ApiKey", adminKey, "--Clock:Now", "2026-11-24T19:00",
            "--Storage:Provider", "AzureBlob", "--Storage:ConnectionString", connectionString, "--Storage:Container", "ouderbot",
        ];
        // The bots' warnings and errors are kept, not streamed (a store outage logs a stack trace per turn): they are
        // printed when a parent got an answer the race does not expect, or a bot died.
        var started = await Task.WhenAll(BotServer.StartAsync(settings), BotServer.StartAsync(settings));
        await using var a = started[0];
        await using var b = started[1];
        BotServer Instance(int i) => i % 2 == 0 ? a : b;
        void PrintLogs(string why)
        {
            Console.Error.WriteLine($"{why}: the bots' last warnings and errors (stderr, Warning and above):");
            Console.Error.WriteLine(a.DescribeLog("bot a") + (a.Process.HasExited ? $" (bot a exited with {a.Process.ExitCode})" : ""));
            Console.Error.WriteLine(b.DescribeLog("bot b") + (b.Process.HasExited ? $" (bot b exited with {b.Process.ExitCode})" : ""));
        }

        Console.WriteLine($"booking-race: {parents} parents for {slots} slots of one teacher, two bot instances on one fresh Azurite");

        // Before the race: every parent asks for a time ("om 15:35") and has the confirmation in front of them.
        var random = new Random(13);
        var asked = new string[parents];
        await Task.WhenAll(Enumerable.Range(0, parents).Select(async i =>
        {
            var wanted = new TimeOnly(15, 0).AddMinutes(5 * random.Next(slots));
            asked[i] = (await SendAsync(Instance(i), Phone(i), $"10 minutengesprek plannen om {wanted:HH:mm}"))[^1];
        }));
        if (asked.Any(r => !r.Contains("(ja/nee)", StringComparison.Ordinal)))
        {
            var missed = asked.Where(r => !r.Contains("(ja/nee)", StringComparison.Ordinal)).ToList();
            Console.Error.WriteLine($"Not every parent got a confirmation before the race ({missed.Count} of {parents}): " + missed[0]);
            PrintLogs("before the race");
            return 1;
        }

        var before = await TripsAsync([a, b], adminKey);
        a.Process.Refresh();
        b.Process.Refresh();
        var cpuBefore = (Bots: a.Process.TotalProcessorTime + b.Process.TotalProcessorTime, Azurite: azurite.TotalProcessorTime);
        var outcomes = new ConcurrentDictionary<int, string>();
        var places = new ConcurrentDictionary<int, int>();
        proxy?.StartCounting();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parents).Select(async i =>
        {
            for (var turn = 0; turn < 4 * slots; turn++)
            {
                var last = (await SendAsync(Instance(i), Phone(i), "ja"))[^1];
                if (last.StartsWith("Staat genoteerd", StringComparison.Ordinal) || last.Contains("staat op de wachtlijst", StringComparison.Ordinal))
                {
                    outcomes[i] = last.StartsWith("Staat", StringComparison.Ordinal) ? "booked" : "waiting";
                    if (System.Text.RegularExpressions.Regex.Match(last, @"\(plek (\d+)\)") is { Success: true } place)
                    {
                        places[i] = int.Parse(place.Groups[1].Value, CultureInfo.InvariantCulture);
                    }

                    return;
                }

                if (!last.Contains("(ja/nee)", StringComparison.Ordinal))
                {
                    outcomes[i] = "unexpected: " + last;
                    return;
                }
            }
        }));
        watch.Stop();
        proxy?.StopCounting();
        a.Process.Refresh();
        b.Process.Refresh();
        var cpuAfter = (Bots: a.Process.TotalProcessorTime + b.Process.TotalProcessorTime, Azurite: azurite.TotalProcessorTime);
        var after = await TripsAsync([a, b], adminKey);

        using var office = new HttpRequestMessage(HttpMethod.Get, "/api/admin/bookings?from=2026-12-01&to=2026-12-01");
        office.Headers.Add("X-Api-Key", adminKey);
        var rows = await (await a.Http.SendAsync(office)).Content.ReadFromJsonAsync<List<Row>>() ?? [];
        var booked = outcomes.Values.Count(o => o == "booked");
        var trips = after.Trips - before.Trips;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"race: {watch.Elapsed.TotalSeconds:F2} s from the first 'ja' to the last answer; {booked} booked, {outcomes.Values.Count(o => o == "waiting")} on the waiting list, {outcomes.Values.Count(o => o.StartsWith("unexpected", StringComparison.Ordinal))} unexpected"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage round trips per booking: {(double)trips / Math.Max(1, booked):F1} ({trips} round trips for {after.Turns - before.Turns} turns of the race, {(double)trips / Math.Max(1, after.Turns - before.Turns):F1} per turn, the losers' and the waiting list's included; both instances, counted by the bots)"));
        Console.WriteLine(places.IsEmpty ? "waiting list: nobody joined" : string.Create(CultureInfo.InvariantCulture,
            $"waiting list: places told {places.Values.Min()}-{places.Values.Max()}, {places.Values.Distinct().Count()} different for {places.Count} parents (parents joining at the same moment can hear the same place)"));
        foreach (var unexpected in outcomes.Values.Where(o => o.StartsWith("unexpected", StringComparison.Ordinal)).Distinct().Take(3))
        {
            Console.WriteLine(unexpected);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu during the race: bots {(cpuAfter.Bots - cpuBefore.Bots).TotalSeconds / watch.Elapsed.TotalSeconds:P0} of one core, Azurite {(cpuAfter.Azurite - cpuBefore.Azurite).TotalSeconds / watch.Elapsed.TotalSeconds:P0} ({Environment.ProcessorCount} cores)"));
        if (proxy is not null)
        {
            var all = proxy.Counts.Values.ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Azurite's requests during the race, one at a time through the counting proxy (so the race's time above is not the figure): {all.Sum(c => c.Count)} requests, {all.Sum(c => c.Milliseconds) / 1000:F2} s of Azurite's time"));
            Console.WriteLine("  count     ms  ms each  bytes each  request");
            foreach (var (kind, (count, ms, bytes)) in proxy.Counts.OrderByDescending(c => c.Value.Milliseconds).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,5} {ms,6:F0} {ms / count,8:F2} {bytes / count,11}  {kind}"));
            }
        }

        var twice = rows.Count - rows.Select(r => r.Start).Distinct().Count();
        Console.WriteLine($"office overview: {rows.Count} bookings, {twice} slot(s) given twice");
        Console.WriteLine($"bots' log: {a.LoggedEntries} and {b.LoggedEntries} warnings/errors");
        foreach (var (name, bot) in new[] { ("a", a), ("b", b) })
        {
            foreach (var (entry, count) in bot.LogSummary())
            {
                Console.WriteLine($"  bot {name}: {count} x {entry}");
            }
        }
        if (outcomes.Values.Any(o => o.StartsWith("unexpected", StringComparison.Ordinal)) || a.Process.HasExited || b.Process.HasExited)
        {
            PrintLogs("after the race");
        }

        return booked == Math.Min(slots, parents) && rows.Count == booked && twice == 0 && outcomes.Count == parents && outcomes.Values.All(o => o is "booked" or "waiting") ? 0 : 1;
    }

    private static string Phone(int i) => RaceSchool.Phone(i);

    // A 503 (the store did not answer: "stuur het nog eens") has the parent's reply in it, and the race counts it as
    // unexpected; anything else that is not a success stops the harness, with the bot's log.
    private static async Task<List<string>> SendAsync(BotServer bot, string from, string text)
    {
        var response = await bot.Http.PostAsJsonAsync("/api/local/messages", new { from, text });
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
        {
            throw new HttpRequestException($"POST /api/local/messages answered {(int)response.StatusCode}.\n" + bot.DescribeLog("bot"));
        }

        var body = await response.Content.ReadFromJsonAsync<ReplyList>();
        return [.. body!.Replies.Select(r => r.Text)];
    }

    private static async Task<(long Turns, long Trips)> TripsAsync(BotServer[] bots, string adminKey)
    {
        long turns = 0, trips = 0;
        foreach (var bot in bots)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/stats");
            request.Headers.Add("X-Api-Key", adminKey);
            var stats = await (await bot.Http.SendAsync(request)).Content.ReadFromJsonAsync<StatsResponse>();
            turns += stats!.Turns;
            trips += stats.StorageRoundTrips;
        }

        return (turns, trips);
    }

    private sealed record ReplyList(List<Reply> Replies);

    private sealed record Reply(string Text);

    private sealed record Row(string Start);
}
