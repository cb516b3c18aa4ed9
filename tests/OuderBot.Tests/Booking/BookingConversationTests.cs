using Microsoft.Extensions.Time.Testing;
using OuderBot.Channels.Twilio;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Booking;

/// <summary>
/// Booking De Driehoek's 10-minutengesprekken by chat, through the real host, with the clock on Tuesday 24 November
/// 2026 at 07:45 (booking is open from 16 until 27 November; the talks are on 1 and 3 December).
/// </summary>
public sealed class BookingConversationTests : IAsyncLifetime
{
    private const string Link = "http://localhost:5080/api/talks/de-driehoek/";
    private BotApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new BotApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AParentBooksByNumberAfterLookingAtOtherTimesAndGetsAReceiptWithACalendarLink()
    {
        await _app.RunAsync(TimParent, $"""
            > Ik wil een gesprek met de juf van Tim
            < Vrije tijden voor Tim bij Juf Fatima:
            | 1. di 1 dec 15:00
            | 2. di 1 dec 15:15
            | 3. di 1 dec 15:30
            | 4. Andere tijden
            | Kies een nummer, of noem een dag of tijd.
            > 4
            < Vrije tijden voor Tim bij Juf Fatima:
            | 1. di 1 dec 15:45
            | 2. di 1 dec 16:00
            | 3. di 1 dec 16:15
            | 4. Andere tijden
            | Kies een nummer, of noem een dag of tijd.
            > 2
            < Tim: dinsdag 1 december om 16:00 uur bij Juf Fatima, lokaal 4. Zal ik dit vastleggen? (ja/nee)
            > ja
            <~ Staat genoteerd: Tim op dinsdag 1 december om 16:00 uur bij Juf Fatima, lokaal 4. Voor uw agenda: {Link}
            """);

        // The other parent of Tim sees the talk (their own child's) and is offered another time rather than a second talk.
        await _app.RunAsync(TimOtherParent, """
            > 10 minutengesprek plannen
            < Tim heeft al een gesprek op dinsdag 1 december om 16:00 uur bij Juf Fatima, lokaal 4.
            <~ 1. di 1 dec 15:00
            """);
    }

    [Fact]
    public async Task AWishInTheFirstMessageIsUsedAtOnceAndAnExactTimeGoesStraightToTheConfirmation()
    {
        await _app.RunAsync(TimParent, $"""
            > graag een 10 minutengesprek op donderdagavond
            < Vrije tijden voor Tim bij Juf Fatima:
            | 1. do 3 dec 19:00
            | 2. do 3 dec 19:15
            | 3. do 3 dec 19:30
            | 4. Andere tijden
            | Kies een nummer, of noem een dag of tijd.
            > om 8 uur
            < Tim: donderdag 3 december om 20:00 uur bij Juf Fatima, lokaal 4. Zal ik dit vastleggen? (ja/nee)
            > nee
            <~ 1. do 3 dec 19:00
            > donderdag na 8 uur
            <~ 1. do 3 dec 20:00
            > liever dinsdag
            <~ 1. di 1 dec 15:00
            > na half 4
            <~ 1. di 1 dec 15:30
            > ik kan alleen 's avonds
            <~ 1. do 3 dec 19:00
            > 3
            < Tim: donderdag 3 december om 19:30 uur bij Juf Fatima, lokaal 4. Zal ik dit vastleggen? (ja/nee)
            > ja
            <~ Staat genoteerd: Tim op donderdag 3 december om 19:30 uur bij Juf Fatima, lokaal 4. Voor uw agenda: {Link}
            """);
    }

    [Fact]
    public async Task AWishThatNothingFitsGetsAnHonestAnswerAndTheNearestTimes()
    {
        await _app.RunAsync(BibiParent, """
            > 10 minutengesprek plannen
            <~ Vrije tijden voor Bibi bij Juf Anouk:
            > liever dinsdag na 8 uur
            < Daar is helaas niets vrij. Het dichtstbij:
            | 1. di 1 dec 16:15
            | 2. di 1 dec 16:30
            | 3. di 1 dec 16:45
            | 4. Andere tijden
            | Kies een nummer, of noem een andere dag of tijd.
            > Thursday evening
            <~ 1. do 3 dec 19:00
            """);
    }

