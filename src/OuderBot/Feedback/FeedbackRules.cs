using System.Text.RegularExpressions;
using OuderBot.Booking;
using OuderBot.Dialogs;
using OuderBot.School;
using OuderBot.Understanding;
using YamlDotNet.Serialization;

namespace OuderBot.Feedback;

/// <summary>What a message says about the feedback in it: its kind (null when it names none), what it is about, a
/// topic, whether it is marked urgent, whether it holds the parent's own words beyond the bare request, and whether it is
/// no more than a short thank-you to the school.</summary>
public sealed record FeedbackReading(string? Kind, string About, Teacher? Teacher, string? Topic, bool Urgent, bool HasWords, bool PlainThanks = false);

/// <summary>
/// The rules that read feedback, from the word lists in dialogs/feedback/words.yaml and the school's teachers: the
/// dialog asks what they leave open, the digest and the office endpoint use what they decided.
/// </summary>
public sealed class FeedbackRules
{
    private const int MinimumWords = 3;
    private const int ShortThanks = 6;
    private static readonly string[] Titles = ["juf", "meester", "mr", "mrs", "ms", "miss", "teacher", "leerkracht", "meneer", "mevrouw"];
    private static readonly string[] TeacherWords = ["juf", "meester", "leerkracht", "teacher", "juffrouw"];
    private readonly Signals _signals;
    private readonly HashSet<string> _request;

    private FeedbackRules(Signals signals, HashSet<string> request)
    {
        _signals = signals;
        _request = request;
    }

    public static FeedbackRules Load(string path)
    {
        var file = new DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, List<string>>>>(File.ReadAllText(path));
        var request = file.GetValueOrDefault("signals")?.GetValueOrDefault("request")
            ?? throw new InvalidDataException($"{path}: signals.request is missing.");
        return new FeedbackRules(Signals.Load(path), [.. request.SelectMany(r => Texts.Tokenize(Texts.Normalize(r)))]);
    }

    public FeedbackReading Read(SchoolData school, Parent parent, string text)
    {
        var tokens = Texts.Tokenize(Texts.Normalize(text));
        var kind = Has("complaint_named") ? FeedbackKinds.Complaint
            : Has("compliment_named") ? FeedbackKinds.Compliment
            : Has("suggestion_named") ? FeedbackKinds.Suggestion
            : Has("complaint") ? FeedbackKinds.Complaint
            : Has("suggestion") ? FeedbackKinds.Suggestion
            : Has("compliment") ? FeedbackKinds.Compliment
            : null;
        var (teacher, nameTokens) = FindTeacher(school, parent, tokens);
        var topic = FeedbackTopics.All.FirstOrDefault(t => Has("topic_" + t));
        var about = teacher is not null ? FeedbackAbout.Teacher
            : Has("bot") ? FeedbackAbout.Bot
            : topic is not null ? FeedbackAbout.Topic
            : FeedbackAbout.School;
        var own = tokens.Where(t => !_request.Contains(t) && !nameTokens.Contains(t) && t.Any(char.IsLetterOrDigit)).Count();
        var named = Has("complaint_named") || Has("compliment_named") || Has("suggestion_named");
        var plainThanks = Has("thanks") && !named && kind is FeedbackKinds.Compliment or null && about == FeedbackAbout.School && tokens.Length <= ShortThanks;
        return new FeedbackReading(plainThanks ? FeedbackKinds.Compliment : kind, about, teacher, topic, Has("urgent"), own >= MinimumWords, plainThanks);

        bool Has(string signal) => _signals.Has(signal, tokens);
    }

    /// <summary>Reads a message's own words again (after "what would you like to say?") for what the first left open.</summary>
    public FeedbackReading Merge(FeedbackReading first, SchoolData school, Parent parent, string words)
    {
        var more = Read(school, parent, words);
        return first.About is FeedbackAbout.School && more.About is not FeedbackAbout.School
            ? first with { About = more.About, Teacher = more.Teacher, Topic = more.Topic ?? first.Topic, Urgent = first.Urgent || more.Urgent, HasWords = true }
            : first with { Topic = first.Topic ?? more.Topic, Urgent = first.Urgent || more.Urgent, Kind = first.Kind ?? more.Kind, HasWords = true };
    }

    /// <summary>
    /// A teacher named ("meester Kees", "juf Fatima", "Kees" when no pupil of the school is called so), else "de juf van
    /// Tim" / "the teacher" for the parent's child named (or only child).
    /// </summary>
    private static (Teacher? Teacher, HashSet<string> NameTokens) FindTeacher(SchoolData school, Parent parent, string[] tokens)
    {
        var pupils = school.Children.Select(c => Texts.Normalize(c.FirstName)).ToHashSet(StringComparer.Ordinal);
        foreach (var teacher in school.Teachers)
        {
            var names = Texts.Tokenize(Texts.Normalize(teacher.Name)).Where(t => !Titles.Contains(t)).ToArray();
            for (var i = 0; i < tokens.Length; i++)
            {
                if (names.Length > 0 && tokens[i] == names[0] && ((i > 0 && Titles.Contains(tokens[i - 1])) || !pupils.Contains(names[0])))
                {
                    return (teacher, [.. names]);
                }
            }
        }

        if (tokens.Any(t => TeacherWords.Contains(t)))
        {
            var child = parent.Children.FirstOrDefault(c => tokens.Contains(Texts.Normalize(c.FirstName)) || tokens.Contains(Texts.Normalize(c.FirstName) + "s"))
                ?? (parent.Children.Count == 1 ? parent.Children[0] : null);
            if (child is not null && school.FindGroup(child.GroupId) is { Teachers: [var first, ..] })
            {
                return (first, []);
            }
        }

        return (null, []);
    }

    /// <summary>The parent's words as a teacher may read them when the sender is anonymous: the parent's name and their
    /// children's first names left out ("..."), so the words do not give the sender away.</summary>
    public static string ForTeacher(FeedbackItem item, SchoolData school)
    {
        if (!item.Anonymous)
        {
            return item.Text;
        }

        var names = item.ParentName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(n => n.Length >= 3)
            .Concat(item.ChildIds.Select(id => school.Children.FirstOrDefault(c => c.Id == id)?.FirstName).OfType<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var text = item.Text;
        foreach (var name in names)
        {
            text = Regex.Replace(text, $@"\b{Regex.Escape(name)}('?s)?\b", "...", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return text;
    }

    /// <summary>The teacher id used everywhere (digest, feeds): a slug of the name.</summary>
    public static string TeacherId(Teacher teacher) => TeacherIds.Of(teacher);
}
