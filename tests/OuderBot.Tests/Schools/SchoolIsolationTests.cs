using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Bot;
using OuderBot.Channels.Twilio;
using OuderBot.Inbox;
using OuderBot.Outbox;
using OuderBot.Privacy;
using OuderBot.School;
using OuderBot.Storage;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Schools;

/// <summary>
/// Two schools of one board in one host (the demo folder dialogs/schools): OBS De Driehoek (+3197010000001) and
/// CBS De Regenboog (+3197010000002). Karim El Amrani has Sami (groep 5) at De Driehoek and Lisa (groep 2) at
/// De Regenboog. Whatever he, the other parents, the teachers and the offices do at one school, the other school
/// neither sees nor changes. The clock stands at Tuesday 24 November 2026, 07:45.
/// </summary>
public abstract class SchoolIsolationTests
{
    protected const string Driehoek = "de-driehoek";
    protected const string Regenboog = "de-regenboog";
    protected const string DriehoekNumber = "+3197010000001";
    protected const string RegenboogNumber = "+3197010000002";
    protected const string UnknownNumber = "+3197010000009";

    protected const string Karim = "+31655555555";      // Sami at De Driehoek, Lisa at De Regenboog
    protected const string Lotte = "+31622222222";      // Tim, De Driehoek only
    protected const string Anna = "+31657777777";       // Daan and Eva, De Regenboog only
    protected const string John = "+31658888888";       // Lily, De Regenboog only, English

    private const string BoardKey = "board-secret";
    private const string DriehoekKey = "driehoek-office";
    private const string RegenboogKey = "regenboog-office";

    private const string Hello = "Hallo Karim. Waarmee kan ik u helpen? Typ 'menu' om te zien wat ik kan.";

    /// <summary>The store the host runs on (a new, empty one for each host).</summary>
    protected abstract IDictionary<string, string?> StoreSettings();

    // ---- Conversations ----

    [Fact]
    public async Task AParentAtBothSchoolsHasASeparateConversationWithEachOnEveryChannel()
    {
        await using var app = await StartAsync();

        await app.RunAsync(Karim, """
            > english
            <~ From now on I will write to you in English.
            """, to: Regenboog);
        await app.RunAsync(Karim, $"""
            > hallo
            < {Hello}
            """, to: Driehoek);

        // Twilio: the number he writes to is the school; SMS and WhatsApp share the school's conversation.
        Assert.Equal(["Hello Karim. How can I help you? Type 'menu' to see what I can do."], await app.TextAsync(Karim, "hello", to: RegenboogNumber));
        Assert.Equal([Hello], await app.TextAsync(Karim, "hallo", to: DriehoekNumber));
        Assert.Equal(["Hello Karim. How can I help you? Type 'menu' to see what I can do."], await app.TextAsync("whatsapp:" + Karim, "hoi", to: RegenboogNumber));
        Assert.Equal([Hello], await app.TextAsync("whatsapp:" + Karim, "hoi", to: DriehoekNumber));

        Assert.Equal(
            [ConversationStore.Key(app.School(Driehoek), Karim), ConversationStore.Key(app.School(Regenboog), Karim)],
            (await KeysAsync(app)).Where(k => k.Contains("/conversations/", StringComparison.Ordinal)).ToList());
        Assert.Equal("en", (await ConversationAsync(app, Regenboog, Karim))!.Language);
        Assert.Null((await ConversationAsync(app, Driehoek, Karim))!.Language);
    }

