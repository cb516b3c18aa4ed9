using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Digest;
using OuderBot.Privacy;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Feedback;

// Feedback about a teacher reaches that teacher's digest (as the office sees it in GET /api/admin/digests, and on the
// teacher's own page from the digest's link); anonymous feedback there carries no name, phone or child. Feedback about
// the school goes to no teacher. De Driehoek on the embedded store, Tuesday 24 November 2026.
public sealed class FeedbackDigestTests : IAsyncLifetime
{
    private const string SigningKey = "feedback-test-signing-key-0123456789abcdef";
    private readonly LogLines _logs = new();
    private BotApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FeedbackApp.Create(_logs, new Dictionary<string, string?> { ["Digest:SigningKey"] = SigningKey });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnAnonymousComplimentShowsInTheTeachersDigestWithoutNamePhoneOrChild()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Compliment for Meester Kees: Emma loves his reading lessons, thank you from Emily
            <~ Two more questions.
            > yes no
            <~ Your name stays with the school office.
            """);
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await _app.RunAsync(TimParent, """
            > Tip voor meester Kees: de schoolreis mag wat langer van tevoren bekend zijn
            <~ Nog 2 vragen.
            > nee ja
            <~ De school neemt contact met u op.
            """);
        await _app.RunAsync(BibiParent, """
            > ik heb een klacht over de school, de nieuwsbrief komt altijd te laat
            <~ Nog 2 vragen.
            > nee nee
            <~ Uw klacht is genoteerd.
            """);
        _app.Time.Advance(TimeSpan.FromMinutes(5));

        var digest = await DigestOfAsync("meester-kees");
        var feedback = digest.GetProperty("sections").GetProperty("feedback").EnumerateArray().ToList();
        Assert.Equal(2, feedback.Count);
        var anonymous = feedback[0];
        Assert.Equal("compliment", anonymous.GetProperty("kind").GetString());
        Assert.True(anonymous.GetProperty("anonymous").GetBoolean());
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("parent").ValueKind);
        Assert.Empty(anonymous.GetProperty("children").EnumerateArray());
        Assert.Equal("Compliment for Meester Kees: ... loves his reading lessons, thank you from ...", anonymous.GetProperty("text").GetString());
        var named = feedback[1];
        Assert.Equal("suggestion", named.GetProperty("kind").GetString());
        Assert.Equal("Lotte Bakker", named.GetProperty("parent").GetString());
        Assert.Equal(["Tim"], named.GetProperty("children").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("1 compliment, 1 tip", digest.GetProperty("summary").GetString(), StringComparison.Ordinal);

        var json = digest.GetRawText();
        foreach (var secret in new[] { "Emily", "Carter", "Emma", "Oliver", "633333333" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }

        // The teacher's own page from the digest's link shows the same, no more.
        var link = _app.Services.GetRequiredService<DigestLinks>().OverviewUrl(_app.School(), "meester-kees", BotApp.TuesdayMorning.AddDays(1));
        using var client = _app.CreateClient();
        var page = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Feedback van ouders", html, StringComparison.Ordinal);
        Assert.Contains("compliment anoniem", html, StringComparison.Ordinal);
        Assert.Contains("tip van Lotte Bakker (Tim)", html, StringComparison.Ordinal);
        foreach (var secret in new[] { "Emily", "Carter", "Emma", "Oliver", "633333333" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }

        // The complaint about the school's newsletter is for the director (the office's list), in no teacher's digest.
        foreach (var teacher in new[] { "juf-anouk", "juf-fatima" })
        {
            Assert.Empty((await DigestOfAsync(teacher)).GetProperty("sections").GetProperty("feedback").EnumerateArray());
        }

        Assert.Contains(await _app.FeedbackAsync(), i => i.GetProperty("kind").GetString() == "complaint" && i.GetProperty("topic").GetString() == "communicatie" && i.GetProperty("teacher").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task AComplaintAboutATeacherIsInThatTeachersDigestBecauseTheProcedureStartsWithThem()
    {
        await _app.RunAsync(TimParent, """
            > ik heb een klacht over juf Fatima: Tim mag nooit naar de wc tijdens de les
            <~ Nog 2 vragen.
            > ja nee
            <~ eerst Juf Fatima, dan de directeur
            """);
        _app.Time.Advance(TimeSpan.FromMinutes(5));

        var entry = Assert.Single((await DigestOfAsync("juf-fatima")).GetProperty("sections").GetProperty("feedback").EnumerateArray().ToList());
        Assert.Equal("complaint", entry.GetProperty("kind").GetString());
        Assert.Equal("ik heb een klacht over juf Fatima: ... mag nooit naar de wc tijdens de les", entry.GetProperty("text").GetString());
        Assert.DoesNotContain("Lotte", entry.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AParentWhoAsksToBeErasedTakesTheirFeedbackAlongAndItExpiresAfterTheInboxPeriod()
    {
        await _app.RunAsync(TimParent, """
            > tip: de nieuwsbrief is te lang
            <~ Nog 2 vragen.
            > nee nee
            <~ Dank u wel voor uw tip.
            """);
        await _app.RunAsync(BibiParent, """
            > compliment voor juf Anouk, Bibi gaat met zoveel plezier naar school
            <~ Nog 2 vragen.
            > nee nee
            <~ Dank u wel!
            """);
        await _app.RunAsync(TimParent, """
            > verwijder mijn gegevens
            <~ (ja/nee)
            > ja
            <~ Gewist
            """);
        Assert.Equal(["Sanne de Boer"], (await _app.FeedbackAsync()).Select(i => i.GetProperty("sender").GetProperty("name").GetString()));

        var policy = _app.Services.GetServices<IRetentionPolicy>().Single(p => p.Kind == "feedback");
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddDays(30));
        await policy.PurgeAsync(new RetentionContext(_app.School(), _app.Time.GetUtcNow()), CancellationToken.None);
        Assert.Single(await _app.FeedbackAsync());
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddDays(31));
        await policy.PurgeAsync(new RetentionContext(_app.School(), _app.Time.GetUtcNow()), CancellationToken.None);
        Assert.Empty(await _app.FeedbackAsync());
    }

    private async Task<JsonElement> DigestOfAsync(string teacher)
    {
        var response = await _app.GetAsOfficeAsync($"/api/admin/digests?date=2026-11-24&teacher={teacher}");
        Assert.True(response.IsSuccessStatusCode, $"GET /api/admin/digests answered {(int)response.StatusCode}");
        return Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList());
    }
}
