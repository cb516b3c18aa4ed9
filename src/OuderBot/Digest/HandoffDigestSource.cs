using System.Text.Json;
using OuderBot.Inbox;

namespace OuderBot.Digest;

public sealed record DigestReply(string Text, DateTimeOffset ReceivedAt);

/// <summary>A question for the teacher: who asked about whom, what, whether it is still open, the answer and the parent's replies to it.</summary>
public sealed record DigestHandoff(
    string Id,
    string Kind,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Children,
    string Parent,
    string Question,
    string Status,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    string? Answer,
    IReadOnlyList<DigestReply> Replies,
    string? AnswerUrl);

/// <summary>
/// Questions the bot could not answer and requests to be called back (the school's inbox), for the teachers of the
/// children they concern, oldest first: every open one, and an answered one again when the parent replied to the
/// answer since the last digest (the reply under it). An answered one without a new reply has left the digest.
/// </summary>
internal sealed class HandoffDigestSource(SchoolInbox inbox, DigestStore store, DigestLinks links) : IDigestSource
{
    public const string ReplyKind = "handoff-reply";
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "handoff", "question" };
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "handoffs";

    public int Order => 30;

    public async Task<DigestSection> ReadAsync(DigestQuery query, CancellationToken cancellationToken)
    {
        var school = query.School;
        var items = await query.Run.SharedAsync($"inbox/{query.Date:yyyy-MM-dd}", () => KeptAsync(query, cancellationToken));
        var since = query.Since?.At ?? DateTimeOffset.MinValue;
        var entries = new List<DigestHandoff>();
        var phones = new List<string>();
        foreach (var (id, item) in items.Where(e => Kinds.Contains(e.Item.Kind) && e.Item.ReceivedAt <= query.AsOf && e.Item.Groups.Any(g => query.Teacher.Groups.Contains(g, StringComparer.OrdinalIgnoreCase))))
        {
            var answer = await store.AnswerAsync(school, id, cancellationToken);
            var replies = items.Where(e => e.Item.Kind == ReplyKind && e.Item.About == id && e.Item.ReceivedAt <= query.AsOf)
                .Select(e => new DigestReply(e.Item.Text, e.Item.ReceivedAt)).OrderBy(r => r.ReceivedAt).ToList();
            if (answer is not null && !replies.Any(r => r.ReceivedAt > since))
            {
                continue; // answered, and nothing new from the parent since: it has left the digest
            }

            phones.Add(item.ParentPhone);
            var children = item.ChildIds.Select(c => school.Data.Children.FirstOrDefault(x => x.Id == c)?.FirstName ?? c).ToList();
            entries.Add(new DigestHandoff(
                id,
                item.Kind,
                item.ReceivedAt,
                children,
                item.ParentName,
                item.Text,
                answer is null ? "open" : "answered",
                answer?.Teacher,
                answer?.AnsweredAt,
                answer?.Text,
                replies,
                answer is null ? links.AnswerUrl(school, query.TeacherId, id, query.AsOf + links.Lifetime) : null));
        }

        entries = [.. entries.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id, StringComparer.Ordinal)];
        var lines = entries.Select(h =>
        {
            var at = school.Clock.ToLocal(h.ReceivedAt);
            var head = $"{DigestWords.ShortDate(DateOnly.FromDateTime(at))} {DigestWords.Time(TimeOnly.FromDateTime(at))}, {h.Parent} over {string.Join(" en ", h.Children)}: {h.Question}";
            var notes = new List<string>();
            if (h.Answer is not null)
            {
                notes.Add($"Beantwoord door {h.AnsweredBy}: {h.Answer}");
            }

            notes.AddRange(h.Replies.Select(r => $"Reactie van {h.Parent}: {r.Text}"));
            return new DigestLine(h.Status == "open" ? head + " (open)" : head + " (beantwoord)", h.AnswerUrl, h.AnswerUrl is null ? null : "Beantwoorden", notes);
        }).ToList();

        var open = entries.Count(e => e.Status == "open");
        var replied = entries.Count - open;
        var parts = new List<string>();
        if (open > 0)
        {
            parts.Add(DigestWords.Count(open, "vraag", "vragen"));
        }

        if (replied > 0)
        {
            parts.Add(DigestWords.Count(replied, "reactie op uw antwoord", "reacties op uw antwoorden"));
        }

        return new DigestSection(Name, "Vragen van ouders", entries.Count > 0, parts.Count > 0 ? string.Join(", ", parts) : null,
            JsonSerializer.SerializeToElement(entries, Json), lines.Count > 0 ? [new DigestGroup(null, lines)] : [],
            ParentPhones: [.. phones.Distinct(StringComparer.Ordinal)]);
    }

    // The school keeps inbox items for its inbox period: an open question is shown until then.
    private async Task<IReadOnlyList<(string Id, InboxItem Item)>> KeptAsync(DigestQuery query, CancellationToken cancellationToken)
    {
        var all = new List<(string, InboxItem)>();
        for (var day = query.Date.AddDays(-query.School.Data.Retention.InboxDays); day <= query.Date; day = day.AddDays(1))
        {
            all.AddRange(await inbox.EntriesForDayAsync(query.School, day, cancellationToken));
        }

        return all;
    }
}
