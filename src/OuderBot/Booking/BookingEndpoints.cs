using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OuderBot.Admin;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Storage;

namespace OuderBot.Booking;

/// <summary>One booked talk as the office sees it; times are ISO local time at the school.</summary>
public sealed record BookingRow(
    string Round,
    string RoundName,
    string TeacherId,
    string Teacher,
    string Room,
    string Start,
    string End,
    string ChildId,
    string Child,
    string Group,
    string Parent,
    string ParentPhone,
    DateTimeOffset BookedAt);

/// <summary>A teacher's calendar feed as the office looks it up (and renews it).</summary>
public sealed record TeacherFeed(string TeacherId, string Teacher, string Url);

/// <summary>
/// The office's overview of booked talks (GET /api/admin/bookings?from&amp;to[&amp;format=csv]), the teachers' calendar
/// feeds (GET /api/calendars/{teacherId}.ics?token=..., looked up and renewed by the office) and the parent's .ics of
/// their own talk (GET /api/talks/{school}/{token}.ics).
/// </summary>
public static class BookingEndpoints
{

    public static RouteGroupBuilder MapBookings(this RouteGroupBuilder admin)
    {
        admin.MapGet("/bookings", OverviewAsync);
        admin.MapGet("/calendars", FeedsAsync);
        admin.MapPost("/calendars/{teacherId}/renew", RenewAsync);
        admin.MapInvitations();
        return admin;
    }

    /// <summary>The public calendars: a parent's talk and a teacher's feed, each behind a secret token in the URL.</summary>
    public static IEndpointRouteBuilder MapTalkCalendars(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/talks/{school}/{token}.ics", TalkAsync);
        app.MapGet("/api/calendars/{teacherId}.ics", TeacherFeedAsync);
        return app;
    }

    private static async Task<Results<Ok<List<BookingRow>>, FileContentHttpResult, ProblemHttpResult>> OverviewAsync(
        string? from, string? to, string? format, HttpContext http, BookingStore store, InvitationStore invitations, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        var today = school.Clock.Today;
        if (DateRange.Read(from, to, today, out var problem) is not var (first, last))
        {
            return BadRequest(problem!);
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest("format is json (the default) or csv.");
        }

        var rows = await RowsAsync(school, store, invitations, first, last, cancellationToken);
        if (!csv)
        {
            return TypedResults.Ok(rows);
        }

        var bytes = CsvExport.Write(
            ["round", "roundName", "teacher", "room", "start", "end", "child", "group", "parent", "parentPhone", "bookedAt"],
            rows.Select(r => new string?[] { r.Round, r.RoundName, r.Teacher, r.Room, r.Start, r.End, r.Child, r.Group, r.Parent, r.ParentPhone, r.BookedAt.ToString("o", CultureInfo.InvariantCulture) }));
        return TypedResults.File(bytes, CsvExport.ContentType, $"bookings-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv");
    }

    /// <summary>Every booked talk of the school from first to last (rounds' and invitations'), in time order.</summary>
    public static async Task<List<BookingRow>> RowsAsync(SchoolContext school, BookingStore store, InvitationStore invitations, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var talks = await store.AllAsync(school, _ => true, cancellationToken);
        return [.. talks.Where(t => t.Slot.Day >= first && t.Slot.Day <= last).Select(t => Row(school, t))
            .Concat((await invitations.BookedAsync(school, cancellationToken)).Where(i => DateOnly.FromDateTime(i.Booked!.Value) >= first && DateOnly.FromDateTime(i.Booked.Value) <= last).Select(i => Row(school, i)))
            .OrderBy(r => r.Start, StringComparer.Ordinal).ThenBy(r => r.Teacher, StringComparer.Ordinal)];
    }

    private static BookingRow Row(SchoolContext school, BookedTalk t) => new(
        t.Round.Id,
        t.Round.Name,
        t.Teacher.Id,
        t.Teacher.Name,
        t.Teacher.Room,
        t.Slot.Start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        t.Slot.End.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        t.Booking.ChildId,
        t.Booking.Child,
        t.Booking.Group,
        t.Booking.ParentName,
        t.Booking.Parent,
        school.Clock.AtSchool(t.Booking.BookedAt));

