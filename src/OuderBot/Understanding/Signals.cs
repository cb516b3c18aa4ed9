using System.Collections.Frozen;
using OuderBot.Dialogs;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OuderBot.Understanding;

/// <summary>
/// The cue phrases of dialogs/understanding/signals.yaml, compiled for fast matching on a message's tokens:
/// whole words, "word*" prefixes, "*" for any one word, and one typo for words of six letters or more.
/// </summary>
public sealed class Signals
{
    private readonly FrozenDictionary<string, Phrase[]> _phrases;

    private Signals(FrozenDictionary<string, Phrase[]> phrases) => _phrases = phrases;

    public static Signals Load(string path)
    {
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var file = yaml.Deserialize<SignalFile>(File.ReadAllText(path));
        var phrases = (file.Signals ?? []).ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.Select(p => new Phrase(p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(NormalizeWord).Where(w => w.Length > 0).ToArray()))
                .Where(p => p.Words.Length > 0)
                .ToArray());
        return new Signals(phrases);
    }

    public IEnumerable<string> Names => _phrases.Keys;

    // "ziek*" stays a prefix and "*arts" a suffix pattern; the rest is normalised as messages are.
    private static string NormalizeWord(string word) => word switch
    {
        "*" => "*",
        _ when word.Length > 1 && word[^1] == '*' => Texts.Normalize(word[..^1]).Replace(" ", "", StringComparison.Ordinal) + "*",
        _ when word.Length > 1 && word[0] == '*' => "*" + Texts.Normalize(word[1..]).Replace(" ", "", StringComparison.Ordinal),
        _ => Texts.Normalize(word).Replace(" ", "", StringComparison.Ordinal),
    };

    /// <summary>Whether any phrase of the signal stands in the tokens; <paramref name="typos"/> false: exactly as
    /// written (for a list whose words are one letter from common words: "honden"/"houden", "police"/"policy").</summary>
    public bool Has(string signal, string[] tokens, bool typos = true) => Find(signal, tokens, typos) is not null;

    /// <summary>The first position where a phrase of the signal starts, or null.</summary>
    public int? Find(string signal, string[] tokens, bool typos = true)
    {
        if (!_phrases.TryGetValue(signal, out var phrases))
        {
            return null;
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            foreach (var phrase in phrases)
            {
                if (phrase.MatchesAt(tokens, i, typos))
                {
                    return i;
                }
            }
        }

        return null;
    }

    /// <summary>True when every token is one of the signals' words (for "hoi juf, bedankt!").</summary>
    public bool Covers(string[] tokens, params string[] signals)
    {
        var i = 0;
        while (i < tokens.Length)
        {
            var advanced = false;
            foreach (var signal in signals)
            {
                foreach (var phrase in _phrases.GetValueOrDefault(signal) ?? [])
                {
                    if (phrase.Words.Length > 0 && phrase.MatchesAt(tokens, i, fuzzy: false))
                    {
                        i += phrase.Words.Length;
                        advanced = true;
                        break;
                    }
                }

                if (advanced)
                {
                    break;
                }
            }

            if (!advanced)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Phrase(string[] Words)
    {
        public bool MatchesAt(string[] tokens, int start, bool fuzzy = true)
        {
            if (start + Words.Length > tokens.Length)
            {
                return false;
            }

            for (var j = 0; j < Words.Length; j++)
            {
                if (!WordMatches(Words[j], tokens[start + j], fuzzy))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool WordMatches(string pattern, string token, bool fuzzy)
        {
            if (pattern == "*")
            {
                return true;
            }

            if (pattern.Length > 1 && pattern[^1] == '*')
            {
                return token.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal);
            }

            if (pattern.Length > 1 && pattern[0] == '*')
            {
                return token.Length > pattern.Length && token.EndsWith(pattern.AsSpan(1), StringComparison.Ordinal);
            }

            if (token == pattern)
            {
                return true;
            }

            return fuzzy && pattern.Length >= 6 && Math.Abs(pattern.Length - token.Length) <= 1 && pattern[0] == token[0] && EditDistance.Between(pattern, token) <= 1;
        }
    }

    private sealed class SignalFile
    {
        public Dictionary<string, List<string>>? Signals { get; set; }
    }
}
