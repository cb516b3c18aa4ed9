using OuderBot.Bot;
using OuderBot.School;
using OuderBot.Storage;

namespace OuderBot.Privacy;

/// <summary>What the daily retention run knows of one school: its documents' prefix, its day, and how long it keeps each kind.</summary>
public sealed record RetentionContext(SchoolContext School, DateTimeOffset Now)
{
    public DateOnly Today => School.Clock.Today;

    public RetentionPeriods Periods => School.Data.Retention;

    /// <summary>The store prefix of one kind of the school's documents ("schools/{id}/inbox/").</summary>
    public string Prefix(string relative) => School.Key(relative);

    /// <summary>The moment before which something kept for <paramref name="days"/> days has expired.</summary>
    public DateTimeOffset Cutoff(int days) => Now - TimeSpan.FromDays(days);
}

/// <summary>
/// One kind of personal document and how long it is kept, per school. Each capability registers its own
/// (<see cref="RetentionServiceCollectionExtensions.AddRetentionPolicy{T}"/>); the daily <see cref="RetentionJob"/> runs them all.
/// </summary>
public interface IRetentionPolicy
{
    /// <summary>What it deletes, for the log: "conversations", "inbox", ...</summary>
    string Kind { get; }

    /// <summary>Deletes the school's expired documents of this kind; returns how many documents (or reports) went.</summary>
    Task<int> PurgeAsync(RetentionContext context, CancellationToken cancellationToken);
}

public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetentionPolicy<T>(this IServiceCollection services)
        where T : class, IRetentionPolicy => services.AddSingleton<IRetentionPolicy, T>();

    /// <summary>What the capability deletes when a parent asks for their data to be erased.</summary>
    public static IServiceCollection AddParentDataEraser<T>(this IServiceCollection services)
        where T : class, IParentDataEraser => services.AddSingleton<IParentDataEraser, T>();
}

/// <summary>The sweep most policies share: read each document under a prefix and delete the expired ones.</summary>
public static class RetentionSweep
{
    /// <summary>
    /// Deletes every document under <paramref name="prefix"/> that <paramref name="expired"/> says has expired, only if it
    /// is still the version read: a document changed meanwhile (a new message) is live again and stays.
    /// </summary>
    public static async Task<int> DeleteExpiredAsync(IStateStore store, string prefix, Func<StoredDocument, bool> expired, CancellationToken cancellationToken, Action<string>? deleted = null)
    {
        var keys = await KeysAsync(store, prefix, cancellationToken);
        var count = 0;
        foreach (var key in keys)
        {
            if (await store.ReadAsync(key, cancellationToken) is not { } document || !Expired(expired, document))
            {
                continue;
            }

            if (await DeleteIfUnchangedAsync(store, key, document.ETag, cancellationToken))
            {
                deleted?.Invoke(key);
                count++;
            }
        }

        return count;
    }

    public static async Task<List<string>> KeysAsync(IStateStore store, string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync(prefix, cancellationToken))
        {
            keys.Add(key);
        }

        return keys;
    }

    public static async Task<bool> DeleteIfUnchangedAsync(IStateStore store, string key, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            return await store.DeleteAsync(key, etag, cancellationToken);
        }
        catch (StoreConflictException)
        {
            return false;
        }
    }

    // A document that cannot be read as its kind is kept, never deleted by guesswork.
    private static bool Expired(Func<StoredDocument, bool> expired, StoredDocument document)
    {
        try
        {
            return expired(document);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}

public static class RetentionJobServiceCollectionExtensions
{
    /// <summary>The daily retention run and the claims that keep it once per store, and erasure on request;
    /// capabilities add their policies and erasers.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.Lease > TimeSpan.Zero, "Retention:PollInterval and Retention:Lease must be positive.")
            .ValidateOnStart();
        services.AddSingleton<StoreClaims>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        services.AddDialog<ErasureDialog>();
        services.AddDialogs(_ => ErasureDialog.Prompts());
        services.AddMessageHandler<ErasureHandler>();
        services.AddMessageHandler<PrivacyQuestionHandler>();
        return services;
    }
}
