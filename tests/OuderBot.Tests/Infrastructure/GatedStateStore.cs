using Microsoft.Extensions.DependencyInjection;
using OuderBot.Storage;

namespace OuderBot.Tests.Infrastructure;

/// <summary>
/// A store that can stop one write on its way in ("replace"/"create"/"delete" of a key ending so), until the test lets
/// it go: another request runs in exactly that gap, without sleeps. Register with <see cref="Register"/>.
/// </summary>
public sealed class GatedStateStore(IStateStore inner) : IStateStore
{
    private readonly object _lock = new();
    private (string Operation, string KeyEnd, TaskCompletionSource Reached, TaskCompletionSource Released)? _gate;
    private (string Operation, string KeyEnd)? _fail;

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
        }

        return (reached.Task, () => released.TrySetResult());
    }

    /// <summary>The next such write fails as if the store stopped answering (the instance died just before it).</summary>
    public void FailNext(string operation, string keyEnd)
    {
        lock (_lock)
        {
            _fail = (operation, keyEnd);
        }
    }

    private async Task PassAsync(string operation, string key)
    {
        TaskCompletionSource? released = null;
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
            }
        }

        if (released is not null)
        {
            await released.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken = default) => inner.ReadAsync(key, cancellationToken);

    public async Task<string> CreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await PassAsync("create", key);
        return await inner.CreateAsync(key, content, cancellationToken);
    }

    public async Task<string> ReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken = default)
    {
        await PassAsync("replace", key);
        return await inner.ReplaceAsync(key, content, ifMatch, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        await PassAsync("delete", key);
        return await inner.DeleteAsync(key, ifMatch, cancellationToken);
    }

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);
}
