using OuderBot.Dialogs;
using OuderBot.School;

namespace OuderBot.Understanding;

/// <summary>
/// Names of children who are not the parent's, in what a parent writes: a parent never gets a report or a talk for a
/// child they did not name, and gets the same answer for any name that is not theirs, whether or not a child of that
/// name attends the school (so trying names tells nothing about who goes there).
/// </summary>
public static class OtherChildNames
{
    /// <summary>A name in <paramref name="tokens"/> (see <see cref="Texts.Tokenize"/>) that is someone else's, capitalised:
    /// a child of the school's, one of the parent's children at another school of the board (<paramref name="elsewhere"/>),
    /// or a name no child has in the place of the child the message is about. Null when there is none.</summary>
    public static string? Find(IReadOnlySet<string> schoolNames, IReadOnlySet<string> elsewhere, Parent parent, string[] tokens)
    {
        var own = parent.Children.Select(c => Texts.Normalize(c.FirstName)).ToHashSet(StringComparer.Ordinal);
        var other = tokens.FirstOrDefault(t => (schoolNames.Contains(t) || elsewhere.Contains(t)) && !own.Contains(t))
            ?? SubjectName(tokens, own)
            ?? TeacherOfName(tokens, own, new HashSet<string>(schoolNames.Concat(elsewhere), StringComparer.Ordinal));
        return other is null ? null : char.ToUpperInvariant(other[0]) + other[1..];
    }

    /// <summary>"een gesprek met de juf van Anna", "Anna's teacher": the child whose teacher the parent means. "Anna's"
    /// reads as "anna s"; without the apostrophe ("annas teacher", "class teacher", "dus juf") only a known child's
    /// name counts, so words that end in s are never taken for a name.</summary>
    private static string? TeacherOfName(string[] tokens, HashSet<string> own, IReadOnlySet<string> known)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i];
            var afterTeacherOf = i >= 2 && tokens[i - 1] is "van" or "of" && TeacherWords.Contains(tokens[i - 2]);
            var apart = i + 2 < tokens.Length && tokens[i + 1] == "s" && TeacherWords.Contains(tokens[i + 2]);
            var joined = !apart && i + 1 < tokens.Length && TeacherWords.Contains(tokens[i + 1]) && word.Length >= 3 && word.EndsWith('s') && known.Contains(word[..^1]);
            var name = joined ? word[..^1] : word;
            if ((afterTeacherOf || apart || joined) && !own.Contains(word) && IsName(name, own))
            {
                return name;
            }
        }

        return null;
    }

    private static bool IsName(string word, HashSet<string> own) =>
        word.Length >= 2 && word.All(char.IsLetter) && !own.Contains(word) && !NotNames.Contains(word) && !DateTimeParser.IsWeekday(word);

    private static readonly HashSet<string> TeacherWords = new(StringComparer.Ordinal)
    {
        "juf", "juffrouw", "meester", "leerkracht", "leraar", "lerares", "mentor", "teacher",
    };

    /// <summary>
    /// A name no child of the school has, in the place of the one who is ill ("Anna is vandaag ziek"): the parent gets
    /// the same answer as for a name that does attend, so trying names tells nothing about who goes to the school.
    /// </summary>
    private static string? SubjectName(string[] tokens, HashSet<string> own)
    {
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            var atStart = i == 0 || tokens[i - 1] is "en" or "and" or "want" or "maar" or "but";
            var word = tokens[i];
            if (atStart && SubjectVerbs.Contains(tokens[i + 1]) && IsName(word, own))
            {
                return word;
            }
        }

        return null;
    }

    private static readonly HashSet<string> SubjectVerbs = new(StringComparer.Ordinal)
    {
        "is", "heeft", "was", "zal", "komt", "blijft", "gaat", "moet", "kan", "ligt", "zit", "voelt", "wordt", "mag", "hoeft", "kon", "werd",
        "has", "will", "feels", "gets", "got", "had", "stays", "goes", "needs", "must", "can",
    };

    // Words that stand before "is" or "heeft" and are no one's name.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "ik", "hij", "zij", "ze", "het", "dat", "dit", "die", "deze", "er", "hier", "daar", "mijn", "mn", "m", "onze", "ons", "wij", "we", "u", "jij", "je",
        "hun", "wie", "wat", "welk", "welke", "waar", "hoe", "wanneer", "kind", "kindje", "zoon", "dochter", "zoontje", "dochtertje", "jongen", "meisje",
        "broer", "zus", "broertje", "zusje", "baby", "de", "een", "alles", "iedereen", "niemand", "school", "juf", "meester", "papa", "mama", "vader",
        "moeder", "man", "vrouw", "oma", "opa", "vandaag", "morgen", "overmorgen", "gisteren", "nu", "ook", "dan", "toen", "sorry", "helaas", "hoi",
        "hallo", "goedemorgen", "beste", "ja", "nee", "oke", "ok", "klopt", "zo", "allebei", "beide", "beiden", "kinderen", "kids", "afspraak",
        "i", "he", "she", "it", "they", "this", "that", "there", "here", "who", "what", "which", "my", "our", "son", "daughter", "child", "boy", "girl",
        "brother", "sister", "everyone", "nobody", "today", "tomorrow", "yesterday", "now", "also", "then", "hi", "hello", "yes", "no", "both",
        "children", "teacher", "school", "appointment", "groep", "group", "klas", "class", "mij", "me", "us", "gym", "muziek", "zwemmen", "engels", "rekenen", "taal", "music", "english", "maths", "math", "pe", "hem", "haar", "him", "her", "mum", "mom", "dad", "husband", "wife", "sorry", "unfortunately",
    };
}
