using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Digest.DigestSchool;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Digest;

// An extra talk the teacher invited for is in her digest like any talk: booked once a parent took a time, moved, and
// cancelled (the office's view, on the embedded store).
public sealed class DigestInvitationTests : DigestMailTest
{
    [Fact]
    public async Task AnInvitationTalkIsBookedMovedAndCancelledInTheTeachersDigest()
    {
        // Monday 30 November after the morning digest (nothing to tell then).
        var time = new FakeTimeProvider(Monday(7, 35));
        await using var app = new BotApp(settings: Settings(Write(Folder), MailDev.SmtpPort, new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.100" }), time: time);
        await app.WaitUntilHealthyAsync();
        await app.WaitForStatusAsync("2026-11-30", "07:30", "nothing-to-tell");
        await app.SendAsync(TimParent, "hoi");
        using (var office = app.CreateClient())
        {
            office.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            var created = await office.PostAsJsonAsync("/api/admin/invitations", new { child = "tim-g4", teacher = Teacher, slots = new[] { "2026-12-02T13:00", "2026-12-02T13:30" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await Wait.UntilAsync(async () => (await ReceivedAsync(app)).Any(m => m.StartsWith("Juf Fatima nodigt u uit", StringComparison.Ordinal)), "the invitation reached Tim's parent");
        Assert.StartsWith("Staat genoteerd: extra gesprek over Tim", Assert.Single(await app.SendAsync(TimParent, "1")), StringComparison.Ordinal);
        await app.SendAsync(TimParent, "verzet mijn afspraak");
        Assert.StartsWith("Verzet: extra gesprek over Tim nu op woensdag 2 december om 13:30 uur", Assert.Single(await app.SendAsync(TimParent, "1")), StringComparison.Ordinal);

        // The afternoon digest tells of the new talk, at its time now, in the schedule too.
        time.SetUtcNow(Monday(15, 30));
        await app.WaitForStatusAsync("2026-11-30", "15:30", "sent");
        var talks = (await app.DigestOfAsync("2026-11-30")).GetProperty("sections").GetProperty("talks");
        var booked = Assert.Single(talks.GetProperty("booked").EnumerateArray().ToList());
        Assert.Equal(("Tim", "2026-12-02T13:30", "extra gesprek", "lokaal 4"), (booked.GetProperty("child").GetString(), booked.GetProperty("start").GetString(), booked.GetProperty("round").GetString(), booked.GetProperty("room").GetString()));
        Assert.Contains(talks.GetProperty("schedule").EnumerateArray(), t => t.GetProperty("start").GetString() == "2026-12-02T13:30");

        // The teacher's page lists it in her talk schedule.
        var page = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OuderBot.Digest.DigestLinks>(app.Services)
            .OverviewUrl(app.School(), Teacher, Monday(18));
        using (var client = app.CreateClient())
        {
            Assert.Contains("wo 2 dec 13.30-13.45: Tim (Groep 4), met Lotte Bakker, lokaal 4", await client.GetStringAsync(new Uri(page).PathAndQuery), StringComparison.Ordinal);
        }

        // Cancelled that evening: Tuesday morning's digest says so.
        time.SetUtcNow(Monday(18));
        await app.SendAsync(TimParent, "het gesprek van Tim gaat niet door");
        Assert.StartsWith("Het extra gesprek over Tim met Juf Fatima is afgezegd", Assert.Single(await app.SendAsync(TimParent, "ja")), StringComparison.Ordinal);
        time.SetUtcNow(Monday(7, 30).AddDays(1));
        await app.WaitForStatusAsync("2026-12-01", "07:30", "sent");
        var tuesday = (await app.DigestOfAsync("2026-12-01")).GetProperty("sections").GetProperty("talks");
        Assert.Equal("2026-12-02T13:30", Assert.Single(tuesday.GetProperty("cancelled").EnumerateArray().ToList()).GetProperty("start").GetString());
    }

    private static async Task<List<string>> ReceivedAsync(BotApp app)
    {
        using var client = app.CreateClient();
        var body = await client.GetFromJsonAsync<OuderBot.Channels.Local.LocalReceivedResponse>($"/api/local/messages?from={Uri.EscapeDataString(TimParent)}");
        return [.. body!.Messages.Select(m => m.Text)];
    }
}
