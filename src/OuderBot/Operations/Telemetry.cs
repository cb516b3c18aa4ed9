using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OuderBot.Operations;

/// <summary>
/// What an IT partner sees of the bot through OpenTelemetry: one span per turn (channel, school, intent, dialog; never
/// the message's words, never the parent's number) with a child span per store call (operation and document kind, never
/// the key: keys hold phone numbers), and the metrics below. All names are stable (README, "Production").
/// </summary>
public static class BotTelemetry
{
    public const string Name = "OuderBot";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> MessagesIn = Meter.CreateCounter<long>("ouderbot.messages.in", "{message}", "Messages from parents, per channel and school");
    public static readonly Counter<long> MessagesOut = Meter.CreateCounter<long>("ouderbot.messages.out", "{message}", "Messages the bot sent: replies and what it started, per channel and school");
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("ouderbot.turn.duration", "ms", "Time from a parent's message to the saved reply");
    public static readonly Counter<long> StoreRoundTrips = Meter.CreateCounter<long>("ouderbot.store.round_trips", "{call}", "Calls to the state store, per operation");
    public static readonly Counter<long> StoreConflicts = Meter.CreateCounter<long>("ouderbot.store.conflicts", "{conflict}", "Writes refused on their ETag (another instance or turn wrote first)");
    public static readonly Counter<long> FailedSends = Meter.CreateCounter<long>("ouderbot.outbox.failed", "{message}", "Sends that failed, per channel and error code (retried or not)");
    public static readonly Counter<long> DigestsSent = Meter.CreateCounter<long>("ouderbot.digests.sent", "{digest}", "Teachers' digests handed to the mail server");

    // The outbox's backlog as the last poll of this instance saw it, per school: observed, never a store call of its own.
    private static readonly ConcurrentDictionary<string, (long Depth, double OldestSeconds)> Backlog = new(StringComparer.Ordinal);

    static BotTelemetry()
    {
        Meter.CreateObservableGauge("ouderbot.outbox.depth", () => Backlog.Select(b => new Measurement<long>(b.Value.Depth, new KeyValuePair<string, object?>("school", b.Key))),
            "{message}", "Messages due and not yet sent, per school (at the last poll)");
        Meter.CreateObservableGauge("ouderbot.outbox.oldest_age", () => Backlog.Select(b => new Measurement<double>(b.Value.OldestSeconds, new KeyValuePair<string, object?>("school", b.Key))),
            "s", "How long the oldest message due and not yet sent has waited, per school (at the last poll)");
    }

    /// <summary>The outbox worker's view after a poll: how many messages were due, and since when the oldest.</summary>
    public static void ObserveBacklog(string school, long depth, TimeSpan oldest) => Backlog[school] = (depth, Math.Max(0, oldest.TotalSeconds));

    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    /// <summary>
    /// Traces and metrics through OpenTelemetry. The OTLP exporter is added only when OTEL_EXPORTER_OTLP_ENDPOINT is set,
    /// and reads the standard OTEL_* variables itself (protocol, headers, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES);
    /// without it nothing leaves the process.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(Name, serviceInstanceId: Environment.MachineName + "/" + Environment.ProcessId))
            .WithTracing(t =>
            {
                t.AddSource(Name).AddAspNetCoreInstrumentation(o =>
                {
                    // The probes are polled every few seconds: not worth a trace each.
                    o.Filter = http => http.Request.Path != Health.Liveness && http.Request.Path != Health.Readiness;
                    // Query strings may hold a parent's number (GET /api/local/messages?from=...): never recorded.
                    o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                });
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Name).AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        _ = telemetry;
        return builder;
    }

    /// <summary>The document kind of a store key, for a span or a tag: "conversations" for schools/{id}/conversations/{phone}.</summary>
    public static string KindOf(string key)
    {
        var parts = key.Split('/', 4);
        return parts is ["schools", _, var kind, ..] ? kind : parts[0];
    }
}
