namespace OuderBot.Operations;

/// <summary>
/// A background worker that does its round (<see cref="RunOnceAsync"/>), then waits for more work
/// (<see cref="WaitForWorkAsync"/>: <see cref="PollInterval"/>, or less when woken): after the store is ready, until the
/// first sign of shutdown (then the round in hand is cancelled, so the claims it holds are given back for another
/// instance). A round that fails is logged and tried again after <see cref="PollInterval"/>.
/// </summary>
public abstract class PollingWorker(OuderBot.Storage.StoreReadiness readiness, Draining draining, ILogger logger, string what) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>New work is waiting: the next round starts now rather than at the next poll.</summary>
    public void Wake() => _wake.Release();

    /// <summary>How long to wait between rounds, and after a failed one.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>One round of the worker's work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Until the next round: <see cref="PollInterval"/>, or until <see cref="Wake"/>.</summary>
    protected virtual Task WaitForWorkAsync(CancellationToken cancellationToken) => _wake.WaitAsync(PollInterval, cancellationToken);

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
                await WaitForWorkAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A store outage: nothing is lost, the work waits in the store. Try again after a pause.
                logger.LogWarning(ex, "{What}: the round did not finish; trying again later", what);
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }
}
