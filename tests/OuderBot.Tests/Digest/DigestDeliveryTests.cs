using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Storage;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Digest.DigestSchool;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Digest;

// Exactly once per teacher and digest time, on Azurite: several instances, a restart in the middle of sending, a
// mail server that is down, a digest time nobody was running for. Every host has its own fake clock.
[Collection(AzuriteCollection.Name)]
public sealed class DigestDeliveryTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _container = AzuriteFixture.NewContainer();
    private readonly SchoolFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TwoInstancesAndARestartInTheMiddleOfSendingGiveEveryTeacherOneDigest()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        var school = Write(_folder, sendWhenEmpty: true);
        var (time1, time2) = (new FakeTimeProvider(Monday(7, 29)), new FakeTimeProvider(Monday(7, 29)));
        // The fake clocks jump minutes in an instant: the outbox's lease is longer than the jumps, so a send still under
        // way when a clock jumps is not taken for a dead one (the digest's own lease, 2 minutes, is what this test is about).
        var outboxLease = new Dictionary<string, string?> { ["Outbox:Lease"] = "00:10:00" };
        var first = App(school, maildev.SmtpPort, time1, outboxLease);
        await using var second = App(school, maildev.SmtpPort, time2, outboxLease);
        await first.WaitUntilHealthyAsync();
        await second.WaitUntilHealthyAsync();

        // An instance that died while it held Juf Anouk's digest: its claim runs until 07:31.
        var claims = first.Services.GetRequiredService<StoreClaims>();
        Assert.NotNull(await claims.TryClaimAsync("digests/de-driehoek/2026-11-30/0730/juf-anouk", TimeSpan.FromMinutes(2), CancellationToken.None));

        time1.SetUtcNow(Monday(7, 30));
        time2.SetUtcNow(Monday(7, 30));
        await maildev.WaitForDigestMailsAsync(1);
        await first.DisposeAsync();                                                // restarts while the digests go out

        var time3 = new FakeTimeProvider(Monday(7, 33));
        await using var third = App(school, maildev.SmtpPort, time3, outboxLease);
        await third.WaitUntilHealthyAsync();
        time2.SetUtcNow(Monday(7, 33));                                            // the dead instance's digest lease has run out;
                                                                                   // the restarted one gave back what it had in hand
        await maildev.WaitForDigestMailsAsync(8);
        await Task.Delay(TimeSpan.FromSeconds(2));                                 // time for a second copy to show up, if there were one
        var mails = await maildev.DigestMailsAsync();

        Assert.True(mails.Count == 8, "one digest per teacher, but: " + string.Join(", ", mails.Select(m => m.To.Single().Address).Order(StringComparer.Ordinal)));
        Assert.Equal(8, mails.Select(m => m.To.Single().Address).Distinct().Count());
        Assert.Equal("sent", (await third.DigestOfAsync("2026-11-30", "juf-anouk")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnInstanceThatDiesAfterBuildingADigestLeavesItToAnotherWhichSendsThatSameDigestOnce()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        var school = Write(_folder);
        var (timeA, timeB) = (new FakeTimeProvider(Monday(7)), new FakeTimeProvider(Monday(7)));
        await using var a = new BotApp(settings: Settings(school, maildev.SmtpPort, BotApp.AzuriteSettings(azurite.ConnectionString, _container)), time: timeA, services: GatedStateStore.Register);
        await using var b = App(school, maildev.SmtpPort, timeB);
        await a.WaitUntilHealthyAsync();
        await b.WaitUntilHealthyAsync();
        await a.AskAsync(TimParent, "Tim", "Kan ik u vandaag even spreken?");

        // Instance A builds Juf Fatima's 07:30 digest and dies before the outbox has it (and before it can give it back).
        var gate = a.Services.GetRequiredService<GatedStateStore>();
        gate.FailNext("create", "outbox/pending/digest-20261130-0730-juf-fatima");
        var (stuck, release) = gate.Arm("delete", "claims/digests/de-driehoek/2026-11-30/0730/juf-fatima");
        timeA.SetUtcNow(Monday(7, 30));
        await stuck.WaitAsync(TimeSpan.FromSeconds(15));

        // Meanwhile another question arrives; B sees A's claim until its lease runs out, then sends what A built.
        timeB.SetUtcNow(Monday(7, 31));
        await b.AskAsync(Mirjam, "Yara", "Is de gymles morgen?");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(await maildev.DigestMailsAsync());
        timeB.SetUtcNow(Monday(7, 33));
        var mail = Assert.Single(await maildev.WaitForDigestMailsAsync(1));
        Assert.Equal("Dagoverzicht maandag 30 november: 1 vraag", mail.Subject);
        Assert.DoesNotContain("gymles", mail.Text, StringComparison.Ordinal);                    // the digest as built at 07:30

        release();
        timeA.SetUtcNow(Monday(7, 33));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(await maildev.DigestMailsAsync());
    }

    [Fact]
    public async Task AShutdownWhileTheStoreWritesADigestClaimLeavesThatDigestToTheOtherInstanceAtOnce()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        var school = Write(_folder);
        var (timeA, timeB) = (new FakeTimeProvider(Monday(7)), new FakeTimeProvider(Monday(7)));
        var a = new BotApp(settings: Settings(school, maildev.SmtpPort, BotApp.AzuriteSettings(azurite.ConnectionString, _container)), time: timeA, services: GatedStateStore.Register);
        await using var b = App(school, maildev.SmtpPort, timeB);
        await a.WaitUntilHealthyAsync();
        await b.WaitUntilHealthyAsync();
        await a.AskAsync(TimParent, "Tim", "Kan ik u vandaag even spreken?");

        // A claims Juf Fatima's 07:30 digest and is told to stop while the store is writing that claim: the store makes
        // it, but A's request was cancelled meanwhile.
        var gate = a.Services.GetRequiredService<GatedStateStore>();
        var (reached, release) = gate.ArmInFlight("create", "claims/digests/de-driehoek/2026-11-30/0730/juf-fatima");
        timeA.SetUtcNow(Monday(7, 30));
        await reached.WaitAsync(TimeSpan.FromSeconds(15));
        a.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        release();
        await a.DisposeAsync();

        // B's clock stays inside A's 2-minute lease: B sends the digest only if A gave its claim back.
        timeB.SetUtcNow(Monday(7, 30));
        var mail = Assert.Single(await maildev.WaitForDigestMailsAsync(1));
        Assert.Equal("Dagoverzicht maandag 30 november: 1 vraag", mail.Subject);
        Assert.Equal("fatima@dedriehoek.example", mail.To.Single().Address);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(await maildev.DigestMailsAsync());
    }

    [Fact]
    public async Task WithTheMailServerDownTheDigestIsSentLateOnceItIsBackAndNeverTwice()
    {
        var port = AzuriteProcess.FreePort(); // nobody listens here yet
        var school = Write(_folder);
        var time = new FakeTimeProvider(Monday(7, 20));
        await using var app = App(school, port, time);
        await app.WaitUntilHealthyAsync();
        await app.AskAsync(TimParent, "Tim", "Kan ik u vandaag even spreken?");
        time.SetUtcNow(Monday(7, 30));
        await app.WaitForStatusAsync("2026-11-30", "07:30", "queued");
        await WaitForFailedAttemptAsync(app);

        await using var maildev = await MailDevProcess.StartAsync(port);
        time.SetUtcNow(Monday(7, 45));                                             // past the outbox's backoff
        var mail = Assert.Single(await maildev.WaitForDigestMailsAsync(1));
        Assert.Equal("Dagoverzicht maandag 30 november: 1 vraag", mail.Subject);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        time.SetUtcNow(Monday(8));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await maildev.DigestMailsAsync());

        var digest = await app.DigestOfAsync("2026-11-30");
        Assert.True(digest.GetProperty("sent").GetBoolean());
        Assert.Equal(Monday(7, 45), digest.GetProperty("sentAt").GetDateTimeOffset());            // late, once
    }

    [Fact]
    public async Task ADigestTimeMissedBecauseNoInstanceRanIsSentLateOnce()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        var school = Write(_folder);
        await using (var seed = App(school, maildev.SmtpPort, new FakeTimeProvider(Monday(7))))
        {
            await seed.WaitUntilHealthyAsync();
            await seed.AskAsync(TimParent, "Tim", "Kan ik u vandaag even spreken?");
        }

        // Nobody runs at 07:30; the bot comes back at 09:00.
        var time = new FakeTimeProvider(Monday(9));
        await using var app = App(school, maildev.SmtpPort, time);
        await app.WaitUntilHealthyAsync();
        var mail = Assert.Single(await maildev.WaitForDigestMailsAsync(1));
        Assert.Equal("Dagoverzicht maandag 30 november: 1 vraag", mail.Subject);
        time.SetUtcNow(Monday(9, 5));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(await maildev.DigestMailsAsync());
        var digest = await app.DigestOfAsync("2026-11-30");
        Assert.Equal(["07:30 sent", "15:30 not-due"], digest.GetProperty("deliveries").EnumerateArray().Select(d => $"{d.GetProperty("time").GetString()} {d.GetProperty("status").GetString()}"));
        Assert.Equal(Monday(9), digest.GetProperty("sentAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task WhenBothDigestTimesWereMissedOnlyTheLaterOneIsSentCarryingEverything()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        var school = Write(_folder);
        await using (var seed = App(school, maildev.SmtpPort, new FakeTimeProvider(Monday(7))))
        {
            await seed.WaitUntilHealthyAsync();
            await seed.AskAsync(TimParent, "Tim", "Kan ik u vandaag even spreken?");
        }

        await using var app = App(school, maildev.SmtpPort, new FakeTimeProvider(Monday(16)));
        await app.WaitUntilHealthyAsync();
        var mail = Assert.Single(await maildev.WaitForDigestMailsAsync(1));
        Assert.Equal("Dagoverzicht maandag 30 november: 1 vraag", mail.Subject);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(await maildev.DigestMailsAsync());
        var digest = await app.DigestOfAsync("2026-11-30");
        Assert.Equal(["07:30 skipped", "15:30 sent"], digest.GetProperty("deliveries").EnumerateArray().Select(d => $"{d.GetProperty("time").GetString()} {d.GetProperty("status").GetString()}"));
    }

    private BotApp App(string school, int smtpPort, FakeTimeProvider time, IDictionary<string, string?>? more = null)
    {
        var settings = BotApp.AzuriteSettings(azurite.ConnectionString, _container);
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new(settings: Settings(school, smtpPort, settings), time: time);
    }

    private static async Task WaitForFailedAttemptAsync(BotApp app)
    {
        var outbox = app.Services.GetRequiredService<OuderBot.Outbox.Outbox>();
        await Wait.UntilAsync(async () => await outbox.FindAsync(app.School(), "digest-20261130-0730-juf-fatima", CancellationToken.None) is { Attempts: >= 1, Status: OuderBot.Outbox.OutboxStatus.Pending },
            "the digest tried once and waiting for its retry");
    }
}
