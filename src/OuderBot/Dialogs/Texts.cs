using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OuderBot.Dialogs;

/// <summary>
/// The bot's own words, loaded from dialogs/prompts/{language}.yaml: texts with {placeholders},
/// and the word lists the bot recognises (yes, no, cancel, ...). Dutch is the default language.
/// </summary>
public sealed class Texts
{
    public const string Dutch = "nl";
    public const string English = "en";
    public static readonly IReadOnlyList<string> Languages = [Dutch, English];

    private static readonly FrozenDictionary<string, CultureInfo> Cultures = new Dictionary<string, CultureInfo>
    {
        [Dutch] = CultureInfo.GetCultureInfo("nl-NL"),
        [English] = CultureInfo.GetCultureInfo("en-GB"),
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, LanguagePack> _packs;

    private Texts(FrozenDictionary<string, LanguagePack> packs) => _packs = packs;

    public static Texts Load(string promptsFolder)
    {
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var packs = new Dictionary<string, LanguagePack>();
        foreach (var language in Languages)
        {
            var path = Path.Combine(promptsFolder, $"{language}.yaml");
            var file = yaml.Deserialize<PromptFile>(File.ReadAllText(path));
            packs[language] = new LanguagePack(
                (file.Texts ?? []).ToFrozenDictionary(),
                (file.Words ?? []).ToFrozenDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Select(Normalize).ToArray()));
        }

        var dutchKeys = packs[Dutch].Texts.Keys.ToHashSet();
        foreach (var (language, pack) in packs)
        {
            var missing = dutchKeys.Except(pack.Texts.Keys).Concat(pack.Texts.Keys.Except(dutchKeys)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"dialogs/prompts: keys differ between nl and {language}: {string.Join(", ", missing)}");
            }
        }

        return new Texts(packs.ToFrozenDictionary());
    }

    /// <summary>The language a parent gets: theirs if the bot speaks it, else Dutch.</summary>
    public static string Supported(string? language) => language is English ? English : Dutch;

    public static CultureInfo Culture(string language) => Cultures[Supported(language)];

    public IEnumerable<string> Keys(string language) => _packs[Supported(language)].Texts.Keys;

    public string Raw(string language, string key) =>
        _packs[Supported(language)].Texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No text '{key}' in dialogs/prompts/{language}.yaml");

    public string Render(string language, string key, IReadOnlyDictionary<string, string>? args = null)
    {
        var text = Raw(language, key);
        if (args is null || args.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text);
        foreach (var (name, value) in args)
        {
            sb.Replace("{" + name + "}", value);
        }

        return sb.ToString();
    }

    public string Render(string language, Say say)
    {
        if (say.Key is null)
        {
            return say.Literals?.GetValueOrDefault(Supported(language)) ?? say.Literal ?? "";
        }

        if (say.Dates is null or { Count: 0 })
        {
            return Render(language, say.Key, say.Args);
        }

        // Dates are formatted when the text is sent, so a question asked again after a language switch reads right.
        var args = new Dictionary<string, string>(say.Args ?? new Dictionary<string, string>());
        foreach (var (name, date) in say.Dates)
        {
            args[name] = FormatDate(language, date);
        }

        return Render(language, say.Key, args);
    }

    /// <summary>The normalised words of one list (see <see cref="Normalize"/>) in one language.</summary>
    public IReadOnlyList<string> Words(string language, string list) =>
        _packs[Supported(language)].Words.GetValueOrDefault(list) ?? [];

    /// <summary>True when the whole message is one of the list's words, in the parent's language or in any language.</summary>
    public bool IsWord(string normalizedMessage, string list, string? language = null) =>
        (language is null ? Languages : [Supported(language)]).Any(l => Words(l, list).Contains(normalizedMessage, StringComparer.Ordinal));

    /// <summary>"dinsdag 24 november" / "Tuesday 24 November".</summary>
    public static string FormatDate(string language, DateOnly date) =>
        date.ToString("dddd d MMMM", Culture(language));

    /// <summary>Lower case, accents and punctuation removed, white space folded: "Oké!!  Ja." becomes "oke ja".</summary>
    public static string Normalize(string text)
    {
        // Unicode normalisation refuses what is no character (a lone surrogate, U+FFFE), which a message can hold.
        var decomposed = Characters(text).Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch) || ch is '?' or '/' or '-' or ':' or '.')
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(ch);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        // Trailing sentence punctuation carries no meaning for word matching ("ja." is "ja"), a lone "?" does.
        while (sb.Length > 1 && sb[^1] is '.' or '?' or '-' or ':')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    /// <summary>The text without lone surrogates, U+FFFE and U+FFFF: code points that are no characters.</summary>
    private static string Characters(string text) => Keep(text, c => !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'));

    /// <summary>
    /// The text with only the characters <paramref name="keep"/> accepts; a surrogate pair (an emoji) is one character
    /// and always kept, a lone surrogate is asked about. The text itself when nothing goes.
    /// </summary>
    public static string Keep(string text, Func<char, bool> keep)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (keep(c))
            {
                kept?.Append(c);
            }
            else
            {
                kept ??= new StringBuilder(text.Length).Append(text, 0, i);
            }
        }

        return kept?.ToString() ?? text;
    }

    /// <summary>The words of a message, normalised, without sentence punctuation glued to them ("ziek." is "ziek"; "11.30" stays).</summary>
    public static string[] Tokenize(string text)
    {
        var tokens = Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            while (token.Length > 1 && token[^1] is '.' or '?' or ':' or '-' or '/')
            {
                token = token[..^1];
            }

            while (token.Length > 1 && token[0] is '.' or '-' or '/' or ':')
            {
                token = token[1..];
            }

            tokens[i] = token;
        }

        return tokens;
    }

    private sealed record LanguagePack(FrozenDictionary<string, string> Texts, FrozenDictionary<string, IReadOnlyList<string>> Words);

    private sealed class PromptFile
    {
        public Dictionary<string, string>? Texts { get; set; }
        public Dictionary<string, List<string>>? Words { get; set; }
    }
}

/// <summary>Something the bot says: a text key with arguments (rendered in the parent's language when sent), or a literal.</summary>
public sealed record Say(
    string? Key,
    IReadOnlyDictionary<string, string>? Args = null,
    string? Literal = null,
    IReadOnlyDictionary<string, DateOnly>? Dates = null,
    IReadOnlyDictionary<string, string>? Literals = null)
{
    /// <summary>A literal that exists per language (a FAQ topic's title), chosen when the text is sent.</summary>
    public static Say PerLanguage(IReadOnlyDictionary<string, string> literals) =>
        new(null, null, literals.GetValueOrDefault(Texts.Dutch) ?? literals.Values.FirstOrDefault(), Literals: literals);

    public static Say Text(string key, params (string Name, string Value)[] args) =>
        new(key, args.Length == 0 ? null : args.ToDictionary(a => a.Name, a => a.Value));

    public static Say Raw(string literal) => new(null, null, literal);

    /// <summary>Adds a date placeholder, written out in the parent's language when sent ("dinsdag 24 november").</summary>
    public Say WithDate(string name, DateOnly date) =>
        this with { Dates = new Dictionary<string, DateOnly>(Dates ?? new Dictionary<string, DateOnly>()) { [name] = date } };
}
