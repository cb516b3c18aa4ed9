using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OuderBot.Admin;
using OuderBot.Bot;
using OuderBot.Channels.Twilio;
using OuderBot.Dialogs;
using OuderBot.Storage;

namespace OuderBot.Booking;

/// <summary>POST /api/admin/invitations: a teacher invites the parents of a child for an extra talk at one of these times.</summary>
/// <param name="Child">The child's id ("tim-g4") or first name when unique.</param>
/// <param name="Teacher">The teacher's id ("juf-fatima") or name.</param>
/// <param name="Note">Optional, for the parent: what the talk is about (at most 100 characters).</param>
/// <param name="Slots">The times offered, local at the school ("2026-12-02T13:00"), one to four.</param>
/// <param name="Minutes">The talk's length (default 15).</param>
/// <param name="Room">Optional: where (default: the teacher's room in the school's talk rounds).</param>
public sealed record InvitationRequest(string? Child, string? Teacher, string? Note, List<string>? Slots, int? Minutes, string? Room = null);

public sealed record InvitationCreated(string Id);

/// <summary>An invitation for an extra talk, and the time a parent took.</summary>
public sealed class Invitation
{
    public required string Id { get; init; }
    public required string ChildId { get; init; }
    public required string TeacherId { get; init; }
    public string? Note { get; init; }
    public required List<DateTime> Slots { get; init; }
    public int Minutes { get; init; } = 15;

    /// <summary>Where the talk is: the request's room, else the teacher's room in the school's talk rounds; null when neither names one.</summary>
    public string? Room { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTime? Booked { get; set; }
    public string? BookedBy { get; set; }
    public string? BookedByName { get; set; }
    public DateTimeOffset? BookedAt { get; set; }
    public string? Ics { get; set; }

    /// <summary>Where the parent took the time and in which language: the reminder goes the same way.</summary>
    public string? Channel { get; set; }
    public string? Language { get; set; }

    /// <summary>When the family cancelled it (the time is no longer in the teacher's feed).</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    public bool IsFor(School.Parent parent) => parent.Children.Any(c => c.Id == ChildId);
}

/// <summary>The question the bot starts for an invitation: which of the times.</summary>
public sealed record InvitationQuestion(string InvitationId, bool Move = false);

/// <summary>The invitations of a school (schools/{id}/invitations/{id}); taking a time is one ETag-checked write, so both parents can never both take one.</summary>
public sealed class InvitationStore(DocumentCache documents, IStateStore store)
{
    public static string Key(SchoolContext school, string id) => school.Key("invitations/" + id);

    public async Task CreateAsync(SchoolContext school, Invitation invitation, CancellationToken cancellationToken) =>
        await store.CreateIfAbsentAsync(Key(school, invitation.Id), JsonSerializer.SerializeToUtf8Bytes(invitation, BookingStore.Json), cancellationToken);

    public async Task<Invitation?> FindAsync(SchoolContext school, string id, CancellationToken cancellationToken) =>
        await store.ReadAsync(Key(school, id), cancellationToken) is { } stored ? JsonSerializer.Deserialize<Invitation>(stored.Content.Span, BookingStore.Json) : null;

    /// <summary>Takes the time for the parent; returns the invitation as it is now (Booked is theirs, or someone's before).
    /// With <paramref name="move"/>, a time the family took already is changed to this one instead.</summary>
    public Task<Invitation?> TakeAsync(TurnContext turn, string id, DateTime slot, string ics, bool move = false) =>
        documents.UpdateAsync(Key(turn.School, id), version =>
        {
            if (!version.Exists || JsonSerializer.Deserialize<Invitation>(version.Content.Span, BookingStore.Json) is not { } invitation
                || !invitation.IsFor(turn.Parent))
            {
                return Change<Invitation?>.None(null);
            }

            if (move ? invitation.Booked is null : invitation.Booked is not null)
            {
                return Change<Invitation?>.None(invitation);
            }

            invitation.Booked = slot;
            if (!move)
            {
                (invitation.BookedBy, invitation.BookedByName, invitation.Ics) = (turn.Parent.Phone, turn.Parent.Name, ics);
            }

            invitation.BookedAt = turn.School.Clock.UtcNow;
            if (invitation.BookedBy == turn.Parent.Phone)
            {
                // The reminder goes to who booked, the way they booked: the other parent moving it changes neither.
                (invitation.Channel, invitation.Language) = (turn.Message.Channel, turn.Language);
            }
            return Change<Invitation?>.Write(invitation, JsonSerializer.SerializeToUtf8Bytes(invitation, BookingStore.Json));
        }, turn.CancellationToken, cached: false);

