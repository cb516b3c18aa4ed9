using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Outbox;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Outbox;

/// <summary>The outbox worker finds its work through the due index: a poll's cost grows with the due work, not with the store.</summary>
public sealed class OutboxIndexTests
{
    [Fact]
    public async Task APollReadsNothingOfMessagesDueLaterOrFinished()
    {
        // Tuesday 22:00: reminders wait for the morning (quiet hours).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.FromHours(1)));
        await using var app = new BotApp(time: time, settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        await app.WaitUntilHealthyAsync();
        var outbox = app.Services.GetRequiredService<OuderBot.Outbox.Outbox>();
        var worker = app.Services.GetRequiredService<OutboxWorker>();
        var school = app.School();
        for (var i = 0; i < 200; i++)
        {
            await outbox.EnqueueAsync(school, new OutboxMessage { Id = $"later-{i}", Channel = "email", To = "anouk@dedriehoek.example", Body = "Herinnering", Purpose = "reminder", RespectQuietHours = true }, CancellationToken.None);
        }

        await worker.SendDueAsync(CancellationToken.None); // the first poll also checks every pending message's marker
        var roundTrips = CountingStateStore.CountHere();

        Assert.Equal(0, await worker.SendDueAsync(CancellationToken.None));

        // One listing per school (two demo schools), whatever waits for later.
        Assert.True(roundTrips() <= 2, $"a poll cost {roundTrips()} round trips with 200 messages due later");
        Assert.Equal(OutboxStatus.Pending, (await outbox.FindAsync(school, "later-0", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AMessageWhoseMarkerWasLostIsStillSentAfterTheRepairSweep()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        await app.WaitUntilHealthyAsync();
        var school = app.School();
        // As if the instance died between the message and its marker: the pending message alone.
        var message = new OutboxMessage { Id = "local-1", Channel = "local", To = "+31611111111", Body = "Hallo", Purpose = "test", CreatedAt = app.Time.GetUtcNow(), NextAttemptAt = app.Time.GetUtcNow() };
        await app.Services.GetRequiredService<IStateStore>().CreateAsync(
            school.Key(OuderBot.Outbox.Outbox.PendingPrefix + "local-1"), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, OuderBot.Outbox.Outbox.Json));
        var outbox = app.Services.GetRequiredService<OuderBot.Outbox.Outbox>();
        var worker = app.Services.GetRequiredService<OutboxWorker>();

        app.Time.Advance(OutboxWorker.RepairInterval + TimeSpan.FromMinutes(1));
        await worker.SendDueAsync(CancellationToken.None);
        await worker.SendDueAsync(CancellationToken.None);

        Assert.Equal(OutboxStatus.Sent, (await outbox.FindAsync(school, "local-1", CancellationToken.None))!.Status);
    }
}
