using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OuderBot.Channels.Twilio;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Channels.Twilio;

public sealed class TwilioOptionsTests
{
    [Theory]
    [InlineData("Twilio:AccountSid", "AC123", "Twilio:AccountSid must be the account's SID")]
    [InlineData("Twilio:AuthToken", "", "Twilio:AuthToken is required")]
    [InlineData("Twilio:PublicBaseUrl", "bot.school.nl", "Twilio:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Twilio:ApiBaseUrl", "api.twilio.com", "Twilio:ApiBaseUrl must be an absolute http(s) URL")]
    public void ABrokenTwilioConfigurationStopsTheBotAtStartWithAClearMessage(string key, string value, string message)
    {
        var error = StartFailure(TwilioWebhooks.Settings(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TwilioWebhooks.AuthToken, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The host's start-up error. WebApplicationFactory's deferred host sometimes disposes its services before it
    /// passes the start-up error on (an ObjectDisposedException instead, under load); then the start is tried again.
    /// </summary>
    internal static OptionsValidationException StartFailure(Dictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var app = new BotApp(settings: settings);
            try
            {
                app.CreateClient();
            }
            catch (OptionsValidationException error)
            {
                return error;
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
                continue;
            }

            throw new Xunit.Sdk.XunitException("The bot started although its configuration is broken.");
        }
    }

    [Fact]
    public void EmptyValuesMeanNotSetAndUrlsLoseTheirTrailingSlash()
    {
        using var app = new BotApp(settings: TwilioWebhooks.Settings(new Dictionary<string, string?>
        {
            ["Twilio:PublicBaseUrl"] = "https://bot.school.nl/",
            ["Twilio:ApiBaseUrl"] = "https://api.twilio.com/",
            ["Twilio:SmsFrom"] = "",
            ["Twilio:MessagingServiceSid"] = " ",
        }));
        var options = app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value;
        Assert.Equal(("https://bot.school.nl", "https://api.twilio.com", null, null), (options.PublicBaseUrl, options.ApiBaseUrl, options.SmsFrom, options.MessagingServiceSid));
        Assert.True(options.Enabled);
        Assert.True(options.ValidateSignature);
    }

    [Fact]
    public void WithoutAccountOrTokenTheChannelIsOffAndTheBotStarts()
    {
        using var app = new BotApp();
        using var client = app.CreateClient();
        Assert.False(app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.Enabled);
    }
}