    [Fact]
    public async Task AParentOfChildrenInTwoGroupsBooksBothTalksBackToBackInEnglish()
    {
        await _app.RunAsync(EnglishParentOfTwo, $"""
            > can I book the parent-teacher meeting
            < Who would you like to book a talk for?
            | 1. Emma
            | 2. Oliver
            | 3. All of them, back to back
            > 3
            < Back to back on one day (Emma: Meester Kees, Oliver: Meester Yusuf):
            | 1. Tue 1 Dec 15:00 Emma + 15:15 Oliver
            | 2. Tue 1 Dec 15:15 Emma + 15:30 Oliver
            | 3. Tue 1 Dec 15:30 Emma + 15:45 Oliver
            | 4. Other times
            | Choose a number, or name a day or time.
            > Thursday evening
            <~ 1. Thu 3 Dec 19:00 Emma + 19:15 Oliver
            > 1
            < Thursday 3 December: 19:00 Emma with Meester Kees (lokaal 3), 19:15 Oliver with Meester Yusuf (lokaal 7). Shall I book these? (yes/no)
            > yes
            <~ Booked on Thursday 3 December: 19:00 Emma with Meester Kees (lokaal 3), 19:15 Oliver with Meester Yusuf (lokaal 7). For your calendar: {Link}
            """);
    }

