using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Channels.Twilio;
using OuderBot.Inbox;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Conversations;

// What a parent sends after the receipt (issue 12, what was left): another child by name, more days, a shorter
// stretch, and what the whole conversation costs by SMS. The clock stands at Tuesday 24 November 2026, 07:45 and does
// not move between messages (as a pinned demo clock does not). Noor: Juf Marloes, Sem: Juf Esther; Emma: Meester
// Kees, Oliver: Meester Yusuf.
public sealed class AbsenceFollowUpTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private readonly BotApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CanYouPutOliverDownTooReportsOliverAndIsNoHandoff()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick today
            <~ Is that right?
            > yes
            <~ I have noted: Emma is sick
            > can you put Oliver down too
            < Thank you. I have noted: Oliver is sick on Tuesday 24 November. I will pass it on to Meester Yusuf. We hope Oliver feels better soon!
            """);

        Assert.Equal([Today], (await Reports("oliver-g7")).Where(r => r.Active).Select(r => r.Start));
        Assert.Empty(await _app.Services.GetRequiredService<SchoolInbox>().ForDayAsync(_app.School(), Today, CancellationToken.None));
    }

    [Fact]
    public async Task TheOtherChildAfterMoreDaysGetsTheDaysOfTheLastReportNotTheFirst()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Sem is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Sem is ziek op dinsdag 24 november.
            > hij blijft morgen ook thuis
            < Dank u wel. Ik heb genoteerd: Sem is ziek op woensdag 25 november. Ik geef het door aan Juf Esther. Beterschap voor Sem!
            > en Noor ook
            < Dank u wel. Ik heb genoteerd: Noor is ziek op woensdag 25 november. Ik geef het door aan Juf Marloes. Beterschap voor Noor!
            """);

        Assert.Equal([Today.AddDays(1)], (await Reports("noor-g2")).Where(r => r.Active).Select(r => r.Start));
        Assert.Equal([Today, Today.AddDays(1)], (await Reports("sem-g6")).Where(r => r.Active).Select(r => r.Start).Order());
    }

    [Fact]
    public async Task SemOokWithoutEnThenEnMorgenOokAddsTheDayToTheChildJustAdded()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > Sem ook
            < Dank u wel. Ik heb genoteerd: Sem is ziek op dinsdag 24 november. Ik geef het door aan Juf Esther. Beterschap voor Sem!
            > en morgen ook
            < Dank u wel. Ik heb genoteerd: Sem is ziek op woensdag 25 november. Ik geef het door aan Juf Esther. Beterschap voor Sem!
            """);

        Assert.Equal([Today], (await Reports("noor-g2")).Where(r => r.Active).Select(r => r.Start));
        Assert.Equal([Today, Today.AddDays(1)], (await Reports("sem-g6")).Where(r => r.Active).Select(r => r.Start).Order());
    }

    [Fact]
    public async Task OnlyUntilWednesdayShortensTheStretchAndKeepsItsFirstDay()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is van morgen t/m vrijdag ziek
            < Noor is ziek van woensdag 25 tot en met vrijdag 27 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd
            > het is maar tot donderdag
            < Dank u wel. Ik heb het aangepast: Noor is ziek op woensdag 25 en donderdag 26 november. Ik geef het door aan Juf Marloes. Beterschap voor Noor!
            """);

        var noor = Assert.Single(await Reports("noor-g2"), r => r.Active);
        Assert.Equal((Today.AddDays(1), (DateOnly?)Today.AddDays(2)), (noor.Start, noor.End));
    }

    [Fact]
    public async Task OnlyUntilInEnglishShortensAStretchThatBeganToday()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick until Friday
            <~ Is that right?
            > yes
            <~ I have noted
            > sorry, it's only until Wednesday
            <~ Emma is sick on Tuesday 24 and Wednesday 25 November.
            """);

        var emma = Assert.Single(await Reports("emma-g3"), r => r.Active);
        Assert.Equal((Today, (DateOnly?)Today.AddDays(1)), (emma.Start, emma.End));
    }

    [Fact]
    public async Task SemAtTheDentistAfterBothWereReportedSickChangesOnlySemAndTellsOnlyHisTeacher()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor en Sem zijn ziek op dinsdag 24 november.
            > Sem heeft om 9 uur de tandarts
            < Dank u wel. Ik heb het aangepast: Sem heeft een afspraak op dinsdag 24 november, vanaf 9.00 uur. Ik geef het door aan Juf Esther.
            """);

        // Noor's sick day is the report she had: nothing withdrawn, nothing new.
        var noor = Assert.Single(await Reports("noor-g2"));
        Assert.True(noor.Active);
        Assert.Equal((AbsenceKinds.Sick, Today), (noor.Kind, noor.Start));
        var sem = await Reports("sem-g6");
        Assert.Equal(2, sem.Count);
        var dentist = Assert.Single(sem, r => r.Active);
        Assert.Equal((AbsenceKinds.Appointment, Today, (TimeOnly?)new TimeOnly(9, 0)), (dentist.Kind, dentist.Start, dentist.From));
        Assert.Equal(AbsenceKinds.Sick, Assert.Single(sem, r => !r.Active).Kind);
    }

    [Fact]
    public async Task SemIsNotSickButAtTheDentistIsReceiptedForSemAloneNotNoorsDayAgain()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > Sem is niet ziek, hij heeft om 9 uur de tandarts
            < Dank u wel. Ik heb het aangepast: Sem heeft een afspraak op dinsdag 24 november, vanaf 9.00 uur. Ik geef het door aan Juf Esther.
            """);

        Assert.True(Assert.Single(await Reports("noor-g2")).Active);
        Assert.Equal(AbsenceKinds.Appointment, Assert.Single(await Reports("sem-g6"), r => r.Active).Kind);
    }

    [Fact]
    public async Task SemAtTheDentistTomorrowAfterBothWereReportedSickTodayIsANewReportNotACorrection()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > Sem heeft morgen om 9 uur de tandarts
            <~ Ik heb genoteerd: Sem heeft een afspraak
            """);

        Assert.Equal([Today, Today.AddDays(1)], (await Reports("sem-g6")).Where(r => r.Active).Select(r => r.Start).Order());
    }

    [Fact]
    public async Task AnAppointmentForASickChildHoursLaterIsAskedAboutNotTakenForACorrection()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);
        _app.Time.Advance(TimeSpan.FromHours(2)); // another conversation

        var replies = await _app.SendAsync(NoorAndSemParent, "Sem heeft om 14 uur de tandarts");

        Assert.Contains(replies, r => r.Contains("Klopt dat?", StringComparison.Ordinal));
        Assert.Equal(AbsenceKinds.Sick, Assert.Single(await Reports("sem-g6"), r => r.Active).Kind);
    }

    [Fact]
    public async Task ASecondCorrectionOfTheEndKeepsTheDayTheSicknessBegan()
    {
        await _app.RunAsync(TimParent, """
            > Tim is van morgen t/m vrijdag ziek
            < Tim is ziek van woensdag 25 tot en met vrijdag 27 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd
            > het is maar tot woensdag
            < Dank u wel. Ik heb het aangepast: Tim is ziek op woensdag 25 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            > oh nee, donderdag
            < Dank u wel. Ik heb het aangepast: Tim is ziek op woensdag 25 en donderdag 26 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);

        var tim = Assert.Single(await Reports("tim-g4"), r => r.Active);
        Assert.Equal((Today.AddDays(1), (DateOnly?)Today.AddDays(2)), (tim.Start, tim.End));
    }

    [Fact]
    public async Task ADayNamedAfterAChangeOfDayIsThatDayNotAnEnd()
    {
        // Only a correction of the end makes a day said next an end: "ik bedoel morgen", then "nee, donderdag" is Thursday.
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > oh nee sorry ik bedoel morgen
            <~ Ik heb het aangepast: Tim is ziek op woensdag 25 november.
            > oh nee, donderdag
            <~ Ik heb het aangepast: Tim is ziek op donderdag 26 november.
            """);

        var tim = Assert.Single(await Reports("tim-g4"), r => r.Active);
        Assert.Equal((Today.AddDays(2), (DateOnly?)Today.AddDays(2)), (tim.Start, tim.End));
    }

    [Fact]
    public async Task NotSickButAtTheDentistAfterTheReceiptNamesTheTeacherWhoIsTold()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik geef het door aan Juf Fatima.
            > hij is toch niet ziek maar naar de tandarts om 10 uur
            < Dank u wel. Ik heb het aangepast: Tim heeft een afspraak op dinsdag 24 november, vanaf 10.00 uur. Ik geef het door aan Juf Fatima.
            """);

        var tim = Assert.Single(await Reports("tim-g4"), r => r.Active);
        Assert.Equal((AbsenceKinds.Appointment, (TimeOnly?)new TimeOnly(10, 0)), (tim.Kind, tim.From));
    }

    [Fact]
    public async Task PuttingTheOtherChildInATeamIsNoReport()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick today
            <~ Is that right?
            > yes
            <~ I have noted: Emma is sick
            """);

        var replies = await _app.SendAsync(EnglishParentOfTwo, "Can you put Oliver in the football team too?");

        Assert.DoesNotContain(replies, r => r.Contains("noted", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await Reports("oliver-g7"));
    }

    [Fact]
    public async Task PutHimInForTodayAsWellReportsTheOtherChild()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick today
            <~ Is that right?
            > yes
            <~ I have noted: Emma is sick
            > could you put Oliver in for today as well?
            < Thank you. I have noted: Oliver is sick on Tuesday 24 November. I will pass it on to Meester Yusuf. We hope Oliver feels better soon!
            """);

        Assert.Equal([Today], (await Reports("oliver-g7")).Where(r => r.Active).Select(r => r.Start));
    }

    [Fact]
    public async Task HeGoesToSchoolAfterAllWithdrawsTheReportJustMadeInOneSms()
    {
        await _app.RunAsync(TimParent, """
            > tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Tim is ziek
            > hij gaat toch naar school
            < Ik heb de melding ingetrokken: Tim is ziek op dinsdag 24 november. Ik geef het door aan Juf Fatima.
            """);

        Assert.DoesNotContain(await Reports("tim-g4"), r => r.Active);
    }

    [Fact]
    public async Task ADayBackAtSchoolAfterTheReceiptIsNoWithdrawalOfTheWholeReport()
    {
        // "vrijdag naar school" beside "thuis" takes Friday out; it never takes the whole report back.
        await _app.RunAsync(TimParent, """
            > tim is t/m vrijdag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Tim is ziek
            > nee toch tot en met donderdag thuis. vrijdag naar school
            <~ Ik heb de melding voor vrijdag 27 november ingetrokken. Dit blijft staan: Tim is ziek van dinsdag 24 tot en met donderdag 26 november.
            """);

        var tim = Assert.Single(await Reports("tim-g4"), r => r.Active);
        Assert.Equal((Today, (DateOnly?)Today.AddDays(2)), (tim.Start, tim.End));
    }

    [Fact]
    public async Task SemTochNietAfterBothWereReportedKeepsNoorsReportOnly()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > noor en sem zijn allebei ziek vandaag
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor en Sem zijn ziek
            > sem toch niet hij voelt zich weer goed
            < Dank u wel. Ik heb het aangepast: Noor is ziek op dinsdag 24 november, Sem niet. Ik geef het door aan Juf Esther. Beterschap voor Noor!
            """);

        Assert.Equal([Today], (await Reports("noor-g2")).Where(r => r.Active).Select(r => r.Start));
        Assert.DoesNotContain(await Reports("sem-g6"), r => r.Active);
    }

    [Fact]
    public async Task TheOtherChildAddedOnSundayEveningAndTakenBackIsWithdrawnAlone()
    {
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddDays(5).AddHours(12.75)); // Sunday 29 November, 20:30
        await _app.RunAsync(NoorAndSemParent, """
            > noor is morgen ziek
            <~ Noor is ziek op maandag 30 november. Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek op maandag 30 november.
            > en sem ook
            <~ Ik heb genoteerd: Sem is ziek op maandag 30 november.
            > sem toch niet
            < Ik heb de melding ingetrokken: Sem is ziek op maandag 30 november. Ik geef het door aan Juf Esther.
            """);

        Assert.Equal([new DateOnly(2026, 11, 30)], (await Reports("noor-g2")).Where(r => r.Active).Select(r => r.Start));
        Assert.DoesNotContain(await Reports("sem-g6"), r => r.Active);
    }

    [Fact]
    public async Task GoingInAfterAllInEnglishLeavesTheOtherChildAndTheWishAgreesWithTwoNames()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > both kids are sick
            <~ Emma and Oliver are sick on Tuesday 24 November. Is that right?
            > yes
            < Thank you. I have noted: Emma and Oliver are sick on Tuesday 24 November. We hope Emma and Oliver feel better soon!
            > Emma is going in after all
            < Thank you. I have changed it: Oliver is sick on Tuesday 24 November, not Emma. I will pass it on to Meester Kees. We hope Oliver feels better soon!
            """);

        Assert.DoesNotContain(await Reports("emma-g3"), r => r.Active);
        Assert.Equal([Today], (await Reports("oliver-g7")).Where(r => r.Active).Select(r => r.Start));
    }

    [Fact]
    public async Task ActuallyMakeThatThursdayIsASecondCorrectionOfTheDay()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > oliver has a fever, staying home
            <~ Oliver is sick on Tuesday 24 November. Is that right?
            > yes
            <~ I have noted: Oliver is sick on Tuesday 24 November.
            > sorry I meant tomorrow not today
            <~ I have changed it: Oliver is sick on Wednesday 25 November.
            > actually make that thursday
            < Thank you. I have changed it: Oliver is sick on Thursday 26 November. I will pass it on to Meester Yusuf. We hope Oliver feels better soon!
            """);

        Assert.Equal([Today.AddDays(2)], (await Reports("oliver-g7")).Where(r => r.Active).Select(r => r.Start));
    }

    [Fact]
    public async Task AskingWhetherTomorrowIsReportedListsTheReportsAndStartsNoNewOne()
    {
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddHours(12.25)); // 20:00
        await _app.RunAsync(TimParent, """
            > tim is morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Tim is ziek op woensdag 25 november.
            > heb ik Tim voor morgen ook afgemeld?
            < Dit zijn uw meldingen voor vandaag en later:
            | 1. Tim is ziek op woensdag 25 november
            | Wilt u een melding intrekken? Typ het nummer. Typ 'terug' als alles klopt.
            """);

        Assert.Single(await Reports("tim-g4"), r => r.Active);
    }

    [Fact]
    public async Task ANameAndSickWithoutAVerbIsTodayAndAsksNoDay()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > noor ziek
            < Noor is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: Noor is ziek op dinsdag 24 november.
            > sem ook
            <~ Ik heb genoteerd: Sem is ziek op dinsdag 24 november.
            > is sem nu ook afgemeld?
            <~ 2. Sem is ziek op dinsdag 24 november
            """);

        Assert.Equal([Today], (await Reports("sem-g6")).Where(r => r.Active).Select(r => r.Start));
    }

    [Fact]
    public async Task NamesAndSickTypedShortAreTodayForBoth()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > sem n noor allebei ziek
            < Sem en Noor zijn ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: Sem en Noor zijn ziek op dinsdag 24 november.
            """);

        Assert.Equal([Today], (await Reports("noor-g2")).Where(r => r.Active).Select(r => r.Start));
        Assert.Equal([Today], (await Reports("sem-g6")).Where(r => r.Active).Select(r => r.Start));
    }

    [Fact]
    public async Task ATemperatureIsSickAndTheOrthodontistBesideItAnAppointment()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma has a temperature, Oliver has the orthodontist at 9
            <~ Emma is sick on Tuesday 24 November and Oliver has an appointment
            > yes
            <~ I have noted: Emma is sick on Tuesday 24 November and Oliver has an appointment on Tuesday 24 November, from 09:00.
            """);

        Assert.Equal(AbsenceKinds.Sick, Assert.Single(await Reports("emma-g3")).Kind);
        Assert.Equal(new TimeOnly(9, 0), Assert.Single(await Reports("oliver-g7")).From);
    }

    [Fact]
    public async Task TheOralSurgeonIsAnAppointmentFromThePickUpTime()
    {
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddHours(4.75)); // 12:30
        await _app.RunAsync(TimParent, """
            > tim moet om 14.00 naar de kaakchirurg, ik haal hem om kwart over 1 op
            <~ Tim heeft een afspraak bij dokter, tandarts of ziekenhuis op dinsdag 24 november, vanaf 13.15 uur. Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);

        Assert.Equal(new TimeOnly(13, 15), Assert.Single(await Reports("tim-g4")).From);
    }

    [Fact]
    public async Task TwoCorrectionsInARowCostOneSegmentEach()
    {
        // Four messages, four replies: the confirmation, the receipt and one receipt per correction, none longer than one SMS.
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddHours(1.5));
        var replies = new List<string>();
        foreach (var message in new[] { "Tim is van morgen t/m vrijdag ziek", "ja", "het is maar tot woensdag", "oh nee, donderdag" })
        {
            replies.AddRange(await _app.SendAsync(TimParent, message));
        }

        Assert.Equal(4, replies.Count);
        Assert.All(replies, r => Assert.Equal(1, SmsSegments.Count(r)));
    }

    [Theory]
    [InlineData(NoorAndSemParent, "Noor is vandaag ziek|ja|oh nee sorry, ik bedoel morgen")]
    [InlineData(NoorAndSemParent, "Noor is vandaag ziek|ja|nee, het was Sem niet Noor")]
    [InlineData(NoorAndSemParent, "Noor is vandaag ziek|ja|ze is toch niet ziek maar naar de tandarts om 10 uur")]
    [InlineData(NoorAndSemParent, "Noor is ziek t/m vrijdag|ja|het is maar tot woensdag")]
    [InlineData(NoorAndSemParent, "Sem is vandaag ziek|ja|hij blijft morgen ook thuis")]
    [InlineData(NoorAndSemParent, "Sem is vandaag ziek|ja|Noor ook")]
    [InlineData(NoorAndSemParent, "Sem en Noor zijn vandaag ziek|ja|en morgen ook")]
    [InlineData(NoorAndSemParent, "Noor is ziek tot ze beter is en Sem heeft om 11 uur de tandarts|ja")]
    [InlineData(EnglishParentOfTwo, "Emma is sick today|yes|can you put Oliver down too")]
    [InlineData(EnglishParentOfTwo, "Oliver has the dentist at 10 and Emma is sick until she is better|yes")]
    [InlineData(TimParent, "Tim is vandaag ziek|ja|sorry, het is morgen, niet vandaag")]
    [InlineData(TimParent, "Tim heeft vandaag om 10 uur de orthodontist, hij is er om 11.30 weer|ja")]
    [InlineData(BibiParent, "Bibi is ziek|ja|en morgen ook")]
    [InlineData(NoorAndSemParent, "Noor en Sem zijn vandaag ziek|ja|Sem heeft om 9 uur de tandarts")]
    [InlineData(NoorAndSemParent, "Noor en Sem zijn vandaag ziek|ja|Sem is niet ziek, hij heeft om 9 uur de tandarts")]
    [InlineData(TimParent, "Tim is vandaag ziek|ja|hij is toch niet ziek maar naar de tandarts om 10 uur")]
    [InlineData(TimParent, "Tim is van morgen t/m vrijdag ziek|ja|het is maar tot woensdag")]
    [InlineData(EnglishParentOfTwo, "Emma is sick today|yes|could you put Oliver in for today as well?")]
    [InlineData(TimParent, "tim is vandaag ziek|ja|hij gaat toch naar school")]
    [InlineData(NoorAndSemParent, "sem n noor allebei ziek|ja")]
    [InlineData(NoorAndSemParent, "noor en sem zijn allebei ziek vandaag|ja|sem toch niet hij voelt zich weer goed")]
    [InlineData(EnglishParentOfTwo, "both kids are sick|yes|Emma is going in after all")]
    [InlineData(TimParent, "Tim is vandaag en morgen ziek|ja|hij gaat morgen toch naar school")]
    [InlineData(NoorAndSemParent, "Noor is t/m vrijdag ziek|ja|nee, vrijdag gaat ze weer naar school")]
    [InlineData(NoorAndSemParent, "Noor en Sem zijn vandaag ziek|ja|Noor woensdag ook nog thuis, Sem woensdag naar school")]
    [InlineData(NoorAndSemParent, "Noor en Sem zijn vandaag en morgen ziek|ja|sem gaat morgen toch naar school")]
    [InlineData(EnglishParentOfTwo, "Oliver is sick today and tomorrow|yes|he's going to school tomorrow after all")]
    public async Task AnAbsenceConversationCostsAtMostThreeSegmentsAndEveryReceiptOne(string parent, string messages)
    {
        _app.Time.SetUtcNow(BotApp.TuesdayMorning.AddHours(1.5)); // 09:15: school has started, a report for today is late (the longest receipts)
        var replies = new List<string>();
        foreach (var message in messages.Split('|'))
        {
            replies.AddRange(await _app.SendAsync(parent, message));
        }

        var receipts = replies.Where(r => r.Contains("genoteerd", StringComparison.OrdinalIgnoreCase) || r.Contains("aangepast", StringComparison.OrdinalIgnoreCase) || r.Contains("noted", StringComparison.OrdinalIgnoreCase)
            || r.Contains("changed it", StringComparison.OrdinalIgnoreCase) || r.Contains("ingetrokken", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(messages.Split('|').Length - 1, receipts.Count); // one receipt per answer after the confirmation: nothing asked again
        Assert.All(receipts, r => Assert.Equal(1, SmsSegments.Count(r)));
        Assert.True(replies.Sum(SmsSegments.Count) <= 3, string.Join("\n", replies));
    }

    private Task<IReadOnlyList<AbsenceReport>> Reports(string childId) =>
        _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), childId, CancellationToken.None);
}
