namespace OuderBot.Operations;

/// <summary>
/// A background worker that does its round (<see cref="RunOnceAsync"/>) every <c>pollInterval</c>, or at once when
/// woken: after the store is ready, until the first sign of shutdown (then the round in hand is cancelled, so the
/// claims it holds are given back for another instance); a round that fails is logged and tried again later.
/// </summary>
public abstract class PollingWorker(OuderBot.Storage.StoreReadiness readiness, Draining draining, ILogger logger, TimeSpan pollInterval, string what) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>New work is waiting: the next round starts now rather than at the next poll.</summary>
    public void Wake() => _wake.Release();

    /// <summary>One round of the worker's work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken hostStopping)
    {
        using var stopping = draining.Link(hostStopping);
        var stoppingToken = stopping.Token;
        await readiness.WaitUntilReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await _wake.WaitAsync(pollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "{What}: the round failed; trying again later", what);
                await Task.Delay(pollInterval, stoppingToken);
            }
        }
    }
}
