using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace OuderBot.Storage;

/// <summary>
/// Read-modify-write with fewer round trips: keeps the last version of each document this instance wrote, with its
/// ETag, so the next change can skip the read. Writes are always ETag-checked: if another instance wrote meanwhile,
/// the write fails with <see cref="StoreConflictException"/>, the copy is dropped, and the caller's retry reads afresh.
/// Only for documents the bot changes itself; readers that must see other instances' writes read the store directly.
/// </summary>
public sealed class DocumentCache(IStateStore store, IOptions<StorageOptions> options) : IDisposable
{
    private static readonly MemoryCacheEntryOptions EntryOptions = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) };

    private readonly MemoryCache? _cache = options.Value.CacheConversations
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = 50_000 })
        : null;

    /// <summary>The document as this instance last wrote it, or as stored; <see cref="StoredVersion.ETag"/> is null when there is none.</summary>
    public async Task<StoredVersion> ReadAsync(string key, CancellationToken cancellationToken, bool cached = true)
    {
        if (cached && _cache?.Get<StoredVersion>(key) is { } copy)
        {
            return copy with { FromMemory = true };
        }

        var document = await store.ReadAsync(key, cancellationToken);
        return document is null ? new StoredVersion(key, ReadOnlyMemory<byte>.Empty, null) : new StoredVersion(key, document.Content, document.ETag);
    }

    /// <summary>Writes <paramref name="content"/> over the version that was read (creates it if there was none); keeps
    /// the written version for the next read when <paramref name="cached"/>.</summary>
    public async Task WriteAsync(StoredVersion read, byte[] content, CancellationToken cancellationToken, bool cached = true)
    {
        try
        {
            var etag = read.ETag is null
                ? await store.CreateAsync(read.Key, content, cancellationToken)
                : await store.ReplaceAsync(read.Key, content, read.ETag, cancellationToken);
            if (cached)
            {
                _cache?.Set(read.Key, new StoredVersion(read.Key, content, etag), EntryOptions);
            }
        }
        catch (Exception ex) when (ex is StoreConflictException or StoreUnavailableException)
        {
            _cache?.Remove(read.Key);
            throw;
        }
    }

    /// <summary>Forgets this instance's copy (after a delete, or when another instance is known to have written).</summary>
    /// <summary>
    /// Whether the copy in memory is still the stored version. A change that writes needs no such check (its If-Match
    /// does it); one that writes nothing does, or it would answer from a version another instance has replaced.
    /// </summary>
    public async Task<bool> IsCurrentAsync(StoredVersion version, CancellationToken cancellationToken)
    {
        if (!version.FromMemory || (await store.ReadAsync(version.Key, cancellationToken))?.ETag == version.ETag)
        {
            return true;
        }

        Forget(version.Key);
        return false;
    }

    public void Forget(string key) => _cache?.Remove(key);

    public void Dispose() => _cache?.Dispose();
}

/// <summary>A document as read for a change: its key, bytes and ETag (null: it does not exist yet).</summary>
public sealed record StoredVersion(string Key, ReadOnlyMemory<byte> Content, string? ETag)
{
    /// <summary>This instance's copy of the version it last wrote, not read from the store now.</summary>
    public bool FromMemory { get; init; }

    public bool Exists => ETag is not null;
}