    /// <summary>The family cancels the talk they took: the invitation as it was before (null when none was booked).</summary>
    public Task<Invitation?> CancelAsync(TurnContext turn, string id) =>
        documents.UpdateAsync(Key(turn.School, id), version =>
        {
            if (!version.Exists || JsonSerializer.Deserialize<Invitation>(version.Content.Span, BookingStore.Json) is not { Booked: not null } invitation
                || !invitation.IsFor(turn.Parent))
            {
                return Change<Invitation?>.None(null);
            }

            var before = JsonSerializer.Deserialize<Invitation>(version.Content.Span, BookingStore.Json);
            (invitation.Booked, invitation.CancelledAt) = (null, turn.School.Clock.UtcNow);
            return Change<Invitation?>.Write(before, JsonSerializer.SerializeToUtf8Bytes(invitation, BookingStore.Json));
        }, turn.CancellationToken, cached: false);

    /// <summary>The parent's children's invitation talks still to come.</summary>
    public async Task<List<Invitation>> ComingOfAsync(TurnContext turn) =>
        [.. (await BookedAsync(turn.School, turn.CancellationToken)).Where(i => i.IsFor(turn.Parent) && i.Booked > turn.School.Clock.LocalNow).OrderBy(i => i.Booked)];

    /// <summary>The booked invitation behind a parent's .ics token; null when it is no invitation's.</summary>
    public async Task<Invitation?> ByIcsTokenAsync(SchoolContext school, string token, CancellationToken cancellationToken)
    {
        if (token.Length is < 16 or > 64 || token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            || await store.ReadAsync(BookingStore.IcsKey(school, token), cancellationToken) is not { } stored)
        {
            return null;
        }

        var link = JsonDocument.Parse(stored.Content).RootElement;
        return link.TryGetProperty("round", out var round) && round.GetString() is { } r && r.StartsWith("invitation:", StringComparison.Ordinal)
            && await FindAsync(school, r["invitation:".Length..], cancellationToken) is { Booked: not null } invitation && invitation.Ics == token
            ? invitation
            : null;
    }

    /// <summary>Every booked invitation of the school (the office's overview, the teachers' feeds, the parent's .ics).</summary>
    public async Task<List<Invitation>> BookedAsync(SchoolContext school, CancellationToken cancellationToken)
    {
        var booked = new List<Invitation>();
        await foreach (var key in store.ListKeysAsync(school.Key("invitations/"), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } stored && JsonSerializer.Deserialize<Invitation>(stored.Content.Span, BookingStore.Json) is { Booked: not null } invitation)
            {
                booked.Add(invitation);
            }
        }

        return booked;
    }
}

/// <summary>The office's side of invitations: POST /api/admin/invitations.</summary>
public static class InvitationEndpoints
{
    public const int MaxNote = 100;
    public const int MaxSlots = 4;

    public static RouteGroupBuilder MapInvitations(this RouteGroupBuilder admin)
    {
        admin.MapPost("/invitations", CreateAsync);
        return admin;
    }

