using Microsoft.Extensions.DependencyInjection;
using OuderBot.Inbox;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Absence;

// What a parent means after (and before) the receipt (issue 12, brief e12f): "ook" without an absence, a day the child is
// only back on, a question that names a day, a late arrival on another day, and stopping the dialog. Each transcript
// asserts what the parent sees and what the office's overview then holds. The clock stands at Tuesday 24 November 2026,
// 07:45 unless a test moves it to Monday 23 November. Noor: Juf Marloes, Sem: Juf Esther; Tim: Juf Fatima; Emma: Meester Kees.
public sealed class AbsenceFollowUpIntentTests : IAsyncLifetime
{
    private const string ApiKey = "office-secret";

    private readonly BotApp _app = new(settings: new Dictionary<string, string?> { ["Admin:SchoolKeys:de-driehoek"] = ApiKey });

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // 1. "ook" adds a child only with words of an absence.
    [Fact]
    public async Task BulliedTooAfterTheReceiptIsNoReportForTheOtherChild()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek
            """);
        var replies = await _app.SendAsync(NoorAndSemParent, "Sem wordt ook gepest");

        Assert.DoesNotContain(replies, r => r.Contains("genoteerd", StringComparison.Ordinal) || r.Contains("Voor welke dag", StringComparison.Ordinal));
        Assert.Equal(["2026-11-24 Noor sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task RemarkWithOokAfterTheReceiptIsPassedOnToTheOtherChildsTeacher()
    {
        await _app.RunAsync(NoorAndSemParent, """
            > Noor is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Noor is ziek
            > Sem heeft ook last van de kou
            < Ik geef uw bericht door aan Juf Esther. U hoort zo snel mogelijk van de school.
            """);

        Assert.Equal(["2026-11-24 Noor sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
        var item = Assert.Single(await _app.Services.GetRequiredService<SchoolInbox>().ForDayAsync(_app.School(), new DateOnly(2026, 11, 24), CancellationToken.None));
        Assert.Equal(["sem-g6"], item.ChildIds);
    }

    [Theory]
    [InlineData(NoorAndSemParent, "Noor is vandaag ziek", "Sem heeft het ook", "Sem is ziek op dinsdag 24 november", "2026-11-24 Noor sick|2026-11-24 Sem sick")]
    [InlineData(NoorAndSemParent, "Noor is vandaag ziek", "sem blijft ook thuis", "Sem is ziek op dinsdag 24 november", "2026-11-24 Noor sick|2026-11-24 Sem sick")]
    [InlineData(EnglishParentOfTwo, "Emma is sick today", "Oliver has it too unfortunately", "Oliver is sick on Tuesday 24 November", "2026-11-24 Emma sick|2026-11-24 Oliver sick")]
    public async Task OokWithAnAbsenceOrNothingMoreStillAddsTheChild(string parent, string report, string followUp, string noted, string rows)
    {
        await _app.RunAsync(parent, $"""
            > {report}
            <~ ?
            > {(parent == EnglishParentOfTwo ? "yes" : "ja")}
            <~ .
            > {followUp}
            <~ {noted}
            """);

        Assert.Equal(rows.Split('|'), await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    // 3. A question names a day, it takes nothing back.
    [Theory]
    [InlineData("moet hij morgen zijn gymspullen mee naar school")]
    [InlineData("moet hij morgen zijn gymspullen mee naar school?")]
    public async Task AQuestionAboutTheDayAfterTheReceiptKeepsTheDay(string question)
    {
        await _app.RunAsync(TimParent, """
            > Tim is morgen ziek
            <~ Klopt dat?
            > ja
            <~ Ik heb genoteerd: Tim is ziek op woensdag 25 november.
            """);
        var replies = await _app.SendAsync(TimParent, question);

        Assert.DoesNotContain(replies, r => r.Contains("ingetrokken", StringComparison.Ordinal));
        Assert.Equal(["2026-11-25 Tim sick"], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    // 4. Coming at a time on another day is a late arrival that day.
    [Theory]
    [InlineData(TimParent, "Tim komt morgen om 10 uur op school", "Tim is afwezig op woensdag 25 november, tot 10.00 uur. Klopt dat? (ja/nee)", "ja", "2026-11-25 Tim other -10:00")]
    [InlineData(TimParent, "tim komt donderdag pas om half 11 op school", "Tim is afwezig op donderdag 26 november, tot 10.30 uur. Klopt dat? (ja/nee)", "ja", "2026-11-26 Tim other -10:30")]
    [InlineData(NoorAndSemParent, "Sem komt morgen om 9.30 uur", "Sem is afwezig op woensdag 25 november, tot 9.30 uur. Klopt dat? (ja/nee)", "ja", "2026-11-25 Sem other -09:30")]
    public async Task ComingAtATimeOnAnotherDayIsALateArrivalThatDay(string parent, string message, string confirmation, string yes, string row)
    {
        await _app.RunAsync(parent, $"""
            > {message}
            < {confirmation}
            > {yes}
            <~ genoteerd
            """);

        Assert.Equal([row], await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    // 5. Stopping the dialog at any of its questions.
    [Theory]
    [InlineData("mijn kind is ziek", "stop")]
    [InlineData("mijn kind is ziek", "Stop!")]
    [InlineData("mijn kind is ziek", "annuleer")]
    [InlineData("Noor is ziek", "laat maar")]
    [InlineData("Noor is ziek", "nee laat maar")]
    [InlineData("Sem heeft morgen de tandarts", "stop")]
    [InlineData("Noor is morgen afwezig", "cancel")]
    public async Task StopAtAQuestionOfTheDialogReportsNothing(string report, string stop)
    {
        await _app.SendAsync(NoorAndSemParent, report);
        await _app.RunAsync(NoorAndSemParent, $"""
            > {stop}
            < Oke, ik heb niets gemeld.
            """);

        Assert.Empty(await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    [Fact]
    public async Task StopInEnglishReportsNothingAndTheNextMessageStartsAfresh()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > my child is sick
            <~ Which child
            > cancel
            < OK, I have not reported anything.
            > Oliver is sick today
            < Oliver is sick on Tuesday 24 November. Is that right? (yes/no)
            """);

        Assert.Empty(await OverviewAsync("2026-11-24", "2026-11-27"));
    }

    private Task<List<string>> OverviewAsync(string from, string to) => _app.AbsenceOverviewAsync(ApiKey, from, to);
}

