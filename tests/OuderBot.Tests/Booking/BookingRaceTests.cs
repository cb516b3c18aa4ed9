using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Booking;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Booking;

/// <summary>
/// The round opens and every parent books at once: 200 parents race for 40 slots through two bot instances on one
/// Azurite (several instances behind a load balancer). Only the store's conditional writes keep order.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BookingRaceTests(AzuriteFixture azurite)
{
    private const int Parents = 200;

    [Fact]
    public async Task TwoHundredParentsOnTwoInstancesGetExactlyFortyTalksNeverASlotTwiceAndTheRestTheWaitingList()
    {
        using var schools = new SchoolFolder();
        schools.Write("race.yaml", RaceSchool.Yaml(Parents));
        var settings = new Dictionary<string, string?>(BotApp.AzuriteSettings(azurite.ConnectionString, AzuriteFixture.NewContainer()))
        {
            ["School:Path"] = schools.Path,
            ["Admin:ApiKey"] = "race-key",
        };
        await using var a = new BotApp(settings: settings);
        await using var b = new BotApp(settings: settings);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());

        // Each parent has a time in mind (as parents do): "om 15:35". Seeded: a failure can be run again as it was.
        var random = new Random(20261201);
        var wishes = Enumerable.Range(0, Parents).Select(_ => new TimeOnly(15, 0).AddMinutes(5 * random.Next(RaceSchool.Slots))).ToArray();
        var outcomes = new ConcurrentDictionary<int, string>();
        var transcripts = new ConcurrentDictionary<int, List<string>>();
        await Task.WhenAll(Enumerable.Range(0, Parents).Select(async i =>
        {
            var app = i % 2 == 0 ? a : b;
            var seen = transcripts[i] = [];
            var wanted = wishes[i];
            var replies = await app.SendAsync(RaceSchool.Phone(i), $"10 minutengesprek plannen om {wanted:HH:mm}");
            for (var step = 0; step < 200; step++)
            {
                seen.AddRange(replies);
                var last = replies[^1];
                if (last.StartsWith("Staat genoteerd", StringComparison.Ordinal))
                {
                    outcomes[i] = "booked";
                    return;
                }

                if (last.Contains("staat op de wachtlijst", StringComparison.Ordinal))
                {
                    outcomes[i] = "waiting";
                    return;
                }

                var answer = last.Contains("Kies een nummer", StringComparison.Ordinal) ? "1"
                    : last.Contains("(ja/nee)", StringComparison.Ordinal) ? "ja"
                    : throw new Xunit.Sdk.XunitException($"Parent {i} got: {last}");
                replies = await app.SendAsync(RaceSchool.Phone(i), answer);
            }
        }));

        Assert.Equal(Slots, outcomes.Values.Count(o => o == "booked"));
        Assert.Equal(Parents - Slots, outcomes.Values.Count(o => o == "waiting"));
        Assert.All(transcripts.Values.SelectMany(t => t), r => Assert.DoesNotContain("ging iets mis", r, StringComparison.Ordinal));

        // Everyone else was told politely and asked about the waiting list.
        Assert.All(transcripts.Where(t => outcomes[t.Key] == "waiting"), t =>
            Assert.Contains("Alle tijden bij Juf Race zijn helaas vol. Zal ik Kind", string.Join("\n", t.Value), StringComparison.Ordinal));

        using var office = b.CreateClient();
        office.DefaultRequestHeaders.Add("X-Api-Key", "race-key");
        var rows = (await office.GetFromJsonAsync<List<BookingRow>>("/api/admin/bookings?from=2026-12-01&to=2026-12-01"))!;
        Assert.Equal(Slots, rows.Count);
        Assert.Equal(Slots, rows.Select(r => r.Start).Distinct().Count());
        Assert.Equal(Slots, rows.Select(r => r.ParentPhone).Distinct().Count());
        Assert.Equal(
            outcomes.Where(o => o.Value == "booked").Select(o => RaceSchool.Phone(o.Key)).Order(),
            rows.Select(r => r.ParentPhone).Order());

        var store = a.Services.GetRequiredService<BookingStore>();
        var round = a.School().Data.TalkRounds[0];
        var waiting = await store.WaitingAsync(a.School(), round, "juf-race", CancellationToken.None);
        Assert.Equal(Parents - Slots, waiting.Count);
        Assert.Equal(Parents - Slots, waiting.Select(w => w.Entry.ChildId).Distinct().Count());
    }

    [Fact]
    public async Task BothParentsOfOneChildSayingJaAtOnceOnTwoInstancesGetOneTalkForThem()
    {
        var settings = BotApp.AzuriteSettings(azurite.ConnectionString, AzuriteFixture.NewContainer());
        await using var a = new BotApp(settings: settings);
        await using var b = new BotApp(settings: settings);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
        await a.SendAsync(DemoParents.TimParent, "10 minutengesprek plannen");
        Assert.Contains("15:00", (await a.SendAsync(DemoParents.TimParent, "1"))[0], StringComparison.Ordinal);
        await b.SendAsync(DemoParents.TimOtherParent, "10 minutengesprek plannen op donderdag");
        Assert.Contains("19:00", (await b.SendAsync(DemoParents.TimOtherParent, "1"))[0], StringComparison.Ordinal);

        var replies = await Task.WhenAll(a.SendAsync(DemoParents.TimParent, "ja"), b.SendAsync(DemoParents.TimOtherParent, "ja"));

        var booked = Assert.Single(replies, r => r[0].StartsWith("Staat genoteerd: Tim", StringComparison.Ordinal));
        var other = Assert.Single(replies, r => r != booked);
        Assert.StartsWith("Tim heeft al een gesprek op", other[0], StringComparison.Ordinal);
        var talks = await a.Services.GetRequiredService<BookingStore>().OfChildrenAsync(a.School(), [a.School().Data.Children.Single(c => c.Id == "tim-g4")], CancellationToken.None);
        Assert.Single(talks);
        Assert.Single(await a.Services.GetRequiredService<BookingStore>().AllAsync(a.School(), t => t.Id == "juf-fatima", CancellationToken.None));
    }

    private const int Slots = RaceSchool.Slots;
}
