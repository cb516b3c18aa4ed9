using Microsoft.Extensions.Options;

namespace OuderBot.Storage;

public enum StorageProvider
{
    Sqlite,
    AzureBlob,
}

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (embedded, the default) or AzureBlob.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Data folder of the embedded store, relative to the working directory.</summary>
    public string Path { get; set; } = "data";

    /// <summary>Azure Storage connection string (Azurite's development string works). Either this or <see cref="BlobServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's blob endpoint, <c>https://{account}.blob.core.windows.net</c>, reached with Azure.Identity's
    /// DefaultAzureCredential (in Azure: the app's managed identity, no account key). Either this or <see cref="ConnectionString"/>.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>Blob container that holds the bot's state.</summary>
    public string Container { get; set; } = "ouderbot";

    /// <summary>AzureBlob: how long one try of a request may take before the client gives up on it and tries again
    /// (two retries); a request that never answers is then the store not answering.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Keep the last version of each document this instance wrote (conversations, absences) in memory,
    /// so a change can skip the read; writes stay ETag-checked. See <see cref="DocumentCache"/>.</summary>
    public bool CacheConversations { get; set; } = true;

    /// <summary>The start-up checks: with AzureBlob exactly one of ConnectionString and BlobServiceUri, the URI absolute http(s).</summary>
    public static ValidateOptionsResult Validate(StorageOptions o)
    {
        if (o.Provider == StorageProvider.Sqlite)
        {
            return string.IsNullOrWhiteSpace(o.Path)
                ? ValidateOptionsResult.Fail("Storage:Path must name a data folder when Storage:Provider is Sqlite.")
                : ValidateOptionsResult.Success;
        }

        if (o.NetworkTimeout <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Storage:NetworkTimeout must be a positive time span such as 00:00:05.");
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(o.ConnectionString);
        var hasUri = !string.IsNullOrWhiteSpace(o.BlobServiceUri);
        if (hasConnectionString == hasUri)
        {
            return ValidateOptionsResult.Fail(hasUri
                ? "Storage:ConnectionString and Storage:BlobServiceUri are both set: set exactly one (BlobServiceUri for a managed identity, ConnectionString for Azurite or an account key)."
                : "Storage:Provider is AzureBlob: set Storage:BlobServiceUri (with a managed identity) or Storage:ConnectionString.");
        }

        if (hasUri && !(Uri.TryCreate(o.BlobServiceUri, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            return ValidateOptionsResult.Fail("Storage:BlobServiceUri must be an absolute URL such as https://myaccount.blob.core.windows.net.");
        }

        return ValidateOptionsResult.Success;
    }
}
