using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using OuderBot.Storage;
using OuderBot.Testing;

namespace OuderBot.LoadHarness;

/// <summary>
/// azurite-floor: what Azurite alone takes for the booking race's kind of request, with no bot in between. A fresh
/// Azurite (started as for the race), the bot's store (<see cref="BlobStateStore"/>) and <see cref="HarnessOptions.Requests"/>
/// small documents (a conversation's size): creates of new ones (If-None-Match), then replaces of those (If-Match),
/// one at a time, 16 and 64 in flight. Prints each run's time and Azurite's CPU, and the least time that many
/// requests took: a race of about 1,000 requests cannot be faster than that here.
/// </summary>
internal static class AzuriteFloor
{
    private static readonly int[] InFlight = [1, 16, 64];

    public static async Task<int> RunAsync(HarnessOptions options)
    {
        var n = options.Requests;
        await using var azurite = await AzuriteProcess.StartAsync();
        var store = new BlobStateStore(new BlobContainerClient(azurite.ConnectionString, "floor"));
        await store.InitializeAsync();
        var content = Encoding.UTF8.GetBytes("{\"stack\":[],\"language\":\"nl\",\"lastChannel\":\"local\",\"handled\":[],\"waiting\":[]," +
            "\"lastTurnAt\":\"2026-11-24T18:00:00+00:00\",\"note\":\"" + new string('x', 120) + "\"}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"azurite-floor: {n} creates, then {n} replaces, of {content.Length}-byte documents through the bot's BlobStateStore, on a fresh Azurite ({Environment.ProcessorCount} cores)"));

        // Warm-up (JIT, connections), not counted.
        await Parallel.ForEachAsync(Enumerable.Range(0, 64), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => await store.CreateAsync($"warm/{i}", content, ct));

        var least = (Seconds: double.MaxValue, What: "");
        Console.WriteLine("  in flight  request   time (s)  ms each  requests/s  Azurite cpu");
        foreach (var inFlight in InFlight)
        {
            var keys = Enumerable.Range(0, n).Select(i => string.Create(CultureInfo.InvariantCulture, $"schools/floor/conversations/{inFlight}/{i:D5}")).ToArray();
            var etags = new string[n];
            foreach (var kind in new[] { "create", "replace" })
            {
                var cpu = azurite.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, ct) =>
                    etags[i] = kind == "create" ? await store.CreateAsync(keys[i], content, ct) : await store.ReplaceAsync(keys[i], content, etags[i], ct));
                watch.Stop();
                var seconds = watch.Elapsed.TotalSeconds;
                var share = (azurite.TotalProcessorTime - cpu).TotalSeconds / seconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {inFlight,9}  {kind,-7}  {seconds,9:F2}  {1000 * seconds / n,7:F2}  {n / seconds,10:F0}  {share,11:P0}"));
                if (seconds < least.Seconds)
                {
                    least = (seconds, $"{kind}s with {inFlight} in flight");
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"floor: {n} requests take at least {least.Seconds:F2} s here ({least.What}; {1000 * least.Seconds / n:F2} ms a request), Azurite alone, no bot"));
        return 0;
    }
}
