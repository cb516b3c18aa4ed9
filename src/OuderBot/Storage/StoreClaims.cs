using System.Text.Json;

namespace OuderBot.Storage;

/// <summary>Who holds a piece of once-per-store work, until when, and whether it is done.</summary>
public sealed record ClaimRecord(string Owner, DateTimeOffset ClaimedAt, DateTimeOffset LeaseUntil, DateTimeOffset? DoneAt = null, string? Outcome = null);

/// <summary>A claim this instance holds: its document's key and version.</summary>
public sealed record StoreClaim(string Key, string ETag, ClaimRecord Record);

/// <summary>
/// Work that must run once per store however many instances run (a daily job): the instance that creates
/// claims/{name} first does it. An instance that dies holding a claim loses it when the lease runs out, and another
/// takes it over with an ETag-checked write; a finished claim is never taken again.
/// </summary>
public sealed class StoreClaims(IStateStore store, TimeProvider time)
{
    public const string Prefix = "claims/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>This process, as the owner named in its claims.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// The claim, or null when another instance holds it or it is done. A shutdown (<paramref name="cancellationToken"/>)
    /// stops before a claim's write, never during it: a claim the store made but a cancelled caller never heard of would
    /// hold the work for the whole lease, with nobody doing it and nobody to give it back.
    /// </summary>
    public async Task<StoreClaim?> TryClaimAsync(string name, TimeSpan lease, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = Prefix + name;
        var now = time.GetUtcNow();
        var record = new ClaimRecord(InstanceId, now, now + lease);
        try
        {
            return new StoreClaim(key, await store.CreateAsync(key, Serialize(record), CancellationToken.None), record);
        }
        catch (StoreConflictException)
        {
            // Someone claimed it before: taken over only when they finished nothing and their lease ran out.
        }

        var existing = await store.ReadAsync(key, cancellationToken);
        if (existing is null || Deserialize(existing) is not { DoneAt: null } current || current.LeaseUntil > now)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return new StoreClaim(key, await store.ReplaceAsync(key, Serialize(record), existing.ETag, CancellationToken.None), record);
        }
        catch (StoreConflictException)
        {
            return null;
        }
    }

    /// <summary>Marks the work done, so no instance does it again. Work that is done is recorded as done, also when the
    /// instance is shutting down meanwhile (the token is not passed on): otherwise another would do it again after the lease.</summary>
    public async Task CompleteAsync(StoreClaim claim, string? outcome, CancellationToken cancellationToken) =>
        await store.ReplaceAsync(claim.Key, Serialize(claim.Record with { DoneAt = time.GetUtcNow(), Outcome = outcome }), claim.ETag, CancellationToken.None);

    /// <summary>Gives the work back unfinished (shutting down, or it failed), so another instance may do it at once.</summary>
    public async Task ReleaseAsync(StoreClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(claim.Key, claim.ETag, cancellationToken);
        }
        catch (Exception ex) when (ex is StoreConflictException or StoreUnavailableException)
        {
            // Taken over meanwhile, or the store is away: the lease runs out on its own.
        }
    }

    public async Task<ClaimRecord?> GetAsync(string name, CancellationToken cancellationToken) =>
        await store.ReadAsync(Prefix + name, cancellationToken) is { } document ? Deserialize(document) : null;

    internal static ClaimRecord? Deserialize(StoredDocument document) => JsonSerializer.Deserialize<ClaimRecord>(document.Content.Span, Json);

    private static byte[] Serialize(ClaimRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Json);
}
