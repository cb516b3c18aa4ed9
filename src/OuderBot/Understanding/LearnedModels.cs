using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OuderBot.Faq;

namespace OuderBot.Understanding;

/// <summary>One labelled message of dialogs/understanding: its intent and, for a question, its FAQ topic.</summary>
public sealed record LabelledMessage(string Text, string Intent, string? Faq);

/// <summary>
/// The two learned models of a school: the intent of a message, and its FAQ topic or "none" (a question the school's
/// knowledge base does not answer). Trained from dialogs/understanding/training and dialogs/understanding/examples
/// plus the knowledge base's own example questions and titles; dialogs/understanding/calibration is never trained on
/// (it is the held-out set the thresholds were set on). Training takes a fraction of a second; the models are cached
/// per process by what they were trained on, so a host that starts again (as the tests do hundreds of times) reuses them.
/// </summary>
public sealed class LearnedModels
{
    /// <summary>The topic model's label for "no topic of this school".</summary>
    public const string NoTopic = "none";

    private static readonly ConcurrentDictionary<string, Lazy<LearnedModels>> Cache = new(StringComparer.Ordinal);

    private LearnedModels(TextClassifier intents, TextClassifier topics)
    {
        IntentModel = intents;
        TopicModel = topics;
    }

    public TextClassifier IntentModel { get; }

    public TextClassifier TopicModel { get; }

    /// <summary>The models for this knowledge base and these names, trained once per process.</summary>
    public static LearnedModels For(string understandingFolder, FaqKnowledgeBase knowledge, IReadOnlySet<string> names)
    {
        var examples = Load(Path.Combine(understandingFolder, "training")).Concat(Load(Path.Combine(understandingFolder, "examples"))).ToList();
        var key = Key(examples, knowledge, names);
        return Cache.GetOrAdd(key, _ => new Lazy<LearnedModels>(() => Train(examples, knowledge, names))).Value;
    }

    /// <summary>The models trained afresh, never from the cache: what a school's first start costs (the benchmark).</summary>
    public static LearnedModels TrainFresh(string understandingFolder, FaqKnowledgeBase knowledge, IReadOnlySet<string> names) =>
        Train([.. Load(Path.Combine(understandingFolder, "training")).Concat(Load(Path.Combine(understandingFolder, "examples")))], knowledge, names);

    /// <summary>Every *.jsonl file in the folder: one {"text", "intent", "faq"} object per line; a missing folder has none.</summary>
    public static IReadOnlyList<LabelledMessage> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var messages = new List<LabelledMessage>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                var json = JsonDocument.Parse(line).RootElement;
                var faq = json.TryGetProperty("faq", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                messages.Add(new LabelledMessage(json.GetProperty("text").GetString() ?? "", json.GetProperty("intent").GetString() ?? Intents.Unknown, faq));
            }
        }

        return messages;
    }

    private static LearnedModels Train(IReadOnlyList<LabelledMessage> examples, FaqKnowledgeBase knowledge, IReadOnlySet<string> names)
    {
        var own = knowledge.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var faqExamples = knowledge.Topics
            .SelectMany(t => t.Title.Values.Concat(t.Examples.Values.SelectMany(e => e)).Select(text => (text, t.Id)))
            .ToList();
        var intentData = examples.Select(e => (e.Text, e.Intent)).Concat(faqExamples.Select(e => (e.text, Intents.Faq))).ToList();
        // "None of the school's topics" learns from what is out of scope ("hoe laat gaat de Albert Heijn open") and
        // from questions about a topic this school does not have ("wanneer is het schoolreisje" without one); the
        // other intents are the intent model's business.
        var topicData = examples
            .Where(e => e.Intent == Intents.Unknown || (e.Intent == Intents.Faq && e.Faq is not null))
            .Select(e => (e.Text, e.Intent == Intents.Faq && e.Faq is { } id && own.Contains(id) ? id : NoTopic))
            .Concat(faqExamples)
            .ToList();
        return new LearnedModels(TextClassifier.Train(intentData, names), TextClassifier.Train(topicData, names));
    }

    private static string Key(IReadOnlyList<LabelledMessage> examples, FaqKnowledgeBase knowledge, IReadOnlySet<string> names)
    {
        var text = new StringBuilder();
        foreach (var e in examples)
        {
            text.Append(e.Text).Append('\u0001').Append(e.Intent).Append('\u0001').Append(e.Faq).Append('\n');
        }

        foreach (var topic in knowledge.Topics.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            text.Append(topic.Id).Append('\u0002').AppendJoin('\u0001', topic.Title.Values).AppendJoin('\u0001', topic.Examples.Values.SelectMany(e => e)).Append('\n');
        }

        text.AppendJoin('\u0001', names.Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