    [Fact]
    public async Task ChildrenWithNoTimesBackToBackGetTheirTalksOneAtATimeNotTheWaitingList()
    {
        // Meester Kees (Emma) only on Tuesday, Meester Yusuf (Oliver) only on Thursday: no pair.
        using var schools = new SchoolFolder();
        schools.Write("de-driehoek.yaml", SchoolFolder.DemoFile("de-driehoek")
            .Replace("{ name: Meester Kees,  room: lokaal 3 }", "{ name: Meester Kees, room: lokaal 3, days: [{ date: 2026-12-01, from: \"15:00\", to: \"17:00\" }] }", StringComparison.Ordinal)
            .Replace("{ name: Meester Yusuf, room: lokaal 7 }", "{ name: Meester Yusuf, room: lokaal 7, days: [{ date: 2026-12-03, from: \"19:00\", to: \"21:00\" }] }", StringComparison.Ordinal));
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["School:Path"] = schools.Path });
        await app.SendAsync(EnglishParentOfTwo, "can I book the parent-teacher meeting");
        var offer = await app.SendAsync(EnglishParentOfTwo, "3");
        Assert.DoesNotContain(offer, r => r.Contains("waiting list", StringComparison.Ordinal));
        Assert.Contains(offer, r => r.StartsWith("There are no times back to back", StringComparison.Ordinal));
        Assert.StartsWith("Free times for Emma with Meester Kees:\n1. Tue 1 Dec 15:00", offer[^1], StringComparison.Ordinal);
        await app.SendAsync(EnglishParentOfTwo, "1");
        var booked = await app.SendAsync(EnglishParentOfTwo, "yes");
        Assert.StartsWith("Booked: Emma on Tuesday 1 December at 15:00", booked[0], StringComparison.Ordinal);
        Assert.StartsWith("Free times for Oliver with Meester Yusuf:\n1. Thu 3 Dec 19:00", booked[^1], StringComparison.Ordinal);
        await app.SendAsync(EnglishParentOfTwo, "1");
        Assert.StartsWith("Booked: Oliver on Thursday 3 December at 19:00", (await app.SendAsync(EnglishParentOfTwo, "yes"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnglishParentBooksMovesAndCancelsInTheirOwnWords()
    {
        await _app.RunAsync(EnglishParentOfTwo, $"""
            > I would like to book a talk for Emma on Thursday evening
            < Free times for Emma with Meester Kees:
            | 1. Thu 3 Dec 19:00
            | 2. Thu 3 Dec 19:15
            | 3. Thu 3 Dec 19:30
            | 4. Other times
            | Choose a number, or name a day or time.
            > 2
            < Emma: Thursday 3 December at 19:15 with Meester Kees, lokaal 3. Shall I book it? (yes/no)
            > yes
            <~ Booked: Emma on Thursday 3 December at 19:15 with Meester Kees, lokaal 3. For your calendar: {Link}
            > move my appointment
            <~ 1. Tue 1 Dec 15:00
            > Tuesday at 4
            < Move to Tuesday 1 December at 16:00 with Meester Kees, lokaal 3 (Emma)? (yes/no)
            > yes
            <~ Moved: Emma now on Tuesday 1 December at 16:00 with Meester Kees, lokaal 3. The old time is free again.
            > I cannot come to the talk, please cancel it
            < Shall I cancel Emma's talk on Tuesday 1 December at 16:00 with Meester Kees? (yes/no)
            > yes
            < Emma's talk is cancelled. The time is free again for another parent.
            """);
    }

    [Fact]
    public async Task AParentMovesATalkAndTheOldTimeIsFreeAtOnce()
    {
        await BookTimAtThreeAsync();
        await _app.RunAsync(TimParent, """
            > ik kan dinsdag toch niet
            < Vrije tijden voor Tim bij Juf Fatima:
            | 1. do 3 dec 19:00
            | 2. do 3 dec 19:15
            | 3. do 3 dec 19:30
            | 4. Andere tijden
            | Kies een nummer, of noem een dag of tijd.
            > 2
            < Verzetten naar donderdag 3 december om 19:15 uur bij Juf Fatima, lokaal 4 (Tim)? (ja/nee)
            > ja
            <~ Verzet: Tim nu op donderdag 3 december om 19:15 uur bij Juf Fatima, lokaal 4. De oude tijd is weer vrij.
            > verzet mijn afspraak
            <~ 1. di 1 dec 15:00
            > annuleer
            < Oke, ik ben gestopt. Er is niets gemeld of doorgegeven. Typ 'menu' als u iets anders wilt doen.
            """);

        // Not every "kan ... niet" is about the talk.
        Assert.DoesNotContain(await _app.SendAsync(TimParent, "ik kan de gymtas niet vinden"), r => r.Contains("Vrije tijden", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AYesGivenAfterBookingClosedBooksNothingAndSaysBookingHasClosed()
    {
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 16, 58, 0, TimeSpan.FromHours(1)));
        await _app.SendAsync(TimParent, "10 minutengesprek plannen");
        Assert.Contains("(ja/nee)", Assert.Single(await _app.SendAsync(TimParent, "1")), StringComparison.Ordinal);

        _app.Time.Advance(TimeSpan.FromMinutes(3)); // 17:01: booking closed at 17:00
        var reply = Assert.Single(await _app.SendAsync(TimParent, "ja"));
        Assert.StartsWith("Plannen voor de 10-minutengesprekken kon tot", reply, StringComparison.Ordinal);
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OuderBot.Booking.BookingStore>(_app.Services);
        Assert.Empty(await store.OfChildrenAsync(_app.School(), _app.School().Data.Children.Where(c => c.Id == "tim-g4"), CancellationToken.None));
    }

    [Fact]
    public async Task TwoChildrenWithOneTeacherGetOneTalkThatNamesThemBoth()
    {
        const string Julia = "+31666666666"; // Lucas and Mila, both in group 8
        var replies = await _app.SendAsync(Julia, "10 minutengesprek plannen voor Lucas en Mila");
        Assert.StartsWith("Vrije tijden voor Lucas en Mila bij ", replies[^1], StringComparison.Ordinal);
        Assert.Contains("1. di 1 dec 15:00", replies[^1], StringComparison.Ordinal);
        Assert.StartsWith("Lucas en Mila: dinsdag 1 december om 15:00 uur", Assert.Single(await _app.SendAsync(Julia, "1")), StringComparison.Ordinal);
        Assert.StartsWith("Staat genoteerd: Lucas en Mila op dinsdag 1 december om 15:00 uur", Assert.Single(await _app.SendAsync(Julia, "ja")), StringComparison.Ordinal);

        // Mila has that talk: no second slot with the same teacher.
        Assert.Contains(await _app.SendAsync(Julia, "10 minutengesprek plannen voor Mila"), r => r.StartsWith("Lucas en Mila hebben al een gesprek op dinsdag 1 december om 15:00 uur", StringComparison.Ordinal));

        // Cancelled under Mila's name, the one talk goes for both, and either can be booked again.
        await _app.SendAsync(Julia, "annuleren");
        Assert.StartsWith("Zal ik het gesprek van Lucas en Mila op dinsdag 1 december om 15:00 uur", Assert.Single(await _app.SendAsync(Julia, "het gesprek van Mila gaat niet door")), StringComparison.Ordinal);
        Assert.StartsWith("Het gesprek van Lucas en Mila is afgezegd.", Assert.Single(await _app.SendAsync(Julia, "ja")), StringComparison.Ordinal);
        Assert.StartsWith("Vrije tijden voor Mila bij ", (await _app.SendAsync(Julia, "10 minutengesprek plannen voor Mila"))[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageForTheTeacherAboutADayIsPassedOnNotReadAsMovingTheTalk()
    {
        await BookTimAtThreeAsync();
        var replies = await _app.SendAsync(TimParent, "Juf, ik kan donderdag niet helpen bij de kerstviering");
        Assert.DoesNotContain(replies, r => r.Contains("Vrije tijden", StringComparison.Ordinal) || r.Contains("Verzet", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("Juf Fatima", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AParentCancelsATalkAndAnotherParentCanBookThatTimeAtOnce()
    {
        await BookTimAtThreeAsync();
        await _app.RunAsync(TimParent, """
            > het gesprek van Tim gaat niet door
            < Zal ik het gesprek van Tim op dinsdag 1 december om 15:00 uur bij Juf Fatima afzeggen? (ja/nee)
            > ja
            < Het gesprek van Tim is afgezegd. De tijd is weer vrij voor een andere ouder.
            > het gesprek van Tim gaat niet door
            < Ik zie geen gepland gesprek. Wilt u er een plannen? Stuur dan bijvoorbeeld: 10-minutengesprek plannen.
            """);
        await _app.RunAsync(TimOtherParent, """
            > 10 minutengesprek plannen zo vroeg mogelijk
            <~ 1. di 1 dec 15:00
            """);
    }

    [Fact]
    public async Task BeforeTheRoundOpensAParentHearsWhenAndAfterItClosesWhomToAsk()
    {
        await using (var early = new BotApp(time: new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.FromHours(1)))))
        {
            await early.RunAsync(TimParent, """
                > 10 minutengesprek plannen
                < Plannen voor de 10-minutengesprekken kan vanaf maandag 16 november om 09:00 uur. Stuur mij dan gerust een bericht.
                """);
        }

        await using var late = new BotApp(time: new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(1))));
        await late.RunAsync(TimParent, """
            > Ik wil een gesprek met de juf van Tim
            < Plannen voor de 10-minutengesprekken kon tot vrijdag 27 november om 17:00 uur. Wilt u toch een gesprek? Vraag het de administratie (030 123 4567).
            """);
    }

    [Fact]
    public async Task AfterBookingClosesATalkCanStillBeMovedOrCancelledButNotBooked()
    {
        await BookTimAtThreeAsync();
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(1)));
        await _app.RunAsync(BibiParent, """
            > 10 minutengesprek plannen
            < Plannen voor de 10-minutengesprekken kon tot vrijdag 27 november om 17:00 uur. Wilt u toch een gesprek? Vraag het de administratie (030 123 4567).
            """);
        await _app.RunAsync(TimParent, """
            > verzet mijn afspraak
            <~ 1. di 1 dec 15:15
            > annuleer
            <~ ik ben gestopt
            > het gesprek van Tim gaat niet door
            <~ afzeggen? (ja/nee)
            > ja
            < Het gesprek van Tim is afgezegd. De tijd is weer vrij voor een andere ouder.
            """);
    }

    [Fact]
    public async Task WhenAllOfATeachersTimesAreTakenAParentIsOfferedTheWaitingList()
    {
        using var schools = new SchoolFolder();
        schools.Write("de-driehoek.yaml", SchoolFolder.DemoFile("de-driehoek")
            .Replace("{ name: Juf Fatima,    room: lokaal 4 }", "{ name: Juf Fatima, room: lokaal 4, days: [{ date: 2026-12-01, from: \"15:00\", to: \"15:10\" }] }", StringComparison.Ordinal)
            .Replace("families:\n", "families:\n  - parents: [{ name: Mila's Moeder, phone: \"06 12340001\" }]\n    children: [{ firstName: Mila, group: \"4\" }]\n", StringComparison.Ordinal));
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["School:Path"] = schools.Path });
        await app.RunAsync(TimParent, """
            > 10 minutengesprek plannen
            <~ 1. di 1 dec 15:00
            > 1
            <~ Tim: dinsdag 1 december om 15:00 uur
            > ja
            <~ Staat genoteerd
            """);
        await app.RunAsync("+31612340001", """
            > 10 minutengesprek plannen
            < Alle tijden bij Juf Fatima zijn helaas vol. Zal ik Mila op de wachtlijst zetten? Komt er een tijd vrij, dan stuur ik u een bericht. (ja/nee)
            > ja
            < Mila staat op de wachtlijst van Juf Fatima (plek 1). Komt er een tijd vrij, dan hoort u het van mij.
            """);
    }

    [Fact]
    public async Task EveryBookingReplyFitsInTwoSmsSegmentsOfGsm7()
    {
        var replies = new List<string>();
        foreach (var (parent, text) in new[]
        {
            (EnglishParentOfTwo, "can I book the parent-teacher meeting"), (EnglishParentOfTwo, "3"), (EnglishParentOfTwo, "4"), (EnglishParentOfTwo, "1"), (EnglishParentOfTwo, "yes"),
            (NoorAndSemParent, "10 minutengesprek plannen"), (NoorAndSemParent, "3"), (NoorAndSemParent, "donderdag na 8 uur"), (NoorAndSemParent, "1"), (NoorAndSemParent, "ja"),
            (NoorAndSemParent, "verzet mijn afspraak"), (NoorAndSemParent, "1"), (NoorAndSemParent, "ja"), (NoorAndSemParent, "het gesprek van Noor gaat niet door"), (NoorAndSemParent, "ja"),
        })
        {
            replies.AddRange(await _app.SendAsync(parent, text));
        }

        Assert.Contains(replies, r => r.StartsWith("Staat genoteerd op donderdag 3 december: 20:00 Noor", StringComparison.Ordinal));
        Assert.All(replies, r => Assert.True(SmsSegments.IsGsm7(r) && SmsSegments.Count(r) <= 2, $"{SmsSegments.Count(r)} segments: {r}"));
    }

    [Fact]
    public async Task AParentHearsOnlyOfTheirOwnChildrensTalks()
    {
        await BookTimAtThreeAsync();
        await _app.RunAsync(BibiParent, """
            > het gesprek van Tim gaat niet door
            < Ik zie geen gepland gesprek. Wilt u er een plannen? Stuur dan bijvoorbeeld: 10-minutengesprek plannen.
            > Ik wil een gesprek met de juf van Tim
            < Ik vind geen kind met de naam Tim bij uw gegevens.
            < Voor wie wilt u een gesprek plannen?
            | 1. Bibi
            > 1
            <~ Vrije tijden voor Bibi bij Juf Anouk:
            """);
        Assert.DoesNotContain((await _app.SendAsync(BibiParent, "annuleer")).Concat(await _app.SendAsync(BibiParent, "verzet mijn afspraak")), r => r.Contains("Tim", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AParentNamingAChildNotTheirsBooksNothingAndHearsTheSameWhetherOrNotThatChildAttends()
    {
        // Emma attends De Driehoek (Emily's daughter), Anna does not: Tim's parent hears the same about both, and no
        // talk is offered until they choose their own child.
        foreach (var name in new[] { "Emma", "Anna" })
        {
            await _app.RunAsync(TimParent, $"""
                > Ik wil een gesprek met de juf van {name}
                < Ik vind geen kind met de naam {name} bij uw gegevens.
                < Voor wie wilt u een gesprek plannen?
                | 1. Tim
                > annuleren
                < Oke, ik ben gestopt. Er is niets gemeld of doorgegeven. Typ 'menu' als u iets anders wilt doen.
                """);
        }

        await _app.RunAsync(EnglishParentOfTwo, """
            > can I book a meeting with Anna's teacher
            < I cannot find a child called Anna in your details.
            <~ Who would you like to book a talk for?
            """);
    }

    [Fact]
    public void EveryBookingTextFitsInTwoSmsSegmentsWithLongNames()
    {
        var texts = OuderBot.Dialogs.Texts.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "prompts"));
        var args = new Dictionary<string, string>
        {
            ["child"] = "Maximiliaan",
            ["children"] = "Maximiliaan: Meester Yusuf, Alexandra: Juf Marloes",
            ["teacher"] = "Meester Yusuf",
            ["room"] = "lokaal 8",
            ["date"] = "woensdag 30 december",
            ["until_date"] = "woensdag 30 december",
            ["time"] = "20:45",
            ["until"] = "20:45",
            ["round"] = "10-minutengesprekken",
            ["contact"] = "de administratie (030 123 4567)",
            ["phone"] = "030 123 4567",
            ["place"] = "160",
            ["kind"] = "10-minutengesprek",
            ["note"] = " (" + new string('x', 100) + ")",
            ["link"] = "https://bot.obs-de-driehoek.example/api/talks/de-driehoek/WxYzAbCdEfGhIjKlMnOpQrStUv.ics" /* a mark of 4 and a token of 22 */,
            ["talks"] = "15:00 Maximiliaan bij Meester Yusuf (lokaal 8), 15:15 Alexandra bij Juf Marloes (lokaal 2)",
            ["choices"] = "1. di 29 dec 15:00 Maximiliaan + 15:15 Alexandra\n2. di 29 dec 15:15 Maximiliaan + 15:30 Alexandra\n3. di 29 dec 15:30 Maximiliaan + 15:45 Alexandra\n4. Andere tijden",
        };
        foreach (var language in OuderBot.Dialogs.Texts.Languages)
        {
            foreach (var key in texts.Keys(language).Where(k => k.StartsWith("booking.", StringComparison.Ordinal) && k != "booking.not_yet"))
            {
                // An invitation lists at most four single times and "Geen van deze tijden".
                var text = texts.Render(language, key, key == "booking.invitation"
                    ? new Dictionary<string, string>(args) { ["choices"] = "1. wo 30 dec 13:00\n2. wo 30 dec 13:30\n3. wo 30 dec 14:00\n4. wo 30 dec 14:30\n5. Geen van deze tijden" }
                    : args);
                Assert.True(SmsSegments.IsGsm7(text) && SmsSegments.Count(text) <= 2, $"{language} {key}: {SmsSegments.Count(text)} segments: {text}");
            }
        }
    }

    private Task BookTimAtThreeAsync() => _app.RunAsync(TimParent, $"""
        > 10 minutengesprek plannen
        <~ 1. di 1 dec 15:00
        > 1
        <~ Tim: dinsdag 1 december om 15:00 uur
        > ja
        <~ {Link}
        """);
}
