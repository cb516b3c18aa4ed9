using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OuderBot.Absence;
using OuderBot.Admin;
using OuderBot.Announcements;
using OuderBot.Booking;
using OuderBot.Bot;
using OuderBot.Digest;
using OuderBot.Inbox;
using OuderBot.Web;

namespace OuderBot.Office;

/// <summary>The office's day at a glance, as GET /api/admin/office/today answers it (the page at /office reads it).</summary>
public sealed record OfficeToday(
    string School,
    string Date,
    IReadOnlyList<OfficeGroup> Groups,
    IReadOnlyList<BookingRow> Talks,
    IReadOnlyList<OfficeHandoff> Handoffs,
    int Feedback,
    IReadOnlyList<OfficeAnnouncement> Announcements,
    OfficeExports Exports);

/// <summary>A group with today's absences (empty groups included: the office sees who is complete).</summary>
public sealed record OfficeGroup(string Id, string Name, IReadOnlyList<AbsenceRow> Absences);

/// <summary>A question or message passed on to the school in the last week, oldest first; a question for the teacher is
/// open until a teacher answered it from the digest (<see cref="AnsweredBy"/>).</summary>
public sealed record OfficeHandoff(DateTimeOffset ReceivedAt, string Kind, string Parent, IReadOnlyList<string> Children, string Text, bool Open, string? AnsweredBy);

/// <summary>An announcement of the last two weeks and where its messages are (queued, sent, delivered, failed, ...).</summary>
public sealed record OfficeAnnouncement(string Id, string Text, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, int> Delivery);

/// <summary>The CSV exports for today and the coming week (the office's own endpoints; the session cookie opens them).</summary>
public sealed record OfficeExports(string Absences, string Bookings);