// "pas donderdag", "not back until Thursday" said on Monday 23 November 2026, 07:45 (issue 12, brief e12f).
public sealed class AbsenceBackOnTests : IAsyncLifetime
{
    private const string ApiKey = "office-secret";

    private readonly BotApp _app = new(settings: new Dictionary<string, string?> { ["Admin:SchoolKeys:de-driehoek"] = ApiKey },
        time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(BotApp.TuesdayMorning.AddDays(-1)));

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("Tim gaat pas donderdag naar school")]
    [InlineData("tim komt pas donderdag weer naar school")]
    [InlineData("Tim is pas donderdag weer op school")]
    public async Task OnlyBackOnThursdayOnAMondayIsAwayThroughWednesday(string message)
    {
        await _app.RunAsync(TimParent, $"""
            > {message}
            <~ Waarom
            > 1
            < Tim is ziek van maandag 23 tot en met woensdag 25 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: Tim is ziek van maandag 23 tot en met woensdag 25 november.
            """);

        Assert.Equal(["2026-11-23 Tim sick", "2026-11-24 Tim sick", "2026-11-25 Tim sick"], await OverviewAsync("2026-11-23", "2026-11-27"));
    }

    [Theory]
    [InlineData("Emma is not back until Thursday")]
    [InlineData("emma won't be in till thursday")]
    public async Task NotBackUntilThursdayInEnglishIsAwayThroughWednesday(string message)
    {
        await _app.RunAsync(EnglishParentOfTwo, $"""
            > {message}
            <~ Why
            > sick
            < Emma is sick from Monday 23 up to and including Wednesday 25 November. Is that right? (yes/no)
            > yes
            <~ I have noted: Emma is sick from Monday 23 up to and including Wednesday 25 November.
            """);

        Assert.Equal(["2026-11-23 Emma sick", "2026-11-24 Emma sick", "2026-11-25 Emma sick"], await OverviewAsync("2026-11-23", "2026-11-27"));
    }

    [Theory]
    [InlineData(NoorAndSemParent, "Noor is ziek", "ja", "ze gaat pas donderdag weer naar school", "Ik heb het aangepast: Noor is ziek van maandag 23 tot en met woensdag 25 november.", "Noor")]
    [InlineData(NoorAndSemParent, "noor heeft koorts", "ja", "ze is er pas donderdag weer", "Ik heb het aangepast: Noor is ziek van maandag 23 tot en met woensdag 25 november.", "Noor")]
    [InlineData(EnglishParentOfTwo, "Emma is sick", "yes", "she's not back until Thursday", "I have changed it: Emma is sick from Monday 23 up to and including Wednesday 25 November.", "Emma")]
    public async Task OnlyBackOnThursdayAfterTheReceiptExtendsTheReportThroughWednesday(string parent, string report, string yes, string followUp, string changed, string child)
    {
        await _app.RunAsync(parent, $"""
            > {report}
            <~ 23
            > {yes}
            <~ 23
            > {followUp}
            <~ {changed}
            """);

        Assert.Equal([$"2026-11-23 {child} sick", $"2026-11-24 {child} sick", $"2026-11-25 {child} sick"], await OverviewAsync("2026-11-23", "2026-11-27"));
    }

    private Task<List<string>> OverviewAsync(string from, string to) => _app.AbsenceOverviewAsync(ApiKey, from, to);
}
