using System.Net.Http.Json;
using OuderBot.Channels.Local;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Feedback;

/// <summary>
/// Parents give compliments, complaints and suggestions by chat at De Driehoek, through the real host on the embedded
/// store, with the clock on Tuesday 24 November 2026 at 07:45. No mail server: nothing is mailed here (see
/// <see cref="FeedbackDirectorMailTests"/>).
/// </summary>
public sealed class FeedbackConversationTests : IAsyncLifetime
{
    private readonly LogLines _logs = new();
    private BotApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FeedbackApp.Create(_logs);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AComplimentForATeacherByNameAsksForTheParentsWordsThenBothQuestionsInOneMessage()
    {
        await _app.RunAsync(TimParent, """
            > Ik wil een compliment geven aan meester Kees
            < Wat wilt u Meester Kees laten weten? Schrijf het in uw eigen woorden.
            > Hij heeft Tim zo fijn geholpen bij de voorleeswedstrijd
            < Nog 2 vragen. 1) Wilt u anoniem blijven voor Meester Kees? Alleen de administratie ziet dan uw naam. 2) Wilt u dat de school contact met u opneemt? Antwoord bijvoorbeeld: ja nee
            > nee nee
            < Dank u wel! Ik geef uw compliment door aan Meester Kees.
            """);

        var item = Assert.Single(await _app.FeedbackAsync());
        Assert.Equal("compliment", item.GetProperty("kind").GetString());
        Assert.Equal("teacher", item.GetProperty("about").GetString());
        Assert.Equal("Meester Kees", item.GetProperty("teacher").GetString());
        Assert.Equal("Hij heeft Tim zo fijn geholpen bij de voorleeswedstrijd", item.GetProperty("text").GetString());
        Assert.False(item.GetProperty("anonymous").GetBoolean());
        Assert.False(item.GetProperty("contactWanted").GetBoolean());
        Assert.Equal("Lotte Bakker", item.GetProperty("sender").GetProperty("name").GetString());
        Assert.Equal(TimParent, item.GetProperty("sender").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task AnEnglishComplimentWithItsWordsInTheFirstMessageGoesStraightToTheTwoQuestions()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > I want to give a compliment to Meester Kees, he helps Emma so patiently with her reading
            < Two more questions. 1) Do you want to stay anonymous to Meester Kees? Then only the school office sees your name. 2) Would you like the school to contact you? Answer for example: yes no
            > yes, no
            < Thank you! I will pass your compliment on to Meester Kees. Your name stays with the school office.
            """);

        var item = Assert.Single(await _app.FeedbackAsync());
        Assert.Equal("I want to give a compliment to Meester Kees, he helps Emma so patiently with her reading", item.GetProperty("text").GetString());
        Assert.True(item.GetProperty("anonymous").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("sender").ValueKind);
    }

    [Fact]
    public async Task AComplaintAboutATeacherIsToldTheSchoolsProcedureTeacherThenDirectorThenCommittee()
    {
        await _app.RunAsync(TimParent, """
            > ik heb een klacht over juf Fatima
            < Wat wilt u Juf Fatima laten weten? Schrijf het in uw eigen woorden.
            > Tim krijgt al drie weken geen huiswerk mee terwijl dat wel beloofd was
            <~ 1) Wilt u anoniem blijven voor Juf Fatima?
            > nee, graag contact
            < Uw klacht is genoteerd. Zo gaat het verder: eerst Juf Fatima, dan de directeur (Meester Ruud Verhoeven), daarna de Landelijke Klachtencommissie Onderwijs. De school neemt contact met u op.
            """);

        var item = Assert.Single(await _app.FeedbackAsync());
        Assert.Equal("complaint", item.GetProperty("kind").GetString());
        Assert.Equal("lessen", item.GetProperty("topic").GetString());
        Assert.True(item.GetProperty("contactWanted").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("directorMailedAt").ValueKind);
    }

    [Fact]
    public async Task AnEnglishComplaintAboutTheLunchBreakGoesToTheDirectorFirst()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > I have a complaint
            < What would you like to tell the school? Please write it in your own words.
            > The lunch break is chaos every day and nobody watches the children
            <~ 1) Do you want to stay anonymous to the teachers?
            > yes yes
            < Your complaint has been noted. What happens next: first the director (Meester Ruud Verhoeven), then de Landelijke Klachtencommissie Onderwijs. Your name stays with the school office. The school will contact you.
            """);

        var item = Assert.Single(await _app.FeedbackAsync());
        Assert.Equal("topic", item.GetProperty("about").GetString());
        Assert.Equal("overblijf", item.GetProperty("topic").GetString());
    }

    [Fact]
    public async Task ASuggestionWithItsWordsInTheFirstMessageIsKeptAboutCommunication()
    {
        await _app.RunAsync(TimParent, """
            > tip: de nieuwsbrief is te lang
            <~ Nog 2 vragen.
            > ja nee
            < Dank u wel voor uw tip. Ik geef hem door aan de school. Uw naam blijft bij de administratie.
            """);
        await _app.RunAsync(EnglishParentOfTwo, """
            > Suggestion: the newsletter is too long, could it be shorter?
            <~ Two more questions.
            > no no
            < Thank you for your suggestion. I will pass it on to the school.
            """);

        var items = await _app.FeedbackAsync();
        Assert.Equal(["suggestion", "suggestion"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.All(items, i => Assert.Equal("communicatie", i.GetProperty("topic").GetString()));
        Assert.Equal("tip: de nieuwsbrief is te lang", items[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task FeedbackThatNamesNoKindIsAskedWhichKindAndAboutTheBotIsKeptAsSuch()
    {
        await _app.RunAsync(TimParent, """
            > ik wil feedback geven over deze chat
            < Wilt u een compliment geven, een klacht melden of een tip geven? Typ het nummer.
            | 1. Compliment
            | 2. Klacht
            | 3. Tip
            > 3
            < Wat wilt u ons over deze chat laten weten? Schrijf het in uw eigen woorden.
            > Een knop om de juf te bellen zou handig zijn
            <~ Nog 2 vragen.
            > ja
            < Graag 2 antwoorden: 1) anoniem blijven? 2) contact met de school? Bijvoorbeeld: ja nee
            > anoniem, geen contact
            < Dank u wel voor uw tip. Ik geef hem door aan de school. Uw naam blijft bij de administratie.
            """);

        var item = Assert.Single(await _app.FeedbackAsync());
        Assert.Equal("bot", item.GetProperty("about").GetString());
        Assert.True(item.GetProperty("anonymous").GetBoolean());
        Assert.False(item.GetProperty("contactWanted").GetBoolean());
    }

    [Fact]
    public async Task AShortThankYouIsThankedAndKeptForTheSchoolWithoutTheTwoQuestionsAndTheOfficeCountsIt()
    {
        await _app.RunAsync(TimParent, """
            > Bedankt voor de snelle reactie
            < Dank u wel voor uw bericht. Ik geef het door aan de school.
            """);

        var item = Assert.Single(await _app.FeedbackAsync());
        Assert.Equal("compliment", item.GetProperty("kind").GetString());
        Assert.Equal("school", item.GetProperty("about").GetString());
        var today = await (await _app.GetAsOfficeAsync("/api/admin/office/today")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(1, today.GetProperty("feedback").GetInt32());
    }

    [Fact]
    public async Task EveryReplyOfTheLongestConversationsFitsInTwoGsm7SmsSegments()
    {
        string[][] conversations =
        [
            ["dringend: ik heb een klacht over de veiligheid bij het oversteken voor school, er rijden auto's veel te hard", "nee ja"],
            ["I have a complaint about Meester Kees", "He shouted at the children in the playground again today", "yes yes"],
            ["ik wil feedback geven", "2", "Het schoolplein is onveilig na schooltijd", "ja ja"],
        ];
        foreach (var (conversation, from) in conversations.Zip(new[] { TimParent, EnglishParentOfTwo, BibiParent }))
        {
            foreach (var text in conversation)
            {
                var response = await _app.PostAsync(new { from, text });
                var body = await response.Content.ReadFromJsonAsync<LocalMessageResponse>();
                Assert.All(body!.Replies, r =>
                {
                    Assert.True(r.Gsm7, $"Not GSM-7: {r.Text}");
                    Assert.True(r.Segments <= 2, $"{r.Segments} segments: {r.Text}");
                });
            }
        }

        Assert.Equal(3, (await _app.FeedbackAsync()).Count);
    }

    [Fact]
    public async Task TheLogsSayWhatCameInWithAMaskedPhoneAndNeverTheParentsWords()
    {
        await _app.RunAsync(TimParent, """
            > Juf Fatima doet het geweldig met de leesclub van Tim
            <~ Nog 2 vragen.
            > nee nee
            <~ Dank u wel!
            """);

        var line = Assert.Single(_logs.All, l => l.Text.StartsWith("Feedback ", StringComparison.Ordinal));
        Assert.Contains("compliment about teacher", line.Text, StringComparison.Ordinal);
        Assert.Contains(line.Properties, p => p.Key == "Parent" && p.Value as string != TimParent);
        Assert.All(_logs.All, l =>
        {
            Assert.DoesNotContain("leesclub", l.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(TimParent, l.Text, StringComparison.Ordinal);
        });
    }
}
