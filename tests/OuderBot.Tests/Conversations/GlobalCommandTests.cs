using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Conversations;

public sealed class GlobalCommandTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CancelInTheMiddleOfAQuestionStopsItAndSavesNothing()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil Tim ziek melden
            <~ Voor welke dag
            > laat maar
            < Oke, ik heb niets gemeld.
            > vandaag
            < Daar kan ik u helaas niet mee helpen.
            <~ Waarmee kan ik u helpen?
            """);
    }

    [Fact]
    public async Task CancelWithNothingOpenSaysSo()
    {
        await _app.RunAsync(BibiParent, """
            > annuleer
            < Er loopt nu geen vraag. Typ 'menu' om te zien wat ik kan.
            """);
    }

    [Fact]
    public async Task TwilioReservedWordsOnlyStopARunningQuestion()
    {
        // "stop" and "cancel" are Twilio's opt-out words on SMS (the bot never sees them there, TwilioWebhookTests);
        // over WhatsApp and the chat they stop a running question (issue 12, brief e12f), and are no command without one.
        await _app.RunAsync(TimParent, """
            > Ik wil Tim ziek melden
            <~ Voor welke dag
            > stop
            < Oke, ik heb niets gemeld.
            > Ik wil Tim ziek melden
            <~ Voor welke dag
            > cancel
            < Oke, ik heb niets gemeld.
            """);
    }

    [Fact]
    public async Task SwitchingLanguageInTheMiddleAsksTheSameQuestionAgainInTheNewLanguage()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil Tim ziek melden
            < Voor welke dag wilt u Tim ziek melden? Bijvoorbeeld: vandaag, morgen of maandag.
            > English please
            < From now on I will write to you in English.
            < For which day would you like to report Tim sick? For example: today, tomorrow or Monday.
            > today
            < Tim is sick on Tuesday 24 November. Is that right? (yes/no)
            > nederlands
            < Vanaf nu schrijf ik u in het Nederlands.
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task HelpInTheMiddleExplainsAndRepeatsTheQuestion()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil Tim ziek melden
            <~ Voor welke dag
            > hulp
            < U zit midden in een vraag. Geef antwoord, of typ 'annuleer' om te stoppen.
            < Voor welke dag wilt u Tim ziek melden? Bijvoorbeeld: vandaag, morgen of maandag.
            """);
    }

    [Fact]
    public async Task AMessageTheBotCannotPlaceGetsTheMenuAndANumberPicksFromIt()
    {
        await _app.RunAsync(BibiParent, """
            > wat voor weer wordt het?
            < Daar kan ik u helaas niet mee helpen.
            < Waarmee kan ik u helpen? Typ het nummer, of schrijf het in uw eigen woorden.
            | 1. Mijn kind ziek of afwezig melden
            | 2. Een vraag stellen
            | 3. Switch to English
            > 1
            < Voor welke dag wilt u Bibi ziek melden? Bijvoorbeeld: vandaag, morgen of maandag.
            > menu
            <~ 3. Switch to English
            > 2
            <~ Stel uw vraag maar.
            > menu
            <~ 3. Switch to English
            > 3
            < From now on I will write to you in English.
            """);
    }

    [Fact]
    public async Task AGreetingIsAnsweredByName()
    {
        await _app.RunAsync(BibiParent, """
            > Hoi!
            < Hallo Sanne. Waarmee kan ik u helpen? Typ 'menu' om te zien wat ik kan.
            > bedankt
            < Graag gedaan! Typ 'menu' als u nog iets wilt doen.
            """);
    }

    [Fact]
    public async Task AnUnknownNumberHearsWhoCanUseTheBotAndNoChildsData()
    {
        var replies = await _app.SendAsync(Stranger, "Tim is ziek");
        var reply = Assert.Single(replies);
        Assert.Contains("Alleen ouders en verzorgers", reply, StringComparison.Ordinal);
        Assert.Contains("030 123 4567", reply, StringComparison.Ordinal);
        foreach (var child in new[] { "Tim", "Bibi", "Fatima", "Juf", "groep", "Groep" })
        {
            Assert.DoesNotContain(child, reply, StringComparison.Ordinal);
        }

        Assert.Contains("Only parents and carers", Assert.Single(await _app.SendAsync(Stranger, "hello, my son is sick")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClearlyEnglishFirstMessageIsAnsweredInEnglish()
    {
        await _app.RunAsync(TimParent, """
            > Hello, my son Tim is sick today
            < Tim is sick on Tuesday 24 November. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task ALanguageTheBotDoesNotWriteGetsAnHonestAnswer()
    {
        await _app.RunAsync(BibiParent, """
            > Spreekt u ook Turks?
            < Sorry, ik schrijf alleen Nederlands en Engels. Typ 'English' voor Engels.
            > kan het in het engels?
            < From now on I will write to you in English.
            """);
    }

    [Fact]
    public async Task AQuestionLeftOpenForHoursIsForgottenSoANewMessageStartsAfresh()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil Tim ziek melden
            <~ Voor welke dag
            """);
        _app.Time.Advance(TimeSpan.FromHours(5));
        await _app.RunAsync(TimParent, """
            > vandaag
            < Daar kan ik u helaas niet mee helpen.
            <~ Waarmee kan ik u helpen?
            """);
    }
}
