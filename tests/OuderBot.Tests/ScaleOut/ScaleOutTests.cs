using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OuderBot.Testing;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.ScaleOut;

/// <summary>
/// Two instances of the published build behind nginx on one Azurite (<see cref="ScaleOutFixture"/>): what a parent, a
/// teacher and the office notice is the same as with one instance, wherever the load balancer sends each request.
/// </summary>
public sealed class ScaleOutTests(ScaleOutFixture lb) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task TheLoadBalancerSpreadsRequestsOverBothInstances()
    {
        var instances = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await lb.Balancer.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            instances.Add(ScaleOutFixture.Instance(response));
        }

        Assert.Equal(new[] { ScaleOutFixture.Upstream(lb.A), ScaleOutFixture.Upstream(lb.B) }.Order(StringComparer.Ordinal), instances.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheBookingRaceThroughTheLoadBalancerGivesNoSlotTwice()
    {
        // Every parent has a time in mind and the confirmation in front of them; then all say "ja" at once.
        var random = new Random(7);
        await Task.WhenAll(Enumerable.Range(0, ScaleOutFixture.RaceParents).Select(async i =>
        {
            var wanted = new TimeOnly(15, 0).AddMinutes(5 * random.Next(ScaleOutFixture.RaceSlots));
            var (replies, _) = await lb.SendAsync(RaceSchool.Phone(i), $"10 minutengesprek plannen om {wanted:HH:mm}", to: "race");
            Assert.Contains("(ja/nee)", replies[^1], StringComparison.Ordinal);
        }));

        var outcomes = new ConcurrentDictionary<int, string>();
        var instances = new ConcurrentDictionary<string, int>();
        await Task.WhenAll(Enumerable.Range(0, ScaleOutFixture.RaceParents).Select(async i =>
        {
            for (var turn = 0; turn < 4 * ScaleOutFixture.RaceSlots; turn++)
            {
                var (replies, instance) = await lb.SendAsync(RaceSchool.Phone(i), "ja", to: "race");
                instances.AddOrUpdate(instance, 1, (_, n) => n + 1);
                var last = replies[^1];
                if (last.StartsWith("Staat genoteerd", StringComparison.Ordinal) || last.Contains("staat op de wachtlijst", StringComparison.Ordinal))
                {
                    outcomes[i] = last.StartsWith("Staat", StringComparison.Ordinal) ? "booked" : "waiting";
                    return;
                }

                Assert.Contains("(ja/nee)", last, StringComparison.Ordinal);
            }
        }));

        Assert.Equal(2, instances.Count);
        Assert.Equal(ScaleOutFixture.RaceSlots, outcomes.Values.Count(o => o == "booked"));
        Assert.Equal(ScaleOutFixture.RaceParents - ScaleOutFixture.RaceSlots, outcomes.Values.Count(o => o == "waiting"));
        var rows = await lb.Balancer.GetFromJsonAsync<List<JsonElement>>("/api/admin/bookings?school=race&from=2026-12-01&to=2026-12-01");
        Assert.Equal(ScaleOutFixture.RaceSlots, rows!.Count);
        Assert.Equal(ScaleOutFixture.RaceSlots, rows.Select(r => r.GetProperty("start").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task DuplicateTwilioDeliveriesOnDifferentInstancesCountOnce()
    {
        const string parent = "+31622222222"; // Lotte Bakker, Tim in group 4
        var url = lb.Nginx.Url + "/api/twilio/messages";
        var first = await PostSignedAsync(url, Message(parent, "Tim komt morgen later"));
        Assert.Equal(["Hoe laat komt Tim op school? Typ bijvoorbeeld: '10 uur' of '10.30'."], await TwimlMessagesAsync(first));
        Assert.Equal(["Tim is afwezig op woensdag 25 november, tot 10.30 uur. Klopt dat? (ja/nee)"], await TwimlMessagesAsync(await PostSignedAsync(url, Message(parent, "half 11"))));

        // Twilio delivers the confirmation twice (same MessageSid, same signature): nginx sends the copies to both instances.
        var confirmation = Message(parent, "ja", NewSid());
        var copies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostSignedAsync(url, confirmation)));
        Assert.Equal(2, copies.Select(ScaleOutFixture.Instance).Distinct().Count());
        var replies = await Task.WhenAll(copies.Select(TwimlMessagesAsync));
        Assert.All(replies, r => Assert.Equal(["Dank u wel. Ik heb genoteerd: Tim is afwezig op woensdag 25 november, tot 10.30 uur. Ik geef het door aan Juf Fatima."], r));

        var rows = await lb.Balancer.GetFromJsonAsync<List<JsonElement>>("/api/admin/absences?school=de-driehoek&from=2026-11-25&to=2026-11-25");
        var tim = Assert.Single(rows!, r => r.GetProperty("child").GetString() == "Tim");
        Assert.Equal("10:30", tim.GetProperty("until").GetString()?[..5]);
        Assert.Equal(0, tim.GetProperty("alsoReportedBy").GetArrayLength());
    }

    [Fact]
    public async Task AConversationWhoseTurnsAlternateBetweenInstancesLosesNothing()
    {
        const string parent = "+31644444444"; // Fatma Yilmaz, Noor in group 2 and Sem in group 6
        var seen = new List<string>();
        var (replies, instance) = await lb.SendAsync(parent, "Ik wil mijn kind ziekmelden");
        seen.Add(instance);
        Assert.Contains("Welk kind", string.Join("\n", replies), StringComparison.Ordinal);
        (replies, instance) = await lb.SendAsync(parent, "Sem");
        seen.Add(instance);
        Assert.Contains("Voor welke dag", string.Join("\n", replies), StringComparison.Ordinal);
        (replies, instance) = await lb.SendAsync(parent, "morgen");
        seen.Add(instance);
        Assert.Equal("Sem is ziek op woensdag 25 november. Klopt dat? (ja/nee)", replies[^1]);
        (replies, instance) = await lb.SendAsync(parent, "ja");
        seen.Add(instance);
        Assert.StartsWith("Dank u wel. Ik heb genoteerd: Sem is ziek op woensdag 25 november.", replies[^1], StringComparison.Ordinal);

        // Round-robin: consecutive turns went to the other instance each time (other tests may interleave, so at least both).
        Assert.Equal(2, seen.Distinct().Count());
        var rows = await lb.Balancer.GetFromJsonAsync<List<JsonElement>>("/api/admin/absences?school=de-driehoek&from=2026-11-25&to=2026-11-25");
        var sem = Assert.Single(rows!, r => r.GetProperty("child").GetString() == "Sem");
        Assert.Equal("Fatma Yilmaz", sem.GetProperty("reportedBy").GetString());
        Assert.DoesNotContain(rows!, r => r.GetProperty("child").GetString() == "Noor");
    }

    [Fact]
    public async Task TheDigestGoesOutOnceToEveryTeacher()
    {
        // Both instances started with the 15:30 digest due: each teacher gets exactly one, whoever built it.
        await lb.MailDev.WaitForMailsAsync(ScaleOutFixture.DriehoekTeachers.Length, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second copy would be here by now (the outbox polls every 200 ms)
        var digests = (await lb.MailDev.MailsAsync()).Where(m => m.Subject.StartsWith("Dagoverzicht ", StringComparison.Ordinal) && m.Subject.Contains("24 november", StringComparison.Ordinal)).ToList();
        var recipients = digests.SelectMany(m => m.To.Select(t => t.Address)).ToList();
        Assert.Equal(ScaleOutFixture.DriehoekTeachers.Select(t => t + "@dedriehoek.example").Order(StringComparer.Ordinal), recipients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnAnnouncementReachesEveryParentOnce()
    {
        var text = "Morgen is de school om 12.00 uit (" + Guid.NewGuid().ToString("N")[..6] + ").";
        var created = await lb.Balancer.PostAsJsonAsync("/api/admin/announcements?school=de-driehoek", new { text, audience = "school", expectsAnswer = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        List<JsonElement> recipients = [];
        for (var i = 0; i < 150; i++)
        {
            var state = await lb.Balancer.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}?school=de-driehoek");
            recipients = [.. state.GetProperty("recipients").EnumerateArray()];
            if (recipients.Count > 0 && recipients.All(r => r.GetProperty("status").GetString() != "queued"))
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.NotEmpty(recipients);
        Assert.All(recipients, r => Assert.NotEqual("queued", r.GetProperty("status").GetString()));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second copy would be at the fake by now
        foreach (var recipient in recipients.Select(r => r.GetProperty("parent").GetString()!))
        {
            var bySms = lb.Twilio.Accepted.Count(m => m.Body.Contains(text, StringComparison.Ordinal) && m.To.Replace("whatsapp:", "", StringComparison.Ordinal) == recipient);
            var local = await lb.Balancer.GetFromJsonAsync<JsonElement>("/api/local/messages?from=" + Uri.EscapeDataString(recipient));
            var locally = local.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("text").GetString()!.Contains(text, StringComparison.Ordinal));
            Assert.True(bySms + locally == 1, $"{OuderBot.School.Phone.Mask(recipient)} got the announcement {bySms} times by SMS and {locally} times locally");
        }
    }

    private static async Task<HttpResponseMessage> PostSignedAsync(string url, Dictionary<string, string> form)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign(url, form));
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
