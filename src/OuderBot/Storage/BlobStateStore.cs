using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace OuderBot.Storage;

/// <summary>Azure Blob Storage: one block blob per document; the blob's ETag is the document's ETag.</summary>
public sealed class BlobStateStore(BlobContainerClient container) : IStateStore
{
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json" };

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await Guard(() => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await container.GetBlobClient(key).DownloadContentAsync(cancellationToken);
            return new StoredDocument(result.Value.Content.ToMemory(), result.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            throw Unavailable(ex);
        }
    }

    public Task<string> CreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        UploadAsync(key, content, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);

    public Task<string> ReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken = default) =>
        UploadAsync(key, content, new BlobRequestConditions { IfMatch = new ETag(ifMatch) }, cancellationToken);

    public async Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var conditions = ifMatch is null ? null : new BlobRequestConditions { IfMatch = new ETag(ifMatch) };
        try
        {
            var response = await container.GetBlobClient(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken);
            return response.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new StoreConflictException("The document changed since it was read.", ex);
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            throw Unavailable(ex);
        }
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pages = container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                Page<BlobItem> page;
                try
                {
                    if (!await pages.MoveNextAsync())
                    {
                        yield break;
                    }

                    page = pages.Current;
                }
                catch (Exception ex) when (IsOutage(ex, cancellationToken))
                {
                    throw Unavailable(ex);
                }

                foreach (var item in page.Values)
                {
                    yield return item.Name;
                }
            }
        }
        finally
        {
            await pages.DisposeAsync();
        }
    }

    private async Task<string> UploadAsync(string key, ReadOnlyMemory<byte> content, BlobRequestConditions conditions, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BlobUploadOptions { Conditions = conditions, HttpHeaders = JsonHeaders };
            var response = await container.GetBlobClient(key).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new StoreConflictException("The document changed since it was read.", ex);
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            throw Unavailable(ex);
        }
    }

    private static async Task Guard(Func<Task> operation, CancellationToken cancellationToken)
    {
        try
        {
            await operation();
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            throw Unavailable(ex);
        }
    }

    // Anything that is not a definite answer about the document is an outage: the caller may retry later.
    private static bool IsOutage(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        // 401/403 (a rotated key) and 404 on the container are no answer about the document either.
        RequestFailedException r => r.Status is 0 or 401 or 403 or 408 or 429 or >= 500 || (r.Status == 404 && r.ErrorCode != BlobErrorCode.BlobNotFound),

        // A connection refused, reset or cut off while its answer was read; several tries that all failed.
        HttpRequestException or IOException or System.Net.Sockets.SocketException or TimeoutException or AggregateException => true,

        // No token for the managed identity (Storage:BlobServiceUri): the identity endpoint not answering yet, or a role
        // not granted yet. Like a rotated key: the store did not answer, so the turn waits, and start-up retries.
        Azure.Identity.AuthenticationFailedException => true,

        // A try cut off by the client's network time-out is a TaskCanceledException that nobody asked for: thrown alone
        // when the tries before it got answers (two "server busy", say), so not wrapped in the AggregateException above.
        // Only the caller's own cancellation is a cancellation.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static StoreUnavailableException Unavailable(Exception ex) => new("Azure Blob Storage did not answer.", ex);
}
