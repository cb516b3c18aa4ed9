using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Bot;
using OuderBot.Channels.Twilio;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Channels.Twilio;

// After STOP, Twilio delivers nothing to the parent (error 21610) until they opt in again: a dialog the bot ran then
// would ask questions and confirm reports the parent never sees.
public sealed class TwilioOptedOutSenderTests : IAsyncLifetime
{
    private const string ApiKey = "office-secret";
    private readonly BotApp _app = new(settings: Settings(new Dictionary<string, string?> { ["Admin:SchoolKeys:de-driehoek"] = ApiKey }));

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AfterStopAParentsSmsGetsAnEmptyReplyAndStartsNothingUntilStart()
    {
        Assert.Empty(await _app.TextAsync(TimParent, "STOP"));

        Assert.Empty(await _app.TextAsync(TimParent, "Tim is vandaag ziek"));
        Assert.Empty(await _app.TextAsync(TimParent, "ja"));
        var photo = Message(TimParent, "", numMedia: 1);
        photo["MediaUrl0"] = "https://api.twilio.com/2010-04-01/Accounts/AC.../Messages/MM.../Media/ME...";
        Assert.Empty(await TwimlMessagesAsync(await _app.PostTwilioAsync("/api/twilio/messages", photo)));

        Assert.Empty(await AbsencesTodayAsync());
        Assert.Null(await Store.ReadAsync(ConversationStore.Key(_app.School(), TimParent)));

        // START is Twilio's to confirm ("You have successfully been re-subscribed ..."): the bot adds nothing to it.
        Assert.Empty(await _app.TextAsync(TimParent, "START"));
        Assert.False(await OptOuts.IsOptedOutAsync(_app.School(), TimParent, CancellationToken.None));
        Assert.Null(await Store.ReadAsync(ConversationStore.Key(_app.School(), TimParent)));

        Assert.Equal(["Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)"], await _app.TextAsync(TimParent, "Tim is vandaag ziek"));
        Assert.StartsWith("Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november.", Assert.Single(await _app.TextAsync(TimParent, "ja")), StringComparison.Ordinal);
        Assert.Equal(["Lotte Bakker"], (await AbsencesTodayAsync()).Select(a => a.ReportedBy));
    }

    [Fact]
    public async Task AQuestionAskedBeforeStopIsNotAnsweredByTheOptInYes()
    {
        Assert.Equal(["Oliver is sick on Wednesday 25 November. Is that right? (yes/no)"], await _app.TextAsync(EnglishParentOfTwo, "Oliver is sick tomorrow"));
        Assert.Empty(await _app.TextAsync(EnglishParentOfTwo, "STOP"));

        Assert.Empty(await _app.TextAsync(EnglishParentOfTwo, "YES"));

        Assert.False(await OptOuts.IsOptedOutAsync(_app.School(), EnglishParentOfTwo, CancellationToken.None));
        Assert.Empty(await _app.Services.GetRequiredService<AbsenceStore>().ForChildAsync(_app.School(), "oliver-g7", CancellationToken.None));
    }

    [Fact]
    public async Task WhatsAppIsNoSmsAndStaysOpenToAParentWhoSaidStopBySms()
    {
        Assert.Empty(await _app.TextAsync(TimParent, "STOP"));

        Assert.Equal(["Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)"], await _app.TextAsync("whatsapp:" + TimParent, "Tim is vandaag ziek"));

        Assert.True(await OptOuts.IsOptedOutAsync(_app.School(), TimParent, CancellationToken.None));
    }

    private async Task<List<AbsenceRow>> AbsencesTodayAsync()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var response = await client.GetAsync("/api/admin/absences");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<AbsenceRow>>())!;
    }

    private IStateStore Store => _app.Services.GetRequiredService<IStateStore>();

    private OptOutStore OptOuts => _app.Services.GetRequiredService<OptOutStore>();
}
