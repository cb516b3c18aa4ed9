using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Booking;
using OuderBot.Channels.Local;
using OuderBot.Outbox;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Booking;

/// <summary>
/// Juf Fatima has one talk, Tim has it, Mila and then Noah wait. A slot that frees up is offered by the bot to the
/// first on the list, held for them for 12 hours; then it goes to the next. The clock is the test's.
/// </summary>
public sealed class WaitingListTests : IDisposable
{
    private const string Mila = "+31612340001";
    private const string Noah = "+31612340002";
    private readonly SchoolFolder _schools = new();
    private readonly FakeTimeProvider _time = new(BotApp.TuesdayMorning);

    public WaitingListTests() =>
        _schools.Write("de-driehoek.yaml", SchoolFolder.DemoFile("de-driehoek")
            .Replace("{ name: Juf Fatima,    room: lokaal 4 }", "{ name: Juf Fatima, room: lokaal 4, days: [{ date: 2026-12-01, from: \"15:00\", to: \"15:10\" }] }", StringComparison.Ordinal)
            .Replace("families:\n", """
                families:
                  - parents: [{ name: Mila's Moeder, phone: "06 12340001" }]
                    children: [{ firstName: Mila, group: "4" }]
                  - parents: [{ name: Noah's Vader, phone: "06 12340002" }]
                    children: [{ firstName: Noah, group: "4" }]

                """, StringComparison.Ordinal));

    public void Dispose() => _schools.Dispose();

    [Fact]
    public async Task AFreedSlotIsOfferedToTheFirstOnTheWaitingListWhoTakesItWithJa()
    {
        await using var app = await FullRoundAsync();
        await app.RunAsync(TimParent, """
            > het gesprek van Tim gaat niet door
            <~ afzeggen? (ja/nee)
            > ja
            < Het gesprek van Tim is afgezegd. De tijd is weer vrij voor een andere ouder.
            """);

        var offer = await OfferAsync(app, Mila);
        Assert.Equal("Goed nieuws: er is een tijd vrijgekomen voor Mila bij Juf Fatima: dinsdag 1 december om 15:00 uur, lokaal 4. Wilt u die? Antwoord voor dinsdag 24 november 19:45 uur. (ja/nee)", offer);
        await app.RunAsync(Mila, """
            > ja
            <~ Staat genoteerd: Mila op dinsdag 1 december om 15:00 uur bij Juf Fatima, lokaal 4. Voor uw agenda: http://localhost:5080/api/talks/de-driehoek/
            """);
        Assert.Empty(await ReceivedAsync(app, Noah));

        // Tim's parent now finds the round full again.
        await app.RunAsync(TimParent, """
            > 10 minutengesprek plannen
            <~ Alle tijden bij Juf Fatima zijn helaas vol.
            """);
    }

