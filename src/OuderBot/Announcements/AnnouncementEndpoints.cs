using Microsoft.AspNetCore.Http.HttpResults;
using OuderBot.Admin;
using OuderBot.Bot;
using OuderBot.Privacy;

namespace OuderBot.Announcements;

public sealed record AnnouncementRequest(string? Text, string? TextEn, string? Audience, bool? ExpectsAnswer);

public sealed record AnnouncementCreated(string Id);

public sealed record AnnouncementRecipient(string Parent, string Status, string? Answer);

public sealed record AnnouncementStatus(IReadOnlyList<AnnouncementRecipient> Recipients);

/// <summary>
/// The office's announcements: POST /api/admin/announcements (201 {"id"}) and GET /api/admin/announcements/{id}
/// (each recipient's delivery status and answer), per school like every office endpoint.
/// </summary>
public static class AnnouncementEndpoints
{
    /// <summary>Twilio's limit for one message; the bot adds " (ja/nee)" to a question.</summary>
    public const int MaxTextLength = 1500;

    public static RouteGroupBuilder MapAnnouncements(this RouteGroupBuilder admin)
    {
        admin.MapPost("/announcements", CreateAsync).WithName("CreateAnnouncement");
        admin.MapGet("/announcements/{id}", StatusAsync).WithName("AnnouncementStatus");
        return admin;
    }

    private static async Task<Results<Created<AnnouncementCreated>, ProblemHttpResult>> CreateAsync(
        HttpContext http, AnnouncementStore store, AnnouncementSender sender, TimeProvider time, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        AnnouncementRequest? body;
        try
        {
            body = http.Request.HasJsonContentType() ? await http.Request.ReadFromJsonAsync<AnnouncementRequest>(cancellationToken) : null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            return BadRequest($"The body is not valid JSON: {ex.Message}");
        }

        if (body is null)
        {
            return BadRequest("Send JSON: {\"text\": \"...\", \"textEn\": \"... (optional)\", \"audience\": \"school\" | \"group:4\" | \"parent:+31622222222\", \"expectsAnswer\": false}.");
        }

        if (string.IsNullOrWhiteSpace(body.Text))
        {
            return BadRequest("\"text\" is required: the announcement in Dutch.");
        }

        if (body.Text.Length > MaxTextLength || body.TextEn?.Length > MaxTextLength)
        {
            return BadRequest($"\"text\" and \"textEn\" are at most {MaxTextLength} characters.");
        }

        var (recipients, problem) = Audience.Resolve(school.Data, body.Audience);
        if (recipients is null)
        {
            return BadRequest(problem!);
        }

        var now = time.GetUtcNow();
        var announcement = new Announcement
        {
            Id = AnnouncementStore.NewId(now),
            Text = body.Text.Trim(),
            TextEn = string.IsNullOrWhiteSpace(body.TextEn) ? null : body.TextEn.Trim(),
            Audience = body.Audience!.Trim(),
            ExpectsAnswer = body.ExpectsAnswer ?? false,
            CreatedAt = now,
            Recipients = recipients,
        };
        await store.CreateAsync(school, announcement, cancellationToken);
        sender.Wake();
        return TypedResults.Created($"/api/admin/announcements/{announcement.Id}?school={school.Id}", new AnnouncementCreated(announcement.Id));
    }

    private static async Task<Results<Ok<AnnouncementStatus>, ProblemHttpResult>> StatusAsync(
        string id, HttpContext http, AnnouncementStore store, OuderBot.Outbox.Outbox outbox, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        if (await store.FindAsync(school, id, cancellationToken) is not { } announcement)
        {
            return TypedResults.Problem($"No announcement '{id}' at {school.Id}.", statusCode: StatusCodes.Status404NotFound);
        }

        var answers = await store.AnswersAsync(school, id, cancellationToken);
        var recipients = new List<AnnouncementRecipient>();
        foreach (var parent in announcement.Recipients)
        {
            // Not in the outbox yet: the sender has not reached this parent, or the question waits behind another.
            var status = await outbox.DeliveryAsync(school, announcement.MessageId(parent), cancellationToken) ?? "queued";
            recipients.Add(new AnnouncementRecipient(parent, status, answers.GetValueOrDefault(parent)));
        }

        return TypedResults.Ok(new AnnouncementStatus(recipients));
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}

public static class AnnouncementServiceCollectionExtensions
{
    /// <summary>Announcements: the store, the background sender, the yes/no question, and replies to plain ones.</summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddSingleton<AnnouncementStore>();
        services.AddSingleton<AnnouncementSender>();
        services.AddHostedService(sp => sp.GetRequiredService<AnnouncementSender>());
        services.AddDialog<AnnouncementQuestionDialog>();
        services.AddDialogs(_ => AnnouncementQuestionDialog.Prompts());
        services.AddMessageHandler<AnnouncementReplyHandler>();
        services.AddRetentionPolicy<AnnouncementRetention>();
        services.AddParentDataEraser<AnnouncementAnswerEraser>();
        return services;
    }
}
