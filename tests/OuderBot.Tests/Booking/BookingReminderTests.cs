using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Channels.Twilio;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Booking;

/// <summary>The reminder the evening before a talk, through the outbox to a fake Twilio API, with the fake clock.</summary>
public sealed class BookingReminderTests : IAsyncLifetime
{
    private const string AdminKey = "office-key";
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private FakeTwilioApi _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilioApi.StartAsync();

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [Fact]
    public async Task TheEveningBeforeTheTalkTheParentGetsOneReminderForTheTimeTheyKept()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = App(time, pumped: true);
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1");
        // Moved to Thursday: Tuesday's reminder is withdrawn, Thursday's queued.
        await app.TextAsync(TimParent, "verzet mijn afspraak");
        await app.TextAsync(TimParent, "donderdag om 19:15");
        Assert.StartsWith("Verzet", Assert.Single(await app.TextAsync(TimParent, "ja")), StringComparison.Ordinal);

        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 19, 0, 0, Winter));
        await PumpAsync(app);
        Assert.Empty(_twilio.Accepted);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 18, 59, 0, Winter));
        await PumpAsync(app);
        Assert.Empty(_twilio.Accepted);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 19, 0, 0, Winter));
        await PumpAsync(app);
        await Wait.UntilAsync(() => _twilio.Accepted.Count > 0, "the reminder sent");
        await PumpAsync(app);
        var reminder = Assert.Single(_twilio.Accepted);
        Assert.Equal(TimParent, reminder.To);
        Assert.Equal("Herinnering: morgen, donderdag 3 december, om 19:15 uur het gesprek over Tim bij Juf Fatima, lokaal 4. Kunt u toch niet? Stuur dan: verzet mijn afspraak.", reminder.Body);
        Assert.True(SmsSegments.Count(reminder.Body) <= 2);
    }

    [Fact]
    public async Task AReminderQuietHoursHoldIntoTheDayOfTheTalkSaysTodayAndACancelledTalkGetsNone()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = App(time, reminderAt: "22:00", pumped: true);
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1");
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1", BibiParent);
        await app.TextAsync(BibiParent, "het gesprek van Bibi gaat niet door");
        Assert.StartsWith("Het gesprek van Bibi is afgezegd", Assert.Single(await app.TextAsync(BibiParent, "ja")), StringComparison.Ordinal);

        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 22, 0, 0, Winter));
        await PumpAsync(app);
        Assert.Empty(_twilio.Accepted);                                                   // 22:00 is in quiet hours (21:00-07:30)

        time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 7, 30, 0, Winter));
        await PumpAsync(app);
        await Wait.UntilAsync(() => _twilio.Accepted.Count > 0, "the reminder sent in the morning");
        await PumpAsync(app);
        var reminder = Assert.Single(_twilio.Accepted);                                   // Tim's; Bibi's talk was cancelled
        Assert.Equal(TimParent, reminder.To);
        // It reaches the parent on the day of the talk itself: "vandaag", not "morgen".
        Assert.StartsWith("Herinnering: vandaag, dinsdag 1 december, om 15:00 uur", reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATalkMovedAwayAndBackAgainGetsItsReminder()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = App(time, pumped: true);
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1");                  // Tuesday 1 December 15:00
        foreach (var (wish, pick) in new[] { ("donderdag om 19:15", "ja"), ("dinsdag om 15:00", "ja") })
        {
            await app.TextAsync(TimParent, "verzet mijn afspraak");
            await app.TextAsync(TimParent, wish);
            Assert.StartsWith("Verzet", Assert.Single(await app.TextAsync(TimParent, pick)), StringComparison.Ordinal);
        }

        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 19, 0, 0, Winter));
        await PumpAsync(app);
        await Wait.UntilAsync(() => _twilio.Accepted.Count > 0, "the reminder sent");
        await PumpAsync(app);
        var reminder = Assert.Single(_twilio.Accepted);
        Assert.StartsWith("Herinnering: morgen, dinsdag 1 december, om 15:00 uur", reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATalkMovedLateInTheEveningBeforeGetsNoReminderSayingTomorrowOnTheDayItself()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = App(time, pumped: true);
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1");                  // Tuesday 1 December 15:00
        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 19, 0, 0, Winter));
        await PumpAsync(app);
        await Wait.UntilAsync(() => _twilio.Accepted.Count > 0, "the reminder sent");

        // Moved at 22:00 the evening before, when its reminder's time has passed and quiet hours hold anything new.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 22, 0, 0, Winter));
        await app.TextAsync(TimParent, "verzet mijn afspraak");
        await app.TextAsync(TimParent, "dinsdag om 15:15");
        Assert.StartsWith("Verzet", Assert.Single(await app.TextAsync(TimParent, "ja")), StringComparison.Ordinal);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 7, 30, 0, Winter));
        await PumpAsync(app);
        Assert.DoesNotContain(_twilio.Accepted, r => r.Body.Contains("15:15", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AParentWhoBookedOnWhatsAppGetsTheReminderThereAsTheTemplateOutsideTwentyFourHours()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = App(time, template: "HX0123456789abcdef0123456789abcdef");
        await BookOverSmsAsync(app, "10 minutengesprek plannen", "1", "whatsapp:" + TimParent);

        // Twilio's answer is scripted before the clock reaches the reminder's time: the worker polls every 100 ms, and
        // one poll between the two would send the reminder before the refusal was there to meet it.
        _twilio.Enqueue(FakeTwilioReply.Error(63016, "Outside the allowed window"));
        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 19, 0, 0, Winter));                  // six days later: the window is closed
        await Wait.UntilAsync(() => _twilio.Requests.Count >= 2, "the reminder, then the template");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, _twilio.Requests.Count);                                            // and nothing sent twice
        Assert.Equal("whatsapp:" + TimParent, _twilio.Requests[0].Form["To"]);
        Assert.StartsWith("Herinnering: morgen, dinsdag 1 december, om 15:00 uur", _twilio.Requests[0].Form["Body"], StringComparison.Ordinal);
        Assert.Equal("HX0123456789abcdef0123456789abcdef", _twilio.Requests[1].Form["ContentSid"]);
    }

    [Fact]
    public async Task AnInvitationsTalkGetsAReminderThatFollowsAMoveByChatAndACancelledOneGetsNone()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = App(time, pumped: true);
        using (var office = app.CreateClient())
        {
            office.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
            foreach (var (child, slots) in new[] { ("tim-g4", new[] { "2026-12-02T13:00", "2026-12-02T13:30" }), ("bibi-g1", new[] { "2026-12-02T14:00" }) })
            {
                var created = await office.PostAsJsonAsync("/api/admin/invitations?school=de-driehoek", new { child, teacher = child == "tim-g4" ? "juf-fatima" : "juf-anouk", slots });
                Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
            }
        }

        await PumpAsync(app);
        await Wait.UntilAsync(() => _twilio.Accepted.Any(m => m.To == TimParent) && _twilio.Accepted.Any(m => m.To == BibiParent), "the invitations sent");
        Assert.StartsWith("Staat genoteerd: extra gesprek over Tim op woensdag 2 december om 13:00 uur", Assert.Single(await app.TextAsync(TimParent, "1")), StringComparison.Ordinal);
        Assert.StartsWith("Staat genoteerd: extra gesprek over Bibi", Assert.Single(await app.TextAsync(BibiParent, "1")), StringComparison.Ordinal);

        // Tim's parent moves it to the other time the teacher offered; Bibi's parent cancels.
        Assert.Equal("Naar welke tijd wilt u het extra gesprek over Tim verzetten? Nu: woensdag 2 december om 13:00 uur.\n1. wo 2 dec 13:30\n2. Geen van deze tijden",
            Assert.Single(await app.TextAsync(TimParent, "verzet mijn afspraak")));
        Assert.StartsWith("Verzet: extra gesprek over Tim nu op woensdag 2 december om 13:30 uur bij Juf Fatima.", Assert.Single(await app.TextAsync(TimParent, "1")), StringComparison.Ordinal);
        Assert.Equal("Zal ik het gesprek van Bibi op woensdag 2 december om 14:00 uur bij Juf Anouk afzeggen? (ja/nee)", Assert.Single(await app.TextAsync(BibiParent, "het gesprek van Bibi gaat niet door")));
        Assert.Equal("Het extra gesprek over Bibi met Juf Anouk is afgezegd.", Assert.Single(await app.TextAsync(BibiParent, "ja")));
        Assert.Equal("Ik zie geen gepland gesprek. Wilt u er een plannen? Stuur dan bijvoorbeeld: 10-minutengesprek plannen.", Assert.Single(await app.TextAsync(BibiParent, "verzet mijn afspraak")));

        time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 19, 0, 0, Winter));
        await PumpAsync(app);
        await Wait.UntilAsync(() => _twilio.Accepted.Any(m => m.Body.StartsWith("Herinnering", StringComparison.Ordinal)), "the reminder sent");
        await PumpAsync(app);
        var reminder = Assert.Single(_twilio.Accepted, m => m.Body.StartsWith("Herinnering", StringComparison.Ordinal));
        Assert.Equal(TimParent, reminder.To);
        Assert.Equal("Herinnering: morgen, woensdag 2 december, om 13:30 uur het gesprek over Tim bij Juf Fatima, lokaal 4. Kunt u toch niet? Stuur dan: verzet mijn afspraak.", reminder.Body);
    }

    private static async Task BookOverSmsAsync(BotApp app, string request, string pick, string parent = TimParent)
    {
        await app.TextAsync(parent, request);
        await app.TextAsync(parent, pick);
        Assert.StartsWith("Staat genoteerd", Assert.Single(await app.TextAsync(parent, "ja")), StringComparison.Ordinal);
    }

    /// <summary>Sends what is due now, once: after it, what was not sent was not due (no waiting to see nothing happen).
    /// The host's own worker may be sending the same moment (it wakes when a message is queued): a positive check
    /// waits for what it expects after a pump.</summary>
    private static Task PumpAsync(BotApp app) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OuderBot.Outbox.OutboxWorker>(app.Services).SendDueAsync(CancellationToken.None);

    // pumped: the outbox sends only when the test pumps it (its own poll once an hour of real time).
    private BotApp App(FakeTimeProvider time, string? reminderAt = null, string? template = null, bool pumped = false)
    {
        var settings = new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl, ["Outbox:PollInterval"] = pumped ? "01:00:00" : "00:00:00.100", ["Admin:ApiKey"] = AdminKey };
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
