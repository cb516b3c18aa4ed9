using Xunit.Abstractions;

namespace OuderBot.Tests.Understanding;

/// <summary>
/// Messages and dates written independently by the same rules (tests/OuderBot.Tests/Holdout*), to see how well the
/// understanding generalises. Holdout and Holdout2 were each looked at once, after tuning, to find missing rules (not
/// words); Holdout3 was measured twice unseen and then looked at once too; Holdout4 (messages only) was never looked at. These print the issue's figures and guard a floor against regressions
/// (intent 93%, topic 92%, confident answers 97%; measured: intent 98-99%, topic 95-96%, confident 100%); the issue's
/// bar itself (95/92/98) is asserted on the evaluation set.
/// Keep them unseen: do not fix a miss here by adding its words; fix the rule it shows is missing.
/// </summary>
public sealed class HoldoutTests(ITestOutputHelper output) : IClassFixture<EvaluationTests.Model>
{
    private readonly EvaluationTests.Model _model = new();

    private static class Floor
    {
        public const double Intent = 0.93;
        public const double Topic = 0.92;
        public const double Confident = 0.97;
    }

    [Fact]
    public void UnseenIntentsAndFaqTopicsMeetTheQualityBar() => EvaluationTests.CheckMessages("Holdout", output, _model, Floor.Intent, Floor.Topic, Floor.Confident);

    [Fact]
    public void UnseenDateExpressionsMeetTheQualityBar() => EvaluationTests.CheckDates("Holdout", output, _model);

    // A second set, written after the understanding was tuned (the first was looked at once to find missing rules).
    [Fact]
    public void SecondUnseenIntentsAndFaqTopicsMeetTheQualityBar() => EvaluationTests.CheckMessages("Holdout2", output, _model, Floor.Intent, Floor.Topic, Floor.Confident);

    [Fact]
    public void SecondUnseenDateExpressionsMeetTheQualityBar() => EvaluationTests.CheckDates("Holdout2", output, _model);

    [Fact]
    public void ThirdUnseenIntentsAndFaqTopicsMeetTheQualityBar() => EvaluationTests.CheckMessages("Holdout3", output, _model, Floor.Intent, Floor.Topic, Floor.Confident);

    [Fact]
    public void ThirdUnseenDateExpressionsMeetTheQualityBar() => EvaluationTests.CheckDates("Holdout3", output, _model);

    [Fact]
    public void FourthUnseenIntentsAndFaqTopicsMeetTheQualityBar() => EvaluationTests.CheckMessages("Holdout4", output, _model, Floor.Intent, Floor.Topic, Floor.Confident);
}

public sealed class TrainingDataTests
{
    [Fact]
    public void NoTrainingExampleIsAlsoAnEvaluationOrHoldoutMessage()
    {
        static IEnumerable<string> Texts(string folder) =>
            Directory.EnumerateFiles(folder, "*.jsonl")
                .SelectMany(File.ReadLines)
                .Where(l => l.Length > 0)
                .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
                .Select(OuderBot.Dialogs.Texts.Normalize);

        var understanding = Path.Combine(AppContext.BaseDirectory, "dialogs", "understanding");
        var examples = Texts(Path.Combine(understanding, "examples")).ToHashSet();
        var training = Texts(Path.Combine(understanding, "training")).Concat(examples).ToHashSet();
        Assert.NotEmpty(training);
        foreach (var folder in new[] { "Evaluation", "Holdout", "Holdout2", "Holdout3", "Holdout4", Path.Combine(understanding, "calibration"), Path.Combine(understanding, "dev") })
        {
            var leaked = Texts(Path.Combine(AppContext.BaseDirectory, folder)).Where(training.Contains).ToList();
            Assert.True(leaked.Count == 0, $"{folder} messages also in the training data: {string.Join(" | ", leaked)}");
        }

        // Fresh1 was written after training/ and shares a few of its shortest messages ("menu", "ok"); the examples
        // written since never repeat one of its messages.
        var fresh = Texts(Path.Combine(AppContext.BaseDirectory, "Fresh1")).Where(examples.Contains).ToList();
        Assert.True(fresh.Count == 0, $"Fresh1 messages also in the examples: {string.Join(" | ", fresh)}");
    }
}
