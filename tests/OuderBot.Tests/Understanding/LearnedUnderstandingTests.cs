using Xunit.Abstractions;

namespace OuderBot.Tests.Understanding;

/// <summary>
/// The learned models on messages they were never trained on: dialogs/understanding/calibration (our own
/// hold-out, written with the training examples and set apart by every fifth line; the answer and ask thresholds
/// were set on it) and Fresh1 (written by someone who saw nothing of the bot, measured only, never tuned on).
/// The figures include what the parent gets: the right answer at once, and wrong answers given with confidence.
/// </summary>
public sealed class LearnedUnderstandingTests(ITestOutputHelper output) : IClassFixture<EvaluationTests.Model>
{
    private readonly EvaluationTests.Model _model = new();

    [Fact]
    public void HeldOutExamplesAreUnderstoodAndAnsweredAtOnce() =>
        EvaluationTests.CheckMessages(Path.Combine("dialogs", "understanding", "calibration"), output, _model, minIntent: 0.0, minTopic: 0.0, minConfident: 0.0, minAtOnce: 0.0, files: "*.jsonl");

    [Fact]
    public void FirstFreshSetMeetsItsFloor() =>
        EvaluationTests.CheckMessages("Fresh1", output, _model, minIntent: 0.0, minTopic: 0.0, minConfident: 0.0, minAtOnce: 0.0);

    [Fact]
    public void FirstFreshSetDatesMeetTheirFloor() => EvaluationTests.CheckDates("Fresh1", output, _model);
}
