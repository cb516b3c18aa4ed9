using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Conversations;

// What a new parent still says after the receipt (issue 12, brief e12e): another follow-up after a follow-up, a day
// back at school, one child home and the other at school, taking back one day, what a receipt after a withdrawal says,
// and more ways of saying when. Each transcript asserts what the parent sees and what the office's overview then holds.
// The clock stands at Tuesday 24 November 2026, 07:45. Noor: Juf Marloes, Sem: Juf Esther; Tim: Juf Fatima.
public sealed class AbsenceAfterReceiptTests : IAsyncLifetime
{
    private const string ApiKey = "office-secret";

    private readonly BotApp _app = new(settings: new Dictionary<string, string?> { ["Admin:SchoolKeys:de-driehoek"] = ApiKey });

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheOtherChildAfterMoreDaysInEnglishIsAddedForThoseDays()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick today
            <~ Is that right?
            > yes
            <~ I have noted: Emma is sick on Tuesday 24 November.
            > oh and tomorrow too
            <~ I have noted: Emma is sick on Wednesday 25 November.
            > and oliver too tomorrow
            <~ I have noted: Oliver is sick on Wednesday 25 November.
            """);

        Assert.Equal(["2026-11-24 Emma sick", "2026-11-25 Emma sick", "2026-11-25 Oliver sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Theory]
    [InlineData("oh en morgen ook", "en sem ook morgen")]
    [InlineData("en morgen ook", "sem morgen ook")]
    [InlineData("morgen ook", "en sem ook")]
    public async Task TheOtherChildAfterMoreDaysIsAddedForThoseDaysNotPassedOn(string moreDays, string otherChild)
    {
        await _app.RunAsync(NoorAndSemParent, $"""
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek op dinsdag 24 november.
            > {moreDays}
            < Dank u wel. Ik heb genoteerd: Noor is ziek op woensdag 25 november. Ik geef het door aan Juf Marloes. Beterschap voor Noor!
            > {otherChild}
            < Dank u wel. Ik heb genoteerd: Sem is ziek op woensdag 25 november. Ik geef het door aan Juf Esther. Beterschap voor Sem!
            """);

        Assert.Equal(["2026-11-24 Noor sick", "2026-11-25 Noor sick", "2026-11-25 Sem sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Theory]
    [InlineData("nee, vrijdag gaat ze weer naar school")]
    [InlineData("vrijdag gaat ze toch weer naar school")]
    [InlineData("oh nee ze gaat vrijdag weer naar school")]
    [InlineData("ze gaat vrijdag weer naar school")]
    [InlineData("vrijdag is ze er weer")]
    public async Task BackAtSchoolOnTheLastDayEndsTheReportTheDayBefore(string correction)
    {
        await _app.RunAsync(NoorAndSemParent, $"""
            > Noor is t/m vrijdag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek
            > {correction}
            < Dank u wel. Ik heb het aangepast: Noor is ziek van dinsdag 24 tot en met donderdag 26 november. Ik geef het door aan Juf Marloes. Beterschap voor Noor!
            """);

        Assert.Equal(["2026-11-24 Noor sick", "2026-11-25 Noor sick", "2026-11-26 Noor sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    // Words of "after all" and of going in, each in its own language: thanks with "toch" take nothing back.
    [Theory]
    [InlineData("ok, toch bedankt")]
    [InlineData("ik had het toch in de app gezet")]
    public async Task ThanksWithTochKeepTheReport(string message)
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek
            """);
        await _app.SendAsync(NoorAndSemParent, message);

        Assert.Equal(["2026-11-24 Noor sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    // Back at school on the report's own first day: the report is gone, not "er verandert niets".
    [Fact]
    public async Task BackOnTheReportsFirstDayTakesItBack()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek
            """);
        var reply = Assert.Single(await _app.SendAsync(NoorAndSemParent, "nee, morgen gaat ze weer naar school"));

        Assert.DoesNotContain("verandert niets", reply, StringComparison.Ordinal);
        Assert.Empty(await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task BackOnThursdayAfterASickDayTodayIsSickUntilWednesday()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek op dinsdag 24 november.
            > ze gaat donderdag weer naar school
            < Dank u wel. Ik heb het aangepast: Noor is ziek op dinsdag 24 en woensdag 25 november. Ik geef het door aan Juf Marloes. Beterschap voor Noor!
            """);

        Assert.Equal(["2026-11-24 Noor sick", "2026-11-25 Noor sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Theory]
    [InlineData(TimParent, "Tim is vandaag ziek", "morgen gaat hij gewoon naar school", "Dit had u al gemeld: Tim is ziek op dinsdag 24 november. Er verandert niets.", "2026-11-24 Tim sick")]
    [InlineData(NoorAndSemParent, "Noor en Sem zijn vandaag ziek", "morgen gaan ze allebei weer naar school", "Dit had u al gemeld: Noor en Sem zijn ziek op dinsdag 24 november. Er verandert niets.", "2026-11-24 Noor sick|2026-11-24 Sem sick")]
    public async Task AtSchoolOnADayTheReportDoesNotHoldChangesNothing(string parent, string report, string followUp, string reply, string rows)
    {
        await _app.RunAsync(parent, $"""
            > {report}
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > {followUp}
            < {reply}
            """);

        Assert.Equal(rows.Split('|'), await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task TheOtherChildBackTomorrowIsNotTakenForTheReportJustMade()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > Sem gaat morgen weer naar school
            < Ik zie geen open ziekmelding voor Sem. Fijn dat het goed gaat!
            """);

        Assert.Equal(["2026-11-24 Noor sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task BackAtSchoolOnFridayInEnglishEndsTheReportOnThursday()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma is sick until Friday
            <~ Is that right?
            > yes
            <~ I have noted
            > she'll be back at school on Friday
            < Thank you. I have changed it: Emma is sick from Tuesday 24 up to and including Thursday 26 November. I will pass it on to Meester Kees.
            """);

        Assert.Equal(["2026-11-24 Emma sick", "2026-11-25 Emma sick", "2026-11-26 Emma sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task StillNotAtSchoolTomorrowAddsTomorrow()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > hij gaat morgen nog niet naar school
            < Dank u wel. Ik heb genoteerd: Tim is ziek op woensdag 25 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);

        Assert.Equal(["2026-11-24 Tim sick", "2026-11-25 Tim sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task AtSchoolInTheMiddleOfAStretchSplitsIt()
    {
        await _app.RunAsync(TimParent, """
            > Tim is t/m vrijdag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > woensdag gaat hij toch naar school
            < Ik heb de melding voor woensdag 25 november ingetrokken. Dit blijft staan: Tim is ziek op dinsdag 24 november en op donderdag 26 en vrijdag 27 november.
            """);

        Assert.Equal(["2026-11-24 Tim sick", "2026-11-26 Tim sick", "2026-11-27 Tim sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Theory]
    [InlineData("Noor woensdag ook nog thuis, Sem woensdag naar school")]
    [InlineData("Noor blijft woensdag ook thuis, Sem gaat woensdag naar school")]
    [InlineData("Sem gaat woensdag naar school, Noor blijft woensdag ook thuis")]
    public async Task OneChildStillHomeAndTheOtherAtSchoolAddsTheOneOnly(string followUp)
    {
        await _app.RunAsync(NoorAndSemParent, $"""
            > Noor en Sem zijn vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor en Sem zijn ziek op dinsdag 24 november.
            > {followUp}
            < Dank u wel. Ik heb genoteerd: Noor is ziek op woensdag 25 november. Ik geef het door aan Juf Marloes. Beterschap voor Noor!
            """);

        Assert.Equal(["2026-11-24 Noor sick", "2026-11-24 Sem sick", "2026-11-25 Noor sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Theory]
    [InlineData("hij gaat morgen toch naar school")]
    [InlineData("morgen gaat hij toch gewoon naar school")]
    public async Task BackAtSchoolTomorrowAfterAllWithdrawsTomorrowOnly(string followUp)
    {
        await _app.RunAsync(TimParent, $"""
            > Tim is vandaag en morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Tim is ziek
            > {followUp}
            < Ik heb de melding voor woensdag 25 november ingetrokken. Dit blijft staan: Tim is ziek op dinsdag 24 november. Ik geef het door aan Juf Fatima.
            """);

        Assert.Equal(["2026-11-24 Tim sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task OneOfTwoGoingInTomorrowAfterAllInEnglishKeepsTheOther()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma and Oliver are sick today and tomorrow
            <~ Is that right?
            > yes
            <~ I have noted
            > Oliver is going in tomorrow after all
            < I have taken back the report for Oliver on Wednesday 25 November. Still noted: Oliver is sick on Tuesday 24 November. I will pass it on to Meester Yusuf.
            """);

        Assert.Equal(["2026-11-24 Emma sick", "2026-11-24 Oliver sick", "2026-11-25 Emma sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task GoingInTomorrowAfterAllInEnglishWithdrawsTomorrowOnlyAndNoThanksIsNoNewReport()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Oliver is sick today and tomorrow
            <~ Is that right?
            > yes
            <~ I have noted: Oliver is sick
            > he's going to school tomorrow after all
            < I have taken back the report for Wednesday 25 November. Still noted: Oliver is sick on Tuesday 24 November. I will pass it on to Meester Yusuf.
            > no thanks
            < You are welcome! Type 'menu' if there is anything else.
            """);

        Assert.Equal(["2026-11-24 Oliver sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task OneChildHomeTomorrowTooAndTheOtherAtSchoolInEnglishAddsTheOneOnly()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Emma and Oliver are sick today
            <~ Is that right?
            > yes
            <~ I have noted
            > Emma is staying home tomorrow too, Oliver is going to school tomorrow
            < Thank you. I have noted: Emma is sick on Wednesday 25 November. I will pass it on to Meester Kees. We hope Emma feels better soon!
            """);

        Assert.Equal(["2026-11-24 Emma sick", "2026-11-24 Oliver sick", "2026-11-25 Emma sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task OneChildOfTwoAtSchoolTomorrowAfterAllKeepsTheOthersDays()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor en Sem zijn vandaag en morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            > sem gaat morgen toch naar school
            < Ik heb de melding voor Sem op woensdag 25 november ingetrokken. Dit blijft staan: Sem is ziek op dinsdag 24 november. Ik geef het door aan Juf Esther.
            """);

        Assert.Equal(["2026-11-24 Noor sick", "2026-11-24 Sem sick", "2026-11-25 Noor sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task NoThankYouAfterAWithdrawalIsNoNewReport()
    {
        await _app.RunAsync(TimParent, """
            > tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Tim is ziek
            > hij gaat toch naar school
            < Ik heb de melding ingetrokken: Tim is ziek op dinsdag 24 november. Ik geef het door aan Juf Fatima.
            > nee dank u
            < Graag gedaan! Typ 'menu' als u nog iets wilt doen.
            """);

        Assert.Empty(await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Theory]
    [InlineData("Tim is vanochtend bij de tandarts", "2026-11-24 Tim appointment -12:00")]
    [InlineData("Tim is vanaf morgn ziek", "2026-11-25 Tim sick")]
    [InlineData("tim moet vanochtend naar de huisarts", "2026-11-24 Tim appointment -12:00")]
    [InlineData("tim vanaf morgn thuis, hij heeft griep", "2026-11-25 Tim sick")]
    public async Task MoreDayWordsAreUnderstood(string message, string row)
    {
        await _app.RunAsync(TimParent, $"""
            > {message}
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd
            """);

        Assert.Equal(row, (await OverviewAsync("2026-11-24", "2026-11-25"))[0]);
    }

    [Theory]
    [InlineData("Oliver will be late, until 10")]
    [InlineData("Oliver will be in at 10")]
    [InlineData("oliver will be late today, until 10")]
    public async Task ArrivingAtTenInEnglishIsLateUntilTen(string message)
    {
        await _app.RunAsync(EnglishParentOfTwo, $"""
            > {message}
            <~ Is that right?
            > yes
            <~ I have noted
            """);

        Assert.Equal(["2026-11-24 Oliver other -10:00"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    private Task<List<string>> OverviewAsync(string from, string to) => _app.AbsenceOverviewAsync(ApiKey, from, to);
}
