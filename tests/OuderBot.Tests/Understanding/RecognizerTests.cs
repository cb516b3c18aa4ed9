using OuderBot.Dialogs;
using OuderBot.Understanding;

namespace OuderBot.Tests.Understanding;

public sealed class RecognizerTests
{
    private static readonly Texts Texts = Texts.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "prompts"));
    private static readonly IReadOnlyList<IReadOnlyList<string>> Children = [["emma"], ["oliver"]];

    [Theory]
    [InlineData("1", 0)]
    [InlineData("2.", 1)]
    [InlineData("nr 2", 1)]
    [InlineData("Emma", 0)]
    [InlineData("oliver!", 1)]
    [InlineData("olivr", 1)]
    [InlineData("emmma", 0)]
    [InlineData("het is emma", 0)]
    public void AChoiceIsRecognisedByNumberWordOrTypo(string answer, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(Texts.Normalize(answer), Children));

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("emma en oliver")]
    [InlineData("geen idee")]
    [InlineData("")]
    public void AnAnswerThatFitsNoneOrBothIsNoChoice(string answer) =>
        Assert.Null(ChoiceRecognizer.Recognize(Texts.Normalize(answer), Children));

    [Theory]
    [InlineData("ja")]
    [InlineData("Ja.")]
    [InlineData("jep")]
    [InlineData("klopt")]
    [InlineData("Prima!")]
    [InlineData("ja hoor")]
    [InlineData("ja, dat klopt")]
    [InlineData("yes")]
    [InlineData("Yep")]
    [InlineData("oké")]
    [InlineData("kolpt")]
    public void YesInItsUsualVariants(string answer) => Assert.True(ConfirmRecognizer.Recognize(Texts.Normalize(answer), Texts));

    [Theory]
    [InlineData("nee")]
    [InlineData("Nee!")]
    [InlineData("nope")]
    [InlineData("no")]
    [InlineData("klopt niet")]
    [InlineData("nee, het is dinsdag")]
    [InlineData("nah")]
    public void NoInItsUsualVariants(string answer) => Assert.False(ConfirmRecognizer.Recognize(Texts.Normalize(answer), Texts));

    [Theory]
    [InlineData("misschien")]
    [InlineData("weet ik niet")]
    [InlineData("")]
    public void NeitherYesNorNo(string answer) => Assert.Null(ConfirmRecognizer.Recognize(Texts.Normalize(answer), Texts));

    // Today is Tuesday 24 November 2026.
    [Theory]
    [InlineData("vandaag", "2026-11-24")]
    [InlineData("today", "2026-11-24")]
    [InlineData("morgen", "2026-11-25")]
    [InlineData("tomorrow", "2026-11-25")]
    [InlineData("overmorgen", "2026-11-26")]
    [InlineData("gisteren", "2026-11-23")]
    [InlineData("dinsdag", "2026-11-24")]
    [InlineData("aanstaande dinsdag", "2026-12-01")]
    [InlineData("next tuesday", "2026-12-01")]
    [InlineData("vrijdag", "2026-11-27")]
    [InlineData("on Monday", "2026-11-30")]
    [InlineData("3-12", "2026-12-03")]
    [InlineData("03/12", "2026-12-03")]
    [InlineData("3 december", "2026-12-03")]
    [InlineData("3 dec", "2026-12-03")]
    [InlineData("Dec 3rd", null)]
    [InlineData("2 januari", "2027-01-02")]
    [InlineData("morgn", "2026-11-25")]
    [InlineData("vandag", "2026-11-24")]
    [InlineData("overmorgen graag", "2026-11-26")]
    [InlineData("geen idee", null)]
    [InlineData("ik maak me zorgen over de juf", null)]
    public void ADayIsFoundInTheMessage(string message, string? expected)
    {
        var day = new DayRecognizer(Texts).Recognize(Texts.Normalize(message), new DateOnly(2026, 11, 24));
        Assert.Equal(expected, day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
