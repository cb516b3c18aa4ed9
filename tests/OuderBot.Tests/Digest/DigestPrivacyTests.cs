using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Privacy;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Digest.DigestSchool;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Digest;

// What the digest keeps of parents (their questions in the digests as sent, the teachers' answers) goes with the
// school's inbox period, and when the parent asks to be erased; an answer form that is empty, too long or too large is refused.
public sealed class DigestPrivacyTests : DigestMailTest
{
    [Fact]
    public async Task TheKeptDigestsAndAnswersGoThirtyDaysAfterTheirDay()
    {
        var time = new FakeTimeProvider(Monday(7));
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        await AnsweredQuestionAsync(app, time);
        var policy = app.Services.GetServices<IRetentionPolicy>().Single(p => p.Kind == "digests");

        time.SetUtcNow(new DateTimeOffset(2026, 12, 30, 7, 0, 0, TimeSpan.FromHours(1)));               // 30 days on
        await policy.PurgeAsync(new RetentionContext(app.School(), time.GetUtcNow()), CancellationToken.None);
        Assert.Equal(["digest-answers 1", "digest-last 8", "digests 8"], (await DigestKindsAsync(app)).GroupBy(k => k).Select(g => $"{g.Key} {g.Count()}"));   // every teacher's digest and last state

        time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.FromHours(1)));
        await policy.PurgeAsync(new RetentionContext(app.School(), time.GetUtcNow()), CancellationToken.None);
        Assert.Empty(await DigestKindsAsync(app));
    }

    [Fact]
    public async Task AParentWhoAsksToBeErasedLeavesNoQuestionOrAnswerInTheKeptDigests()
    {
        var time = new FakeTimeProvider(Monday(7));
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        await AnsweredQuestionAsync(app, time);
        Assert.Contains("digest-answers", await DigestKindsAsync(app));

        await app.RunAsync(TimParent, """
            > verwijder mijn gegevens
            <~ (ja/nee)
            > ja
            <~ Gewist
            """);
        Assert.DoesNotContain("digest-answers", await DigestKindsAsync(app));
        var store = app.Services.GetRequiredService<IStateStore>();
        await foreach (var key in store.ListKeysAsync("schools/de-driehoek/digest"))
        {
            Assert.DoesNotContain("/juf-fatima", key.Replace("digest-last/juf-fatima", "", StringComparison.Ordinal), StringComparison.Ordinal);   // her digest held Lotte's question
            var text = System.Text.Encoding.UTF8.GetString((await store.ReadAsync(key))!.Content.Span);
            Assert.DoesNotContain("Lotte", text, StringComparison.Ordinal);
            Assert.DoesNotContain(TimParent, text, StringComparison.Ordinal);
        }

        // Nor the outbox's copy of the digest mail that quoted her.
        await foreach (var key in store.ListKeysAsync("schools/de-driehoek/outbox/"))
        {
            var text = await store.ReadAsync(key) is { } sent ? System.Text.Encoding.UTF8.GetString(sent.Content.Span) : "";
            Assert.DoesNotContain("Lotte Bakker", text, StringComparison.Ordinal);
        }

        var digest = await app.DigestOfAsync("2026-11-30");
        Assert.Empty(digest.GetProperty("sections").GetProperty("handoffs").EnumerateArray());
    }

    [Fact]
    public async Task AnEmptyTooLongOrTooLargeAnswerIsRefusedAndNothingIsRelayed()
    {
        var time = new FakeTimeProvider(Monday(7));
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        await app.AskAsync(TimParent, "Tim", "Kan de juf mij bellen?");
        var link = new Uri(Assert.Single((await app.DigestOfAsync("2026-11-30")).GetProperty("sections").GetProperty("handoffs").EnumerateArray().ToList())
            .GetProperty("answerUrl").GetString()!).PathAndQuery;
        using var client = app.CreateClient();

        var empty = await client.PostAsync(link, Form("   "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Typ eerst uw antwoord.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLong = await client.PostAsync(link, Form(new string('a', 1001)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("hooguit 1000 tekens", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync(link, Form(new string('a', 20_000)))).StatusCode);

        Assert.Contains("<p id=\"status\">Open</p>", await client.GetStringAsync(link), StringComparison.Ordinal);
        Assert.DoesNotContain("digest-answers", await DigestKindsAsync(app));
    }

    private BotApp App(FakeTimeProvider time) => new(settings: Settings(Write(Folder), MailDev.SmtpPort), time: time);

    // Lotte's question, in the 07:30 digest, answered by Juf Fatima at 08:00 (relayed over the local outbox: no Twilio here).
    private async Task AnsweredQuestionAsync(BotApp app, FakeTimeProvider time)
    {
        await app.AskAsync(TimParent, "Tim", "Kan de juf mij bellen?");
        time.SetUtcNow(Monday(7, 30));
        await app.WaitForStatusAsync("2026-11-30", "07:30", "sent");
        var link = new Uri(Assert.Single((await app.DigestOfAsync("2026-11-30")).GetProperty("sections").GetProperty("handoffs").EnumerateArray().ToList())
            .GetProperty("answerUrl").GetString()!).PathAndQuery;
        time.SetUtcNow(Monday(8));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(link, Form("Ik bel u om 12 uur."))).StatusCode);
    }

    private static async Task<List<string>> DigestKindsAsync(BotApp app)
    {
        var kinds = new List<string>();
        await foreach (var key in app.Services.GetRequiredService<IStateStore>().ListKeysAsync("schools/de-driehoek/digest"))
        {
            kinds.Add(key["schools/de-driehoek/".Length..].Split('/')[0]);
        }

        return kinds;
    }

    private static FormUrlEncodedContent Form(string answer) => new([new KeyValuePair<string, string>("answer", answer)]);
}