    private static async Task<Results<Created<InvitationCreated>, ProblemHttpResult>> CreateAsync(HttpContext http, InvitationStore store, ProactiveConversations proactive, CancellationToken cancellationToken)
    {
        var school = AdminEndpoints.School(http);
        InvitationRequest? body;
        try
        {
            body = http.Request.HasJsonContentType() ? await http.Request.ReadFromJsonAsync<InvitationRequest>(cancellationToken) : null;
        }
        catch (JsonException ex)
        {
            return BadRequest($"The body is not valid JSON: {ex.Message}");
        }

        if (body is null)
        {
            return BadRequest("Send JSON: {\"child\": \"tim-g4\", \"teacher\": \"juf-fatima\", \"note\": \"(optional)\", \"slots\": [\"2026-12-02T13:00\"], \"minutes\": 15}.");
        }

        var data = school.Data;
        var matches = data.Children.Where(c => string.Equals(c.Id, body.Child?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            matches = [.. data.Children.Where(c => string.Equals(c.FirstName, body.Child?.Trim(), StringComparison.OrdinalIgnoreCase))];
        }

        if (matches.Count != 1)
        {
            return BadRequest(matches.Count == 0 ? $"\"child\": no child '{body.Child}' at this school (give the id, such as tim-g4)." : $"\"child\": '{body.Child}' is more than one child; give the id.");
        }

        var teacher = data.Teachers.FirstOrDefault(t => TeacherIds.Of(t) == body.Teacher?.Trim().ToLowerInvariant() || string.Equals(t.Name, body.Teacher?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (teacher is null)
        {
            return BadRequest($"\"teacher\": no teacher '{body.Teacher}' at this school (give the id, such as juf-fatima, or the name).");
        }

        if (body.Note is { } note && (note.Length > MaxNote || !SmsSegments.IsGsm7(note) || note.Any(char.IsControl)))
        {
            return BadRequest($"\"note\" is one line of at most {MaxNote} plain characters (it goes into an SMS).");
        }

        var now = school.Clock.LocalNow;
        var slots = new List<DateTime>();
        foreach (var text in body.Slots ?? [])
        {
            if (!DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var slot) || slot <= now)
            {
                return BadRequest($"\"slots\": '{text}' is not a time to come, such as 2026-12-02T13:00 (local time at the school).");
            }

            slots.Add(slot);
        }

        if (slots.Count is 0 or > MaxSlots || slots.Distinct().Count() != slots.Count)
        {
            return BadRequest($"\"slots\": give one to {MaxSlots} different times.");
        }

        if (body.Room is { } room && (room.Length > 40 || !SmsSegments.IsGsm7(room) || room.Any(char.IsControl)))
        {
            return BadRequest("\"room\" is at most 40 plain characters (it goes into an SMS).");
        }

        if (body.Minutes is < 5 or > 120)
        {
            return BadRequest("\"minutes\": between 5 and 120.");
        }

        var child = matches[0];
        var invitation = new Invitation
        {
            Id = Guid.NewGuid().ToString("N"),
            ChildId = child.Id,
            TeacherId = TeacherIds.Of(teacher),
            Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(),
            Slots = [.. slots.Order()],
            Minutes = body.Minutes ?? 15,
            Room = string.IsNullOrWhiteSpace(body.Room)
                ? data.TalkRounds.SelectMany(r => r.Teachers).FirstOrDefault(t => t.Id == TeacherIds.Of(teacher))?.Room
                : body.Room.Trim(),
            CreatedAt = school.Clock.UtcNow,
        };
        await store.CreateAsync(school, invitation, cancellationToken);
        // One question per parent (the id names no phone number: ids show up in stored keys).
        foreach (var (parent, index) in data.Parents.Where(p => p.Children.Any(c => c.Id == child.Id)).Select((p, i) => (p, i)))
        {
            await proactive.StartAsync(school, parent, new ProactiveStart(
                $"invitation-{invitation.Id}-{index}", InvitationDialog.DialogId, JsonSerializer.SerializeToElement(new InvitationQuestion(invitation.Id), BookingStore.Json), "invitation"), cancellationToken);
        }

        return TypedResults.Created($"/api/admin/invitations/{invitation.Id}", new InvitationCreated(invitation.Id));
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>The invitation as the parent gets it: the times as a numbered list; a number books it (once, for both
/// parents), with a reminder the evening before. Started again with <see cref="InvitationQuestion.Move"/> for "verzet
/// mijn afspraak": the other times of the invitation, and the reminder follows the talk.</summary>
public sealed class InvitationDialog : WaterfallDialog<InvitationDialog.State>
{
    public const string DialogId = "booking.invitation";
    public const string ChoicePromptId = "booking.invitation.choice";
    public const string NoneChoice = "none";

    private readonly InvitationStore _store;
    private readonly BookingLinks _links;
    private readonly IStateStore _state;
    private readonly BookingReminders _reminders;

    public InvitationDialog(InvitationStore store, BookingLinks links, IStateStore state, BookingReminders reminders)
        : base(DialogId)
    {
        _store = store;
        _links = links;
        _state = state;
        _reminders = reminders;
        AddStep("Ask", AskStep);
        AddStep("Take", TakeStep);
    }

    public static IEnumerable<Dialog> Prompts() => [new ChoicePrompt(ChoicePromptId)];

    public sealed class State
    {
        public string? InvitationId { get; set; }
        public bool Move { get; set; }
        public string Ics { get; set; } = BookingStore.NewToken();
    }

    private async Task<DialogTurnResult> AskStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var question = step.Options is JsonElement json ? json.Deserialize<InvitationQuestion>(BookingStore.Json) : step.Options as InvitationQuestion;
        if (question is null || await _store.FindAsync(turn.School, question.InvitationId, turn.CancellationToken) is not { } invitation
            || Teacher(turn, invitation) is not { } teacher || turn.Parent.Children.FirstOrDefault(c => c.Id == invitation.ChildId) is not { } child)
        {
            return await step.EndAsync();
        }

        (step.State.InvitationId, step.State.Move) = (invitation.Id, question.Move && invitation.Booked is not null);
        var now = turn.School.Clock.LocalNow;
        var choices = invitation.Slots.Where(s => s > now && (!step.State.Move || s != invitation.Booked))
            .Select(s => new Choice(s.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), Label(s))).ToList();
        choices.Add(new Choice(NoneChoice, Say.Text("booking.invitation_none")));
        var prompt = step.State.Move
            ? Say.Text("booking.invitation_move", ("child", child.FirstName), ("time", BookingDialog.Time(invitation.Booked!.Value))).WithDate("date", DateOnly.FromDateTime(invitation.Booked.Value))
            : Say.Text("booking.invitation", ("teacher", teacher.Name), ("child", child.FirstName), ("note", invitation.Note is { } n ? $" ({n})" : ""));
        return await step.PromptAsync(ChoicePromptId, new PromptOptions { Prompt = prompt, Choices = choices });
    }

    private async Task<DialogTurnResult> TakeStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var move = step.State.Move;
        if (step.Result is not ChoiceResult choice || step.State.InvitationId is not { } id
            || await _store.FindAsync(turn.School, id, turn.CancellationToken) is not { } invitation || Teacher(turn, invitation) is not { } teacher)
        {
            return await step.EndAsync();
        }

        if (choice.Value == NoneChoice)
        {
            turn.Send(move ? "booking.invitation_kept" : "booking.invitation_declined", ("teacher", teacher.Name), ("phone", turn.School.Data.Info.Phone));
            return await step.EndAsync();
        }

        var slot = DateTime.ParseExact(choice.Value, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var taken = await _store.TakeAsync(turn, id, slot, step.State.Ics, move);
        var child = turn.Parent.Children.First(c => c.Id == invitation.ChildId);
        if (taken?.Booked is not { } booked || booked != slot || (!move && taken.BookedBy != turn.Parent.Phone))
        {
            turn.Send(Say.Text("booking.invitation_taken", ("child", child.FirstName), ("time", BookingDialog.Time(taken?.Booked ?? slot)))
                .WithDate("date", DateOnly.FromDateTime(taken?.Booked ?? slot)));
            return await step.EndAsync();
        }

        if (move && invitation.Booked is { } before && before != booked)
        {
            await _reminders.WithdrawAsync(turn.School, invitation, before, turn.CancellationToken);
        }
        else
        {
            await _state.CreateIfAbsentAsync(BookingStore.IcsKey(turn.School, taken.Ics!), JsonSerializer.SerializeToUtf8Bytes(new { round = "invitation:" + id, booking = id, parent = turn.Parent.Phone }, BookingStore.Json), turn.CancellationToken);
        }

        await _reminders.ScheduleAsync(turn.School, taken, child.FirstName, teacher.Name, turn.CancellationToken);
        turn.Send(Say.Text(move ? "booking.invitation_moved" : "booking.invitation_booked", ("child", child.FirstName), ("time", BookingDialog.Time(booked)), ("teacher", teacher.Name), ("link", _links.Talk(turn.School, taken.Ics!)))
            .WithDate("date", DateOnly.FromDateTime(booked)));
        return await step.EndAsync();
    }

    private static Say Label(DateTime start) =>
        Say.PerLanguage(Texts.Languages.ToDictionary(l => l, l => $"{BookingDialog.ShortDate(l, DateOnly.FromDateTime(start))} {BookingDialog.Time(start)}"));

    internal static School.Teacher? Teacher(TurnContext turn, Invitation invitation) =>
        turn.School.Data.Teachers.FirstOrDefault(t => TeacherIds.Of(t) == invitation.TeacherId);
}
