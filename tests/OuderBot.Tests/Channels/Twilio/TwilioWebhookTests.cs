using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Bot;
using OuderBot.Channels.Twilio;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Channels.Twilio;

// The clock stands at Tuesday 24 November 2026, 07:45 (BotApp.TuesdayMorning).
public sealed class TwilioWebhookTests : IAsyncLifetime
{
    private const string Messages = "/api/twilio/messages";
    private readonly BotApp _app = new(settings: Settings());

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AParentStartsAnAbsenceBySmsAndConfirmsItOnWhatsApp()
    {
        Assert.Equal(["Bibi is ziek op dinsdag 24 november. Klopt dat? (ja/nee)"], await _app.TextAsync(BibiParent, "Bibi is vandaag ziek"));

        var confirmed = Assert.Single(await _app.TextAsync("whatsapp:" + BibiParent, "ja"));

        Assert.StartsWith("Dank u wel. Ik heb genoteerd: Bibi is ziek op dinsdag 24 november.", confirmed, StringComparison.Ordinal);
        var report = Assert.Single(await Reports("bibi-g1"));
        Assert.Equal(BibiParent, report.ReportedBy);
        Assert.Equal("whatsapp", report.Channel);
    }

    [Fact]
    public async Task TheReplyIsTwimlWithTheTextEscaped()
    {
        var response = await _app.PostTwilioAsync(Messages, Message(BibiParent, "hoi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Hallo Sanne. Waarmee kan ik u helpen? Typ 'menu' om te zien wat ik kan.</Message></Response>", xml);
    }

    [Fact]
    public async Task AnEnglishParentCanAnswerYesToAConfirmationBySms()
    {
        Assert.Equal(["Oliver is sick on Wednesday 25 November. Is that right? (yes/no)"], await _app.TextAsync(EnglishParentOfTwo, "Oliver is sick tomorrow"));

        var reply = Assert.Single(await _app.TextAsync(EnglishParentOfTwo, "YES"));

        Assert.StartsWith("Thank you. I have noted: Oliver is sick on Wednesday 25 November.", reply, StringComparison.Ordinal);
        Assert.False(await OptOuts.IsOptedOutAsync(_app.School(), EnglishParentOfTwo, CancellationToken.None));
    }

    [Fact]
    public async Task ARepeatedMessageSidGetsTheSameReplyAndChangesNothingTwice()
    {
        await _app.TextAsync(BibiParent, "Bibi is vandaag ziek");
        var sid = NewSid();
        var first = await _app.TextAsync(BibiParent, "ja", sid);
        var stored = await Store.ReadAsync(ConversationStore.Key(_app.School(), BibiParent));

        var again = await _app.TextAsync(BibiParent, "ja", sid);

        Assert.Equal(first, again);
        Assert.Single(await Reports("bibi-g1"));
        Assert.Equal(stored!.ETag, (await Store.ReadAsync(ConversationStore.Key(_app.School(), BibiParent)))!.ETag);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("missing")]
    [InlineData("other url")]
    [InlineData("tampered")]
    [InlineData("other token")]
    public async Task ARequestWithoutTwiliosSignatureIsRefusedAndChangesNothing(string how)
    {
        await _app.TextAsync(BibiParent, "Bibi is vandaag ziek");
        var before = await Store.ReadAsync(ConversationStore.Key(_app.School(), BibiParent));
        var form = Message(BibiParent, "ja");
        var signature = how switch
        {
            "forged" => "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
            "missing" => null,
            "other url" => Sign("http://localhost/api/twilio/status", form),
            "other token" => Sign(MessagesUrl, form, "another-token"),
            _ => Sign(MessagesUrl, form),
        };
        if (how == "tampered")
        {
            form["Body"] = "nee";
        }

        var response = await _app.PostTwilioAsync(Messages, form, signature: signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await Reports("bibi-g1"));
        Assert.Equal(before!.ETag, (await Store.ReadAsync(ConversationStore.Key(_app.School(), BibiParent)))!.ETag);
    }

    [Fact]
    public async Task ASignatureForTheUrlWithItsDefaultPortIsAccepted()
    {
        var response = await _app.PostTwilioAsync(Messages, Message(BibiParent, "hoi"), signedUrl: "http://localhost:80/api/twilio/messages");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AMessageWithTheWrongContentTypeGets415WithAReason()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Messages) { Content = new StringContent("""{"From":"+31611111111","Body":"hoi"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Twilio-Signature", Sign(MessagesUrl, []));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/x-www-form-urlencoded", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From", "", "From is required")]
    [InlineData("MessageSid", "", "MessageSid is required")]
    [InlineData("Body", "", "Body is required")]
    [InlineData("NumMedia", "many", "NumMedia must be a whole number")]
    public async Task AMalformedMessageGets400WithAReasonAndStoresNothing(string field, string value, string reason)
    {
        var form = Message(BibiParent, "Bibi is vandaag ziek");
        form[field] = value;

        var response = await _app.PostTwilioAsync(Messages, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Null(await Store.ReadAsync(ConversationStore.Key(_app.School(), BibiParent)));
    }

    [Fact]
    public async Task AnOverlongBodyGets400AndAnOversizedRequestGets413()
    {
        var response = await _app.PostTwilioAsync(Messages, Message(BibiParent, new string('a', 1601)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1600", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);

        var huge = Message(BibiParent, "hoi");
        huge["Padding"] = new string('x', 17 * 1024);
        response = await _app.PostTwilioAsync(Messages, huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await Store.ReadAsync(ConversationStore.Key(_app.School(), BibiParent)));
    }

    // U+FFFE and U+FFFF are no characters, but UTF-8 can carry them (a UCS-2 SMS can hold any 16-bit unit).
    [Theory]
    [InlineData(BibiParent, "Bibi is vandaag\uFFFE ziek", "Bibi is ziek op dinsdag 24 november. Klopt dat? (ja/nee)")]
    [InlineData(BibiParent, "Bibi is vandaag ziek\uFFFF", "Bibi is ziek op dinsdag 24 november. Klopt dat? (ja/nee)")]
    [InlineData(Stranger, "hoi\uFFFE", "Goedendag. Dit is het berichtennummer van OBS De Driehoek.")]
    public async Task AMessageWithCodePointsThatAreNoCharactersIsAnsweredAsTheTextAroundThem(string from, string body, string reply)
    {
        var response = await _app.PostTwilioAsync(Messages, Message(from, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(reply, Assert.Single(await TwimlMessagesAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APhotoWithoutTextGetsAFriendlyRequestToTypeTheMessage()
    {
        Assert.Equal(["Bibi is ziek op dinsdag 24 november. Klopt dat? (ja/nee)"], await _app.TextAsync(BibiParent, "Bibi is vandaag ziek"));
        var photo = Message("whatsapp:" + BibiParent, "", numMedia: 1);
        photo["MediaUrl0"] = "https://api.twilio.com/2010-04-01/Accounts/AC.../Messages/MM.../Media/ME...";
        photo["MediaContentType0"] = "image/jpeg";

        var response = await _app.PostTwilioAsync(Messages, photo);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Dank u wel. Ik kan helaas geen foto's of bestanden lezen. Wilt u uw bericht typen? Bijvoorbeeld: 'Tim is vandaag ziek'."], await TwimlMessagesAsync(response));
        // The open question is still open.
        Assert.StartsWith("Dank u wel. Ik heb genoteerd: Bibi is ziek", Assert.Single(await _app.TextAsync(BibiParent, "ja")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopOptsTheParentOutWithAnEmptyReplyAndStartOptsThemInAgain()
    {
        var response = await _app.PostTwilioAsync(Messages, Message(BibiParent, " stop "));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await TwimlMessagesAsync(response));
        Assert.True(await OptOuts.IsOptedOutAsync(_app.School(), BibiParent, CancellationToken.None));

        Assert.Empty(await _app.TextAsync(BibiParent, "HELP"));
        Assert.True(await OptOuts.IsOptedOutAsync(_app.School(), BibiParent, CancellationToken.None));

        Assert.Empty(await _app.TextAsync(BibiParent, "Start"));
        Assert.False(await OptOuts.IsOptedOutAsync(_app.School(), BibiParent, CancellationToken.None));
        Assert.Null(await Store.ReadAsync(ConversationStore.Key(_app.School(), BibiParent)));
    }

    [Theory]
    [InlineData("STOPALL")]
    [InlineData("unsubscribe")]
    [InlineData("Cancel")]
    [InlineData("END")]
    [InlineData("quit")]
    [InlineData("REVOKE")]
    [InlineData("optout")]
    public async Task EveryOptOutKeywordOfTwilioOptsOut(string keyword)
    {
        Assert.Empty(await _app.TextAsync(BibiParent, keyword));
        Assert.True(await OptOuts.IsOptedOutAsync(_app.School(), BibiParent, CancellationToken.None));
    }

    // Twilio: "only when the full message body matches the keyword", "not case sensitive" (README, "Opt-out (SMS)").
    [Theory]
    [InlineData("sToP")]
    [InlineData("Stop ")]
    [InlineData("STOP\n")]
    [InlineData("\tquit\r\n")]
    [InlineData("OptOut")]
    public async Task AMessageThatIsOnlyTheKeywordInAnyCaseWithSpacesOrLineBreaksAroundItOptsOut(string body)
    {
        Assert.Empty(await _app.TextAsync(BibiParent, body));
        Assert.True(await OptOuts.IsOptedOutAsync(_app.School(), BibiParent, CancellationToken.None));
    }

    // Where Twilio's pages are silent (punctuation, other letters or spaces that look alike), the bot does not guess
    // an opt-out Twilio may not have made: it would silence the bot for a parent Twilio still serves.
    [Theory]
    [InlineData("Stop.")]
    [InlineData("stop!")]
    [InlineData("STOP \U0001F6D1")]
    [InlineData("\uFF33\uFF34\uFF2F\uFF30")] // full-width STOP
    [InlineData("\u017Ftop")] // long s
    [InlineData("qu\u0131t")] // dotless i
    [InlineData("\u00A0STOP")] // no-break space
    [InlineData("STOP\u3000")] // ideographic space
    [InlineData("STOP PLEASE")]
    [InlineData("please cancel")]
    [InlineData("OPT OUT")]
    [InlineData("opt-out")]
    [InlineData("stoppen")]
    public async Task AnythingMoreOrOtherThanTheKeywordItselfIsAnOrdinaryMessage(string body)
    {
        Assert.NotEmpty(await _app.TextAsync(BibiParent, body));
        Assert.Null(await OptOuts.GetAsync(_app.School(), BibiParent, CancellationToken.None));
    }

    [Fact]
    public async Task TwiliosOptOutTypeCountsEvenForAServicesOwnKeyword()
    {
        var form = Message(BibiParent, "STOPPEN");
        form["OptOutType"] = "STOP";
        Assert.Empty(await TwimlMessagesAsync(await _app.PostTwilioAsync(Messages, form)));
        Assert.True(await OptOuts.IsOptedOutAsync(_app.School(), BibiParent, CancellationToken.None));
    }

    [Fact]
    public async Task StopOnWhatsAppIsNoOptOut()
    {
        Assert.NotEmpty(await _app.TextAsync("whatsapp:" + BibiParent, "STOP"));
        Assert.False(await OptOuts.IsOptedOutAsync(_app.School(), BibiParent, CancellationToken.None));
    }

    [Fact]
    public async Task TheBotsOwnCancelWordStillCancelsAQuestionBySms()
    {
        await _app.TextAsync(BibiParent, "Bibi is vandaag ziek");
        Assert.Equal(["Oke, ik heb niets gemeld."], await _app.TextAsync(BibiParent, "annuleer"));
        Assert.Empty(await Reports("bibi-g1"));
        Assert.False(await OptOuts.IsOptedOutAsync(_app.School(), BibiParent, CancellationToken.None));
    }

    [Fact]
    public async Task StatusCallbacksAreRecordedAndALateSentDoesNotUndoDelivered()
    {
        var sid = NewSid();
        foreach (var status in new[] { "sent", "delivered", "sent" })
        {
            var response = await _app.PostTwilioAsync("/api/twilio/status", StatusForm(sid, status));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var record = await _app.Services.GetRequiredService<MessageStatusStore>().GetAsync(_app.School(), sid, CancellationToken.None);
        Assert.Equal("delivered", record!.Status);
        Assert.Equal(["sent", "delivered"], record.History.Select(h => h.Status));
        Assert.Equal(BotApp.TuesdayMorning, record.History[0].At);
    }

    [Fact]
    public async Task AFailedStatusKeepsTwiliosErrorCode()
    {
        var sid = NewSid();
        var form = StatusForm(sid, "undelivered");
        form["ErrorCode"] = "30005";
        Assert.Equal(HttpStatusCode.NoContent, (await _app.PostTwilioAsync("/api/twilio/status", form)).StatusCode);

        var record = await _app.Services.GetRequiredService<MessageStatusStore>().GetAsync(_app.School(), sid, CancellationToken.None);
        Assert.Equal(("undelivered", "30005"), (record!.Status, record.ErrorCode));
    }

    [Fact]
    public async Task AForgedOrMalformedStatusCallbackIsRefused()
    {
        var sid = NewSid();
        var forged = await _app.PostTwilioAsync("/api/twilio/status", StatusForm(sid, "delivered"), signature: "bm9wZQ==");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Null(await _app.Services.GetRequiredService<MessageStatusStore>().GetAsync(_app.School(), sid, CancellationToken.None));

        var malformed = StatusForm(sid, "delivered");
        malformed.Remove("MessageStatus");
        malformed.Remove("SmsStatus");
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.PostTwilioAsync("/api/twilio/status", malformed)).StatusCode);
    }

    private static Dictionary<string, string> StatusForm(string sid, string status) => new()
    {
        ["MessageSid"] = sid,
        ["SmsSid"] = sid,
        ["MessageStatus"] = status,
        ["SmsStatus"] = status,
        ["AccountSid"] = AccountSid,
        ["From"] = SchoolNumber,
        ["To"] = BibiParent,
        ["ApiVersion"] = "2010-04-01",
    };

    private IStateStore Store => _app.Services.GetRequiredService<IStateStore>();

    private OptOutStore OptOuts => _app.Services.GetRequiredService<OptOutStore>();

    private Task<IReadOnlyList<AbsenceReport>> Reports(string childId) =>
        _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), childId, CancellationToken.None);
}

/// <summary>Where the signature check is on or off, and which URL it covers.</summary>
public sealed class TwilioSignatureSettingsTests
{
    [Fact]
    public async Task WithoutTwilioConfiguredEveryRequestIsRefused()
    {
        await using var app = new BotApp();
        var response = await app.PostTwilioAsync("/api/twilio/messages", Message(BibiParent, "hoi"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.PostTwilioAsync("/api/twilio/status", new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = "sent" })).StatusCode);
    }

    [Fact]
    public async Task ValidateSignatureFalseSwitchesTheCheckOffInDevelopmentOnly()
    {
        var off = Settings(new Dictionary<string, string?> { ["Twilio:ValidateSignature"] = "false" });
        await using (var development = new BotApp(settings: off))
        {
            Assert.Equal(HttpStatusCode.OK, (await development.PostTwilioAsync("/api/twilio/messages", Message(BibiParent, "hoi"), signature: null)).StatusCode);
        }

        await using var production = new BotApp(environment: "Production", settings: off);
        Assert.Equal(HttpStatusCode.Forbidden, (await production.PostTwilioAsync("/api/twilio/messages", Message(BibiParent, "hoi"), signature: null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await production.PostTwilioAsync("/api/twilio/messages", Message(BibiParent, "hoi"))).StatusCode);
    }

    [Fact]
    public async Task BehindAProxyTheSignatureCoversThePublicBaseUrl()
    {
        await using var app = new BotApp(settings: Settings(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://bot.school.nl/" }));

        var publicUrl = await app.PostTwilioAsync("/api/twilio/messages", Message(BibiParent, "hoi"), signedUrl: "https://bot.school.nl/api/twilio/messages");
        var localUrl = await app.PostTwilioAsync("/api/twilio/messages", Message(BibiParent, "hoi"), signedUrl: "http://localhost/api/twilio/messages");

        Assert.Equal(HttpStatusCode.OK, publicUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, localUrl.StatusCode);
    }

    [Fact]
    public async Task WithoutPublicBaseUrlTheForwardedSchemeAndHostAreSigned()
    {
        await using var app = new BotApp(settings: Settings());
        var forwarded = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-Host"] = "bot.school.nl" };

        var response = await app.PostTwilioAsync("/api/twilio/messages?school=driehoek", Message(BibiParent, "hoi"), signedUrl: "https://bot.school.nl/api/twilio/messages?school=driehoek", headers: forwarded);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AStoreOutageIsAnsweredWithTheSendAgainTextBecauseTwilioDoesNotRetry()
    {
        var outage = new OutageStore();
        await using var app = new BotApp(settings: Settings(), services: s => s.AddSingleton<IStateStore>(sp => outage.Wrap(sp.GetRequiredService<CountingStateStore>())));
        await app.WaitUntilHealthyAsync();
        outage.On = true;

        var response = await app.PostTwilioAsync("/api/twilio/messages", Message(BibiParent, "Bibi is vandaag ziek"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Sorry, ik kan uw bericht nu niet verwerken. Er is niets verloren gegaan. Stuur het over een paar minuten nog eens."], await TwimlMessagesAsync(response));
    }
}

/// <summary>The real store, except that while <see cref="On"/> every call fails as an unreachable service does.</summary>
internal sealed class OutageStore : IStateStore
{
    private IStateStore _inner = null!;

    public volatile bool On;

    public OutageStore Wrap(IStateStore inner)
    {
        _inner = inner;
        return this;
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _inner.InitializeAsync(cancellationToken);

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken = default) => Guard(() => _inner.ReadAsync(key, cancellationToken));

    public Task<string> CreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => Guard(() => _inner.CreateAsync(key, content, cancellationToken));

    public Task<string> ReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken = default) => Guard(() => _inner.ReplaceAsync(key, content, ifMatch, cancellationToken));

    public Task<bool> DeleteAsync(string key, string? ifMatch = null, CancellationToken cancellationToken = default) => Guard(() => _inner.DeleteAsync(key, ifMatch, cancellationToken));

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) =>
        On ? throw new StoreUnavailableException("outage (test)") : _inner.ListKeysAsync(prefix, cancellationToken);

    private Task<T> Guard<T>(Func<Task<T>> call) => On ? throw new StoreUnavailableException("outage (test)") : call();
}
