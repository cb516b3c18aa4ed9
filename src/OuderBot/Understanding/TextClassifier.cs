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
    private const int Epochs = 20;
    private const double LearningRate = 1.2;
    private const float Decay = 1e-5f;
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);
    private static int _stemsAdded;

    private readonly string[] _classes;
    private readonly Dictionary<string, int> _features;
    private readonly float[] _weights;   // feature-major: the weights of feature f for every class at f * classes
    private readonly float[] _bias;

    private TextClassifier(string[] classes, Dictionary<string, int> features, float[] weights, float[] bias)
    {
        _classes = classes;
        _features = features;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Classes => _classes;

    public int ExampleCount { get; private init; }

    /// <summary>Trains on labelled texts; names (the school's children) become one placeholder feature.</summary>
    public static TextClassifier Train(IReadOnlyList<(string Text, string Label)> examples, IReadOnlySet<string> names)
    {
        var classes = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var label = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new (int[] Features, float Scale, int Label)[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var found = Features(examples[i].Text, names);
            var ids = new int[found.Count];
            var k = 0;
            foreach (var feature in found)
            {
                if (!features.TryGetValue(feature, out var id))
                {
                    features[feature] = id = features.Count;
                }

                ids[k++] = id * classes.Length;
            }

            rows[i] = (ids, (float)(1 / Math.Sqrt(Math.Max(1, ids.Length))), label[examples[i].Label]);
        }

        var weights = new float[features.Count * classes.Length];
        var bias = new float[classes.Length];
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var random = new Random(17);
        var scores = new double[classes.Length];
        var active = new int[classes.Length];
        var gradients = new float[classes.Length];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + (epoch * 0.25));
            foreach (var i in order)
            {
                var (ids, scale, target) = rows[i];
                Scores(weights, ids, scale, bias, scores);
                // Only the classes with something to learn: the rest are already ruled out (most of the time saved).
                var count = 0;
                for (var c = 0; c < scores.Length; c++)
                {
                    var gradient = (float)(rate * ((c == target ? 1 : 0) - scores[c]));
                    if (Math.Abs(gradient) >= 1e-4f)
                    {
                        active[count] = c;
                        gradients[count++] = gradient;
                        bias[c] += gradient * 0.1f;
                    }
                }

                foreach (var offset in ids)
                {
                    for (var k = 0; k < count; k++)
                    {
                        ref var weight = ref weights[offset + active[k]];
                        weight += (gradients[k] * scale) - (Decay * weight);
                    }
                }
            }
        }

        return new TextClassifier(classes, features, weights, bias) { ExampleCount = examples.Count };
    }

    /// <summary>Every class with its probability, most likely first; empty for a model without classes.</summary>
    public IReadOnlyList<(string Label, double Probability)> Predict(string text, IReadOnlySet<string> names)
    {
        if (_classes.Length == 0)
        {
            return [];
        }

        var features = Features(text, names);
        var ids = features.Select(f => _features.TryGetValue(f, out var id) ? id * _classes.Length : -1).Where(id => id >= 0).ToArray();
        var scores = new double[_classes.Length];
        Scores(_weights, ids, (float)(1 / Math.Sqrt(Math.Max(1, features.Count))), _bias, scores);
        return [.. _classes.Select((c, i) => (c, scores[i])).OrderByDescending(x => x.Item2)];
    }

    /// <summary>Softmax over the classes, written into <paramref name="scores"/>.</summary>
    private static void Scores(float[] weights, int[] ids, float scale, float[] bias, double[] scores)
    {
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = bias[c];
        }

        foreach (var offset in ids)
        {
            for (var c = 0; c < scores.Length; c++)
            {
                scores[c] += weights[offset + c] * scale;
            }
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

        if (Stems.TryGetValue(word, out var stem))
        {
            return stem;
        }

        var stemmer = new DutchStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        stem = stemmer.Current;

        // Bounded, so that a stream of new words never grows it without end. Counted here, on a new word: the
        // dictionary's Count takes all its locks, and every word of every message on every thread passes this way.
        if (Interlocked.Increment(ref _stemsAdded) > 100_000)
        {
            Stems.Clear();
            Interlocked.Exchange(ref _stemsAdded, 0);
        }

        Stems.TryAdd(word, stem);
        return stem;
    }
}
