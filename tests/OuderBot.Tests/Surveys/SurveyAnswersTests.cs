using OuderBot.Channels.Twilio;
using OuderBot.Surveys;

namespace OuderBot.Tests.Surveys;

// How answers are read, and what the shipped surveys ask, without HTTP: the files under dialogs/surveys/.
public sealed class SurveyAnswersTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "dialogs", "surveys");
    private static readonly SurveyAnswers Answers = SurveyAnswers.Load(Path.Combine(Folder, SurveyCatalog.AnswersFile));
    private static readonly SurveyCatalog Catalog = SurveyCatalog.Load(Folder);
    private static readonly SurveyQuestion Scale = Catalog.Find("tevredenheid")!.Questions[0];
    private static readonly SurveyQuestion Open = Catalog.Find("tevredenheid")!.Questions[^1];

    [Theory]
    [InlineData("4", 4)]
    [InlineData("een 4", 4)]
    [InlineData("4/5", 4)]
    [InlineData("vier", 4)]
    [InlineData("een", 1)]
    [InlineData("5!", 5)]
    [InlineData("heel goed", 5)]
    [InlineData("Heel erg!", 5)]
    [InlineData("goed", 4)]
    [InlineData("prima hoor", 4)]
    [InlineData("gaat wel", 3)]
    [InlineData("niet slecht", 3)]
    [InlineData("slecht", 2)]
    [InlineData("niet goed", 2)]
    [InlineData("helemaal niet", 1)]
    [InlineData("very good", 5)]
    [InlineData("so so", 3)]
    [InlineData("👍", 4)]
    [InlineData("😊😊", 4)]
    [InlineData("😞", 1)]
    [InlineData("😍 super", 5)]
    public void AScaleAnswerInNumbersWordsOrEmojiIsAScore(string message, int score) =>
        Assert.Equal(new SurveyAnswer(AnswerKind.Score, score), Answers.Read(Scale, message));

    [Theory]
    [InlineData("3 of 4")]
    [InlineData("7")]
    [InlineData("ja")]
    [InlineData("Tim is morgen ziek")]
    [InlineData("")]
    public void WhatIsNoScoreIsAskedAgain(string message) =>
        Assert.Equal(AnswerKind.None, Answers.Read(Scale, message).Kind);

    [Theory]
    [InlineData("later")]
    [InlineData("Nu niet")]
    [InlineData("not now")]
    public void LaterPausesTheSurveyAtAnyQuestion(string message)
    {
        Assert.Equal(AnswerKind.Pause, Answers.Read(Scale, message).Kind);
        Assert.Equal(AnswerKind.Pause, Answers.Read(Open, message).Kind);
    }

    [Fact]
    public void AnOpenQuestionTakesTheParentsOwnWordsOrNee()
    {
        Assert.Equal(new SurveyAnswer(AnswerKind.Remark, Text: "Meer uitjes graag!"), Answers.Read(Open, " Meer uitjes graag! "));
        Assert.Equal(AnswerKind.Skipped, Answers.Read(Open, "Nee, dank u").Kind);
        Assert.Equal(AnswerKind.Skipped, Answers.Read(Open, "no").Kind);
        Assert.Equal(SurveyAnswers.MaxRemarkLength, Answers.Read(Open, new string('a', 3000)).Text!.Length);
    }

    [Theory]
    [InlineData("vragenlijst", true)]
    [InlineData("Ik wil verder met de vragenlijst", true)]
    [InlineData("enquete", true)]
    [InlineData("survey", true)]
    [InlineData("Tim is ziek", false)]
    public void VragenlijstGoesOnWithASurvey(string message, bool resume) =>
        Assert.Equal(resume, Answers.IsResume(OuderBot.Dialogs.Texts.Normalize(message)));

    [Fact]
    public void TheShippedSurveysAskWhatTheSchoolsTextListsInGsm7SmsEachQuestionInOneSms()
    {
        var satisfaction = Catalog.Find("tevredenheid")!;
        Assert.Equal(Survey.SchoolKind, satisfaction.Kind);
        Assert.Equal(["plezier", "resultaten", "welkom", "samen-oplossen", "hoop-en-dromen", "opmerking"], satisfaction.Questions.Select(q => q.Id));
        Assert.Equal([true, true, true, true, true, false], satisfaction.Questions.Select(q => q.Scale));
        Assert.Equal(Survey.TalkKind, Catalog.Talk!.Kind);

        // A long teacher's name and child's name in the placeholders: still one SMS per question.
        var args = new Dictionary<string, string> { ["teacher"] = "Meester Abdelkader", ["child"] = "Jan-Willem", ["school"] = "OBS De Driehoek", ["count"] = "6" };
        foreach (var survey in Catalog.All)
        {
            foreach (var text in survey.Questions.SelectMany(q => q.Text.Values.Concat(q.TextMore?.Values ?? [])).Concat(survey.Intro.Values).Concat(survey.Thanks.Values).Where(t => t.Length > 0))
            {
                var filled = SurveyQuestion.Fill(text, args);
                Assert.True(SmsSegments.IsGsm7(filled), $"{survey.Id}: not GSM-7: {filled}");
                Assert.True(SmsSegments.Count(filled) == 1, $"{survey.Id}: more than one SMS ({filled.Length} characters): {filled}");
            }
        }
    }

    [Fact]
    public void ABrokenSurveyFileStopsTheStartWithItsName()
    {
        var folder = Directory.CreateTempSubdirectory("ouderbot-surveys-").FullName;
        File.WriteAllText(Path.Combine(folder, "kort.yaml"), "id: kort\nkind: school\ntitle: { nl: Kort, en: Short }\nthanks: { nl: Dank, en: Thanks }\nquestions:\n  - id: een\n    scale: true\n    text: { nl: Goed? }\n");
        var error = Assert.Throws<InvalidDataException>(() => SurveyCatalog.Load(folder));
        Assert.Contains("kort.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("question een needs a text in en", error.Message, StringComparison.Ordinal);
    }
}
