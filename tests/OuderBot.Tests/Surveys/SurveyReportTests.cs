using OuderBot.Surveys;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Surveys;

// The report's arithmetic and what it hides, on De Driehoek's data (groups, children's and parents' names).
public sealed class SurveyReportTests : IAsyncLifetime
{
    private static readonly Survey Satisfaction = SurveyCatalog.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "surveys")).Find("tevredenheid")!;
    private BotApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new BotApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void AGroupWithFiveIsHiddenWhenTheOneParentOutsideItCouldBeWorkedOutFromTheTotal()
    {
        // Six answered: five in group 4, one in group 1. Showing group 4 beside the total would give the one away.
        var six = Enumerable.Range(0, 5).Select(_ => Response("4", 4)).Append(Response("1", 1)).ToList();
        var plezier = SurveyReports.Build(_app.School(), Satisfaction, six, threshold: 5).Questions[0];
        Assert.Equal((true, 6, 3.5), (plezier.Shown, plezier.Answered, plezier.Average));
        Assert.All(plezier.Groups, g => Assert.False(g.Shown));

        // Ten: five in each group, and each group shows its own average.
        var ten = six.Concat(Enumerable.Range(0, 4).Select(_ => Response("1", 2))).ToList();
        plezier = SurveyReports.Build(_app.School(), Satisfaction, ten, threshold: 5).Questions[0];
        Assert.Equal((true, 4.0), (plezier.Groups.Single(g => g.Id == "4").Shown, plezier.Groups.Single(g => g.Id == "4").Average!.Value));
        Assert.Equal((true, 1.8), (plezier.Groups.Single(g => g.Id == "1").Shown, plezier.Groups.Single(g => g.Id == "1").Average!.Value));
    }

    [Fact]
    public void RemarksShowWithoutTheNamesOfChildrenAndParentsInAlphabeticalOrderOnlyFromFive()
    {
        var remarks = new[] { "Tim en Lotte Bakker zijn blij", "meer uitjes", "Bibi mist juf Anouk", "Prima school", "Zo doorgaan" };
        var responses = remarks.Select(r => Response("4", 4, r)).ToList();
        var open = SurveyReports.Build(_app.School(), Satisfaction, responses, threshold: 5).Questions[^1];
        Assert.Equal(["Prima school", "Zo doorgaan", "[naam] en [naam] Bakker zijn blij", "[naam] mist juf Anouk", "meer uitjes"], open.Remarks);

        open = SurveyReports.Build(_app.School(), Satisfaction, responses.Take(4).ToList(), threshold: 5).Questions[^1];
        Assert.Null(open.Remarks);
        Assert.False(open.Shown);
    }

    private static SurveyResponse Response(string group, int score, string? remark = null)
    {
        var response = new SurveyResponse { Survey = "tevredenheid", Groups = [group], AskedAt = BotApp.TuesdayMorning };
        response.Answers["plezier"] = new StoredAnswer(score, null, BotApp.TuesdayMorning);
        if (remark is not null)
        {
            response.Answers["opmerking"] = new StoredAnswer(null, remark, BotApp.TuesdayMorning);
        }

        return response;
    }
}
