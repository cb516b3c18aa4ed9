using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Channels.Twilio;

/// <summary>
/// Twilio's signature has no timestamp: a captured signed webhook stays valid for ever. The bot remembers every
/// message id it handled for 48 hours, however many messages came after it, so a replay changes nothing.
/// </summary>
public sealed class TwilioReplayTests : IAsyncLifetime
{
    private readonly BotApp _app = new(settings: Settings());

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AReportReplayedAfterManyNewerMessagesAndAWithdrawalIsNotMadeAgain()
    {
        var report = NewSid();
        var confirm = NewSid();
        await _app.TextAsync(BibiParent, "Bibi is morgen ziek", report);
        Assert.StartsWith("Dank u wel.", Assert.Single(await _app.TextAsync(BibiParent, "ja", confirm)), StringComparison.Ordinal);

        // The parent withdraws it, then chats on: far more than the last few messages whose replies are kept.
        await _app.TextAsync(BibiParent, "welke ziekmeldingen heb ik gedaan?");
        await _app.TextAsync(BibiParent, "1");
        Assert.StartsWith("Ik heb de melding ingetrokken", Assert.Single(await _app.TextAsync(BibiParent, "ja")), StringComparison.Ordinal);
        for (var i = 0; i < 8; i++)
        {
            await _app.TextAsync(BibiParent, "hoi");
        }

        _app.Time.Advance(TimeSpan.FromHours(23));
        Assert.Empty(await _app.TextAsync(BibiParent, "Bibi is morgen ziek", report));
        Assert.Empty(await _app.TextAsync(BibiParent, "ja", confirm));

        Assert.DoesNotContain(await Reports("bibi-g1"), r => r.Active);
    }

    [Fact]
    public async Task ARetriedWebhookOfARecentMessageStillGetsTheSameAnswer()
    {
        var sid = NewSid();
        var first = await _app.TextAsync(BibiParent, "Bibi is morgen ziek", sid);

        Assert.Equal(first, await _app.TextAsync(BibiParent, "Bibi is morgen ziek", sid));
        Assert.StartsWith("Dank u wel.", Assert.Single(await _app.TextAsync(BibiParent, "ja")), StringComparison.Ordinal);
        Assert.Single(await Reports("bibi-g1"));
    }

    private Task<IReadOnlyList<AbsenceReport>> Reports(string childId) =>
        _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), childId, CancellationToken.None);
}
