using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Conversations;

// The clock stands at Tuesday 24 November 2026, 07:45 (BotApp.TuesdayMorning).
public sealed class AbsenceConversationTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ParentOfOneChildReportsSickInFourMessagesAndTheSchoolHasTheReport()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil mijn kind ziekmelden
            < Voor welke dag wilt u Tim ziek melden? Bijvoorbeeld: vandaag, morgen of maandag.
            > vandaag
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb Tim ziek gemeld voor dinsdag 24 november. Juf Fatima weet het nu. Beterschap voor Tim!
            """);

        var reports = await Reports("tim-g4");
        var report = Assert.Single(reports);
        Assert.Equal(new DateOnly(2026, 11, 24), report.Start);
        Assert.Equal(new DateOnly(2026, 11, 24), report.End);
        Assert.Equal("sick", report.Kind);
        Assert.Equal("4", report.Group);
        Assert.Equal(TimParent, report.ReportedBy);
        Assert.Equal("local", report.Channel);
    }

    [Fact]
    public async Task ParentWhoSaysItAllAtOnceIsOnlyAskedToConfirm()
    {
        await _app.RunAsync(TimParent, """
            > Tim is morgen ziek
            < Tim is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            > jep
            <~ Ik heb Tim ziek gemeld voor woensdag 25 november.
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
            > olivr
            < For which day would you like to report Oliver sick? For example: today, tomorrow or Monday.
            > tomorrow
            < Oliver is sick on Wednesday 25 November. Is that right? (yes/no)
            > yep
            < Thank you. I have reported Oliver sick for Wednesday 25 November. Meester Yusuf knows now. We hope Oliver feels better soon!
            """);

        Assert.Single(await Reports("oliver-g7"));
        Assert.Empty(await Reports("emma-g3"));
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
    public async Task AWeekendDayGetsAFriendlyCorrectionAndTheNextSchoolDayIsAccepted()
    {
        await _app.RunAsync(TimParent, """
            > Tim is zaterdag ziek
            < Op zaterdag 28 november is er geen school. Voor welke schooldag wilt u Tim ziek melden?
            > maandag
            < Tim is ziek op maandag 30 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task AStudyDayFromTheSchoolsHolidaysGetsACorrectionThatNamesIt()
    {
        await _app.RunAsync(TimParent, """
            > Tim is ziek op 11-12
            < Op vrijdag 11 december is het Studiedag, dan is er geen school. Voor welke schooldag wilt u Tim ziek melden?
            """);
    }

    [Fact]
    public async Task AnUnclearDayGetsARetryAndAfterThreeTriesTheBotGivesUpWithoutGettingStuck()
    {
        await _app.RunAsync(TimParent, """
            > Tim is ziek
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
    public async Task NoAtTheConfirmationSavesNothing()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > nee hoor
            < Oke, ik heb niets opgeslagen. Wilt u Tim toch ziek melden? Stuur dan bijvoorbeeld: 'Tim is vandaag ziek'.
            """);
        Assert.Empty(await Reports("tim-g4"));
    }

    [Fact]
    public async Task AnUnclearConfirmationIsAskedAgain()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > misschien
            < Typ 'ja' of 'nee', alstublieft.
            > kolpt
            <~ Ik heb Tim ziek gemeld
            """);
    }

    [Fact]
    public async Task BothParentsReportingTheSameDayIsOneAbsenceNotTwo()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb Tim ziek gemeld
            """);
        await _app.RunAsync(TimOtherParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb Tim ziek gemeld
            """);

        var report = Assert.Single(await Reports("tim-g4"));
        Assert.Equal(TimParent, report.ReportedBy);
        Assert.Equal([TimOtherParent], report.AlsoReportedBy);
    }

    private Task<IReadOnlyList<AbsenceReport>> Reports(string childId) =>
        _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(childId, CancellationToken.None);
}
