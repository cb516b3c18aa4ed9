using Xunit.Abstractions;

namespace OuderBot.Tests.Understanding;

/// <summary>
/// The learned models on messages they were never trained on: dialogs/understanding/calibration (our own
/// hold-out, written with the training examples and set apart by every fifth line; the answer and ask thresholds
/// were set on it) and Fresh1 (written by someone who saw nothing of the bot, measured only, never tuned on).
/// The figures include what the parent gets: the right answer at once, and wrong answers given with confidence.
/// Floors just below the figures measured on 2 December 2026 (calibration: intent 81.8 %, topic 84.8 %, confident
/// right 95.2 %, right at once 75.2 %; Fresh1: 91.2 %, 94.7 %, 98.5 %, 82.9 %; before this work Fresh1 was 88.8 %,
/// 87.8 %, 97.4 %, 60.8 %).
/// </summary>
public sealed class LearnedUnderstandingTests(ITestOutputHelper output) : IClassFixture<EvaluationTests.Model>
{
    private readonly EvaluationTests.Model _model = new();

    [Fact]
    public void HeldOutExamplesAreUnderstoodAndAnsweredAtOnce() =>
        EvaluationTests.CheckMessages(Path.Combine("dialogs", "understanding", "calibration"), output, _model, minIntent: 0.8, minTopic: 0.82, minConfident: 0.93, minAtOnce: 0.72, files: "*.jsonl");

    // dialogs/understanding/dev: the fifth of set 17c (written blind by another helper) never trained on, where the
    // answer threshold was set, and two sets of our own written for the weak spots of issue 17 (out of scope with a
    // topic's word, thanks in other languages, "stop", two requests). Floors just below the figures of 2 December.
    [Fact]
    public void DevSetMeetsItsFloor() =>
        EvaluationTests.CheckMessages(Path.Combine("dialogs", "understanding", "dev"), output, _model, minIntent: 0.91, minTopic: 0.91, minConfident: 0.95, minAtOnce: 0.75, files: "*.jsonl");

    // A question the rules' cue words took for a complaint or a wish to be called ("niet kan betalen", "kan ik
    // helpen") is answered when the learned intent model is all but sure it is a question; what is a complaint, a
    // call-back request, a compliment or a report stays one.
    [Theory]
    [InlineData("wat als ik de ouderbijdrage niet kan betalen", "faq", "ouderbijdrage")]
    [InlineData("kan ik helpen in de klas als hulpouder", "faq", "betrokken-zijn")]
    [InlineData("de juf is echt onvriendelijk tegen mijn zoon, ik ben er boos over", "feedback", null)]
    [InlineData("kan de juf mij vanmiddag even terugbellen", "handoff", null)]
    [InlineData("super fijn dat de juf zo geduldig is met Tim", "feedback", null)]
    [InlineData("Tim is morgen ziek", "absence", null)]
    public void AQuestionTheRulesTookForARequestIsAnswered(string message, string intent, string? topic)
    {
        var understood = _model.Understander.Understand(message, new DateTime(2026, 11, 23, 7, 45, 0), null);
        Assert.Equal((intent, topic), (understood.Intent, understood.Faq));
        Assert.Equal(OuderBot.Understanding.Actions.Answer, understood.Action);
    }

    // A question with a medical word that names no child, no day and no absence reports nothing.
    [Theory]
    [InlineData("huisarts telefoon nummer?")]
    [InlineData("ik ben zelf ziek, kan de juf mij terugbellen?")]
    public void AQuestionWithAMedicalWordIsNoReport(string message) =>
        Assert.NotEqual(OuderBot.Understanding.Intents.Absence, _model.Understander.Understand(message, new DateTime(2026, 11, 23, 7, 45, 0), null).Intent);

    // Another organisation's words are matched exactly as written, never one letter off ("houden" is no "honden",
    // "policy" no "police"), and the school's own words ("schoolreisje", "oudervereniging") keep a question inside it.
    [Theory]
    [InlineData("Kunt u mij op de hoogte houden over het schoolreisje?")]
    [InlineData("What is your homework policy?")]
    [InlineData("Hoe kan ik lid worden van de oudervereniging?")]
    [InlineData("Wanneer is de kerstviering van de school in de kerk?")]
    public void AQuestionAboutTheSchoolIsNotTakenForAnotherOrganisations(string message) =>
        Assert.NotEqual(OuderBot.Understanding.Intents.Unknown, _model.Understander.Understand(message, new DateTime(2026, 11, 23, 7, 45, 0), null).Intent);

    // A list of days before "thuis", or missing school, says the child is away (the learned model took these for
    // the school hours).
    [Theory]
    [InlineData("tim is woensdag, donderdag en vrijdag thuis")]
    [InlineData("Sem is wo do vr thuis")]
    [InlineData("Tim mist morgen school")]
    [InlineData("Noor mist vrijdag de les, ze gaat naar de bruiloft van haar tante")]
    public void AChildAwayOnDaysIsAnAbsence(string message) =>
        Assert.Equal(OuderBot.Understanding.Intents.Absence, _model.Understander.Understand(message, new DateTime(2026, 11, 23, 7, 45, 0), null).Intent);

    // News for the teacher that is no absence ("pass it on") goes to the teacher ("zijn bril thuis" is his glasses at
    // home, not a child at home); an absence passed on stays an absence.
    [Theory]
    [InlineData("Kunt u aan de juf doorgeven dat Tim zijn bril thuis heeft laten liggen?", "handoff")]
    [InlineData("Could you tell Oliver's teacher that his grandma picks him up today", "handoff")]
    [InlineData("geef even door aan meester dat opa vanmiddag komt kijken bij de voorstelling", "handoff")]
    [InlineData("Wilt u doorgeven dat Tim vandaag ziek is?", "absence")]
    [InlineData("Noor en Sem zijn morgen thuis", "absence")]
    public void NewsToPassOnGoesToTheTeacher(string message, string intent) =>
        Assert.Equal(intent, _model.Understander.Understand(message, new DateTime(2026, 11, 23, 7, 45, 0), null).Intent);

    [Theory]
    [InlineData("Hoe laat is de ouderavond van de muziekschool?")]
    [InlineData("mijn hond heeft luizen, wat moet ik doen")]
    public void AQuestionAboutAnotherOrganisationIsOutOfScope(string message) =>
        Assert.Equal(OuderBot.Understanding.Intents.Unknown, _model.Understander.Understand(message, new DateTime(2026, 11, 23, 7, 45, 0), null).Intent);

    [Fact]
    public void FirstFreshSetMeetsItsFloor() =>
        EvaluationTests.CheckMessages("Fresh1", output, _model, minIntent: 0.9, minTopic: 0.93, minConfident: 0.97, minAtOnce: 0.8);

    [Fact]
    public void FirstFreshSetDatesMeetTheirFloor() => EvaluationTests.CheckDates("Fresh1", output, _model);
}
