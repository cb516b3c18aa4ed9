using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Conversations;

// The clock stands at Tuesday 24 November 2026, 07:45 (BotApp.TuesdayMorning); school starts at 08:30.
public sealed class AbsenceConversationTests : IAsyncLifetime
{

    private readonly BotApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task BetterForAChildThatIsNotTheParentsClosesNothing()
    {
        await _app.RunAsync(BibiParent, """
            > Bibi is ziek tot ze beter is
            <~ Klopt dat?
            > ja
            <~ Dank u wel.
            > Tim is weer beter
            < Ik vind geen kind met de naam Tim bij uw gegevens.
            """);

        var report = Assert.Single(await Reports("bibi-g1"));
        Assert.True(report.Active);
        Assert.Null(report.End);
    }

    [Theory]
    [InlineData("Tim heeft buikgriep en blijft vandaag thuis")]
    [InlineData("Tim blijft vandaag thuis, de huisarts zei dat het buikgriep is")]
    [InlineData("Tim is vandaag ziek, hij moet naar de dokter")]
    public async Task IllnessWordsAndADoctorWithoutATimeMakeASickDay(string message)
    {
        await _app.RunAsync(TimParent, $"""
            > {message}
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: Tim is ziek op dinsdag 24 november.
            """);

        Assert.Equal(AbsenceKinds.Sick, Assert.Single(await Reports("tim-g4")).Kind);
    }

    [Fact]
    public async Task APastTenseWithAWeekdayIsTheDayThatPassedAndIsMarkedAfterwards()
    {
        await _app.RunAsync(TimParent, """
            > tim was vrijdag ziek, vergeten door te geven
            < Tim is ziek op vrijdag 20 november. Klopt dat? (ja/nee)
            > ja
            <~ achteraf
            """);
        await _app.RunAsync(EnglishParentOfTwo, """
            > Oliver was sick on Monday
            < Oliver is sick on Monday 23 November. Is that right? (yes/no)
            """);

        Assert.True(Assert.Single(await Reports("tim-g4")).Afterwards);
    }

