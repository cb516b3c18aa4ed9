using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Digest;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Digest.DigestSchool;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Digest;

// A teacher answers a parent's question from the digest's page: the answer reaches the parent by SMS through a fake
// Twilio API, the question leaves the next digest, and the parent's reply comes back under it.
public sealed class DigestAnswerTests : IAsyncLifetime
{
    private readonly SchoolFolder _folder = new();
    private MailDevProcess _maildev = null!;
    private FakeTwilioApi _twilio = null!;

    public async Task InitializeAsync()
    {
        _maildev = await MailDevProcess.StartAsync();
        _twilio = await FakeTwilioApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _twilio.DisposeAsync();
        await _maildev.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task TheTeachersAnswerReachesTheParentLeavesTheDigestAndTheParentsReplyComesBackUnderIt()
    {
        var time = new FakeTimeProvider(Monday(7));
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        await app.AskAsync(TimParent, "Tim", "Kan de juf mij bellen? Tim is <b>erg</b> moe & stil.");
        time.SetUtcNow(Monday(7, 5));
        await app.AskAsync(Mirjam, "Yara", "Heeft Yara haar gymtas laten liggen?", kind: "question");
        time.SetUtcNow(Monday(7, 30));
        var digest = Assert.Single(await _maildev.WaitForDigestMailsAsync(1));
        var links = digest.Text.Split('\n').Where(l => l.StartsWith("  Beantwoorden: ", StringComparison.Ordinal)).Select(l => PathOf(l["  Beantwoorden: ".Length..].Trim())).ToList();
        Assert.Equal(2, links.Count);

        time.SetUtcNow(Monday(8));
        using var client = app.CreateClient();
        var page = await client.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Van Lotte Bakker over Tim", html, StringComparison.Ordinal);
        Assert.Contains("Kan de juf mij bellen? Tim is &lt;b&gt;erg&lt;/b&gt; moe &amp; stil.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>erg", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"answer\"", html, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"answer\" name=\"answer\"", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">", html.Replace(" style=\"font-size:16px;padding:10px 16px\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<p id=\"status\">Open</p>", html, StringComparison.Ordinal);

        var answered = await client.PostAsync(links[0], Form("Ik bel u om 12.30 uur. <i>Groet</i> & tot dan"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Uw antwoord is doorgestuurd naar Lotte Bakker.", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Wait.UntilAsync(() => _twilio.Accepted.Count > 0, "the answer sent to the parent");
        var sms = Assert.Single(_twilio.Accepted);
        Assert.Equal(TimParent, sms.To);
        Assert.Equal("Juf Fatima antwoordt op uw vraag: Ik bel u om 12.30 uur. <i>Groet</i> & tot dan", sms.Body);

        var again = await (await client.GetAsync(links[0])).Content.ReadAsStringAsync();
        Assert.Contains("<p id=\"status\">Beantwoord</p>", again, StringComparison.Ordinal);
        Assert.Contains("Juf Fatima antwoordde: Ik bel u om 12.30 uur. &lt;i&gt;Groet&lt;/i&gt; &amp; tot dan", again, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea", again, StringComparison.Ordinal);
        var twice = await client.PostAsync(links[0], Form("Nog een keer"));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // Mirjam's question is answered too; she does not reply.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(links[1], Form("Ja, hij ligt bij de conciërge."))).StatusCode);
        await Wait.UntilAsync(() => _twilio.Accepted.Count == 2, "the second answer sent");
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        Assert.Equal(2, _twilio.Accepted.Count);                                                 // the repeat sent nothing

        // Lotte replies by SMS; it goes to the teacher.
        time.SetUtcNow(Monday(9));
        Assert.Equal(["Dank u wel. Ik geef uw reactie door aan Juf Fatima."], await app.TextAsync(TimParent, "Prima, dank u wel!"));

        time.SetUtcNow(Monday(15, 30));
        await app.WaitForStatusAsync("2026-11-30", "15:30", "sent");
        var afternoon = await app.DigestOfAsync("2026-11-30");
        Assert.Equal("1 reactie op uw antwoord", afternoon.GetProperty("summary").GetString());
        var handoff = Assert.Single(afternoon.GetProperty("sections").GetProperty("handoffs").EnumerateArray().ToList());  // Mirjam's has left
        Assert.Equal("answered", handoff.GetProperty("status").GetString());
        Assert.Equal("Juf Fatima", handoff.GetProperty("answeredBy").GetString());
        Assert.Equal("Ik bel u om 12.30 uur. <i>Groet</i> & tot dan", handoff.GetProperty("answer").GetString());
        Assert.Equal(["Prima, dank u wel!"], handoff.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Null, handoff.GetProperty("answerUrl").ValueKind);

        var mail = (await _maildev.WaitForDigestMailsAsync(2)).Single(m => m.Subject.EndsWith("1 reactie op uw antwoord", StringComparison.Ordinal));
        var lines = mail.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var question = lines.FindIndex(l => l.StartsWith("- ma 30 nov 7.00, Lotte Bakker over Tim: Kan de juf mij bellen?", StringComparison.Ordinal));
        Assert.True(question >= 0, mail.Text);
        Assert.EndsWith("(beantwoord)", lines[question], StringComparison.Ordinal);
        Assert.Equal("  > Beantwoord door Juf Fatima: Ik bel u om 12.30 uur. <i>Groet</i> & tot dan", lines[question + 1]);
        Assert.Equal("  > Reactie van Lotte Bakker: Prima, dank u wel!", lines[question + 2]);
        Assert.DoesNotContain("gymtas", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Reactie van Lotte Bakker: Prima, dank u wel!", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;Groet&lt;/i&gt; &amp; tot dan", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlteredOrExpiredLinkIsRefusedAndRelaysNothing()
    {
        var time = new FakeTimeProvider(Monday(7));
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        await app.AskAsync(TimParent, "Tim", "Kan de juf mij bellen?");
        time.SetUtcNow(Monday(7, 5));
        await app.AskAsync(TimParent, "Tim", "En mag Tim morgen later komen?");
        var urls = (await app.DigestOfAsync("2026-11-30")).GetProperty("sections").GetProperty("handoffs").EnumerateArray()
            .Select(h => PathOf(h.GetProperty("answerUrl").GetString()!)).ToList();
        var link = urls[0];
        var sig = link[(link.IndexOf("&sig=", StringComparison.Ordinal) + 5)..];
        var expires = link[(link.IndexOf("expires=", StringComparison.Ordinal) + 8)..link.IndexOf('&', StringComparison.Ordinal)];
        var otherQuestion = urls[1][..urls[1].IndexOf('?', StringComparison.Ordinal)];
        var altered = new[]
        {
            link[..^1] + (sig[^1] == 'A' ? 'B' : 'A'),                                                          // the signature
            link.Replace("expires=" + expires, "expires=" + (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 3600), StringComparison.Ordinal), // a later expiry
            otherQuestion + link[link.IndexOf('?', StringComparison.Ordinal)..],                             // another question
            link.Replace("/juf-fatima/", "/juf-anouk/", StringComparison.Ordinal),                            // another teacher
            link[..link.IndexOf("&sig=", StringComparison.Ordinal)],                                          // no signature
        };

        using var client = app.CreateClient();
        foreach (var url in altered)
        {
            var get = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.Contains("Deze link klopt niet.", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(url, Form("Ik bel u straks."))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));                                      // Digest:LinkLifetime is 2 hours here
        var expired = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Deze link is verlopen.", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await client.PostAsync(link, Form("Ik bel u straks."))).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(0.5));
        Assert.Empty(_twilio.Accepted);
        Assert.Equal(2, (await app.DigestOfAsync("2026-11-30")).GetProperty("sections").GetProperty("handoffs").EnumerateArray().Count(h => h.GetProperty("status").GetString() == "open"));
    }

    [Fact]
    public async Task TheOverviewPageShowsTheTeachersDigestAndTalkScheduleForAPhone()
    {
        var time = new FakeTimeProvider(Monday(7));
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        await app.BookAsync("Tim", "2026-12-01T15:00");
        await app.AskAsync(TimParent, "Tim", "Kan de juf mij bellen? <script>alert(1)</script>");
        var url = PathOf(app.Services.GetRequiredService<DigestLinks>().OverviewUrl(app.School(), Teacher, Monday(9)));

        using var client = app.CreateClient();
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("Overzicht voor Juf Fatima, maandag 30 november", html, StringComparison.Ordinal);
        Assert.Contains("1 nieuw gesprek, 1 vraag", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Gespreksrooster", html, StringComparison.Ordinal);
        Assert.Contains("di 1 dec 15.00-15.10: Tim (Groep 4), met Lotte Bakker, lokaal 4", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url.Replace("/juf-fatima?", "/juf-anouk?", StringComparison.Ordinal))).StatusCode);
        time.SetUtcNow(Monday(9, 1));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task AnAnswerToAParentOnWhatsAppGoesAsTheSchoolsTemplateOnceTheirWindowHasClosed()
    {
        const string Template = "HX0123456789abcdef0123456789abcdef";
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(1)));   // Friday
        await using var app = App(time, Template);
        await app.WaitUntilHealthyAsync();
        Assert.Contains("Juf Fatima", Assert.Single(await app.TextAsync("whatsapp:" + TimParent, "Kan de juf mij bellen over Tim?")), StringComparison.Ordinal);

        time.SetUtcNow(Monday(7, 30));                                                                          // three days later
        await app.WaitForStatusAsync("2026-11-30", "07:30", "sent");
        var question = Assert.Single((await app.DigestOfAsync("2026-11-30")).GetProperty("sections").GetProperty("handoffs").EnumerateArray().ToList());
        Assert.Equal("Kan de juf mij bellen over Tim?", question.GetProperty("question").GetString());
        time.SetUtcNow(Monday(8));
        _twilio.Enqueue(FakeTwilioReply.Error(63016, "Outside the allowed window"));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(PathOf(question.GetProperty("answerUrl").GetString()!), Form("Ik bel u vanmiddag."))).StatusCode);

        await Wait.UntilAsync(() => _twilio.Requests.Count(r => r.Form.GetValueOrDefault("To") == "whatsapp:" + TimParent) == 2, "the answer, then the template");
        var requests = _twilio.Requests.Where(r => r.Form.GetValueOrDefault("To") == "whatsapp:" + TimParent).ToList();
        Assert.Equal("Juf Fatima antwoordt op uw vraag: Ik bel u vanmiddag.", requests[0].Form["Body"]);
        Assert.Equal(Template, requests[1].Form["ContentSid"]);
    }

    private BotApp App(FakeTimeProvider time, string? template = null)
    {
        var more = new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl,
            ["Digest:LinkLifetime"] = "02:00:00",
        };
        if (template is not null)
        {
            more["Twilio:WhatsAppTemplateSid"] = template;
        }

        return new(settings: TwilioWebhooks.Settings(Settings(Write(_folder), _maildev.SmtpPort, more)), time: time);
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static FormUrlEncodedContent Form(string answer) => new([new KeyValuePair<string, string>("answer", answer)]);
}
