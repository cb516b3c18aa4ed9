using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Channels.Local;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Storage;

/// <summary>
/// Azurite slow, stuck or dropping connections, through a TCP proxy (<see cref="FaultProxy"/>), with the bot's own Blob
/// client settings (two retries, each try cut off at the network time-out, shortened here to keep the tests short):
/// whatever the client throws then, a store call reports the store as not answering (the turn gets "stuur het nog
/// eens"), never as an error of the bot's own (the apology) and never as a cancellation nobody asked for.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StoreOutageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Outage = "Sorry, ik kan uw bericht nu niet verwerken. Er is niets verloren gegaan. Stuur het over een paar minuten nog eens.";
    private const string BoardKey = "outage-board-key";
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromMilliseconds(500);
    private readonly string _container = AzuriteFixture.NewContainer();
    private FaultProxy _proxy = null!;
    private BlobStateStore _store = null!;

    public async Task InitializeAsync()
    {
        var port = new Uri(new BlobServiceClient(azurite.ConnectionString).Uri.GetLeftPart(UriPartial.Authority)).Port;
        _proxy = FaultProxy.Start(port);
        _store = new BlobStateStore(StorageServiceCollectionExtensions.CreateServiceClient(
            new StorageOptions { Provider = StorageProvider.AzureBlob, ConnectionString = _proxy.Through(azurite.ConnectionString) },
            StorageServiceCollectionExtensions.ClientOptions(NetworkTimeout)).GetBlobContainerClient(_container));
        await _store.InitializeAsync();
        await _store.CreateAsync("existing", Json("""{"n":1}"""));
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    public static TheoryData<FaultProxy.Fault, string> Faults()
    {
        var data = new TheoryData<FaultProxy.Fault, string>();
        foreach (var fault in new[] { FaultProxy.Fault.HoldRequests, FaultProxy.Fault.HoldAnswers, FaultProxy.Fault.HoldAnswerBodies, FaultProxy.Fault.Reset })
        {
            // An answer without a body (a write's, a delete's) has nothing to hold once its headers passed.
            foreach (var operation in fault == FaultProxy.Fault.HoldAnswerBodies ? ["read", "list"] : new[] { "read", "create", "replace", "delete", "list" })
            {
                data.Add(fault, operation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task AStalledOrDroppedRequestIsTheStoreNotAnswering(FaultProxy.Fault fault, string operation)
    {
        var etag = (await _store.ReadAsync("existing"))!.ETag;
        _proxy.Current = fault;

        var error = await Record.ExceptionAsync(() => Call(operation, etag));

        Assert.True(error is StoreUnavailableException, $"{fault} on {operation}: {error?.GetType().FullName}: {error?.Message}");
    }

    // The client throws one exception for all its tries when several failed, but the last try's own when the others
    // were answers: two "server busy" and then a try cut off by the network time-out is a lone TaskCanceledException
    // that nobody asked for. It is the store not answering too.
    [Theory]
    [MemberData(nameof(Faults))]
    public async Task TwoBusyAnswersAndThenAStalledOrDroppedTryIsTheStoreNotAnswering(FaultProxy.Fault fault, string operation)
    {
        var etag = (await _store.ReadAsync("existing"))!.ETag;
        _proxy.BusyAnswers = 2;
        _proxy.Current = fault;

        var error = await Record.ExceptionAsync(() => Call(operation, etag));

        Assert.True(error is StoreUnavailableException, $"503, 503, then {fault} on {operation}: {error?.GetType().FullName}: {error?.Message}");
        Assert.Equal(0, _proxy.BusyAnswers);
    }

    [Fact]
    public async Task TheCallersOwnCancellationStaysACancellation()
    {
        _proxy.Current = FaultProxy.Fault.HoldAnswers;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.ReadAsync("existing", cancel.Token));
    }

    [Fact]
    public async Task AStoreThatAnswersAgainAnswersAsBefore()
    {
        _proxy.Current = FaultProxy.Fault.HoldRequests;
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.ReadAsync("existing"));

        _proxy.Current = FaultProxy.Fault.None;
        Assert.Equal("""{"n":1}""", Encoding.UTF8.GetString((await _store.ReadAsync("existing"))!.Content.Span));
    }

    [Fact]
    public async Task AParentWhoseConfirmationMeetsAStalledStoreIsToldToSendItAgainAndTheReportIsSavedThen()
    {
        await using var app = Host();
        await app.WaitUntilHealthyAsync();
        await app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            """);

        // Azurite busy twice, then stuck: the "ja" never reaches it.
        _proxy.BusyAnswers = 2;
        _proxy.Current = FaultProxy.Fault.HoldRequests;
        await AssertTheStoreIsNotAnsweringAsync(app, "ja");

        _proxy.Current = FaultProxy.Fault.None;
        await app.RunAsync(TimParent, """
            > ja
            < Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);
        Assert.Single(await app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(app.School(), "tim-g4", CancellationToken.None));
    }

    [Fact]
    public async Task ABookingWhoseAnswerNeverCameIsTheParentsWhenTheySendTheirYesAgainAndNobodyElses()
    {
        await using var app = Host();
        await app.WaitUntilHealthyAsync();
        await app.RunAsync(TimParent, """
            > Ik wil een gesprek met de juf van Tim
            <~ Vrije tijden voor Tim bij Juf Fatima:
            > 1
            < Tim: dinsdag 1 december om 15:00 uur bij Juf Fatima, lokaal 4. Zal ik dit vastleggen? (ja/nee)
            """);

        // Busy twice, then Azurite takes the slot's write but its answer never comes back.
        _proxy.BusyAnswers = 2;
        _proxy.Current = FaultProxy.Fault.HoldAnswers;
        var sent = _proxy.BytesToTarget;
        await AssertTheStoreIsNotAnsweringAsync(app, "ja");
        Assert.True(_proxy.BytesToTarget > sent, "the slot's write reached Azurite");

        _proxy.Current = FaultProxy.Fault.None;
        await app.RunAsync(TimParent, """
            > ja
            <~ Staat genoteerd: Tim op dinsdag 1 december om 15:00 uur bij Juf Fatima, lokaal 4.
            """);
        await app.RunAsync(TimOtherParent, """
            > 10 minutengesprek plannen
            < Tim heeft al een gesprek op dinsdag 1 december om 15:00 uur bij Juf Fatima, lokaal 4.
            <~ Vrije tijden voor Tim bij Juf Fatima:
            """);

        using var office = app.CreateClient();
        office.DefaultRequestHeaders.Add("X-Api-Key", BoardKey);
        var rows = (await office.GetFromJsonAsync<List<JsonElement>>("/api/admin/bookings?from=2026-12-01&to=2026-12-03&school=de-driehoek"))!;
        var row = Assert.Single(rows);
        Assert.Equal(("Tim", "2026-12-01T15:00:00"), (row.GetProperty("child").GetString(), row.GetProperty("start").GetString()));
    }

    // The bot's own Blob client (Storage:NetworkTimeout shortened) through the proxy, on this test's container.
    private BotApp Host() => new(settings: new Dictionary<string, string?>(BotApp.AzuriteSettings(_proxy.Through(azurite.ConnectionString), AzuriteFixture.NewContainer()))
    {
        ["Storage:NetworkTimeout"] = "00:00:01",
        ["Admin:ApiKey"] = BoardKey,
    });

    private static async Task AssertTheStoreIsNotAnsweringAsync(BotApp app, string text)
    {
        var response = await app.PostAsync(new { from = TimParent, text });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        var body = await response.Content.ReadFromJsonAsync<LocalMessageResponse>();
        Assert.Equal(Outage, Assert.Single(body!.Replies).Text);
    }

    private async Task Call(string operation, string etag)
    {
        switch (operation)
        {
            case "read":
                await _store.ReadAsync("existing");
                break;
            case "create":
                await _store.CreateAsync("new", Json("""{"n":2}"""));
                break;
            case "replace":
                await _store.ReplaceAsync("existing", Json("""{"n":3}"""), etag);
                break;
            case "delete":
                await _store.DeleteAsync("existing", etag);
                break;
            default:
                await foreach (var _ in _store.ListKeysAsync(""))
                {
                }

                break;
        }
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);
}
