using System.Text.Json;
using OuderBot.Privacy;
using OuderBot.Storage;

namespace OuderBot.Booking;

/// <summary>
/// Booked talks, claims, waiting lists and .ics links of a round go once its last talk is the school's inbox period
/// (retention.inbox, default 30 days) in the past; an invitation as long after its talk (or its last time offered).
/// A round taken out of the school file is swept too: its documents go once the last talk or waiting-list entry
/// found for it (their keys carry the time) is as long past, or at once when there is none.
/// </summary>
internal sealed class BookingRetention(IStateStore store) : IRetentionPolicy
{
    public string Kind => "talk bookings";

    public async Task<int> PurgeAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        var school = context.School;
        var before = context.Today.AddDays(-context.Periods.InboxDays);
        var count = 0;
        var gone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var round in school.Data.TalkRounds.Where(r => DateOnly.FromDateTime(r.LastTalkEnds) < before))
        {
            gone.Add(round.Id);
            foreach (var prefix in new[] { $"bookings/{round.Id}/", $"bookings-waiting/{round.Id}/" })
            {
                foreach (var key in await RetentionSweep.KeysAsync(store, context.Prefix(prefix), cancellationToken))
                {
                    count += await store.DeleteAsync(key, cancellationToken: cancellationToken) ? 1 : 0;
                }
            }

            foreach (var key in (await RetentionSweep.KeysAsync(store, context.Prefix("bookings-holds/"), cancellationToken)).Where(k => k.Contains($"~{round.Id}~", StringComparison.Ordinal)))
            {
                await store.DeleteAsync(key, cancellationToken: cancellationToken);
            }
        }

        count += await PurgeRemovedRoundsAsync(context, before, gone, cancellationToken);

        var invitations = new HashSet<string>(StringComparer.Ordinal);
        count += await RetentionSweep.DeleteExpiredAsync(store, context.Prefix("invitations/"), document =>
        {
            var invitation = JsonSerializer.Deserialize<Invitation>(document.Content.Span, BookingStore.Json);
            var last = invitation?.Booked ?? invitation?.Slots.DefaultIfEmpty().Max();
            return last is { } at && DateOnly.FromDateTime(at) < before;
        }, cancellationToken, key => invitations.Add(key[(key.LastIndexOf('/') + 1)..]));

        // The parents' .ics links of what went.
        count += await RetentionSweep.DeleteExpiredAsync(store, context.Prefix("bookings-ics/"), document =>
        {
            var round = JsonDocument.Parse(document.Content).RootElement.GetProperty("round").GetString() ?? "";
            return gone.Contains(round) || (round.StartsWith("invitation:", StringComparison.Ordinal) && invitations.Contains(round["invitation:".Length..]));
        }, cancellationToken);
        return count;
    }

    private async Task<int> PurgeRemovedRoundsAsync(RetentionContext context, DateOnly before, HashSet<string> gone, CancellationToken cancellationToken)
    {
        var known = context.School.Data.TalkRounds.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var last = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var prefix in new[] { context.Prefix("bookings/"), context.Prefix("bookings-waiting/") })
        {
            foreach (var key in await RetentionSweep.KeysAsync(store, prefix, cancellationToken))
            {
                var rest = key[prefix.Length..];
                if (rest.IndexOf('/', StringComparison.Ordinal) is var slash && slash <= 0 || known.Contains(rest[..slash]))
                {
                    continue;
                }

                var round = rest[..slash];
                (keys.TryGetValue(round, out var list) ? list : keys[round] = []).Add(key);
                var name = rest[(rest.LastIndexOf('/') + 1)..];
                DateOnly? day = rest.Contains("/slots/", StringComparison.Ordinal) && DateTime.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start)
                    ? DateOnly.FromDateTime(start)
                    : name.Length > 19 && name[19] == '-' && long.TryParse(name[..19], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                        ? DateOnly.FromDateTime(new DateTime(ticks, DateTimeKind.Utc))
                        : null;
                if (day is { } d && (!last.TryGetValue(round, out var seen) || d > seen))
                {
                    last[round] = d;
                }
            }
        }

        var count = 0;
        foreach (var (round, roundKeys) in keys)
        {
            if (last.TryGetValue(round, out var day) && day >= before)
            {
                continue;
            }

            gone.Add(round);
            foreach (var key in roundKeys)
            {
                count += await store.DeleteAsync(key, cancellationToken: cancellationToken) ? 1 : 0;
            }

            foreach (var key in (await RetentionSweep.KeysAsync(store, context.Prefix("bookings-holds/"), cancellationToken)).Where(k => k.Contains($"~{round}~", StringComparison.Ordinal)))
            {
                await store.DeleteAsync(key, cancellationToken: cancellationToken);
            }
        }

        return count;
    }
}

/// <summary>
/// "Verwijder mijn gegevens": the parent's places on waiting lists go (they would otherwise be asked again). Booked
/// talks stay: they are appointments with the teacher, cancelled by chat ("het gesprek van Tim gaat niet door") and
/// gone with the round's retention.
/// </summary>
internal sealed class BookingEraser(BookingStore bookings) : IParentDataEraser
{
    public async Task<int> EraseAsync(OuderBot.Bot.SchoolContext school, string parentPhone, CancellationToken cancellationToken)
    {
        var count = 0;
        var parent = school.Data.FindParent(parentPhone);
        foreach (var round in school.Data.TalkRounds)
        {
            foreach (var child in parent?.Children ?? [])
            {
                if (round.TeacherOf(child) is not { } teacher)
                {
                    continue;
                }

                foreach (var (_, entry) in await bookings.WaitingAsync(school, round, teacher.Id, cancellationToken))
                {
                    if (entry.Parent == parentPhone && entry.ChildId == child.Id)
                    {
                        await bookings.LeaveWaitingListAsync(school, round, teacher.Id, child.Id, cancellationToken);
                        count++;
                    }
                }
            }
        }

        return count;
    }
}
