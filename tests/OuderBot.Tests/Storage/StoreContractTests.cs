using System.Text;
using Azure.Storage.Blobs;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Storage;

/// <summary>The storage contract. Every store runs exactly these tests: SQLite on a temp file, Azure Blob on a real Azurite.</summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private IStateStore? _store;

    protected IStateStore Store => _store ?? throw new InvalidOperationException("Store not created.");

    protected abstract Task<IStateStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(StoredDocument? document) => Encoding.UTF8.GetString(Assert.IsType<StoredDocument>(document).Content.Span);

    [Fact]
    public async Task ReadingAMissingDocumentGivesNull() =>
        Assert.Null(await Store.ReadAsync("conversations/+31600000000"));

    [Fact]
    public async Task ACreatedDocumentReadsBackWithItsETag()
    {
        var etag = await Store.CreateAsync("conversations/a", Json("""{"n":1}"""));
        var document = await Store.ReadAsync("conversations/a");
        Assert.Equal("""{"n":1}""", Text(document));
        Assert.Equal(etag, document!.ETag);
    }

    [Fact]
    public async Task CreatingAnExistingDocumentConflictsAndLeavesItAlone()
    {
        await Store.CreateAsync("k", Json("""{"n":1}"""));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.CreateAsync("k", Json("""{"n":2}""")));
        Assert.Equal("""{"n":1}""", Text(await Store.ReadAsync("k")));
    }

    [Fact]
    public async Task ReplacingWithTheCurrentETagWritesAndGivesANewETag()
    {
        var first = await Store.CreateAsync("k", Json("""{"n":1}"""));
        var second = await Store.ReplaceAsync("k", Json("""{"n":2}"""), first);
        Assert.NotEqual(first, second);
        var document = await Store.ReadAsync("k");
        Assert.Equal("""{"n":2}""", Text(document));
        Assert.Equal(second, document!.ETag);
    }

    [Fact]
    public async Task ReplacingWithAStaleETagConflictsAndLosesNothing()
    {
        var first = await Store.CreateAsync("k", Json("""{"n":1}"""));
        await Store.ReplaceAsync("k", Json("""{"n":2}"""), first);
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.ReplaceAsync("k", Json("""{"n":3}"""), first));
        Assert.Equal("""{"n":2}""", Text(await Store.ReadAsync("k")));
    }

    [Fact]
    public async Task ReplacingADeletedDocumentConflicts()
    {
        var etag = await Store.CreateAsync("k", Json("{}"));
        Assert.True(await Store.DeleteAsync("k"));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.ReplaceAsync("k", Json("{}"), etag));
        Assert.Null(await Store.ReadAsync("k"));
    }

    [Fact]
    public async Task DeletingRemovesTheDocumentAndSaysWhetherThereWasOne()
    {
        await Store.CreateAsync("k", Json("{}"));
        Assert.True(await Store.DeleteAsync("k"));
        Assert.Null(await Store.ReadAsync("k"));
        Assert.False(await Store.DeleteAsync("k"));
    }

    [Fact]
    public async Task DeletingWithAStaleETagConflictsAndKeepsTheDocument()
    {
        var first = await Store.CreateAsync("k", Json("""{"n":1}"""));
        var second = await Store.ReplaceAsync("k", Json("""{"n":2}"""), first);
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.DeleteAsync("k", first));
        Assert.Equal("""{"n":2}""", Text(await Store.ReadAsync("k")));
        Assert.True(await Store.DeleteAsync("k", second));
    }

    [Fact]
    public async Task ListingGivesTheKeysUnderAPrefixInOrder()
    {
        foreach (var key in new[] { "absences/b", "conversations/+31611111111", "absences/a", "absencesx" })
        {
            await Store.CreateAsync(key, Json("{}"));
        }

        var keys = new List<string>();
        await foreach (var key in Store.ListKeysAsync("absences/"))
        {
            keys.Add(key);
        }

        Assert.Equal(["absences/a", "absences/b"], keys);
    }

    [Fact]
    public async Task OfManySimultaneousWritesWithTheSameETagExactlyOneWins()
    {
        var etag = await Store.CreateAsync("k", Json("""{"n":0}"""));
        var writers = Enumerable.Range(1, 8).Select(async n =>
        {
            try
            {
                await Store.ReplaceAsync("k", Json($$"""{"n":{{n}}}"""), etag);
                return n;
            }
            catch (StoreConflictException)
            {
                return 0;
            }
        });
        var winners = (await Task.WhenAll(writers)).Where(n => n > 0).ToList();
        var winner = Assert.Single(winners);
        Assert.Equal($$"""{"n":{{winner}}}""", Text(await Store.ReadAsync("k")));
    }

    [Fact]
    public async Task OfManySimultaneousCreatesExactlyOneWins()
    {
        var creators = Enumerable.Range(1, 8).Select(async n =>
        {
            try
            {
                await Store.CreateAsync("k", Json($$"""{"n":{{n}}}"""));
                return true;
            }
            catch (StoreConflictException)
            {
                return false;
            }
        });
        Assert.Single(await Task.WhenAll(creators), won => won);
    }
}

public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ouderbot-sqlite-").FullName;

    protected override Task<IStateStore> CreateStoreAsync() =>
        Task.FromResult<IStateStore>(new SqliteStateStore(Path.Combine(_folder, "data", "ouderbot.db")));

    [Fact]
    public async Task TheDatabaseIsAFileInTheDataFolderThatOutlivesTheStoreObject()
    {
        await Store.CreateAsync("k", Encoding.UTF8.GetBytes("{}"));
        Assert.True(File.Exists(Path.Combine(_folder, "data", "ouderbot.db")));
        var reopened = new SqliteStateStore(Path.Combine(_folder, "data", "ouderbot.db"));
        await reopened.InitializeAsync();
        Assert.NotNull(await reopened.ReadAsync("k"));
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class BlobStoreContractTests(AzuriteFixture azurite) : StoreContractTests
{
    protected override Task<IStateStore> CreateStoreAsync() =>
        Task.FromResult<IStateStore>(new BlobStateStore(new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.NewContainer())));

    [Fact]
    public async Task AMissingContainerIsAnOutageNotAMissingDocument()
    {
        var store = new BlobStateStore(new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.NewContainer()));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ReadAsync("conversations/+31611111111"));
    }

    [Fact]
    public async Task AnUnreachableBlobServiceIsReportedAsUnavailableNotAsMissing()
    {
        var nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        var options = new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) } };
        var store = new BlobStateStore(new BlobServiceClient(nowhere, options).GetBlobContainerClient("x"));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ReadAsync("k"));
    }
}
