using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OuderBot.Operations;

/// <summary>Configuration section "Shutdown".</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>After SIGTERM, how long the instance keeps answering while it takes no new turns (503 with Retry-After,
    /// /readyz 503), so a load balancer sends the next ones elsewhere before the listener closes. Default 5 seconds,
    /// none in Development (Ctrl+C stops at once).</summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the turns and sends in flight may take to finish after that (the host's shutdown time-out).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);
}

/// <summary>
/// Graceful shutdown. On SIGTERM the host signals ApplicationStopping: from then on this instance takes no new turn
/// (DrainingExtensions.RejectWhileDraining: 503 with Retry-After), /readyz fails, and the background workers,
/// whose work token is <see cref="Stopping"/>, give back the outbox, digest, announcement and retention claims they hold
/// (each worker releases on cancellation), so another instance takes them over at once instead of after a lease. The
/// listener stays open for <see cref="ShutdownOptions.DrainDelay"/>, then the server stops, waiting for the turns in flight.
/// </summary>
public sealed class Draining(IHostApplicationLifetime lifetime, IOptions<ShutdownOptions> options, ILogger<Draining> logger) : IHostedLifecycleService
{
    public bool IsDraining => lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>Cancelled when the instance starts shutting down: background work stops taking new work then.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    /// <summary>A background worker's token: cancelled at the first sign of shutdown, not only when the host stops it.</summary>
    public CancellationTokenSource Link(CancellationToken stoppingToken) => CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var delay = options.Value.DrainDelay;
        logger.LogInformation("Shutting down: no new turns; draining for {Delay}", delay);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The shutdown time-out ran out: stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DrainingExtensions
{
    public const string RetryAfterSeconds = "2";

    public static IHostApplicationBuilder AddDraining(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<ShutdownOptions>()
            .Configure(o => o.DrainDelay = development ? TimeSpan.Zero : o.DrainDelay)
            .BindConfiguration(ShutdownOptions.Section)
            .Validate(o => o.DrainDelay >= TimeSpan.Zero && o.DrainDelay <= TimeSpan.FromMinutes(1), "Shutdown:DrainDelay must be between 00:00:00 and 00:01:00.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(5), "Shutdown:Timeout must be more than zero and at most 00:05:00.")
            .ValidateOnStart();
        services.TryAddSingleton<Draining>();
        services.AddHostedService(sp => sp.GetRequiredService<Draining>());   // the web host drains; the terminal chat just stops
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = shutdown.Value.DrainDelay + shutdown.Value.Timeout);
        return builder;
    }

    /// <summary>New turns on these endpoints get 503 with Retry-After while the instance shuts down (a load balancer
    /// that retries on 503, as the README's nginx does, sends them to another instance); a turn already running finishes.</summary>
    public static TBuilder RejectWhileDraining<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.RequestServices.GetRequiredService<Draining>().IsDraining)
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
                return TypedResults.Problem(title: "Shutting down", detail: "This instance is shutting down; send the message again.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return await next(context);
        });
}
