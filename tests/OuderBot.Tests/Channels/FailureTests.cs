using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Channels.Local;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Channels;

public sealed class FailureTests
{
    [Fact]
    public async Task AStorageOutageGivesARetryableErrorAndTheReportIsSavedWhenTheParentSendsAgain()
    {
        var outage = new Outage();
        await using var app = new BotApp(services: s => s.AddSingleton<IStateStore>(sp => new OutageStore(sp.GetRequiredService<CountingStateStore>(), outage)));
        await app.WaitUntilHealthyAsync();
        await app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            """);

        outage.On = true;
        var response = await app.PostAsync(new { from = TimParent, text = "ja" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        var body = await response.Content.ReadFromJsonAsync<LocalMessageResponse>();
        Assert.Equal("Sorry, ik kan uw bericht nu niet verwerken. Er is niets verloren gegaan. Stuur het over een paar minuten nog eens.", Assert.Single(body!.Replies).Text);

        outage.On = false;
        await app.RunAsync(TimParent, """
            > ja
            < Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);
        Assert.Single(await app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(app.School(), "tim-g4", CancellationToken.None));
    }

    [Theory]
    [InlineData("GET", "/api/admin/absences")]
    [InlineData("POST", "/api/admin/announcements")]
    public async Task AStorageOutageOnAnOfficeEndpointIs503WithRetryAfterNot500(string method, string path)
    {
        var outage = new Outage();
        await using var app = new BotApp(
            settings: new Dictionary<string, string?> { ["Admin:SchoolKeys:de-driehoek"] = "k" },
            services: s => s.AddSingleton<IStateStore>(sp => new OutageStore(sp.GetRequiredService<CountingStateStore>(), outage)));
        await app.WaitUntilHealthyAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "k");

        outage.On = true;
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { text = "Morgen geen gym.", audience = "school" }) : null,
        };
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnExceptionInATurnGetsAnApologyAndTheParentIsNotLeftStuck()
    {
        await using var app = new BotApp();
        await app.WaitUntilHealthyAsync();
        // A damaged document makes the absence dialog throw when it saves.
        await app.Services.GetRequiredService<IStateStore>().CreateAsync(AbsenceStore.Key(app.School(), "tim-g4"), Encoding.UTF8.GetBytes("not json"));

        await app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            < Sorry, er ging iets mis aan mijn kant. Probeer het nog eens, of typ 'menu'.
            > ja
            <~ Waarmee kan ik u helpen?
            > Tim is morgen ziek
            < Tim is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """);
    }

    private sealed class Outage
    {
        public volatile bool On;
    }

    /// <summary>The real store, except that while the outage is on every call fails as an unreachable service does.</summary>
    private sealed class OutageStore(IStateStore inner, Outage outage) : IStateStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

        public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken = default) => Guard(() => inner.ReadAsync(key, cancellationToken));

        public Task<string> CreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => Guard(() => inner.CreateAsync(key, content, cancellationToken));

        public Task<string> ReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken = default) => Guard(() => inner.ReplaceAsync(key, content, ifMatch, cancellationToken));

        public Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken cancellationToken = default) => Guard(() => inner.DeleteAsync(key, ifMatch, cancellationToken));

        public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Guard(() => Task.FromResult(0));
            await foreach (var key in inner.ListKeysAsync(prefix, cancellationToken))
            {
                yield return key;
            }
        }

        private Task<T> Guard<T>(Func<Task<T>> call) => outage.On ? throw new StoreUnavailableException("outage (test)") : call();
    }
}
