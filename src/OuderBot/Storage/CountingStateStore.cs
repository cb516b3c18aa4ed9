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

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken = default) =>
        TracedAsync("read", key, () => inner.ReadAsync(key, cancellationToken));

    public Task<string> CreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        TracedAsync("create", key, () => inner.CreateAsync(key, content, cancellationToken));

    public Task<string> ReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken = default) =>
        TracedAsync("replace", key, () => inner.ReplaceAsync(key, content, ifMatch, cancellationToken));

    public Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        TracedAsync("delete", key, () => inner.DeleteAsync(key, ifMatch, cancellationToken));

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Count("list");
        using var activity = StartActivity("list", prefix);
        await foreach (var key in inner.ListKeysAsync(prefix, cancellationToken))
        {
            yield return key;
        }
    }

    // A span per call under the turn's (or the worker's) span: the operation and the document kind, never the key.
    private static System.Diagnostics.Activity? StartActivity(string operation, string key)
    {
        var activity = Operations.BotTelemetry.Source.StartActivity("store " + operation, System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("ouderbot.store.operation", operation);
        activity?.SetTag("ouderbot.store.kind", Operations.BotTelemetry.KindOf(key));
        return activity;
    }

    private async Task<T> TracedAsync<T>(string operation, string key, Func<Task<T>> call)
    {
        Count(operation);
        using var activity = StartActivity(operation, key);
        try
        {
            return await call();
        }
        catch (StoreConflictException)
        {
            Operations.BotTelemetry.StoreConflicts.Add(1, Operations.BotTelemetry.Tag("operation", operation), Operations.BotTelemetry.Tag("kind", Operations.BotTelemetry.KindOf(key)));
            activity?.SetTag("ouderbot.store.conflict", true);
            throw;
        }
        catch (StoreUnavailableException)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "store unavailable");
            throw;
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private void Count(string operation)
    {
        Operations.BotTelemetry.StoreRoundTrips.Add(1, Operations.BotTelemetry.Tag("operation", operation));
        Interlocked.Increment(ref _roundTrips);
        if (Scope.Value is { } box)
        {
            Interlocked.Increment(ref box.Value);
        }
    }
}
