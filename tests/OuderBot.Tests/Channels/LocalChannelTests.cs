using System.Net;
using System.Net.Http.Json;
using System.Text;
using OuderBot.Admin;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Channels;

public sealed class LocalChannelTests
{
    [Fact]
    public async Task ReadyzAnswers200WhenTheStoreIsReady()
    {
        await using var app = new BotApp();
        await app.WaitUntilHealthyAsync();
        using var client = app.CreateClient();
        var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AMessageGetsItsRepliesAsJson()
    {
        await using var app = new BotApp();
        var response = await app.PostAsync(new { from = BibiParent, text = "hoi" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        // Each reply with what it costs by SMS (one segment of GSM-7).
        Assert.Equal("""{"replies":[{"text":"Hallo Sanne. Waarmee kan ik u helpen? Typ 'menu' om te zien wat ik kan.","segments":1,"gsm7":true}]}""", json);
    }

    [Fact]
    public async Task ThePhoneNumberMayBeWrittenTheDutchWay()
    {
        await using var app = new BotApp();
        Assert.StartsWith("Hallo Sanne.", Assert.Single(await app.SendAsync("06 11111111", "hoi")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"text":"hoi"}""", "\"from\" is required")]
    [InlineData("""{"from":"+31611111111"}""", "\"text\" is required")]
    [InlineData("""{"from":"+31611111111","text":""", "not valid JSON")]
    [InlineData("null", "body is empty")]
    public async Task ABrokenRequestGets400WithAReason(string body, string reason)
    {
        await using var app = new BotApp();
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/local/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Contains(reason, problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestThatIsNotJsonGets400()
    {
        await using var app = new BotApp();
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/local/messages", new StringContent("from=+31611111111&text=hoi", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Send JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverlongMessageGets400()
    {
        await using var app = new BotApp();
        var response = await app.PostAsync(new { from = BibiParent, text = new string('a', 5000) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheLocalChannelIsClosedOutsideDevelopmentUnlessSwitchedOn()
    {
        await using (var production = new BotApp(environment: "Production"))
        {
            var response = await production.PostAsync(new { from = BibiParent, text = "hoi" });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await using var enabled = new BotApp(environment: "Production", settings: new Dictionary<string, string?> { ["LocalChannel:Enabled"] = "true" });
        Assert.Single(await enabled.SendAsync(BibiParent, "hoi"));
    }

    [Fact]
    public async Task ClockNowPinsTheSchoolsTimeInDevelopmentOnly()
    {
        var pinned = new Dictionary<string, string?> { ["Clock:Now"] = "2020-01-06T08:00", ["LocalChannel:Enabled"] = "true" };
        await using (var development = new BotApp(settings: pinned, realClock: true))
        {
            Assert.Equal(["Tim is ziek op maandag 6 januari. Klopt dat? (ja/nee)"], await development.SendAsync(TimParent, "Tim is vandaag ziek"));
        }

        await using var production = new BotApp(environment: "Production", settings: pinned, realClock: true);
        Assert.DoesNotContain("6 januari", Assert.Single(await production.SendAsync(TimParent, "Tim is vandaag ziek")), StringComparison.Ordinal);
    }
}

public sealed class AdminEndpointTests
{
    [Fact]
    public async Task OfficeEndpointsAreClosedWhenNoKeyIsConfigured()
    {
        await using var app = new BotApp();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AdminEndpoints.ApiKeyHeader, "anything");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/stats")).StatusCode);
    }

    [Fact]
    public async Task OfficeEndpointsNeedTheRightKey()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = "office-secret" });
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/admin/stats")).StatusCode);

        client.DefaultRequestHeaders.Add(AdminEndpoints.ApiKeyHeader, "office-secreT");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/admin/stats")).StatusCode);
    }

    [Fact]
    public async Task StatsCountTurnsAndStorageRoundTrips()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = "office-secret" });
        await app.WaitUntilHealthyAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AdminEndpoints.ApiKeyHeader, "office-secret");
        var before = await client.GetFromJsonAsync<AdminStats>("/api/admin/stats");

        await app.SendAsync(TimParent, "Tim is vandaag ziek");  // read (none yet) + create
        await app.SendAsync(TimParent, "ja");                   // read + create the child's absences + its month in the office's index + replace (no read: cached)

        var after = await client.GetFromJsonAsync<AdminStats>("/api/admin/stats");
        Assert.Equal(2, after!.Turns - before!.Turns);
        Assert.Equal(6, after.StorageRoundTrips - before.StorageRoundTrips);

        // The next report of the month: one write per turn, and the child's document on the confirming one.
        await app.SendAsync(TimParent, "Tim is morgen ziek");   // replace (no read: cached)
        await app.SendAsync(TimParent, "ja");                   // replace the child's absences (cached) + replace
        var next = await client.GetFromJsonAsync<AdminStats>("/api/admin/stats");
        Assert.Equal(3, next!.StorageRoundTrips - after.StorageRoundTrips);
    }
}
