using OuderBot.Faq;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Bot;

/// <summary>
/// One school of the board as the bot runs it: its data, its clock and calendar, its own knowledge base and
/// understanding (its children's names), and the prefix of every document it stores ("schools/{id}/").
/// Nothing crosses between schools: each school's documents live under its own prefix.
/// </summary>
public sealed class SchoolContext
{
    // index: the index of knowledge, shared by the schools without topics of their own (one index of the shared
    // topics, not one per school); Schools owns and disposes it.
    internal SchoolContext(SchoolData data, TimeProvider time, FaqKnowledgeBase knowledge, FaqIndex index, Func<FaqIndex, Understander> understander)
    {
        Data = data;
        Clock = new SchoolClock(time, data);
        Calendar = new SchoolCalendar(data);
        Knowledge = knowledge;
        ChildNames = Understander.NamesOf(data);
        Index = index;
        Understander = understander(index);
    }

    public string Id => Data.Id;

    public SchoolData Data { get; }

    public SchoolClock Clock { get; }

    public SchoolCalendar Calendar { get; }

    /// <summary>The shared FAQ topics with the school's own on top.</summary>
    public FaqKnowledgeBase Knowledge { get; }

    public Understander Understander { get; }

    /// <summary>The normalised first names of the school's children (the understanding's per-school vocabulary).</summary>
    public IReadOnlySet<string> ChildNames { get; }

    /// <summary>Where the school's documents live: "schools/{id}/".</summary>
    public string Prefix => $"schools/{Id}/";

    /// <summary>The store key of one of the school's documents ("absences/bibi-g1" becomes "schools/de-driehoek/absences/bibi-g1").</summary>
    public string Key(string relative) => Prefix + relative;

    public override string ToString() => Id;

    internal FaqIndex Index { get; }
}

/// <summary>
/// The board's schools, loaded at start from School:Path (one school file, or a folder of them). Start-up fails with
/// every problem and its file when a file is broken or two schools share an id or a number.
/// </summary>
public sealed class Schools : IDisposable
{
    private readonly Dictionary<string, SchoolContext> _byId;

    public Schools(IReadOnlyList<SchoolContext> schools, string? defaultId)
    {
        All = schools;
        _byId = schools.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        // One school is the default whatever School:Default says; with several, School:Default names it (or none is).
        Default = schools.Count == 1 ? schools[0] : defaultId is null ? null : _byId.GetValueOrDefault(defaultId);
    }

    public IReadOnlyList<SchoolContext> All { get; }

    /// <summary>Where a message without a school goes (School:Default); null when several schools and no default.</summary>
    public SchoolContext? Default { get; }

    public SchoolContext? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id.Trim());

    /// <summary>
    /// The normalised first names of the parent's children at the board's other schools. Understanding knows only the
    /// school's own children, so without these "Sami is ziek" to Lisa's school would be read as a report for Lisa.
    /// </summary>
    public IReadOnlySet<string> ChildNamesElsewhere(SchoolContext school, string parentPhone) =>
        All.Where(s => s != school)
            .SelectMany(s => s.Data.FindParent(parentPhone)?.Children ?? [])
            .Select(c => Dialogs.Texts.Normalize(c.FirstName))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The school a Twilio webhook is for: the owner of its To number or Messaging Service. With one school that
    /// declares no numbers (the single-school form, senders in Twilio:*), that school.</summary>
    public SchoolContext? ForTwilio(string? to, string? messagingServiceSid) =>
        All.FirstOrDefault(s => s.Data.Numbers.Owns(to, messagingServiceSid))
        ?? (All.Count == 1 && !All[0].Data.Numbers.Any ? All[0] : null);

    /// <summary>A school by its id or one of its numbers ("de-regenboog", "+3197010000002"); null: not found.</summary>
    public SchoolContext? ByIdOrNumber(string idOrNumber)
    {
        var text = idOrNumber.Trim();
        return Find(text) ?? All.FirstOrDefault(s => s.Data.Numbers.Owns(text, null)
            || (!text.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) && s.Data.Numbers.Owns("whatsapp:" + text, null)));
    }

    /// <summary>The school files under <paramref name="path"/> (a file, or every *.yaml/*.yml in a folder).</summary>
    public static IReadOnlyList<string> Files(string path) =>
        Directory.Exists(path)
            ? [.. Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)]
            : [path];

    /// <summary>Loads and checks every school file; all problems of all files in one exception.</summary>
    public static IReadOnlyList<(SchoolData Data, string File)> Load(string path)
    {
        var files = Files(path);
        if (files.Count == 0)
        {
            throw new SchoolDataException($"{path}: the folder holds no school files (*.yaml).");
        }

        var schools = new List<(SchoolData, string)>();
        var problems = new List<string>();
        foreach (var file in files)
        {
            try
            {
                schools.Add((SchoolLoader.LoadFile(file), file));
            }
            catch (SchoolDataException ex)
            {
                problems.Add(ex.Message);
            }
        }

        foreach (var group in schools.GroupBy(s => s.Item1.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", group.Select(s => s.Item2))}: two schools share the id '{group.Key}'");
        }

        foreach (var group in schools.SelectMany(s => s.Item1.Numbers.All.Select(n => (Number: n, s.Item2))).GroupBy(x => x.Number).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", group.Select(s => s.Item2))}: two schools share the number {group.Key}");
        }

        if (problems.Count > 0)
        {
            throw new SchoolDataException(string.Join(Environment.NewLine, problems));
        }

        return schools;
    }

    /// <summary>A school's own topics live next to its file: de-regenboog.yaml has dialogs/schools/de-regenboog/faq/.</summary>
    public static string OwnTopicsFolder(string schoolFile) =>
        Path.Combine(Path.GetDirectoryName(schoolFile) ?? ".", Path.GetFileNameWithoutExtension(schoolFile), "faq");

    public void Dispose()
    {
        foreach (var index in All.Select(s => s.Index).Distinct())
        {
            index.Dispose();
        }
    }
}
