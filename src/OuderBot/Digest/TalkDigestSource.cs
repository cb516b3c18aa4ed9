using System.Globalization;
using System.Text.Json;
using OuderBot.Booking;

namespace OuderBot.Digest;

/// <summary>A talk as the digest knows it (and remembers it, to tell what changed by the next digest).</summary>
public sealed record DigestTalk(
    string Id,
    string ChildId,
    string Child,
    string GroupName,
    string Parent,
    string Start,
    string End,
    string Room,
    string Round,
    DateTimeOffset BookedAt);

/// <summary>A talk moved since the last digest: from where to where.</summary>
public sealed record DigestMovedTalk(DigestTalk Talk, string From);

public sealed record DigestTalks(IReadOnlyList<DigestTalk> Booked, IReadOnlyList<DigestMovedTalk> Moved, IReadOnlyList<DigestTalk> Cancelled, IReadOnlyList<DigestTalk> Schedule);

/// <summary>
/// The teacher's parent-teacher talks from the booking store: booked, moved and cancelled since the last digest, and
/// the schedule of the coming days. The store keeps talks, not their history: the digest remembers the talks it saw
/// (its state) and compares, so a talk booked and cancelled between two digests is rightly no news. Before the first
/// digest, talks booked in the last day count as new.
/// </summary>
internal sealed class TalkDigestSource(BookingStore bookings, InvitationStore invitations) : IDigestSource
{
    public const int ScheduleDays = 7;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "talks";

    public int Order => 20;

    public async Task<DigestSection> ReadAsync(DigestQuery query, CancellationToken cancellationToken)
    {
        var school = query.School;
        var current = (await bookings.AllAsync(school, t => t.Id == query.TeacherId, cancellationToken))
            .Select(t => new DigestTalk(
                t.Booking.Id,
                t.Booking.ChildId,
                t.Booking.Child,
                school.Data.FindGroup(t.Booking.Group)?.Name ?? t.Booking.Group,
                t.Booking.ParentName,
                Stamp(t.Slot.Start),
                Stamp(t.Slot.End),
                t.Teacher.Room,
                t.Round.Name,
                t.Booking.BookedAt))
            .ToList();

        // The extra talks the teacher invited for, once a parent took a time (moved and cancelled like any talk).
        foreach (var invitation in (await invitations.BookedAsync(school, cancellationToken)).Where(i => i.TeacherId == query.TeacherId))
        {
            var child = school.Data.Children.FirstOrDefault(c => c.Id == invitation.ChildId);
            var start = invitation.Booked!.Value;
            current.Add(new DigestTalk(
                "invitation:" + invitation.Id,
                invitation.ChildId,
                child?.FirstName ?? invitation.ChildId,
                child is null ? "" : school.Data.FindGroup(child.GroupId)?.Name ?? child.GroupId,
                invitation.BookedByName ?? "",
                Stamp(start),
                Stamp(start.AddMinutes(invitation.Minutes)),
                invitation.Room ?? "",
                "extra gesprek",
                invitation.BookedAt ?? invitation.CreatedAt));
        }

        var before = query.Since is { } since && since.States.TryGetValue(Name, out var state) ? state.Deserialize<List<DigestTalk>>(Json) : null;
        var firstDay = Stamp(query.Date.ToDateTime(TimeOnly.MinValue));
        List<DigestTalk> booked;
        var moved = new List<DigestMovedTalk>();
        var cancelled = new List<DigestTalk>();
        if (before is null)
        {
            booked = [.. current.Where(t => t.BookedAt > query.AsOf.AddDays(-1))];
        }
        else
        {
            var was = before.ToDictionary(t => t.Id, StringComparer.Ordinal);
            var now = current.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            booked = [.. current.Where(t => !was.ContainsKey(t.Id))];
            moved = [.. current.Where(t => was.TryGetValue(t.Id, out var old) && old.Start != t.Start).Select(t => new DigestMovedTalk(t, was[t.Id].Start))];
            // A talk that took place is not cancelled when it later leaves the store.
            cancelled = [.. before.Where(t => !now.Contains(t.Id) && string.CompareOrdinal(t.Start, firstDay) >= 0)];
        }

        var lastDay = Stamp(query.Date.AddDays(ScheduleDays).ToDateTime(TimeOnly.MinValue));
        var schedule = current.Where(t => string.CompareOrdinal(t.Start, firstDay) >= 0 && string.CompareOrdinal(t.Start, lastDay) < 0).OrderBy(t => t.Start, StringComparer.Ordinal).ToList();
        var todayEnds = Stamp(query.Date.AddDays(1).ToDateTime(TimeOnly.MinValue));

        var groups = new List<DigestGroup>();
        if (booked.Count > 0)
        {
            groups.Add(new DigestGroup("Nieuw geboekt", [.. booked.OrderBy(t => t.Start, StringComparer.Ordinal).Select(t => new DigestLine(Line(t)))]));
        }

        if (moved.Count > 0)
        {
            groups.Add(new DigestGroup("Verzet", [.. moved.Select(m => new DigestLine($"{m.Talk.Child} ({m.Talk.GroupName}): van {When(m.From)} naar {When(m.Talk.Start)}, {m.Talk.Room}"))]));
        }

        if (cancelled.Count > 0)
        {
            groups.Add(new DigestGroup("Afgezegd", [.. cancelled.Select(t => new DigestLine($"{When(t.Start)} {t.Child} ({t.GroupName})"))]));
        }

        var news = booked.Count + moved.Count + cancelled.Count > 0 || schedule.Any(t => string.CompareOrdinal(t.Start, todayEnds) < 0);
        if (news && schedule.Count > 0)
        {
            groups.Add(new DigestGroup("Rooster komende dagen", [.. schedule.Select(t => new DigestLine(Line(t)))]));
        }

        var parts = new List<string>();
        if (booked.Count > 0)
        {
            parts.Add(DigestWords.Count(booked.Count, "nieuw gesprek", "nieuwe gesprekken"));
        }

        if (moved.Count > 0)
        {
            parts.Add(DigestWords.Count(moved.Count, "gesprek verzet", "gesprekken verzet"));
        }

        if (cancelled.Count > 0)
        {
            parts.Add(DigestWords.Count(cancelled.Count, "gesprek afgezegd", "gesprekken afgezegd"));
        }

        if (parts.Count == 0 && news)
        {
            parts.Add(DigestWords.Count(schedule.Count(t => string.CompareOrdinal(t.Start, todayEnds) < 0), "gesprek vandaag", "gesprekken vandaag"));
        }

        return new DigestSection(
            Name,
            "Gesprekken",
            news,
            parts.Count > 0 ? string.Join(", ", parts) : null,
            JsonSerializer.SerializeToElement(new DigestTalks(booked, moved, cancelled, schedule), Json),
            groups,
            JsonSerializer.SerializeToElement(current, Json));
    }

    private static string Line(DigestTalk t) => $"{When(t.Start)} {t.Child} ({t.GroupName}), met {t.Parent}" + (t.Room.Length > 0 ? ", " + t.Room : "");

    /// <summary>"di 1 dec 15.00".</summary>
    public static string When(string start)
    {
        var at = DateTime.ParseExact(start, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        return $"{DigestWords.ShortDate(DateOnly.FromDateTime(at))} {DigestWords.Time(TimeOnly.FromDateTime(at))}";
    }

    private static string Stamp(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
