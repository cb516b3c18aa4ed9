using System.Globalization;
using System.Text;
using System.Text.Json;
using OuderBot.Cli;
using OuderBot.School;
using OuderBot.Understanding;
using Xunit.Abstractions;

namespace OuderBot.Tests.Understanding;

/// <summary>
/// The understanding quality bar, measured on labelled messages and date expressions written for it
/// (tests/OuderBot.Tests/Evaluation). Prints accuracy per intent and per topic; run with
/// <c>dotnet test --filter Evaluation --logger "console;verbosity=detailed"</c> to see the figures.
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output) : IClassFixture<EvaluationTests.Model>
{
    public sealed class Model : IDisposable
    {
        private readonly Owned<Understander> _owned;

        public Model()
        {
            School = SchoolLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "dialogs", "schools", "de-driehoek.yaml"));
            _owned = NluCommand.Build(Path.Combine(AppContext.BaseDirectory, "dialogs"), School);
        }

        public Understander Understander => _owned.Value;

        public SchoolData School { get; }

        public void Dispose() => _owned.Dispose();
    }

    private static readonly DateTime Monday = new(2026, 11, 23, 7, 45, 0);

    [Fact]
    public void IntentsAndFaqTopicsMeetTheQualityBar() => CheckMessages("Evaluation", output, Fixture);

    [Fact]
    public void DateExpressionsMeetTheQualityBar() => CheckDates("Evaluation", output, Fixture);

    private Model Fixture { get; } = new();

    internal static void CheckMessages(string folder, ITestOutputHelper output, Model model, double minIntent = 0.95, double minTopic = 0.92, double minConfident = 0.98, double minAtOnce = 0, string files = "messages.jsonl")
    {
        var cases = Lines(folder, files).Select(l => JsonSerializer.Deserialize<MessageCase>(l, JsonOptions)!).ToList();
        var report = new StringBuilder();
        var intentRight = 0;
        var topicCases = 0;
        var topicRight = 0;
        var confident = 0;
        var confidentRight = 0;
        var atOnce = 0;
        var clarified = 0;
        var perIntent = new Dictionary<string, (int Right, int All)>();
        var perTopic = new Dictionary<string, (int Right, int All)>();
        var misses = new List<string>();
        var watch = new System.Diagnostics.Stopwatch();
        foreach (var c in cases)
        {
            var parent = c.From is null ? null : model.School.FindParent(c.From);
            watch.Start();
            var result = model.Understander.Understand(c.Text, Monday, parent);
            watch.Stop();
            var ok = result.Intent == c.Intent;
            intentRight += ok ? 1 : 0;
            Count(perIntent, c.Intent, ok);
            if (!ok)
            {
                misses.Add($"intent {c.Intent} -> {result.Intent} ({result.Faq}): {c.Text}");
            }

            if (c.Intent == Intents.Faq)
            {
                topicCases++;
                var topic = result.Faq ?? result.FaqCandidates.FirstOrDefault()?.TopicId;
                var topicOk = topic == c.Faq;
                topicRight += topicOk ? 1 : 0;
                Count(perTopic, c.Faq ?? "(no topic)", topicOk);
                if (!topicOk && ok)
                {
                    misses.Add($"topic {c.Faq} -> {topic} ({result.Confidence:F2}): {c.Text}");
                }
            }

            if (c.Intent == Intents.Faq)
            {
                atOnce += result.Intent == Intents.Faq && result.Action == Actions.Answer && result.Faq == c.Faq ? 1 : 0;
                clarified += result.Action == Actions.Clarify ? 1 : 0;
            }

            // What the parent gets: the topic's answer at once, given with confidence.
            if (result.Intent == Intents.Faq && result.Action == Actions.Answer)
            {
                confident++;
                var right = c.Intent == Intents.Faq && c.Faq == result.Faq;
                confidentRight += right ? 1 : 0;
                if (!right)
                {
                    misses.Add($"CONFIDENT WRONG {c.Intent}/{c.Faq} -> {result.Faq} ({result.Confidence:F2}): {c.Text}");
                }
            }
        }

        var intentAccuracy = (double)intentRight / cases.Count;
        var topicAccuracy = (double)topicRight / topicCases;
        var confidentPrecision = confident == 0 ? 1 : (double)confidentRight / confident;
        var atOnceShare = topicCases == 0 ? 1 : (double)atOnce / topicCases;
        report.AppendLine(CultureInfo.InvariantCulture, $"{folder}: {cases.Count} messages");
        report.AppendLine(CultureInfo.InvariantCulture, $"intent accuracy {intentAccuracy:P1}; FAQ topic top-1 {topicAccuracy:P1} ({topicCases} faq messages); confident FAQ answers right {confidentPrecision:P1} ({confident} answered, {(double)confident / topicCases:P0} of faq messages); FAQ answered right at once {atOnceShare:P1} ({atOnce}/{topicCases}, {clarified} asked \"Bedoelt u\")");
        report.AppendLine(CultureInfo.InvariantCulture, $"understanding took {watch.Elapsed.TotalMilliseconds / cases.Count:F2} ms per message on average (this build, this machine)");
        report.AppendLine("per intent: " + string.Join(", ", perIntent.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value.Right}/{kv.Value.All}")));
        report.AppendLine("per topic: " + string.Join(", ", perTopic.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value.Right}/{kv.Value.All}")));
        foreach (var miss in misses)
        {
            report.AppendLine("  " + miss);
        }

        output.WriteLine(report.ToString());
        Assert.True(intentAccuracy >= minIntent, $"intent accuracy {intentAccuracy:P1} is below {minIntent:P0}\n{report}");
        Assert.True(topicAccuracy >= minTopic, $"FAQ topic top-1 {topicAccuracy:P1} is below {minTopic:P0}\n{report}");
        Assert.True(confidentPrecision >= minConfident, $"confident FAQ answers right {confidentPrecision:P1} is below {minConfident:P0}\n{report}");
        Assert.True(atOnceShare >= minAtOnce, $"FAQ answered right at once {atOnceShare:P1} is below {minAtOnce:P0}\n{report}");
    }

    internal static void CheckDates(string folder, ITestOutputHelper output, Model model)
    {
        var cases = Lines(folder, "dates.jsonl").Select(l => JsonSerializer.Deserialize<DateCase>(l, JsonOptions)!).ToList();
        var right = 0;
        var report = new StringBuilder();
        var parser = new DateTimeParser();
        foreach (var c in cases)
        {
            var now = DateTime.Parse(c.Now, CultureInfo.InvariantCulture);
            var actual = parser.Parse(c.Text, now).Select(Format).ToList();
            var expected = c.Dates.Select(d => $"{d.Start}..{d.End ?? "open"} {d.Time ?? "-"}-{d.TimeEnd ?? "-"} {d.Part ?? "-"}").ToList();
            if (actual.SequenceEqual(expected))
            {
                right++;
            }
            else
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  [{c.Now}] {c.Text}\n     expected {string.Join(" | ", expected)}\n     got      {string.Join(" | ", actual)}");
            }
        }

        var accuracy = (double)right / cases.Count;
        output.WriteLine($"{folder}: date expressions exact {right}/{cases.Count} = {accuracy:P1}\n{report}");
        Assert.True(accuracy >= 0.97, $"date expressions exact {accuracy:P1} is below 97%\n{report}");

        static string Format(DateMention d) =>
            string.Create(CultureInfo.InvariantCulture, $"{d.Start:yyyy-MM-dd}..{(d.End is { } e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")} {(d.Time is { } t ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : "-")}-{(d.TimeEnd is { } te ? te.ToString("HH:mm", CultureInfo.InvariantCulture) : "-")} {d.Part ?? "-"}");
    }

    private static void Count(Dictionary<string, (int Right, int All)> counts, string key, bool ok)
    {
        var (r, a) = counts.GetValueOrDefault(key);
        counts[key] = (r + (ok ? 1 : 0), a + 1);
    }

    /// <summary>The lines of the folder's files that match the pattern ("messages.jsonl", or "*.jsonl" for every file).</summary>
    private static IEnumerable<string> Lines(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, folder), pattern).Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines).Where(l => !string.IsNullOrWhiteSpace(l));

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    internal sealed record MessageCase(string Text, string Intent, string? Faq, string? Lang, string? From, string? Child);

    internal sealed record DateCase(string Text, string Now, List<DateValue> Dates);

    internal sealed record DateValue(string Start, string? End, string? Time, string? TimeEnd, string? Part);
}
