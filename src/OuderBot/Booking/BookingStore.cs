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

    /// <summary>When this slot's document was last written (a booking, a move to it, a hold): a slot without its
    /// child's claim counts as left behind only when this is old, never a move that is still under way.</summary>
    public DateTimeOffset? WrittenAt { get; set; }

    /// <summary>New on every write of a slot (not on a turn's re-run): what tells one write from another at the same
    /// moment, e.g. a talk's reminder after it was moved away and back again.</summary>
    public string? Write { get; set; }

    public string? Topic { get; init; }

    /// <summary>The unguessable token of the parent's .ics link.</summary>
    public required string Ics { get; init; }

    /// <summary>Where the parent booked ("sms", "whatsapp", "local") and in which language: the reminder goes the same way.</summary>
    public string? Channel { get; init; }
    public string? Language { get; init; }

    /// <summary>Brothers and sisters with the same teacher in this one talk (the child's name then names them all): each
    /// has a claim on this slot too, so none of them gets a second slot with that teacher.</summary>
    public List<string>? With { get; init; }

    public bool IsFor(string childId) => ChildId == childId || (With?.Contains(childId) ?? false);

    /// <summary>Not a booking yet: the slot is held for a parent on the waiting list until then (their offer).</summary>
    public DateTimeOffset? HeldUntil { get; init; }
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

/// <summary>Which slot a child holds with a teacher in a round: the claim that keeps it to one.</summary>
public sealed record ChildClaim(string Slot, string Booking);

public enum BookOutcome
{
    Booked,

    /// <summary>Someone else has the slot (or it does not exist).</summary>
    Taken,

    /// <summary>The child already has a talk with this teacher in this round.</summary>
    ChildHasOne,
}

/// <summary>What <see cref="BookingStore.BookAsync"/> did: its outcome, the slot the child holds (booked, or the one
/// they had already), and whether this call wrote the slot just now (a new <see cref="TalkBooking.Write"/>, so nothing
/// with an id made from it, such as the talk's reminder, can have been queued before) rather than finding this very
/// booking there from an earlier run of the turn.</summary>
public readonly record struct BookResult(BookOutcome Outcome, string? Existing, bool WrittenNow = false);

/// <summary>A booked talk with where it is: round, teacher and slot.</summary>
public sealed record BookedTalk(TalkRound Round, TalkTeacher Teacher, Slot Slot, TalkBooking Booking);

