using System.Globalization;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Privacy;

/// <summary>Configuration section "Retention": when the daily run is.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>The school's local time after which each day's run is due (a missed run goes as soon as an instance is up).</summary>
    public TimeOnly RunAt { get; set; } = new(3, 0);

    /// <summary>How often an instance checks whether the day's run is due and unclaimed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a run may take before another instance presumes it dead and takes it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>What one run deleted, per kind.</summary>
public sealed record RetentionRun(DateOnly Day, IReadOnlyDictionary<string, int> Deleted);

/// <summary>
/// Deletes personal data the school no longer needs, once a day per store however many instances run: the day's
/// run is claimed in the store (claims/retention/{day}) and every registered <see cref="IRetentionPolicy"/> runs in it.
/// </summary>
public sealed class RetentionJob(
    IEnumerable<IRetentionPolicy> policies,
    StoreClaims claims,
    IStateStore store,
    Schools schools,
    StoreReadiness readiness,
    TimeProvider time,
    IOptionsMonitor<RetentionOptions> options,
    Operations.Draining draining,
    ILogger<RetentionJob> logger) : BackgroundService
{
    private int _runs;

    /// <summary>How many runs this instance did (the others' are theirs).</summary>
    public int Runs => Volatile.Read(ref _runs);

    public static string ClaimName(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"retention/{day:yyyy-MM-dd}");

    protected override async Task ExecuteAsync(CancellationToken hostStopping)
    {
        // At the first sign of shutdown a run under way gives its claim back for another instance.
        using var stopping = draining.Link(hostStopping);
        var stoppingToken = stopping.Token;
        await readiness.WaitUntilReadyAsync(stoppingToken);
        // One timer for the whole life of the job: time that passes during a run counts toward the next check.
        using var timer = new PeriodicTimer(options.CurrentValue.PollInterval, time);
        do
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store was away or a document was odd: the claim was given back, the next check tries again.
                logger.LogWarning(ex, "Retention: the daily run did not finish; trying again later");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Runs the due day's deletion if no instance has done or is doing it; null when there was nothing to do.</summary>
    public async Task<RetentionRun?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        // The board's day: its schools share one time zone in practice; the first school's clock decides.
        var local = schools.All[0].Clock.LocalNow;
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) < o.RunAt)
        {
            day = day.AddDays(-1); // before today's time: yesterday's run, if it was missed
        }

        if (await claims.TryClaimAsync(ClaimName(day), o.Lease, cancellationToken) is not { } claim)
        {
            return null;
        }

        RetentionRun run;
        try
        {
            run = await RunAsync(day, cancellationToken);
        }
        catch
        {
            await claims.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }

        await claims.CompleteAsync(claim, string.Join(", ", run.Deleted.Select(kv => $"{kv.Key} {kv.Value}")), cancellationToken);
        Interlocked.Increment(ref _runs);
        return run;
    }

    private async Task<RetentionRun> RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deleted = new Dictionary<string, int>();
        foreach (var school in schools.All)
        {
            var context = new RetentionContext(school, now);
            foreach (var policy in policies)
            {
                deleted[policy.Kind] = deleted.GetValueOrDefault(policy.Kind) + await policy.PurgeAsync(context, cancellationToken);
            }
        }

        // The runs' own claims, kept as long as the longest delivery period.
        var cutoff = now - TimeSpan.FromDays(schools.All.Max(s => s.Data.Retention.DeliveryDays));
        deleted["claims"] = await RetentionSweep.DeleteExpiredAsync(store, StoreClaims.Prefix, d => StoreClaims.Deserialize(d) is { DoneAt: { } done } && done < cutoff, cancellationToken);

        // Counts only: which documents went would name parents and children.
        logger.LogInformation("Retention run for {Day:yyyy-MM-dd} deleted {Deleted}", day, string.Join(", ", deleted.Select(kv => $"{kv.Key} {kv.Value}")));
        return new RetentionRun(day, deleted);
    }
}
