using OuderBot.Dialogs;
using OuderBot.Feedback;
using OuderBot.School;

namespace OuderBot.Tests.Feedback;

// The rules that read feedback, without HTTP: De Driehoek's data and the shipped word lists.
public sealed class FeedbackRulesTests
{
    private static readonly FeedbackRules Rules = FeedbackRules.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "feedback", "words.yaml"));
    private static readonly Texts Texts = Texts.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "prompts"));
    private static readonly SchoolData School = SchoolLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "dialogs", "schools", "de-driehoek.yaml"));
    private static readonly Parent Lotte = School.FindParent("+31622222222")!;

    [Theory]
    [InlineData("Ik wil een compliment geven aan meester Kees", "compliment", "teacher", "Meester Kees", null, false)]
    [InlineData("ik heb een klacht", "complaint", "school", null, null, false)]
    [InlineData("tip: de nieuwsbrief is te lang", "suggestion", "topic", null, "communicatie", true)]
    [InlineData("een compliment voor juf Fatima, ze is nooit te laat", "compliment", "teacher", "Juf Fatima", null, true)]
    [InlineData("De juf van Tim is echt geweldig met de kinderen", "compliment", "teacher", "Juf Fatima", null, true)]
    [InlineData("I have a complaint about the lunch break", "complaint", "topic", null, "overblijf", false)]
    [InlineData("this bot could also show the school holidays, just an idea", "suggestion", "bot", null, null, true)]
    [InlineData("ik wil feedback geven", null, "school", null, null, false)]
    public void ReadsTheKindWhatItIsAboutAndWhetherTheParentsWordsAreThere(string text, string? kind, string about, string? teacher, string? topic, bool hasWords)
    {
        var reading = Rules.Read(School, Lotte, text);
        Assert.Equal(kind, reading.Kind);
        Assert.Equal(about, reading.About);
        Assert.Equal(teacher, reading.Teacher?.Name);
        Assert.Equal(topic, reading.Topic);
        Assert.Equal(hasWords, reading.HasWords);
    }

    [Theory]
    [InlineData("dringend: er staat een hek open bij het plein", true)]
    [InlineData("URGENT, someone was hit in the playground", true)]
    [InlineData("ik heb een klacht over de overblijf", false)]
    public void MarkedUrgentWhenTheParentSaysSo(string text, bool urgent) => Assert.Equal(urgent, Rules.Read(School, Lotte, text).Urgent);

    [Theory]
    [InlineData("ja nee", true, false)]
    [InlineData("1 nee 2 ja", false, true)]
    [InlineData("anoniem, geen contact", true, false)]
    [InlineData("nee, graag contact", false, true)]
    [InlineData("niet anoniem, bel me maar", false, true)]
    [InlineData("yes, no", true, false)]
    public void BothAnswersAreReadFromOneMessage(string answer, bool anonymous, bool contact) =>
        Assert.Equal(new PrivacyAnswer(anonymous, contact), PrivacyAnswers.Recognize(Texts.Normalize(answer), Texts));

    [Theory]
    [InlineData("ja")]
    [InlineData("misschien")]
    public void OneAnswerAloneIsNotEnough(string answer) => Assert.Null(PrivacyAnswers.Recognize(Texts.Normalize(answer), Texts));

    [Fact]
    public void AnAnonymousPiecesWordsLeaveOutTheParentsAndChildrensNamesForTheTeacher()
    {
        var item = new FeedbackItem
        {
            Kind = FeedbackKinds.Compliment,
            About = FeedbackAbout.Teacher,
            Text = "Tim's juf is top, groet Lotte Bakker",
            Anonymous = true,
            ContactWanted = false,
            ReceivedAt = DateTimeOffset.UnixEpoch,
            Channel = "local",
            Language = "nl",
            ParentPhone = Lotte.Phone,
            ParentName = Lotte.Name,
            ChildIds = [.. Lotte.Children.Select(c => c.Id)],
        };
        Assert.Equal("... juf is top, groet ... ...", FeedbackRules.ForTeacher(item, School));
        Assert.Equal(item.Text, FeedbackRules.ForTeacher(item with { Anonymous = false }, School));
    }

    [Fact]
    public void TheComplaintProcedureInTheSchoolsFileIsChecked()
    {
        var errors = new List<string>();
        ComplaintProcedureLoader.Build(new ComplaintsFile { Steps = ["teacher", "principal", "committee"] }, errors);
        Assert.Equal(
            ["complaints.steps: 'principal' is not a step; use teacher, director, committee.", "complaints.committee: name the complaints committee the school belongs to (the step 'committee' needs it)."],
            errors);
        Assert.Equal(["teacher", "director", "committee"], School.Complaints.Steps);
        Assert.Equal("de Landelijke Klachtencommissie Onderwijs", School.Complaints.Committee);
    }
}
