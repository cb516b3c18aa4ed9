using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Channels.Twilio;
using OuderBot.School;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Channels.Twilio;

// XML 1.0 cannot hold most control characters, lone surrogates, U+FFFE and U+FFFF. A reply that holds one must still
// be TwiML Twilio can read: the character is dropped (replacing it with "?" or U+FFFD would cost a GSM-7 SMS its
// character set), the rest of the reply arrives.
public sealed class TwimlCharacterTests
{
    [Fact]
    public void CharactersXmlCannotHoldAreDroppedAndTheRestOfTheReplyArrives()
    {
        var xml = TwimlResponse.Render(["Bi\u0001bi\u0000 is \u001Bziek\uFFFE\uFFFF.\u0008", "Half\uD800 an \uDC00emoji, a whole \U0001F912, a\ttab\nand a line", "\u0007"]);

        var messages = XDocument.Parse(xml).Root!.Elements("Message").Select(m => m.Value).ToList();

        Assert.Equal(["Bibi is ziek.", "Half an emoji, a whole \U0001F912, a\ttab\nand a line", ""], messages);
    }

    [Fact]
    public void ALongWordIsNeverCutBetweenTheTwoHalvesOfAnEmoji()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("\U0001F912", 900)); // 1801 UTF-16 code units, no space to split at

        var messages = TwimlResponse.Split([text], sms: false);
        var parsed = XDocument.Parse(TwimlResponse.Render(messages)).Root!.Elements("Message").Select(m => m.Value).ToList();

        Assert.All(messages, m => Assert.True(m.Length <= TwimlResponse.MaxMessageLength));
        Assert.Equal(text, string.Concat(parsed));
    }

    [Fact]
    public async Task AReplyWithACharacterXmlCannotHoldIsStillWellFormedTwimlWith200()
    {
        // The bot never echoes a parent's own words, so the text comes from the school's data: the loader refuses such
        // a name now, but the channel must not depend on that (the turn is saved before the reply is rendered).
        var file = Path.Combine(AppContext.BaseDirectory, "dialogs", "schools", "de-driehoek.yaml");
        var demo = SchoolLoader.LoadFile(file);
        var school = new SchoolData(
            demo.Id,
            demo.Numbers,
            demo.Info,
            demo.Groups,
            demo.Teachers,
            demo.Parents.Select(p => p.Phone == BibiParent ? p with { Name = "Sa\u0001n\uD800n\uFFFFe de Boer" } : p).ToList(),
            demo.Children);
        await using var app = new BotApp(settings: Settings(), services: s => s.AddSingleton(new OuderBot.Bot.SchoolFiles([(school, file)])));

        var response = await app.PostTwilioAsync("/api/twilio/messages", Message(BibiParent, "hoi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Hallo Sanne. Waarmee kan ik u helpen? Typ 'menu' om te zien wat ik kan."], xml.Root!.Elements("Message").Select(m => m.Value));
    }
}
