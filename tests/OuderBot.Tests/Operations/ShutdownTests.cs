using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using OuderBot.Storage;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Operations;

/// <summary>
/// SIGTERM as a platform sends it when it scales in or deploys: two bot processes on one Azurite, an announcement to a
/// school of 1,000 families being sent by the first when it is told to stop. It stops taking turns at once and gives
/// the announcement's claim back, so the second finishes it within seconds instead of after the 5-minute lease, and
/// every parent gets it exactly once.
/// </summary>
public sealed class ShutdownTests
{
    private const int Families = 400;
    private const string AdminKey = "shutdown-test-board-key-0123";

    [Fact]
    public async Task ASigtermedInstanceHandsItsAnnouncementToTheOtherAtOnceAndNobodyGetsItTwice()
    {
        using var folder = new SchoolFolder();
        var school = folder.Write("school.yaml", "id: laadtest\nnumbers: { sms: \"+3197010000009\" }\n" + GeneratedSchool.Yaml(Families));
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var twilio = await FakeTwilioApi.StartAsync();
        string[] settings =
        [
            "--School:Path", school, "--Admin:ApiKey", AdminKey, "--Clock:Now", "2026-11-24T10:00",
            "--Storage:Provider", "AzureBlob", "--Storage:ConnectionString", azurite.ConnectionString, "--Storage:Container", "ouderbot",
            "--Twilio:AccountSid", TwilioWebhooks.AccountSid, "--Twilio:AuthToken", TwilioWebhooks.AuthToken, "--Twilio:ApiBaseUrl", twilio.BaseUrl,
            "--Outbox:PollInterval", "00:00:00.200", "--Shutdown:DrainDelay", "00:00:02",
        ];
        var started = await Task.WhenAll(BotServer.StartAsync(settings), BotServer.StartAsync(settings));
        await using var a = started[0];
        await using var b = started[1];

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/admin/announcements")
        {
            Content = JsonContent.Create(new { text = "Morgen is de school om 12.00 uit.", audience = "school", expectsAnswer = false }),
        };
        post.Headers.Add("X-Api-Key", AdminKey);
        var created = await a.Http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // The first instance is under way (it was woken by the POST; the second looks every 5 seconds): stop it.
        await UntilAsync(() => Task.FromResult(twilio.Accepted.Count >= 10), TimeSpan.FromSeconds(30));
        a.Terminate();
        var terminated = Stopwatch.StartNew();

        // Draining (the signal arrives within milliseconds): not ready, no new turns (503 with Retry-After), but alive
        // until the listener closes.
        await UntilAsync(async () => (await a.Http.GetAsync("/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(2));
        var turn = await a.Http.PostAsJsonAsync("/api/local/messages", new { from = GeneratedSchool.Phone(1), text = "hoi" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, turn.StatusCode);
        Assert.True(turn.Headers.RetryAfter is not null, "a draining instance says when to try again");
        Assert.Equal(HttpStatusCode.OK, (await a.Http.GetAsync("/healthz")).StatusCode);

        await a.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, a.Process.ExitCode);

        // The other instance took the announcement over long before the lease would have run out.
        var claims = new BlobStateStore(new BlobContainerClient(azurite.ConnectionString, "ouderbot"));
        ClaimRecord? claim = null;
        await UntilAsync(async () => (claim = await ReadClaimAsync(claims, $"claims/announcements/laadtest/{id}")) is { DoneAt: not null }, TimeSpan.FromSeconds(60));
        Assert.Contains($"/{b.Process.Id}/", claim!.Owner, StringComparison.Ordinal);
        Assert.True(terminated.Elapsed < TimeSpan.FromSeconds(60), $"taken over after {terminated.Elapsed}, the lease is 5 minutes");

        // Every parent gets it exactly once, also the one whose start the SIGTERM interrupted.
        var reached = await WaitAsync(() => twilio.Accepted.Count >= Families, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var perParent = twilio.Accepted.GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Count());
        if (!reached)
        {
            var missing = Enumerable.Range(0, Families + 2).Select(GeneratedSchool.Phone).Where(p => !perParent.ContainsKey(p)).ToList();
            var keys = new List<string>();
            await foreach (var key in claims.ListKeysAsync(""))
            {
                if (missing.Any(m => key.Contains(m[1..], StringComparison.Ordinal)) || key.Contains("outbox/pending", StringComparison.Ordinal) || key.Contains("outbox/due", StringComparison.Ordinal))
                {
                    keys.Add(key + " => " + (await claims.ReadAsync(key) is { } d ? System.Text.Encoding.UTF8.GetString(d.Content.Span) : "-"));
                }
            }

            Assert.Fail($"{perParent.Count} of {Families} reached; missing {string.Join(",", missing)}\n{string.Join("\n", keys)}");
        }

        Assert.Equal(Families, perParent.Count);
        Assert.All(perParent, p => Assert.Equal(1, p.Value));
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string>? state = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < timeout, $"waited {timeout} in vain{(state is null ? "" : ": " + state())}");
            await Task.Delay(100);
        }
    }

    private static async Task<ClaimRecord?> ReadClaimAsync(IStateStore store, string key) =>
        await store.ReadAsync(key) is { } document ? JsonSerializer.Deserialize<ClaimRecord>(document.Content.Span, new JsonSerializerOptions(JsonSerializerDefaults.Web)) : null;
}
