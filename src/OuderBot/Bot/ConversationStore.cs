using System.Text.Json;
using OuderBot.Storage;

namespace OuderBot.Bot;

/// <summary>
/// Loads and saves a parent's <see cref="ConversationData"/> through the <see cref="DocumentCache"/>: a follow-up turn
/// on the same instance needs no read, and every write is ETag-checked.
/// </summary>
public sealed class ConversationStore(DocumentCache documents)
{
    public const string Prefix = "conversations/";

    /// <summary>The parent's conversation with one school: "schools/{school}/conversations/{phone}".</summary>
    public static string Key(SchoolContext school, string parentPhone) => school.Key(Prefix + parentPhone);

    public async Task<LoadedConversation> LoadAsync(SchoolContext school, string parentPhone, CancellationToken cancellationToken) =>
        new(await documents.ReadAsync(Key(school, parentPhone), cancellationToken));

    /// <summary>
    /// Reads the parent's conversation, lets <paramref name="turn"/> change it, and saves it if it changed (and
    /// <paramref name="turn"/> says to keep it), ETag-checked: on a conflict the turn runs again on the stored version.
    /// </summary>
    public Task<T> UpdateAsync<T>(SchoolContext school, string parentPhone, Func<LoadedConversation, ConversationData, Task<(T Result, bool Save)>> turn, int attempts, CancellationToken cancellationToken) =>
        documents.UpdateAsync(Key(school, parentPhone), async version =>
        {
            var loaded = new LoadedConversation(version);
            var data = loaded.Deserialize();
            var (result, save) = await turn(loaded, data);
            var bytes = save ? JsonSerializer.SerializeToUtf8Bytes(data, BotJsonContext.Default.ConversationData) : null;
            return bytes is null || (version.Exists && bytes.AsSpan().SequenceEqual(version.Content.Span)) ? Change<T>.None(result) : Change<T>.Write(result, bytes);
        }, cancellationToken, attempts: attempts);
}

/// <summary>A conversation as read: the stored version (to deserialize a fresh copy, or to see whether a turn changed it).</summary>
public sealed record LoadedConversation(StoredVersion Version)
{
    public ConversationData Deserialize() =>
        Version.Content.IsEmpty ? new ConversationData() : JsonSerializer.Deserialize(Version.Content.Span, BotJsonContext.Default.ConversationData) ?? new ConversationData();
}

/// <summary>A conversation goes when nothing moved in it for the school's period (default a week): no message from the
/// parent, no question the bot started.</summary>
internal sealed class ConversationRetention(IStateStore store, DocumentCache documents) : Privacy.IRetentionPolicy
{
    public string Kind => "conversations";

    public Task<int> PurgeAsync(Privacy.RetentionContext context, CancellationToken cancellationToken) =>
        Privacy.RetentionSweep.DeleteExpiredAsync(
            store,
            context.Prefix(ConversationStore.Prefix),
            d => (JsonSerializer.Deserialize(d.Content.Span, BotJsonContext.Default.ConversationData)?.ActiveAt ?? DateTimeOffset.MinValue) < context.Cutoff(context.Periods.ConversationDays),
            cancellationToken,
            documents.Forget);
}
