using System.Collections.Concurrent;
using System.Text.Json;
using Lucene.Net.Tartarus.Snowball.Ext;
using OuderBot.Dialogs;

namespace OuderBot.Understanding;

/// <summary>
/// A multinomial naive Bayes intent model over stemmed words and word pairs, trained at start from the labelled
/// examples in dialogs/understanding/training/*.jsonl (milliseconds for a thousand examples). The rules decide where
/// the borders are clear; this model carries the vocabulary the rules do not list, where the rules fall through.
/// </summary>
public sealed class IntentModel
{
    private const double Smoothing = 0.5;
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);

    private readonly string[] _intents;
    private readonly double[] _logPrior;
    private readonly Dictionary<string, double[]> _logLikelihood;
    private readonly double[] _logUnseen;

    private IntentModel(string[] intents, double[] logPrior, Dictionary<string, double[]> logLikelihood, double[] logUnseen)
    {
        _intents = intents;
        _logPrior = logPrior;
        _logLikelihood = logLikelihood;
        _logUnseen = logUnseen;
    }

    public int ExampleCount { get; private init; }

    /// <summary>Trains on every *.jsonl file in the folder: one {"text", "intent"} object per line. An empty or missing folder gives an empty model.</summary>
    public static IntentModel Train(string folder, IReadOnlySet<string> names)
    {
        var examples = new List<(string Text, string Intent)>();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
            {
                foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
                {
                    var json = JsonDocument.Parse(line).RootElement;
                    examples.Add((json.GetProperty("text").GetString() ?? "", json.GetProperty("intent").GetString() ?? Intents.Unknown));
                }
            }
        }

        var intents = examples.Select(e => e.Intent).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = intents.Select((intent, i) => (intent, i)).ToDictionary(x => x.intent, x => x.i);
        var featureCounts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var totals = new double[intents.Length];
        var documents = new double[intents.Length];
        foreach (var (text, intent) in examples)
        {
            var c = index[intent];
            documents[c]++;
            foreach (var feature in Features(text, names).Distinct())
            {
                if (!featureCounts.TryGetValue(feature, out var counts))
                {
                    counts = featureCounts[feature] = new double[intents.Length];
                }

                counts[c]++;
                totals[c]++;
            }
        }

        var vocabulary = featureCounts.Count + 1;
        var logUnseen = totals.Select(t => Math.Log(Smoothing / (t + (Smoothing * vocabulary)))).ToArray();
        var logLikelihood = featureCounts.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Select((n, c) => Math.Log((n + Smoothing) / (totals[c] + (Smoothing * vocabulary)))).ToArray(),
            StringComparer.Ordinal);
        // A flat prior: the training set's proportions say nothing about how often parents send each intent.
        var logPrior = intents.Select(_ => Math.Log(1.0 / Math.Max(1, intents.Length))).ToArray();
        return new IntentModel(intents, logPrior, logLikelihood, logUnseen) { ExampleCount = examples.Count };
    }

    /// <summary>The most likely intent and its probability, or null when the model has no examples.</summary>
    public (string Intent, double Probability)? Predict(string text, IReadOnlySet<string> names)
    {
        if (_intents.Length == 0)
        {
            return null;
        }

        var scores = (double[])_logPrior.Clone();
        var known = 0;
        foreach (var feature in Features(text, names).Distinct())
        {
            if (!_logLikelihood.TryGetValue(feature, out var likelihood))
            {
                continue;
            }

            known++;
            for (var c = 0; c < scores.Length; c++)
            {
                scores[c] += likelihood[c];
            }
        }

        if (known == 0)
        {
            return null;
        }

        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        var sum = scores.Sum(s => Math.Exp(s - scores[best]));
        return (_intents[best], 1 / sum);
    }

    /// <summary>Stemmed words and neighbouring pairs; names and numbers become placeholders.</summary>
    internal static IEnumerable<string> Features(string text, IReadOnlySet<string> names)
    {
        var tokens = Texts.Tokenize(text)
            .Select(t => names.Contains(t) ? "<name>" : t.Any(char.IsDigit) ? "<num>" : Stem(t))
            .ToArray();
        for (var i = 0; i < tokens.Length; i++)
        {
            yield return tokens[i];
            if (i + 1 < tokens.Length)
            {
                yield return tokens[i] + " " + tokens[i + 1];
            }
        }

        if (text.Contains('?', StringComparison.Ordinal))
        {
            yield return "<question>";
        }
    }

    private static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        if (Stems.Count > 100_000)
        {
            Stems.Clear();
        }

        return Stems.GetOrAdd(word, w =>
        {
            var stemmer = new DutchStemmer();
            stemmer.SetCurrent(w);
            stemmer.Stem();
            return stemmer.Current;
        });
    }
}
