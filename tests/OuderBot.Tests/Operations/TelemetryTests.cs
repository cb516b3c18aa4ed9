using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using OpenTelemetry.Trace;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Operations;

/// <summary>
/// What an IT partner's collector receives of one turn over HTTP: the turn's span with its store calls under it, and the
/// counters. The school is De Driehoek under an id of its own, so measurements of tests running beside it do not count.
/// </summary>
public sealed class TelemetryTests
{
    private const string Phone = "+31622222222";
    private const string Text = "Tim is vandaag ziek";

    [Fact]
    public async Task ATurnOverHttpGivesOneSpanWithItsStoreCallsAndTheCountersWithoutWordsOrNumbers()
    {
        using var folder = new SchoolFolder();
        var school = folder.Write("telemetrie.yaml", SchoolFolder.DemoFile("de-driehoek").Replace("id: de-driehoek", "id: telemetrie", StringComparison.Ordinal));
        var spans = new List<Activity>();
        var measured = new System.Collections.Concurrent.ConcurrentBag<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OuderBot.Operations.BotTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Add((i.Name, v, ToDictionary(tags))));
        listener.Start();

        await using var app = new BotApp(
            settings: new Dictionary<string, string?> { ["School:Path"] = school },
            services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));   // the collector, in memory
        await app.WaitUntilHealthyAsync();
        using var client = app.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/local/messages") { Content = JsonContent.Create(new { from = Phone, text = Text }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        // The request's own span ends after the response has left: it reaches the exporter a moment later.
        Activity[] Mine()
        {
            lock (spans)
            {
                return [.. spans.Where(s => s.TraceId == traceId)];
            }
        }

        await Wait.UntilAsync(() => Mine().Any(s => s.Kind == ActivityKind.Server), "the request's span exported");
        var mine = Mine();

        var turn = Assert.Single(mine, s => s.OperationName == "turn");
        Assert.Equal("local", turn.GetTagItem("ouderbot.channel"));
        Assert.Equal("telemetrie", turn.GetTagItem("ouderbot.school"));
        Assert.Equal("absence", turn.GetTagItem("ouderbot.intent"));
        Assert.NotEqual("none", Assert.IsType<string>(turn.GetTagItem("ouderbot.dialog")));   // the report waits for its "ja"
        var store = mine.Where(s => s.OperationName.StartsWith("store ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(store);
        Assert.All(store, s => Assert.Equal(turn.SpanId, s.ParentSpanId));
        Assert.Contains(store, s => (string?)s.GetTagItem("ouderbot.store.kind") == "conversations");
        Assert.Single(mine, s => s.Kind == ActivityKind.Server);   // ASP.NET Core's request span
        foreach (var tag in mine.SelectMany(s => s.TagObjects))
        {
            var value = tag.Value?.ToString() ?? "";
            Assert.DoesNotContain("22222222", value, StringComparison.Ordinal);
            Assert.DoesNotContain("ziek", value, StringComparison.OrdinalIgnoreCase);
        }

        listener.RecordObservableInstruments();
        bool Ours((string Name, double Value, Dictionary<string, object?> Tags) m) => m.Tags.GetValueOrDefault("school") as string == "telemetrie";
        Assert.Equal(1, measured.Where(m => m.Name == "ouderbot.messages.in" && Ours(m)).Sum(m => m.Value));
        Assert.Equal(1, measured.Where(m => m.Name == "ouderbot.messages.out" && Ours(m)).Sum(m => m.Value));
        Assert.Single(measured, m => m.Name == "ouderbot.turn.duration" && Ours(m) && (string?)m.Tags["channel"] == "local");
        Assert.Contains(measured, m => m.Name == "ouderbot.store.round_trips");
        Assert.Contains(measured, m => m.Name == "ouderbot.outbox.depth" && Ours(m));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
