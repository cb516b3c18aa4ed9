using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Absence;
using OuderBot.Bot;
using OuderBot.Channels.Twilio;
using OuderBot.Outbox;
using OuderBot.Privacy;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Privacy;

/// <summary>
/// Nothing personal is kept for ever: a daily run deletes each kind when the school's period (the demo school's
/// defaults) has passed, and keeps what must stay: a standing STOP, pending messages, recent reports.
/// The clock starts on Tuesday 24 November 2026, 07:45; the run is due from 03:00 each day.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly BotApp _app = new(settings: Settings());

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IStateStore Store => _app.Services.GetRequiredService<IStateStore>();

    [Fact]
    public async Task AnUnansweredQuestionWaitingForYesOrNoIsGoneAWeekAfterTheLastMessage()
    {
        Assert.Contains("Zal ik uw vraag doorgeven", Assert.Single(await _app.SendAsync(BibiParent, "mag je trakteren op een verjaardag?")), StringComparison.Ordinal);
        Assert.True(await MentionedAsync("trakteren op een verjaardag"), "the waiting question is in the conversation");

        await AdvanceDaysAsync(6);
        Assert.True(await MentionedAsync("trakteren op een verjaardag"), "kept for a week");

        await AdvanceDaysAsync(2);
        Assert.False(await MentionedAsync("trakteren op een verjaardag"), "gone after a week");
        Assert.Null(await Store.ReadAsync(ConversationStore.Key(_app.School(), BibiParent)));
    }

    [Fact]
    public async Task AConversationThatGoesOnIsKept()
    {
        await _app.SendAsync(TimParent, "hoi");
        for (var day = 0; day < 3; day++)
        {
            await AdvanceDaysAsync(5);
            await _app.SendAsync(TimParent, "hoi");
        }

        Assert.NotNull(await Store.ReadAsync(ConversationStore.Key(_app.School(), TimParent)));
    }

    [Fact]
    public async Task AQuestionPassedOnToTheTeacherIsKept30DaysThenDeleted()
    {
        await _app.SendAsync(TimParent, "mag je trakteren op een verjaardag?");
        Assert.Contains("doorgegeven", Assert.Single(await _app.SendAsync(TimParent, "ja")), StringComparison.Ordinal);

        await AdvanceDaysAsync(29);
        Assert.True(await MentionedAsync("trakteren op een verjaardag"), "the teachers still have it");

        await AdvanceDaysAsync(2);
        Assert.False(await MentionedAsync("trakteren op een verjaardag"), "deleted after 30 days");
    }

    [Fact]
    public async Task AbsenceReportsStayAYearAfterTheAbsenceThenGo()
    {
        await _app.SendAsync(TimParent, "Tim is vandaag ziek");
        await _app.SendAsync(TimParent, "ja");

        await AdvanceDaysAsync(365);
        Assert.Single(await _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), "tim-g4", CancellationToken.None));

        await AdvanceDaysAsync(2);
        Assert.Empty(await _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), "tim-g4", CancellationToken.None));
        Assert.Null(await Store.ReadAsync(AbsenceStore.Key(_app.School(), "tim-g4")));
    }

    [Fact]
    public async Task AStandingStopIsKeptButAnOptInAndDeliveryStatusesGoAfter30Days()
    {
        await _app.PostTwilioAsync("/api/twilio/messages", Message(BibiParent, "STOP"));
        await _app.PostTwilioAsync("/api/twilio/messages", Message(TimParent, "STOP"));
        await _app.PostTwilioAsync("/api/twilio/messages", Message(TimParent, "START"));
        await _app.PostTwilioAsync("/api/twilio/status", new Dictionary<string, string> { ["MessageSid"] = "SM00000000000000000000000000000001", ["MessageStatus"] = "delivered", ["AccountSid"] = AccountSid, ["From"] = SchoolNumber });
        Assert.NotNull(await _app.Services.GetRequiredService<MessageStatusStore>().GetAsync(_app.School(), "SM00000000000000000000000000000001", CancellationToken.None));
        var outbox = _app.Services.GetRequiredService<OuderBot.Outbox.Outbox>();
        var suppressed = await outbox.EnqueueAsync(_app.School(), new OutboxMessage { Id = "reminder-1", Channel = "sms", To = BibiParent, Body = "Herinnering voor Bibi", Purpose = "reminder" }, CancellationToken.None);
        Assert.Equal(OutboxStatus.Suppressed, suppressed);

        await AdvanceDaysAsync(31);

        var optOuts = _app.Services.GetRequiredService<OptOutStore>();
        Assert.True(await optOuts.IsOptedOutAsync(_app.School(), BibiParent, CancellationToken.None));
        Assert.Null(await optOuts.GetAsync(_app.School(), TimParent, CancellationToken.None));
        Assert.Null(await _app.Services.GetRequiredService<MessageStatusStore>().GetAsync(_app.School(), "SM00000000000000000000000000000001", CancellationToken.None));
        Assert.Null(await outbox.FindAsync(_app.School(), "reminder-1", CancellationToken.None));
    }

    [Fact]
    public async Task AMessageStillWaitingToBeSentIsNeverDeleted()
    {
        var outbox = _app.Services.GetRequiredService<OuderBot.Outbox.Outbox>();
        // No mail server is configured, so a teacher's e-mail stays pending.
        await outbox.EnqueueAsync(_app.School(), new OutboxMessage { Id = "notice-1", Channel = "email", To = "anouk@dedriehoek.example", Body = "Bibi is ziek", Purpose = "absence-notice" }, CancellationToken.None);

        await AdvanceDaysAsync(40);

        Assert.NotNull(await outbox.FindAsync(_app.School(), "notice-1", CancellationToken.None));
    }

    /// <summary>Moves the clock one day at a time (as the days pass) and waits for each day's run to finish.</summary>
    private async Task AdvanceDaysAsync(int days)
    {
        var claims = _app.Services.GetRequiredService<StoreClaims>();
        var clock = _app.School().Clock;
        for (var i = 0; i < days; i++)
        {
            _app.Time.Advance(TimeSpan.FromDays(1));
            var day = clock.Today;
            await Wait.UntilAsync(async () => (await claims.GetAsync(RetentionJob.ClaimName(day), CancellationToken.None))?.DoneAt is not null, $"the retention run of {day}");
        }
    }

    /// <summary>Whether any document in the store holds the text.</summary>
    private async Task<bool> MentionedAsync(string text)
    {
        await foreach (var key in Store.ListKeysAsync(""))
        {
            if (await Store.ReadAsync(key) is { } document && Encoding.UTF8.GetString(document.Content.Span).Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Several instances on one store: each day's run happens once, whichever instance gets there first.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionAcrossInstancesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoInstancesOnOneStoreRunEachDayOnce()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        var container = AzuriteFixture.NewContainer();
        await using var a = BotApp.OnAzurite(azurite.ConnectionString, container, time);
        await using var b = BotApp.OnAzurite(azurite.ConnectionString, container, time);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
        var jobs = new[] { a.Services.GetRequiredService<RetentionJob>(), b.Services.GetRequiredService<RetentionJob>() };
        var claims = a.Services.GetRequiredService<StoreClaims>();

        for (var day = 0; day < 3; day++)
        {
            if (day > 0)
            {
                time.Advance(TimeSpan.FromDays(1));
            }

            // Both instances try, in the background and once more here at the same moment.
            await Task.WhenAll(jobs.Select(j => j.RunIfDueAsync(CancellationToken.None)));
            var today = DateOnly.FromDateTime(BotApp.TuesdayMorning.Date).AddDays(day);
            await Wait.UntilAsync(async () => (await claims.GetAsync(RetentionJob.ClaimName(today), CancellationToken.None))?.DoneAt is not null, $"the run of {today}");
            await Wait.UntilAsync(() => jobs.Sum(j => j.Runs) == day + 1, $"{day + 1} runs in all");
        }

        await Task.Delay(300);
        Assert.Equal(3, jobs.Sum(j => j.Runs));
    }
}
