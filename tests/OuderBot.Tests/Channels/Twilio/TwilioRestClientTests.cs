using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OuderBot.Channels.Twilio;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Channels.Twilio;

/// <summary>The REST client against a fake Twilio on a real port, over HTTP.</summary>
public sealed class TwilioRestClientTests : IAsyncLifetime
{
    private FakeTwilioApi _twilio = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioApi.StartAsync();
        _app = new BotApp(settings: Settings(new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl + "/",
            ["Twilio:SmsFrom"] = SchoolNumber,
            ["Twilio:WhatsAppFrom"] = SchoolNumber,
            ["Twilio:PublicBaseUrl"] = "https://bot.school.nl",
        }));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    private TwilioRestClient Client => _app.Services.GetRequiredService<TwilioRestClient>();

    [Fact]
    public async Task AnSmsIsPostedWithBasicAuthAndTheStatusCallbackAndAccepted()
    {
        var result = await Client.SendAsync(new TwilioMessageRequest(BibiParent, "Morgen is de school om 12.30 uit & de kinderen eten thuis."), CancellationToken.None);

        var accepted = Assert.IsType<TwilioSendResult.Accepted>(result);
        Assert.StartsWith("SM", accepted.MessageSid, StringComparison.Ordinal);
        Assert.Equal("queued", accepted.Status);
        var request = Assert.Single(_twilio.Requests);
        Assert.Equal((AccountSid, AccountSid, AuthToken), (request.AccountSid, request.User, request.Password));
        Assert.Equal(BibiParent, request.Form["To"]);
        Assert.Equal(SchoolNumber, request.Form["From"]);
        Assert.Equal("Morgen is de school om 12.30 uit & de kinderen eten thuis.", request.Form["Body"]);
        Assert.Equal("https://bot.school.nl/api/twilio/status", request.Form["StatusCallback"]);
        Assert.False(request.Form.ContainsKey("MessagingServiceSid"));
    }

    [Fact]
    public async Task AWhatsAppTemplateGoesFromTheWhatsAppSenderWithItsVariablesAsJson()
    {
        var result = await Client.SendAsync(
            new TwilioMessageRequest("whatsapp:" + BibiParent, ContentSid: "HX0123456789abcdef0123456789abcdef", ContentVariables: new Dictionary<string, string> { ["1"] = "Bibi", ["2"] = "24 november" }),
            CancellationToken.None);

        Assert.IsType<TwilioSendResult.Accepted>(result);
        var form = Assert.Single(_twilio.Requests).Form;
        Assert.Equal("whatsapp:" + SchoolNumber, form["From"]);
        Assert.Equal("HX0123456789abcdef0123456789abcdef", form["ContentSid"]);
        Assert.Equal(new Dictionary<string, string> { ["1"] = "Bibi", ["2"] = "24 november" }, JsonSerializer.Deserialize<Dictionary<string, string>>(form["ContentVariables"]));
        Assert.False(form.ContainsKey("Body"));
    }

    [Fact]
    public async Task AMessagingServiceIsTheSenderWhenConfigured()
    {
        await using var app = new BotApp(settings: Settings(new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl, ["Twilio:MessagingServiceSid"] = "MG0123456789abcdef0123456789abcdef" }));
        Assert.IsType<TwilioSendResult.Accepted>(await app.Services.GetRequiredService<TwilioRestClient>().SendAsync(new TwilioMessageRequest(BibiParent, "hoi"), CancellationToken.None));

        var form = Assert.Single(_twilio.Requests).Form;
        Assert.Equal("MG0123456789abcdef0123456789abcdef", form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
        Assert.False(form.ContainsKey("StatusCallback"));
    }

    [Fact]
    public async Task AServerErrorIsRetryable()
    {
        _twilio.Enqueue(FakeTwilioReply.ServerError());
        var result = Assert.IsType<TwilioSendResult.Retryable>(await Client.SendAsync(new TwilioMessageRequest(BibiParent, "hoi"), CancellationToken.None));
        Assert.Equal((500, 20500), (result.HttpStatus, result.ErrorCode));
        Assert.IsType<TwilioSendResult.Accepted>(await Client.SendAsync(new TwilioMessageRequest(BibiParent, "hoi"), CancellationToken.None));
        Assert.Equal(2, _twilio.Requests.Count); // no retries inside the client
    }

    [Fact]
    public async Task TooManyRequestsIsRetryableAfterTwiliosRetryAfter()
    {
        _twilio.Enqueue(FakeTwilioReply.TooManyRequests(7));
        var result = Assert.IsType<TwilioSendResult.Retryable>(await Client.SendAsync(new TwilioMessageRequest(BibiParent, "hoi"), CancellationToken.None));
        Assert.Equal((429, 20429, TimeSpan.FromSeconds(7)), (result.HttpStatus, result.ErrorCode, result.RetryAfter));
        Assert.Single(_twilio.Requests);
    }

    [Theory]
    [InlineData(21610, "Attempt to send to unsubscribed recipient")]
    [InlineData(21211, "Invalid 'To' Phone Number")]
    [InlineData(63016, "Failed to send freeform message because you are outside the allowed window.")]
    [InlineData(21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number")]
    [InlineData(21614, "'To' number is not a valid mobile number")]
    public async Task ErrorsThatWillNeverSucceedAreRejectedWithTwiliosCode(int code, string message)
    {
        _twilio.Enqueue(FakeTwilioReply.Error(code, message));
        var result = Assert.IsType<TwilioSendResult.Rejected>(await Client.SendAsync(new TwilioMessageRequest(BibiParent, "hoi"), CancellationToken.None));
        Assert.Equal((400, code, message), (result.HttpStatus, result.ErrorCode, result.Reason));
    }

    [Fact]
    public async Task AWrongAuthTokenIsRejected()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["Twilio:AccountSid"] = AccountSid, ["Twilio:AuthToken"] = "wrong", ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl, ["Twilio:SmsFrom"] = SchoolNumber });
        var result = Assert.IsType<TwilioSendResult.Rejected>(await app.Services.GetRequiredService<TwilioRestClient>().SendAsync(new TwilioMessageRequest(BibiParent, "hoi"), CancellationToken.None));
        Assert.Equal((401, 20003), (result.HttpStatus, result.ErrorCode));
    }

    [Fact]
    public async Task ATimeoutIsRetryable()
    {
        _twilio.Enqueue(FakeTwilioReply.Slow(TimeSpan.FromSeconds(5)));
        using var http = new HttpClient { BaseAddress = new Uri(_twilio.BaseUrl + "/"), Timeout = TimeSpan.FromMilliseconds(300) };
        var client = new TwilioRestClient(http, _app.Services.GetRequiredService<IOptions<TwilioOptions>>(), NullLogger<TwilioRestClient>.Instance);

        var result = Assert.IsType<TwilioSendResult.Retryable>(await client.SendAsync(new TwilioMessageRequest(BibiParent, "hoi"), CancellationToken.None));

        Assert.Null(result.HttpStatus);
        Assert.Contains("did not answer", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANetworkErrorIsRetryableAndTheCallersCancellationIsNot()
    {
        var closedPort = new Uri(_twilio.BaseUrl);
        await _twilio.DisposeAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{closedPort.Port}/") };
        var client = new TwilioRestClient(http, _app.Services.GetRequiredService<IOptions<TwilioOptions>>(), NullLogger<TwilioRestClient>.Instance);

        Assert.IsType<TwilioSendResult.Retryable>(await client.SendAsync(new TwilioMessageRequest(BibiParent, "hoi"), CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(new TwilioMessageRequest(BibiParent, "hoi"), new CancellationToken(canceled: true)));
        _twilio = await FakeTwilioApi.StartAsync(); // for DisposeAsync
    }
}