/// <summary>
/// The bookings of a school: one document per slot (schools/{id}/bookings/{round}/{teacher}/slots/{start}), created
/// only if absent, so two parents never get one slot and parents taking different slots never wait for each other;
/// beside it one claim per child and teacher (.../children/{child}), also created only if absent, so a child never
/// holds two slots with one teacher in a round (a slot taken for a child who turns out to have one is deleted again
/// at once). No in-process lock: any number of instances book at once. A booking is two creates (and its .ics link),
/// a lost race one; a cancelled or moved slot's document is deleted at once.
/// </summary>
public sealed class BookingStore(DocumentCache documents, IStateStore store)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string TeacherPrefix(SchoolContext school, TalkRound round, string teacherId) => school.Key($"bookings/{round.Id}/{teacherId}/");

    private static string SlotKey(SchoolContext school, TalkRound round, string teacherId, string slot) => TeacherPrefix(school, round, teacherId) + "slots/" + slot;

    private static string ClaimKey(SchoolContext school, TalkRound round, string teacherId, string childId) => TeacherPrefix(school, round, teacherId) + "children/" + childId;

    public static string IcsKey(SchoolContext school, string token) => school.Key($"bookings-ics/{token}");

    /// <summary>Characters of a <see cref="NewToken"/> (16 random bytes).</summary>
    public const int TokenLength = 22;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // One listing per teacher at a time on this instance, shared by whoever asked before it started (SharedRead).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SharedRead<IReadOnlySet<string>>> _slotListings = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SharedRead<IReadOnlyList<string>>> _waitingListings = new(StringComparer.Ordinal);

    // Free slots this instance just offered to a parent whose time was taken (slot document -> booking, when): a hint
    // to offer the next parent another one; the create decides who gets it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Booking, DateTimeOffset At)> _offered = new(StringComparer.Ordinal);

    private static readonly TimeSpan OfferHint = TimeSpan.FromSeconds(30);

    // The slot creates this instance has under way, one per slot document: a parent who wants a slot another parent on
    // this instance is creating right now waits for that create and hears who holds the slot when it is done (a moment
    // during their own turn), instead of a create of their own that would lose and a read to see who won. Two hundred
    // parents who want forty times then cost the store about one create per time and instance, not two hundred.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SlotAttempt> _creating = new(StringComparer.Ordinal);

    /// <summary>A create of a slot document under way for a booking; <see cref="Holder"/> ends with
    /// the booking that holds the slot once it is done (the creator's, or the one found there), or null when the create
    /// neither succeeded nor found a holder (the store did not answer, the slot vanished again, the turn stopped).</summary>
    private sealed class SlotAttempt(string booking)
    {
        public string Booking { get; } = booking;
        public TaskCompletionSource<TalkBooking?> Holder { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Whether one of the option's slots, free in the listing, is likely gone by the time the parent answers:
    /// this instance is creating it for another parent right now, or offered it to another parent in the last half
    /// minute. A hint for which free time to offer first; the create decides.</summary>
    public bool LikelyTaken(SchoolContext school, TalkRound round, SlotOption option, string bookingId) =>
        option.Slots.Any(slot =>
        {
            var key = SlotKey(school, round, slot.TeacherId, slot.Key);
            return _creating.ContainsKey(key)
                || (_offered.TryGetValue(key, out var offer) && offer.Booking != bookingId && school.Clock.UtcNow - offer.At < OfferHint);
        });

    /// <summary>Whether every slot of the option is free now (one read each).</summary>
    public async Task<bool> AllFreeAsync(SchoolContext school, TalkRound round, SlotOption option, CancellationToken cancellationToken)
    {
        foreach (var slot in option.Slots)
        {
            if (await store.ReadAsync(SlotKey(school, round, slot.TeacherId, slot.Key), cancellationToken) is not null)
            {
                return false;
            }
        }

        return true;
    }

    public void NoteOffered(SchoolContext school, TalkRound round, SlotOption option, string bookingId)
    {
        if (_offered.Count > 10_000)
        {
            _offered.Clear();
        }

        foreach (var slot in option.Slots)
        {
            _offered[SlotKey(school, round, slot.TeacherId, slot.Key)] = (bookingId, school.Clock.UtcNow);
        }
    }

    /// <summary>The teacher's booked slots in the round (their keys), from a listing of the store that started after
    /// this call: what another instance booked before it is not offered. Parents asking at once share one listing.</summary>
    public Task<IReadOnlySet<string>> TakenAsync(SchoolContext school, TalkRound round, string teacherId, CancellationToken cancellationToken)
    {
        var prefix = TeacherPrefix(school, round, teacherId) + "slots/";
        return _slotListings.GetOrAdd(prefix, p => new SharedRead<IReadOnlySet<string>>(async token =>
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var key in store.ListKeysAsync(p, token))
            {
                taken.Add(key[p.Length..]);
            }

            return taken;
        })).ReadAsync(cancellationToken);
    }

    /// <summary>Books the slot for the child unless it is taken or the child has a talk with the teacher already (then that one's key).</summary>
    public async Task<BookResult> BookAsync(SchoolContext school, TalkRound round, string teacherId, string slotKey, TalkBooking booking, CancellationToken cancellationToken)
    {
        if (round.FindSlot(teacherId, slotKey) is null)
        {
            return new(BookOutcome.Taken, null);
        }

        // The slot first: most attempts in a race lose it, and then one create (or a wait for this instance's own) is all
        // they cost.
        var slotDocument = SlotKey(school, round, teacherId, slotKey);
        Stamp(school, booking);
        var (holder, slotETag) = await CreateSlotAsync(slotDocument, booking, cancellationToken);
        if (holder?.Id != booking.Id)
        {
            return new(BookOutcome.Taken, null);
        }

        // This very booking from an earlier run of the turn (on any instance: one that stopped before the conversation
        // was saved, or whose conversation write lost its ETag) holds it already: as stored, so the reminder's id is the
        // same one again.
        var writtenNow = slotETag is not null;
        if (!writtenNow)
        {
            (booking.WrittenAt, booking.Write) = (holder.WrittenAt, holder.Write);
        }

        // Then the child's claim: at most one talk with this teacher in this round.
        var claimKey = ClaimKey(school, round, teacherId, booking.ChildId);
        var claim = Serialize(new ChildClaim(slotKey, booking.Id));
        if (!await store.CreateIfAbsentAsync(claimKey, claim, cancellationToken))
        {
            var stored = await store.ReadAsync(claimKey, cancellationToken);
            var existing = stored is null ? null : JsonSerializer.Deserialize<ChildClaim>(stored.Content.Span, Json);
            var mine = existing is not null && existing.Booking == booking.Id && existing.Slot == slotKey;
            var live = existing is not null && !mine && (await SlotAsync(school, round, teacherId, existing.Slot, cancellationToken))?.ChildId == booking.ChildId;
            var claimed = mine;
            if (!mine && !live)
            {
                // Left by an attempt that failed halfway: this booking takes it over.
                try
                {
                    _ = stored is null ? await store.CreateAsync(claimKey, claim, cancellationToken) : await store.ReplaceAsync(claimKey, claim, stored.ETag, cancellationToken);
                    claimed = true;
                }
                catch (StoreConflictException)
                {
                    // The other parent of the child booked at this very moment.
                }
            }

            if (!claimed)
            {
                if (slotETag is not null)
                {
                    await DeleteIfUnchangedAsync(slotDocument, slotETag, cancellationToken);
                }

                return new(BookOutcome.ChildHasOne, existing?.Slot);
            }
        }

        foreach (var sibling in booking.With ?? [])
        {
            await store.CreateIfAbsentAsync(ClaimKey(school, round, teacherId, sibling), claim, cancellationToken);
        }

        // No document for the .ics link: its mark leads to the parent, its token to this booking (BookingLinks).
        return new(BookOutcome.Booked, slotKey, writtenNow);
    }

    /// <summary>Creates the slot's document for the booking, or finds who holds it: the holder (this booking when the
    /// create succeeded, with the new ETag), or null when the slot is held by nobody this call could see. While this
    /// instance is creating the slot for another parent, waits for that create instead of sending its own, and takes
    /// its outcome: it ended after this call began, so the slot was held at a moment of this turn. Only when that
    /// attempt found no holder does this one try for itself. The store decides every write (the create is
    /// conditional); nothing here orders parents across instances.</summary>
    private async Task<(TalkBooking? Holder, string? ETag)> CreateSlotAsync(string slotDocument, TalkBooking booking, CancellationToken cancellationToken)
    {
        while (true)
        {
            var attempt = new SlotAttempt(booking.Id);
            var underWay = _creating.GetOrAdd(slotDocument, attempt);
            if (underWay != attempt)
            {
                if (await underWay.Holder.Task.WaitAsync(cancellationToken) is { } found)
                {
                    return (found, null);
                }

                continue;
            }

            TalkBooking? holder = null;
            try
            {
                var eTag = await store.CreateAsync(slotDocument, Serialize(booking), cancellationToken);
                holder = booking;
                return (booking, eTag);
            }
            catch (StoreConflictException)
            {
                // Taken, unless by this very booking in an earlier run of the turn: the stored slot decides, never a
                // memory of this instance's. A slot freed again since the create's answer is held by nobody.
                holder = await SlotAsync(slotDocument, cancellationToken);
                return (holder, null);
            }
            finally
            {
                _creating.TryRemove(KeyValuePair.Create(slotDocument, attempt));
                attempt.Holder.TrySetResult(holder);
            }
        }
    }

    /// <summary>Moves the child's talk to another slot of the same teacher: the new one is taken first, then the
    /// child's claim is pointed at it and the old one is free at once. Every write after a read is conditional on what
    /// was read: a claim or slot the other parent changed meanwhile is re-read, never overwritten or deleted.</summary>
    public async Task<BookOutcome> MoveAsync(SchoolContext school, TalkRound round, string teacherId, string childId, string toKey, CancellationToken cancellationToken)
    {
        var claimKey = ClaimKey(school, round, teacherId, childId);
        for (var attempt = 0; ; attempt++)
        {
            if (await store.ReadAsync(claimKey, cancellationToken) is not { } stored
                || JsonSerializer.Deserialize<ChildClaim>(stored.Content.Span, Json) is not { } claim
                || await SlotReadAsync(school, round, teacherId, claim.Slot, cancellationToken) is not ({ } booking, { } oldETag)
                || booking.ChildId != childId)
            {
                return BookOutcome.Taken;
            }

            if (claim.Slot == toKey)
            {
                return BookOutcome.Booked;
            }

            if (round.FindSlot(teacherId, toKey) is null)
            {
                return BookOutcome.Taken;
            }

            Stamp(school, booking);
            var toDocument = SlotKey(school, round, teacherId, toKey);
            string toETag;
            try
            {
                toETag = await store.CreateAsync(toDocument, Serialize(booking), cancellationToken);
            }
            catch (StoreConflictException)
            {
                return BookOutcome.Taken;
            }

            try
            {
                await store.ReplaceAsync(claimKey, Serialize(claim with { Slot = toKey }), stored.ETag, cancellationToken);
            }
            catch (StoreConflictException) when (attempt < 3)
            {
                // The other parent of the child changed the talk meanwhile: give the new slot back and look again.
                await DeleteIfUnchangedAsync(toDocument, toETag, cancellationToken);
                continue;
            }

            foreach (var sibling in booking.With ?? [])
            {
                await documents.UpdateAsync(ClaimKey(school, round, teacherId, sibling), _ => Change<bool>.Write(true, Serialize(claim with { Slot = toKey })), cancellationToken, cached: false);
            }

            await DeleteIfUnchangedAsync(SlotKey(school, round, teacherId, claim.Slot), oldETag, cancellationToken);
            return BookOutcome.Booked;
        }
    }

    /// <summary>Cancels the child's talk with the teacher; returns what was cancelled (null: there was none). The slot
    /// is free at once. The slot and the claim are deleted only as they were read: a talk the other parent booked for
    /// the child meanwhile (taking the claim over) stays.</summary>
    public async Task<TalkBooking?> CancelAsync(SchoolContext school, TalkRound round, string teacherId, string childId, CancellationToken cancellationToken)
    {
        var claimKey = ClaimKey(school, round, teacherId, childId);
        for (var attempt = 0; ; attempt++)
        {
            if (await store.ReadAsync(claimKey, cancellationToken) is not { } stored || JsonSerializer.Deserialize<ChildClaim>(stored.Content.Span, Json) is not { } claim)
            {
                return null;
            }

            var (booking, slotETag) = await SlotReadAsync(school, round, teacherId, claim.Slot, cancellationToken);
            var mine = booking?.ChildId == childId;
            if (mine && !await DeleteIfUnchangedAsync(SlotKey(school, round, teacherId, claim.Slot), slotETag ?? "", cancellationToken) && attempt < 3)
            {
                continue; // the slot changed since it was read: look again
            }

            await DeleteIfUnchangedAsync(claimKey, stored.ETag, cancellationToken);
            foreach (var sibling in mine ? booking!.With ?? [] : [])
            {
                // The brothers' and sisters' claims on this one talk: free to book again, unless one points elsewhere by now.
                var siblingKey = ClaimKey(school, round, teacherId, sibling);
                if (await store.ReadAsync(siblingKey, cancellationToken) is { } theirs && JsonSerializer.Deserialize<ChildClaim>(theirs.Content.Span, Json) == claim)
                {
                    await DeleteIfUnchangedAsync(siblingKey, theirs.ETag, cancellationToken);
                }
            }

            return mine ? booking : null;
        }
    }

    /// <summary>Deletes a document only if it is still the version read; false when it changed or is gone.</summary>
    private async Task<bool> DeleteIfUnchangedAsync(string key, string eTag, CancellationToken cancellationToken)
    {
        try
        {
            return await store.DeleteAsync(key, eTag, cancellationToken);
        }
        catch (StoreConflictException)
        {
            return false;
        }
    }

    private async Task<(TalkBooking? Booking, string? ETag)> SlotReadAsync(SchoolContext school, TalkRound round, string teacherId, string slotKey, CancellationToken cancellationToken) =>
        await store.ReadAsync(SlotKey(school, round, teacherId, slotKey), cancellationToken) is { } stored
            ? (JsonSerializer.Deserialize<TalkBooking>(stored.Content.Span, Json), stored.ETag)
            : (null, null);

    /// <summary>The booking of one slot; null when it is free.</summary>
    public Task<TalkBooking?> SlotAsync(SchoolContext school, TalkRound round, string teacherId, string slotKey, CancellationToken cancellationToken) =>
        SlotAsync(SlotKey(school, round, teacherId, slotKey), cancellationToken);

    private async Task<TalkBooking?> SlotAsync(string slotDocument, CancellationToken cancellationToken) =>
        await store.ReadAsync(slotDocument, cancellationToken) is { } stored
            ? JsonSerializer.Deserialize<TalkBooking>(stored.Content.Span, Json)
            : null;

    private static void Stamp(SchoolContext school, TalkBooking booking)
    {
        booking.WrittenAt = school.Clock.UtcNow;
        booking.Write = NewToken()[..12];
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);

    /// <summary>Puts the child on the teacher's waiting list (once); returns their place (1 = first). The entry first,
    /// then a listing that started after it was written: the place counts everyone before it, also those who joined at
    /// the same moment on another instance, and hundreds of parents joining at once never conflict (each writes its own
    /// document) and share a few listings. A child who was on the list already keeps that place (this entry goes).</summary>
    public async Task<int> JoinWaitingListAsync(SchoolContext school, TalkRound round, string teacherId, WaitingEntry entry, CancellationToken cancellationToken)
    {
        var prefix = WaitingPrefix(school, round, teacherId);
        var key = prefix + $"{entry.Since.UtcTicks:D19}-{entry.ChildId}";
        await store.CreateIfAbsentAsync(key, JsonSerializer.SerializeToUtf8Bytes(entry, Json), cancellationToken);
        var waiting = await WaitingKeysAsync(school, round, teacherId, cancellationToken);
        var first = waiting.FirstOrDefault(k => WaitingChild(prefix, k) == entry.ChildId) ?? key;
        if (string.CompareOrdinal(first, key) < 0)
        {
            // Already waiting (an earlier request, or this turn's earlier run): the one entry stays, at its place.
            await store.DeleteAsync(key, cancellationToken: cancellationToken);
        }

        return waiting.Count(k => string.CompareOrdinal(k, first) < 0) + 1;
    }

    /// <summary>Takes the child off the teacher's waiting list (booked, declined, or their offer ran out).</summary>
    public async Task LeaveWaitingListAsync(SchoolContext school, TalkRound round, string teacherId, string childId, CancellationToken cancellationToken)
    {
        var prefix = WaitingPrefix(school, round, teacherId);
        foreach (var key in (await WaitingKeysAsync(school, round, teacherId, cancellationToken)).Where(k => WaitingChild(prefix, k) == childId))
        {
            await store.DeleteAsync(key, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The child of a waiting-list key ({prefix}{ticks:D19}-{child}).</summary>
    private static string? WaitingChild(string prefix, string key) =>
        key.Length > prefix.Length + 20 && key[prefix.Length + 19] == '-' ? key[(prefix.Length + 20)..] : null;

    /// <summary>Claims a waiting parent's entry for an offer until then, with the ETag of its read: false when it has an
    /// offer running or another instance claimed it a moment ago (then that one holds a slot for them, this one not).</summary>
    public async Task<bool> ClaimForOfferAsync(string waitingKey, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (await store.ReadAsync(waitingKey, cancellationToken) is not { } stored
            || JsonSerializer.Deserialize<WaitingEntry>(stored.Content.Span, Json) is not { } entry
            || entry.OfferedUntil > now)
        {
            return false;
        }

        entry.OfferedSlot = null;
        entry.OfferedUntil = until;
        try
        {
            await store.ReplaceAsync(waitingKey, Serialize(entry), stored.ETag, cancellationToken);
            return true;
        }
        catch (StoreConflictException)
        {
            return false;
        }
    }

    /// <summary>Gives back a claim for an offer that found no slot to hold.</summary>
    public Task UnclaimAsync(string waitingKey, CancellationToken cancellationToken) =>
        documents.UpdateAsync(waitingKey, version =>
        {
            if (!version.Exists || JsonSerializer.Deserialize<WaitingEntry>(version.Content.Span, Json) is not { OfferedSlot: null } entry)
            {
                return Change<bool>.None(false);
            }

            entry.OfferedUntil = null;
            return Change<bool>.Write(true, Serialize(entry));
        }, cancellationToken, cached: false);

    /// <summary>Marks a waiting parent's entry as having an offer until then.</summary>
    public Task MarkOfferedAsync(SchoolContext school, string waitingKey, string slotKey, DateTimeOffset until, CancellationToken cancellationToken) =>
        documents.UpdateAsync(waitingKey, version =>
        {
            if (!version.Exists || JsonSerializer.Deserialize<WaitingEntry>(version.Content.Span, Json) is not { } entry)
            {
                return Change<bool>.None(false);
            }

            entry.OfferedSlot = slotKey;
            entry.OfferedUntil = until;
            return Change<bool>.Write(true, Serialize(entry));
        }, cancellationToken, cached: false);

    /// <summary>Holds a free slot for a waiting parent until <paramref name="until"/>; false when it was taken meanwhile.</summary>
    public async Task<bool> HoldAsync(SchoolContext school, TalkRound round, string teacherId, string slotKey, WaitingEntry entry, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var hold = new TalkBooking
        {
            Id = "hold-" + Guid.NewGuid().ToString("N"),
            ChildId = entry.ChildId,
            Child = entry.Child,
            Group = "",
            Parent = entry.Parent,
            ParentName = "",
            Ics = "",
            HeldUntil = until,
            WrittenAt = school.Clock.UtcNow,
        };
        // The expiry marker first: an instance that stops between the two leaves a marker that frees nothing, never a
        // hold that does not run out.
        await store.MarkAsync(HoldMarker(school, until, round, teacherId, slotKey), cancellationToken);
        return await store.CreateIfAbsentAsync(SlotKey(school, round, teacherId, slotKey), Serialize(hold), cancellationToken);
    }

    /// <summary>The waiting parent said yes in time: the held slot becomes their booking (one ETag-checked write).
    /// <c>Taken</c> false when the hold is gone, ran out or is another child's; <c>WrittenNow</c> as in <see cref="BookResult"/>.</summary>
    public async Task<(bool Taken, bool WrittenNow)> TakeHoldAsync(SchoolContext school, TalkRound round, string teacherId, string slotKey, TalkBooking booking, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = SlotKey(school, round, teacherId, slotKey);
        if (await store.ReadAsync(key, cancellationToken) is not { } stored
            || JsonSerializer.Deserialize<TalkBooking>(stored.Content.Span, Json) is not { } held)
        {
            return (false, false);
        }

        var writtenNow = true;
        if (held.Id == booking.Id)
        {
            // This turn ran before and may have stopped after the slot: the claim, link and waiting list below are
            // written again (each the same as before).
            (booking.WrittenAt, booking.Write, writtenNow) = (held.WrittenAt, held.Write, false);
        }
        else
        {
            if (held.HeldUntil is not { } until || until <= now || held.ChildId != booking.ChildId)
            {
                return (false, false);
            }

            Stamp(school, booking);
            try
            {
                await store.ReplaceAsync(key, Serialize(booking), stored.ETag, cancellationToken);
            }
            catch (StoreConflictException)
            {
                return (false, false);
            }
        }

        await documents.UpdateAsync(ClaimKey(school, round, teacherId, booking.ChildId), _ => Change<bool>.Write(true, Serialize(new ChildClaim(slotKey, booking.Id))), cancellationToken, cached: false);
        await LeaveWaitingListAsync(school, round, teacherId, booking.ChildId, cancellationToken);
        return (true, writtenNow);
    }

    /// <summary>Frees a held slot that is still held for this child (declined or run out); true when it was.</summary>
    public async Task<bool> ReleaseHoldAsync(SchoolContext school, TalkRound round, string teacherId, string slotKey, string childId, CancellationToken cancellationToken)
    {
        var key = SlotKey(school, round, teacherId, slotKey);
        if (await store.ReadAsync(key, cancellationToken) is not { } stored
            || JsonSerializer.Deserialize<TalkBooking>(stored.Content.Span, Json) is not { HeldUntil: not null } held
            || held.ChildId != childId)
        {
            return false;
        }

        try
        {
            return await store.DeleteAsync(key, stored.ETag, cancellationToken);
        }
        catch (StoreConflictException)
        {
            return false;
        }
    }

    /// <summary>Holds whose time has run out, oldest first: one listing that stops at the first one still running.</summary>
    public async Task<List<(string Marker, TalkRound Round, string Teacher, string Slot)>> ExpiredHoldsAsync(SchoolContext school, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prefix = school.Key("bookings-holds/");
        var expired = new List<(string, TalkRound, string, string)>();
        await foreach (var key in store.ListKeysAsync(prefix, cancellationToken))
        {
            var parts = key[prefix.Length..].Split('~');
            if (parts.Length != 4 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks))
            {
                continue;
            }

            if (new DateTimeOffset(ticks, TimeSpan.Zero) > now)
            {
                break;
            }

            if (school.Data.TalkRounds.FirstOrDefault(r => r.Id == parts[1]) is { } round)
            {
                expired.Add((key, round, parts[2], parts[3]));
            }
        }

        return expired;
    }

    public Task DeleteMarkerAsync(string key, CancellationToken cancellationToken) => store.DeleteAsync(key, cancellationToken: cancellationToken);

    private static string HoldMarker(SchoolContext school, DateTimeOffset until, TalkRound round, string teacherId, string slotKey) =>
        school.Key($"bookings-holds/{until.UtcTicks:D19}~{round.Id}~{teacherId}~{slotKey}");

    /// <summary>The waiting list of a teacher in a round, first come first.</summary>
    public async Task<List<(string Key, WaitingEntry Entry)>> WaitingAsync(SchoolContext school, TalkRound round, string teacherId, CancellationToken cancellationToken)
    {
        var entries = new List<(string, WaitingEntry)>();
        foreach (var key in await WaitingKeysAsync(school, round, teacherId, cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } stored && JsonSerializer.Deserialize<WaitingEntry>(stored.Content.Span, Json) is { } entry)
            {
                entries.Add((key, entry));
            }
        }

        return entries;
    }

    public static string WaitingPrefix(SchoolContext school, TalkRound round, string teacherId) => school.Key($"bookings-waiting/{round.Id}/{teacherId}/");

    /// <summary>The waiting list's keys in order, from a listing that started after this call (shared like <see cref="TakenAsync"/>).</summary>
    private Task<IReadOnlyList<string>> WaitingKeysAsync(SchoolContext school, TalkRound round, string teacherId, CancellationToken cancellationToken) =>
        _waitingListings.GetOrAdd(WaitingPrefix(school, round, teacherId), prefix => new SharedRead<IReadOnlyList<string>>(async token =>
        {
            var keys = new List<string>();
            await foreach (var key in store.ListKeysAsync(prefix, token))
            {
                keys.Add(key);
            }

            return keys;
        })).ReadAsync(cancellationToken);

    /// <summary>The talks of these children in every round of the school (one read of the child's claim, one of its slot).</summary>
    public async Task<List<BookedTalk>> OfChildrenAsync(SchoolContext school, IEnumerable<School.Child> children, CancellationToken cancellationToken)
    {
        var talks = new List<BookedTalk>();
        foreach (var round in school.Data.TalkRounds)
        {
            foreach (var child in children)
            {
                if (round.TeacherOf(child) is { } teacher && await TalkOfAsync(school, round, teacher, child.Id, cancellationToken) is { } talk)
                {
                    talks.Add(talk);
                }
            }
        }

        return [.. talks.DistinctBy(t => (t.Round.Id, t.Teacher.Id, t.Slot.Key)).OrderBy(t => t.Slot.Start)];
    }

    /// <summary>Every booked talk of the school (the office's overview and the teachers' feeds).</summary>
    public async Task<List<BookedTalk>> AllAsync(SchoolContext school, Func<TalkTeacher, bool> teachers, CancellationToken cancellationToken)
    {
        var talks = new List<BookedTalk>();
        foreach (var round in school.Data.TalkRounds)
        {
            foreach (var teacher in round.Teachers.Where(teachers))
            {
                foreach (var key in await TakenAsync(school, round, teacher.Id, cancellationToken))
                {
                    if (round.FindSlot(teacher.Id, key) is not { } slot || await SlotReadAsync(school, round, teacher.Id, key, cancellationToken) is not ({ HeldUntil: null } booking, { } eTag))
                    {
                        continue;
                    }

                    if (await ClaimAsync(school, round, teacher.Id, booking.ChildId, cancellationToken) is { } claim && claim.Slot == key && claim.Booking == booking.Id)
                    {
                        talks.Add(new BookedTalk(round, teacher, slot, booking));
                    }
                    else if (school.Clock.UtcNow - (booking.WrittenAt ?? booking.BookedAt) > OrphanAge)
                    {
                        // A slot without its child's claim: an attempt that stopped halfway (an instance died between the
                        // two creates). Not a talk; freed once it is clearly not one in progress (its last write is old,
                        // so not a move under way) and only as read (not a booking made since).
                        await DeleteIfUnchangedAsync(SlotKey(school, round, teacher.Id, key), eTag, cancellationToken);
                    }
                }
            }
        }

        return [.. talks.OrderBy(t => t.Slot.Start).ThenBy(t => t.Teacher.Name, StringComparer.Ordinal)];
    }

    // When this instance last swept a teacher's slots (an optimisation only: correctness rests on the ETags).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _lastSweep = new();

    /// <summary>Frees the teacher's slots left behind by attempts that stopped halfway (a slot without its child's
    /// claim, last written more than <see cref="OrphanAge"/> ago), deleting each only as read; how many went. Run where
    /// parents are offered times and find none free, so a leftover never makes a round look full.</summary>
    public async Task<int> SweepLeftBehindAsync(SchoolContext school, TalkRound round, string teacherId, CancellationToken cancellationToken)
    {
        // A leftover only counts after OrphanAge: sweeping one teacher more often than every half of that finds nothing
        // new, and would cost a read per slot for every parent who finds the teacher full (the race at a round's opening).
        // Every slot of a round is written after it opened: in its first OrphanAge nothing can be left behind yet.
        if (school.Clock.LocalNow - round.Opens <= OrphanAge)
        {
            return 0;
        }

        var now = school.Clock.UtcNow;
        var sweepKey = $"{school.Id}/{round.Id}/{teacherId}";
        if (_lastSweep.TryGetValue(sweepKey, out var last) && now - last < OrphanAge / 2)
        {
            return 0;
        }

        _lastSweep[sweepKey] = now;
        var freed = 0;
        foreach (var key in await TakenAsync(school, round, teacherId, cancellationToken))
        {
            if (await SlotReadAsync(school, round, teacherId, key, cancellationToken) is not ({ HeldUntil: null } booking, { } eTag)
                || school.Clock.UtcNow - (booking.WrittenAt ?? booking.BookedAt) <= OrphanAge
                || (await ClaimAsync(school, round, teacherId, booking.ChildId, cancellationToken) is { } claim && claim.Slot == key && claim.Booking == booking.Id))
            {
                continue;
            }

            freed += await DeleteIfUnchangedAsync(SlotKey(school, round, teacherId, key), eTag, cancellationToken) ? 1 : 0;
        }

        return freed;
    }

    /// <summary>The talks behind a parent's .ics link with its mark (<see cref="BookingLinks.Read"/>): every talk of
    /// these parents' children, in any round, whose booking has the token (one, or siblings' back to back; also after
    /// a move, by either parent); empty when none or cancelled.</summary>
    public async Task<List<BookedTalk>> ByIcsTokensAsync(SchoolContext school, IReadOnlyList<School.Parent> parents, string token, CancellationToken cancellationToken)
    {
        var talks = new List<BookedTalk>();
        var expected = System.Text.Encoding.ASCII.GetBytes(token);
        foreach (var round in school.Data.TalkRounds)
        {
            foreach (var child in parents.SelectMany(p => p.Children).DistinctBy(c => c.Id))
            {
                if (round.TeacherOf(child) is { } teacher && await TalkOfAsync(school, round, teacher, child.Id, cancellationToken) is { } talk
                    && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(talk.Booking.Ics), expected))
                {
                    talks.Add(talk);
                }
            }
        }

        return [.. talks.DistinctBy(t => (t.Round.Id, t.Teacher.Id, t.Slot.Key)).OrderBy(t => t.Slot.Start)];
    }

    /// <summary>The talks behind a parent's .ics link of a talk booked before the links had a mark (a document per
    /// link, bookings-ics/{token}); empty when unknown or cancelled.</summary>
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
        foreach (var child in parent.Children)
        {
            if (round.TeacherOf(child) is { } teacher && await TalkOfAsync(school, round, teacher, child.Id, cancellationToken) is { } talk
                && talk.Booking.Id == link.Booking && talk.Booking.Ics == token)
            {
                talks.Add(talk);
            }
        }

        return [.. talks.DistinctBy(t => (t.Teacher.Id, t.Slot.Key)).OrderBy(t => t.Slot.Start)];
    }

    /// <summary>How old a slot without its claim must be before it counts as left behind.</summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(10);

    private async Task<ChildClaim?> ClaimAsync(SchoolContext school, TalkRound round, string teacherId, string childId, CancellationToken cancellationToken) =>
        await store.ReadAsync(ClaimKey(school, round, teacherId, childId), cancellationToken) is { } stored ? JsonSerializer.Deserialize<ChildClaim>(stored.Content.Span, Json) : null;

    private async Task<BookedTalk?> TalkOfAsync(SchoolContext school, TalkRound round, TalkTeacher teacher, string childId, CancellationToken cancellationToken)
    {
        if (await store.ReadAsync(ClaimKey(school, round, teacher.Id, childId), cancellationToken) is not { } stored
            || JsonSerializer.Deserialize<ChildClaim>(stored.Content.Span, Json) is not { } claim
            || round.FindSlot(teacher.Id, claim.Slot) is not { } slot
            || await SlotAsync(school, round, teacher.Id, claim.Slot, cancellationToken) is not { } booking
            || !booking.IsFor(childId))
        {
            return null;
        }

        return new BookedTalk(round, teacher, slot, booking);
    }

    private sealed record IcsLink(string Round, string Booking, string Parent);
}
