using Microsoft.Extensions.DependencyInjection;
using OuderBot.Storage;

namespace OuderBot.Tests.Infrastructure;

/// <summary>
/// A store that can stop one write on its way in ("replace"/"create"/"delete" of a key ending so), until the test lets
/// it go: another request runs in exactly that gap, without sleeps. Or one that the store carries out although its
/// caller stopped waiting meanwhile (<see cref="ArmInFlight"/>: a request already on the wire when the caller was
/// cancelled). Register with <see cref="Register"/>.
/// </summary>
public sealed class GatedStateStore(IStateStore inner) : IStateStore
{
    private readonly object _lock = new();
    private (string Operation, string KeyEnd, TaskCompletionSource Reached, TaskCompletionSource Released)? _gate;
    private (string Operation, string KeyEnd)? _fail;
    private bool _inFlight;

    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IStateStore>(sp => sp.GetRequiredService<GatedStateStore>())
            .AddSingleton(sp => new GatedStateStore(sp.GetRequiredService<CountingStateStore>()));

    /// <summary>Stops the next such write; returns a task that completes when it is stopped, and the release.</summary>
    public (Task Reached, Action Release) Arm(string operation, string keyEnd)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _gate = (operation, keyEnd, reached, released);
            _inFlight = false;
        }

        return (reached.Task, () => released.TrySetResult());
    }

    /// <summary>
    /// Like <see cref="Arm"/>, but once let go the write is carried out whatever its caller's token says, and only then
    /// does the caller hear that it was cancelled (if it was meanwhile): what a store does with a request it already had.
    /// </summary>
    public (Task Reached, Action Release) ArmInFlight(string operation, string keyEnd)
    {
        var armed = Arm(operation, keyEnd);
        lock (_lock)
        {
            _inFlight = true;
        }

        return armed;
    }

    /// <summary>The next such write fails as if the store stopped answering (the instance died just before it).</summary>
    public void FailNext(string operation, string keyEnd)
    {
        lock (_lock)
        {
            _fail = (operation, keyEnd);
        }
    }

    // Whether this write, once through the gate, is carried out uncancelled (then the caller hears of its cancellation).
    private async Task<bool> PassAsync(string operation, string key)
    {
        TaskCompletionSource? released = null;
        var inFlight = false;
        lock (_lock)
        {
            if (_fail is { } fail && fail.Operation == operation && key.EndsWith(fail.KeyEnd, StringComparison.Ordinal))
            {
                _fail = null;
                throw new StoreUnavailableException("The test stopped this write.");
            }

            if (_gate is { } gate && gate.Operation == operation && key.EndsWith(gate.KeyEnd, StringComparison.Ordinal))
            {
                _gate = null;
                gate.Reached.TrySetResult();
                released = gate.Released;
                inFlight = _inFlight;
            }
        }

        if (released is not null)
        {
            await released.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return inFlight;
    }

    private static async Task<T> WriteAsync<T>(bool inFlight, Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        if (!inFlight)
        {
            return await write(cancellationToken);
        }

        var result = await write(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken = default) => inner.ReadAsync(key, cancellationToken);

    public async Task<string> CreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var inFlight = await PassAsync("create", key);
        return await WriteAsync(inFlight, token => inner.CreateAsync(key, content, token), cancellationToken);
    }

    public async Task<string> ReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken = default)
    {
        var inFlight = await PassAsync("replace", key);
        return await WriteAsync(inFlight, token => inner.ReplaceAsync(key, content, ifMatch, token), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var inFlight = await PassAsync("delete", key);
        return await WriteAsync(inFlight, token => inner.DeleteAsync(key, ifMatch, token), cancellationToken);
    }

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);
}
