using System.Security.Cryptography;
using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Booking;

/// <summary>One booked talk, kept in its teacher's document under the slot's key.</summary>
public sealed class TalkBooking
{
    /// <summary>Chosen when the parent's dialog began: a turn that runs again finds its own booking.</summary>
    public required string Id { get; init; }
    public required string ChildId { get; init; }
    public required string Child { get; init; }
    public required string Group { get; init; }
    public required string Parent { get; init; }
    public required string ParentName { get; init; }
    public DateTimeOffset BookedAt { get; set; }
    public string? Topic { get; set; }

    /// <summary>The unguessable token of the parent's .ics link.</summary>
    public required string Ics { get; init; }
}

/// <summary>A parent waiting for a slot with a teacher, first come first served.</summary>
public sealed class WaitingEntry
{
    public required string ChildId { get; init; }
    public required string Child { get; init; }
    public required string Parent { get; init; }
    public DateTimeOffset Since { get; init; }

    /// <summary>The slot offered to this parent and until when (the bot asked them); null while just waiting.</summary>
    public string? OfferedSlot { get; set; }
    public DateTimeOffset? OfferedUntil { get; set; }
}

/// <summary>
/// All of one teacher's talks in one round: the booked slots by key ("2026-12-01T15:00") and the waiting list.
/// One document, so a booking is one read and one ETag-checked write, and the rules that span slots (a child has at
/// most one talk with the teacher in the round) are checked in the same write that books.
/// </summary>
public sealed class TeacherRoundDocument
{
    public Dictionary<string, TalkBooking> Slots { get; set; } = new(StringComparer.Ordinal);
    public List<WaitingEntry> Waiting { get; set; } = [];

    public KeyValuePair<string, TalkBooking>? OfChild(string childId) =>
        Slots.FirstOrDefault(s => s.Value.ChildId == childId) is { Value: not null } found ? found : null;
}

public enum BookOutcome
{
    Booked,

    /// <summary>Someone else has the slot (or it does not exist).</summary>
    Taken,

    /// <summary>The child already has a talk with this teacher in this round.</summary>
    ChildHasOne,
}

/// <summary>A booked talk with where it is: round, teacher and slot.</summary>
public sealed record BookedTalk(TalkRound Round, TalkTeacher Teacher, Slot Slot, TalkBooking Booking);

/// <summary>
/// The bookings of a school, per round and teacher (schools/{id}/bookings/{round}/{teacher}). Every change is a
/// conditional write through DocumentCache.UpdateAsync: no in-process lock, so any number of instances
/// may book at once and a slot is never given twice. A cancelled or moved slot is free in the same write.
/// </summary>
public sealed class BookingStore(DocumentCache documents, IStateStore store)
{
    /// <summary>A round that opens gets every parent at once: a booking retries its write this often before giving up.</summary>
    public const int Attempts = 200;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Key(SchoolContext school, TalkRound round, string teacherId) => school.Key($"bookings/{round.Id}/{teacherId}");

    public static string IcsKey(SchoolContext school, string token) => school.Key($"bookings-ics/{token}");

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The teacher's document; <paramref name="fresh"/> reads the store (another instance may have written).</summary>
    public async Task<TeacherRoundDocument> ReadAsync(SchoolContext school, TalkRound round, string teacherId, CancellationToken cancellationToken, bool fresh = false) =>
        Parse((await documents.ReadAsync(Key(school, round, teacherId), cancellationToken, cached: !fresh)).Content);

    /// <summary>Books the slot for the child unless it is taken or the child has a talk with the teacher already (then that one's key).</summary>
    public async Task<(BookOutcome Outcome, string? Existing)> BookAsync(SchoolContext school, TalkRound round, string teacherId, string slotKey, TalkBooking booking, CancellationToken cancellationToken)
    {
        var result = await UpdateAsync(school, round, teacherId, doc =>
        {
            if (doc.Slots.TryGetValue(slotKey, out var holder))
            {
                return (holder.Id == booking.Id ? (BookOutcome.Booked, slotKey) : (BookOutcome.Taken, null), false);
            }

            if (doc.OfChild(booking.ChildId) is { } existing)
            {
                return ((BookOutcome.ChildHasOne, existing.Key), false);
            }

            if (round.FindSlot(teacherId, slotKey) is null)
            {
                return ((BookOutcome.Taken, null), false);
            }

            doc.Slots[slotKey] = booking;
            doc.Waiting.RemoveAll(w => w.ChildId == booking.ChildId);
            return ((BookOutcome.Booked, (string?)slotKey), true);
        }, cancellationToken);
        if (result.Item1 == BookOutcome.Booked)
        {
            await store.CreateIfAbsentAsync(IcsKey(school, booking.Ics), JsonSerializer.SerializeToUtf8Bytes(new IcsLink(round.Id, booking.Id, booking.Parent), Json), cancellationToken);
        }

        return result;
    }

    /// <summary>Moves the child's talk to another slot of the same teacher in one write: the old slot is free at once.</summary>
    public Task<BookOutcome> MoveAsync(SchoolContext school, TalkRound round, string teacherId, string childId, string toKey, CancellationToken cancellationToken) =>
        UpdateAsync(school, round, teacherId, doc =>
        {
            if (doc.OfChild(childId) is not { } current)
            {
                return (BookOutcome.Taken, false);
            }

            if (current.Key == toKey)
            {
                return (BookOutcome.Booked, false);
            }

            if (doc.Slots.ContainsKey(toKey) || round.FindSlot(teacherId, toKey) is null)
            {
                return (BookOutcome.Taken, false);
            }

            doc.Slots.Remove(current.Key);
            doc.Slots[toKey] = current.Value;
            return (BookOutcome.Booked, true);
        }, cancellationToken);

