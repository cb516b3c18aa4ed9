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
        var error = BotApp.StartFailure<OptionsValidationException>(TwilioWebhooks.Settings(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TwilioWebhooks.AuthToken, error.Message, StringComparison.Ordinal);
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
