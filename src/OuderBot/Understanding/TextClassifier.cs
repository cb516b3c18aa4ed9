using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball.Ext;
using OuderBot.Dialogs;

namespace OuderBot.Understanding;

/// <summary>
/// A maximum-entropy (multinomial logistic regression) classifier over word unigrams, word pairs, stems and
/// character 3- and 4-grams, trained by stochastic gradient descent with L2 decay. Discriminative, so a word that
/// two classes share weighs little and the words that set a class apart weigh much; the character n-grams carry
/// typos, compounds and inflections. Deterministic (fixed order and seed), trained in well under a second on a few
/// thousand examples, read-only and thread-safe once trained.
/// </summary>
public sealed class TextClassifier
{
    private const int Epochs = 24;
    private const double LearningRate = 0.35;
    private const double Decay = 1e-5;
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);

    private readonly string[] _classes;
    private readonly Dictionary<string, float[]> _weights;
    private readonly float[] _bias;

    private TextClassifier(string[] classes, Dictionary<string, float[]> weights, float[] bias)
    {
        _classes = classes;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Classes => _classes;

    public int ExampleCount { get; private init; }

    /// <summary>Trains on labelled texts; names (the school's children) become one placeholder feature.</summary>
    public static TextClassifier Train(IReadOnlyList<(string Text, string Label)> examples, IReadOnlySet<string> names)
    {
        var classes = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var data = examples.Select(e => (Features: Features(e.Text, names).ToArray(), Label: index[e.Label])).ToArray();
        foreach (var feature in data.SelectMany(d => d.Features).Distinct())
        {
            weights[feature] = new float[classes.Length];
        }

        var rows = data.Select(d => (Weights: d.Features.Select(f => weights[f]).ToArray(), Scale: (float)(1 / Math.Sqrt(Math.Max(1, d.Features.Length))), d.Label)).ToArray();
        var bias = new float[classes.Length];
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var random = new Random(17);
        var scores = new double[classes.Length];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + (epoch * 0.25));
            foreach (var i in order)
            {
                var (w, scale, label) = rows[i];
                Scores(w, scale, bias, scores);
                for (var c = 0; c < scores.Length; c++)
                {
                    var gradient = (float)(rate * ((c == label ? 1 : 0) - scores[c]));
                    bias[c] += gradient * 0.1f;
                    foreach (var feature in w)
                    {
                        feature[c] += (gradient * scale) - (float)(Decay * feature[c]);
                    }
                }
            }
        }

        return new TextClassifier(classes, weights, bias) { ExampleCount = examples.Count };
    }

    /// <summary>Every class with its probability, most likely first; empty for a model without classes.</summary>
    public IReadOnlyList<(string Label, double Probability)> Predict(string text, IReadOnlySet<string> names)
    {
        if (_classes.Length == 0)
        {
            return [];
        }

        var features = Features(text, names);
        var known = features.Select(f => _weights.GetValueOrDefault(f)).OfType<float[]>().ToArray();
        var scores = new double[_classes.Length];
        Scores(known, (float)(1 / Math.Sqrt(Math.Max(1, features.Count))), _bias, scores);
        return [.. _classes.Select((c, i) => (c, scores[i])).OrderByDescending(x => x.Item2)];
    }

    /// <summary>Softmax over the classes, written into <paramref name="scores"/>.</summary>
    private static void Scores(float[][] features, float scale, float[] bias, double[] scores)
    {
        for (var c = 0; c < scores.Length; c++)
        {
            double sum = bias[c];
            foreach (var feature in features)
            {
                sum += feature[c] * scale;
            }

            scores[c] = sum;
        }

        var max = scores.Max();
        var total = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            total += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= total;
        }
    }

    /// <summary>Words, stems, word pairs and character 3/4-grams; names and numbers become placeholders.</summary>
    internal static HashSet<string> Features(string text, IReadOnlySet<string> names)
    {
        var tokens = Texts.Tokenize(text)
            .Select(t => names.Contains(t) ? "<name>" : t.Any(char.IsDigit) ? "<num>" : t)
            .ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            seen.Add("w:" + token);
            if (token[0] != '<')
            {
                seen.Add("s:" + Stem(token));
                var padded = "^" + token + "$";
                for (var n = 3; n <= 4; n++)
                {
                    for (var start = 0; start + n <= padded.Length; start++)
                    {
                        seen.Add(string.Concat("c:", padded.AsSpan(start, n)));
                    }
                }
            }

            if (i + 1 < tokens.Length)
            {
                seen.Add("b:" + token + " " + tokens[i + 1]);
            }
        }

        if (tokens.Length > 0)
        {
            seen.Add("first:" + tokens[0]);
        }

        seen.Add(tokens.Length switch { <= 2 => "len:short", <= 8 => "len:mid", _ => "len:long" });
        if (text.Contains('?', StringComparison.Ordinal))
        {
            seen.Add("<question>");
        }

        return seen;
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
