using Microsoft.Extensions.Time.Testing;
using OuderBot.Channels.Twilio;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Booking;

/// <summary>The reminder the evening before a talk, through the outbox to a fake Twilio API, with the fake clock.</summary>
public sealed class BookingReminderTests : IAsyncLifetime
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private FakeTwilioApi _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilioApi.StartAsync();

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [Fact]
    public async Task TheEveningBeforeTheTalkTheParentGetsOneReminderForTheTimeTheyKept()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = App(time);
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1");
        // Moved to Thursday: Tuesday's reminder is withdrawn, Thursday's queued.
        await app.TextAsync(TimParent, "verzet mijn afspraak");
        await app.TextAsync(TimParent, "donderdag om 19:15");
        Assert.StartsWith("Verzet", Assert.Single(await app.TextAsync(TimParent, "ja")), StringComparison.Ordinal);

        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 19, 0, 0, Winter));
        await Task.Delay(700);
        Assert.Empty(_twilio.Accepted);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 18, 59, 0, Winter));
        await Task.Delay(700);
        Assert.Empty(_twilio.Accepted);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 19, 0, 0, Winter));
        await Wait.UntilAsync(() => _twilio.Accepted.Count > 0, "the reminder sent");
        var reminder = Assert.Single(_twilio.Accepted);
        Assert.Equal(TimParent, reminder.To);
        Assert.Equal("Herinnering: morgen, donderdag 3 december, om 19:15 uur het gesprek over Tim bij Juf Fatima, lokaal 4. Kunt u toch niet? Stuur dan: verzet mijn afspraak.", reminder.Body);
        Assert.True(SmsSegments.Count(reminder.Body) <= 2);
    }

    [Fact]
    public async Task AReminderDueInQuietHoursWaitsForTheMorningAndACancelledTalkGetsNone()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = App(time, reminderAt: "22:00");
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1");
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1", BibiParent);
        await app.TextAsync(BibiParent, "het gesprek van Bibi gaat niet door");
        Assert.StartsWith("Het gesprek van Bibi is afgezegd", Assert.Single(await app.TextAsync(BibiParent, "ja")), StringComparison.Ordinal);

        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 22, 0, 0, Winter));
        await Task.Delay(700);
        Assert.Empty(_twilio.Accepted);                                                   // 22:00 is in quiet hours (21:00-07:30)

        time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 7, 30, 0, Winter));
        await Wait.UntilAsync(() => _twilio.Accepted.Count > 0, "the reminder sent in the morning");
        await Task.Delay(500);
        var reminder = Assert.Single(_twilio.Accepted);                                   // Tim's; Bibi's talk was cancelled
        Assert.Equal(TimParent, reminder.To);
        Assert.StartsWith("Herinnering: morgen, dinsdag 1 december, om 15:00 uur", reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AParentWhoBookedOnWhatsAppGetsTheReminderThereAsTheTemplateOutsideTwentyFourHours()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = App(time, template: "HX0123456789abcdef0123456789abcdef");
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1", "whatsapp:" + TimParent);

        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 19, 0, 0, Winter));                  // six days later: the window is closed
        _twilio.Enqueue(FakeTwilioReply.Error(63016, "Outside the allowed window"));
        await Wait.UntilAsync(() => _twilio.Requests.Count == 2, "the reminder, then the template");
        Assert.Equal("whatsapp:" + TimParent, _twilio.Requests[0].Form["To"]);
        Assert.StartsWith("Herinnering: morgen, dinsdag 1 december, om 15:00 uur", _twilio.Requests[0].Form["Body"], StringComparison.Ordinal);
        Assert.Equal("HX0123456789abcdef0123456789abcdef", _twilio.Requests[1].Form["ContentSid"]);
    }

    private static async Task BookOverSmsAsync(BotApp app, string request, string pick, string parent = TimParent)
    {
        await app.TextAsync(parent, request);
        await app.TextAsync(parent, pick);
        Assert.StartsWith("Staat genoteerd", Assert.Single(await app.TextAsync(parent, "ja")), StringComparison.Ordinal);
    }

    private BotApp App(FakeTimeProvider time, string? reminderAt = null, string? template = null)
    {
        var settings = new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl, ["Outbox:PollInterval"] = "00:00:00.100" };
        if (template is not null)
        {
            settings["Twilio:WhatsAppTemplateSid"] = template;
        }

        if (reminderAt is not null)
        {
            settings["Booking:ReminderAt"] = reminderAt;
        }

        return new BotApp(settings: Settings(settings), time: time);
    }
}
