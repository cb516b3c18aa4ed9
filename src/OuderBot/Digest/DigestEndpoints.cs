using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OuderBot.Admin;
using OuderBot.Booking;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Inbox;
using OuderBot.School;

namespace OuderBot.Digest;

/// <summary>
/// The office's view of the digests (GET /api/admin/digests) and the teachers' pages, reached from the digest by signed
/// links without a login: the overview (/digest/{school}/{teacher}) and one question with its answer form
/// (/digest/{school}/{teacher}/questions/{id}). Plain server-rendered HTML, Dutch, for a phone; every text escaped.
/// </summary>
public static class DigestEndpoints
{
    /// <summary>A teacher's answer; relayed by SMS or WhatsApp, so at most about one message's worth.</summary>
    public const int MaxAnswerLength = 1000;

    public static RouteGroupBuilder MapDigests(this RouteGroupBuilder admin)
    {
        admin.MapGet("/digests", ListAsync).WithName("Digests");
        return admin;
    }

    public static IEndpointRouteBuilder MapDigestPages(this IEndpointRouteBuilder app)
    {
        // The pages carry a signed link in their address: no referrer leaves them, nothing from elsewhere runs in them
        // (they have no script at all; their styles are inline, as in the mail), and no cache keeps them.
        var pages = app.MapGroup("/digest/{school}/{teacher}").AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            return await next(context);
        });
        pages.MapGet("", OverviewAsync);
        pages.MapGet("/questions/{id}", QuestionAsync);
        pages.MapPost("/questions/{id}", AnswerAsync);
        return app;
    }

    private static async Task<Results<Ok<List<TeacherDigest>>, ProblemHttpResult>> ListAsync(
        string? date, string? teacher, HttpContext http, DigestOffice office, DigestLinks links, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        var day = school.Clock.Today;
        if (date is { Length: > 0 } && !DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return TypedResults.Problem(detail: "date is a date like 2026-11-24 (optional: today).", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        var teachers = school.Data.Teachers.Where(t => teacher is not { Length: > 0 } || TeacherIds.Of(t) == teacher.Trim()).ToList();
        if (teachers.Count == 0)
        {
            return TypedResults.Problem(detail: $"There is no teacher '{teacher}' at {school.Id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var run = new DigestRun();
        var digests = new List<TeacherDigest>();
        foreach (var t in teachers)
        {
            digests.Add(await office.ForDayAsync(school, t, day, run, cancellationToken) with { PageUrl = links.OverviewUrl(school, TeacherIds.Of(t), school.Clock.UtcNow + links.Lifetime) });
        }

        return TypedResults.Ok(digests);
    }

    private static async Task<ContentHttpResult> OverviewAsync(
        string school, string teacher, string? expires, string? sig, Schools schools, DigestLinks links, DigestOffice office, BookingStore bookings,
        InvitationStore invitations, CancellationToken cancellationToken)
    {
        if (Resolve(schools, school, teacher) is not ({ } at, { } who))
        {
            return Refused(StatusCodes.Status404NotFound, "Deze pagina bestaat niet.");
        }

        if (Refusal(links.Check(DigestLinks.Overview, at.Id, teacher, "", expires, sig, at.Clock.UtcNow)) is { } refused)
        {
            return refused;
        }

        var digest = await office.PreviewAsync(at, who, at.Clock.Today, new DigestRun(), cancellationToken);
        var body = new StringBuilder();
        body.Append("<p style=\"font-size:18px;font-weight:bold\">").Append(DigestRender.E(digest.Digest.Summary)).Append("</p>");
        DigestRender.Sections(body, digest.Sections);
        var start = at.Clock.LocalNow;
        // The rounds' talks and the extra talks the teacher invited for, in time order.
        var talks = (await bookings.AllAsync(at, t => t.Id == teacher, cancellationToken)).Where(t => t.Slot.End > start)
            .Select(t => (t.Slot.Start, t.Slot.End, t.Booking.Child, t.Booking.Group, t.Booking.ParentName, Room: (string?)t.Teacher.Room))
            .Concat((await invitations.BookedAsync(at, cancellationToken)).Where(i => i.TeacherId == teacher && i.Booked!.Value.AddMinutes(i.Minutes) > start)
                .Select(i => (Start: i.Booked!.Value, End: i.Booked.Value.AddMinutes(i.Minutes), Child: at.Data.Children.FirstOrDefault(c => c.Id == i.ChildId)?.FirstName ?? i.ChildId,
                    Group: at.Data.Children.FirstOrDefault(c => c.Id == i.ChildId)?.GroupId ?? "", ParentName: i.BookedByName ?? "", i.Room)))
            .OrderBy(t => t.Start).ToList();
        body.Append("<h2 style=\"font-size:17px;margin:20px 0 6px\">Gespreksrooster</h2>");
        if (talks.Count == 0)
        {
            body.Append("<p>Er staan geen gesprekken gepland.</p>");
        }
        else
        {
            body.Append("<ul style=\"padding-left:20px;margin:0\">");
            foreach (var talk in talks)
            {
                var group = at.Data.FindGroup(talk.Group)?.Name ?? talk.Group;
                var room = talk.Room is { Length: > 0 } r ? ", " + r : "";
                body.Append("<li style=\"margin:0 0 8px\">")
                    .Append(DigestRender.E($"{DigestWords.ShortDate(DateOnly.FromDateTime(talk.Start))} {DigestWords.Time(TimeOnly.FromDateTime(talk.Start))}-{DigestWords.Time(TimeOnly.FromDateTime(talk.End))}: {talk.Child} ({group}), met {talk.ParentName}{room}"))
                    .Append("</li>");
            }

            body.Append("</ul>");
        }

        return Html(StatusCodes.Status200OK, DigestRender.Page($"Overzicht {who.Name}", $"Overzicht voor {who.Name}, {DigestWords.LongDate(at.Clock.Today)}", body.ToString()));
    }

    private static async Task<ContentHttpResult> QuestionAsync(
        string school, string teacher, string id, string? expires, string? sig, Schools schools, DigestLinks links, SchoolInbox inbox, DigestStore store,
        ProactiveConversations proactive, CancellationToken cancellationToken)
    {
        if (await QuestionOfAsync(schools, links, inbox, school, teacher, id, expires, sig, cancellationToken) is not { } found)
        {
            return await RefusedQuestionAsync(schools, links, inbox, school, teacher, id, expires, sig, cancellationToken);
        }

        var answer = await store.AnswerAsync(found.School, id, cancellationToken);
        if (answer is { RelayedAt: null } && found.School.Clock.UtcNow - answer.AnsweredAt > TimeSpan.FromMinutes(1)
            && found.School.Data.FindParent(answer.ParentPhone) is { } parent)
        {
            // Kept but not relayed (the instance stopped in between): relayed now, once (the relay's id is the question's).
            await RelayAsync(found.School, parent, answer, proactive, store);
        }

        return Html(StatusCodes.Status200OK, QuestionPage(found, answer, expires!, sig!, note: null));
    }

    private static async Task RelayAsync(SchoolContext at, Parent parent, DigestAnswer answer, ProactiveConversations proactive, DigestStore store)
    {
        await proactive.NotifyAsync(at, parent, DigestReplyHandler.NoticePrefix + answer.ItemId, DigestReplyHandler.NoticeKind,
            Say.Text("digest.answer", ("teacher", answer.Teacher), ("answer", answer.Text)), "digest-answer", CancellationToken.None);
        await store.MarkRelayedAsync(at, answer.ItemId, at.Clock.UtcNow, CancellationToken.None);
    }

    private static async Task<ContentHttpResult> AnswerAsync(
        string school, string teacher, string id, string? expires, string? sig, HttpContext http, Schools schools, DigestLinks links, SchoolInbox inbox,
        DigestStore store, ProactiveConversations proactive, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await QuestionOfAsync(schools, links, inbox, school, teacher, id, expires, sig, cancellationToken) is not { } found)
        {
            return await RefusedQuestionAsync(schools, links, inbox, school, teacher, id, expires, sig, cancellationToken);
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        var text = form?["answer"].ToString().Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxAnswerLength)
        {
            var problem = text.Length == 0 ? "Typ eerst uw antwoord." : $"Uw antwoord is te lang: hooguit {MaxAnswerLength} tekens.";
            return Html(StatusCodes.Status400BadRequest, QuestionPage(found, await store.AnswerAsync(found.School, id, cancellationToken), expires!, sig!, problem));
        }

        var at = found.School;
        var (answer, mine) = await store.AnswerOnceAsync(at, new DigestAnswer(id, teacher, found.Teacher.Name, text, at.Clock.UtcNow, found.Item.ParentPhone), cancellationToken);
        if (!mine && answer.RelayedAt is not null)
        {
            return Html(StatusCodes.Status409Conflict, QuestionPage(found, answer, expires!, sig!, "Deze vraag was al beantwoord; uw antwoord is niet verstuurd."));
        }

        // Kept first, then relayed: the relay's id is the question's, so a repeat (or a retry after a crash between
        // the two) sends the kept answer once.
        if (at.Data.FindParent(answer.ParentPhone) is not { } parent)
        {
            return Html(StatusCodes.Status200OK, QuestionPage(found, answer, expires!, sig!, "Deze ouder staat niet meer in de gegevens van de school; uw antwoord kon niet worden doorgestuurd."));
        }

        // Once kept, the relay goes on even when the teacher's phone drops the request.
        await RelayAsync(at, parent, answer, proactive, store);
        loggers.CreateLogger(typeof(DigestEndpoints)).LogInformation("Digest: {Teacher} answered question {Id} at {School}; relayed to {Phone}",
            answer.TeacherId, id, at.Id, Phone.Mask(parent.Phone));
        return mine
            ? Html(StatusCodes.Status200OK, QuestionPage(found, answer, expires!, sig!, $"Uw antwoord is doorgestuurd naar {parent.Name}."))
            : Html(StatusCodes.Status409Conflict, QuestionPage(found, answer, expires!, sig!, "Deze vraag was al beantwoord; uw antwoord is niet verstuurd."));
    }

    private sealed record FoundQuestion(SchoolContext School, Teacher Teacher, string TeacherId, string Id, InboxItem Item);

    private static async Task<FoundQuestion?> QuestionOfAsync(Schools schools, DigestLinks links, SchoolInbox inbox, string school, string teacher, string id, string? expires, string? sig, CancellationToken cancellationToken)
    {
        if (Resolve(schools, school, teacher) is not ({ } at, { } who)
            || links.Check(DigestLinks.Answer, at.Id, teacher, id, expires, sig, at.Clock.UtcNow) != LinkCheck.Valid
            || await inbox.FindAsync(at, id, cancellationToken) is not { } item)
        {
            return null;
        }

        return new FoundQuestion(at, who, teacher, id, item);
    }

    private static async Task<ContentHttpResult> RefusedQuestionAsync(Schools schools, DigestLinks links, SchoolInbox inbox, string school, string teacher, string id, string? expires, string? sig, CancellationToken cancellationToken)
    {
        if (Resolve(schools, school, teacher) is not ({ } at, _))
        {
            return Refused(StatusCodes.Status404NotFound, "Deze pagina bestaat niet.");
        }

        return Refusal(links.Check(DigestLinks.Answer, at.Id, teacher, id, expires, sig, at.Clock.UtcNow))
            ?? (await inbox.FindAsync(at, id, cancellationToken) is null
                ? Refused(StatusCodes.Status410Gone, "Deze vraag is er niet meer: de school bewaart vragen een beperkte tijd.")
                : Refused(StatusCodes.Status404NotFound, "Deze pagina bestaat niet."));
    }

    private static (SchoolContext?, Teacher?) Resolve(Schools schools, string school, string teacher) =>
        schools.Find(school) is { } at && at.Data.Teachers.FirstOrDefault(t => TeacherIds.Of(t) == teacher) is { } who ? (at, who) : (null, null);

    private static ContentHttpResult? Refusal(LinkCheck check) => check switch
    {
        LinkCheck.Forged => Refused(StatusCodes.Status403Forbidden, "Deze link klopt niet. Open de link precies zoals hij in uw dagoverzicht staat."),
        LinkCheck.Expired => Refused(StatusCodes.Status410Gone, "Deze link is verlopen. Gebruik de link uit uw laatste dagoverzicht."),
        _ => null,
    };

    private static ContentHttpResult Refused(int status, string message) =>
        Html(status, DigestRender.Page("OuderBot", status == StatusCodes.Status410Gone ? "Link verlopen" : "Geen toegang", $"<p>{DigestRender.E(message)}</p>"));

    private static ContentHttpResult Html(int status, string html) => TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string QuestionPage(FoundQuestion found, DigestAnswer? answer, string expires, string sig, string? note)
    {
        var (school, item) = (found.School, found.Item);
        var children = item.ChildIds.Select(c => school.Data.Children.FirstOrDefault(x => x.Id == c)?.FirstName ?? c);
        var received = school.Clock.ToLocal(item.ReceivedAt);
        var body = new StringBuilder();
        if (note is not null)
        {
            body.Append("<p role=\"status\" style=\"background:#eef6ee;padding:8px\">").Append(DigestRender.E(note)).Append("</p>");
        }

        body.Append("<p>").Append(DigestRender.E($"Van {item.ParentName} over {string.Join(" en ", children)}, {DigestWords.ShortDate(DateOnly.FromDateTime(received))} {DigestWords.Time(TimeOnly.FromDateTime(received))}:")).Append("</p>");
        body.Append("<blockquote id=\"question\" style=\"margin:0 0 16px;padding:8px;border-left:4px solid #999\">").Append(DigestRender.E(item.Text)).Append("</blockquote>");
        if (answer is not null)
        {
            body.Append("<p id=\"status\">Beantwoord</p>");
            body.Append("<p id=\"answer\">").Append(DigestRender.E($"{answer.Teacher} antwoordde: {answer.Text}")).Append("</p>");
        }
        else
        {
            var action = $"{DigestLinks.AnswerPath(school.Id, found.TeacherId, found.Id)}?expires={Uri.EscapeDataString(expires)}&sig={Uri.EscapeDataString(sig)}";
            body.Append("<p id=\"status\">Open</p>");
            body.Append("<form method=\"post\" action=\"").Append(DigestRender.E(action)).Append("\">");
            body.Append("<label for=\"answer\" style=\"display:block;margin:0 0 4px\">").Append(DigestRender.E($"Uw antwoord aan {item.ParentName}")).Append("</label>");
            body.Append("<textarea id=\"answer\" name=\"answer\" rows=\"6\" maxlength=\"").Append(MaxAnswerLength).Append("\" required style=\"width:100%;box-sizing:border-box;font-size:16px\"></textarea>");
            body.Append("<p style=\"color:#444;font-size:14px\">De ouder krijgt uw antwoord via OuderBot, met uw naam erbij.</p>");
            body.Append("<button type=\"submit\" style=\"font-size:16px;padding:10px 16px\">Versturen</button>");
            body.Append("</form>");
        }

        return DigestRender.Page($"Vraag van {item.ParentName}", "Vraag van een ouder", body.ToString());
    }
}
