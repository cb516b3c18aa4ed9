using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OuderBot.Testing;

namespace OuderBot.LoadHarness;

/// <summary>Simulated parents holding the absence conversation, in saturation or steady-rate mode.</summary>
internal sealed class LoadDriver(HttpClient http, int families)
{
    // The clock of the bot under load is pinned to Tuesday 24 November 2026: all of these are school days.
    // Forty child-and-day pairs per family keep the reports new ones (a repeated report needs no write).
    private static readonly string[] Days =
    [
        "vandaag", "morgen", "donderdag", "vrijdag", "maandag", "3-12", "4-12", "7-12", "8-12", "9-12",
        "10-12", "14-12", "15-12", "16-12", "17-12", "18-12", "12-1", "13-1", "14-1", "15-1",
    ];

    private readonly Family[] _families = Enumerable.Range(0, families).Select(i => new Family(GeneratedSchool.Phone(i))).ToArray();

    public async Task<LoadResult> RunAsync(HarnessOptions options, TimeSpan duration, bool record)
    {
        var result = new LoadResult(record);
        if (duration <= TimeSpan.Zero)
        {
            return result;
        }

        var clock = Stopwatch.StartNew();
        if (options.Mode == "saturation")
        {
            var workers = Enumerable.Range(0, options.Parents).Select(w => Task.Run(async () =>
            {
                var mine = Enumerable.Range(0, _families.Length).Where(f => f % options.Parents == w).Select(f => _families[f]).ToArray();
                var next = 0;
                while (clock.Elapsed < duration)
                {
                    var family = mine[next % mine.Length];
                    var started = Stopwatch.GetTimestamp();
                    if (await TurnAsync(family, result))
                    {
                        result.Add(Stopwatch.GetElapsedTime(started));
                    }

                    if (family.Step == 0)
                    {
                        next++; // conversation done: this parent goes on as the next family
                    }
                }
            }));
            await Task.WhenAll(workers);
        }
        else
        {
            var idle = new ConcurrentQueue<Family>(_families.Take(Math.Min(_families.Length, options.Parents * 8)));
            var running = new List<Task>();
            var interval = TimeSpan.FromSeconds(1.0 / options.Rate);
            for (long k = 0; ; k++)
            {
                var scheduled = interval * k;
                if (scheduled >= duration)
                {
                    break;
                }

                var wait = scheduled - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }

                while (clock.Elapsed < scheduled)
                {
                    Thread.SpinWait(50);
                }

                if (!idle.TryDequeue(out var family))
                {
                    result.NoIdleParent();
                    continue;
                }

                var scheduledAt = scheduled;
                running.Add(Task.Run(async () =>
                {
                    // Latency counts from the moment the turn was due, so a slow bot cannot hide queueing delay;
                    // the harness's own lateness (timer wake-up, thread pool) is reported beside it.
                    var sentAt = clock.Elapsed;
                    if (await TurnAsync(family, result))
                    {
                        var done = clock.Elapsed;
                        result.Add(done - scheduledAt, sendLag: sentAt - scheduledAt, service: done - sentAt);
                    }

                    idle.Enqueue(family);
                }));
            }

            await Task.WhenAll(running);
        }

