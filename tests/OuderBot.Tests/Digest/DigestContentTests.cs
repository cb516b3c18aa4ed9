using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Absence;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Digest.DigestSchool;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Digest;

// A school day at De Driehoek (Monday 30 November 2026) through the real host on the embedded store, the digest mailed
// to a real SMTP sink (maildev) and read back, and the same digest as the office sees it.
public sealed class DigestContentTests : DigestMailTest
{
    [Fact]
    public async Task TheAfternoonDigestTellsTheTeacherWhoIsAwayWhatHappenedToTheTalksAndWhichQuestionsWait()
    {
        var time = new FakeTimeProvider(Monday(7));
        await using var app = App(time);
        await app.WaitUntilHealthyAsync();

        // Before the morning digest: three talks booked, Finn sick since Thursday with no end known.
        await app.BookAsync("Tim", "2026-12-01T15:00");
        await app.BookAsync("Ravi", "2026-12-01T15:15");
        await app.BookAsync("Yara", "2026-12-03T19:00");
        await app.SaveAbsenceAsync("Finn", AbsenceKinds.Sick, new DateOnly(2026, 11, 26), null);
        time.SetUtcNow(Monday(7, 30));
        var morning = Assert.Single(await MailDev.WaitForDigestMailsAsync(1));
        Assert.Equal("Dagoverzicht maandag 30 november: 1 afwezig, 3 nieuwe gesprekken", morning.Subject);

        // During the day.
        time.SetUtcNow(Monday(8));
        await app.AskAsync(TimParent, "Tim", "Hoe gaat het met het lezen van Tim?", kind: "question");
        time.SetUtcNow(Monday(9, 10));
        await app.SaveAbsenceAsync("Tim", AbsenceKinds.Sick, new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), late: true);
        await app.SaveAbsenceAsync("Ravi", AbsenceKinds.Appointment, new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), until: new TimeOnly(11, 30));
        await app.SaveAbsenceAsync("Yara", AbsenceKinds.Other, new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), from: new TimeOnly(13, 30));
        await app.SaveAbsenceAsync("Ravi", AbsenceKinds.Sick, new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 4));
        time.SetUtcNow(Monday(10));
        await app.BookAsync("Finn", "2026-12-01T15:30");
        await app.MoveAsync("Tim", "2026-12-03T19:15");
        await app.CancelAsync("Ravi");
        time.SetUtcNow(Monday(11));
        await app.AskAsync(Mirjam, "Yara", "Kan de juf mij bellen? <script>alert('x')</script> Yara & Finn");

        time.SetUtcNow(Monday(15, 30));
        await app.WaitForStatusAsync("2026-11-30", "15:30", "sent");
        var digest = await app.DigestOfAsync("2026-11-30");

        Assert.Equal("juf-fatima", digest.GetProperty("teacherId").GetString());
        Assert.Equal("Juf Fatima", digest.GetProperty("teacher").GetString());
        Assert.Equal("15:30", digest.GetProperty("time").GetString());
        Assert.True(digest.GetProperty("sent").GetBoolean());
        Assert.Equal(Monday(15, 30), digest.GetProperty("sentAt").GetDateTimeOffset());
        Assert.Equal(["07:30 sent", "15:30 sent"], digest.GetProperty("deliveries").EnumerateArray().Select(d => $"{d.GetProperty("time").GetString()} {d.GetProperty("status").GetString()}"));
        const string Summary = "4 afwezig, 1 nieuw gesprek, 1 gesprek verzet, 1 gesprek afgezegd, 2 vragen";
        Assert.Equal(Summary, digest.GetProperty("summary").GetString());

        var sections = digest.GetProperty("sections");
        var absences = sections.GetProperty("absences");
        Assert.Equal(
            ["Ravi appointment -/11:30 late-arrival:True early:False reported-late:False", "Tim sick -/- late-arrival:False early:False reported-late:True", "Yara other 13:30/- late-arrival:False early:True reported-late:False"],
            absences.GetProperty("today").EnumerateArray().Select(a =>
                $"{a.GetProperty("child").GetString()} {a.GetProperty("kind").GetString()} {a.GetProperty("from").GetString() ?? "-"}/{a.GetProperty("until").GetString() ?? "-"} late-arrival:{a.GetProperty("arrivesLate").GetBoolean()} early:{a.GetProperty("leavesEarly").GetBoolean()} reported-late:{a.GetProperty("reportedLate").GetBoolean()}"));
        var open = Assert.Single(absences.GetProperty("openEnded").EnumerateArray().ToList());
        Assert.Equal(("Finn", "sick", "2026-11-26"), (open.GetProperty("child").GetString(), open.GetProperty("kind").GetString(), open.GetProperty("since").GetString()));
        var coming = Assert.Single(absences.GetProperty("comingDays").EnumerateArray().ToList());
        Assert.Equal("Ravi", coming.GetProperty("child").GetString());
        Assert.Equal(["2026-12-03", "2026-12-04"], coming.GetProperty("dates").EnumerateArray().Select(d => d.GetString()));
        // Only the kind: nothing the parent said is in the absences.
        Assert.DoesNotContain("script", absences.GetRawText(), StringComparison.Ordinal);

        var talks = sections.GetProperty("talks");
        Assert.Equal(["Finn 2026-12-01T15:30 Mirjam Jansen lokaal 4"], Talks(talks.GetProperty("booked")));
        var moved = Assert.Single(talks.GetProperty("moved").EnumerateArray().ToList());
        Assert.Equal(("Tim", "2026-12-01T15:00", "2026-12-03T19:15"), (moved.GetProperty("talk").GetProperty("child").GetString(), moved.GetProperty("from").GetString(), moved.GetProperty("talk").GetProperty("start").GetString()));
        Assert.Equal(["Ravi 2026-12-01T15:15 Mirjam Jansen lokaal 4"], Talks(talks.GetProperty("cancelled")));
        Assert.Equal(["Finn 2026-12-01T15:30 Mirjam Jansen lokaal 4", "Yara 2026-12-03T19:00 Mirjam Jansen lokaal 4", "Tim 2026-12-03T19:15 Lotte Bakker lokaal 4"], Talks(talks.GetProperty("schedule")));

        var handoffs = sections.GetProperty("handoffs").EnumerateArray().ToList();
        Assert.Equal(2, handoffs.Count);
        Assert.Equal(("Lotte Bakker", "Tim", "Hoe gaat het met het lezen van Tim?", "open"), Handoff(handoffs[0]));    // oldest first
        Assert.Equal(("Mirjam Jansen", "Yara", "Kan de juf mij bellen? <script>alert('x')</script> Yara & Finn", "open"), Handoff(handoffs[1]));
        Assert.All(handoffs, h => Assert.StartsWith("http://localhost:5080/digest/de-driehoek/juf-fatima/questions/", h.GetProperty("answerUrl").GetString(), StringComparison.Ordinal));
        Assert.Empty(sections.GetProperty("feedback").EnumerateArray());

        // The mail: the same, summary first, only the sections with something to tell, the parent's markup escaped.
        var mails = await MailDev.WaitForDigestMailsAsync(2);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal(TeacherEmail, Assert.Single(m.To).Address));
        var mail = mails.Single(m => m.Subject != morning.Subject);
        Assert.Equal($"Dagoverzicht maandag 30 november: {Summary}", mail.Subject);
        var lines = mail.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Dagoverzicht voor Juf Fatima, maandag 30 november", lines[0]);
        Assert.Equal(Summary, lines[1]);
        foreach (var expected in new[]
        {
            "- Ravi (Groep 4): afspraak (arts, tandarts, ziekenhuis), tot 11.30 (komt later)",
            "- Tim (Groep 4): ziek, laat gemeld",
            "- Yara (Groep 4): afwezig om een andere reden, vanaf 13.30 (gaat eerder weg)",
            "- Finn (Groep 4): ziek sinds do 26 nov",
            "- Ravi (Groep 4): ziek op do 3 dec, vr 4 dec",
            "- di 1 dec 15.30 Finn (Groep 4), met Mirjam Jansen, lokaal 4",
            "- Tim (Groep 4): van di 1 dec 15.00 naar do 3 dec 19.15, lokaal 4",
            "- di 1 dec 15.15 Ravi (Groep 4)",
            "- ma 30 nov 8.00, Lotte Bakker over Tim: Hoe gaat het met het lezen van Tim? (open)",
            "- ma 30 nov 11.00, Mirjam Jansen over Yara: Kan de juf mij bellen? <script>alert('x')</script> Yara & Finn (open)",
        })
        {
            Assert.Contains(expected, lines);
        }

        Assert.Contains(lines, l => l.StartsWith("  Beantwoorden: http://localhost:5080/digest/de-driehoek/juf-fatima/questions/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Uw overzicht en gesprekken: http://localhost:5080/digest/de-driehoek/juf-fatima?", StringComparison.Ordinal));

        var html = mail.Html!;
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Yara &amp; Finn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(html.IndexOf(Summary, StringComparison.Ordinal) < html.IndexOf(">Afwezig<", StringComparison.Ordinal), "the summary comes first");
        Assert.True(html.IndexOf(">Afwezig<", StringComparison.Ordinal) < html.IndexOf(">Gesprekken<", StringComparison.Ordinal));
        Assert.True(html.IndexOf(">Gesprekken<", StringComparison.Ordinal) < html.IndexOf(">Vragen van ouders<", StringComparison.Ordinal));
        Assert.Contains("Tim (Groep 4): van di 1 dec 15.00 naar do 3 dec 19.15, lokaal 4", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Feedback<", html, StringComparison.Ordinal);

        // Juf Anouk had nothing to tell: no mail for her.
        Assert.Equal("nothing-to-tell", (await app.DigestOfAsync("2026-11-30", "juf-anouk")).GetProperty("status").GetString());
        Assert.DoesNotContain(await MailDev.MailsAsync(), m => m.To.Any(t => t.Address == "anouk@dedriehoek.example"));
    }

    [Fact]
    public async Task ADayWithNothingToTellSendsNoMailUnlessTheSchoolAsksForOne()
    {
        var time = new FakeTimeProvider(Monday(7));
        await using (var quiet = App(time))
        {
            await quiet.WaitUntilHealthyAsync();
            time.SetUtcNow(Monday(7, 30));
            await quiet.WaitForStatusAsync("2026-11-30", "07:30", "nothing-to-tell");
            var digest = await quiet.DigestOfAsync("2026-11-30");
            Assert.False(digest.GetProperty("sent").GetBoolean());
            Assert.Equal("Niets nieuws", digest.GetProperty("summary").GetString());
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Empty(await MailDev.MailsAsync());
        }

        using var other = new SchoolFolder();
        var always = new FakeTimeProvider(Monday(7));
        await using var app = new BotApp(settings: Settings(Write(other, sendWhenEmpty: true), MailDev.SmtpPort), time: always);
        await app.WaitUntilHealthyAsync();
        always.SetUtcNow(Monday(7, 30));
        var mails = await MailDev.WaitForDigestMailsAsync(8);
        Assert.Equal(8, mails.Select(m => m.To.Single().Address).Distinct().Count());                     // every teacher once
        Assert.All(mails, m => Assert.Equal("Dagoverzicht maandag 30 november: Niets nieuws", m.Subject));
    }

    [Fact]
    public async Task TheOfficeGets400ForABrokenDateAnd404ForATeacherOrSchoolItDoesNotHave()
    {
        await using var app = App(new FakeTimeProvider(Monday(7)));
        await app.WaitUntilHealthyAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await app.GetDigestsAsync("date=30-11-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetDigestsAsync("date=2026-11-30&teacher=juf-nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetDigestsAsync("date=2026-11-30&school=nowhere")).StatusCode);
        var all = JsonDocument.Parse(await (await app.GetDigestsAsync("date=2026-11-30")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(8, all.GetArrayLength());                                                               // one entry per teacher
        Assert.All(all.EnumerateArray(), d => Assert.Equal("not-due", d.GetProperty("status").GetString()));
    }

    [Fact]
    public void ATooShortSigningKeyOrARelativeBaseUrlStopsTheBotAtStartNamingBoth()
    {
        var error = BotApp.StartFailure<Microsoft.Extensions.Options.OptionsValidationException>(new Dictionary<string, string?>
        {
            ["Digest:SigningKey"] = "short",
            ["Digest:PublicBaseUrl"] = "/digest",
        });
        Assert.Contains("Digest:SigningKey must be at least 32 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("Digest:PublicBaseUrl must be an absolute http(s) URL.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentASchoolWithADigestNeedsASigningKeyToStart()
    {
        var settings = Settings(Write(Folder), MailDev.SmtpPort);
        settings.Remove("Digest:SigningKey");
        for (var attempt = 1; ; attempt++)
        {
            await using var app = new BotApp(environment: "Production", settings: settings);
            var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
            if (error is ObjectDisposedException && attempt < 5)
            {
                continue; // the deferred host sometimes disposes before it passes the start-up error on (see BotApp.StartFailure)
            }

            Assert.Contains("Digest:SigningKey is required: de-driehoek has a digest", error.ToString(), StringComparison.Ordinal);
            return;
        }
    }

    private BotApp App(FakeTimeProvider time) => new(settings: Settings(Write(Folder), MailDev.SmtpPort), time: time);

    private static List<string> Talks(JsonElement list) =>
        [.. list.EnumerateArray().Select(t => $"{t.GetProperty("child").GetString()} {t.GetProperty("start").GetString()} {t.GetProperty("parent").GetString()} {t.GetProperty("room").GetString()}")];

    private static (string?, string?, string?, string?) Handoff(JsonElement h) =>
        (h.GetProperty("parent").GetString(), Assert.Single(h.GetProperty("children").EnumerateArray().ToList()).GetString(), h.GetProperty("question").GetString(), h.GetProperty("status").GetString());
}
