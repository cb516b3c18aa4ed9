using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Booking;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Booking;

/// <summary>
/// Two things at once, interleaved on purpose: one request is stopped at a chosen write in the store and another runs
/// in that gap (no sleeps). What the office sees and what the parents are told must still add up.
/// </summary>
public sealed class BookingInterleavingTests : IAsyncLifetime
{
    private const string BoardKey = "board-key";
    private BotApp _app = null!;

    private GatedStateStore Gate => _app.Services.GetRequiredService<GatedStateStore>();

    public Task InitializeAsync()
    {
        _app = new BotApp(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = BoardKey }, services: GatedStateStore.Register);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnOfficeOverviewInTheMiddleOfAMoveDoesNotLoseTheTalk()
    {
        await BookAsync(TimParent, "10 minutengesprek plannen", "1");
        _app.Time.Advance(TimeSpan.FromHours(1)); // booked an hour ago: older than a slot left behind

        await _app.SendAsync(TimParent, "verzet mijn afspraak");
        await _app.SendAsync(TimParent, "do 3 dec om 19:30");
        var (reached, release) = Gate.Arm("replace", "/children/tim-g4");
        var move = _app.SendAsync(TimParent, "ja");
        await reached; // the new slot is written, the child's claim not yet moved

        // The office looks right then: Tim's talk is still where it was.
        var during = await RowsAsync();
        Assert.Equal("2026-12-01T15:00:00", Assert.Single(during).Start);

        release();
        Assert.Contains("Verzet", (await move)[0], StringComparison.Ordinal);
        var after = Assert.Single(await RowsAsync());
        Assert.Equal(("Tim", "2026-12-03T19:30:00"), (after.Child, after.Start));
    }

    [Fact]
    public async Task OneParentCancellingWhileTheOtherBooksLeavesTheOthersNewTalk()
    {
        await BookAsync(TimParent, "10 minutengesprek plannen", "1");
        await _app.SendAsync(TimParent, "het gesprek van Tim gaat niet door");
        var (reached, release) = Gate.Arm("delete", "/children/tim-g4");
        var cancel = _app.SendAsync(TimParent, "ja");
        await reached; // the slot is free, the child's claim about to go

        // Tim's other parent books Thursday in that moment, and is told so.
        var receipt = await BookAsync(TimOtherParent, "10 minutengesprek plannen op donderdag", "1");
        Assert.Contains("donderdag 3 december", receipt, StringComparison.Ordinal);

        release();
        await cancel;
        var talk = Assert.Single(await RowsAsync());
        Assert.Equal(("Tim", "2026-12-03T19:00:00", TimOtherParent), (talk.Child, talk.Start, talk.ParentPhone));
    }

    [Fact]
    public async Task AYesWhoseConversationWasWrittenMeanwhileRunsAgainAndKeepsTheTalkItJustBooked()
    {
        await _app.SendAsync(TimParent, "10 minutengesprek plannen");
        await _app.SendAsync(TimParent, "1");
        var conversation = "/conversations/" + TimParent;
        var (reached, release) = Gate.Arm("replace", conversation);
        var yes = _app.SendAsync(TimParent, "ja");
        await reached; // the slot, the claim and the link are written; the conversation not yet

        // Another instance writes Tim's parent's conversation in that moment: this turn's write fails on the ETag and
        // the turn runs again on the stored version, where it finds the time it just took (its own), not "taken".
        var store = _app.Services.GetRequiredService<OuderBot.Storage.IStateStore>();
        var key = "schools/de-driehoek" + conversation;
        var stored = (await store.ReadAsync(key))!;
        await store.ReplaceAsync(key, stored.Content, stored.ETag);
        release();

        Assert.StartsWith("Staat genoteerd: Tim op dinsdag 1 december om 15:00 uur", Assert.Single(await yes), StringComparison.Ordinal);
        var talk = Assert.Single(await RowsAsync());
        Assert.Equal(("Tim", "2026-12-01T15:00:00", TimParent), (talk.Child, talk.Start, talk.ParentPhone));
    }

    [Fact]
    public async Task TheParentWhoSaidYesFirstKeepsTheTimeWhileTheStoreIsStillWritingItAndTheOthersOnThatInstanceHearItIsTaken()
    {
        // Three parents of Juf Fatima's group want 15:00 on Tuesday; Tim's parent says "ja" first and the store holds
        // that write. The two who say "ja" meanwhile on this instance wait for it instead of writing the slot
        // themselves (which would get it past the first): Tim keeps his time, they hear it is taken and get the next.
        using var schools = new SchoolFolder();
        schools.Write("de-driehoek.yaml", SchoolFolder.DemoFile("de-driehoek").Replace("families:\n", """
            families:
              - parents: [{ name: Noah's Vader, phone: "06 12340002" }]
                children: [{ firstName: Noah, group: "4" }]
              - parents: [{ name: Sara's Vader, phone: "06 12340003" }]
                children: [{ firstName: Sara, group: "4" }]

            """, StringComparison.Ordinal));
        string[] others = ["+31612340002", "+31612340003"];
        await using var app = new BotApp(services: GatedStateStore.Register, settings: new Dictionary<string, string?>
        {
            ["School:Path"] = schools.Path,
            ["Admin:ApiKey"] = BoardKey,
        });
        foreach (var parent in others.Prepend(TimParent))
        {
            Assert.Contains("(ja/nee)", (await app.SendAsync(parent, "10 minutengesprek plannen om 15:00"))[^1], StringComparison.Ordinal);
        }

        var gate = app.Services.GetRequiredService<GatedStateStore>();
        var (reached, release) = gate.Arm("create", "/slots/2026-12-01T15:00");
        var tim = app.SendAsync(TimParent, "ja");
        await reached;
        var meanwhile = others.Select(parent => app.SendAsync(parent, "ja")).ToList();
        await Task.Delay(300); // time for both to reach the slot; if either came later, it finds the slot taken anyway
        release();

        Assert.StartsWith("Staat genoteerd: Tim op dinsdag 1 december om 15:00 uur", Assert.Single(await tim), StringComparison.Ordinal);
        foreach (var replies in await Task.WhenAll(meanwhile))
        {
            Assert.Contains("heeft net een andere ouder gekozen", replies[0], StringComparison.Ordinal);
            Assert.DoesNotContain("15:00", replies[^1], StringComparison.Ordinal);
        }

        using var office = app.CreateClient();
        office.DefaultRequestHeaders.Add("X-Api-Key", BoardKey);
        var talk = Assert.Single((await office.GetFromJsonAsync<List<BookingRow>>("/api/admin/bookings?from=2026-12-01&to=2026-12-03&school=de-driehoek"))!);
        Assert.Equal(("Tim", "2026-12-01T15:00:00"), (talk.Child, talk.Start));
    }

    private async Task<string> BookAsync(string parent, string request, string pick)
    {
        await _app.SendAsync(parent, request);
        await _app.SendAsync(parent, pick);
        var receipt = Assert.Single(await _app.SendAsync(parent, "ja"));
        Assert.StartsWith("Staat genoteerd", receipt, StringComparison.Ordinal);
        return receipt;
    }

    private async Task<List<BookingRow>> RowsAsync()
    {
        using var office = _app.CreateClient();
        office.DefaultRequestHeaders.Add("X-Api-Key", BoardKey);
        return (await office.GetFromJsonAsync<List<BookingRow>>("/api/admin/bookings?from=2026-12-01&to=2026-12-03&school=de-driehoek"))!;
    }
}