    [Fact]
    public async Task StayingHomeFromSchoolTodayIsOneDayAndAForgottenAppointmentAheadStaysAhead()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick, she is staying home from school today
            < Emma is sick on Tuesday 24 November. Is that right? (yes/no)
            """);
        await _app.RunAsync(TimParent, """
            > Ik was vergeten door te geven dat Tim vrijdag om 10 uur naar de tandarts moet
            <~ vrijdag 27 november
            """);
    }

    [Fact]
    public async Task FromTomorrowIsSickUntilBetterNotOneDay()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vanaf morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);

        var report = Assert.Single(await Reports("tim-g4"));
        Assert.Equal((new DateOnly(2026, 11, 25), (DateOnly?)null), (report.Start, report.End));
    }

    [Fact]
    public async Task AskingWhetherTheOtherParentAlreadyReportedShowsWhatIsRegistered()
    {
        await _app.RunAsync(TimOtherParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);

        await _app.RunAsync(TimParent, """
            > Mijn man heeft Tim al ziek gemeld toch?
            < Dit zijn uw meldingen voor vandaag en later:
            | 1. Tim is ziek op dinsdag 24 november
            | Wilt u een melding intrekken? Typ het nummer. Typ 'terug' als alles klopt.
            """);
        Assert.Single(await Reports("tim-g4"));
    }

    [Fact]
    public async Task AReportForTodayAfterSchoolEndedIsNotLate()
    {
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddHours(8)); // 15:45, school ended at 14:30
        var replies = new List<string>();
        replies.AddRange(await _app.SendAsync(TimParent, "Tim was vandaag ziek"));
        replies.AddRange(await _app.SendAsync(TimParent, "ja"));

        Assert.DoesNotContain(replies, r => r.Contains("De school is al begonnen", StringComparison.Ordinal));
        Assert.False(Assert.Single(await Reports("tim-g4")).ReportedLate);
    }

    [Fact]
    public async Task ParentOfOneChildReportsSickInFourMessagesAndTheSchoolHasTheReport()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil mijn kind ziekmelden
            < Voor welke dag wilt u Tim ziek melden? Bijvoorbeeld: vandaag, morgen of maandag.
            > vandaag
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);

        var report = Assert.Single(await Reports("tim-g4"));
        Assert.Equal(new DateOnly(2026, 11, 24), report.Start);
        Assert.Equal(new DateOnly(2026, 11, 24), report.End);
        Assert.Equal(AbsenceKinds.Sick, report.Kind);
        Assert.True(report.WholeDay);
        Assert.Equal("4", report.Group);
        Assert.Equal(TimParent, report.ReportedBy);
        Assert.Equal("local", report.Channel);
        Assert.False(report.ReportedLate);
        Assert.False(report.Afterwards);
    }

    [Fact]
    public async Task TwoDaysInOneMessageAreConfirmedWithHumanisedDatesAndSavedAsOneReport()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag en morgen ziek
            < Tim is ziek op dinsdag 24 en woensdag 25 november. Klopt dat? (ja/nee)
            > jep
            < Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 en woensdag 25 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);

        var report = Assert.Single(await Reports("tim-g4"));
        Assert.Equal((new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25)), (report.Start, report.End!.Value));
    }

    [Fact]
    public async Task AnAppointmentWithTimesIsSavedAsAnAppointmentFromUntil()
    {
        await _app.RunAsync(BibiParent, """
            > Bibi gaat om 10 uur naar de tandarts, ze is er om 11.30 weer
            < Bibi heeft een afspraak bij dokter, tandarts of ziekenhuis op dinsdag 24 november, van 10.00 uur tot 11.30 uur. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Bibi heeft een afspraak bij dokter, tandarts of ziekenhuis op dinsdag 24 november, van 10.00 uur tot 11.30 uur.
            """);

        var report = Assert.Single(await Reports("bibi-g1"));
        Assert.Equal(AbsenceKinds.Appointment, report.Kind);
        Assert.Equal(new TimeOnly(10, 0), report.From);
        Assert.Equal(new TimeOnly(11, 30), report.Until);
    }

    [Fact]
    public async Task ComingLaterWithoutAReasonAsksOnlyWhenThenSavesTheArrivalTime()
    {
        await _app.RunAsync(TimParent, """
            > Tim komt morgen later
            < Hoe laat komt Tim op school? Typ bijvoorbeeld: '10 uur' of '10.30'.
            > half 11
            < Tim is afwezig op woensdag 25 november, tot 10.30 uur. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Tim is afwezig op woensdag 25 november, tot 10.30 uur. Ik geef het door aan Juf Fatima.
            """);

        var report = Assert.Single(await Reports("tim-g4"));
        Assert.Equal((AbsenceKinds.Other, (TimeOnly?)null, (TimeOnly?)new TimeOnly(10, 30)), (report.Kind, report.From, report.Until));
    }

    [Fact]
    public async Task AnAppointmentWithoutATimeAsksForThePartOfTheDay()
    {
        await _app.RunAsync(TimParent, """
            > Tim moet morgen naar het ziekenhuis
            < Hoe laat? Typ bijvoorbeeld: 'van 10 tot 11.30', 'tot 10 uur', 'vanaf 13 uur' of 'de hele dag'.
            > pfff
            < Die tijd begrijp ik niet. Typ bijvoorbeeld: 'van 10 tot 11.30', 'tot 10 uur', 'vanaf 13 uur' of 'de hele dag'.
            > de hele dag
            < Tim heeft een afspraak bij dokter, tandarts of ziekenhuis op woensdag 25 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task NoWithTheRightDayCorrectsOnlyTheDay()
    {
        await _app.RunAsync(BibiParent, """
            > Bibi gaat om 10 uur naar de tandarts, ze is er om 11.30 weer
            <~ op dinsdag 24 november, van 10.00 uur tot 11.30 uur. Klopt dat?
            > nee, morgen
            < Bibi heeft een afspraak bij dokter, tandarts of ziekenhuis op woensdag 25 november, van 10.00 uur tot 11.30 uur. Klopt dat? (ja/nee)
            > ja
            <~ op woensdag 25 november, van 10.00 uur tot 11.30 uur.
            """);

        var report = Assert.Single(await Reports("bibi-g1"));
        Assert.Equal(new DateOnly(2026, 11, 25), report.Start);
    }

