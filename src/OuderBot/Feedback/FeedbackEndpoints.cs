using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OuderBot.Admin;
using OuderBot.Bot;

namespace OuderBot.Feedback;

/// <summary>The sender of a piece of feedback: only in the office's list when not anonymous, else by an explicit, logged look-up.</summary>
public sealed record FeedbackSender(string Name, string Phone, IReadOnlyList<string> Children);

/// <summary>One piece of feedback as the office sees it (GET /api/admin/feedback).</summary>
public sealed record FeedbackRow(
    string Id,
    string Kind,
    string About,
    string? Teacher,
    string? Topic,
    string Text,
    bool Anonymous,
    bool ContactWanted,
    bool Urgent,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DirectorMailedAt,
    FeedbackSender? Sender);

/// <summary>The office's feedback endpoints, in the admin group (X-Api-Key, each about one school).</summary>
public static class FeedbackEndpoints
{

    public static RouteGroupBuilder MapFeedback(this RouteGroupBuilder admin)
    {
        admin.MapGet("/feedback", ListAsync).WithName("FeedbackOverview");
        admin.MapGet("/feedback/{id}/sender", SenderAsync).WithName("FeedbackSender");
        return admin;
    }

    private static async Task<Results<Ok<List<FeedbackRow>>, ProblemHttpResult>> ListAsync(
        string? from, string? to, HttpContext http, FeedbackStore store, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        if (DateRange.Read(from, to, school.Clock.Today, out var problem) is not var (first, last))
        {
            return BadRequest(problem!);
        }

        var items = await store.InRangeAsync(school, first, last, cancellationToken);
        return TypedResults.Ok(items.Select(e => new FeedbackRow(e.Id, e.Item.Kind, e.Item.About, e.Item.Teacher, e.Item.Topic, e.Item.Text, e.Item.Anonymous,
            e.Item.ContactWanted, e.Item.Urgent, e.Item.ReceivedAt, e.Item.DirectorMailedAt, e.Item.Anonymous ? null : Sender(school, e.Item))).ToList());
    }

    /// <summary>Who sent it, for the office only: every look is logged and kept as an audit record (who, when, which item; no content).</summary>
    private static async Task<Results<Ok<FeedbackSender>, NotFound<ProblemDetails>>> SenderAsync(
        string id, HttpContext http, FeedbackStore store, IOptionsMonitor<AdminOptions> admin, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        if (await store.FindAsync(school, id, cancellationToken) is not { } item)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"{school.Id} has no feedback '{id}'.", Status = StatusCodes.Status404NotFound });
        }

        var who = Who(http, admin.CurrentValue, school);
        var at = time.GetUtcNow();
        await store.AuditAsync(school, new FeedbackAudit(id, who, at), cancellationToken);
        loggers.CreateLogger(typeof(FeedbackEndpoints).FullName!).LogInformation(
            "Feedback {FeedbackId} at {School}: sender looked up by {Who} at {At}, anonymous {Anonymous}", id, school.Id, who, at, item.Anonymous);
        return TypedResults.Ok(Sender(school, item));
    }

    private static FeedbackSender Sender(SchoolContext school, FeedbackItem item) =>
        new(item.ParentName, item.ParentPhone, [.. item.ChildIds.Select(c => school.Data.Children.FirstOrDefault(x => x.Id == c)?.FirstName ?? c)]);

    /// <summary>Which key opened the request (never the key itself): the board's, the school's own, or an office session.</summary>
    private static string Who(HttpContext http, AdminOptions options, SchoolContext school)
    {
        var given = http.Request.Headers[AdminEndpoints.ApiKeyHeader].ToString();
        if (given.Length == 0)
        {
            return $"office session ({school.Id})";
        }

        if (options.ApiKey is { Length: > 0 } board && AdminEndpoints.KeyMatches(given, board))
        {
            return "board key";
        }

        return options.SchoolKeys.GetValueOrDefault(school.Id) is { Length: > 0 } own && AdminEndpoints.KeyMatches(given, own) ? $"school key ({school.Id})" : "office key";
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
