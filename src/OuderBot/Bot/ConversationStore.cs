using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OuderBot.Storage;

namespace OuderBot.Bot;

/// <summary>
/// Loads and saves a parent's <see cref="ConversationData"/>. Writes are always ETag-checked. With
/// Storage:CacheConversations (the default) the last version this instance wrote is kept in memory, so a turn
/// usually needs no read: if another instance changed the document meanwhile, the write fails on its ETag,
/// the cached copy is dropped and the turn runs again on the stored version.
/// </summary>
public sealed class ConversationStore(IStateStore store, IOptions<StorageOptions> options) : IDisposable
{
    private readonly MemoryCache? _cache = options.Value.CacheConversations
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = 20_000 })
        : null;

    private static readonly MemoryCacheEntryOptions EntryOptions = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) };

    public static string Key(string parentPhone) => $"conversations/{parentPhone}";

    public async Task<LoadedConversation> LoadAsync(string parentPhone, CancellationToken cancellationToken)
    {
        var key = Key(parentPhone);
        if (_cache?.Get<StoredDocument>(key) is { } cached)
        {
            return new LoadedConversation(key, cached.Content, cached.ETag);
        }

        var document = await store.ReadAsync(key, cancellationToken);
        return document is null
            ? new LoadedConversation(key, ReadOnlyMemory<byte>.Empty, null)
            : new LoadedConversation(key, document.Content, document.ETag);
    }

    /// <summary>Saves the conversation if it changed. Throws <see cref="StoreConflictException"/> when someone else wrote first.</summary>
    public async Task SaveAsync(LoadedConversation loaded, ConversationData data, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, BotJsonContext.Default.ConversationData);
        if (loaded.ETag is not null && bytes.AsSpan().SequenceEqual(loaded.Content.Span))
        {
            return;
        }

        try
        {
            var etag = loaded.ETag is null
                ? await store.CreateAsync(loaded.Key, bytes, cancellationToken)
                : await store.ReplaceAsync(loaded.Key, bytes, loaded.ETag, cancellationToken);
            _cache?.Set(loaded.Key, new StoredDocument(bytes, etag), EntryOptions);
        }
        catch (StoreConflictException)
        {
            _cache?.Remove(loaded.Key);
            throw;
        }
        catch (StoreUnavailableException)
        {
            _cache?.Remove(loaded.Key);
            throw;
        }
    }

    /// <summary>Forgets what this instance remembers of a conversation (after a delete, or in tests).</summary>
    public void Forget(string parentPhone) => _cache?.Remove(Key(parentPhone));

    public void Dispose() => _cache?.Dispose();
}

/// <summary>A conversation as read: its bytes (to deserialize a fresh copy, or to see whether a turn changed it) and ETag.</summary>
public sealed record LoadedConversation(string Key, ReadOnlyMemory<byte> Content, string? ETag)
{
    public ConversationData Deserialize() =>
        Content.IsEmpty ? new ConversationData() : JsonSerializer.Deserialize(Content.Span, BotJsonContext.Default.ConversationData) ?? new ConversationData();
}
