using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Deployment;

/// <summary>
/// Storage:BlobServiceUri (a managed identity, no account key) or Storage:ConnectionString (Azurite, a key): exactly one.
/// A real Azure login cannot happen here, so these check the choice and the client it makes, not a token.
/// </summary>
public sealed class BlobServiceUriTests
{
    private const string AzuriteConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private static StorageOptions Blob(string? connectionString = null, string? uri = null) =>
        new() { Provider = StorageProvider.AzureBlob, ConnectionString = connectionString, BlobServiceUri = uri };

    [Fact]
    public void AServiceUriIsReachedWithACredentialAndNoAccountKey()
    {
        var client = StorageServiceCollectionExtensions.CreateServiceClient(Blob(uri: "https://spoutrechtstate.blob.core.windows.net/"), new BlobClientOptions());

        Assert.Equal(new Uri("https://spoutrechtstate.blob.core.windows.net/"), client.Uri);
        Assert.Equal("spoutrechtstate", client.AccountName);
        Assert.False(client.CanGenerateAccountSasUri);     // no shared key behind it: a token credential
    }

    [Fact]
    public void AConnectionStringIsReachedWithItsKey()
    {
        var client = StorageServiceCollectionExtensions.CreateServiceClient(Blob(connectionString: AzuriteConnectionString), new BlobClientOptions());

        Assert.Equal("devstoreaccount1", client.AccountName);
        Assert.True(client.CanGenerateAccountSasUri);
    }

    [Theory]
    [InlineData(AzuriteConnectionString, null, true)]
    [InlineData(null, "https://spoutrechtstate.blob.core.windows.net/", true)]
    [InlineData(AzuriteConnectionString, "https://spoutrechtstate.blob.core.windows.net/", false)]
    [InlineData(null, null, false)]
    [InlineData(null, "spoutrechtstate.blob.core.windows.net", false)]
    [InlineData(null, "ftp://spoutrechtstate.blob.core.windows.net/", false)]
    public void AzureBlobTakesExactlyOneOfConnectionStringAndServiceUri(string? connectionString, string? uri, bool valid)
    {
        Assert.Equal(valid, StorageOptions.Validate(Blob(connectionString, uri)).Succeeded);
    }

    [Fact]
    public void SqliteIgnoresTheBlobSettings()
    {
        Assert.True(StorageOptions.Validate(new StorageOptions { BlobServiceUri = "not a uri" }).Succeeded);
        Assert.False(StorageOptions.Validate(new StorageOptions { Path = " " }).Succeeded);
    }

    [Fact]
    public async Task NoTokenForTheIdentityIsAnOutageNotACrash()
    {
        var container = new BlobServiceClient(new Uri("https://spoutrechtstate.blob.core.windows.net/"), new NoToken(), new BlobClientOptions())
            .GetBlobContainerClient("ouderbot");
        var store = new BlobStateStore(container);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ReadAsync("schools/de-driehoek/conversations/+31611111111"));
    }

    [Fact]
    public void BothSetStopsTheBotAtStartWithTheReason()
    {
        var error = BotApp.StartFailure<OptionsValidationException>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:ConnectionString"] = AzuriteConnectionString,
            ["Storage:BlobServiceUri"] = "https://spoutrechtstate.blob.core.windows.net/",
        });

        Assert.Contains("Storage:ConnectionString and Storage:BlobServiceUri are both set", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A managed identity that gets no token, as before its role or endpoint is there; it fails before any request.</summary>
    private sealed class NoToken : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.AuthenticationFailedException("ManagedIdentityCredential authentication unavailable.");

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.AuthenticationFailedException("ManagedIdentityCredential authentication unavailable.");
    }
}