    [Fact]
    public async Task ASlotFreedAtNightGivesTheTwelveHoursFromWhenTheOfferReachesTheParent()
    {
        await using var app = await FullRoundAsync();
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.FromHours(1)));
        await app.SendAsync(TimParent, "het gesprek van Tim gaat niet door");
        Assert.StartsWith("Het gesprek van Tim is afgezegd", Assert.Single(await app.SendAsync(TimParent, "ja")), StringComparison.Ordinal);

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.FromHours(1)));      // quiet hours end
        var offer = await OfferAsync(app, Mila);
        Assert.EndsWith("Wilt u die? Antwoord voor woensdag 25 november 19:30 uur. (ja/nee)", offer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlotLeftBehindByAnAttemptThatStoppedHalfwayDoesNotMakeTheRoundLookFull()
    {
        // An instance died between the slot's create and the child's claim, an hour ago: Juf Fatima's one slot.
        var app = new BotApp(time: _time, settings: new Dictionary<string, string?> { ["School:Path"] = _schools.Path });
        await using var _ = app;
        await app.WaitUntilHealthyAsync();
        var store = app.Services.GetRequiredService<OuderBot.Storage.IStateStore>();
        var left = new TalkBooking { Id = "b1", ChildId = "mila-g4", Child = "Mila", Group = "4", Parent = Mila, ParentName = "Mila's Moeder", Ics = "x", BookedAt = BotApp.TuesdayMorning.AddHours(-1) };
        await store.CreateAsync("schools/de-driehoek/bookings/10-minutengesprekken-2026-12/juf-fatima/slots/2026-12-01T15:00", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(left, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));

        // No office page looked at it first: Tim's parent is offered the time, not the waiting list.
        await app.RunAsync(TimParent, """
            > 10 minutengesprek plannen
            <~ 1. di 1 dec 15:00
            """);
    }

    [Fact]
    public async Task TwoSlotsFreedAtOnceHoldOnlyOneForTheParentWaiting()
    {
        // Juf Fatima has two talks (15:00 Tim, 15:15 Sara); Mila waits.
        using var schools = new SchoolFolder();
        schools.Write("de-driehoek.yaml", SchoolFolder.DemoFile("de-driehoek")
            .Replace("{ name: Juf Fatima,    room: lokaal 4 }", "{ name: Juf Fatima, room: lokaal 4, days: [{ date: 2026-12-01, from: \"15:00\", to: \"15:25\" }] }", StringComparison.Ordinal)
            .Replace("families:\n", """
                families:
                  - parents: [{ name: Mila's Moeder, phone: "06 12340001" }]
                    children: [{ firstName: Mila, group: "4" }]
                  - parents: [{ name: Noah's Vader, phone: "06 12340002" }]
                    children: [{ firstName: Noah, group: "4" }]
                  - parents: [{ name: Sara's Vader, phone: "06 12340003" }]
                    children: [{ firstName: Sara, group: "4" }]

                """, StringComparison.Ordinal));
        const string Sara = "+31612340003";
        await using var app = new BotApp(time: _time, services: GatedStateStore.Register, settings: new Dictionary<string, string?>
        {
            ["School:Path"] = schools.Path,
            ["Outbox:PollInterval"] = "00:00:00.100",
        });
        foreach (var parent in new[] { TimParent, Sara })
        {
            await app.SendAsync(parent, "10 minutengesprek plannen");
            await app.SendAsync(parent, "1");
            Assert.StartsWith("Staat genoteerd", Assert.Single(await app.SendAsync(parent, "ja")), StringComparison.Ordinal);
        }

        await app.SendAsync(Mila, "10 minutengesprek plannen");
        Assert.Contains("staat op de wachtlijst", Assert.Single(await app.SendAsync(Mila, "ja")), StringComparison.Ordinal);

        // Both cancel at once (two instances): Sara's is stopped with her slot free and the waiting list not yet asked;
        // Tim's then sees both slots free and is stopped as it holds 15:00 for Mila; Sara's goes on in that gap.
        var gate = app.Services.GetRequiredService<GatedStateStore>();
        await app.SendAsync(TimParent, "het gesprek van Tim gaat niet door");
        await app.SendAsync(Sara, "het gesprek van Sara gaat niet door");
        var (saraStopped, releaseSara) = gate.Arm("delete", "/children/sara-g4");
        var sara = app.SendAsync(Sara, "ja");
        await saraStopped;
        var (timStopped, releaseTim) = gate.Arm("create", "/slots/2026-12-01T15:00");
        var tim = app.SendAsync(TimParent, "ja");
        await timStopped;
        releaseSara();
        Assert.StartsWith("Het gesprek van Sara is afgezegd", Assert.Single(await sara), StringComparison.Ordinal);
        releaseTim();
        Assert.StartsWith("Het gesprek van Tim is afgezegd", Assert.Single(await tim), StringComparison.Ordinal);

        // Mila is offered one time; the other is free for anyone.
        Assert.StartsWith("Goed nieuws: er is een tijd vrijgekomen voor Mila", await OfferAsync(app, Mila), StringComparison.Ordinal);
        await app.RunAsync(TimParent, """
            > 10 minutengesprek plannen
            <~ Vrije tijden voor Tim bij Juf Fatima:
            """);
    }

    [Fact]
    public async Task AYesThatStoppedHalfwayAndIsSentAgainLeavesARealTalk()
    {
        await using var app = await FullRoundAsync(GatedStateStore.Register);
        await app.SendAsync(TimParent, "het gesprek van Tim gaat niet door");
        await app.SendAsync(TimParent, "ja");
        await OfferAsync(app, Mila);

        // The first "ja" stops right after the held slot became Mila's booking, before her claim was written.
        var mila = app.School().Data.FindParent(Mila)!.Children[0];
        app.Services.GetRequiredService<GatedStateStore>().FailNext("create", "/children/" + mila.Id);
        using (var client = app.CreateClient())
        {
            Assert.False((await client.PostAsJsonAsync("/api/local/messages", new { from = Mila, text = "ja" })).IsSuccessStatusCode);
        }

        Assert.StartsWith("Staat genoteerd: Mila", (await app.SendAsync(Mila, "ja"))[0], StringComparison.Ordinal);

        var talk = Assert.Single(await app.Services.GetRequiredService<BookingStore>().OfChildrenAsync(app.School(), [mila], CancellationToken.None));
        Assert.Equal(new DateTime(2026, 12, 1, 15, 0, 0), talk.Slot.Start);
    }

    [Fact]
    public async Task AnOfferNotTakenInTwelveHoursGoesToTheNextOnTheList()
    {
        await using var app = await FullRoundAsync();
        await app.SendAsync(TimParent, "het gesprek van Tim gaat niet door");
        await app.SendAsync(TimParent, "ja");
        await OfferAsync(app, Mila);

        _time.Advance(TimeSpan.FromHours(11.9));
        // What the workers would do now, done here once: nothing has run out, so Noah is asked nothing.
        await app.Services.GetRequiredService<WaitingList>().ExpireAsync(app.School(), CancellationToken.None);
        await app.Services.GetRequiredService<OutboxWorker>().SendDueAsync(CancellationToken.None);
        Assert.Empty(await ReceivedAsync(app, Noah));

        _time.Advance(TimeSpan.FromHours(0.2));
        var offer = await OfferAsync(app, Noah);
        Assert.StartsWith("Goed nieuws: er is een tijd vrijgekomen voor Noah bij Juf Fatima: dinsdag 1 december om 15:00 uur", offer, StringComparison.Ordinal);
        await app.RunAsync(Mila, """
            > ja
            < Helaas, de tijd om te antwoorden is voorbij. De plek is aan een andere ouder aangeboden.
            """);
        await app.RunAsync(Noah, """
            > ja
            <~ Staat genoteerd: Noah op dinsdag 1 december om 15:00 uur
            """);
    }

    [Fact]
    public async Task AParentAskingForTheWaitingListAgainKeepsTheirPlaceAndIsOnItOnce()
    {
        await using var app = await FullRoundAsync();
        await app.RunAsync(Mila, """
            > 10 minutengesprek plannen
            <~ Zal ik Mila op de wachtlijst zetten?
            > ja
            < Mila staat op de wachtlijst van Juf Fatima (plek 1). Komt er een tijd vrij, dan hoort u het van mij.
            """);

        var round = app.School().Data.TalkRounds[0];
        var waiting = await app.Services.GetRequiredService<BookingStore>().WaitingAsync(app.School(), round, "juf-fatima", CancellationToken.None);
        Assert.Equal(["Mila", "Noah"], waiting.Select(w => w.Entry.Child));
    }

    [Fact]
    public async Task AParentWhoErasesTheirDataLeavesTheWaitingListAndTheNextGetsTheOffer()
    {
        await using var app = await FullRoundAsync();
        await app.SendAsync(Mila, "verwijder mijn gegevens");
        Assert.StartsWith("Gewist", Assert.Single(await app.SendAsync(Mila, "ja")), StringComparison.Ordinal);
        await app.SendAsync(TimParent, "het gesprek van Tim gaat niet door");
        await app.SendAsync(TimParent, "ja");
        Assert.StartsWith("Goed nieuws: er is een tijd vrijgekomen voor Noah", await OfferAsync(app, Noah), StringComparison.Ordinal);
        Assert.Empty(await ReceivedAsync(app, Mila));
    }

    private async Task<BotApp> FullRoundAsync(Action<IServiceCollection>? services = null)
    {
        var app = new BotApp(time: _time, services: services, settings: new Dictionary<string, string?>
        {
            ["School:Path"] = _schools.Path,
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Booking:WaitingPollInterval"] = "00:00:00.100",
        });
        await app.RunAsync(TimParent, """
            > 10 minutengesprek plannen
            <~ 1. di 1 dec 15:00
            > 1
            <~ Tim: dinsdag 1 december om 15:00 uur
            > ja
            <~ Staat genoteerd
            """);
        foreach (var (parent, child, place) in new[] { (Mila, "Mila", 1), (Noah, "Noah", 2) })
        {
            await app.RunAsync(parent, $"""
                > 10 minutengesprek plannen
                <~ Zal ik {child} op de wachtlijst zetten?
                > ja
                < {child} staat op de wachtlijst van Juf Fatima (plek {place}). Komt er een tijd vrij, dan hoort u het van mij.
                """);
        }

        return app;
    }

    private static async Task<string> OfferAsync(BotApp app, string parent)
    {
        string? offer = null;
        await Wait.UntilAsync(async () => (offer = (await ReceivedAsync(app, parent)).LastOrDefault()?.Text) is not null, "the offer reached " + parent);
        return offer!;
    }

    private static async Task<IReadOnlyList<LocalReceived>> ReceivedAsync(BotApp app, string phone)
    {
        using var client = app.CreateClient();
        return (await client.GetFromJsonAsync<LocalReceivedResponse>($"/api/local/messages?from={Uri.EscapeDataString(phone)}"))!.Messages;
    }
}
