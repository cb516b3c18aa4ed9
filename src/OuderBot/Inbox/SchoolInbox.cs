using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Privacy;
using OuderBot.School;
using OuderBot.Storage;

namespace OuderBot.Inbox;

/// <summary>What a person at school must read: a handoff, a question the bot could not answer, feedback, a talk request.</summary>
public sealed record InboxItem
{
    /// <summary>handoff, question, feedback, booking, privacy, announcement-reply.</summary>
    public required string Kind { get; init; }
    public required string ParentPhone { get; init; }
    public required string ParentName { get; init; }

    /// <summary>The children it concerns: the one named, else all of the parent's children (the teachers of their groups read it).</summary>
    public required IReadOnlyList<string> ChildIds { get; init; }
    public required IReadOnlyList<string> Groups { get; init; }
    public required string Text { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Channel { get; init; }

    /// <summary>What it answers, when it is a reply to something the school sent (an announcement's id).</summary>
    public string? About { get; init; }
}

/// <summary>
/// The school's inbox: one document per item, under "schools/{school}/inbox/{yyyy-MM-dd}/", so the teachers' daily
/// digest reads one day with one listing. The key is derived from the message (its provider id, else sender and
/// arrival time), and written create-if-absent: a turn that runs again after a conflict, or a retried webhook,
/// stores the item once.
/// </summary>
public sealed partial class SchoolInbox(IStateStore store)
{
    public const string Prefix = "inbox/";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The school day an item arrived, from its key (.../inbox/{yyyy-MM-dd}/...).</summary>
    public static DateOnly? DayOf(string key)
    {
        var at = key.IndexOf("/" + Prefix, StringComparison.Ordinal);
        var start = at < 0 ? (key.StartsWith(Prefix, StringComparison.Ordinal) ? Prefix.Length : -1) : at + Prefix.Length + 1;
        return start >= 0 && key.Length > start + 10 && DateOnly.TryParseExact(key.AsSpan(start, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>Keeps what the parent wrote in the school's inbox for the teachers of the child (or of all their children).</summary>
    public Task PassOnAsync(TurnContext turn, string kind, string text, Child? child, string? about = null)
    {
        var children = child is null ? turn.Parent.Children : [child];
        return AddAsync(
            turn.School,
            new InboxItem
            {
                Kind = kind,
                ParentPhone = turn.Parent.Phone,
                ParentName = turn.Parent.Name,
                ChildIds = children.Select(c => c.Id).ToList(),
                Groups = children.Select(c => c.GroupId).Distinct().ToList(),
                Text = text,
                ReceivedAt = turn.Message.ReceivedAt,
                Channel = turn.Message.Channel,
                About = about,
            },
            turn.Message.ProviderMessageId ?? $"{turn.Parent.Phone}|{turn.Message.ReceivedAt.UtcTicks}",
            turn.School.Clock.Today,
            turn.CancellationToken);
    }

    public async Task AddAsync(SchoolContext school, InboxItem item, string messageKey, DateOnly localDay, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{item.Kind}|{messageKey}")), 0, 12).ToLowerInvariant();
        var key = school.Key(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{localDay:yyyy-MM-dd}/{item.ReceivedAt.UtcTicks:D19}-{id}"));
        // Kept by an earlier run of the same turn, or now.
        await store.CreateIfAbsentAsync(key, JsonSerializer.SerializeToUtf8Bytes(item, Json), cancellationToken);
    }

    /// <summary>Everything that arrived at the school on one school day, oldest first.</summary>
    public async Task<IReadOnlyList<InboxItem>> ForDayAsync(SchoolContext school, DateOnly localDay, CancellationToken cancellationToken)
    {
        var items = new List<InboxItem>();
        await foreach (var key in store.ListKeysAsync(school.Key(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{localDay:yyyy-MM-dd}/")), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<InboxItem>(document.Content.Span, Json) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>
    /// <see cref="ForDayAsync"/> with each item's id: its key under the inbox with the day and the rest joined by a dot
    /// ("2026-11-24.0639...-ab12..."), stable for as long as the item is kept (the digest's answer links carry it).
    /// </summary>
    public async Task<IReadOnlyList<(string Id, InboxItem Item)>> EntriesForDayAsync(SchoolContext school, DateOnly localDay, CancellationToken cancellationToken)
    {
        var prefix = school.Key(Prefix);
        var entries = new List<(string, InboxItem)>();
        await foreach (var key in store.ListKeysAsync(school.Key(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{localDay:yyyy-MM-dd}/")), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<InboxItem>(document.Content.Span, Json) is { } item)
            {
                entries.Add((key[prefix.Length..].Replace('/', '.'), item));
            }
        }

        return entries;
    }

    /// <summary>The item with this id (see <see cref="EntriesForDayAsync"/>); null when there is none or the id is malformed.</summary>
    public async Task<InboxItem?> FindAsync(SchoolContext school, string id, CancellationToken cancellationToken)
    {
        if (!IdPattern().IsMatch(id))
        {
            return null;
        }

        return await store.ReadAsync(school.Key(Prefix + id.Replace('.', '/')), cancellationToken) is { } document
            ? JsonSerializer.Deserialize<InboxItem>(document.Content.Span, Json)
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}\.\d{19}-[0-9a-f]{24}$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}

/// <summary>Inbox items go the school's period (default 30 days) after the day they arrived; the key holds the day.</summary>
internal sealed class InboxRetention(IStateStore store) : Privacy.IRetentionPolicy
{
    public string Kind => "inbox";

    public async Task<int> PurgeAsync(Privacy.RetentionContext context, CancellationToken cancellationToken)
    {
        var last = context.Today.AddDays(-context.Periods.InboxDays);
        var count = 0;
        foreach (var key in await Privacy.RetentionSweep.KeysAsync(store, context.Prefix(SchoolInbox.Prefix), cancellationToken))
        {
            if (SchoolInbox.DayOf(key) is { } day && day < last && await store.DeleteAsync(key, cancellationToken: cancellationToken))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>"Verwijder mijn gegevens": every item the parent sent to the school.</summary>
internal sealed class InboxEraser(IStateStore store) : Privacy.IParentDataEraser
{
    public Task<int> EraseAsync(SchoolContext school, string parentPhone, CancellationToken cancellationToken) =>
        Privacy.RetentionSweep.DeleteExpiredAsync(store, school.Key(SchoolInbox.Prefix),
            d => JsonSerializer.Deserialize<InboxItem>(d.Content.Span, SchoolInbox.Json)?.ParentPhone == parentPhone, cancellationToken);
}

public static class InboxServiceCollectionExtensions
{
    /// <summary>The school's inbox and what goes into it from the chat (handoffs, feedback, talk requests); items expire and can be erased.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddSingleton<SchoolInbox>();
        services.AddMessageHandler<PassOnHandler>();
        services.AddRetentionPolicy<InboxRetention>();
        services.AddParentDataEraser<InboxEraser>();
        return services;
    }
}
