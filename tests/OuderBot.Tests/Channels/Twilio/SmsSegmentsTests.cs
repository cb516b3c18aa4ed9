using OuderBot.Channels.Twilio;
using OuderBot.Dialogs;
using Xunit.Abstractions;

namespace OuderBot.Tests.Channels.Twilio;

public sealed class SmsSegmentsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Bibi is vandaag ziek", 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Gsm7TextsTake160CharactersInOneSmsAnd153PerPart(object text, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(text as string ?? new string('a', (int)text)));

    [Fact]
    public void ExtensionCharactersCountTwice()
    {
        Assert.True(SmsSegments.IsGsm7("€[]{}^~|\\"));
        Assert.Equal(2, SmsSegments.Units("€"));
        Assert.Equal(1, SmsSegments.Count(new string('€', 80)));
        Assert.Equal(2, SmsSegments.Count(new string('€', 81)));
    }

    [Fact]
    public void OneCharacterOutsideGsm7MakesTheWholeTextUcs2()
    {
        Assert.False(SmsSegments.IsGsm7("Bibi is ziek 🤒"));
        Assert.False(SmsSegments.IsGsm7("financiële"));
        Assert.Equal(1, SmsSegments.Count(new string('ë', 70)));
        Assert.Equal(2, SmsSegments.Count(new string('ë', 71)));
        Assert.Equal(2, SmsSegments.Count(new string('ë', 134)));
        Assert.Equal(3, SmsSegments.Count(new string('ë', 135)));
        Assert.Equal(2, SmsSegments.Units("🤒")); // one emoji is two UTF-16 code units
    }

    [Fact]
    public void NoTextOfTheBotIsUcs2AndTheirSegmentCountsArePrinted()
    {
        var texts = Texts.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "prompts"));
        foreach (var language in Texts.Languages)
        {
            var counts = new List<int>();
            foreach (var key in texts.Keys(language))
            {
                var text = texts.Raw(language, key);
                var segments = SmsSegments.Count(text);
                counts.Add(segments);
                output.WriteLine($"{language} {key}: {SmsSegments.Units(text)} characters, {segments} SMS");
                Assert.True(SmsSegments.IsGsm7(text), $"{language}/{key} would be sent as UCS-2 (70 characters per SMS)");
            }

            counts.Sort();
            output.WriteLine($"{language}: {counts.Count} texts, median {counts[counts.Count / 2]} SMS, {counts.Count(c => c == 1)} fit one SMS, at most {counts[^1]}");
        }
    }

    [Fact]
    public void AShortReplyStaysOneMessage() =>
        Assert.Equal(["Hallo Sanne."], TwimlResponse.Split(["Hallo Sanne."], sms: true));

    [Fact]
    public void ALongSmsReplyIsSplitAtParagraphsIntoMessagesOfAtMostThreeSegments()
    {
        var paragraph = string.Join(" ", Enumerable.Repeat("Dit is een zin over de school.", 8)); // 247 characters
        var text = string.Join("\n\n", paragraph + " A", paragraph + " B", paragraph + " C");

        var messages = TwimlResponse.Split([text], sms: true);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(SmsSegments.Count(m) <= 3, $"{SmsSegments.Count(m)} segments: {m}"));
        Assert.EndsWith(" A", messages[0], StringComparison.Ordinal);
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), string.Concat(messages).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void AParagraphTooLongForThreeSegmentsIsSplitAtSentences()
    {
        var text = string.Join(" ", Enumerable.Range(1, 30).Select(i => $"Zin nummer {i} gaat over de school."));

        var messages = TwimlResponse.Split([text], sms: true);

        Assert.Equal(3, messages.Count); // about 1040 characters; three segments hold 459
        Assert.All(messages, m => Assert.True(SmsSegments.Count(m) <= 3));
        Assert.All(messages, m => Assert.EndsWith(".", m, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(" ", messages));
    }

    [Fact]
    public void WhatsAppRepliesAreOnlySplitAboveTwiliosLimitOf1600Characters()
    {
        var text = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"Zin nummer {i} gaat over de school."));
        Assert.Single(TwimlResponse.Split([text[..1500]], sms: false));
        var messages = TwimlResponse.Split([text], sms: false);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.True(m.Length <= 1600));
    }

    [Fact]
    public void TwimlEscapesTheText()
    {
        var xml = TwimlResponse.Render(["Tom & Jerry <3 \"ja\""]);
        Assert.Contains("<Response><Message>Tom &amp; Jerry &lt;3 \"ja\"</Message></Response>", xml, StringComparison.Ordinal);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", xml, StringComparison.Ordinal);
        Assert.EndsWith("<Response />", TwimlResponse.Render([]), StringComparison.Ordinal);
    }
}
