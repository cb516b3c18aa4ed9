using Xunit.Abstractions;

namespace OuderBot.Tests.Understanding;

/// <summary>
/// The same quality bar on messages and dates written independently by the same rules and never used to tune the
/// understanding (tests/OuderBot.Tests/Holdout): how well it generalises. Keep it unseen: do not fix a miss here by
/// adding its words; fix the rule it shows is missing, and check the rule on the evaluation set.
/// </summary>
public sealed class HoldoutTests(ITestOutputHelper output) : IClassFixture<EvaluationTests.Model>
{
    private readonly EvaluationTests.Model _model = new();

    [Fact]
    public void UnseenIntentsAndFaqTopicsMeetTheQualityBar() => EvaluationTests.CheckMessages("Holdout", output, _model);

    [Fact]
    public void UnseenDateExpressionsMeetTheQualityBar() => EvaluationTests.CheckDates("Holdout", output, _model);
}
