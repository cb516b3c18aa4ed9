using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OuderBot.Dialogs;
using OuderBot.Faq;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Cli;

/// <summary>
/// `nlu [--now 2026-11-23T07:45] [--from +31611111111] ["message"]`: what the bot understands of a message, as one
/// JSON object on stdout. Without a message it reads one message per line from stdin and writes one JSON line each.
/// For whoever edits the knowledge base or debugs the bot; nothing but the JSON goes to stdout.
/// </summary>
public static class NluCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        string? nowText = null, from = null, message = null, to = null;
        var dialogs = Path.Combine(AppContext.BaseDirectory, "dialogs");
        var schoolPath = Path.Combine(dialogs, "schools");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--now" when i + 1 < args.Length:
                    nowText = args[++i];
                    break;
                case "--from" when i + 1 < args.Length:
                    from = args[++i];
                    break;
                case "--to" when i + 1 < args.Length:
                    to = args[++i];
                    break;
                case "--School:Path" or "--school" when i + 1 < args.Length:
                    schoolPath = args[++i];
                    break;
                case "--Dialogs:Path" when i + 1 < args.Length:
                    dialogs = args[++i];
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        await Console.Error.WriteLineAsync($"Unknown option {args[i]}. Usage: nlu [--now 2026-11-23T07:45] [--from +31611111111] [--to school-id] [\"message\"]");
                        return 2;
                    }

                    message = message is null ? args[i] : message + " " + args[i];
                    break;
            }
        }

        // The school's own understanding: --to, else De Driehoek in the demo folder, else the first school.
        var schools = Bot.Schools.Load(schoolPath);
        var (school, schoolFile) = schools.FirstOrDefault(s => s.Data.Id == (to ?? "de-driehoek")) is { Data: not null } found ? found
            : to is null ? schools[0] : throw new ArgumentException($"--to '{to}' names no school in {schoolPath}");
        var now = nowText is null
            ? new SchoolClock(TimeProvider.System, school).LocalNow
            : DateTime.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var pinned)
                ? pinned
                : throw new ArgumentException($"--now '{nowText}' is no ISO local time such as 2026-11-23T07:45");
        var parent = from is null ? null : school.FindParent(from);
        if (from is not null && parent is null)
        {
            await Console.Error.WriteLineAsync($"{Phone.Mask(Phone.TryNormalize(from) ?? from)} is not a parent in {school.Info.Name}'s data: no children or language known.");
        }

        using var understander = Build(dialogs, school, Bot.Schools.OwnTopicsFolder(schoolFile));
        if (message is not null)
        {
            await Console.Out.WriteLineAsync(Format(WithDayNow(understander.Value.Understand(message, now, parent), school, now, message)));
            return 0;
        }

        while (await Console.In.ReadLineAsync() is { } line)
        {
            await Console.Out.WriteLineAsync(Format(WithDayNow(understander.Value.Understand(line, now, parent), school, now, line)));
        }

        return 0;
    }

    /// <summary>The understander on the knowledge base in <paramref name="dialogsFolder"/>; disposing it frees the index.</summary>
    public static Owned<Understander> Build(string dialogsFolder, SchoolData school, string? ownTopics = null)
    {
        var knowledge = FaqKnowledgeBase.Load(Path.Combine(dialogsFolder, "faq")).WithSchoolTopics(ownTopics);
        var index = new FaqIndex(knowledge);
        var signals = Signals.Load(Path.Combine(dialogsFolder, "understanding", "signals.yaml"));
        var names = Understander.NamesOf(school);
        var models = LearnedModels.For(Path.Combine(dialogsFolder, "understanding"), knowledge, names);
        return new Owned<Understander>(new Understander(signals, index, new DateTimeParser(), models, names), index);
    }


    /// <summary>
    /// An absence report that names no day ("Sami is ziek") is about the school day now, as the absence dialog reads
    /// it: today until school ends, then the next school day. One that names days but none for certain ("donderdag of
    /// vrijdag") gets no day: the dialog asks which (clarify).
    /// </summary>
    public static Understanding.Understanding WithDayNow(Understanding.Understanding result, SchoolData school, DateTime now, string? text = null)
    {
        if (result.Intent != Intents.Absence || result.Dates.Count > 0)
        {
            return result;
        }

        if (text is not null && Texts.Tokenize(text).Any(DateTimeParser.IsWeekday))
        {
            return result with { Action = Actions.Clarify };
        }

        var day = new SchoolCalendar(school).DayNow(now);
        return result with { Dates = [new DateMention(day, day)] };
    }

    public static string Format(Understanding.Understanding result) => JsonSerializer.Serialize(
        new
        {
            intent = result.Intent,
            confidence = result.Confidence,
            faq = result.Faq,
            child = result.Child,
            dates = result.Dates.Select(d => new
            {
                start = d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                end = d.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                time = d.Time?.ToString("HH:mm", CultureInfo.InvariantCulture),
                time_end = d.TimeEnd?.ToString("HH:mm", CultureInfo.InvariantCulture),
                part = d.Part,
            }),
            lang = result.Language,
            action = result.Action,
            second = result.Second is { } second
                ? new { intent = second.Intent, confidence = second.Confidence, faq = second.Faq, child = second.Child, action = second.Action }
                : null,
            candidates = result.FaqCandidates.Select(h => new { topic = h.TopicId, probability = h.Probability, score = Math.Round(h.Score, 3), coverage = Math.Round(h.Coverage, 3) }),
        },
        Json);
}

/// <summary>A value with something to dispose when it is no longer needed.</summary>
public sealed class Owned<T>(T value, IDisposable owner) : IDisposable
{
    public T Value { get; } = value;

    public void Dispose() => owner.Dispose();
}