    [Fact]
    public async Task EachSchoolKnowsOnlyItsOwnChildrenOfAParentAtBoth()
    {
        await using var app = await StartAsync();

        await app.RunAsync(Karim, """
            > Lisa is vandaag ziek
            < Lisa is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Lisa is ziek op dinsdag 24 november. Ik geef het door aan Juf Sophie. Beterschap voor Lisa!
            > Sami is morgen ziek
            < Ik vind geen kind met de naam Sami bij uw gegevens.
            < Welk kind wilt u ziek melden?
            | 1. Lisa
            """, to: Regenboog);
        await app.RunAsync(Karim, """
            > Sami is vandaag ziek
            < Sami is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Sami is ziek op dinsdag 24 november. Ik geef het door aan Meester Daan. Beterschap voor Sami!
            > Lisa is morgen ziek
            < Ik vind geen kind met de naam Lisa bij uw gegevens.
            < Welk kind wilt u ziek melden?
            | 1. Sami
            """, to: Driehoek);

        Assert.Equal([AbsenceStore.Key(app.School(Driehoek), "sami-g5"), AbsenceStore.Key(app.School(Regenboog), "lisa-g2")],
            (await KeysAsync(app)).Where(k => k.Contains("/absences/", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public async Task ADialogOpenAtOneSchoolIsNotContinuedByAMessageToTheOther()
    {
        await using var app = await StartAsync();

        await app.RunAsync(Karim, """
            > Lisa is morgen ziek
            < Lisa is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """, to: Regenboog);
        var atDriehoek = Assert.Single(await app.TextAsync(Karim, "ja", to: DriehoekNumber));
        Assert.DoesNotContain("genoteerd", atDriehoek, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa", atDriehoek, StringComparison.Ordinal);
        Assert.Empty(await AbsencesInStoreAsync(app));

        // De Regenboog's question is still open, also over SMS to its own number.
        Assert.Equal(["Dank u wel. Ik heb genoteerd: Lisa is ziek op woensdag 25 november. Ik geef het door aan Juf Sophie. Beterschap voor Lisa!"],
            await app.TextAsync(Karim, "ja", to: RegenboogNumber));

        // And the other way round: De Driehoek asks for a day, "morgen" at De Regenboog is not the answer.
        await app.RunAsync(Karim, """
            > Ik wil mijn kind ziekmelden
            < Voor welke dag wilt u Sami ziek melden? Bijvoorbeeld: vandaag, morgen of maandag.
            """, to: Driehoek);
        Assert.DoesNotContain("Sami", Assert.Single(await app.SendAsync(Karim, "morgen", to: Regenboog)), StringComparison.Ordinal);
        await app.RunAsync(Karim, """
            > morgen
            < Sami is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """, to: Driehoek);
        Assert.Equal(["lisa-g2"], (await AbsencesInStoreAsync(app)).Select(r => r.ChildId).ToList());
    }

    [Fact]
    public async Task EachSchoolsStudyDaysAndSchoolHoursComeFromItsOwnFile()
    {
        await using var app = await StartAsync();

        Assert.Contains("maandag: 08:45 - 15:00", Assert.Single(await app.SendAsync(Karim, "hoe laat begint de school", to: Regenboog)), StringComparison.Ordinal);
        Assert.Contains("maandag: 08:30 - 14:30", Assert.Single(await app.SendAsync(Karim, "hoe laat begint de school", to: Driehoek)), StringComparison.Ordinal);

        // Friday 27 November is De Regenboog's study day, Friday 11 December De Driehoek's.
        await app.RunAsync(Karim, """
            > Lisa is vrijdag ziek
            < Op vrijdag 27 november is het Studiedag, dan is er geen school. Voor welke schooldag wilt u Lisa afmelden?
            > 11-12
            < Lisa is ziek op vrijdag 11 december. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: Lisa is ziek op vrijdag 11 december.
            """, to: Regenboog);
        await app.RunAsync(Karim, """
            > Sami is ziek op 11-12
            < Op vrijdag 11 december is het Studiedag, dan is er geen school. Voor welke schooldag wilt u Sami afmelden?
            > vrijdag
            < Sami is ziek op vrijdag 27 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: Sami is ziek op vrijdag 27 november.
            """, to: Driehoek);

        // 08:40: De Driehoek started at 08:30, De Regenboog starts at 08:45.
        app.Time.SetUtcNow(BotApp.TuesdayMorning.AddMinutes(55));
        await app.RunAsync(Karim, """
            > Sami is vandaag ziek
            <~ Klopt dat?
            > ja
            < Dank u wel. Ik heb genoteerd: Sami is ziek op dinsdag 24 november. Ik geef het door aan Meester Daan. Dit is een late melding. Beterschap voor Sami!
            """, to: Driehoek);
        await app.RunAsync(Karim, """
            > Lisa is vandaag ziek
            <~ Klopt dat?
            > ja
            < Dank u wel. Ik heb genoteerd: Lisa is ziek op dinsdag 24 november. Ik geef het door aan Juf Sophie. Beterschap voor Lisa!
            """, to: Regenboog);
    }

    [Fact]
    public async Task OnlyDeRegenboogAnswersWithItsOwnSchoolTripAndEachSchoolWithItsOwnFacts()
    {
        await using var app = await StartAsync();

        Assert.Equal(
            ["De schoolreis is op donderdag 10 juni 2027. Groep 1 tot en met 4 gaat naar Dierenpark Amersfoort, groep 5 tot en met 8 naar de Efteling. De reis zit in de ouderbijdrage. Geef uw kind een lunch, drinken en regenkleding mee."],
            await app.SendAsync(Karim, "wanneer is het schoolreisje", to: Regenboog));
        var atDriehoek = string.Join("\n", await app.SendAsync(Karim, "wanneer is het schoolreisje", to: Driehoek));
        Assert.DoesNotContain("10 juni", atDriehoek, StringComparison.Ordinal);
        Assert.DoesNotContain("Efteling", atDriehoek, StringComparison.Ordinal);

        Assert.Contains("35 euro", string.Join("\n", await app.SendAsync(Karim, "hoeveel is de ouderbijdrage", to: Regenboog)), StringComparison.Ordinal);
        Assert.Contains("45 euro", string.Join("\n", await app.SendAsync(Karim, "hoeveel is de ouderbijdrage", to: Driehoek)), StringComparison.Ordinal);
    }

    // ---- The offices ----

    [Fact]
    public async Task AbsencesReportedAtOneSchoolNeverAppearInTheOtherSchoolsOverview()
    {
        await using var app = await StartAsync();
        await ReportTodayAsync(app, Karim, "Lisa", Regenboog);
        await ReportTodayAsync(app, Anna, "Daan", Regenboog);
        await ReportTodayAsync(app, Karim, "Sami", Driehoek);
        await ReportTodayAsync(app, Lotte, "Tim", Driehoek);

        const string Week = "/api/admin/absences?from=2026-11-23&to=2026-11-27";
        foreach (var (key, school) in new[] { (RegenboogKey, ""), (BoardKey, "&school=de-regenboog"), (BoardKey, "&school=DE-REGENBOOG") })
        {
            Assert.Equal(["Lisa Karim El Amrani", "Daan Anna de Vries"], (await AbsenceRowsAsync(app, key, Week + school)).Select(r => $"{r.Child} {r.ReportedBy}").ToList());
            Assert.Equal(
                [
                    "date,group,child,kind,from,until,reported by,reported at",
                    "2026-11-24,Groep 2,Lisa,sick,,,Karim El Amrani,2026-11-24 07:45",
                    "2026-11-24,Groep 4,Daan,sick,,,Anna de Vries,2026-11-24 07:45",
                ],
                await CsvAsync(app, key, Week + school + "&format=csv"));
        }

        foreach (var (key, school) in new[] { (DriehoekKey, ""), (BoardKey, "&school=de-driehoek") })
        {
            Assert.Equal(["Tim Lotte Bakker", "Sami Karim El Amrani"], (await AbsenceRowsAsync(app, key, Week + school)).Select(r => $"{r.Child} {r.ReportedBy}").ToList());
            Assert.Equal(
                [
                    "date,group,child,kind,from,until,reported by,reported at",
                    "2026-11-24,Groep 4,Tim,sick,,,Lotte Bakker,2026-11-24 07:45",
                    "2026-11-24,Groep 5,Sami,sick,,,Karim El Amrani,2026-11-24 07:45",
                ],
                await CsvAsync(app, key, Week + school + "&format=csv"));
        }
    }

    [Theory]
    [InlineData(BoardKey, "?school=de-regenboog", HttpStatusCode.OK)]
    [InlineData(BoardKey, "?school=de-onbekend", HttpStatusCode.NotFound)]
    [InlineData(RegenboogKey, "", HttpStatusCode.OK)]
    [InlineData(RegenboogKey, "?school=de-regenboog", HttpStatusCode.OK)]
    [InlineData(RegenboogKey, "?school=de-driehoek", HttpStatusCode.Forbidden)]
    [InlineData(RegenboogKey, "?school=de-onbekend", HttpStatusCode.Forbidden)]
    [InlineData(DriehoekKey, "?school=de-regenboog", HttpStatusCode.Forbidden)]
    [InlineData("not-a-key", "?school=de-regenboog", HttpStatusCode.Unauthorized)]
    [InlineData("", "", HttpStatusCode.Unauthorized)]
    public async Task AnOfficeKeyReachesItsOwnSchoolOnly(string key, string query, HttpStatusCode expected)
    {
        await using var app = await StartAsync();
        using var client = Office(app, key);

        var response = await client.GetAsync("/api/admin/absences" + query);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound)
        {
            Assert.Contains("de-driehoek, de-regenboog", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheBoardKeyWithoutASchoolGets400NamingTheSchoolsButItsStatsNeedNone()
    {
        await using var app = await StartAsync();
        using var board = Office(app, BoardKey);

        var response = await board.GetAsync("/api/admin/absences");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Add ?school=ID: this deployment serves 2 schools (de-driehoek, de-regenboog).",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await app.SendAsync(Karim, "hallo", to: Regenboog);
        var stats = await board.GetAsync("/api/admin/stats");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal(1, (await stats.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("turns").GetInt64());
    }

    // ---- Teachers' inbox and notices ----

    [Fact]
    public async Task AQuestionPassedOnToTheTeacherIsKeptOnlyUnderItsOwnSchool()
    {
        await using var app = await StartAsync();

        await app.RunAsync(Karim, """
            > Kan de juf mij bellen over Lisa?
            < Ik geef uw bericht door aan Juf Sophie. U hoort zo snel mogelijk van de school.
            """, to: Regenboog);
        await app.RunAsync(Karim, """
            > mag je trakteren op een verjaardag?
            < Dat weet ik helaas niet. Zal ik uw vraag doorgeven aan Meester Daan? (ja/nee)
            > ja
            < Ik heb uw vraag doorgegeven aan Meester Daan. U krijgt zo snel mogelijk antwoord.
            """, to: Driehoek);

        // What each school's teachers read for the day (the digest's listing): only their own.
        var inbox = app.Services.GetRequiredService<SchoolInbox>();
        var day = new DateOnly(2026, 11, 24);
        var regenboog = Assert.Single(await inbox.ForDayAsync(app.School(Regenboog), day, CancellationToken.None));
        Assert.Equal(("handoff", Karim, "lisa-g2", "2"), (regenboog.Kind, regenboog.ParentPhone, Assert.Single(regenboog.ChildIds), Assert.Single(regenboog.Groups)));
        var driehoek = Assert.Single(await inbox.ForDayAsync(app.School(Driehoek), day, CancellationToken.None));
        Assert.Equal(("question", "sami-g5", "5"), (driehoek.Kind, Assert.Single(driehoek.ChildIds), Assert.Single(driehoek.Groups)));

        // In the store, every document that holds a question lies under its school's prefix.
        Assert.All(await KeysHoldingAsync(app, "bellen over Lisa"), k => Assert.StartsWith("schools/de-regenboog/inbox/2026-11-24/", k, StringComparison.Ordinal));
        Assert.All(await KeysHoldingAsync(app, "trakteren op een verjaardag"), k => Assert.StartsWith("schools/de-driehoek/", k, StringComparison.Ordinal));
        Assert.Single(await KeysHoldingAsync(app, "bellen over Lisa"));
        Assert.Equal(2, (await KeysAsync(app)).Count(k => k.Contains("/inbox/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ATeachersNoticeIsQueuedUnderTheReportingSchoolOnlyForItsOwnTeacher()
    {
        // A mail server nobody listens on: the notice waits in the outbox, where the test reads it.
        await using var app = await StartAsync(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = AzuriteProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "ouderbot@bestuur.example",
        });

        await ReportTodayAsync(app, Karim, "Lisa", Regenboog);
        var regenboog = Assert.Single(await OutboxAsync(app));
        Assert.StartsWith("schools/de-regenboog/outbox/", regenboog.Key, StringComparison.Ordinal);
        Assert.Equal(("sophie@deregenboog.example", "Afwezig vandaag: Lisa (Groep 2)"), (regenboog.Message.To, regenboog.Message.Subject));

        await ReportTodayAsync(app, Karim, "Sami", Driehoek);
        var driehoek = Assert.Single(await OutboxAsync(app), m => m.Key.StartsWith("schools/de-driehoek/", StringComparison.Ordinal));
        Assert.Equal(("daan@dedriehoek.example", "Afwezig vandaag: Sami (Groep 5)"), (driehoek.Message.To, driehoek.Message.Subject));
        Assert.Equal(2, (await OutboxAsync(app)).Count);
    }

    [Fact]
    public async Task TheOutboxSendsFromTheSchoolsOwnNumberAndAStopAtOneSchoolSuppressesOnlyItsMessages()
    {
        await using var twilio = await FakeTwilioApi.StartAsync();
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = twilio.BaseUrl, ["Outbox:PollInterval"] = "00:00:00.100" });
        Assert.Empty(await app.TextAsync(Karim, "STOP", to: DriehoekNumber));

        Assert.Equal(OutboxStatus.Suppressed, await EnqueueAsync(app, Driehoek, "reminder-sms", "sms", Karim));
        Assert.Equal(OutboxStatus.Pending, await EnqueueAsync(app, Regenboog, "reminder-sms", "sms", Karim));
        Assert.Equal(OutboxStatus.Pending, await EnqueueAsync(app, Driehoek, "reminder-whatsapp", "whatsapp", Lotte));
        Assert.Equal(OutboxStatus.Pending, await EnqueueAsync(app, Regenboog, "reminder-whatsapp", "whatsapp", Anna));
        await Wait.UntilAsync(() => twilio.Requests.Count >= 3, "three messages sent to Twilio");
        await Task.Delay(300);

        Assert.Equal(
            [
                $"{RegenboogNumber} -> {Karim}",
                $"whatsapp:{DriehoekNumber} -> whatsapp:{Lotte}",
                $"whatsapp:{RegenboogNumber} -> whatsapp:{Anna}",
            ],
            twilio.Requests.Select(r => $"{r.Form["From"]} -> {r.Form["To"]}").Order(StringComparer.Ordinal).ToList());
        var outbox = app.Services.GetRequiredService<OuderBot.Outbox.Outbox>();
        Assert.Equal(OutboxStatus.Suppressed, (await outbox.FindAsync(app.School(Driehoek), "reminder-sms", CancellationToken.None))!.Status);
        await Wait.UntilAsync(async () => (await outbox.FindAsync(app.School(Regenboog), "reminder-sms", CancellationToken.None))!.Status == OutboxStatus.Sent, "De Regenboog's reminder sent");
    }

    // ---- Twilio: opt-outs, statuses, numbers nobody owns ----

    [Fact]
    public async Task StopToOneSchoolsNumberLeavesTheParentOptedInAtTheOther()
    {
        await using var app = await StartAsync();

        Assert.Empty(await app.TextAsync(Karim, "STOP", to: DriehoekNumber));

        Assert.Equal([Hello], await app.TextAsync(Karim, "hallo", to: RegenboogNumber));
        Assert.Empty(await app.TextAsync(Karim, "hallo", to: DriehoekNumber)); // opted out there: Twilio would not deliver
        var optOuts = app.Services.GetRequiredService<OptOutStore>();
        Assert.True(await optOuts.IsOptedOutAsync(app.School(Driehoek), Karim, CancellationToken.None));
        Assert.Null(await optOuts.GetAsync(app.School(Regenboog), Karim, CancellationToken.None));
        Assert.Equal([OptOutStore.Key(app.School(Driehoek), Karim)], (await KeysAsync(app)).Where(k => k.Contains("/optouts/", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public async Task AStatusCallbackIsStoredUnderTheSchoolWhoseNumberSentTheMessage()
    {
        await using var app = await StartAsync();
        var (sms, whatsApp) = (NewSid(), NewSid());

        Assert.Equal(HttpStatusCode.NoContent, (await app.PostTwilioAsync("/api/twilio/status", Status(sms, "delivered", RegenboogNumber, Karim))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.PostTwilioAsync("/api/twilio/status", Status(whatsApp, "read", "whatsapp:" + DriehoekNumber, "whatsapp:" + Karim))).StatusCode);

        var statuses = app.Services.GetRequiredService<MessageStatusStore>();
        Assert.Equal("delivered", (await statuses.GetAsync(app.School(Regenboog), sms, CancellationToken.None))!.Status);
        Assert.Null(await statuses.GetAsync(app.School(Driehoek), sms, CancellationToken.None));
        Assert.Equal("read", (await statuses.GetAsync(app.School(Driehoek), whatsApp, CancellationToken.None))!.Status);
        Assert.Null(await statuses.GetAsync(app.School(Regenboog), whatsApp, CancellationToken.None));
        Assert.Equal(2, (await KeysAsync(app)).Count(k => k.Contains("/message-status/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AMessageToANumberNoSchoolOwnsGetsEmptyTwimlAndStoresNothing()
    {
        await using var app = await StartAsync();
        await RetentionRanAsync(app); // the day's run at start writes its claim; after it, nothing else writes unasked
        var before = await SnapshotAsync(app);

        foreach (var (from, body) in new[] { (Karim, "Lisa is vandaag ziek"), (Karim, "STOP"), ("whatsapp:" + Karim, "Sami is vandaag ziek"), (Anna, "hallo") })
        {
            var response = await app.PostTwilioAsync("/api/twilio/messages", Message(from, body, to: UnknownNumber));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(await TwimlMessagesAsync(response));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await app.PostTwilioAsync("/api/twilio/status", Status(NewSid(), "delivered", UnknownNumber, Karim))).StatusCode);
        Assert.Equal(before, await SnapshotAsync(app));
    }

    // ---- The local channel's "to" ----

    [Fact]
    public async Task ALocalMessageGoesToTheSchoolItsToNamesByIdOrNumberAndNamingNoSchoolIs400()
    {
        await using var app = await StartAsync();

        var response = await app.PostAsync(new { from = Karim, text = "Lisa is vandaag ziek", to = "de-onbekend" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("\"to\" names no school: send a school's id or number (de-driehoek, de-regenboog).",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.DoesNotContain(await KeysAsync(app), k => k.Contains("/conversations/", StringComparison.Ordinal));

        Assert.Equal(["Lisa is ziek op dinsdag 24 november. Klopt dat? (ja/nee)"], await app.SendAsync(Karim, "Lisa is vandaag ziek", to: RegenboogNumber));
        Assert.Equal(["Dank u wel. Ik heb genoteerd: Lisa is ziek op dinsdag 24 november. Ik geef het door aan Juf Sophie. Beterschap voor Lisa!"], await app.SendAsync(Karim, "ja", to: " DE-REGENBOOG "));
        Assert.Equal(["Sami is ziek op dinsdag 24 november. Klopt dat? (ja/nee)"], await app.SendAsync(Karim, "Sami is vandaag ziek")); // School:Default
        Assert.Equal(["lisa-g2"], (await AbsencesInStoreAsync(app)).Select(r => r.ChildId).ToList());
    }

    [Fact]
    public async Task WithoutADefaultSchoolALocalMessageWithoutToIs400NamingTheSchools()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["School:Default"] = "" });

        var response = await app.PostAsync(new { from = Karim, text = "hallo" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("de-driehoek, de-regenboog", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([Hello], await app.SendAsync(Karim, "hallo", to: Regenboog));
    }

    // ---- Privacy ----

    [Fact]
    public async Task ErasingAtOneSchoolErasesOnlyThatSchoolsConversationAndMessages()
    {
        await using var twilio = await FakeTwilioApi.StartAsync();
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = twilio.BaseUrl, ["Outbox:PollInterval"] = "00:00:00.100" });
        await app.SendAsync(Karim, "Kan de juf mij bellen over Lisa?", to: Regenboog);
        await app.SendAsync(Karim, "Kan de juf mij bellen over Sami?", to: Driehoek);
        await EnqueueAsync(app, Regenboog, "reminder", "sms", Karim);
        await EnqueueAsync(app, Driehoek, "reminder", "sms", Karim);
        var outbox = app.Services.GetRequiredService<OuderBot.Outbox.Outbox>();
        foreach (var school in new[] { Regenboog, Driehoek })
        {
            await Wait.UntilAsync(async () => (await outbox.FindAsync(app.School(school), "reminder", CancellationToken.None))?.Status == OutboxStatus.Sent, $"{school}'s reminder sent");
        }

        await app.RunAsync(Karim, """
            > english
            <~ From now on I will write to you in English.
            """, to: Regenboog);
        await app.RunAsync(Karim, """
            > Sami is morgen ziek
            < Sami is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """, to: Driehoek);

        await app.RunAsync(Karim, """
            > please delete my data
            < Do you want me to delete our conversation and your messages to the school? Your absence reports are kept. (yes/no)
            > yes
            < Deleted: our conversation and 2 message(s) to the school. Kept: your absence reports (the school must keep attendance records by law) and a STOP if you sent one. The school manages your name and number: info@deregenboog.example.
            """, to: Regenboog);

        var keys = await KeysAsync(app);
        Assert.DoesNotContain(keys, k => k.StartsWith("schools/de-regenboog/inbox/", StringComparison.Ordinal) || k.StartsWith("schools/de-regenboog/outbox/", StringComparison.Ordinal));
        Assert.Single(keys, k => k.StartsWith("schools/de-driehoek/inbox/", StringComparison.Ordinal));
        Assert.Equal(OutboxStatus.Sent, (await outbox.FindAsync(app.School(Driehoek), "reminder", CancellationToken.None))!.Status);
        Assert.Null((await ConversationAsync(app, Regenboog, Karim))!.Language);

        // De Regenboog has forgotten the English; De Driehoek's open question is still there.
        Assert.Equal([Hello], await app.SendAsync(Karim, "hallo", to: Regenboog));
        await app.RunAsync(Karim, """
            > ja
            < Dank u wel. Ik heb genoteerd: Sami is ziek op woensdag 25 november. Ik geef het door aan Meester Daan. Beterschap voor Sami!
            """, to: Driehoek);
    }

    [Fact]
    public async Task EachSchoolsRetentionPeriodAppliesToItsOwnDocumentsOnly()
    {
        // De Regenboog keeps conversations 2 days, De Driehoek the default week.
        using var folder = new SchoolFolder();
        folder.Write("de-driehoek.yaml", SchoolFolder.DemoFile(Driehoek));
        folder.Write("de-regenboog.yaml", SchoolFolder.DemoFile(Regenboog) + "\nretention:\n  conversations: 2\n");
        await using var app = await StartAsync(new Dictionary<string, string?> { ["School:Path"] = folder.Path });
        await app.SendAsync(Karim, "hallo", to: Regenboog);
        await app.SendAsync(Karim, "hallo", to: Driehoek);
        Assert.Equal(2, app.School(Regenboog).Data.Retention.ConversationDays);

        await RetentionRanAsync(app);
        app.Time.Advance(TimeSpan.FromDays(3));
        await app.Services.GetRequiredService<RetentionJob>().RunIfDueAsync(CancellationToken.None); // or the job's own poll did it
        await RetentionRanAsync(app);

        Assert.Null(await ConversationAsync(app, Regenboog, Karim));
        Assert.NotNull(await ConversationAsync(app, Driehoek, Karim));
    }

    // ---- The whole store ----

    [Fact]
    public async Task AfterAMixedSessionNoDocumentOfOneSchoolHoldsAnythingOfTheOther()
    {
        await using var twilio = await FakeTwilioApi.StartAsync();
        await using var app = await StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = AzuriteProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "ouderbot@bestuur.example",
        });

        // Karim at both schools, on every channel.
        await ReportTodayAsync(app, Karim, "Lisa", Regenboog);
        await ReportTodayAsync(app, Karim, "Sami", Driehoek);
        await app.TextAsync(Karim, "Kan de juf mij bellen over Lisa?", to: RegenboogNumber);
        await app.TextAsync("whatsapp:" + Karim, "mag je trakteren op een verjaardag?", to: DriehoekNumber);
        await app.TextAsync("whatsapp:" + Karim, "ja", to: DriehoekNumber);
        await app.TextAsync("whatsapp:" + Karim, "wanneer is het schoolreisje", to: RegenboogNumber);
        await app.TextAsync(Karim, "STOP", to: DriehoekNumber);

        // Parents of one school only; Anna also writes to the school her children do not go to.
        await app.TextAsync(Anna, "Eva is vandaag ziek", to: RegenboogNumber);
        await app.TextAsync(Anna, "ja", to: RegenboogNumber);
        await app.TextAsync(Anna, "Daan is vandaag ziek", to: DriehoekNumber);
        await app.RunAsync(John, """
            > Lily is sick today
            <~ Is that right?
            > yes
            <~ Thank you
            """, to: Regenboog);
        await app.TextAsync("whatsapp:" + Lotte, "Tim is morgen ziek", to: DriehoekNumber);
        await app.TextAsync("whatsapp:" + Lotte, "ja", to: DriehoekNumber);
        await app.TextAsync("whatsapp:" + Lotte, "Kan de juf mij bellen?", to: DriehoekNumber);

        // Messages the schools start, and what Twilio says of them.
        await EnqueueAsync(app, Regenboog, "reminder", "sms", Anna);
        await EnqueueAsync(app, Driehoek, "reminder", "whatsapp", Lotte);
        await Wait.UntilAsync(() => twilio.Requests.Count >= 2, "both reminders sent");
        await app.PostTwilioAsync("/api/twilio/status", Status(NewSid(), "delivered", RegenboogNumber, Anna));
        await app.PostTwilioAsync("/api/twilio/status", Status(NewSid(), "read", "whatsapp:" + DriehoekNumber, "whatsapp:" + Lotte));
        await RetentionRanAsync(app);

        var keys = await KeysAsync(app);
        Assert.All(keys, k => Assert.True(k.StartsWith("schools/de-driehoek/", StringComparison.Ordinal) || k.StartsWith("schools/de-regenboog/", StringComparison.Ordinal) || k.StartsWith("claims/", StringComparison.Ordinal), $"{k} lies outside the schools' prefixes"));
        foreach (var kind in new[] { "conversations/", "absences/", "inbox/", "outbox/", "optouts/", "message-status/" })
        {
            Assert.Contains(keys, k => k.StartsWith("schools/de-driehoek/" + kind, StringComparison.Ordinal));
            Assert.Contains(keys, k => k.StartsWith("schools/de-regenboog/" + kind, StringComparison.Ordinal) || kind == "optouts/");
        }

        var store = app.Services.GetRequiredService<IStateStore>();
        foreach (var (own, other) in new[] { (Driehoek, Regenboog), (Regenboog, Driehoek) })
        {
            var foreign = Foreign(app.School(own).Data, app.School(other).Data);
            foreach (var key in keys.Where(k => k.StartsWith(app.School(own).Prefix, StringComparison.Ordinal)))
            {
                var text = Encoding.UTF8.GetString((await store.ReadAsync(key))!.Content.Span);
                foreach (var (what, pattern) in foreign)
                {
                    Assert.False(pattern.IsMatch(text), $"{key} holds {what} of {other}:\n{text}");
                }
            }
        }
    }

    /// <summary>
    /// What only the other school knows: its children (first names as words, ids), its parents (names, numbers in
    /// any form) and its own name, addresses and teachers. A word the own school also uses (De Driehoek's
    /// Meester Daan, De Regenboog's pupil Daan) or a parent of both (Karim) is not foreign.
    /// </summary>
    private static List<(string What, Regex Pattern)> Foreign(SchoolData own, SchoolData other)
    {
        var ownWords = Words(string.Join(' ', own.Children.Select(c => c.FirstName).Concat(own.Parents.Select(p => p.Name)).Concat(own.Teachers.Select(t => t.Name))));
        var ownPhones = own.Parents.Select(p => p.Phone).ToHashSet(StringComparer.Ordinal);
        var foreign = new List<(string, Regex)>();
        foreach (var child in other.Children)
        {
            foreign.Add(($"child id {child.Id}", new Regex(Regex.Escape(child.Id))));
            if (!ownWords.Contains(child.FirstName))
            {
                foreign.Add(($"child {child.FirstName}", new Regex($@"\b{Regex.Escape(child.FirstName)}\b")));
            }
        }

        foreach (var parent in other.Parents.Where(p => !ownPhones.Contains(p.Phone)))
        {
            foreign.Add(($"parent's number {parent.Phone}", new Regex(Regex.Escape(parent.Phone[3..])))); // +31 6..., 06..., whatsapp:+316...
            foreign.Add(($"parent {parent.Name}", new Regex(Regex.Escape(parent.Name))));
        }

        foreach (var teacher in other.Teachers.Where(t => !ownWords.Contains(t.Name.Split(' ')[^1])))
        {
            foreign.Add(($"teacher {teacher.Name}", new Regex(Regex.Escape(teacher.Name))));
        }

        foreign.Add(("its e-mail domain", new Regex(Regex.Escape(other.Info.Email.Split('@')[1]))));
        foreign.Add(("its name", new Regex(Regex.Escape(other.Info.Name))));
        foreign.Add(("its number", new Regex(Regex.Escape(other.Numbers.Sms!))));
        return foreign;
    }

    private static HashSet<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    // ---- Helpers ----

    protected async Task<BotApp> StartAsync(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(StoreSettings())
        {
            ["Admin:ApiKey"] = BoardKey,
            [$"Admin:SchoolKeys:{Driehoek}"] = DriehoekKey,
            [$"Admin:SchoolKeys:{Regenboog}"] = RegenboogKey,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new BotApp(settings: Settings(settings));
        await app.WaitUntilHealthyAsync();
        return app;
    }

    private static async Task ReportTodayAsync(BotApp app, string parent, string child, string school) =>
        await app.RunAsync(parent, $"""
            > {child} is vandaag ziek
            < {child} is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: {child} is ziek op dinsdag 24 november.
            """, to: school);

    private static Task<OutboxStatus> EnqueueAsync(BotApp app, string school, string id, string channel, string to) =>
        app.Services.GetRequiredService<OuderBot.Outbox.Outbox>().EnqueueAsync(
            app.School(school),
            new OutboxMessage { Id = id, Channel = channel, To = to, Body = "Herinnering: morgen is het 10-minutengesprek.", Purpose = "reminder" },
            CancellationToken.None);

    private static HttpClient Office(BotApp app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<List<AbsenceRow>> AbsenceRowsAsync(BotApp app, string key, string url)
    {
        using var client = Office(app, key);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<AbsenceRow>>())!;
    }

    private static async Task<string[]> CsvAsync(BotApp app, string key, string url)
    {
        using var client = Office(app, key);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<List<string>> KeysAsync(BotApp app) =>
        await app.Services.GetRequiredService<IStateStore>().ListKeysAsync("").ToListAsync();

    private static async Task<List<string>> KeysHoldingAsync(BotApp app, string text)
    {
        var store = app.Services.GetRequiredService<IStateStore>();
        var keys = new List<string>();
        foreach (var key in await KeysAsync(app))
        {
            if (await store.ReadAsync(key) is { } document && Encoding.UTF8.GetString(document.Content.Span).Contains(text, StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>Every key with its version, to show that nothing was written.</summary>
    private static async Task<string> SnapshotAsync(BotApp app)
    {
        var store = app.Services.GetRequiredService<IStateStore>();
        var lines = new List<string>();
        foreach (var key in await KeysAsync(app))
        {
            lines.Add($"{key} {(await store.ReadAsync(key))?.ETag}");
        }

        return string.Join("\n", lines);
    }

    private static async Task<ConversationData?> ConversationAsync(BotApp app, string school, string phone)
    {
        var document = await app.Services.GetRequiredService<IStateStore>().ReadAsync(ConversationStore.Key(app.School(school), phone));
        return document is null ? null : JsonSerializer.Deserialize(document.Content.Span, BotJsonContext.Default.ConversationData);
    }

    private static async Task<List<AbsenceReport>> AbsencesInStoreAsync(BotApp app)
    {
        var absences = app.Services.GetRequiredService<AbsenceStore>();
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31));
        return [.. await absences.InRangeAsync(app.School(Driehoek), from, to, CancellationToken.None), .. await absences.InRangeAsync(app.School(Regenboog), from, to, CancellationToken.None)];
    }

    private static async Task<List<(string Key, OutboxMessage Message)>> OutboxAsync(BotApp app)
    {
        var store = app.Services.GetRequiredService<IStateStore>();
        var messages = new List<(string, OutboxMessage)>();
        foreach (var key in (await KeysAsync(app)).Where(k => k.Contains("/outbox/", StringComparison.Ordinal) && !k.Contains("/outbox/due/", StringComparison.Ordinal)))
        {
            if (await store.ReadAsync(key) is { } document)
            {
                messages.Add((key, JsonSerializer.Deserialize<OutboxMessage>(document.Content.Span, OuderBot.Outbox.Outbox.Json)!));
            }
        }

        return messages;
    }

    /// <summary>Waits for the day's retention run (due from 03:00, so at once) to have finished.</summary>
    private static async Task RetentionRanAsync(BotApp app)
    {
        var day = app.School().Clock.Today;
        var claims = app.Services.GetRequiredService<StoreClaims>();
        await Wait.UntilAsync(async () => (await claims.GetAsync(RetentionJob.ClaimName(day), CancellationToken.None))?.DoneAt is not null, $"the retention run of {day}");
    }
}

public sealed class SqliteSchoolIsolationTests : SchoolIsolationTests
{
    // BotApp gives each host its own SQLite folder.
    protected override IDictionary<string, string?> StoreSettings() => new Dictionary<string, string?>();
}

[Collection(AzuriteCollection.Name)]
public sealed class BlobSchoolIsolationTests(AzuriteFixture azurite) : SchoolIsolationTests
{
    protected override IDictionary<string, string?> StoreSettings() => BotApp.AzuriteSettings(azurite.ConnectionString, AzuriteFixture.NewContainer());
}

/// <summary>A board's folder of school files is checked as a whole when the bot starts.</summary>
public sealed class SchoolFolderStartupTests
{
    [Fact]
    public void TwoSchoolFilesWithOneIdStopTheBotNamingBothFiles()
    {
        using var folder = new SchoolFolder();
        var first = folder.Write("driehoek.yaml", SchoolFolder.DemoFile("de-driehoek"));
        var second = folder.Write("driehoek-kopie.yaml", SchoolFolder.DemoFile("de-regenboog").Replace("id: de-regenboog", "id: de-driehoek", StringComparison.Ordinal));

        var error = BotApp.StartFailure<SchoolDataException>(new Dictionary<string, string?> { ["School:Path"] = folder.Path });

        Assert.Contains($"{second} and {first}: two schools share the id 'de-driehoek'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("share the number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSchoolFilesWithOneNumberStopTheBotNamingBothFiles()
    {
        using var folder = new SchoolFolder();
        var first = folder.Write("de-driehoek.yaml", SchoolFolder.DemoFile("de-driehoek"));
        var second = folder.Write("de-regenboog.yaml", SchoolFolder.DemoFile("de-regenboog").Replace("sms: \"+3197010000002\"", "sms: \"+3197010000001\"", StringComparison.Ordinal));

        var error = BotApp.StartFailure<SchoolDataException>(new Dictionary<string, string?> { ["School:Path"] = folder.Path });

        Assert.Contains($"{first} and {second}: two schools share the number sms +3197010000001", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("whatsapp", error.Message, StringComparison.Ordinal); // the WhatsApp senders still differ
        Assert.DoesNotContain("share the id", error.Message, StringComparison.Ordinal);
    }
}
