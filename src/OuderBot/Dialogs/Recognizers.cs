using System.Globalization;

namespace OuderBot.Dialogs;

/// <summary>Recognises an answer to a numbered choice: the number, the words, or a near-typo of them.</summary>
public static class ChoiceRecognizer
{
    /// <summary>The index of the chosen option, or null when the answer fits none or more than one.</summary>
    public static int? Recognize(string normalizedAnswer, IReadOnlyList<IReadOnlyList<string>> optionWords)
    {
        var answer = normalizedAnswer.Trim();
        if (answer.Length == 0)
        {
            return null;
        }

        // "2", "2.", "nr 2", "optie 2", "nummer 2"
        var tokens = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var numberToken = tokens.Length switch
        {
            1 => tokens[0],
            2 when tokens[0] is "nr" or "nummer" or "optie" or "keuze" or "number" or "option" => tokens[1],
            _ => null,
        };
        if (numberToken is not null && int.TryParse(numberToken.TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= optionWords.Count ? number - 1 : null;
        }

        // Whole answer equals an option's words.
        if (Single(optionWords, words => words.Any(w => w == answer)) is { } exact)
        {
            return exact;
        }

        // The option's words stand in the answer ("tim is ziek" picks Tim).
        if (Single(optionWords, words => words.Any(w => ContainsPhrase(answer, w))) is { } contained)
        {
            return contained;
        }

        // A near-typo of one option ("tmi", "emmma").
        return Single(optionWords, words => words.Any(w => IsNear(answer, w) || tokens.Any(t => IsNear(t, w))));
    }

    /// <summary>True when <paramref name="phrase"/> stands in <paramref name="text"/> as whole words.</summary>
    public static bool ContainsPhrase(string text, string phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }

        var index = 0;
        while ((index = text.IndexOf(phrase, index, StringComparison.Ordinal)) >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var afterIndex = index + phrase.Length;
            var after = afterIndex == text.Length || !char.IsLetterOrDigit(text[afterIndex]);
            if (before && after)
            {
                return true;
            }

            index++;
        }

        return false;
    }

    /// <summary>Within typo distance: one edit for words of 3 to 7 letters, two for longer ones, none for shorter.</summary>
    public static bool IsNear(string a, string b)
    {
        var longest = Math.Max(a.Length, b.Length);
        var allowed = longest switch
        {
            < 3 => 0,
            < 8 => 1,
            _ => 2,
        };
        return allowed > 0 && Math.Abs(a.Length - b.Length) <= allowed && EditDistance.Between(a, b) <= allowed;
    }

    private static int? Single(IReadOnlyList<IReadOnlyList<string>> options, Func<IReadOnlyList<string>, bool> matches)
    {
        int? found = null;
        for (var i = 0; i < options.Count; i++)
        {
            if (!matches(options[i]))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = i;
        }

        return found;
    }
}

/// <summary>Recognises yes and no in the usual Dutch and English variants ("ja", "jep", "klopt", "prima", "nee", "nope"...).</summary>
public static class ConfirmRecognizer
{
    public static bool? Recognize(string normalizedAnswer, Texts texts)
    {
        var answer = normalizedAnswer.Trim();
        if (answer.Length == 0)
        {
            return null;
        }

        var isYes = Matches(answer, texts, "yes");
        var isNo = Matches(answer, texts, "no");
        if (isYes != isNo)
        {
            return isYes;
        }

        // "ja, dat klopt" / "nee, het is dinsdag": the first word decides.
        var first = answer.Split(' ', 2)[0];
        isYes = Matches(first, texts, "yes");
        isNo = Matches(first, texts, "no");
        if (isYes != isNo)
        {
            return isYes;
        }

        // A near-typo of a longer word ("kolpt", "jaaa", "noope").
        isYes = Near(answer, texts, "yes");
        isNo = Near(answer, texts, "no");
        return isYes != isNo ? isYes : null;
    }

    private static bool Matches(string answer, Texts texts, string list) => texts.IsWord(answer, list);

    private static bool Near(string answer, Texts texts, string list) =>
        Texts.Languages.Any(l => texts.Words(l, list).Any(w => w.Length >= 4 && ChoiceRecognizer.IsNear(answer, w)));
}

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one.</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        // Three rows on the stack: this runs for every word of every message, so it must not allocate.
        var width = b.Length + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }

            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }
}
