namespace OuderBot.Storage;

/// <summary>What a change made of a document: the caller's result, and the new content (null: nothing to write).</summary>
public readonly record struct Change<T>(T Result, byte[]? Content)
{
    public static Change<T> None(T result) => new(result, null);

    public static Change<T> Write(T result, byte[] content) => new(result, content);
}

public static class DocumentUpdateExtensions
{
    public const int DefaultAttempts = 5;

    /// <summary>
    /// The one way to change a stored document: read it (this instance's last written copy when
    /// <paramref name="cached"/>, else the store), let <paramref name="change"/> decide, write only if the ETag still
    /// matches (create if it did not exist), and on a conflict read again and redo the change, up to
    /// <paramref name="attempts"/> times; then the <see cref="StoreConflictException"/> reaches the caller.
    /// <paramref name="change"/> must be safe to run again: it sees the newest version each time.
    /// </summary>
    public static async Task<T> UpdateAsync<T>(
        this DocumentCache documents,
        string key,
        Func<StoredVersion, Task<Change<T>>> change,
        CancellationToken cancellationToken,
        bool cached = true,
        int attempts = DefaultAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            var version = await documents.ReadAsync(key, cancellationToken, cached);
            var outcome = await change(version);
            if (outcome.Content is null)
            {
                // Nothing to write: fine for the store's version, but a copy from memory may be stale (another instance
                // wrote since), and then the change is redone on the stored one.
                if (attempt >= attempts || await documents.IsCurrentAsync(version, cancellationToken))
                {
                    return outcome.Result;
                }

                continue;
            }

            try
            {
                await documents.WriteAsync(version, outcome.Content, cancellationToken, cached);
                return outcome.Result;
            }
            catch (StoreConflictException) when (attempt < attempts)
            {
                // Another turn or instance wrote first: a short random pause, then read again and redo.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }

    /// <summary><see cref="UpdateAsync{T}(DocumentCache, string, Func{StoredVersion, Task{Change{T}}}, CancellationToken, bool, int)"/> for a change that needs no awaiting.</summary>
    public static Task<T> UpdateAsync<T>(this DocumentCache documents, string key, Func<StoredVersion, Change<T>> change, CancellationToken cancellationToken, bool cached = true) =>
        documents.UpdateAsync(key, version => Task.FromResult(change(version)), cancellationToken, cached);
}
