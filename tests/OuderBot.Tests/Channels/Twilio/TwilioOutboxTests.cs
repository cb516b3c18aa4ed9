using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Channels.Twilio;
using OuderBot.Outbox;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Channels.Twilio;

// Messages the bot starts go through the durable outbox to a fake Twilio API on 127.0.0.1, with the state on Azurite.
[Collection(AzuriteCollection.Name)]
public sealed class TwilioOutboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Parent = "+31622222222";

    private readonly string _container = AzuriteFixture.NewContainer();
    private FakeTwilioApi _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilioApi.StartAsync();

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [Fact]
    public async Task AFlakyTwilioIsRetriedWithBackoffAndARestartInBetweenSendsTheMessageExactlyOnce()
    {
        _twilio.Enqueue(FakeTwilioReply.ServerError(), FakeTwilioReply.TooManyRequests(1), FakeTwilioReply.Created);
        await using (var first = App())
        {
            await first.WaitUntilHealthyAsync();
            await Outbox(first).EnqueueAsync(first.School(), Reminder("reminder-1"), CancellationToken.None);
            await Wait.UntilAsync(() => _twilio.Requests.Count == 1, "Twilio asked 1 time(s)");
            // The worker records the failure after Twilio answered: wait for that (on a busy machine it can lag), then it is still pending.
            await Wait.UntilAsync(async () => (await Outbox(first).FindAsync(first.School(), "reminder-1", CancellationToken.None))!.Status != OutboxStatus.Sending, "the failure recorded");
            Assert.Equal(OutboxStatus.Pending, (await Outbox(first).FindAsync(first.School(), "reminder-1", CancellationToken.None))!.Status);
        }

        // A new host on the same store, its clock past the first backoff (30 s), then past the second.
        var time = new FakeTimeProvider(BotApp.TuesdayMorning.AddHours(3).AddMinutes(1));
        await using var second = App(time);
        await second.WaitUntilHealthyAsync();
        await Wait.UntilAsync(() => _twilio.Requests.Count == 2, "Twilio asked 2 time(s)");
        time.Advance(TimeSpan.FromMinutes(2));
        await Wait.UntilAsync(async () => (await Outbox(second).FindAsync(second.School(), "reminder-1", CancellationToken.None))!.Status == OutboxStatus.Sent, "reminder-1 sent");

        await Task.Delay(500);
        Assert.Equal(3, _twilio.Requests.Count); // 500, 429, then accepted: one message reached the parent
        var sent = (await Outbox(second).FindAsync(second.School(), "reminder-1", CancellationToken.None))!;
        Assert.StartsWith("SM", sent.ProviderId, StringComparison.Ordinal);
        Assert.Equal(3, sent.Attempts);
        Assert.All(_twilio.Requests, r => Assert.Equal((Parent, "Herinnering: morgen is het 10-minutengesprek."), (r.Form["To"], r.Form["Body"])));

        // Enqueuing the same id again (a turn that ran twice) sends nothing more.
        await Outbox(second).EnqueueAsync(second.School(), Reminder("reminder-1"), CancellationToken.None);
        await Task.Delay(500);
        Assert.Equal(3, _twilio.Requests.Count);
    }

    [Fact]
    public async Task AnUnsubscribedNumberIsRecordedAsOptedOutAndNotRetriedAndLaterMessagesAreNotQueued()
    {
        _twilio.Enqueue(FakeTwilioReply.Error(21610, "Attempt to send to unsubscribed recipient"));
        await using var app = App();
        await app.WaitUntilHealthyAsync();

        await Outbox(app).EnqueueAsync(app.School(), Reminder("reminder-1"), CancellationToken.None);
        await Wait.UntilAsync(async () => (await Outbox(app).FindAsync(app.School(), "reminder-1", CancellationToken.None))!.Status == OutboxStatus.Rejected, "reminder-1 rejected");
        Assert.True(await app.Services.GetRequiredService<OptOutStore>().IsOptedOutAsync(app.School(), Parent, CancellationToken.None));

        Assert.Equal(OutboxStatus.Suppressed, await Outbox(app).EnqueueAsync(app.School(), Reminder("reminder-2"), CancellationToken.None));
        await Task.Delay(500);
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task AParentWhoSendsStopGetsNothingThatWasStillQueuedAndStartResumes()
    {
        await using var app = App(new FakeTimeProvider(BotApp.TuesdayMorning.AddHours(14))); // 21:45: quiet hours
        await app.WaitUntilHealthyAsync();
        await Outbox(app).EnqueueAsync(app.School(), Reminder("reminder-1", quiet: true), CancellationToken.None);

        await app.TextAsync(Parent, "STOP");
        app.Time.Advance(TimeSpan.FromHours(10)); // Wednesday 07:45: the reminder is due, but the parent opted out
        await Wait.UntilAsync(async () => (await Outbox(app).FindAsync(app.School(), "reminder-1", CancellationToken.None))!.Status == OutboxStatus.Rejected, "reminder-1 rejected");
        Assert.Empty(_twilio.Requests);

        await app.TextAsync(Parent, "START");
        await Outbox(app).EnqueueAsync(app.School(), Reminder("reminder-2"), CancellationToken.None);
        await Wait.UntilAsync(() => _twilio.Requests.Count == 1, "Twilio asked 1 time(s)");
    }

    [Fact]
    public async Task OutsideTheWhatsAppWindowTheSchoolsApprovedTemplateIsSentInstead()
    {
        _twilio.Enqueue(FakeTwilioReply.Error(63016, "Failed to send freeform message because you are outside the allowed window."));
        await using var app = App(settings: new() { ["Twilio:WhatsAppFrom"] = "whatsapp:+3197010000000", ["Twilio:WhatsAppTemplateSid"] = "HX0123456789abcdef0123456789abcdef" });
        await app.WaitUntilHealthyAsync();

        await Outbox(app).EnqueueAsync(app.School(), Reminder("reminder-1", channel: "whatsapp"), CancellationToken.None);
        await Wait.UntilAsync(async () => (await Outbox(app).FindAsync(app.School(), "reminder-1", CancellationToken.None))!.Status == OutboxStatus.Sent, "reminder-1 sent");

        Assert.Equal(2, _twilio.Requests.Count);
        var template = _twilio.Requests[1].Form;
        Assert.Equal("whatsapp:" + Parent, template["To"]);
        Assert.Equal("HX0123456789abcdef0123456789abcdef", template["ContentSid"]);
        Assert.Contains("OBS De Driehoek", template["ContentVariables"], StringComparison.Ordinal);
        Assert.False(template.ContainsKey("Body"));
    }

    [Theory]
    [InlineData("2026-11-24T22:30:00+01:00", "2026-11-25T07:30:00+01:00")] // Tuesday night: next morning
    [InlineData("2026-11-25T06:00:00+01:00", "2026-11-25T07:30:00+01:00")] // early morning: 07:30
    [InlineData("2026-11-28T22:00:00+01:00", "2026-11-30T07:30:00+01:00")] // Saturday night: not on Sunday, Monday
    [InlineData("2026-11-25T12:00:00+01:00", "2026-11-25T12:00:00+01:00")] // daytime: now
    public async Task RemindersWaitForTheEndOfQuietHoursAndSkipSunday(string now, string expected)
    {
        await using var app = App(new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
        await app.WaitUntilHealthyAsync();
        await Outbox(app).EnqueueAsync(app.School(), Reminder("reminder-1", quiet: true), CancellationToken.None);

        var queued = (await Outbox(app).FindAsync(app.School(), "reminder-1", CancellationToken.None))!;
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), queued.NextAttemptAt);
    }

    private static OuderBot.Outbox.Outbox Outbox(BotApp app) => app.Services.GetRequiredService<OuderBot.Outbox.Outbox>();

    private static OutboxMessage Reminder(string id, bool quiet = false, string channel = "sms") => new()
    {
        Id = id,
        Channel = channel,
        To = Parent,
        Body = "Herinnering: morgen is het 10-minutengesprek.",
        Purpose = "reminder",
        RespectQuietHours = quiet,
    };

    private BotApp App(FakeTimeProvider? time = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(BotApp.AzuriteSettings(azurite.ConnectionString, _container))
        {
            ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl,
            ["Twilio:SmsFrom"] = "+3197010000000",
            ["Outbox:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in TwilioWebhooks.Settings(settings))
        {
            all[key] = value;
        }

        return new BotApp(settings: all, time: time ?? new FakeTimeProvider(BotApp.TuesdayMorning.AddHours(3)));
    }
}
