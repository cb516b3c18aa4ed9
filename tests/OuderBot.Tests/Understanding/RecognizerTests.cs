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
    [InlineData("Dec 3rd", "2026-12-03")]
    [InlineData("2 januari", "2027-01-02")]
    [InlineData("morgn", "2026-11-25")]
    [InlineData("vandag", "2026-11-24")]
    [InlineData("overmorgen graag", "2026-11-26")]
    [InlineData("geen idee", null)]
    [InlineData("ik maak me zorgen over de juf", null)]
    public void ADayIsFoundInTheMessage(string message, string? expected)
    {
        var dates = new DateTimeParser().Parse(message, new DateTime(2026, 11, 24, 7, 45, 0));
        Assert.Equal(expected, dates.FirstOrDefault()?.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    // The issue's own examples, resolved on Monday 23 November 2026 at 07:45.
    [Theory]
    [InlineData("Tim is t/m vrijdag ziek", "2026-11-23..2026-11-27 - -")]
    [InlineData("van maandag tot woensdag", "2026-11-23..2026-11-25 - -")]
    [InlineData("volgende week dinsdag", "2026-12-01..2026-12-01 - -")]
    [InlineData("de hele week", "2026-11-23..2026-11-27 - -")]
    [InlineData("volgende week", "2026-11-30..2026-12-04 - -")]
    [InlineData("t/m volgende week", "2026-11-23..2026-12-04 - -")]
    [InlineData("tot hij beter is", "2026-11-23..open - -")]
    [InlineData("om 15:00", "2026-11-23..2026-11-23 15:00 -")]
    [InlineData("half 4", "2026-11-23..2026-11-23 15:30 -")]
    [InlineData("half past three", "2026-11-23..2026-11-23 15:30 -")]
    [InlineData("kwart voor 9", "2026-11-23..2026-11-23 08:45 -")]
    [InlineData("tien over half 3", "2026-11-23..2026-11-23 14:40 -")]
    [InlineData("om 7 uur 's avonds", "2026-11-23..2026-11-23 19:00 -")]
    [InlineData("van 10 tot 11.30", "2026-11-23..2026-11-23 10:00 11:30")]
    [InlineData("tot 10 uur", "2026-11-23..2026-11-23 - 10:00")]
    [InlineData("tussen 2 en 3", "2026-11-23..2026-11-23 14:00 15:00")]
    [InlineData("Tim is van vrijdag t/m maandag ziek", "2026-11-27..2026-11-30 - -")]
    [InlineData("Bibi gaat om 10 uur naar de tandarts, ze is er om 11.30 weer", "2026-11-23..2026-11-23 10:00 11:30")]
    public void TheIssuesExamplesResolveAsSpecified(string message, string expected)
    {
        var d = Assert.Single(new DateTimeParser().Parse(message, new DateTime(2026, 11, 23, 7, 45, 0)));
        var c = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(expected, $"{d.Start.ToString("yyyy-MM-dd", c)}..{d.End?.ToString("yyyy-MM-dd", c) ?? "open"} {d.Time?.ToString("HH:mm", c) ?? "-"} {d.TimeEnd?.ToString("HH:mm", c) ?? "-"}");
    }

    [Theory]
    [InlineData("tim heeft maandag 30 november een afspraak in het ziekenhuis om 10 uur", "2026-11-30 10:00")]
    [InlineData("Oliver has a hospital appointment on Wednesday 2 December at 10:30", "2026-12-02 10:30")]
    public void AWeekdayWithItsDateIsOneDayWithTheTime(string message, string expected)
    {
        // On Thursday 26 November: the weekday and the date name the same day, once, with the time said after both.
        var d = Assert.Single(new DateTimeParser().Parse(message, new DateTime(2026, 11, 26, 7, 30, 0)));
        var c = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(expected, $"{d.Start.ToString("yyyy-MM-dd", c)} {d.Time?.ToString("HH:mm", c)}");
    }

    // On Monday 23 November: a weekday in a clause in the past tense is the last such day; the day an illness began,
    // beside the day the child stays home, is no day away; days joined by "en" share their clause, and two in a row
    // are one stretch (start/end).
    [Theory]
    [InlineData("Tim was vrijdag ziek, vergeten te melden", "2026-11-20")]
    [InlineData("Emma was sick on Friday", "2026-11-20")]
    [InlineData("Sem heeft woensdag gemist want hij had koorts", "2026-11-18")]
    [InlineData("sorry Tim was dinsdag en woensdag afwezig", "2026-11-17/2026-11-18")]
    [InlineData("Tim is vrijdag ziek", "2026-11-27")]
    [InlineData("Tim had vrijdag koorts en blijft maandag nog thuis", "2026-11-20 2026-11-23")]
    [InlineData("Bibi is gisteren ziek geworden en blijft vandaag thuis", "2026-11-23")]
    [InlineData("Oliver got sick yesterday and stays home today", "2026-11-23")]
    [InlineData("noor is gisteren ziek geworden, ze blijft thuis", "2026-11-22")]
    [InlineData("Sami was gisteren en vandaag ziek", "2026-11-22/2026-11-23")]
    [InlineData("ik was vergeten te melden dat Tim vrijdag naar de tandarts moet", "2026-11-27")]
    [InlineData("I forgot to tell you that Emma has the dentist on Friday", "2026-11-27")]
    public void ThePastTenseAndTheDayAnIllnessBeganAreRead(string message, string expected)
    {
        Assert.Equal(expected, Describe(new DateTimeParser().Parse(message, new DateTime(2026, 11, 23, 7, 45, 0))));
    }

    // On Monday 30 November, as parents write: days in a row joined by en/and/a comma or side by side are one stretch, days apart stay
    // apart (also said once with their month), the day a child is back is no day away, a weekday with its date is one
    // day, "do" where a day is expected is Thursday, and a clock time says more than a part of the day said with it.
    [Theory]
    [InlineData("Tim is donderdag en vrijdag ziek", "2026-12-03/2026-12-04")]
    [InlineData("Emma is sick on Thursday and Friday", "2026-12-03/2026-12-04")]
    [InlineData("tim is woensdag, donderdag en vrijdag thuis", "2026-12-02/2026-12-04")]
    [InlineData("tim is woensdag en vrijdag ziek", "2026-12-02 2026-12-04")]
    [InlineData("Tim is ziek, donderdag is hij weer terug", "2026-11-30/2026-12-02")]
    [InlineData("Tim heeft sinds zondag koorts, vandaag blijft hij thuis", "2026-11-30")]
    [InlineData("Emma is sick up to and including Thursday", "2026-11-30/2026-12-03")]
    [InlineData("Tim is tot het eind van de week ziek", "2026-11-30/2026-12-04")]
    [InlineData("Tim is volgende week van di t/m do afwezig", "2026-12-08/2026-12-10")]
    [InlineData("Tim is wo en do afwezig", "2026-12-02/2026-12-03")]
    [InlineData("tim is woensdag donderdag en vrijdag ziek", "2026-12-02/2026-12-04")]
    [InlineData("Tim is wo do vr thuis", "2026-12-02/2026-12-04")]
    [InlineData("Tim is ma wo vr afwezig", "2026-11-30 2026-12-02 2026-12-04")]
    [InlineData("Sem is di do naar opa", "2026-12-01 2026-12-03")]
    [InlineData("Tim is donderdag 10 december afwezig", "2026-12-10")]
    [InlineData("Tim is donderdag 10 en vrijdag 11 december afwezig", "2026-12-10/2026-12-11")]
    [InlineData("Tim is op 14 en 16 december afwezig", "2026-12-14 2026-12-16")]
    [InlineData("Emma is absent on the 14th and 16th of December", "2026-12-14 2026-12-16")]
    [InlineData("Emma is absent on the 14th", "2026-12-14")]
    [InlineData("Emma is off 14th for a wedding", "2026-12-14")]
    [InlineData("Oliver is off the 2nd", "2026-12-02")]
    [InlineData("Tim is op de 14e afwezig", "2026-12-14")]
    [InlineData("Tim gaat na de lunch naar huis, hij is ziek", "2026-11-30 afternoon")]
    [InlineData("Tim heeft om 10 uur 's ochtends de tandarts", "2026-11-30 10:00")]
    [InlineData("Oliver has the dentist at 2 in the afternoon", "2026-11-30 14:00")]
    // Words beside the days away that are no day away of their own: this evening, "this week" around its days, a day
    // or part said again inside the stretch; "half 11" after an English word is British (11:30), in Dutch 10:30.
    [InlineData("Sem heeft vanavond koorts gekregen, hij blijft morgen thuis", "2026-12-01")]
    [InlineData("Tim is vandaag en morgen ziek, de huisarts komt vanmiddag kijken", "2026-11-30/2026-12-01")]
    [InlineData("Emma is off Tuesday and Thursday this week for physio", "2026-12-01 2026-12-03")]
    [InlineData("Noor mist morgen school, morgenvroeg moet ze naar het ziekenhuis", "2026-12-01")]
    [InlineData("Oliver will be in by half 11 after the orthodontist", "2026-11-30 11:30")]
    [InlineData("Tim komt om half 11 na de tandarts", "2026-11-30 10:30")]
    public void DatesAreReadAsParentsWriteThem(string message, string expected)
    {
        Assert.Equal(expected, Describe(new DateTimeParser().Parse(message, new DateTime(2026, 11, 30, 7, 45, 0))));
    }

    /// <summary>Each mention as "start", "start/end" for a stretch, then its time and part when said.</summary>
    private static string Describe(IEnumerable<DateMention> days)
    {
        static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(' ', days.Select(d => string.Join(' ', new[]
        {
            d.End is { } end && end != d.Start ? Iso(d.Start) + "/" + Iso(end) : Iso(d.Start),
            d.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            d.Part,
        }.Where(x => x is not null))));
    }

    [Fact]
    public void AMessageWithoutADateGivesNoDates() =>
        Assert.Empty(new DateTimeParser().Parse("hoe laat begint de school", new DateTime(2026, 11, 23, 7, 45, 0)));
}
