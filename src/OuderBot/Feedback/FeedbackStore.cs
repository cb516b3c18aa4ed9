using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Feedback;

/// <summary>
/// The school's feedback: one document per piece under "schools/{school}/feedback/{yyyy-MM-dd}/{ticks}-{hash}", so a
/// range of days is read with one listing per day (the office endpoint, the digest). The key comes from the message (its
/// provider id, else sender and arrival time) and is written create-if-absent: a turn that runs again stores it once.
/// Looks at anonymous senders are kept under "feedback-audit/{yyyy-MM-dd}/", without the feedback's content.
/// </summary>
public sealed partial class FeedbackStore(IStateStore store)
{
    public const string Prefix = "feedback/";
    public const string AuditPrefix = "feedback-audit/";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keeps the item; returns its id ("2026-11-24.0639...-ab12..."), the same for a turn that runs again.</summary>
    public async Task<string> AddAsync(SchoolContext school, FeedbackItem item, string messageKey, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"feedback|{messageKey}")), 0, 12);
        var day = DateOnly.FromDateTime(school.Clock.ToLocal(item.ReceivedAt));
        var id = string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}.{item.ReceivedAt.UtcTicks:D19}-{hash}");
        await store.CreateIfAbsentAsync(KeyOf(school, id), JsonSerializer.SerializeToUtf8Bytes(item, Json), cancellationToken);
        return id;
    }

    /// <summary>Every piece that arrived on the school days from <paramref name="first"/> to <paramref name="last"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(string Id, FeedbackItem Item)>> InRangeAsync(SchoolContext school, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var prefix = school.Key(Prefix);
        var items = new List<(string, FeedbackItem)>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            await foreach (var key in store.ListKeysAsync(school.Key(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{day:yyyy-MM-dd}/")), cancellationToken))
            {
                if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<FeedbackItem>(document.Content.Span, Json) is { } item)
                {
                    items.Add((key[prefix.Length..].Replace('/', '.'), item));
                }
            }
        }

        return [.. items.OrderBy(i => i.Item2.ReceivedAt).ThenBy(i => i.Item1, StringComparer.Ordinal)];
    }

    /// <summary>The item with this id; null when there is none or the id is malformed.</summary>
    public async Task<FeedbackItem?> FindAsync(SchoolContext school, string id, CancellationToken cancellationToken) =>
        IdPattern().IsMatch(id) && await store.ReadAsync(KeyOf(school, id), cancellationToken) is { } document
            ? JsonSerializer.Deserialize<FeedbackItem>(document.Content.Span, Json)
            : null;

    /// <summary>Records a look at an anonymous sender (who, when, which item; no content).</summary>
    public Task AuditAsync(SchoolContext school, FeedbackAudit audit, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(school.Clock.ToLocal(audit.At));
        var key = school.Key(string.Create(CultureInfo.InvariantCulture, $"{AuditPrefix}{day:yyyy-MM-dd}/{audit.At.UtcTicks:D19}-{Guid.NewGuid():N}"));
        return store.CreateIfAbsentAsync(key, JsonSerializer.SerializeToUtf8Bytes(audit, Json), cancellationToken);
    }

    /// <summary>The looks at senders recorded on the school days from <paramref name="first"/> to <paramref name="last"/>, oldest first.</summary>
    public async Task<IReadOnlyList<FeedbackAudit>> AuditsAsync(SchoolContext school, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var audits = new List<FeedbackAudit>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            await foreach (var key in store.ListKeysAsync(school.Key(string.Create(CultureInfo.InvariantCulture, $"{AuditPrefix}{day:yyyy-MM-dd}/")), cancellationToken))
            {
                if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<FeedbackAudit>(document.Content.Span, Json) is { } audit)
                {
                    audits.Add(audit);
                }
            }
        }

        return [.. audits.OrderBy(a => a.At)];
    }

    private static string KeyOf(SchoolContext school, string id) => school.Key(Prefix + id[..10] + "/" + id[11..]);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}\.\d{19}-[0-9a-f]{24}$")]
    private static partial Regex IdPattern();
}
