using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OuderBot.Admin;
using OuderBot.Announcements;

namespace OuderBot.Surveys;

public sealed record SurveySendRequest(string? Audience);

public sealed record SurveySent(string Id, string Survey, string Audience, int Recipients);

public sealed record SurveyListed(string Id, string Kind, string Title, IReadOnlyList<SurveyQuestionListed> Questions);

public sealed record SurveyQuestionListed(string Id, string Kind, string Text);

/// <summary>
/// The office's surveys, in the admin group (X-Api-Key, one school): GET /api/admin/surveys (what there is),
/// POST /api/admin/surveys/{id}/send (202: the bot asks every parent of the audience, in the background),
/// GET /api/admin/surveys/{id}/report[?format=csv].
/// </summary>
public static class SurveyEndpoints
{
    public static RouteGroupBuilder MapSurveys(this RouteGroupBuilder admin)
    {
        admin.MapGet("/surveys", List).WithName("Surveys");
        admin.MapPost("/surveys/{id}/send", SendAsync).WithName("SendSurvey");
        admin.MapGet("/surveys/{id}/report", ReportAsync).WithName("SurveyReport");
        return admin;
    }

    private static Ok<List<SurveyListed>> List(SurveyCatalog catalog) =>
        TypedResults.Ok(catalog.All.OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new SurveyListed(s.Id, s.Kind, s.Title["nl"], [.. s.Questions.Select(q => new SurveyQuestionListed(q.Id, q.Scale ? "scale" : "open", q.Text["nl"]))]))
            .ToList());

    private static async Task<Results<Accepted<SurveySent>, ProblemHttpResult>> SendAsync(
        string id, HttpContext http, SurveyCatalog catalog, SurveyWorker worker, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        if (catalog.Find(id) is not { } survey)
        {
            return Problem(StatusCodes.Status404NotFound, $"No survey '{id}' (surveys: {string.Join(", ", catalog.All.Select(s => s.Id))}).");
        }

        if (survey.Kind != Survey.SchoolKind)
        {
            return Problem(StatusCodes.Status400BadRequest, $"'{id}' is asked after each booked talk by itself; the office sends only school surveys.");
        }

        SurveySendRequest? body = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                body = http.Request.HasJsonContentType() ? await http.Request.ReadFromJsonAsync<SurveySendRequest>(cancellationToken) : null;
            }
            catch (System.Text.Json.JsonException ex)
            {
                return Problem(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {ex.Message}");
            }

            if (body is null)
            {
                return Problem(StatusCodes.Status400BadRequest, "Send JSON: {\"audience\": \"school\" | \"group:4\" | \"parent:+31622222222\"} (no body: the whole school).");
            }
        }

        var audience = string.IsNullOrWhiteSpace(body?.Audience) ? "school" : body.Audience.Trim();
        var (recipients, problem) = Audience.Resolve(school.Data, audience);
        if (recipients is null)
        {
            return Problem(StatusCodes.Status400BadRequest, problem!);
        }

        var send = await worker.CreateSendAsync(school, survey, audience, recipients, cancellationToken);
        return TypedResults.Accepted($"/api/admin/surveys/{survey.Id}/report?school={school.Id}", new SurveySent(send.Id, survey.Id, audience, recipients.Count));
    }

    private static async Task<Results<Ok<SurveyReport>, FileContentHttpResult, ProblemHttpResult>> ReportAsync(
        string id, string? format, HttpContext http, SurveyCatalog catalog, SurveyStore store, IOptionsMonitor<SurveyOptions> options, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        if (catalog.Find(id) is not { } survey)
        {
            return Problem(StatusCodes.Status404NotFound, $"No survey '{id}' (surveys: {string.Join(", ", catalog.All.Select(s => s.Id))}).");
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status400BadRequest, "format is json (the default) or csv.");
        }

        var report = SurveyReports.Build(school, survey, await store.AllAsync(school, survey.Id, cancellationToken), options.CurrentValue.ReportThreshold);
        return csv
            ? TypedResults.File(CsvExport.Write(SurveyReports.Header, SurveyReports.Rows(report)), CsvExport.ContentType, $"survey-{survey.Id}-{school.Id}.csv")
            : TypedResults.Ok(report);
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: status == StatusCodes.Status404NotFound ? "Not found" : "Bad request");
}
