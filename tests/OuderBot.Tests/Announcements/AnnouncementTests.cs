using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Announcements;
using OuderBot.Channels.Local;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Announcements;

/// <summary>
/// The office's announcements end to end: POST /api/admin/announcements, the bot starting conversations through the
/// outbox to a fake Twilio API, Twilio's status callbacks, the parents' answers, on Azurite. The clock starts on
/// Tuesday 24 November 2026 at 10:45, outside quiet hours.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AnnouncementTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string BoardKey = "board-key";
    private static readonly DateTimeOffset TuesdayLateMorning = BotApp.TuesdayMorning.AddHours(3);
    private readonly string _container = AzuriteFixture.NewContainer();
    private FakeTwilioApi _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilioApi.StartAsync();

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [Fact]
    public async Task ASchoolAnnouncementReachesEveryParentOnceInTheirLanguageAndTheOfficeSeesItDelivered()
    {
        await using var app = App();
        await app.WaitUntilHealthyAsync();

        var id = await PostAsync(app, new { text = "Vrijdag is de kerstviering om 17.00 uur.", textEn = "The Christmas celebration is on Friday at 17:00.", audience = "school", expectsAnswer = false });

        var parents = app.School().Data.Parents.Select(p => p.Phone).ToList();
        await Wait.UntilAsync(() => _twilio.Accepted.Count == parents.Count, $"{parents.Count} messages sent");
        Assert.Equal(parents.Order(), _twilio.Accepted.Select(a => a.To).Order());                 // each parent once, also Emily with two children
        Assert.All(_twilio.Accepted, a => Assert.Equal(SchoolNumber, a.From));                      // from De Driehoek's own number
        Assert.Equal("The Christmas celebration is on Friday at 17:00.", _twilio.Accepted.Single(a => a.To == EnglishParentOfTwo).Body);
        Assert.Equal("Vrijdag is de kerstviering om 17.00 uur.", _twilio.Accepted.Single(a => a.To == TimParent).Body);
        Assert.DoesNotContain(_twilio.Accepted, a => a.To == "+31655555556");                      // De Regenboog's parents are not De Driehoek's

        await Wait.UntilAsync(async () => (await StatusAsync(app, id)).All(r => r.Status == "sent"), "all sent");
        var sid = _twilio.Accepted.Single(a => a.To == TimParent).Sid;
        await app.PostTwilioAsync("/api/twilio/status", StatusForm(sid, "delivered"));
        await app.PostTwilioAsync("/api/twilio/status", StatusForm(_twilio.Accepted.Single(a => a.To == BibiParent).Sid, "undelivered"));

        var recipients = await StatusAsync(app, id);
        Assert.Equal("delivered", recipients.Single(r => r.Parent == TimParent).Status);
        Assert.Equal("failed", recipients.Single(r => r.Parent == BibiParent).Status);
        Assert.Equal("sent", recipients.Single(r => r.Parent == TimOtherParent).Status);
        Assert.All(recipients, r => Assert.Null(r.Answer));
    }

    [Fact]
    public async Task AQuestionToAParentInTheMiddleOfAReportWaitsUntilTheReportIsDoneAndTheAnswerIsKept()
    {
        await using var app = App();
        await app.WaitUntilHealthyAsync();
        Assert.Equal(["Tim is ziek op woensdag 25 november. Klopt dat? (ja/nee)"], await app.TextAsync(TimParent, "Tim is morgen ziek"));

        var id = await PostAsync(app, new { text = "Kunt u helpen bij de kerstviering?", audience = "parent:+31622222222", expectsAnswer = true });
        await Wait.UntilAsync(async () => (await app.Services.GetRequiredService<AnnouncementStore>().PendingAsync(app.School(), CancellationToken.None)).Count == 0, "the sender reached the parent");
        Assert.Empty(_twilio.Accepted);                                                             // nothing while the parent is busy
        Assert.Equal("queued", Assert.Single(await StatusAsync(app, id)).Status);

        // The "ja" belongs to the report; the school's question comes after it, in the same reply.
        var replies = await app.TextAsync(TimParent, "ja");
        Assert.StartsWith("Dank u wel. Ik heb genoteerd: Tim is ziek op woensdag 25 november.", replies[0], StringComparison.Ordinal);
        Assert.Equal("Kunt u helpen bij de kerstviering? (ja/nee)", replies[^1]);
        Assert.Null(Assert.Single(await StatusAsync(app, id)).Answer);

        Assert.Equal(["Dank u wel. Ik heb uw antwoord doorgegeven aan de school: ja."], await app.TextAsync(TimParent, "ja"));
        Assert.Equal("ja", Assert.Single(await StatusAsync(app, id)).Answer);
    }

    [Fact]
    public async Task AnAnsweredQuestionIsKeptPerParentAndSendingItTwiceAsksOnce()
    {
        await using var app = App();
        await app.WaitUntilHealthyAsync();

        var id = await PostAsync(app, new { text = "Gaat uw kind mee op schoolreis?", textEn = "Is your child coming on the school trip?", audience = "group:4", expectsAnswer = true });
        await Wait.UntilAsync(() => _twilio.Accepted.Count == 2, "both of Tim's parents asked");
        Assert.All(_twilio.Accepted, a => Assert.Equal("Gaat uw kind mee op schoolreis? (ja/nee)", a.Body));

        // The sender runs again (as after a crash, or on a second instance): nothing is sent twice.
        await app.Services.GetRequiredService<AnnouncementSender>().SendPendingAsync(CancellationToken.None);
        await app.Services.GetRequiredService<OuderBot.Bot.ProactiveConversations>().StartAsync(app.School(), app.School().Data.FindParent(TimParent)!,
            new OuderBot.Bot.ProactiveStart($"announcement-{id}-31622222222", AnnouncementQuestionDialog.DialogId, null, "announcement"), CancellationToken.None);

        Assert.Equal(["Dank u wel. Ik heb uw antwoord doorgegeven aan de school: nee."], await app.TextAsync(TimParent, "nee"));
        Assert.StartsWith("Dank u wel.", Assert.Single(await app.TextAsync(TimOtherParent, "ja")), StringComparison.Ordinal);

        var recipients = await StatusAsync(app, id);
        Assert.Equal(("nee", "ja"), (recipients.Single(r => r.Parent == TimParent).Answer, recipients.Single(r => r.Parent == TimOtherParent).Answer));
        await Task.Delay(300);
        Assert.Equal(2, _twilio.Accepted.Count);
    }

    [Fact]
    public async Task AnAnnouncementAtNightWaitsForTheMorningAndAParentWhoSaidStopGetsNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.FromHours(1)));
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        await app.PostTwilioAsync("/api/twilio/messages", Message(TimOtherParent, "STOP"));

        var id = await PostAsync(app, new { text = "Morgen geen gym.", audience = "group:4", expectsAnswer = false });
        await Wait.UntilAsync(async () => (await StatusAsync(app, id)).Any(r => r.Status == "suppressed"), "the opt-out recorded");
        await Task.Delay(500);
        Assert.Empty(_twilio.Accepted);
        Assert.Equal("queued", (await StatusAsync(app, id)).Single(r => r.Parent == TimParent).Status);

        time.Advance(TimeSpan.FromHours(9.5)); // Wednesday 07:30
        await Wait.UntilAsync(() => _twilio.Accepted.Count == 1, "sent in the morning");
        Assert.Equal(TimParent, _twilio.Accepted[0].To);
        Assert.Equal("suppressed", (await StatusAsync(app, id)).Single(r => r.Parent == TimOtherParent).Status);
    }

    [Fact]
    public async Task OutsideWhatsAppsTwentyFourHoursTheSchoolsTemplateIsSent()
    {
        var time = new FakeTimeProvider(TuesdayLateMorning);
        await using var app = App(time, new() { ["Twilio:WhatsAppTemplateSid"] = "HX0123456789abcdef0123456789abcdef" });
        await app.WaitUntilHealthyAsync();
        await app.TextAsync("whatsapp:" + BibiParent, "hoi");                                   // Bibi's mother writes on WhatsApp
        time.Advance(TimeSpan.FromDays(2));
        _twilio.Enqueue(FakeTwilioReply.Error(63016, "Outside the allowed window"));

        await PostAsync(app, new { text = "Morgen is de studiedag.", audience = "parent:+31611111111", expectsAnswer = false });

        await Wait.UntilAsync(() => _twilio.Requests.Count == 2, "the message, then the template");
        Assert.Equal("whatsapp:" + BibiParent, _twilio.Requests[0].Form["To"]);
        Assert.Equal("whatsapp:" + SchoolNumber, _twilio.Requests[0].Form["From"]);
        Assert.Equal("HX0123456789abcdef0123456789abcdef", _twilio.Requests[1].Form["ContentSid"]);
    }

    [Fact]
    public async Task AReplyToAPlainAnnouncementReachesTheSchoolsInboxAndALocalParentReceivesIt()
    {
        await using var app = App();
        await app.WaitUntilHealthyAsync();
        await app.SendAsync(NoorAndSemParent, "hoi");                                               // over the local channel

        await PostAsync(app, new { text = "De schoolfotograaf komt donderdag.", audience = "parent:+31644444444", expectsAnswer = false });
        await Wait.UntilAsync(async () => (await ReceivedAsync(app, NoorAndSemParent)).Count == 1, "the announcement on the local 'phone'");
        Assert.Equal("De schoolfotograaf komt donderdag.", (await ReceivedAsync(app, NoorAndSemParent))[0].Text);

        Assert.Equal(["Dank u wel. Ik geef uw reactie door aan de school."], await app.SendAsync(NoorAndSemParent, "Oh wat leuk, dan doen we Noor haar mooie jurk aan!"));
        var item = Assert.Single(await app.Services.GetRequiredService<OuderBot.Inbox.SchoolInbox>().ForDayAsync(app.School(), new DateOnly(2026, 11, 24), CancellationToken.None));
        Assert.Equal(("announcement-reply", NoorAndSemParent), (item.Kind, item.ParentPhone));
        Assert.NotNull(item.About);
    }

    [Fact]
    public async Task AQuestionToAParentWhoLastWroteHoursAgoOrNeverStillTakesTheirAnswerTheNextMorning()
    {
        var time = new FakeTimeProvider(TuesdayLateMorning);
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        await app.TextAsync(TimParent, "hallo");
        time.Advance(TimeSpan.FromHours(5));

        var id = await PostAsync(app, new { text = "Komt u op de ouderavond?", audience = "group:4", expectsAnswer = true });
        await Wait.UntilAsync(() => _twilio.Accepted.Count == 2, "both parents asked");
        time.Advance(TimeSpan.FromHours(18)); // the next morning, after the night's retention run

        Assert.Equal(["Dank u wel. Ik heb uw antwoord doorgegeven aan de school: ja."], await app.TextAsync(TimParent, "ja"));
        Assert.Equal(["Dank u wel. Ik heb uw antwoord doorgegeven aan de school: nee."], await app.TextAsync(TimOtherParent, "nee")); // never wrote before
        var recipients = await StatusAsync(app, id);
        Assert.Equal(("ja", "nee"), (recipients.Single(r => r.Parent == TimParent).Answer, recipients.Single(r => r.Parent == TimOtherParent).Answer));
    }

    [Fact]
    public async Task AQuestionWaitingBehindAReportSurvivesARestartOfTheBot()
    {
        string id;
        await using (var before = App())
        {
            await before.WaitUntilHealthyAsync();
            await before.TextAsync(TimParent, "Tim is morgen ziek");
            id = await PostAsync(before, new { text = "Kunt u helpen bij de kerstviering?", audience = "parent:+31622222222", expectsAnswer = true });
            await Wait.UntilAsync(async () => (await before.Services.GetRequiredService<AnnouncementStore>().PendingAsync(before.School(), CancellationToken.None)).Count == 0, "the question waiting");
        }

        await using var after = App();
        await after.WaitUntilHealthyAsync();
        var replies = await after.TextAsync(TimParent, "ja");
        Assert.StartsWith("Dank u wel. Ik heb genoteerd", replies[0], StringComparison.Ordinal);
        Assert.Equal("Kunt u helpen bij de kerstviering? (ja/nee)", replies[^1]);
        await after.TextAsync(TimParent, "ja");
        Assert.Equal("ja", Assert.Single(await StatusAsync(after, id)).Answer);
    }

    [Fact]
    public async Task AQuestionHeldByQuietHoursThatTheParentSawInAReplyIsNotSentAgainInTheMorning()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.FromHours(1)));
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        var id = await PostAsync(app, new { text = "Komt u op de ouderavond?", audience = "parent:+31622222222", expectsAnswer = true });
        await Wait.UntilAsync(async () => (await app.Services.GetRequiredService<AnnouncementStore>().PendingAsync(app.School(), CancellationToken.None)).Count == 0, "the question on the stack, its words held");

        time.Advance(TimeSpan.FromHours(1)); // 23:00: the parent writes before the question went out
        await app.TextAsync(TimParent, "Tim is morgen ziek");
        var replies = await app.TextAsync(TimParent, "ja");
        Assert.Equal("Komt u op de ouderavond? (ja/nee)", replies[^1]);

        time.Advance(TimeSpan.FromHours(9)); // Wednesday 08:00
        await Task.Delay(800);
        Assert.Empty(_twilio.Accepted);
        Assert.Equal("sent", Assert.Single(await StatusAsync(app, id)).Status);
    }

    [Fact]
    public async Task AQuestionWaitingForDaysIsNotAskedAnyMore()
    {
        var time = new FakeTimeProvider(TuesdayLateMorning);
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        await app.TextAsync(TimParent, "Tim is morgen ziek"); // left open: the question waits behind it
        await PostAsync(app, new { text = "Komt u op de ouderavond?", audience = "parent:+31622222222", expectsAnswer = true });
        await Wait.UntilAsync(async () => (await app.Services.GetRequiredService<AnnouncementStore>().PendingAsync(app.School(), CancellationToken.None)).Count == 0, "the question waiting");

        time.Advance(TimeSpan.FromDays(4));
        var replies = await app.TextAsync(TimParent, "hoi");

        Assert.DoesNotContain(replies, r => r.Contains("ouderavond", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APlainAnnouncementDoesNotKeepAnOldQuestionAlive()
    {
        var time = new FakeTimeProvider(TuesdayLateMorning);
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        Assert.StartsWith("Voor welke dag", Assert.Single(await app.TextAsync(TimParent, "Ik wil mijn kind ziekmelden")), StringComparison.Ordinal);
        time.Advance(TimeSpan.FromHours(3));
        await PostAsync(app, new { text = "Morgen geen gym.", audience = "parent:+31622222222", expectsAnswer = false });
        await Wait.UntilAsync(() => _twilio.Accepted.Count == 1, "the announcement sent");

        time.Advance(TimeSpan.FromHours(3)); // six hours after the open question
        var reply = Assert.Single(await app.TextAsync(TimParent, "Hoe laat begint de school?"));

        Assert.DoesNotContain("Voor welke dag", reply, StringComparison.Ordinal);
        Assert.StartsWith("De schooltijden van OBS De Driehoek", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOpenQuestionOfTheSchoolStepsAsideForASickReportAndIsAskedAgainAfterIt()
    {
        await using var app = App();
        await app.WaitUntilHealthyAsync();
        var id = await PostAsync(app, new { text = "Komt u op de ouderavond?", audience = "parent:+31622222222", expectsAnswer = true });
        await Wait.UntilAsync(() => _twilio.Accepted.Count == 1, "the parent asked");

        Assert.Equal(["Tim is ziek op woensdag 25 november. Klopt dat? (ja/nee)"], await app.TextAsync(TimParent, "Tim is morgen ziek"));
        var replies = await app.TextAsync(TimParent, "ja");
        Assert.StartsWith("Dank u wel. Ik heb genoteerd: Tim is ziek op woensdag 25 november.", replies[0], StringComparison.Ordinal);
        Assert.Equal("Komt u op de ouderavond? (ja/nee)", replies[^1]);
        Assert.Null(Assert.Single(await StatusAsync(app, id)).Answer);

        await app.TextAsync(TimParent, "nee");
        Assert.Equal("nee", Assert.Single(await StatusAsync(app, id)).Answer);
    }

    [Fact]
    public async Task NoStoredIdOrKeyOfAnAnnouncementShowsTheParentsNumber()
    {
        await using var app = App();
        await app.WaitUntilHealthyAsync();
        await PostAsync(app, new { text = "Morgen geen gym.", audience = "group:4", expectsAnswer = false });
        await Wait.UntilAsync(() => _twilio.Accepted.Count == 2, "both parents told");

        var store = app.Services.GetRequiredService<OuderBot.Storage.IStateStore>();
        var outboxKeys = new List<string>();
        await foreach (var key in store.ListKeysAsync(app.School().Key("outbox/")))
        {
            outboxKeys.Add(key);
        }

        Assert.NotEmpty(outboxKeys);
        Assert.All(outboxKeys, k => Assert.DoesNotContain("622222222", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnnouncementsAndTheirAnswersGoAfterTheDeliveryPeriodAndErasureTakesAParentsAnswer()
    {
        var time = new FakeTimeProvider(TuesdayLateMorning);
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();
        var id = await PostAsync(app, new { text = "Komt u op de ouderavond?", audience = "group:4", expectsAnswer = true });
        await Wait.UntilAsync(() => _twilio.Accepted.Count == 2, "both parents asked");
        await app.TextAsync(TimParent, "ja");
        await app.TextAsync(TimOtherParent, "ja");

        await app.TextAsync(TimOtherParent, "verwijder mijn gegevens");
        await app.TextAsync(TimOtherParent, "ja");
        var recipients = await StatusAsync(app, id);
        Assert.Equal(("ja", (string?)null), (recipients.Single(r => r.Parent == TimParent).Answer, recipients.Single(r => r.Parent == TimOtherParent).Answer));

        var store = app.Services.GetRequiredService<AnnouncementStore>();
        var retention = app.Services.GetRequiredService<OuderBot.Privacy.RetentionJob>();
        time.Advance(TimeSpan.FromDays(31));
        await Wait.UntilAsync(async () => await store.FindAsync(app.School(), id, CancellationToken.None) is null, "the announcement deleted after 30 days");
        Assert.Empty(await store.AnswersAsync(app.School(), id, CancellationToken.None));
        Assert.True(retention.Runs > 0);
    }

    [Theory]
    [InlineData("""{"audience":"school"}""", "\"text\" is required")]
    [InlineData("""{"text":"hoi","audience":"group:9"}""", "no group '9'")]
    [InlineData("""{"text":"hoi","audience":"parent:+31699999999"}""", "not a parent at this school")]
    [InlineData("""{"text":"hoi","audience":"everyone"}""", "audience is")]
    [InlineData("""{"text":"hoi","audience":""", "not valid JSON")]
    public async Task ABrokenAnnouncementGets400WithTheReasonAndSendsNothing(string body, string reason)
    {
        await using var app = App();
        await app.WaitUntilHealthyAsync();
        using var client = Office(app);

        var response = await client.PostAsync("/api/admin/announcements?school=de-driehoek", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Empty(_twilio.Requests);
    }

    [Fact]
    public async Task TwoInstancesOnOneStoreSendEachAnnouncementOnce()
    {
        var time = new FakeTimeProvider(TuesdayLateMorning);
        await using var a = App(time);
        await using var b = App(time);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());

        await PostAsync(a, new { text = "Vrijdag vrij.", audience = "school", expectsAnswer = true });
        await Task.WhenAll(
            a.Services.GetRequiredService<AnnouncementSender>().SendPendingAsync(CancellationToken.None),
            b.Services.GetRequiredService<AnnouncementSender>().SendPendingAsync(CancellationToken.None));

        var parents = a.School().Data.Parents.Count;
        await Wait.UntilAsync(() => _twilio.Accepted.Count >= parents, "every parent asked");
        await Task.Delay(500);
        Assert.Equal(parents, _twilio.Accepted.Count);
        Assert.Equal(parents, _twilio.Accepted.Select(m => m.To).Distinct().Count());
    }

    private static HttpClient Office(BotApp app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", BoardKey);
        return client;
    }

    private static async Task<string> PostAsync(BotApp app, object body)
    {
        using var client = Office(app);
        var response = await client.PostAsJsonAsync("/api/admin/announcements?school=de-driehoek", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AnnouncementCreated>())!.Id;
    }

    private static async Task<IReadOnlyList<AnnouncementRecipient>> StatusAsync(BotApp app, string id)
    {
        using var client = Office(app);
        return (await client.GetFromJsonAsync<AnnouncementStatus>($"/api/admin/announcements/{id}?school=de-driehoek"))!.Recipients;
    }

    private static async Task<IReadOnlyList<LocalReceived>> ReceivedAsync(BotApp app, string phone)
    {
        using var client = app.CreateClient();
        return (await client.GetFromJsonAsync<LocalReceivedResponse>($"/api/local/messages?from={Uri.EscapeDataString(phone)}"))!.Messages;
    }

    private static Dictionary<string, string> StatusForm(string sid, string status) => new()
    {
        ["MessageSid"] = sid,
        ["MessageStatus"] = status,
        ["AccountSid"] = AccountSid,
        ["From"] = SchoolNumber,
    };

    private BotApp App(FakeTimeProvider? time = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(BotApp.AzuriteSettings(azurite.ConnectionString, _container))
        {
            ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl,
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Admin:ApiKey"] = BoardKey,
        };
        foreach (var (key, value) in Settings(settings))
        {
            all[key] = value;
        }

        return new BotApp(settings: all, time: time ?? new FakeTimeProvider(TuesdayLateMorning));
    }
}
