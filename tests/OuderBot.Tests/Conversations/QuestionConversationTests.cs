using Microsoft.Extensions.DependencyInjection;
using OuderBot.Inbox;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Conversations;

// Questions, and what the bot does with messages that need a person. The clock: Tuesday 24 November 2026, 07:45.
public sealed class QuestionConversationTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AClearQuestionGetsTheAnswerWithTheSchoolsOwnTimes()
    {
        await _app.RunAsync(TimParent, """
            > hoe laat begint de school?
            <~ 08:30
            """);
        var answer = Assert.Single(await _app.SendAsync(TimParent, "hoe laat is school uit op woensdag"));
        Assert.Contains("12:30", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerUsesTheSchoolsFactsAndNoPlaceholdersLeak()
    {
        foreach (var question in new[] { "wanneer is de kerstvakantie", "welke dag hebben ze gym", "hoe verloopt een 10-minutengesprek", "hoe dien ik een klacht in", "mag ik extra verlof aanvragen voor een bruiloft" })
        {
            var answer = Assert.Single(await _app.SendAsync(BibiParent, question));
            Assert.DoesNotContain("{", answer, StringComparison.Ordinal);
            Assert.True(answer.Length > 60, $"'{question}' got no real answer: {answer}");
        }

        Assert.Contains("Kerstvakantie", Assert.Single(await _app.SendAsync(BibiParent, "wanneer is de kerstvakantie")), StringComparison.Ordinal);
    }

    // "niet kan betalen" reads like a complaint to the cue words; the parent asked a question and gets the answer,
    // not "Ik geef uw klacht door".
    [Fact]
    public async Task AQuestionThatSoundsLikeAComplaintGetsTheAnswer()
    {
        var answer = Assert.Single(await _app.SendAsync(TimParent, "wat als ik de ouderbijdrage niet kan betalen"));
        Assert.Contains("vrijwillig", answer, StringComparison.Ordinal);
        Assert.Empty(await Inbox());
    }

    // Two questions in one sentence, joined by "en": both answered, the second never dropped; "en" inside one
    // question ("begint en eindigt") stays one answer.
    [Fact]
    public async Task TwoQuestionsJoinedByEnGetBothAnswers()
    {
        var replies = await _app.SendAsync(TimParent, "hoe laat begint school en wanneer is er gym");
        Assert.Equal(2, replies.Count);
        Assert.Contains("08:30", replies[0], StringComparison.Ordinal);
        Assert.Contains("gym", replies[1], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("08:30", replies[1], StringComparison.Ordinal);

        Assert.Contains("12:30", Assert.Single(await _app.SendAsync(TimParent, "hoe laat begint en eindigt de school op woensdag")), StringComparison.Ordinal);
    }

    // A complaint and a question in two sentences: the question answered, the complaint taken (not read whole as
    // "how do I complain", with the question dropped).
    [Fact]
    public async Task AComplaintAndAQuestionAreBothHandled()
    {
        var replies = await _app.SendAsync(BibiParent, "Wij willen een klacht indienen over de overblijf. Hoe laat gaat de school uit op woensdag?");
        Assert.Contains(replies, r => r.Contains("12:30", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("anoniem", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnEnglishParentGetsTheEnglishAnswer()
    {
        var answer = Assert.Single(await _app.SendAsync(EnglishParentOfTwo, "what time does school start?"));
        Assert.Contains("08:30", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Maandag", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionTheBotDoesNotKnowGetsAnHonestAnswerAndCanGoToTheTeacher()
    {
        await _app.RunAsync(BibiParent, """
            > mag je trakteren op een verjaardag?
            < Dat weet ik helaas niet. Zal ik uw vraag doorgeven aan Juf Anouk? (ja/nee)
            > ja
            < Ik heb uw vraag doorgegeven aan Juf Anouk. U krijgt zo snel mogelijk antwoord.
            """);

        var item = Assert.Single(await Inbox());
        Assert.Equal("question", item.Kind);
        Assert.Equal("mag je trakteren op een verjaardag?", item.Text);
        Assert.Equal(["1"], item.Groups);
    }

    [Fact]
    public async Task InTheGreyZoneTheBotAsksWhichTopicIsMeantAndSomethingElseGoesToTheTeacher()
    {
        await _app.RunAsync(BibiParent, """
            > hoe laat eten ze
            <~ 3. Iets anders
            > 3
            < Dat weet ik helaas niet. Zal ik uw vraag doorgeven aan Juf Anouk? (ja/nee)
            > ja
            <~ Ik heb uw vraag doorgegeven
            """);
        Assert.Equal("hoe laat eten ze", Assert.Single(await Inbox()).Text);
    }

    [Fact]
    public async Task AfterALanguageSwitchTheTopicChoiceIsAskedAgainInTheNewLanguage()
    {
        var dutch = Assert.Single(await _app.SendAsync(BibiParent, "hoe laat eten ze"));
        Assert.Contains("2. Overblijven", dutch, StringComparison.Ordinal);
        var replies = await _app.SendAsync(BibiParent, "English please");
        Assert.Equal("From now on I will write to you in English.", replies[0]);
        Assert.StartsWith("Do you mean one of these topics?", replies[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Overblijven", replies[1], StringComparison.Ordinal);
        Assert.Contains("3. Something else", replies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InTheGreyZoneANumberPicksTheAnswer()
    {
        var choice = Assert.Single(await _app.SendAsync(BibiParent, "hoe laat eten ze"));
        Assert.Contains("1. Schooltijden", choice, StringComparison.Ordinal);
        Assert.Contains("2. Overblijven", choice, StringComparison.Ordinal);
        Assert.Contains("continurooster", Assert.Single(await _app.SendAsync(BibiParent, "2")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoToTheOfferKeepsTheQuestionToTheParent()
    {
        await _app.RunAsync(BibiParent, """
            > mag je trakteren op een verjaardag?
            <~ Zal ik uw vraag doorgeven
            > nee
            < Goed, ik heb uw vraag niet doorgegeven. Typ 'menu' om te zien wat ik wel kan.
            """);
        Assert.Empty(await Inbox());
    }

    [Fact]
    public async Task FeedbackIsTakenByTheFeedbackConversationNotPassedOnToTheInbox()
    {
        // The feedback capability (tests/OuderBot.Tests/Feedback) asks its two questions and keeps it itself.
        await _app.RunAsync(TimParent, """
            > wat een leuke kerstviering, dank aan juf Fatima!
            <~ Wilt u anoniem blijven voor Juf Fatima?
            > nee nee
            < Dank u wel! Ik geef uw compliment door aan Juf Fatima.
            """);
        Assert.Empty(await Inbox());
    }

    [Fact]
    public async Task WantingAPersonIsPassedOnToTheTeacher()
    {
        await _app.RunAsync(TimParent, """
            > kan de juf mij vanmiddag even bellen?
            < Ik geef uw bericht door aan Juf Fatima. U hoort zo snel mogelijk van de school.
            """);
        var item = Assert.Single(await Inbox());
        Assert.Equal("handoff", item.Kind);
        Assert.Equal(["tim-g4"], item.ChildIds);
    }

    [Fact]
    public async Task APersonalQuestionAboutOnesOwnChildGoesToTheTeacher()
    {
        await _app.RunAsync(TimParent, """
            > heeft Tim zijn rekentoets goed gemaakt?
            < Ik geef uw bericht door aan Juf Fatima. U hoort zo snel mogelijk van de school.
            """);
        Assert.Equal("handoff", Assert.Single(await Inbox()).Kind);
    }

    [Fact]
    public async Task PlanningATalkAtASchoolWithoutTalkRoundsIsPassedOnHonestly()
    {
        // De Regenboog has no talk rounds in its file: booking by chat is not there, the request goes to the teacher.
        await _app.RunAsync("+31655555556", """
            > ik wil een 10-minutengesprek plannen
            < Een gesprek plannen of verzetten kan nog niet via mij. Ik heb uw vraag doorgegeven aan Juf Sophie. U hoort zo snel mogelijk iets.
            """, to: "de-regenboog");
        var inbox = await _app.Services.GetRequiredService<SchoolInbox>().ForDayAsync(_app.School("de-regenboog"), new DateOnly(2026, 11, 24), CancellationToken.None);
        Assert.Equal("booking", Assert.Single(inbox).Kind);
    }

    [Fact]
    public async Task LeaveIsExplainedNotReportedAsAbsence()
    {
        var answer = Assert.Single(await _app.SendAsync(TimParent, "wij gaan een week eerder op vakantie naar Turkije"));
        Assert.Contains("directeur", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Klopt dat?", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAbsenceForSeveralDaysIsConfirmedAsARange()
    {
        await _app.RunAsync(TimParent, """
            > Tim is t/m vrijdag ziek
            < Tim is ziek van dinsdag 24 tot en met vrijdag 27 november. Klopt dat? (ja/nee)
            > ja
            < Dank u wel. Ik heb genoteerd: Tim is ziek van dinsdag 24 tot en met vrijdag 27 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!
            """);
        await _app.RunAsync(BibiParent, """
            > Bibi blijft thuis tot ze beter is
            < Bibi is ziek vanaf dinsdag 24 november, tot Bibi weer beter is. Klopt dat? (ja/nee)
            """);
    }

    [Fact]
    public async Task TheDayQuestionAcceptsARangeAndOpenEndedSickness()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil mijn kind ziekmelden
            <~ Voor welke dag
            > t/m vrijdag
            < Tim is ziek van dinsdag 24 tot en met vrijdag 27 november. Klopt dat? (ja/nee)
            """);
        await _app.RunAsync(EnglishParentOfTwo, """
            > I want to report my child sick
            <~ 1. Emma
            > Emma
            <~ For which day
            > until she is better
            < Emma is sick from Tuesday 24 November, until Emma is better. Is that right? (yes/no)
            """);
    }

    [Fact]
    public async Task AHandoffIsKeptOnceEvenWhenTheSameMessageArrivesTwice()
    {
        await _app.SendAsync(TimParent, "kan de juf mij bellen?", messageId: "SM-retry-1");
        await _app.SendAsync(TimParent, "kan de juf mij bellen?", messageId: "SM-retry-1");
        Assert.Single(await Inbox());
    }

    [Fact]
    public async Task AChildOfAnotherFamilyIsNeverAcceptedTheParentChoosesFromTheirOwn()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > Tim is sick today
            < I cannot find a child called Tim in your details.
            < Which child would you like to report sick?
            | 1. Emma
            | 2. Oliver
            | 3. Both
            """);
    }

    [Fact]
    public async Task WhatTheNluCommandSaysTheBotDoesIsWhatTheParentGets()
    {
        // answer: the topic's answer; clarify: "Bedoelt u"; abstain: "dat weet ik niet" (faq) or the menu (unknown).
        var cases = new[]
        {
            "hoe laat begint de school?", "wanneer is de kerstvakantie", "hoe laat eten ze",
            "mag je trakteren op een verjaardag?", "mag je eten meenemen naar de klas?", "hoe laat gaat de albert heijn open", "welke dag hebben ze gym", "wat zijn de openingstijden van de bibliotheek",
        };
        var understander = _app.School().Understander;
        var seen = new HashSet<string>();
        foreach (var message in cases)
        {
            var action = understander.Understand(message, new DateTime(2026, 11, 24, 7, 45, 0)).Action;
            var reply = string.Join("\n", await _app.SendAsync(BibiParent, message));
            var got = reply.Contains("Bedoelt u", StringComparison.Ordinal) ? "clarify"
                : reply.Contains("weet ik helaas niet", StringComparison.Ordinal) || reply.Contains("Typ het nummer", StringComparison.Ordinal) ? "abstain"
                : "answer";
            Assert.True(action == got, $"'{message}': nlu says {action}, the parent got: {reply}");
            seen.Add(action);
            await _app.SendAsync(BibiParent, "annuleer"); // whatever the bot asked, the next question starts afresh
        }

        Assert.Equal(["abstain", "answer", "clarify"], seen.Order());
    }

    [Fact]
    public async Task ASickReportWithAQuestionAtTheEndGetsTheAnswerAndTheReport()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek. Wanneer is de kerstvakantie?
            <~ Kerstvakantie: 19 december
            <~ Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            <~ Tim
            """);
    }

    [Fact]
    public async Task AReportThatAlsoAsksForACallBackIsPassedOnAndRecorded()
    {
        await _app.RunAsync(TimParent, """
            > Tim is morgen ziek. Kan de juf mij bellen over zijn rapport?
            < Ik geef uw bericht door aan Juf Fatima. U hoort zo snel mogelijk van de school.
            < Tim is ziek op woensdag 25 november. Klopt dat? (ja/nee)
            """);
        Assert.Equal("handoff", Assert.Single(await Inbox()).Kind);
    }

    [Fact]
    public async Task ALongAnswerFitsInTwoTextMessagesAndTheRestFollowsOnMeer()
    {
        var first = Assert.Single(await _app.SendAsync(BibiParent, "hoe verloopt een 10-minutengesprek"));
        Assert.True(OuderBot.Channels.Twilio.SmsSegments.Count(first) <= 2, $"{first.Length} characters: {first}");
        Assert.EndsWith("Typ 'meer' voor de rest.", first, StringComparison.Ordinal);
        var rest = Assert.Single(await _app.SendAsync(BibiParent, "meer"));
        Assert.Contains("nieuwe afspraak", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("meer", rest, StringComparison.Ordinal);
        // Nothing held back any more: "meer" is just a word now.
        Assert.DoesNotContain("nieuwe afspraak", string.Join("\n", await _app.SendAsync(BibiParent, "meer")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAnswerOfTheKnowledgeBaseFitsInTwoTextMessages()
    {
        var school = _app.School();
        foreach (var topic in school.Knowledge.Topics)
        {
            foreach (var language in new[] { "nl", "en" })
            {
                var text = OuderBot.Faq.FaqKnowledgeBase.Render(topic, language, school.Data, new DateOnly(2026, 11, 24), "Juf Anouk");
                var hint = language == "nl" ? "Typ 'meer' voor de rest." : "Text 'more' for the rest.";
                var (part, rest) = OuderBot.Bot.TurnContext.FirstPart(text, hint);
                var sent = rest is null ? part : part + "\n" + hint;
                Assert.True(OuderBot.Channels.Twilio.SmsSegments.Count(sent) <= 2, $"{topic.Id} ({language}): {sent}");
                Assert.Equal(Words(text), Words(part + " " + rest));
            }
        }

        static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    private Task<IReadOnlyList<InboxItem>> Inbox() =>
        _app.Services.GetRequiredService<SchoolInbox>().ForDayAsync(_app.School(), new DateOnly(2026, 11, 24), CancellationToken.None);
}
