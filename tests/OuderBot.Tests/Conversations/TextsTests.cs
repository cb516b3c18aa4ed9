using System.Text.RegularExpressions;
using OuderBot.Dialogs;

namespace OuderBot.Tests.Conversations;

public sealed partial class TextsTests
{
    private static readonly Texts Texts = Texts.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "prompts"));

    // The GSM 03.38 basic character set and its extension table: a text outside it costs twice as much per SMS.
    private const string Gsm7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€";

    [Fact]
    public void EveryTextUsesOnlyTheSmsCharacterSet()
    {
        foreach (var language in Texts.Languages)
        {
            foreach (var key in Texts.Keys(language))
            {
                var text = Texts.Raw(language, key);
                var outside = text.Where(c => !Gsm7.Contains(c)).Distinct().ToList();
                Assert.True(outside.Count == 0, $"{language}/{key} has characters outside GSM-7: {string.Concat(outside)}");
            }
        }
    }

    [Fact]
    public void EveryTextHasTheSamePlaceholdersInDutchAndEnglish()
    {
        foreach (var key in Texts.Keys(Texts.Dutch))
        {
            var dutch = Placeholders(Texts.Raw(Texts.Dutch, key));
            var english = Placeholders(Texts.Raw(Texts.English, key));
            Assert.True(dutch.SetEquals(english), $"{key}: nl has {{{string.Join(",", dutch)}}}, en has {{{string.Join(",", english)}}}");
        }
    }

    [Fact]
    public void NoneOfTwiliosReservedSmsWordsIsOneOfTheBotsCommands()
    {
        var reserved = OuderBot.Channels.Twilio.OptOutKeywords.All.Select(k => k.ToLowerInvariant()).ToList();
        Assert.Contains("stop", reserved);
        Assert.Contains("optout", reserved);
        foreach (var list in new[] { "cancel", "menu", "help", "language" })
        {
            foreach (var word in reserved)
            {
                Assert.False(Texts.IsWord(word, list), $"'{word}' is a Twilio keyword but also in the bot's '{list}' words");
            }
        }
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();
}