    /// <summary>An extra talk the teacher invited for, as a row of the overview (round "invitation").</summary>
    private static BookingRow Row(SchoolContext school, Invitation i)
    {
        var teacher = school.Data.Teachers.First(t => TeacherIds.Of(t) == i.TeacherId);
        var child = school.Data.Children.First(c => c.Id == i.ChildId);
        var start = i.Booked!.Value;
        return new BookingRow(
            "invitation",
            "Extra gesprek",
            i.TeacherId,
            teacher.Name,
            RoomOf(school, i.TeacherId),
            start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            start.AddMinutes(i.Minutes).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            child.Id,
            child.FirstName,
            child.GroupId,
            i.BookedByName ?? "",
            i.BookedBy ?? "",
            school.Clock.AtSchool(i.BookedAt ?? i.CreatedAt));
    }

    private static string RoomOf(SchoolContext school, string teacherId) =>
        school.Data.TalkRounds.Select(r => r.Teacher(teacherId)).OfType<TalkTeacher>().FirstOrDefault()?.Room ?? "";

    private static IcsEvent Event(SchoolContext school, Invitation i, string summary, string? description) => new(
        $"{i.Id}@ouderbot",
        school.Clock.ToInstant(i.Booked!.Value),
        school.Clock.ToInstant(i.Booked.Value.AddMinutes(i.Minutes)),
        summary,
        $"{school.Data.Info.Name}, {RoomOf(school, i.TeacherId)}".TrimEnd(' ', ','),
        description);

    private static async Task<Ok<List<TeacherFeed>>> FeedsAsync(HttpContext http, IStateStore store, BookingLinks links, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        var feeds = new List<TeacherFeed>();
        foreach (var teacher in school.Data.TalkRounds.SelectMany(r => r.Teachers).DistinctBy(t => t.Id))
        {
            var key = FeedKey(school, teacher.Id);
            await store.CreateIfAbsentAsync(key, FeedDocument(BookingStore.NewToken()), cancellationToken);
            feeds.Add(new TeacherFeed(teacher.Id, teacher.Name, links.Feed(teacher.Id, await FeedTokenAsync(store, key, cancellationToken) ?? "")));
        }

        return TypedResults.Ok(feeds);
    }