        result.Elapsed = clock.Elapsed;
        return result;
    }

    /// <summary>Sends the family's next message and checks the reply. True when the turn succeeded.</summary>
    private async Task<bool> TurnAsync(Family family, LoadResult result)
    {
        var (text, expected) = family.Step switch
        {
            0 => ("Ik wil mijn kind ziekmelden", "Welk kind"),
            1 => (family.Conversations % 2 == 0 ? "Tim" : "Sara", "Voor welke dag"),
            2 => (Days[(family.Conversations / 2) % Days.Length], "Klopt dat?"),
            _ => ("ja", "Dank u wel"),
        };

        try
        {
            using var response = await http.PostAsJsonAsync("/api/local/messages", new { from = family.Phone, text });
            if (!response.IsSuccessStatusCode)
            {
                result.Error($"HTTP {(int)response.StatusCode}");
                return false;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            var replies = body.RootElement.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString() ?? "").ToList();
            if (!replies.Any(r => r.Contains(expected, StringComparison.Ordinal)))
            {
                result.UnexpectedReply($"after \"{text}\": {string.Join(" | ", replies)}");
                await http.PostAsJsonAsync("/api/local/messages", new { from = family.Phone, text = "annuleer" });
                family.Step = 0;
                return true;
            }

            family.Step = (family.Step + 1) % 4;
            if (family.Step == 0)
            {
                family.Conversations++;
                result.ConversationDone();
            }

            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            result.Error(ex.GetType().Name);
            return false;
        }
    }

    private sealed class Family(string phone)
    {
        public string Phone { get; } = phone;
        public int Step { get; set; }
        public int Conversations { get; set; }
    }
}

internal sealed class LoadResult(bool record)
{
    private static double At(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private readonly List<double> _latenciesMs = [];
    private readonly List<double> _sendLagMs = [];
    private readonly List<double> _serviceMs = [];
    private long _errors;
    private long _unexpected;
    private long _conversations;
    private long _noIdle;
    private string? _firstProblem;

    public TimeSpan Elapsed { get; set; }

    public long Errors => Interlocked.Read(ref _errors);

    public long Unexpected => Interlocked.Read(ref _unexpected);

    public void Add(TimeSpan latency, TimeSpan? sendLag = null, TimeSpan? service = null)
    {
        if (!record)
        {
            return;
        }

        lock (_latenciesMs)
        {
            _latenciesMs.Add(latency.TotalMilliseconds);
            if (sendLag is { } lag && service is { } serviceTime)
            {
                _sendLagMs.Add(lag.TotalMilliseconds);
                _serviceMs.Add(serviceTime.TotalMilliseconds);
            }
        }
    }

    public void Error(string what)
    {
        if (record)
        {
            Interlocked.Increment(ref _errors);
            _firstProblem ??= what;
        }
    }

    public void UnexpectedReply(string what)
    {
        if (record)
        {
            Interlocked.Increment(ref _unexpected);
            _firstProblem ??= what;
        }
    }

    public void ConversationDone() => Interlocked.Increment(ref _conversations);

    public void NoIdleParent() => Interlocked.Increment(ref _noIdle);

    public void Print(TextWriter output)
    {
        var sorted = _latenciesMs.Order().ToArray();
        double Percentile(double p) => At(sorted, p);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"turns: {sorted.Length} in {Elapsed.TotalSeconds:F1} s ({Errors} errors, {Unexpected} unexpected replies, {_conversations} conversations completed{(_noIdle > 0 ? $", {_noIdle} turns skipped: no idle parent" : "")})"));
        output.WriteLine(string.Create(c, $"throughput: {sorted.Length / Elapsed.TotalSeconds:F0} turns/s"));
        output.WriteLine(string.Create(c, $"latency ms: p50 {Percentile(0.50):F2}  p95 {Percentile(0.95):F2}  p99 {Percentile(0.99):F2}  max {(sorted.Length > 0 ? sorted[^1] : double.NaN):F2}"));
        if (_serviceMs.Count > 0)
        {
            var service = _serviceMs.Order().ToArray();
            var lag = _sendLagMs.Order().ToArray();
            output.WriteLine(string.Create(c, $"  of which the harness sent late (timer, thread pool): p50 {At(lag, 0.5):F2}  p99 {At(lag, 0.99):F2}; service time from send: p50 {At(service, 0.5):F2}  p95 {At(service, 0.95):F2}  p99 {At(service, 0.99):F2}"));
        }

        if (_firstProblem is not null)
        {
            output.WriteLine("first problem: " + _firstProblem);
        }
    }
}
