using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace OuderBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the configured store (Storage:Provider), its start-up initialisation and its health check.</summary>
    public static IServiceCollection AddStateStore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            // Provider, path and exactly one of connection string and service URI: StorageOptions.Validate (below).
            .Validate(o => o.Provider != StorageProvider.AzureBlob || string.IsNullOrWhiteSpace(o.ConnectionString) || IsConnectionString(o.ConnectionString),
                "Storage:ConnectionString is no Azure Storage connection string (DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net, or Azurite's development string).")
            .Validate(o => System.Text.RegularExpressions.Regex.IsMatch(o.Container ?? "", "^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$"),
                "Storage:Container must be a blob container name: 3-63 lowercase letters, digits and single hyphens, such as ouderbot.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddSingleton(sp => new CountingStateStore(CreateStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value)));
        services.AddSingleton<IStateStore>(sp => sp.GetRequiredService<CountingStateStore>());
        services.AddSingleton<StoreReadiness>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreReadiness>());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Operations.Health.ReadyTag]);   // part of /readyz
        return services;
    }

    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static IStateStore CreateStore(StorageOptions options) => options.Provider switch
    {
        StorageProvider.AzureBlob => new BlobStateStore(CreateContainerClient(options)),
        _ => new SqliteStateStore(Path.Combine(options.Path, "ouderbot.db")),
    };

    private static BlobContainerClient CreateContainerClient(StorageOptions options) =>
        CreateServiceClient(options, ClientOptions(options.NetworkTimeout)).GetBlobContainerClient(options.Container);

    /// <summary>The Blob client's settings: each try cut off after <paramref name="networkTimeout"/>, two retries.</summary>
    internal static BlobClientOptions ClientOptions(TimeSpan networkTimeout)
    {
        var clientOptions = new BlobClientOptions
        {
            // Fail fast and let the turn pipeline report a retryable error rather than keep a parent waiting.
            Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(100), Mode = RetryMode.Exponential, NetworkTimeout = networkTimeout },
        };
        clientOptions.Diagnostics.IsLoggingEnabled = false;
        clientOptions.Diagnostics.IsDistributedTracingEnabled = false;
        return clientOptions;
    }

    /// <summary>The blob service the options name: by connection string (Azurite, or an account key), or by URI with
    /// DefaultAzureCredential (in Azure the managed identity, picked by AZURE_CLIENT_ID; on a developer's machine az login).</summary>
    internal static BlobServiceClient CreateServiceClient(StorageOptions options, BlobClientOptions clientOptions) =>
        string.IsNullOrWhiteSpace(options.BlobServiceUri)
            ? new BlobServiceClient(options.ConnectionString, clientOptions)
            : new BlobServiceClient(new Uri(options.BlobServiceUri), new DefaultAzureCredential(), clientOptions);
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) => StorageOptions.Validate(options);
}

/// <summary>Prepares the store at start-up (retrying while it is not reachable yet) and tells the health check when it is ready.</summary>
public sealed class StoreReadiness(IStateStore store, ILogger<StoreReadiness> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.InitializeAsync(stoppingToken);
                _ready.TrySetResult();
                return;
            }
            catch (StoreUnavailableException ex)
            {
                logger.LogWarning(ex, "Store not ready yet; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    /// <summary>Waits until the store is ready: a message that arrives during start-up waits rather than fails.</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);
}

internal sealed class StoreHealthCheck(StoreReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady ? HealthCheckResult.Healthy("store ready") : HealthCheckResult.Unhealthy("store not ready"));
}