    private static async Task<Results<Ok<TeacherFeed>, ProblemHttpResult>> RenewAsync(string teacherId, HttpContext http, DocumentCache documents, BookingLinks links, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        if (school.Data.TalkRounds.SelectMany(r => r.Teachers).FirstOrDefault(t => t.Id == teacherId) is not { } teacher)
        {
            return TypedResults.Problem($"There is no teacher '{teacherId}' in the school's talk rounds.", statusCode: StatusCodes.Status404NotFound);
        }

        var token = BookingStore.NewToken();
        await documents.UpdateAsync(FeedKey(school, teacherId), _ => Change<bool>.Write(true, FeedDocument(token)), cancellationToken, cached: false);
        return TypedResults.Ok(new TeacherFeed(teacher.Id, teacher.Name, links.Feed(teacher.Id, token)));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> TalkAsync(string school, string token, Schools schools, BookingStore store, BookingLinks links, InvitationStore invitations, Texts texts, CancellationToken cancellationToken)
    {
        if (schools.Find(school) is not { } context)
        {
            return TypedResults.NotFound();
        }

        var talks = links.Read(context, token) is { } marked
            ? await store.ByIcsTokensAsync(context, marked.Parents, marked.Token, cancellationToken)
            : await store.ByIcsTokensAsync(context, token, cancellationToken);
        if (talks.Count == 0)
        {
            if (await invitations.ByIcsTokenAsync(context, token, cancellationToken) is not { } invitation)
            {
                return TypedResults.NotFound();
            }

            var teacher = context.Data.Teachers.First(t => TeacherIds.Of(t) == invitation.TeacherId);
            var child = context.Data.Children.First(c => c.Id == invitation.ChildId);
            var lang = context.Data.FindParent(invitation.BookedBy)?.Language ?? Texts.Dutch;
            var title = texts.Render(lang, "booking.calendar_title", new Dictionary<string, string> { ["kind"] = texts.Render(lang, "booking.invitation_kind"), ["child"] = child.FirstName, ["teacher"] = teacher.Name });
            return TypedResults.File(Ics.Write(title, [Event(context, invitation, title, invitation.Note)], context.Clock.UtcNow), Ics.ContentType, "gesprek.ics");
        }

        var language = context.Data.FindParent(talks[0].Booking.Parent)?.Language ?? Texts.Dutch;
        var events = talks.Select(t => new IcsEvent(
            $"{t.Booking.Id}-{t.Booking.ChildId}@ouderbot",
            context.Clock.ToInstant(t.Slot.Start),
            context.Clock.ToInstant(t.Slot.End),
            texts.Render(language, "booking.calendar_title", new Dictionary<string, string> { ["kind"] = t.Round.Kind, ["child"] = t.Booking.Child, ["teacher"] = t.Teacher.Name }),
            $"{context.Data.Info.Name}, {t.Teacher.Room}",
            null));
        return TypedResults.File(Ics.Write(talks[0].Round.Name, events, context.Clock.UtcNow), Ics.ContentType, "gesprek.ics");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> TeacherFeedAsync(string teacherId, string? token, string? school, Schools schools, IStateStore store, BookingStore bookings, InvitationStore invitations, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return TypedResults.NotFound();
        }

        // The token is the teacher's secret; a teacher id may exist at several of the board's schools.
        foreach (var context in schools.All.Where(s => school is null || s.Id == school))
        {
            if (!context.Data.TalkRounds.Any(r => r.Teacher(teacherId) is not null)
                || await FeedTokenAsync(store, FeedKey(context, teacherId), cancellationToken) is not { } expected
                || !FixedTimeEquals(token, expected))
            {
                continue;
            }

            var talks = await bookings.AllAsync(context, t => t.Id == teacherId, cancellationToken);
            var events = talks.Select(t => new IcsEvent(
                $"{t.Booking.Id}-{t.Booking.ChildId}@ouderbot",
                context.Clock.ToInstant(t.Slot.Start),
                context.Clock.ToInstant(t.Slot.End),
                $"{t.Round.Kind} {t.Booking.Child} ({t.Booking.ParentName})",
                t.Teacher.Room,
                $"{t.Booking.Child}, groep {t.Booking.Group}. Ouder: {t.Booking.ParentName}." + (t.Booking.Topic is { Length: > 0 } topic ? $" Onderwerp: {topic}" : "")))
                .Concat((await invitations.BookedAsync(context, cancellationToken)).Where(i => i.TeacherId == teacherId).Select(i =>
                {
                    var child = context.Data.Children.First(c => c.Id == i.ChildId);
                    return Event(context, i, $"Extra gesprek {child.FirstName} ({i.BookedByName})",
                        $"{child.FirstName}, groep {child.GroupId}. Ouder: {i.BookedByName}." + (i.Note is { Length: > 0 } note ? $" Onderwerp: {note}" : ""));
                }));
            var name = talks.FirstOrDefault()?.Teacher.Name ?? teacherId;
            return TypedResults.File(Ics.Write($"Gesprekken {name}", events, context.Clock.UtcNow), Ics.ContentType, $"{teacherId}.ics");
        }

        return TypedResults.NotFound();
    }

    private static string FeedKey(SchoolContext school, string teacherId) => school.Key($"booking-feeds/{teacherId}");

    private static byte[] FeedDocument(string token) => JsonSerializer.SerializeToUtf8Bytes(new FeedToken(token), BookingStore.Json);

    private static async Task<string?> FeedTokenAsync(IStateStore store, string key, CancellationToken cancellationToken) =>
        await store.ReadAsync(key, cancellationToken) is { } stored ? JsonSerializer.Deserialize<FeedToken>(stored.Content.Span, BookingStore.Json)?.Token : null;

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));


    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private sealed record FeedToken(string Token);
}
