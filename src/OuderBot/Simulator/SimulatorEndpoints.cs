using Microsoft.AspNetCore.Http.HttpResults;
using OuderBot.Bot;
using OuderBot.Channels.Local;
using OuderBot.Storage;
using OuderBot.Web;

namespace OuderBot.Simulator;

/// <summary>A school and, in Development, its demo parents for the simulator's pickers.</summary>
public sealed record SimulatorSchool(string Id, string Name, string? Number, IReadOnlyList<SimulatorParent> Parents);

public sealed record SimulatorParent(string Phone, string Name, string Language, IReadOnlyList<string> Children);

/// <param name="From">The parent's phone number.</param>
/// <param name="To">The school's id or number; without it, School:Default.</param>
public sealed record SimulatorReset(string? From, string? To);

/// <summary>
/// The chat simulator at http://localhost:5080/: a phone screen that talks to the bot through the local channel (the
/// same turn pipeline as SMS and WhatsApp), shows each reply as it would arrive by SMS (with its segments) or on
/// WhatsApp, shows what the bot starts (announcements, reminders, offers) as it arrives, and starts afresh. Served
/// whenever the local channel is (it speaks as any parent): in Development, elsewhere only when LocalChannel:Enabled.
/// The demo parents are listed only in Development; elsewhere one types a number. Everything the page uses is served
/// by the bot itself (no CDN), with a Content-Security-Policy that allows nothing else.
/// </summary>
public static class SimulatorEndpoints
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Simulator", "wwwroot");

    public static IEndpointRouteBuilder MapSimulator(this IEndpointRouteBuilder app)
    {
        if (!LocalChannel.IsEnabled(app.ServiceProvider))
        {
            return app;
        }

        app.MapGet("/", () => PageFile.Html(Root, "index.html"));
        app.MapGet("/simulator/simulator.js", () => PageFile.Script(Root, "simulator.js"));
        app.MapGet("/simulator/simulator.css", () => PageFile.Style(Root, "simulator.css"));
        app.MapGet("/api/local/schools", SchoolsOf);
        // Starting afresh deletes the whole conversation document (also what keeps Twilio's retries from counting
        // twice): in Development only.
        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.MapPost("/api/local/reset", ResetAsync).DisableAntiforgery();
        }
        return app;
    }

    private static Ok<List<SimulatorSchool>> SchoolsOf(Schools schools, IHostEnvironment environment) =>
        TypedResults.Ok(schools.All.Select(s => new SimulatorSchool(
            s.Id,
            s.Data.Info.Name,
            s.Data.Numbers.Sms ?? s.Data.Numbers.WhatsApp,
            environment.IsDevelopment()
                ? [.. s.Data.Parents.Select(p => new SimulatorParent(p.Phone, p.Name, p.Language, [.. p.Children.Select(c => c.FirstName)]))]
                : [])).ToList());

    /// <summary>POST /api/local/reset: the parent's conversation with the school starts afresh (reports and talks stay).</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ResetAsync(SimulatorReset? body, Schools schools, IStateStore store, DocumentCache documents, CancellationToken cancellationToken)
    {
        if (OuderBot.School.Phone.TryNormalize(body?.From) is not { } phone)
        {
            return TypedResults.Problem("\"from\" is required: the parent's phone number, for example +31611111111.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (LocalChannel.Resolve(schools, body!.To) is not { } school)
        {
            return TypedResults.Problem($"\"to\" names no school: send a school's id or number ({string.Join(", ", schools.All.Select(s => s.Id))}).", statusCode: StatusCodes.Status400BadRequest);
        }

        var key = ConversationStore.Key(school, phone);
        documents.Forget(key);
        await store.DeleteAsync(key, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }
}
