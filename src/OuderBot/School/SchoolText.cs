using System.Collections;
using System.Globalization;
using YamlDotNet.Serialization.NamingConventions;

namespace OuderBot.School;

/// <summary>
/// The characters a school's file may not hold. Its names, phones, e-mails and ids go into SMS, TwiML (XML, which
/// cannot hold most control characters) and the office's CSV, so they are one line of plain text: no control
/// characters at all (no line break or tab either). The facts are free text (phrases in FAQ answers) and may also
/// hold line breaks and tabs. Nowhere a lone surrogate (half of an emoji, say) or U+FFFE/U+FFFF, which are no characters.
/// </summary>
internal static class SchoolText
{
    /// <summary>Every such problem in the file, with where it is (families[0].children[0].firstName: ...).</summary>
    public static List<string> Problems(SchoolFile file)
    {
        var problems = new List<string>();
        Walk(file, "", multiLine: false, problems);
        return problems;
    }

    // Every string in the file's shape, named as the YAML names it, so a field added later is checked too.
    private static void Walk(object? node, string path, bool multiLine, List<string> problems)
    {
        switch (node)
        {
            case null:
                return;
            case string text:
                if (Problem(text, multiLine) is { } problem)
                {
                    problems.Add($"{path}: {problem}");
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = (string)entry.Key;
                    if (Problem(key, multiLine: false) is { } keyProblem)
                    {
                        problems.Add($"{path}: a key {keyProblem}");
                        continue;
                    }

                    Walk(entry.Value, $"{path}.{key}", multiLine || path == "facts", problems);
                }

                return;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], $"{path}[{i}]", multiLine, problems);
                }

                return;
            default:
                foreach (var property in node.GetType().GetProperties())
                {
                    var name = CamelCaseNamingConvention.Instance.Apply(property.Name);
                    Walk(property.GetValue(node), path.Length == 0 ? name : $"{path}.{name}", multiLine, problems);
                }

                return;
        }
    }

    /// <summary>What is wrong with the text, or null. The character is named by its code point, never printed.</summary>
    internal static string? Problem(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var what = c switch
            {
                _ when char.IsSurrogate(c) => "a lone surrogate (half of a character such as an emoji)",
                '\uFFFE' or '\uFFFF' => "a code point that is no character",
                '\t' or '\n' or '\r' when multiLine => null,
                _ when char.IsControl(c) => multiLine ? "a control character" : "a control character (only facts may hold line breaks and tabs)",
                _ => null,
            };
            if (what is not null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"contains U+{(int)c:X4}, {what}, at character {i + 1}; remove it");
            }
        }

        return null;
    }
}
