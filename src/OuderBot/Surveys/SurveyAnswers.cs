using System.Globalization;
using OuderBot.Dialogs;
using YamlDotNet.Serialization;

namespace OuderBot.Surveys;

/// <summary>What a parent's answer to a survey question means.</summary>
public enum AnswerKind
{
    /// <summary>Not an answer this question takes: asked again.</summary>
    None,
    Score,
    Remark,

    /// <summary>An open question left empty ("nee").</summary>
    Skipped,

    /// <summary>"later": the survey stops here for now; what was answered is kept.</summary>
    Pause,
}

public readonly record struct SurveyAnswer(AnswerKind Kind, int Score = 0, string? Text = null);

/// <summary>
/// Reads answers the way parents give them (dialogs/surveys/answers.yaml): a number 1-5 in any form ("4", "een 4",
/// "4/5", "vier"), words ("heel goed", "gaat wel", "slecht"), or an emoji (the longest phrase the answer holds wins,
/// so "niet goed" is not "goed"); "later" pauses; an open question takes the parent's own words or "nee".
/// </summary>
public sealed class SurveyAnswers
{
    /// <summary>A remark is kept up to this length; the rest is cut (an SMS thread can be long).</summary>
    public const int MaxRemarkLength = 1000;

    // "een" and "one" are also articles ("een goede school"): a number only when they stand alone.
    private static readonly string[] NumberWords = ["", "twee", "drie", "vier", "vijf"];
    private static readonly string[] EnglishNumberWords = ["", "two", "three", "four", "five"];

    private readonly List<(string Phrase, int Score, bool Emoji)> _scale;
    private readonly HashSet<string> _pause;
    private readonly HashSet<string> _skip;
    private readonly List<string> _resume;

    private SurveyAnswers(List<(string, int, bool)> scale, IEnumerable<string> pause, IEnumerable<string> skip, IEnumerable<string> resume)
    {
        _scale = [.. scale.OrderByDescending(s => s.Item1.Length)];
        _pause = [.. pause.Select(Texts.Normalize)];
        _skip = [.. skip.Select(Texts.Normalize)];
        _resume = [.. resume.Select(Texts.Normalize).OrderByDescending(w => w.Length)];
    }

    public static SurveyAnswers Load(string path)
    {
        var file = new DeserializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance).Build().Deserialize<AnswersFile?>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: the file is empty.");
        var scale = new List<(string, int, bool)>();
        foreach (var (score, phrases) in file.Scale ?? [])
        {
            if (score is < 1 or > 5)
            {
                throw new InvalidDataException($"{path}: scale has {score}; the scale runs from 1 to 5.");
            }

            // Emoji are matched as they are (normalising drops them); words as normalised whole words.
            scale.AddRange(phrases.Select(p => Texts.Normalize(p) is { Length: > 0 } words ? (words, score, false) : (p.Trim(), score, true)));
        }

        return new SurveyAnswers(scale, file.Pause ?? [], file.Skip ?? [], file.Resume ?? []);
    }

    /// <summary>The answer to <paramref name="question"/> in the parent's message.</summary>
    public SurveyAnswer Read(SurveyQuestion question, string message)
    {
        var normalized = Texts.Normalize(message).TrimEnd('.', '!');
        if (_pause.Contains(normalized))
        {
            return new SurveyAnswer(AnswerKind.Pause);
        }

        if (!question.Scale)
        {
            if (normalized.Length == 0 && message.Trim().Length == 0)
            {
                return new SurveyAnswer(AnswerKind.None);
            }

            var text = message.Trim();
            return _skip.Contains(normalized)
                ? new SurveyAnswer(AnswerKind.Skipped)
                : new SurveyAnswer(AnswerKind.Remark, Text: text.Length > MaxRemarkLength ? text[..MaxRemarkLength] : text);
        }

        return Score(normalized, message) is { } score ? new SurveyAnswer(AnswerKind.Score, score) : new SurveyAnswer(AnswerKind.None);
    }

    /// <summary>True when the message asks to go on with a survey ("vragenlijst", "verder met de enquete").</summary>
    public bool IsResume(string normalized) =>
        _resume.Any(w => normalized == w || (" " + normalized + " ").Contains(" " + w + " ", StringComparison.Ordinal)) && normalized.Split(' ').Length <= 6;

    private int? Score(string normalized, string raw)
    {
        // A number: "4", "een 4", "4/5", "4 van 5", "cijfer 4", "vier". Two different numbers ("3 of 4") are no answer.
        var words = normalized.Replace("/5", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var numbers = words.Select(NumberOf).Where(n => n is not null).Distinct().ToList();
        if (numbers.Count == 1 && words.Length <= 4)
        {
            return numbers[0];
        }

        if (numbers.Count > 1)
        {
            return null;
        }

        if (normalized is "een" or "one")
        {
            return 1;
        }

        var padded = " " + normalized + " ";
        foreach (var (phrase, score, emoji) in _scale)
        {
            if (emoji ? raw.Contains(phrase, StringComparison.Ordinal) : padded.Contains(" " + phrase + " ", StringComparison.Ordinal))
            {
                return score;
            }
        }

        return null;
    }

    private static int? NumberOf(string word)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n is >= 1 and <= 5 ? n : null;
        }

        var index = word.Length == 0 ? -1 : Array.IndexOf(NumberWords, word);
        index = index >= 0 || word.Length == 0 ? index : Array.IndexOf(EnglishNumberWords, word);
        return index >= 0 ? index + 1 : null;
    }

    private sealed class AnswersFile
    {
        public Dictionary<int, List<string>>? Scale { get; set; }
        public List<string>? Pause { get; set; }
        public List<string>? Skip { get; set; }
        public List<string>? Resume { get; set; }
    }
}
