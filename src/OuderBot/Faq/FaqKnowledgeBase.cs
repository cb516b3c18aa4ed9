using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.School;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OuderBot.Faq;

/// <summary>One FAQ topic from dialogs/faq/{id}.yaml: a stable id, a short title and an answer per language, and example questions.</summary>
public sealed record FaqTopic(
    string Id,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Answer,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Examples)
{
    public string TitleIn(string language) => Title.GetValueOrDefault(language) ?? Title[Texts.Dutch];
}

/// <summary>The school's knowledge: every FAQ topic, as data the school can edit.</summary>
public sealed partial class FaqKnowledgeBase
{
    private readonly Dictionary<string, FaqTopic> _topics;

    private FaqKnowledgeBase(IEnumerable<FaqTopic> topics) => _topics = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<FaqTopic> Topics => _topics.Values;

    public FaqTopic? Find(string id) => _topics.GetValueOrDefault(id);

    public static FaqKnowledgeBase Load(string folder) => new(LoadTopics(folder));

    /// <summary>
    /// This knowledge base with a school's own topics (dialogs/schools/{school}/faq/*.yaml) on top: a topic with the
    /// id of a shared one replaces it for that school, a new id adds one. Without the folder, the shared topics.
    /// </summary>
    public FaqKnowledgeBase WithSchoolTopics(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return this;
        }

        var topics = new Dictionary<string, FaqTopic>(_topics, StringComparer.Ordinal);
        foreach (var topic in LoadTopics(folder))
        {
            topics[topic.Id] = topic;
        }

        return new FaqKnowledgeBase(topics.Values);
    }

    private static List<FaqTopic> LoadTopics(string folder)
    {
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var topics = new List<FaqTopic>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = yaml.Deserialize<TopicFile>(File.ReadAllText(path));
            var id = file.Id ?? Path.GetFileNameWithoutExtension(path);
            if (id != Path.GetFileNameWithoutExtension(path))
            {
                throw new InvalidOperationException($"{path}: id '{id}' must equal the file name");
            }

            if (file.Answer is null || !file.Answer.ContainsKey(Texts.Dutch) || !file.Answer.ContainsKey(Texts.English) || file.Title is null)
            {
                throw new InvalidOperationException($"{path}: a topic needs a title and an answer in nl and en");
            }

            topics.Add(new FaqTopic(
                id,
                file.Title,
                file.Answer.ToDictionary(kv => kv.Key, kv => kv.Value.Trim()),
                (file.Examples ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value)));
        }

        return topics;
    }

    /// <summary>
    /// The answer with the school's facts filled in: {school}, {phone}, {email}, {website}, {address}, {director},
    /// {director_email}, {school_hours}, {holidays}, {teacher} and {fact.key} from the school's data file.
    /// </summary>
    public static string Render(FaqTopic topic, string language, SchoolData school, DateOnly today, string teacher)
    {
        var info = school.Info;
        var culture = Texts.Culture(language);
        var text = topic.Answer.GetValueOrDefault(language) ?? topic.Answer[Texts.Dutch];
        return Placeholder().Replace(text, match => match.Groups["name"].Value switch
        {
            "school" => info.Name,
            "phone" => info.Phone,
            "email" => info.Email,
            "website" => info.Website ?? info.Email,
            "address" => info.Address,
            "director" => info.Director.Name,
            "director_email" => info.Director.Email ?? info.Email,
            "teacher" => teacher,
            "school_hours" => SchoolHours(info, culture),
            "holidays" => Holidays(info, culture, today),
            var name when name.StartsWith("fact.", StringComparison.Ordinal) => info.Fact(name[5..], language) ?? match.Value,
            _ => match.Value,
        });
    }

    private static string SchoolHours(SchoolInfo info, CultureInfo culture)
    {
        var lines = new StringBuilder();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            if (info.Times.TryGetValue(day, out var hours))
            {
                lines.Append(CultureInfo.InvariantCulture, $"{culture.DateTimeFormat.GetDayName(day)}: {hours.Start:HH\\:mm} - {hours.End:HH\\:mm}\n");
            }
        }

        return lines.ToString().TrimEnd('\n');
    }

    private static string Holidays(SchoolInfo info, CultureInfo culture, DateOnly today)
    {
        var coming = info.Holidays.Where(h => h.To >= today).Take(6)
            .Select(h => h.From == h.To
                ? $"{h.Name}: {h.From.ToString("d MMMM", culture)}"
                : $"{h.Name}: {h.From.ToString("d MMMM", culture)} - {h.To.ToString("d MMMM yyyy", culture)}");
        return string.Join('\n', coming);
    }

    [GeneratedRegex(@"\{(?<name>[a-z_]+(?:\.[a-z_0-9]+)?)\}")]
    private static partial Regex Placeholder();

    private sealed class TopicFile
    {
        public string? Id { get; set; }
        public Dictionary<string, string>? Title { get; set; }
        public Dictionary<string, string>? Answer { get; set; }
        public Dictionary<string, List<string>>? Examples { get; set; }
    }
}

public static class FaqServiceCollectionExtensions
{
    /// <summary>Questions answered from the knowledge base (dialogs/faq, each school's own topics on top): the shared topics, the dialog and its menu entry.</summary>
    public static IServiceCollection AddFaq(this IServiceCollection services)
    {
        services.AddSingleton(sp => FaqKnowledgeBase.Load(Path.Combine(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Bot.DialogsOptions>>().Value.Path, "faq")));
        services.AddDialog<FaqDialog>();
        services.AddDialogs(_ => FaqDialog.Prompts());
        services.AddMessageHandler<FaqHandler>();
        services.AddMenuEntry(FaqHandler.MenuEntry);
        return services;
    }
}
