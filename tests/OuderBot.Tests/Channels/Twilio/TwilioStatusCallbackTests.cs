using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Bot;
using OuderBot.Channels.Twilio;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Channels.Twilio;

// Status callbacks on the production store (blob names), where a key is a path.
[Collection(AzuriteCollection.Name)]
public sealed class TwilioStatusCallbackTests(AzuriteFixture azurite)
{
    // Found by TwilioWebhookFuzzTests: the MessageSid names the status document (message-status/{sid}), and a blob
    // name with "../" in it is another document, such as a parent's conversation or opt-out.
    [Theory]
    [InlineData("../conversations/+31611111111")]
    [InlineData("SM/../../optouts/+31611111111")]
    [InlineData("SM0123456789abcdef0123456789abcdeX")]
    [InlineData("AC0123456789abcdef0123456789abcdef")]
    public async Task AStatusCallbackWhoseMessageSidIsNotTwiliosGets400AndTouchesNoDocument(string messageSid)
    {
        await using var app = new BotApp(settings: Settings(BotApp.AzuriteSettings(azurite.ConnectionString, AzuriteFixture.NewContainer())));
        await app.TextAsync(BibiParent, "Bibi is vandaag ziek");
        var store = app.Services.GetRequiredService<IStateStore>();
        var before = await store.ReadAsync(ConversationStore.Key(app.School(), BibiParent));

        var response = await app.PostTwilioAsync("/api/twilio/status", new Dictionary<string, string>
        {
            ["MessageSid"] = messageSid,
            ["MessageStatus"] = "delivered",
            ["AccountSid"] = AccountSid,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before!.ETag, (await store.ReadAsync(ConversationStore.Key(app.School(), BibiParent)))!.ETag);
        Assert.Null(await store.ReadAsync(OptOutStore.Key(app.School(), BibiParent)));
        Assert.Empty(await store.ListKeysAsync(app.School().Key("message-status/")).ToListAsync());
    }
}