    /// <summary>Cancels the child's talk with the teacher; returns what was cancelled (null: there was none).</summary>
    public Task<TalkBooking?> CancelAsync(SchoolContext school, TalkRound round, string teacherId, string childId, CancellationToken cancellationToken) =>
        UpdateAsync(school, round, teacherId, doc =>
        {
            if (doc.OfChild(childId) is not { } current)
            {
                return ((TalkBooking?)null, false);
            }

            doc.Slots.Remove(current.Key);
            return (current.Value, true);
        }, cancellationToken);

    /// <summary>Puts the child on the teacher's waiting list (once); returns their place (1 = first).</summary>
    public Task<int> JoinWaitingListAsync(SchoolContext school, TalkRound round, string teacherId, WaitingEntry entry, CancellationToken cancellationToken) =>
        UpdateAsync(school, round, teacherId, doc =>
        {
            var index = doc.Waiting.FindIndex(w => w.ChildId == entry.ChildId);
            if (index >= 0)
            {
                return (index + 1, false);
            }

            doc.Waiting.Add(entry);
            return (doc.Waiting.Count, true);
        }, cancellationToken);

    /// <summary>The talks of these children in every round of the school (one read per child's teacher and round).</summary>
    public async Task<List<BookedTalk>> OfChildrenAsync(SchoolContext school, IEnumerable<School.Child> children, CancellationToken cancellationToken)
    {
        var talks = new List<BookedTalk>();
        var list = children.ToList();
        foreach (var round in school.Data.TalkRounds)
        {
            foreach (var teacher in list.Select(round.TeacherOf).OfType<TalkTeacher>().DistinctBy(t => t.Id))
            {
                var doc = await ReadAsync(school, round, teacher.Id, cancellationToken);
                foreach (var (key, booking) in doc.Slots.Where(s => list.Any(c => c.Id == s.Value.ChildId)))
                {
                    if (round.FindSlot(teacher.Id, key) is { } slot)
                    {
                        talks.Add(new BookedTalk(round, teacher, slot, booking));
                    }
                }
            }
        }

        return [.. talks.OrderBy(t => t.Slot.Start)];
    }

    /// <summary>Every booked talk of the school, read from the store (the office's overview and the teachers' feeds).</summary>
    public async Task<List<BookedTalk>> AllAsync(SchoolContext school, Func<TalkTeacher, bool> teachers, CancellationToken cancellationToken)
    {
        var talks = new List<BookedTalk>();
        foreach (var round in school.Data.TalkRounds)
        {
            foreach (var teacher in round.Teachers.Where(teachers))
            {
                var doc = await ReadAsync(school, round, teacher.Id, cancellationToken, fresh: true);
                foreach (var (key, booking) in doc.Slots)
                {
                    if (round.FindSlot(teacher.Id, key) is { } slot)
                    {
                        talks.Add(new BookedTalk(round, teacher, slot, booking));
                    }
                }
            }
        }

        return [.. talks.OrderBy(t => t.Slot.Start).ThenBy(t => t.Teacher.Name, StringComparer.Ordinal)];
    }

    /// <summary>The talks behind a parent's .ics link (one, or siblings' back to back; also after a move); empty when unknown or cancelled.</summary>
    public async Task<List<BookedTalk>> ByIcsTokensAsync(SchoolContext school, string token, CancellationToken cancellationToken)
    {
        if (token.Length is < 16 or > 64 || token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return [];
        }

        if (await store.ReadAsync(IcsKey(school, token), cancellationToken) is not { } stored
            || JsonSerializer.Deserialize<IcsLink>(stored.Content.Span, Json) is not { } link
            || school.Data.TalkRounds.FirstOrDefault(r => r.Id == link.Round) is not { } round
            || school.Data.FindParent(link.Parent) is not { } parent)
        {
            return [];
        }

        var talks = new List<BookedTalk>();
        foreach (var teacher in parent.Children.Select(round.TeacherOf).OfType<TalkTeacher>().DistinctBy(t => t.Id))
        {
            var doc = await ReadAsync(school, round, teacher.Id, cancellationToken, fresh: true);
            foreach (var (key, booking) in doc.Slots.Where(s => s.Value.Id == link.Booking && s.Value.Ics == token))
            {
                if (round.FindSlot(teacher.Id, key) is { } slot)
                {
                    talks.Add(new BookedTalk(round, teacher, slot, booking));
                }
            }
        }

        return [.. talks.OrderBy(t => t.Slot.Start)];
    }

    private Task<T> UpdateAsync<T>(SchoolContext school, TalkRound round, string teacherId, Func<TeacherRoundDocument, (T Result, bool Changed)> change, CancellationToken cancellationToken) =>
        documents.UpdateAsync(Key(school, round, teacherId), version =>
        {
            var doc = Parse(version.Content);
            var (result, changed) = change(doc);
            return Task.FromResult(changed ? Change<T>.Write(result, JsonSerializer.SerializeToUtf8Bytes(doc, Json)) : Change<T>.None(result));
        }, cancellationToken, attempts: Attempts);

    private static TeacherRoundDocument Parse(ReadOnlyMemory<byte> content) =>
        content.IsEmpty ? new TeacherRoundDocument() : JsonSerializer.Deserialize<TeacherRoundDocument>(content.Span, Json) ?? new TeacherRoundDocument();

    private sealed record IcsLink(string Round, string Booking, string Parent);
}