/// <summary>
/// The office's pages: /office/login (the school's key or the board's, then a session cookie: see
/// <see cref="OfficeSession"/>), /office (today's absences per group, updating as reports arrive; the talks of the
/// coming days; what was passed on in the last week; feedback; announcements with their delivery; the CSV exports) and
/// POST /office/logout. The page is the bot's own HTML and script, with a CSP that allows nothing from elsewhere.
/// </summary>
public static class OfficeEndpoints
{
    public const int TalkDays = 7;
    public const int HandoffDays = 7;
    public const int AnnouncementDays = 14;
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Office", "wwwroot");
    private static readonly TimeSpan DeliveryRecount = TimeSpan.FromMinutes(1);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset At, Dictionary<string, int> Counts)> Deliveries = new();
    private static readonly HashSet<string> PassedOn = new(StringComparer.Ordinal) { "question", "handoff", "privacy", "announcement-reply", "message", "booking" };

    /// <summary>GET /api/admin/office/today, in the office's group (key or session).</summary>
    public static RouteGroupBuilder MapOfficeToday(this RouteGroupBuilder admin)
    {
        admin.MapGet("/office/today", TodayAsync);
        return admin;
    }

    public static IEndpointRouteBuilder MapOfficePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/office", (HttpContext http, IOptionsMonitor<AdminOptions> keys, TimeProvider time) =>
            OfficeSession.Read(http.Request.Cookies[OfficeSession.CookieName], keys.CurrentValue, time.GetUtcNow()) is null
                ? Results.Redirect("/office/login")
                : PageFile.Html(Root, "office.html"));
        app.MapGet("/office/login", () => PageFile.Html(Root, "login.html"));
        app.MapGet("/office/office.js", () => PageFile.Script(Root, "office.js"));
        app.MapGet("/office/office.css", () => PageFile.Style(Root, "office.css"));
        app.MapGet("/office/schools", (Schools schools) => TypedResults.Ok(schools.All.Select(s => new { s.Id, s.Data.Info.Name })));
        app.MapPost("/office/login", LoginAsync).DisableAntiforgery();
        app.MapPost("/office/logout", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(OfficeSession.CookieName, CookieOptions(http));
            return Results.Redirect("/office/login");
        }).DisableAntiforgery();
        return app;
    }

    /// <summary>The form's school and key: a session cookie and the day page, or the login page again saying the key was not right.</summary>
    private static async Task<IResult> LoginAsync(HttpContext http, IOptionsMonitor<AdminOptions> keys, Schools schools, TimeProvider time)
    {
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem("Send the login form (school and key).", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var settings = keys.CurrentValue;
        if (AdminEndpoints.Login(settings, schools, form["school"], form["key"]) is not { } who)
        {
            return Results.Redirect("/office/login?failed=1");
        }

        var key = who.Board ? settings.ApiKey! : settings.SchoolKeys[who.SchoolId];
        // A browser-session cookie: the 8 hours are in its signed contents, checked on the school's clock.
        http.Response.Cookies.Append(OfficeSession.CookieName, OfficeSession.Create(who, key, time.GetUtcNow()), CookieOptions(http));
        return Results.Redirect("/office");
    }

    // Secure everywhere but in Development: behind a TLS-terminating proxy the request itself may be plain HTTP.
    private static CookieOptions CookieOptions(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps || !http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment(),
        Path = "/",
        IsEssential = true,
    };

    private static async Task<Ok<OfficeToday>> TodayAsync(
        HttpContext http, AbsenceStore absences, BookingStore bookings, InvitationStore invitations, SchoolInbox inbox, AnnouncementStore announcements,
        OuderBot.Outbox.Outbox outbox, DigestStore digests, Feedback.FeedbackStore feedbackStore, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        var today = school.Clock.Today;
        var rows = AbsenceEndpoints.Rows(await absences.InRangeAsync(school, today, today, cancellationToken), today, today, today, school.Data, school.Calendar, school.Clock);
        var groups = school.Data.Groups.Select(g => new OfficeGroup(g.Id, g.Name, [.. rows.Where(r => r.Group == g.Id).OrderBy(r => r.Child, StringComparer.Ordinal)])).ToList();
        var talks = await BookingEndpoints.RowsAsync(school, bookings, invitations, today, today.AddDays(TalkDays - 1), cancellationToken);

        var handoffs = new List<OfficeHandoff>();
        // Feedback given by chat (src/OuderBot/Feedback), and what the inbox kept as feedback before that existed.
        var feedback = (await feedbackStore.InRangeAsync(school, today.AddDays(-(HandoffDays - 1)), today, cancellationToken)).Count;
        for (var day = today.AddDays(-(HandoffDays - 1)); day <= today; day = day.AddDays(1))
        {
            foreach (var (id, item) in await inbox.EntriesForDayAsync(school, day, cancellationToken))
            {
                if (item.Kind == "feedback")
                {
                    feedback++;
                }
                else if (PassedOn.Contains(item.Kind))
                {
                    var children = item.ChildIds.Select(c => school.Data.Children.FirstOrDefault(x => x.Id == c)?.FirstName).OfType<string>().ToList();
                    var answer = HandoffDigestSource.Kinds.Contains(item.Kind) ? await digests.AnswerAsync(school, id, cancellationToken) : null;
                    handoffs.Add(new OfficeHandoff(item.ReceivedAt, item.Kind, item.ParentName, children, item.Text, HandoffDigestSource.Kinds.Contains(item.Kind) && answer is null, answer?.Teacher));
                }
            }
        }

        var made = new List<OfficeAnnouncement>();
        var now = school.Clock.UtcNow;
        foreach (var announcement in await announcements.SinceAsync(school, now.AddDays(-AnnouncementDays), cancellationToken))
        {
            // Counting reads every recipient's message: at most once a minute per announcement, however many pages look.
            var key = $"{school.Id}/{announcement.Id}";
            if (!Deliveries.TryGetValue(key, out var counted) || now - counted.At > DeliveryRecount || counted.At > now)
            {
                var delivery = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var parent in announcement.Recipients)
                {
                    var status = await outbox.DeliveryAsync(school, announcement.MessageId(parent), cancellationToken) ?? "queued";
                    delivery[status] = delivery.GetValueOrDefault(status) + 1;
                }

                Deliveries[key] = counted = (now, delivery);
            }

            made.Add(new OfficeAnnouncement(announcement.Id, announcement.Text, announcement.CreatedAt, counted.Counts));
        }

        foreach (var old in Deliveries.Where(d => now - d.Value.At > TimeSpan.FromDays(1)).Select(d => d.Key).ToList())
        {
            Deliveries.TryRemove(old, out _);
        }

        var first = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = today.AddDays(TalkDays - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var exports = new OfficeExports(
            $"/api/admin/absences?from={first}&to={first}&format=csv&school={school.Id}",
            $"/api/admin/bookings?from={first}&to={last}&format=csv&school={school.Id}");
        return TypedResults.Ok(new OfficeToday(school.Data.Info.Name, first, groups, talks, [.. handoffs.OrderBy(h => h.ReceivedAt)], feedback, made, exports));
    }
}
