using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OuderBot.Bot;

using OuderBot.Operations;

namespace OuderBot.Channels.Local;

/// <summary>Configuration section "LocalChannel".</summary>
public sealed class LocalChannelOptions
{
    public const string Section = "LocalChannel";

    /// <summary>
    /// Whether POST /api/local/messages is served. It lets the caller speak as any parent, so it is meant for
    /// development, tests and load runs: on by default in Development, off elsewhere unless set explicitly.
    /// </summary>
    public bool? Enabled { get; set; }
}

/// <summary>A message on the local channel.</summary>
/// <param name="From">The parent's phone number.</param>
/// <param name="Text">The message.</param>
/// <param name="MessageId">Optional: a repeat with the same id gets the same answer and changes nothing.</param>
/// <param name="To">Optional: the school, by its id or one of its numbers; without it, School:Default.</param>
public sealed record LocalMessageRequest(string? From, string? Text, string? MessageId, string? To = null);

/// <summary>A reply, with what it costs by SMS: its segments, and whether it fits GSM-7 (else UCS-2, fewer characters a segment).</summary>
public sealed record LocalReply(string Text, int Segments = 0, bool Gsm7 = true);

public sealed record LocalMessageResponse(IReadOnlyList<LocalReply> Replies);

/// <summary>A message the bot started, as the local channel's parent received it.</summary>
public sealed record LocalReceived(string Text, DateTimeOffset SentAt, string Purpose, int Segments = 0, bool Gsm7 = true);

public sealed record LocalReceivedResponse(IReadOnlyList<LocalReceived> Messages);

/// <summary>The local channel over HTTP: the same turn pipeline as Twilio, with a plain JSON wire format.</summary>
public static class LocalChannel
{
    public const string ChannelName = "local";
    public const int MaxTextLength = 1600;

    /// <summary>Whether the local channel (and the simulator on it) is served: LocalChannel:Enabled, else Development.</summary>
    public static bool IsEnabled(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetValue<bool?>($"{LocalChannelOptions.Section}:Enabled")
        ?? services.GetRequiredService<IHostEnvironment>().IsDevelopment();

    public static IEndpointRouteBuilder MapLocalChannel(this IEndpointRouteBuilder app)
    {
        if (!IsEnabled(app.ServiceProvider))
        {
            return app;
        }

        app.MapPost("/api/local/messages", HandleAsync)
            .WithName("LocalMessage")
            .RejectWhileDraining()
            .DisableAntiforgery();
        app.MapGet("/api/local/messages", ReceivedAsync).WithName("LocalReceived");
        return app;
    }

    private static async Task<Results<Ok<LocalMessageResponse>, ProblemHttpResult, JsonHttpResult<LocalMessageResponse>>> HandleAsync(
        HttpRequest request, TurnPipeline pipeline, Schools schools, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return BadRequest("Send JSON (Content-Type: application/json) like {\"from\": \"+31611111111\", \"text\": \"...\"}.");
        }

        LocalMessageRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<LocalMessageRequest>(cancellationToken);
        }
        catch (JsonException ex)
        {
            return BadRequest($"The body is not valid JSON: {ex.Message}");
        }

        if (body is null)
        {
            return BadRequest("The body is empty; send {\"from\": \"+31611111111\", \"text\": \"...\"}.");
        }

        if (string.IsNullOrWhiteSpace(body.From))
        {
            return BadRequest("\"from\" is required: the parent's phone number, for example \"+31611111111\".");
        }

        if (body.Text is null)
        {
            return BadRequest("\"text\" is required: the parent's message.");
        }

        if (body.Text.Length > MaxTextLength)
        {
            return BadRequest($"\"text\" is longer than {MaxTextLength} characters.");
        }

        if (Resolve(schools, body.To) is not { } school)
        {
            return BadRequest(string.IsNullOrWhiteSpace(body.To)
                ? $"\"to\" is required: this bot serves {schools.All.Count} schools and has no School:Default. Send a school's id or number: {string.Join(", ", schools.All.Select(s => s.Id))}."
                : $"\"to\" names no school: send a school's id or number ({string.Join(", ", schools.All.Select(s => s.Id))}).");
        }

        var message = new InboundMessage(ChannelName, body.From.Trim(), school.Id, body.Text, 0, body.MessageId, time.GetUtcNow());
        var outcome = await pipeline.ProcessAsync(school, message, cancellationToken);
        var response = new LocalMessageResponse(outcome.Replies.Select(r => new LocalReply(r.Text, Twilio.SmsSegments.Count(r.Text), Twilio.SmsSegments.IsGsm7(r.Text))).ToList());
        if (outcome.Retryable)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
        }

        return outcome.Retryable
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }

    /// <summary>
    /// GET /api/local/messages?from=+316...[&amp;to=school]: the messages the bot started for this parent on the local
    /// channel (announcements, offers, reminders), oldest first, as their phone would have received them.
    /// </summary>
    private static async Task<Results<Ok<LocalReceivedResponse>, ProblemHttpResult>> ReceivedAsync(
        string? from, string? to, Schools schools, OuderBot.Outbox.LocalOutboxTransport local, CancellationToken cancellationToken)
    {
        if (OuderBot.School.Phone.TryNormalize(from) is not { } phone)
        {
            return BadRequest("from is required: the parent's phone number, for example +31611111111.");
        }

        if (Resolve(schools, to) is not { } school)
        {
            return BadRequest($"to names no school: send a school's id or number ({string.Join(", ", schools.All.Select(s => s.Id))}).");
        }

        var received = await local.ReceivedAsync(school, phone, cancellationToken);
        return TypedResults.Ok(new LocalReceivedResponse(received.Select(r => new LocalReceived(r.Text, r.SentAt, r.Purpose, Twilio.SmsSegments.Count(r.Text), Twilio.SmsSegments.IsGsm7(r.Text))).ToList()));
    }

    /// <summary>The school a local message is for: its id or number, else School:Default; null when neither says.</summary>
    public static SchoolContext? Resolve(Schools schools, string? to) =>
        string.IsNullOrWhiteSpace(to) ? schools.Default : schools.ByIdOrNumber(to);

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
