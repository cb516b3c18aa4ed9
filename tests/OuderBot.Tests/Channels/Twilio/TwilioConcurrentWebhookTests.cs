using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Absence;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Channels.Twilio;

/// <summary>Twilio may deliver one message more than once; two bot instances on one Azurite get the copies at the same moment.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwilioConcurrentWebhookTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EightCopiesOfOneConfirmationOnTwoInstancesAllGetTheSameReplyAndStoreOneReport()
    {
        var container = AzuriteFixture.NewContainer();
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        var settings = Settings(BotApp.AzuriteSettings(azurite.ConnectionString, container));
        await using var a = new BotApp(settings: settings, time: time);
        await using var b = new BotApp(settings: settings, time: time);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
        Assert.Equal(["Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)"], await a.TextAsync(TimParent, "Tim is vandaag ziek"));

        var confirmation = Message(TimParent, "ja", NewSid());
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).PostTwilioAsync("/api/twilio/messages", confirmation)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var replies = await Task.WhenAll(responses.Select(TwimlMessagesAsync));
        var first = Assert.Single(replies[0]);
        Assert.StartsWith("Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november.", first, StringComparison.Ordinal);
        Assert.All(replies, r => Assert.Equal([first], r));
        var report = Assert.Single(await b.Services.GetRequiredService<AbsenceStore>().ForChildAsync(b.School(), "tim-g4", CancellationToken.None));
        Assert.Equal(TimParent, report.ReportedBy);
        Assert.Empty(report.AlsoReportedBy);
    }
}
