using OuderBot.Dialogs;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OuderBot.Surveys;

/// <summary>A short survey by chat, as the school's data describes it (dialogs/surveys/{id}.yaml).</summary>
public sealed class Survey
{
    /// <summary>The office sends a school survey; a talk survey is asked after each booked talk.</summary>
    public const string SchoolKind = "school";
    public const string TalkKind = "talk";

    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required IReadOnlyDictionary<string, string> Title { get; init; }
    public required IReadOnlyDictionary<string, string> Intro { get; init; }
    public required IReadOnlyDictionary<string, string> Thanks { get; init; }
    public required IReadOnlyList<SurveyQuestion> Questions { get; init; }

    public SurveyQuestion? Find(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);
}

/// <summary>One question: a 1-5 scale or an open remark (which the parent may leave empty).</summary>
public sealed record SurveyQuestion(string Id, bool Scale, IReadOnlyDictionary<string, string> Text, IReadOnlyDictionary<string, string>? TextMore)
{
    /// <summary>The question in every language, with its placeholders filled in.</summary>
    public Say Ask(bool severalChildren, IReadOnlyDictionary<string, string> args) =>
        Say.PerLanguage(Texts.Languages.ToDictionary(l => l, l => Fill((severalChildren && TextMore is not null ? TextMore : Text)[l], args)));

    internal static string Fill(string text, IReadOnlyDictionary<string, string> args) =>
        args.Aggregate(text, (t, a) => t.Replace("{" + a.Key + "}", a.Value, StringComparison.Ordinal));
}

/// <summary>
/// The surveys under dialogs/surveys/ (every *.yaml but answers.yaml, which says how answers are read), loaded and
/// checked at start: a survey the bot cannot ask (no questions, a language missing, two questions with one id) stops
/// the start with the file's name, never a parent's turn.
/// </summary>
public sealed class SurveyCatalog
{
    public const string AnswersFile = "answers.yaml";

    private readonly Dictionary<string, Survey> _surveys;

    public SurveyCatalog(IEnumerable<Survey> surveys) => _surveys = surveys.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<Survey> All => _surveys.Values;

    public Survey? Find(string id) => _surveys.GetValueOrDefault(id);

    /// <summary>The survey asked after a booked talk, if the school's data has one.</summary>
    public Survey? Talk => _surveys.Values.FirstOrDefault(s => s.Kind == Survey.TalkKind);

    public static SurveyCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new SurveyCatalog([]);
        }

        var yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var surveys = new List<Survey>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Where(p => Path.GetFileName(p) != AnswersFile).Order(StringComparer.Ordinal))
        {
            var file = yaml.Deserialize<SurveyFile?>(File.ReadAllText(path)) ?? throw Invalid(path, "the file is empty");
            surveys.Add(file.ToSurvey(path));
        }

        var twice = surveys.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? new SurveyCatalog(surveys) : throw Invalid(folder, $"two surveys have the id '{twice.Key}'");
    }

    internal static InvalidDataException Invalid(string path, string problem) => new($"{path}: {problem}.");

    private sealed class SurveyFile
    {
        public string? Id { get; set; }
        public string? Kind { get; set; }
        public Dictionary<string, string>? Title { get; set; }
        public Dictionary<string, string>? Intro { get; set; }
        public Dictionary<string, string>? Thanks { get; set; }
        public List<QuestionFile>? Questions { get; set; }

        public Survey ToSurvey(string path)
        {
            if (string.IsNullOrWhiteSpace(Id) || !Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                throw Invalid(path, "id is required: lower-case letters, digits and '-'");
            }

            if (Kind is not (Survey.SchoolKind or Survey.TalkKind))
            {
                throw Invalid(path, "kind is 'school' or 'talk'");
            }

            if (Questions is not { Count: > 0 })
            {
                throw Invalid(path, "a survey needs at least one question");
            }

            var questions = Questions.Select((q, i) => q.ToQuestion(path, i + 1)).ToList();
            if (questions.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw Invalid(path, $"two questions have the id '{twice.Key}'");
            }

            return new Survey
            {
                Id = Id,
                Kind = Kind,
                Title = PerLanguage(path, "title", Title, required: true),
                Intro = PerLanguage(path, "intro", Intro, required: false),
                Thanks = PerLanguage(path, "thanks", Thanks, required: true),
                Questions = questions,
            };
        }
    }

    private sealed class QuestionFile
    {
        public string? Id { get; set; }
        public bool Scale { get; set; }
        public Dictionary<string, string>? Text { get; set; }
        public Dictionary<string, string>? TextMore { get; set; }

        public SurveyQuestion ToQuestion(string path, int number) =>
            string.IsNullOrWhiteSpace(Id)
                ? throw Invalid(path, $"question {number} has no id")
                : new SurveyQuestion(Id, Scale, PerLanguage(path, $"question {Id}", Text, required: true),
                    TextMore is null ? null : PerLanguage(path, $"question {Id} textMore", TextMore, required: true));
    }

    // Every language the bot speaks, or none at all for an optional text (then empty).
    private static Dictionary<string, string> PerLanguage(string path, string what, Dictionary<string, string>? texts, bool required)
    {
        if (texts is null && !required)
        {
            return Texts.Languages.ToDictionary(l => l, _ => "");
        }

        var missing = Texts.Languages.Where(l => texts is null || !texts.ContainsKey(l) || (required && string.IsNullOrWhiteSpace(texts[l]))).ToList();
        return missing.Count == 0
            ? Texts.Languages.ToDictionary(l => l, l => texts![l].Trim())
            : throw Invalid(path, $"{what} needs a text in {string.Join(" and ", missing)}");
    }
}
