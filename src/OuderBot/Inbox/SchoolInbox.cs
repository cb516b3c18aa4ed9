using System.Globalization;
using System.Text.Json;
using OuderBot.Storage;

namespace OuderBot.Inbox;

/// <summary>What a person at school must read: a handoff, a question the bot could not answer, feedback, a talk request.</summary>
public sealed record InboxItem
{
    /// <summary>handoff, question, feedback, booking, privacy.</summary>
    public required string Kind { get; init; }
    public required string ParentPhone { get; init; }
    public required string ParentName { get; init; }

    /// <summary>The children it concerns: the one named, else all of the parent's children (the teachers of their groups read it).</summary>
    public required IReadOnlyList<string> ChildIds { get; init; }
    public required IReadOnlyList<string> Groups { get; init; }
    public required string Text { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Channel { get; init; }
}

/// <summary>
/// The school's inbox: one document per item, under "inbox/{yyyy-MM-dd}/", so the teachers' daily digest reads one
/// day with one listing. Created with create-if-absent under a unique key: a retried turn cannot overwrite another.
/// </summary>
public sealed class SchoolInbox(IStateStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AddAsync(InboxItem item, DateOnly localDay, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"inbox/{localDay:yyyy-MM-dd}/{item.ReceivedAt.UtcTicks:D19}-{Guid.NewGuid():N}");
        await store.CreateAsync(key, JsonSerializer.SerializeToUtf8Bytes(item, Json), cancellationToken);
    }

    /// <summary>Everything that arrived on one school day, oldest first.</summary>
    public async Task<IReadOnlyList<InboxItem>> ForDayAsync(DateOnly localDay, CancellationToken cancellationToken)
    {
        var items = new List<InboxItem>();
        await foreach (var key in store.ListKeysAsync(string.Create(CultureInfo.InvariantCulture, $"inbox/{localDay:yyyy-MM-dd}/"), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<InboxItem>(document.Content.Span, Json) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }
}
