using System.Runtime.CompilerServices;

namespace OuderBot.Storage;

/// <summary>Counts every round trip to the real store, so the load harness can report round trips per turn.</summary>
public sealed class CountingStateStore(IStateStore inner) : IStateStore, IDisposable
{
    private static readonly AsyncLocal<StrongBox<long>?> Scope = new();
    private long _roundTrips;

    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>
    /// Counts the round trips of the code that runs in this async flow from now on (and only those: background work
    /// on other flows is not counted), for benchmarks and tests of what one operation costs.
    /// </summary>
    public static Func<long> CountHere()
    {
        var box = new StrongBox<long>();
        Scope.Value = box;
        return () => Interlocked.Read(ref box.Value);
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        Count();
        return inner.ReadAsync(key, cancellationToken);
    }

    public Task<string> CreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        Count();
        return inner.CreateAsync(key, content, cancellationToken);
    }

    public Task<string> ReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken = default)
    {
        Count();
        return inner.ReplaceAsync(key, content, ifMatch, cancellationToken);
    }

    public Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        Count();
        return inner.DeleteAsync(key, ifMatch, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Count();
        await foreach (var key in inner.ListKeysAsync(prefix, cancellationToken))
        {
            yield return key;
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private void Count()
    {
        Interlocked.Increment(ref _roundTrips);
        if (Scope.Value is { } box)
        {
            Interlocked.Increment(ref box.Value);
        }
    }
}
