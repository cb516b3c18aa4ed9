using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Bot;
using OuderBot.Inbox;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Privacy;

/// <summary>"Verwijder mijn gegevens": the parent's conversation and messages go, what the school must keep stays, and the bot says which.</summary>
public sealed class ErasureTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IStateStore Store => _app.Services.GetRequiredService<IStateStore>();

    [Fact]
    public async Task AParentWhoErasesTheirDataLosesConversationAndMessagesWhileTheAbsenceStays()
    {
        await _app.RunAsync(TimParent, """
            > Tim is vandaag ziek
            <~ Klopt dat?
            > ja
            <~ Dank u wel.
            > mag je trakteren op een verjaardag?
            <~ Zal ik uw vraag doorgeven
            > ja
            <~ doorgegeven
            > Kan de juf mij bellen over Tim?
            <~ Juf Fatima
            """);
        await _app.SendAsync(BibiParent, "mag je trakteren op een verjaardag?");
        await _app.SendAsync(BibiParent, "ja");

        await _app.RunAsync(TimParent, """
            > verwijder mijn gegevens
            < Wilt u dat ik ons gesprek en uw berichten aan school wis? Uw ziekmeldingen blijven bewaard. (ja/nee)
            > ja
            < Gewist: ons gesprek en 2 bericht(en) aan school. Bewaard blijven uw ziekmeldingen (de school moet verzuim bijhouden, Leerplichtwet) en een STOP als u die stuurde. Uw naam en nummer beheert de school: info@dedriehoek.example.
            """);

        var inbox = await InboxAsync();
        Assert.DoesNotContain(inbox, i => i.ParentPhone == TimParent);
        Assert.Single(inbox, i => i.ParentPhone == BibiParent);
        var conversation = Encoding.UTF8.GetString((await Store.ReadAsync(ConversationStore.Key(_app.School(), TimParent)))!.Content.Span);
        Assert.DoesNotContain("Tim", conversation, StringComparison.Ordinal);
        Assert.Single(await _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), "tim-g4", CancellationToken.None));
    }

    [Fact]
    public async Task TheRequestToEraseIsNotItselfKeptAsAMessageToTheSchool()
    {
        await _app.SendAsync(BibiParent, "Ik wil dat u al mijn gegevens verwijdert, verwijder mijn gegevens graag");
        await _app.SendAsync(BibiParent, "ja");

        Assert.Empty(await InboxAsync());
    }

    [Fact]
    public async Task SayingNoErasesNothing()
    {
        await _app.SendAsync(TimParent, "mag je trakteren op een verjaardag?");
        await _app.SendAsync(TimParent, "ja");

        await _app.RunAsync(TimParent, """
            > wis mijn gegevens
            <~ (ja/nee)
            > nee
            < Goed, ik heb niets gewist. Typ 'menu' om te zien wat ik kan.
            """);

        Assert.Single(await InboxAsync());
    }

    [Fact]
    public async Task AnEnglishParentIsAskedAndAnsweredInEnglish()
    {
        await _app.RunAsync(EnglishParentOfTwo, """
            > please delete my data
            < Do you want me to delete our conversation and your messages to the school? Your absence reports are kept. (yes/no)
            > yes
            <~ Deleted: our conversation and 0 message(s) to the school.
            """);
    }

    [Fact]
    public async Task AfterACancelTheBotClaimsOnlyWhatIsTrue()
    {
        // With message ids (as Twilio sends them) the conversation keeps the bot's last replies for a retried
        // message, so "nothing was saved" would be untrue.
        await _app.SendAsync(BibiParent, "Bibi is morgen ziek", "SM-1");

        var reply = Assert.Single(await _app.SendAsync(BibiParent, "annuleer", "SM-2"));

        Assert.Contains("Bibi", Encoding.UTF8.GetString((await Store.ReadAsync(ConversationStore.Key(_app.School(), BibiParent)))!.Content.Span), StringComparison.Ordinal);
        Assert.Equal("Oke, ik heb niets gemeld.", reply);
        Assert.Empty(await _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), "bibi-g1", CancellationToken.None));
    }

    private async Task<List<InboxItem>> InboxAsync()
    {
        var items = new List<InboxItem>();
        await foreach (var key in Store.ListKeysAsync(_app.School().Key(SchoolInbox.Prefix)))
        {
            items.Add(JsonSerializer.Deserialize<InboxItem>((await Store.ReadAsync(key))!.Content.Span, new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
        }

        return items;
    }
}
