using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Storage;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Absence;

// The teacher hears of a report for today straight away, by e-mail through a real SMTP sink (maildev), with the
// bot's state on Azurite. The clock stands at Tuesday 24 November 2026, 07:45; school starts at 08:30.
[Collection(AzuriteCollection.Name)]
public sealed class AbsenceNoticeTests(AzuriteFixture azurite)
{
    private readonly string _container = AzuriteFixture.NewContainer();

    [Fact]
    public async Task TheTeacherGetsOneMailForAReportForTodayWithoutTheDiagnosis()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        await using var app = App(maildev.SmtpPort);
        await app.WaitUntilHealthyAsync();

        await app.RunAsync(TimParent, """
            > Tim heeft koorts en moet overgeven, hij blijft vandaag thuis
            <~ Klopt dat?
            > ja
            <~ Ik geef het door aan Juf Fatima.
            """);
        var mail = Assert.Single(await maildev.WaitForMailsAsync(1));

        Assert.Equal("Afwezig vandaag: Tim (Groep 4)", mail.Subject);
        Assert.Equal("fatima@dedriehoek.example", Assert.Single(mail.To).Address);
        Assert.Contains("Tim is ziek op dinsdag 24 november.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Gemeld door Lotte Bakker om 7.45 uur via OuderBot.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("koorts", mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("overgeven", mail.Text, StringComparison.OrdinalIgnoreCase);

        // The other parent reports the same day: one absence, so no second mail.
        await app.RunAsync(TimOtherParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ ook al gemeld
            """);
        // A report for tomorrow waits for the digest.
        await app.RunAsync(BibiParent, """
            > Bibi is morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik geef het door aan Juf Anouk.
            """);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(await maildev.MailsAsync());
    }

    [Fact]
    public async Task WithTheMailServerDownTheReportIsSavedAndTheNoticeGoesOutOnceAfterARestart()
    {
        var port = AzuriteProcess.FreePort(); // nobody listens here yet
        await using (var first = App(port))
        {
            await first.WaitUntilHealthyAsync();
            await first.RunAsync(TimParent, """
                > Tim is vandaag ziek
                <~ Klopt dat?
                > ja
                < Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
                """);
            var pending = await WaitForFailedAttemptAsync(first);
            Assert.Contains("Mail server", pending, StringComparison.Ordinal);
        }

        // The bot restarts (a new host on the same store) and the mail server is back; the retry is due after the backoff.
        await using var maildev = await MailDevProcess.StartAsync(port);
        await using var second = App(port, new FakeTimeProvider(BotApp.TuesdayMorning.AddMinutes(2)));
        await second.WaitUntilHealthyAsync();

        var mail = Assert.Single(await maildev.WaitForMailsAsync(1));
        Assert.Equal("Afwezig vandaag: Tim (Groep 4)", mail.Subject);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(await maildev.MailsAsync());
        var store = second.Services.GetRequiredService<IStateStore>();
        Assert.Empty(await Keys(store, "schools/de-driehoek/outbox/pending/"));
        Assert.Single(await Keys(store, "schools/de-driehoek/outbox/done/"));
    }

    [Fact]
    public async Task WhenTheOtherParentWithdrawsTodaysReportTheTeacherHearsWhoAndWhen()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        await using var app = App(maildev.SmtpPort);
        await app.WaitUntilHealthyAsync();
        await app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);
        app.Time.Advance(TimeSpan.FromMinutes(20)); // 08:05
        await app.RunAsync(TimOtherParent, """
            > Tim is toch niet ziek
            <~ 1. Tim is ziek op dinsdag 24 november
            > 1
            <~ intrekken
            > ja
            <~ Ik heb de melding ingetrokken
            """);

        var mails = await maildev.WaitForMailsAsync(2);
        Assert.Equal(["Afwezig vandaag: Tim (Groep 4)", "Melding ingetrokken: Tim (Groep 4)"], mails.Select(m => m.Subject).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("Joost Bakker heeft deze melding om 8.05 uur ingetrokken: Tim is ziek op dinsdag 24 november.", mails.Single(m => m.Subject.StartsWith("Melding", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorrectionOfOneChildAfterTheReceiptTellsOnlyThatChildsTeacher()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        await using var app = App(maildev.SmtpPort);
        await app.WaitUntilHealthyAsync();
        await app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik geef het door aan Juf Marloes en Juf Esther.
            > Sem heeft om 9 uur de tandarts
            <~ Ik geef het door aan Juf Esther.
            """);

        // Sem's teacher hears the sick day, that it is withdrawn and the appointment; Noor's only of her sick day.
        await maildev.WaitForMailsAsync(4);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var mails = await maildev.MailsAsync();
        Assert.Equal(4, mails.Count);
        Assert.Single(mails, m => m.To.Any(t => t.Address == "marloes@dedriehoek.example"));
        Assert.Equal(3, mails.Count(m => m.To.Any(t => t.Address == "esther@dedriehoek.example")));
    }

    [Fact]
    public async Task AReportAfterSchoolEndedSendsNoMail()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        await using var app = App(maildev.SmtpPort, new FakeTimeProvider(BotApp.TuesdayMorning.AddHours(7.5))); // 15:15
        await app.WaitUntilHealthyAsync();
        await app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty(await maildev.MailsAsync());
    }

    private BotApp App(int smtpPort, FakeTimeProvider? time = null) => new(
        settings: new Dictionary<string, string?>(BotApp.AzuriteSettings(azurite.ConnectionString, _container))
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "OuderBot De Driehoek <ouderbot@dedriehoek.example>",
            ["Smtp:Security"] = "None",
            ["Smtp:Timeout"] = "00:00:05",
            ["Outbox:PollInterval"] = "00:00:00.100",
        },
        time: time);

    private static async Task<string> WaitForFailedAttemptAsync(BotApp app)
    {
        var store = app.Services.GetRequiredService<IStateStore>();
        var pending = "";
        await Wait.UntilAsync(async () =>
        {
            foreach (var key in await Keys(store, "schools/de-driehoek/outbox/pending/"))
            {
                pending = System.Text.Encoding.UTF8.GetString((await store.ReadAsync(key))!.Content.Span);
                if (pending.Contains("\"attempts\":1", StringComparison.Ordinal) && pending.Contains("\"status\":\"Pending\"", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }, "the notice tried once and waiting for its retry");
        return pending;
    }

    private static async Task<List<string>> Keys(IStateStore store, string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync(prefix))
        {
            keys.Add(key);
        }

        return keys;
    }
}
