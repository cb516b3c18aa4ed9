using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Absence;
using OuderBot.Channels.Twilio;
using OuderBot.Inbox;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Conversations;

// Families and days (issue 12). The clock stands at Tuesday 24 November 2026, 07:45 (BotApp.TuesdayMorning); school
// starts at 08:30. Noor is in group 2 (Juf Marloes), Sem in group 6 (Juf Esther), Tim in group 4 (Juf Fatima).
public sealed class FamilyAbsenceTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private readonly BotApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TwoChildrenNamedInOneMessageEachGetAReportInOneConfirmation()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > sem en noor zijn vandaag ziek
            < Sem en Noor zijn ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Sem en Noor zijn ziek op dinsdag 24 november. Ik geef het door aan Juf Esther en Juf Marloes. Beterschap voor Sem en Noor!
            """);

        Assert.Equal((Today, (DateOnly?)Today, AbsenceKinds.Sick), Day(Assert.Single(await Reports("noor-g2"))));
        Assert.Equal((Today, (DateOnly?)Today, AbsenceKinds.Sick), Day(Assert.Single(await Reports("sem-g6"))));
    }

    [Theory]
    [InlineData("allebei")]
    [InlineData("beide")]
    [InlineData("de kinderen")]
    [InlineData("3")]
    [InlineData("Noor en Sem")]
    public async Task AllebeiAsTheAnswerToWhichChildMeansAllOfThem(string answer)
    {
        await _app.RunAsync(NoorAndSemParent, $"""
            > mijn kind is vandaag ziek
            < Welk kind wilt u ziek melden?
            | 1. Noor
            | 2. Sem
            | 3. Allebei
            > {answer}
            < Noor en Sem zijn ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: Noor en Sem zijn ziek
            """);

        Assert.Single(await Reports("noor-g2"));
        Assert.Single(await Reports("sem-g6"));
    }

    [Fact]
    public async Task BothInEnglishAndADayAskedOnceForBoth()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > my kids are sick
            < Emma and Oliver are sick on Tuesday 24 November. Is that right? (yes/no)
            """);
        await _app.RunAsync(EnglishParentOfTwo, """
            > annuleer
            < OK, I have not reported anything.
            > I want to report my child sick
            < Which child would you like to report sick?
            | 1. Emma
            | 2. Oliver
            | 3. Both
            > both
            < For which day would you like to report Emma and Oliver sick? For example: today, tomorrow or Monday.
            > tomorrow
            < Emma and Oliver are sick on Wednesday 25 November. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task EachChildKeepsItsOwnReasonAndTime()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is ziek en Sem heeft om 11 uur de tandarts
            < Noor is ziek op dinsdag 24 november en Sem heeft een afspraak bij dokter, tandarts of ziekenhuis op dinsdag 24 november, vanaf 11.00 uur. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd
            """);

        var noor = Assert.Single(await Reports("noor-g2"));
        Assert.Equal((AbsenceKinds.Sick, (TimeOnly?)null), (noor.Kind, noor.From));
        var sem = Assert.Single(await Reports("sem-g6"));
        Assert.Equal((AbsenceKinds.Appointment, (TimeOnly?)new TimeOnly(11, 0)), (sem.Kind, sem.From));
    }

    [Fact]
    public async Task IllnessWordsForBothChildrenMeanBothAreSick()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem hebben allebei buikgriep en blijven vandaag thuis
            < Noor en Sem zijn ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task AndSemTooAfterTheReceiptReportsTheOtherChildTheSameWayWithoutAskingAgain()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek op dinsdag 24 november.
            > en Sem ook
            < Dank u wel. Ik heb genoteerd: Sem is ziek op dinsdag 24 november. Ik geef het door aan Juf Esther. Beterschap voor Sem!
            > Noor is morgen ook ziek
            < Dank u wel. Ik heb genoteerd: Noor is ziek op woensdag 25 november. Ik geef het door aan Juf Marloes. Beterschap voor Noor!
            """);

        Assert.Equal([Today, Today.AddDays(1)], (await Reports("noor-g2")).Where(r => r.Active).Select(r => r.Start).Order());
        Assert.Equal((Today, (DateOnly?)Today, AbsenceKinds.Sick), Day(Assert.Single(await Reports("sem-g6"))));
    }

    [Fact]
    public async Task TheOtherChildAfterTheReceiptWithAReasonAndATimeOfItsOwnIsNotedAtOnceWithinThreeSegments()
    {
        var replies = new List<string>();
        foreach (var (said, expected) in new (string, string)[]
        {
            ("noor heeft koorts, ze blijft vandaag thuis", "Noor is ziek op dinsdag 24 november. Klopt dat? (ja/nee)"),
            ("ja", "Dank u wel. Ik heb genoteerd: Noor is ziek op dinsdag 24 november. Ik geef het door aan Juf Marloes. Beterschap voor Noor!"),
            ("oh en sem ook, die is vannacht ook ziek geworden", "Dank u wel. Ik heb genoteerd: Sem is ziek op dinsdag 24 november. Ik geef het door aan Juf Esther. Beterschap voor Sem!"),
        })
        {
            var reply = Assert.Single(await _app.SendAsync(NoorAndSemParent, said));
            Assert.Equal(expected, reply);
            replies.Add(reply);
        }

        // What the parent paid for the two reports: three SMS segments, one confirmation.
        Assert.Equal(3, replies.Sum(OuderBot.Channels.Twilio.SmsSegments.Count));
        Assert.Equal((Today, (DateOnly?)Today, AbsenceKinds.Sick), Day(Assert.Single(await Reports("sem-g6"))));
    }

    [Fact]
    public async Task OliverIsPoorlyAsWellAfterTheReceiptIsNotedAtOnceInEnglish()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick today, sore throat and a temperature
            < Emma is sick on Tuesday 24 November. Is that right? (yes/no)
            > yes
            <~ I have noted: Emma is sick on Tuesday 24 November.
            > Sorry, forgot to say Oliver is poorly as well so he's staying home too
            < Thank you. I have noted: Oliver is sick on Tuesday 24 November. I will pass it on to Meester Yusuf. We hope Oliver feels better soon!
            """);
    }

    [Fact]
    public async Task IMeantNoorNotSemAfterTheReceiptSwapsTheChildAtOnceAndTheReceiptSaysSemIsNotReported()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > sem is ziek vandaag
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Sem is ziek op dinsdag 24 november.
            > sorry!! ik bedoel noor, niet sem. sem is gewoon op school
            < Dank u wel. Ik heb het aangepast: Noor is ziek op dinsdag 24 november, Sem niet. Ik geef het door aan Juf Marloes en Juf Esther. Beterschap voor Noor!
            """);

        Assert.Single(await Reports("noor-g2"));
        Assert.False(Assert.Single(await Reports("sem-g6")).Active);                         // withdrawn
    }

    [Fact]
    public async Task OnlyOneOfTheChildrenIsACorrectionAtTheConfirmation()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn morgen ziek
            < Noor en Sem zijn ziek op woensdag 25 november. Klopt dat? (ja/nee)
            > nee, alleen Noor
            < Noor is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd
            """);

        Assert.Single(await Reports("noor-g2"));
        Assert.Empty(await Reports("sem-g6"));
    }

    [Fact]
    public async Task TheOtherChildTooAtTheConfirmationIsAddedNotSwapped()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is morgen ziek
            < Noor is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            > en Sem ook
            < Noor en Sem zijn ziek op woensdag 25 november. Klopt dat? (ja/nee)
            > nee, het is Sem
            < Sem is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task SickWithoutADayIsTodayUntilSchoolEndsThenTheNextSchoolDay()
    {
        await _app.RunAsync(TimParent, """
            > Tim is ziek
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > nee, morgen
            < Tim is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """);

        // Friday after school: the next school day is Monday.
        await using var friday = new BotApp(time: new FakeTimeProvider(BotApp.TuesdayMorning.AddDays(3).AddHours(8)));
        await friday.WaitUntilHealthyAsync();
        await friday.RunAsync(EnglishParentOfTwo, """
            > Emma is sick
            < Emma is sick on Monday 30 November. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task SeparateDaysAreSeparateReports()
    {
        await _app.RunAsync(TimParent, """
            > tim is woensdag en vrijdag ziek
            < Tim is ziek op woensdag 25 en vrijdag 27 november. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Tim is ziek op woensdag 25 en vrijdag 27 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);

        var reports = (await Reports("tim-g4")).OrderBy(r => r.Start).ToList();
        Assert.Equal([(new DateOnly(2026, 11, 25), (DateOnly?)new DateOnly(2026, 11, 25)), (new DateOnly(2026, 11, 27), (DateOnly?)new DateOnly(2026, 11, 27))],
            reports.Select(r => (r.Start, r.End)));
        Assert.DoesNotContain(reports, r => r.Covers(new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public async Task AHedgeAddsTomorrowAndKeepsToday()
    {
        await _app.RunAsync(TimParent, """
            > tim is ziek, morgen waarschijnlijk ook
            < Tim is ziek op dinsdag 24 en woensdag 25 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task UntilMondaySaidOnAMondayIsNextMonday()
    {
        await using var monday = new BotApp(time: new FakeTimeProvider(BotApp.TuesdayMorning.AddDays(-1)));
        await monday.WaitUntilHealthyAsync();
        await monday.RunAsync(TimParent, """
            > Tim is tot maandag ziek
            < Tim is ziek van maandag 23 tot en met maandag 30 november. Klopt dat? (ja/nee)
            """);
    }

    [Theory]
    [InlineData("Tim is vandag ziek en blijft thuis", "dinsdag 24 november")]
    [InlineData("goedemorgen, tim blijft morgn thuis want hij is ziek", "woensdag 25 november")]
    [InlineData("Tim is woensdg ziek, hij heeft koorts", "woensdag 25 november")]
    public async Task TyposInDayWordsAreToleratedInALongerMessage(string message, string day)
    {
        await _app.RunAsync(TimParent, $"""
            > {message}
            < Tim is ziek op {day}. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task AReportReachesAtMostTheEndOfTheSchoolYearAndTheQuestionNamesTheYear()
    {
        await _app.RunAsync(TimParent, """
            > Tim is ziek t/m 31-12-9999
            < Ik kan Tim afmelden tot het einde van het schooljaar: vrijdag 16 juli 2027. Tot wanneer is Tim er niet?
            > t/m vrijdag
            < Tim is ziek van dinsdag 24 tot en met vrijdag 27 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task DaysBeforeThisSchoolYearGetAHelpfulQuestion()
    {
        await _app.RunAsync(TimParent, """
            > Tim is ziek van 1-6 t/m 1-5
            < Ik kan alleen meldingen voor dit schooljaar noteren, vanaf zaterdag 1 augustus 2026. Voor welke dag wilt u Tim afmelden?
            """);
    }

    [Fact]
    public async Task ACorrectionAfterTheReceiptChangesTheReportJustMade()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Tim is ziek op dinsdag 24 november.
            > oh nee sorry ik bedoel morgen
            < Dank u wel. Ik heb het aangepast: Tim is ziek op woensdag 25 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);

        var reports = await Reports("tim-g4");
        Assert.Equal(2, reports.Count);
        Assert.False(reports.Single(r => r.Start == Today).Active);
        Assert.True(reports.Single(r => r.Start == Today.AddDays(1)).Active);
    }

    [Fact]
    public async Task CorrectingTheReasonAtTheConfirmationKeepsTheDay()
    {
        await _app.RunAsync(TimParent, """
            > Tim is morgen ziek
            < Tim is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            > nee het is de tandarts om 9 uur
            < Tim heeft een afspraak bij dokter, tandarts of ziekenhuis op woensdag 25 november, vanaf 9.00 uur. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task ACallBackRequestWithASymptomIsPassedOnAndNoReportIsMade()
    {
        await _app.RunAsync(TimParent, """
            > kan de juf mij bellen? Tim heeft koorts
            < Ik geef uw bericht door aan Juf Fatima. U hoort zo snel mogelijk van de school. Wilt u Tim ook ziek melden? Stuur dan: 'Tim is vandaag ziek'.
            """);

        Assert.Empty(await Reports("tim-g4"));
        var item = Assert.Single(await _app.Services.GetRequiredService<SchoolInbox>().ForDayAsync(_app.School(), Today, CancellationToken.None));
        Assert.Equal("handoff", item.Kind);
    }

    [Fact]
    public async Task AskingWhetherASickChildMayComeToSchoolIsNoReport()
    {
        var replies = await _app.SendAsync(TimParent, "mag mijn kind met waterpokken naar school?");

        Assert.DoesNotContain(replies, r => r.Contains("Klopt dat?", StringComparison.Ordinal) || r.Contains("Voor welke dag", StringComparison.Ordinal));
        Assert.Empty(await Reports("tim-g4"));
    }

    [Theory]
    [InlineData("Anna")] // no child of the school
    [InlineData("Bibi")] // a child of the school, of another family
    public async Task AParentWithOneChildWhoNamesAnotherNameGetsNoReportAndTheSameAnswer(string name)
    {
        await _app.RunAsync(TimParent, $"""
            > {name} is vandaag ziek
            < Ik vind geen kind met de naam {name} bij uw gegevens.
            < Welk kind wilt u ziek melden?
            | 1. Tim
            """);

        Assert.Empty(await Reports("tim-g4"));
    }

    [Theory]
    [InlineData(NoorAndSemParent, "Noor is ziek tot ze beter is en Sem heeft om 11 uur de tandarts")]
    [InlineData(NoorAndSemParent, "Noor en Sem zijn ziek tot ze beter zijn")]
    [InlineData(EnglishParentOfTwo, "Oliver has the dentist at 10 and Emma is sick until she is better")]
    [InlineData(TimParent, "Tim heeft vandaag om 10 uur de orthodontist, hij is er om 11.30 weer")]
    [InlineData(TimParent, "Tim is ziek tot hij beter is")]
    public async Task AReceiptIsOneSmsAndTheConversationAtMostThree(string parent, string message)
    {
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddHours(1.5)); // 09:15: school has started, the report is late
        var replies = new List<string>();
        replies.AddRange(await _app.SendAsync(parent, message));
        var receipt = await _app.SendAsync(parent, parent == EnglishParentOfTwo ? "yes" : "ja");
        replies.AddRange(receipt);

        Assert.All(receipt, r => Assert.Equal(1, SmsSegments.Count(r)));
        Assert.Contains(receipt, r => r.Contains("genoteerd", StringComparison.OrdinalIgnoreCase) || r.Contains("noted", StringComparison.OrdinalIgnoreCase));
        Assert.True(replies.Sum(SmsSegments.Count) <= 3, string.Join("\n", replies));
    }

    [Fact]
    public async Task LeavingEarlyIsTheMomentTheChildIsPickedUpNotTheAppointment()
    {
        await _app.RunAsync(BibiParent, """
            > Bibi moet om 2 uur naar het ziekenhuis, ik haal haar om half 2 op
            < Bibi heeft een afspraak bij dokter, tandarts of ziekenhuis op dinsdag 24 november, vanaf 13.30 uur. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task AnEndBeforeTheStartGetsAHelpfulQuestion()
    {
        await _app.RunAsync(TimParent, """
            > Tim is ziek van 27-11 t/m 25-11
            < De laatste dag (woensdag 25 november) ligt voor de eerste (vrijdag 27 november). Voor welke dagen wilt u Tim afmelden?
            > van 25-11 t/m 27-11
            < Tim is ziek van woensdag 25 tot en met vrijdag 27 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task YesAndTheOtherChildTooSavesBoth()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            < Noor is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja, en Sem ook
            < Dank u wel. Ik heb genoteerd: Noor en Sem zijn ziek op dinsdag 24 november. Ik geef het door aan Juf Marloes en Juf Esther. Beterschap voor Noor en Sem!
            """);

        Assert.Single(await Reports("noor-g2"));
        Assert.Single(await Reports("sem-g6"));
    }

    [Fact]
    public async Task OnlyOneChildAfterTheReceiptWithdrawsTheOtherAndLeavesTheFirstAsItWas()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor en Sem zijn ziek
            > oh nee, alleen Noor
            < Dank u wel. Ik heb het aangepast: Noor is ziek op dinsdag 24 november, Sem niet. Ik geef het door aan Juf Esther. Beterschap voor Noor!
            """);

        var noor = Assert.Single(await Reports("noor-g2"));
        Assert.True(noor.Active);
        Assert.False(Assert.Single(await Reports("sem-g6")).Active);
    }

    [Theory]
    [InlineData("Noor is vandaag ziek, Sem niet")]
    [InlineData("Noor is vandaag ziek maar Sem gaat wel naar school")]
    public async Task AChildSaidToBeThereGetsNoReport(string message)
    {
        await _app.RunAsync(NoorAndSemParent, $"""
            > {message}
            < Noor is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task AChildNamedAgainKeepsWhatIsSaidOfItAlone()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag thuis: Noor is ziek en Sem heeft om 11 uur de orthodontist
            < Noor is ziek op dinsdag 24 november en Sem heeft een afspraak bij dokter, tandarts of ziekenhuis op dinsdag 24 november, vanaf 11.00 uur. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task NotKnowingTheTimeOfAnAppointmentIsTheWholeDay()
    {
        await _app.RunAsync(TimParent, """
            > Tim moet morgen naar de orthodontist
            < Hoe laat? Typ bijvoorbeeld: 'van 10 tot 11.30', 'tot 10 uur', 'vanaf 13 uur' of 'de hele dag'.
            > weet ik nog niet
            < Tim heeft een afspraak bij dokter, tandarts of ziekenhuis op woensdag 25 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task SickYesterdayAndBetterTodayIsYesterdayReportedAfterwards()
    {
        await _app.RunAsync(TimParent, """
            > Tim was gisteren ziek en is vandaag weer beter
            < Tim is ziek op maandag 23 november. Klopt dat? (ja/nee)
            > ja
            <~ achteraf
            """);

        Assert.Equal((Today.AddDays(-1), (DateOnly?)Today.AddDays(-1), AbsenceKinds.Sick), Day(Assert.Single(await Reports("tim-g4"))));
    }

    [Theory]
    [InlineData("Tim was afgelopen donderdag en vrijdag ziek", "Tim is ziek op donderdag 19 en vrijdag 20 november")]
    [InlineData("Tim is sinds maandag ziek", "Tim is ziek vanaf maandag 23 november, tot Tim weer beter is")]
    [InlineData("Tim is sinds zaterdag ziek, morgen gaat hij nog niet naar school", "Tim is ziek vanaf zaterdag 21 november, tot Tim weer beter is")]
    [InlineData("Tim was gisteren ziek, vandaag gaat het weer", "Tim is ziek op maandag 23 november")]
    [InlineData("Tim is vandaag ziek, morgen weer naar school", "Tim is ziek op dinsdag 24 november")]
    [InlineData("Tim is vandaag ziek, morgen is hij er weer", "Tim is ziek op dinsdag 24 november")]
    public async Task DaysThatPassedAndDaysTheChildIsBackLandRight(string message, string summary)
    {
        await _app.RunAsync(TimParent, $"""
            > {message}
            < {summary}. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task AWeekdaySaidOnThatDayAfterSchoolIsNextWeek()
    {
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddHours(11)); // Tuesday 18:45
        await _app.RunAsync(TimParent, """
            > Tim is dinsdag ziek
            < Tim is ziek op dinsdag 1 december. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task NotThatDayButAnotherReplacesTheDay()
    {
        await _app.RunAsync(TimParent, """
            > Tim is woensdag ziek
            < Tim is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            > nee, niet woensdag maar donderdag
            < Tim is ziek op donderdag 26 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task ASickChildTakenToTheDoctorAtATimeIsSick()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick today, I am taking her to the doctor at 10
            < Emma is sick on Tuesday 24 November. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task AndMondayTooAfterTheReceiptAddsThatDay()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > en maandag ook
            <~ Ik heb genoteerd: Tim is ziek op maandag 30 november.
            """);

        Assert.Equal(2, (await Reports("tim-g4")).Count(r => r.Active));
    }

    // The family doctor saying the child must stay home is the illness going on, not an appointment.
    [Theory]
    [InlineData("ik heb net de huisarts gesproken, hij moet tot en met donderdag thuisblijven. kan dat er nog bij?")]
    [InlineData("the GP says he has to stay home until Thursday")]
    public async Task TheDoctorSayingTheChildMustStayHomeAfterTheReceiptIsMoreSickDays(string followUp)
    {
        await _app.RunAsync(TimParent, $"""
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > {followUp}
            <~ Tim is ziek
            """);

        var active = (await Reports("tim-g4")).Where(r => r.Active).ToList();
        Assert.All(active, r => Assert.Equal(AbsenceKinds.Sick, r.Kind));
        Assert.Equal(new DateOnly(2026, 11, 26), active.Max(r => r.End ?? r.Start));
    }

    [Theory]
    [InlineData("sorry, het is morgen, niet vandaag")]
    [InlineData("dat klopt niet, het moet woensdag zijn")]
    public async Task ACorrectionOfTheDayForBothChildrenReplacesTheDay(string correction)
    {
        await _app.RunAsync(NoorAndSemParent, $"""
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > {correction}
            <~ Ik heb het aangepast: Noor en Sem zijn ziek op woensdag 25 november.
            """);

        Assert.Equal([Today.AddDays(1)], (await Reports("noor-g2")).Where(r => r.Active).Select(r => r.Start));
        Assert.Equal([Today.AddDays(1)], (await Reports("sem-g6")).Where(r => r.Active).Select(r => r.Start));
    }

    [Fact]
    public async Task TheOtherChildInsteadAfterTheReceiptSwapsThem()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > sorry, Sem is ziek, niet Noor
            < Dank u wel. Ik heb het aangepast: Sem is ziek op dinsdag 24 november, Noor niet. Ik geef het door aan Juf Esther en Juf Marloes. Beterschap voor Sem!
            """);

        Assert.False(Assert.Single(await Reports("noor-g2")).Active);
        Assert.True(Assert.Single(await Reports("sem-g6")).Active);
    }

    [Fact]
    public async Task AChildWhoGoesToSchoolAfterAllIsWithdrawnAndTheOtherStays()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > Sem gaat toch wel naar school
            < Dank u wel. Ik heb het aangepast: Noor is ziek op dinsdag 24 november, Sem niet. Ik geef het door aan Juf Esther. Beterschap voor Noor!
            """);

        Assert.True(Assert.Single(await Reports("noor-g2")).Active);
        Assert.False(Assert.Single(await Reports("sem-g6")).Active);
    }

    [Fact]
    public async Task WhenWhyIsAllThatIsMissingTheQuestionShowsTheReportAndTheAnswerRecordsIt()
    {
        // Two messages from the bot in all: the question with the report as it stands, and the receipt.
        await _app.RunAsync(TimParent, """
            > Tim is morgen niet op school
            < Tim is afwezig op woensdag 25 november. Waarom? Typ het nummer, dan meld ik het.
            | 1. Ziek
            | 2. Afspraak bij dokter, tandarts of ziekenhuis
            | 3. Iets anders
            > 1
            < Dank u wel. Ik heb genoteerd: Tim is ziek op woensdag 25 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);

        Assert.Equal((new DateOnly(2026, 11, 25), (DateOnly?)new DateOnly(2026, 11, 25), AbsenceKinds.Sick), Day(Assert.Single(await Reports("tim-g4"))));
    }

    [Fact]
    public async Task AnAnswerToWhyThatSaysMoreThanTheReasonGetsTheConfirmationNotTheReceipt()
    {
        await _app.RunAsync(TimParent, """
            > Tim is morgen niet op school
            <~ Tim is afwezig op woensdag 25 november. Waarom?
            > ziek, maar het is donderdag
            <~ Klopt dat? (ja/nee)
            """);
        Assert.Empty(await Reports("tim-g4"));
    }

    [Fact]
    public async Task ANoteAboutADayWithoutSchoolGoesWhenTheDaysAreCorrected()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vrijdag en zaterdag ziek
            < Op zaterdag 28 november is er geen school. Tim is ziek op vrijdag 27 november. Klopt dat? (ja/nee)
            > nee, donderdag
            < Tim is ziek op donderdag 26 november. Klopt dat? (ja/nee)
            """);
    }

    [Theory]
    [InlineData("My daughter is sick today, please tell the class teacher")]
    [InlineData("my daughter is ill today, can you tell the kids teacher")]
    public async Task WordsEndingInSBeforeTeacherAreNoChildsName(string message)
    {
        // John Smith has one child at De Regenboog.
        var replies = await _app.SendAsync("+31658888888", message, to: "de-regenboog");
        Assert.DoesNotContain(replies, r => r.Contains("cannot find a child", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("Is that right? (yes/no)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAppointmentChosenAsTheReasonStillAsksTheTimeAndThenConfirms()
    {
        await _app.RunAsync(TimParent, """
            > Tim is morgen niet op school
            <~ Tim is afwezig op woensdag 25 november. Waarom?
            > 2
            < Hoe laat? Typ bijvoorbeeld: 'van 10 tot 11.30', 'tot 10 uur', 'vanaf 13 uur' of 'de hele dag'.
            > de hele ochtend
            < Tim heeft een afspraak bij dokter, tandarts of ziekenhuis op woensdag 25 november. Klopt dat? (ja/nee)
            """);

        // On Wednesday school ends at 12:30: the whole morning is the whole day. On Tuesday it is until noon.
        await _app.RunAsync(NoorAndSemParent, """
            > Sem heeft vandaag de tandarts
            <~ Hoe laat?
            > de hele ochtend
            < Sem heeft een afspraak bij dokter, tandarts of ziekenhuis op dinsdag 24 november, tot 12.00 uur. Klopt dat? (ja/nee)
            """);
    }

    [Theory]
    [InlineData("Noor en Sem blijven vandaag thuis")]
    [InlineData("noor en sem zijn vandaag thuis")]
    public async Task ChildrenStayingHomeAreAnAbsenceNotAQuestionAboutTheOverblijf(string message)
    {
        await _app.RunAsync(NoorAndSemParent, $"""
            > {message}
            <~ Noor en Sem zijn afwezig op dinsdag 24 november. Waarom?
            """);
    }

    [Fact]
    public async Task OneChildWithAReasonPerDayGetsTwoReportsInOneConfirmation()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek en morgen heeft hij om 10 uur de tandarts
            < Tim is ziek op dinsdag 24 november en Tim heeft een afspraak bij dokter, tandarts of ziekenhuis op woensdag 25 november, vanaf 10.00 uur. Klopt dat? (ja/nee)
            > ja
            <~ Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november en Tim heeft een afspraak op woensdag 25 november, vanaf 10.00 uur.
            """);

        var reports = (await Reports("tim-g4")).OrderBy(r => r.Start).ToList();
        Assert.Equal([(Today, (DateOnly?)Today, AbsenceKinds.Sick), (new DateOnly(2026, 11, 25), (DateOnly?)new DateOnly(2026, 11, 25), AbsenceKinds.Appointment)], reports.Select(Day));
        Assert.Equal(new TimeOnly(10, 0), reports[1].From);
    }

    [Fact]
    public async Task ADayWithoutSchoolNamedWithASchoolDayIsLeftOutAndTheConfirmationSaysWhy()
    {
        // Friday 27 November: "vandaag en morgen" is Friday (Saturday has no school).
        await using var friday = new BotApp(time: new FakeTimeProvider(BotApp.TuesdayMorning.AddDays(3)));
        await friday.WaitUntilHealthyAsync();
        await friday.RunAsync(TimParent, """
            > Tim is vandaag en morgen ziek
            < Op zaterdag 28 november is er geen school. Tim is ziek op vrijdag 27 november. Klopt dat? (ja/nee)
            """);

        // Monday 7 December: Friday 11 December is a study day at De Driehoek; Thursday is kept, not asked again.
        await using var december = new BotApp(time: new FakeTimeProvider(BotApp.TuesdayMorning.AddDays(13)));
        await december.WaitUntilHealthyAsync();
        await december.RunAsync(TimParent, """
            > Tim is donderdag en vrijdag ziek
            < Op vrijdag 11 december is er geen school. Tim is ziek op donderdag 10 december. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task ADayTheChildIsBackIsNoAbsenceAndComingAtATimeIsArrivingThen()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick until Thursday, back on Friday
            < Emma is sick from Tuesday 24 up to and including Thursday 26 November. Is that right? (yes/no)
            """);
        await _app.RunAsync(EnglishParentOfTwo, """
            > never mind
            < OK, I have not reported anything.
            > Oliver comes at 10 today, he has the dentist
            < Oliver has an appointment with a doctor, dentist or hospital on Tuesday 24 November, until 10:00. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task AnotherChildAfterTheReceiptWithItsOwnDayAndTimesIsNotedAtOnceWithinThreeSegments()
    {
        var replies = new List<string>();
        foreach (var (said, expected) in new (string, string)[]
        {
            ("Sem is vandaag ziek", "Sem is ziek op dinsdag 24 november. Klopt dat? (ja/nee)"),
            ("ja", "Dank u wel. Ik heb genoteerd: Sem is ziek op dinsdag 24 november. Ik geef het door aan Juf Esther. Beterschap voor Sem!"),
            ("en Noor heeft vrijdag om 10 uur de tandarts, ze is er om 11.30 weer",
                "Dank u wel. Ik heb genoteerd: Noor heeft een afspraak bij dokter, tandarts of ziekenhuis op vrijdag 27 november, van 10.00 uur tot 11.30 uur."),
        })
        {
            var reply = Assert.Single(await _app.SendAsync(NoorAndSemParent, said));
            Assert.Equal(expected, reply);
            replies.Add(reply);
        }

        Assert.Equal(3, replies.Sum(SmsSegments.Count));
        var noor = Assert.Single(await Reports("noor-g2"));
        Assert.Equal((Today.AddDays(3), AbsenceKinds.Appointment, (TimeOnly?)new TimeOnly(10, 0), (TimeOnly?)new TimeOnly(11, 30)), (noor.Start, noor.Kind, noor.From, noor.Until));
        Assert.True(Assert.Single(await Reports("sem-g6")).Active);
    }

    [Fact]
    public async Task AnotherReportWithinHalfAnHourIsNotedAtOnceAndOneLaterIsConfirmedAgain()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var app = new BotApp(time: time);
        await app.WaitUntilHealthyAsync();
        await app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Tim is ziek op dinsdag 24 november.
            > Tim heeft donderdag om 14 uur de tandarts
            < Dank u wel. Ik heb genoteerd: Tim heeft een afspraak bij dokter, tandarts of ziekenhuis op donderdag 26 november, vanaf 14.00 uur.
            """);

        // The same parent in the afternoon: a new conversation, with its own confirmation.
        time.Advance(AbsenceHandler.ConversationWindow + TimeSpan.FromMinutes(1));
        await app.RunAsync(TimParent, """
            > Tim is vrijdag ook nog ziek
            < Tim is ziek op vrijdag 27 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task AReasonCorrectedForOneChildAfterTheReceiptIsChangedAtOnceAndTheOtherStays()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor en Sem zijn ziek op dinsdag 24 november.
            > sorry, Sem is niet ziek, hij heeft om 9 uur de tandarts en komt om 10 uur
            < Dank u wel. Ik heb het aangepast: Sem heeft een afspraak op dinsdag 24 november, tot 10.00 uur. Ik geef het door aan Juf Esther.
            """);

        Assert.True(Assert.Single(await Reports("noor-g2")).Active);
        var sem = Assert.Single(await Reports("sem-g6"), r => r.Active);
        Assert.Equal((AbsenceKinds.Appointment, (TimeOnly?)null, (TimeOnly?)new TimeOnly(10, 0)), (sem.Kind, sem.From, sem.Until));
    }

    [Theory]
    // Soon after school starts (08:30) the child goes from home: away until it comes.
    [InlineData("Tim moet morgen om 9 uur naar de orthodontist en is er om 10.15", ", tot 10.15 uur")]
    [InlineData("Tim komt vandaag om 10 uur, hij moet eerst naar de tandarts", ", tot 10.00 uur")]
    // Back again, or later in the day: the child leaves school and comes back.
    [InlineData("Tim gaat morgen om 9 uur naar de tandarts en is om 10 uur weer op school", ", van 9.00 uur tot 10.00 uur")]
    [InlineData("Tim moet morgen om 11 uur naar de tandarts en is er om 12 uur", ", van 11.00 uur tot 12.00 uur")]
    // Before school starts, or "rond/tegen X is hij op school": arriving then.
    [InlineData("Tim komt morgen later, hij moet om 8.00 naar de fysio, rond 9.30 is hij op school", ", tot 9.30 uur")]
    [InlineData("Tim moet morgen om 8.45 naar de orthodontist, tegen 10 uur is hij op school", ", tot 10.00 uur")]
    [InlineData("Tim komt vandaag later, hij moet om 8.10 naar de tandarts, rond 9.40 is hij op school", ", tot 9.40 uur")]
    public async Task AnAppointmentSoonAfterSchoolStartsWithTheTimeTheChildComesIsArrivingThen(string message, string part)
    {
        var reply = Assert.Single(await _app.SendAsync(TimParent, message));
        Assert.Contains($"{part}. Klopt dat? (ja/nee)", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorrectionToAFullRangeWithDatesAtTheConfirmationIsThatRange()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is morgen ziek
            < Noor is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            > nee, ze is ziek van dinsdag 24 tot en met vrijdag 27 november
            < Noor is ziek van dinsdag 24 tot en met vrijdag 27 november. Klopt dat? (ja/nee)
            """);
        await _app.RunAsync(EnglishParentOfTwo, """
            > Oliver is sick tomorrow
            < Oliver is sick on Wednesday 25 November. Is that right? (yes/no)
            > No, he is sick from Tuesday 24 up to and including Friday 27 November
            < Oliver is sick from Tuesday 24 up to and including Friday 27 November. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task APastRangeThatEndsInAWeekendIsTheSchoolDaysThatPassed()
    {
        await _app.RunAsync(TimParent, """
            > Tim heeft van woensdag tot en met zondag ziek op de bank gelegen, vergeten door te geven. Vandaag gaat hij weer.
            < Tim is ziek van woensdag 18 tot en met vrijdag 20 november. Klopt dat? (ja/nee)
            """);
    }

    [Theory]
    [InlineData("hij voelt zich niet lekker", AbsenceKinds.Sick)]
    [InlineData("he's poorly", AbsenceKinds.Sick)]
    [InlineData("reden: orthodontist", AbsenceKinds.Appointment)]
    [InlineData("andere reden, familiebezoek", AbsenceKinds.Other)]
    [InlineData("something else: our train was cancelled", AbsenceKinds.Other)]
    [InlineData("iets anders, de fiets is lek", AbsenceKinds.Other)]
    [InlineData("zwemwedstrijd", AbsenceKinds.Other)]
    [InlineData("de oppas is niet gekomen", AbsenceKinds.Other)]
    public async Task TheReasonQuestionTakesAnAnswerInWordsAndKeepsOnlyTheKind(string answer, string kind)
    {
        Assert.Contains("Waarom?", Assert.Single(await _app.SendAsync(TimParent, "Tim is er morgen niet")), StringComparison.Ordinal);
        var reply = Assert.Single(await _app.SendAsync(TimParent, answer));
        if (reply.StartsWith("Hoe laat?", StringComparison.Ordinal))
        {
            reply = Assert.Single(await _app.SendAsync(TimParent, "de hele dag"));
        }

        Assert.EndsWith("Klopt dat? (ja/nee)", reply, StringComparison.Ordinal);
        Assert.Contains("Ik heb genoteerd", Assert.Single(await _app.SendAsync(TimParent, "ja")), StringComparison.Ordinal);
        Assert.Equal(kind, Assert.Single(await Reports("tim-g4")).Kind);
        var explanation = answer.Split([':', ','])[^1].Trim().Split(' ')[^1];
        foreach (var file in Directory.EnumerateFiles(_app.DataFolder, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(explanation, await File.ReadAllTextAsync(file), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task WhatExplainsNothingIsAskedAgain()
    {
        await _app.SendAsync(TimParent, "Tim is er morgen niet");
        Assert.StartsWith("Dat herken ik niet.", Assert.Single(await _app.SendAsync(TimParent, "weet ik niet")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oliver is ill today, Emma will be in as usual")]
    [InlineData("Oliver is ill today but Emma is at school as normal")]
    [InlineData("Oliver is ill today, Emma is fine and coming in")]
    [InlineData("Oliver is ill today, Emma is fine")]
    public async Task AChildSaidInEnglishToBeFineIsNotAbsent(string message)
    {
        await _app.RunAsync(EnglishParentOfTwo, $"""
            > {message}
            < Oliver is sick on Tuesday 24 November. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task AReasonCorrectionAfterTheReceiptChangesTheKind()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Tim is ziek
            > Correctie: hij is niet ziek, hij heeft vandaag een afspraak bij de orthodontist
            < Dank u wel. Ik heb het aangepast: Tim heeft een afspraak bij dokter, tandarts of ziekenhuis op dinsdag 24 november. Ik geef het door aan Juf Fatima.
            """);

        Assert.Equal(AbsenceKinds.Appointment, Assert.Single(await Reports("tim-g4"), r => r.Active).Kind);
    }

    [Theory]
    [InlineData("Emma stays home until and including Thursday, she has a cough")]
    [InlineData("Emma has a cough and stays home up to and including Thursday")]
    public async Task UpToAndIncludingADayIsARangeFromToday(string message)
    {
        await _app.RunAsync(EnglishParentOfTwo, $"""
            > {message}
            < Emma is sick from Tuesday 24 up to and including Thursday 26 November. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task AnEnglishRequestToAddTheOtherChildAfterTheReceiptIsNotedAtOnce()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick today
            <~ Is that right?
            > yes
            <~ I have noted: Emma is sick
            > And now her brother Oliver feels rotten too, he's got a fever. Can you put him down for today as well please?
            < Thank you. I have noted: Oliver is sick on Tuesday 24 November. I will pass it on to Meester Yusuf. We hope Oliver feels better soon!
            """);

        Assert.Single(await Reports("oliver-g7"));
    }

    [Fact]
    public async Task AFollowUpReadAsTwoRequestsGetsOneReceipt()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Oliver is sick today
            <~ Is that right?
            > yes
            <~ I have noted: Oliver is sick
            > And now his sister Emma is poorly too, she has a temperature. Could you put her down for today as well please?
            < Thank you. I have noted: Emma is sick on Tuesday 24 November. I will pass it on to Meester Kees. We hope Emma feels better soon!
            """);

        Assert.Single(await Reports("emma-g3"));
    }

    [Fact]
    public async Task WhenTheChildBecameSickIsNoPartOfTheAbsence()
    {
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddHours(11)); // Tuesday 18:45
        await _app.RunAsync(TimParent, """
            > morgen blijft hij thuis, hij is vanavond ziek geworden
            < Tim is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task AWeddingOnAConcreteDayIsRecordedAsOtherWithTheLeaveNoteInOneSms()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vrijdag er niet, we gaan naar een bruiloft in Turkije
            < Noor is afwezig op vrijdag 27 november. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Noor is afwezig op vrijdag 27 november. Extra verlof vraagt u vooraf aan bij de directeur, Meester Ruud Verhoeven.
            """);
        var noor = Assert.Single(await Reports("noor-g2"));
        Assert.Equal((AbsenceKinds.Other, (TimeOnly?)null, (TimeOnly?)null), (noor.Kind, noor.From, noor.Until));
    }

    [Fact]
    public async Task MovingHouseOnTheFourteenthIsAnAbsenceOnThatDay()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > we're moving house on the 14th, Emma won't be in
            < Emma is absent on Monday 14 December. Is that right? (yes/no)
            > yes
            <~ Extra leave is asked in advance from the director
            """);
        Assert.Equal((new DateOnly(2026, 12, 14), (DateOnly?)new DateOnly(2026, 12, 14), AbsenceKinds.Other), Day(Assert.Single(await Reports("emma-g3"))));
    }

    [Fact]
    public async Task SeparateDatesOfOneMonthStaySeparateDaysForBothChildren()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn op 14 en 16 december afwezig, familiebezoek
            < Noor en Sem zijn afwezig op maandag 14 en woensdag 16 december. Klopt dat? (ja/nee)
            > ja
            < Genoteerd: Noor en Sem zijn afwezig op maandag 14 en woensdag 16 december. Extra verlof vraagt u vooraf aan bij de directeur, Meester Ruud Verhoeven.
            """);
        var days = (await Reports("noor-g2")).Select(r => (r.Start, r.End)).Order().ToList();
        Assert.Equal([(new DateOnly(2026, 12, 14), (DateOnly?)new DateOnly(2026, 12, 14)), (new DateOnly(2026, 12, 16), (DateOnly?)new DateOnly(2026, 12, 16))], days);
        Assert.Equal(2, (await Reports("sem-g6")).Count);
    }

    [Fact]
    public async Task AStudyDayNamedBesideASchoolDayIsLeftOutAndSaidSo()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is donderdag 10 en vrijdag 11 december er niet, we gaan naar familie
            < Op vrijdag 11 december is er geen school. Noor is afwezig op donderdag 10 december. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task ASecondCorrectionRightAfterTheFirstMovesTheDayAgain()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek op dinsdag 24 november.
            > oh nee sorry, ik bedoel morgen
            <~ Ik heb het aangepast: Noor is ziek op woensdag 25 november.
            > nee toch vrijdag
            <~ Ik heb het aangepast: Noor is ziek op vrijdag 27 november.
            """);
        Assert.Equal([Today.AddDays(3)], (await Reports("noor-g2")).Where(r => r.Active).Select(r => r.Start));
    }

    [Fact]
    public async Task TheOtherChildThenBothAfterTheReceiptKeepsTheDay()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > nee, het was Sem niet Noor
            <~ Ik heb het aangepast: Sem is ziek op dinsdag 24 november, Noor niet.
            > sorry, het zijn ze allebei
            <~ Ik heb het aangepast: Sem en Noor zijn ziek op dinsdag 24 november.
            """);
        Assert.Equal([Today], (await Reports("noor-g2")).Where(r => r.Active).Select(r => r.Start));
        Assert.Equal([Today], (await Reports("sem-g6")).Where(r => r.Active).Select(r => r.Start));
    }

    [Fact]
    public async Task PutHerDownTooAfterTheReceiptReportsTheOtherChildNotAHandoff()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Sem is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > can you put her down too
            < Dank u wel. Ik heb genoteerd: Noor is ziek op dinsdag 24 november. Ik geef het door aan Juf Marloes. Beterschap voor Noor!
            """);
        Assert.Single(await Reports("noor-g2"));
    }

    private static (DateOnly Start, DateOnly? End, string Kind) Day(AbsenceReport report) => (report.Start, report.End, report.Kind);

    private Task<IReadOnlyList<AbsenceReport>> Reports(string childId) =>
        _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), childId, CancellationToken.None);
}
