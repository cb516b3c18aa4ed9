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

    /// <summary>Azure Storage connection string (Azurite's development string works).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob container that holds the bot's state.</summary>
    public string Container { get; set; } = "ouderbot";

    /// <summary>Keep the last version of each document this instance wrote (conversations, absences) in memory,
    /// so a change can skip the read; writes stay ETag-checked. See <see cref="DocumentCache"/>.</summary>
    public bool CacheConversations { get; set; } = true;
}
