using System.Text.Json;
using Microsoft.Extensions.Options;
using OuderBot.Digest;

namespace OuderBot.Feedback;

/// <summary>A piece of feedback in a teacher's digest; for an anonymous one without parent, phone or children.</summary>
public sealed record DigestFeedback(
    string Id,
    string Kind,
    string? Topic,
    DateTimeOffset ReceivedAt,
    string Text,
    bool Anonymous,
    string? Parent,
    IReadOnlyList<string> Children,
    bool ContactWanted);

/// <summary>
/// The digest's "feedback" section: what parents said about this teacher since the teacher's last digest (the first
/// looks back Feedback:FirstDigestDays): compliments and suggestions, and complaints when the school's procedure starts
/// with the teacher. Anonymous ones carry no name, phone or child, and the children's and parent's names are left out
/// of the words.
/// </summary>
internal sealed class FeedbackDigestSource(FeedbackStore store, IOptionsMonitor<FeedbackOptions> options) : IDigestSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "feedback";

    public int Order => 40;

    public async Task<DigestSection> ReadAsync(DigestQuery query, CancellationToken cancellationToken)
    {
        var school = query.School;
        var since = query.Since?.At ?? query.AsOf - TimeSpan.FromDays(options.CurrentValue.FirstDigestDays);
        var first = DateOnly.FromDateTime(school.Clock.ToLocal(since));
        var items = await query.Run.SharedAsync($"feedback/{first:yyyy-MM-dd}/{query.Date:yyyy-MM-dd}", () => store.InRangeAsync(school, first, query.Date, cancellationToken));
        var entries = new List<DigestFeedback>();
        var phones = new List<string>();
        foreach (var (id, item) in items.Where(e => e.Item.TeacherId == query.TeacherId && e.Item.ReceivedAt > since && e.Item.ReceivedAt <= query.AsOf))
        {
            if (item.Kind == FeedbackKinds.Complaint && !school.Data.Complaints.TeacherFirst)
            {
                continue;
            }

            phones.Add(item.ParentPhone);
            var children = item.Anonymous ? [] : item.ChildIds.Select(c => school.Data.Children.FirstOrDefault(x => x.Id == c)?.FirstName ?? c).ToList();
            entries.Add(new DigestFeedback(id, item.Kind, item.Topic, item.ReceivedAt, FeedbackRules.ForTeacher(item, school.Data), item.Anonymous,
                item.Anonymous ? null : item.ParentName, children, item.ContactWanted));
        }

        var lines = entries.Select(f =>
        {
            var at = school.Clock.ToLocal(f.ReceivedAt);
            var from = f.Anonymous ? "anoniem" : $"van {f.Parent}" + (f.Children.Count > 0 ? $" ({string.Join(", ", f.Children)})" : "");
            var notes = f.ContactWanted ? (IReadOnlyList<string>)["De ouder wil graag contact: de administratie regelt dat."] : null;
            return new DigestLine($"{DigestWords.ShortDate(DateOnly.FromDateTime(at))} {DigestWords.Time(TimeOnly.FromDateTime(at))}, {Word(f.Kind)} {from}: {f.Text}", Notes: notes);
        }).ToList();
        var parts = FeedbackKinds.All.Select(k => (k, n: entries.Count(e => e.Kind == k))).Where(x => x.n > 0)
            .Select(x => DigestWords.Count(x.n, Word(x.k), Words(x.k))).ToList();
        return new DigestSection(Name, "Feedback van ouders", entries.Count > 0, parts.Count > 0 ? string.Join(", ", parts) : null,
            JsonSerializer.SerializeToElement(entries, Json), lines.Count > 0 ? [new DigestGroup(null, lines)] : [],
            ParentPhones: [.. phones.Distinct(StringComparer.Ordinal)]);
    }

    private static string Word(string kind) => kind switch
    {
        FeedbackKinds.Compliment => "compliment",
        FeedbackKinds.Complaint => "klacht",
        _ => "tip",
    };

    private static string Words(string kind) => kind switch
    {
        FeedbackKinds.Compliment => "complimenten",
        FeedbackKinds.Complaint => "klachten",
        _ => "tips",
    };
}
