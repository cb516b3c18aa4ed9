using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Operations;

/// <summary>
/// The bot as a platform runs it, configured only by the usual OTEL_* environment variables, exporting to a collector
/// (here a plain HTTP listener that keeps what it receives, OTLP over HTTP/protobuf): the turn's span and the bot's
/// metrics arrive, under the service's name, and never a parent's number or words.
/// </summary>
public sealed class OtlpExportTests
{
    private const string Phone = "+31622222222";

    [Fact]
    public async Task WithTheOtlpEndpointSetTheTurnsSpanAndTheMetricsReachTheCollectorWithoutNumbersOrWords()
    {
        using var folder = new SchoolFolder();
        var school = folder.Write("otlp.yaml", SchoolFolder.DemoFile("de-driehoek").Replace("id: de-driehoek", "id: otlp", StringComparison.Ordinal));
        using var collector = new OtlpCollector();
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",             // spans: export every 0.2 s instead of every 5
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",         // metrics: every 0.5 s instead of every minute
        };
        await using var bot = await BotServer.StartAsync(
            ["--School:Path", school, "--Storage:Path", Path.Combine(Path.GetDirectoryName(school)!, "data"), "--Clock:Now", "2026-11-24T07:45"], environment: environment);

        var reply = await bot.Http.PostAsJsonAsync("/api/local/messages", new { from = Phone, text = "Tim is vandaag ziek" });
        reply.EnsureSuccessStatusCode();

        // Protobuf keeps an attribute's key and its string value side by side: the intent's value follows its key.
        var intent = new System.Text.RegularExpressions.Regex(@"ouderbot\.intent[\s\S]{1,6}absence");
        var traces = await collector.WaitForAsync("/v1/traces", intent.IsMatch);
        Assert.Contains("OuderBot", traces, StringComparison.Ordinal);           // service.name and the source
        Assert.Contains("turn", traces, StringComparison.Ordinal);
        Assert.Contains("absence", traces, StringComparison.Ordinal);
        Assert.Contains("store ", traces, StringComparison.Ordinal);             // the store calls under the turn
        // Each export carries what was measured since the start (cumulative): one holds them all once the turn is done.
        string[] names = ["ouderbot.messages.in", "ouderbot.messages.out", "ouderbot.turn.duration", "ouderbot.store.round_trips"];
        var metrics = await collector.WaitForAsync("/v1/metrics", body => names.All(n => body.Contains(n, StringComparison.Ordinal)));
        Assert.Contains("otlp", metrics, StringComparison.Ordinal);              // the school, as a tag

        foreach (var body in collector.Received.Select(r => r.Body))
        {
            Assert.DoesNotContain("622222222", body, StringComparison.Ordinal);  // the parent's number, in any form
            Assert.DoesNotContain("ziek", body, StringComparison.Ordinal);       // the message's words
            Assert.DoesNotMatch(@"\bTim\b", body);                              // nor the child's name
        }
    }

    /// <summary>An OTLP/HTTP endpoint that answers 200 and keeps each request's path and body (protobuf keeps strings as UTF-8).</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public OtlpCollector()
        {
            Url = $"http://127.0.0.1:{ToolProcess.FreePort()}";
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

        public async Task<string> WaitForAsync(string path, Func<string, bool> match)
        {
            await Wait.UntilAsync(() => Received.Any(r => r.Path == path && match(r.Body)), $"an export to {path}");
            return Received.First(r => r.Path == path && match(r.Body)).Body;
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
