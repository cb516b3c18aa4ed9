using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Privacy;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Booking;

/// <summary>Bookings are personal data: they go 30 days (the school's inbox period) after the round's last talk.</summary>
public sealed class BookingRetentionTests
{
    [Fact]
    public async Task ARoundsBookingsWaitingListAndCalendarLinksGoThirtyDaysAfterItsLastTalk()
    {
        await using var app = new BotApp();
        await app.SendAsync(TimParent, "10 minutengesprek plannen");
        await app.SendAsync(TimParent, "1");
        var receipt = Assert.Single(await app.SendAsync(TimParent, "ja"));
        var link = new Uri(receipt[receipt.IndexOf("http://", StringComparison.Ordinal)..]).PathAndQuery;
        var policy = app.Services.GetServices<IRetentionPolicy>().Single(p => p.Kind == "talk bookings");
        var store = app.Services.GetRequiredService<IStateStore>();

        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 2, 12, 0, 0, TimeSpan.FromHours(1)));              // 30 days after 3 December
        await policy.PurgeAsync(new RetentionContext(app.School(), app.Time.GetUtcNow()), CancellationToken.None);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);

        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 3, 12, 0, 0, TimeSpan.FromHours(1)));
        // (The daily run may get there first: the clock jumped past its time.)
        await policy.PurgeAsync(new RetentionContext(app.School(), app.Time.GetUtcNow()), CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link)).StatusCode);
        var left = new List<string>();
        await foreach (var key in store.ListKeysAsync("schools/de-driehoek/booking"))
        {
            left.Add(key);
        }

        Assert.DoesNotContain(left, k => !k.Contains("/booking-feeds/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BookingsOfARoundTakenOutOfTheSchoolFileGoToo()
    {
        var data = Directory.CreateTempSubdirectory("ouderbot-test-").FullName;
        try
        {
            await using (var app = new BotApp(dataFolder: data))
            {
                await app.SendAsync(TimParent, "10 minutengesprek plannen");
                await app.SendAsync(TimParent, "1");
                Assert.StartsWith("Staat genoteerd", Assert.Single(await app.SendAsync(TimParent, "ja")), StringComparison.Ordinal);
            }

            // The office takes the round out of the school file afterwards.
            using var schools = new SchoolFolder();
            var file = SchoolFolder.DemoFile("de-driehoek");
            schools.Write("de-driehoek.yaml", file[..file.IndexOf("\ntalkRounds:", StringComparison.Ordinal)] + "\n");
            await using var later = new BotApp(dataFolder: data, settings: new Dictionary<string, string?> { ["School:Path"] = schools.Path });
            await later.WaitUntilHealthyAsync();
            Assert.Empty(later.School().Data.TalkRounds);
            var policy = later.Services.GetServices<IRetentionPolicy>().Single(p => p.Kind == "talk bookings");
            var store = later.Services.GetRequiredService<IStateStore>();

            later.Time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.FromHours(1)));        // the talk was 19 days ago
            await policy.PurgeAsync(new RetentionContext(later.School(), later.Time.GetUtcNow()), CancellationToken.None);
            Assert.Contains(await BookingKeysAsync(store), k => k.Contains("/slots/", StringComparison.Ordinal));

            later.Time.SetUtcNow(new DateTimeOffset(2027, 1, 3, 12, 0, 0, TimeSpan.FromHours(1)));
            await policy.PurgeAsync(new RetentionContext(later.School(), later.Time.GetUtcNow()), CancellationToken.None);
            Assert.Empty(await BookingKeysAsync(store));
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static async Task<List<string>> BookingKeysAsync(IStateStore store)
    {
        var left = new List<string>();
        await foreach (var key in store.ListKeysAsync("schools/de-driehoek/booking"))
        {
            if (!key.Contains("/booking-feeds/", StringComparison.Ordinal))
            {
                left.Add(key);
            }
        }

        return left;
    }
}
