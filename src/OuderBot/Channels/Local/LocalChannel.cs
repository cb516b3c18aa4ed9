using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OuderBot.Bot;

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

public sealed record LocalMessageRequest(string? From, string? Text, string? MessageId);

public sealed record LocalReply(string Text);

public sealed record LocalMessageResponse(IReadOnlyList<LocalReply> Replies);

/// <summary>The local channel over HTTP: the same turn pipeline as Twilio, with a plain JSON wire format.</summary>
public static class LocalChannel
{
    public const string ChannelName = "local";
    public const int MaxTextLength = 1600;

    public static IEndpointRouteBuilder MapLocalChannel(this IEndpointRouteBuilder app)
    {
        var configured = app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool?>($"{LocalChannelOptions.Section}:Enabled");
        var enabled = configured ?? app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment();
        if (!enabled)
        {
            return app;
        }

        app.MapPost("/api/local/messages", HandleAsync)
            .WithName("LocalMessage")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Ok<LocalMessageResponse>, ProblemHttpResult, JsonHttpResult<LocalMessageResponse>>> HandleAsync(
        HttpRequest request, TurnPipeline pipeline, TimeProvider time, CancellationToken cancellationToken)
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

        var message = new InboundMessage(ChannelName, body.From.Trim(), "local", body.Text, 0, body.MessageId, time.GetUtcNow());
        var outcome = await pipeline.ProcessAsync(message, cancellationToken);
        var response = new LocalMessageResponse(outcome.Replies.Select(r => new LocalReply(r.Text)).ToList());
        if (outcome.Retryable)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
        }

        return outcome.Retryable
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
