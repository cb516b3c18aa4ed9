namespace OuderBot.Storage;

/// <summary>
/// The one storage contract for the bot's state: small JSON documents addressed by key, with optimistic
/// concurrency through ETags. Every implementation passes the same contract test suite.
/// </summary>
public interface IStateStore
{
    /// <summary>Reads a document, or returns null when there is none.</summary>
    Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Creates a document only if the key is free. Throws <see cref="StoreConflictException"/> when it exists.</summary>
    Task<string> CreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Replaces a document only if its current ETag is <paramref name="ifMatch"/>.
    /// Throws <see cref="StoreConflictException"/> when it changed or was deleted meanwhile.</summary>
    Task<string> ReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Deletes a document; with <paramref name="ifMatch"/> only if it is still that version.
    /// Returns false when there was nothing to delete; throws <see cref="StoreConflictException"/> on an ETag mismatch.</summary>
    Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the keys that start with <paramref name="prefix"/>, in ordinal order.</summary>
    IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Prepares the store (table, container) and checks that it answers.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);
}

/// <summary>A stored document: its bytes and the ETag of this version.</summary>
public sealed record StoredDocument(ReadOnlyMemory<byte> Content, string ETag);

/// <summary>The document changed (or appeared, or vanished) since it was read: read it again and retry.</summary>
public sealed class StoreConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The store did not answer (outage, time-out, throttling). Nothing was changed; the caller may retry later.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public static class StateStoreExtensions
{
    /// <summary>Creates the document unless it exists; true when this call created it. For markers and for
    /// documents keyed by what they record, where an earlier copy is the same thing.</summary>
    public static async Task<bool> CreateIfAbsentAsync(this IStateStore store, string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CreateAsync(key, content, cancellationToken);
            return true;
        }
        catch (StoreConflictException)
        {
            return false;
        }
    }

    /// <summary>An empty marker document: its key is what it says (an index entry).</summary>
    public static Task<bool> MarkAsync(this IStateStore store, string key, CancellationToken cancellationToken = default) =>
        store.CreateIfAbsentAsync(key, "{}"u8.ToArray(), cancellationToken);
}
