using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OuderBot.Bot;

namespace OuderBot.Operations;

/// <summary>
/// Two probes for whatever runs the bot (App Service, Container Apps, a load balancer): /healthz says the process is up
/// and asks nothing of the store, so a slow store never gets a healthy instance restarted; /readyz says it can take
/// turns: the school data loaded, the store ready, and not shutting down.
/// </summary>
public static class Health
{
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SchoolDataHealthCheck>("schools", tags: [ReadyTag])
            .AddCheck<DrainingHealthCheck>("draining", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Liveness, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(Readiness, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return app;
    }
}

/// <summary>The board's schools are loaded (they are at start, or the bot does not start: this guards a lazy load).</summary>
internal sealed class SchoolDataHealthCheck(Schools schools) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(schools.All.Count > 0 ? HealthCheckResult.Healthy($"{schools.All.Count} schools") : HealthCheckResult.Unhealthy("no school loaded"));
}

internal sealed class DrainingHealthCheck(Draining draining) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(draining.IsDraining ? HealthCheckResult.Unhealthy("shutting down") : HealthCheckResult.Healthy());
}