    [Fact]
    public async Task ABareNoAsksWhatIsWrongAndOnlyThatIsAskedAgain()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            < Noor is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > nee
            < Wat klopt er niet? Typ het nummer.
            | 1. Het kind
            | 2. De dag
            | 3. De reden
            | 4. De tijd
            > het kind
            < Welk kind wilt u ziek melden?
            | 1. Noor
            | 2. Sem
            | 3. Allebei
            > Sem
            < Sem is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            <~ Sem is ziek op dinsdag 24 november. Ik geef het door aan Juf Esther.
            """);

        Assert.Empty(await Reports("noor-g2"));
        Assert.Single(await Reports("sem-g6"));
    }

    [Fact]
    public async Task CorrectingTheReasonToSickDropsTheAppointmentsTimes()
    {
        await _app.RunAsync(BibiParent, """
            > Bibi gaat morgen om 10 uur naar de tandarts
            < Bibi heeft een afspraak bij dokter, tandarts of ziekenhuis op woensdag 25 november, vanaf 10.00 uur. Klopt dat? (ja/nee)
            > nee ze is ziek
            < Bibi is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task NamingTheOtherChildAtTheConfirmationSwitchesTheChild()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is morgen ziek
            <~ Noor is ziek op woensdag 25 november.
            > nee het is Sem
            < Sem is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task ParentOfTwoChoosesTheChildByATypoOfTheNameAndIsAnsweredInEnglish()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > my child is sick
            < Which child would you like to report sick?
            | 1. Emma
            | 2. Oliver
            | 3. Both
            > olivr
            < Oliver is sick on Tuesday 24 November. Is that right? (yes/no)
            > no, tomorrow
            < Oliver is sick on Wednesday 25 November. Is that right? (yes/no)
            > yep
            < Thank you. I have noted: Oliver is sick on Wednesday 25 November. I will pass it on to Meester Yusuf. We hope Oliver feels better soon!
            """);

        Assert.Single(await Reports("oliver-g7"));
        Assert.Empty(await Reports("emma-g3"));
    }

    [Fact]
    public async Task AnEnglishAppointmentWithTimesIsConfirmedInEnglish()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Oliver has a dentist appointment tomorrow
            < At what time? Type for example: 'from 10 to 11.30', 'until 10', 'from 1 pm' or 'all day'.
            > from 9 to 10.30
            < Oliver has an appointment with a doctor, dentist or hospital on Wednesday 25 November, from 09:00 until 10:30. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task ParentOfTwoMayAnswerWithTheNumber()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Report sick please
            <~ 1. Emma
            > 1
            <~ report Emma sick
            """);
    }

    [Fact]
    public async Task AChildOfAnotherFamilyIsNeverAcceptedAlsoNotForAParentWithOneChild()
    {
        await _app.RunAsync(TimParent, """
            > Bibi is vandaag ziek
            < Ik vind geen kind met de naam Bibi bij uw gegevens.
            < Welk kind wilt u ziek melden?
            | 1. Tim
            > Tim
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            """);
        Assert.Empty(await Reports("bibi-g1"));
    }

    [Fact]
    public async Task ADiagnosisIsReadAsSickAndStoredNowhere()
    {
        await _app.RunAsync(TimParent, """
            > Tim heeft koorts en moet steeds overgeven, hij blijft vandaag thuis
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            <~ Tim is ziek op dinsdag 24 november.
            """);

        Assert.Equal(AbsenceKinds.Sick, Assert.Single(await Reports("tim-g4")).Kind);
        var store = _app.Services.GetRequiredService<OuderBot.Storage.IStateStore>();
        await foreach (var key in store.ListKeysAsync(""))
        {
            var text = System.Text.Encoding.UTF8.GetString((await store.ReadAsync(key))!.Content.Span);
            Assert.DoesNotContain("koorts", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("overgeven", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AWeekendDayGetsAFriendlyCorrectionAndTheNextSchoolDayIsAccepted()
    {
        await _app.RunAsync(TimParent, """
            > Tim is zaterdag ziek
            < Op zaterdag 28 november is er geen school. Voor welke schooldag wilt u Tim afmelden?
            > maandag
            < Tim is ziek op maandag 30 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task AStudyDayFromTheSchoolsHolidaysGetsACorrectionThatNamesIt()
    {
        await _app.RunAsync(TimParent, """
            > Tim is ziek op 11-12
            < Op vrijdag 11 december is het Studiedag, dan is er geen school. Voor welke schooldag wilt u Tim afmelden?
            """);
    }

    [Fact]
    public async Task APastDayIsAcceptedAndMarkedAsReportedAfterwards()
    {
        await _app.RunAsync(TimParent, """
            > Tim was gisteren ziek
            < Tim is ziek op maandag 23 november. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Tim is ziek op maandag 23 november. Ik geef het door aan Juf Fatima. Die dag is al voorbij: genoteerd als melding achteraf.
            """);

        Assert.True(Assert.Single(await Reports("tim-g4")).Afterwards);
    }

    [Fact]
    public async Task AReportForTodayAfterSchoolStartedIsAcceptedAndMarkedLate()
    {
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddHours(2)); // 09:45, school started at 08:30
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            < Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november. Ik geef het door aan Juf Fatima. Dit is een late melding. Beterschap voor Tim!
            """);

        Assert.True(Assert.Single(await Reports("tim-g4")).ReportedLate);
    }

    [Fact]
    public async Task OpenEndedSicknessIsClosedWhenTheParentSaysTheChildIsBetter()
    {
        await _app.RunAsync(TimParent, """
            > Tim is ziek tot hij beter is
            < Tim is ziek vanaf dinsdag 24 november, tot Tim weer beter is. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Tim is ziek vanaf dinsdag 24 november, tot Tim weer beter is. Is Tim weer beter? Stuur dan: 'Tim is weer beter'. Beterschap!
            """);
        Assert.Null(Assert.Single(await Reports("tim-g4")).End);

        _app.Time.Advance(TimeSpan.FromDays(2)); // Thursday 07:45, before school
        await _app.RunAsync(TimParent, """
            > Tim is weer beter
            < Fijn dat Tim weer beter is! Ik heb de ziekmelding afgesloten: Tim is ziek op dinsdag 24 en woensdag 25 november. Ik geef het door aan Juf Fatima.
            """);

        var report = Assert.Single(await Reports("tim-g4"));
        Assert.Equal(new DateOnly(2026, 11, 25), report.End);
        Assert.NotNull(report.ClosedAt);
    }

    [Fact]
    public async Task BetterWithNoOpenReportIsAFriendlyAnswer()
    {
        await _app.RunAsync(TimParent, """
            > Tim is weer beter
            < Ik zie geen open ziekmelding voor Tim. Fijn dat het goed gaat!
            """);
    }

    [Fact]
    public async Task AParentSeesTheirReportsForTodayAndLaterAndWithdrawsOne()
    {
        await _app.RunAsync(TimParent, """
            > Tim is morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > Tim was gisteren ziek
            <~ melding achteraf
            > welke ziekmeldingen heb ik gedaan?
            < Dit zijn uw meldingen voor vandaag en later:
            | 1. Tim is ziek op woensdag 25 november
            | Wilt u een melding intrekken? Typ het nummer. Typ 'terug' als alles klopt.
            > 1
            < Wilt u deze melding intrekken: Tim is ziek op woensdag 25 november? (ja/nee)
            > ja
            < Ik heb de melding ingetrokken: Tim is ziek op woensdag 25 november. Ik geef het door aan Juf Fatima.
            > welke ziekmeldingen heb ik gedaan?
            < U heeft geen meldingen voor vandaag of later. Typ 'menu' om te zien wat ik kan.
            """);

        var reports = await Reports("tim-g4");
        Assert.Equal(2, reports.Count);
        Assert.Single(reports, r => r.Active); // yesterday's stays: it happened
    }

    [Fact]
    public async Task AParentSeesOnlyTheirOwnChildrensReports()
    {
        await _app.RunAsync(BibiParent, """
            > Bibi is morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);
        await _app.RunAsync(TimParent, """
            > welke meldingen heb ik gedaan
            < U heeft geen meldingen voor vandaag of later. Typ 'menu' om te zien wat ik kan.
            """);
    }

    [Fact]
    public async Task AHolidayStatedWithItsDaysIsAnAbsenceAndTheReceiptSaysLeaveIsAskedFromTheDirector()
    {
        await _app.RunAsync(TimParent, """
            > Wij gaan van 14 tot 18 december op vakantie
            < Tim is afwezig van maandag 14 tot en met vrijdag 18 december. Klopt dat? (ja/nee)
            > ja
            <~ Extra verlof vraagt u vooraf aan bij de directeur, Meester Ruud Verhoeven.
            """);
        Assert.Equal(AbsenceKinds.Other, Assert.Single(await Reports("tim-g4")).Kind);
    }

    [Theory]
    [InlineData("mag Tim vrijdag vrij voor een bruiloft?")]
    [InlineData("ik wil verlof aanvragen voor maandag")]
    [InlineData("wij gaan een week eerder op vakantie")]
    public async Task AskingForLeaveOrALeaveWithoutADayStaysTheVerlofAnswer(string message)
    {
        await _app.RunAsync(TimParent, $"""
            > {message}
            <~ Extra vrij buiten de schoolvakanties vraagt u vooraf aan bij de directeur, Meester Ruud Verhoeven.
            """);
        Assert.Empty(await Reports("tim-g4"));
    }

    [Fact]
    public async Task AnUnclearDayGetsARetryAndAfterThreeTriesTheBotGivesUpWithoutGettingStuck()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil Tim ziek melden
            < Voor welke dag wilt u Tim ziek melden? Bijvoorbeeld: vandaag, morgen of maandag.
            > blabla
            < Die dag begrijp ik niet. Typ bijvoorbeeld: vandaag, morgen, dinsdag of 3-12.
            > weet ik veel
            < Die dag begrijp ik niet. Typ bijvoorbeeld: vandaag, morgen, dinsdag of 3-12.
            > pfff
            < Het lukt helaas niet zo. Ik stop met deze vraag. Typ 'menu' om opnieuw te beginnen, of bel de school: 030 123 4567.
            > Tim is vandaag ziek
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            """);
        Assert.Empty(await Reports("tim-g4"));
    }

    [Fact]
    public async Task CancellingAtTheConfirmationSavesNothing()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > annuleer
            < Oke, ik heb niets gemeld.
            """);
        Assert.Empty(await Reports("tim-g4"));
    }

    [Fact]
    public async Task AnUnclearConfirmationIsAskedAgainWithHowToCorrect()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > misschien
            < Typ 'ja' als het klopt. Klopt er iets niet? Typ dan 'nee', of schrijf wat er anders is, bijvoorbeeld: 'nee, morgen'.
            > kolpt
            <~ Ik heb genoteerd: Tim is ziek
            """);
    }

    [Fact]
    public async Task BothParentsReportingTheSameDayIsOneAbsenceNotTwo()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag en morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);
        await _app.RunAsync(TimOtherParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            < Tim is ziek op dinsdag 24 en woensdag 25 november: dat had Lotte ook al gemeld. Dank u wel, ik heb genoteerd dat u het ook heeft gemeld.
            """);
        // Within the same conversation (half an hour): noted at once, and nothing changes.
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            < Dit had u al gemeld: Tim is ziek op dinsdag 24 en woensdag 25 november. Er verandert niets.
            """);

        var report = Assert.Single(await Reports("tim-g4"));
        Assert.Equal(TimParent, report.ReportedBy);
        Assert.Equal([TimOtherParent], report.AlsoReportedBy);
    }

    private Task<IReadOnlyList<AbsenceReport>> Reports(string childId) =>
        _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), childId, CancellationToken.None);
}
