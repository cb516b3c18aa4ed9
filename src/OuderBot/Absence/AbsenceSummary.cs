using System.Globalization;
using Humanizer;
using OuderBot.Dialogs;

namespace OuderBot.Absence;

/// <summary>What an absence is, in one plain sentence: "Tim is ziek op maandag 23 en dinsdag 24 november".</summary>
public sealed record AbsenceDescription(string ChildName, string Kind, DateOnly Start, DateOnly? End, DayPart Part)
{
    public static AbsenceDescription Of(AbsenceReport report) =>
        new(report.ChildName, report.Kind, report.Start, report.End, new DayPart(report.From, report.Until));

    /// <summary>The sentence in one language (without a full stop).</summary>
    public string Render(Texts texts, string language) => Render(texts, language, compact: false);

    /// <summary>The sentence; <paramref name="compact"/> says an appointment and an open end in fewer words (for one SMS).</summary>
    public string Render(Texts texts, string language, bool compact) =>
        texts.Render(language, SummaryKey(Kind, many: false, compact), new Dictionary<string, string>
        {
            ["child"] = ChildName,
            ["days"] = DaysText(texts, language, compact),
            ["part"] = PartText(texts, language),
        });

    private static string SummaryKey(string kind, bool many, bool compact) =>
        $"absence.summary_{kind}{(many ? "_many" : "")}{(compact && kind == AbsenceKinds.Appointment ? "_short" : "")}";

    private string DaysText(Texts texts, string language, bool compact)
    {
        var culture = Texts.Culture(language);
        string Text(string key, params (string Name, string Value)[] args) =>
            texts.Render(language, key, args.ToDictionary(a => a.Name, a => a.Value));

        if (End is null)
        {
            return Text(compact ? "absence.days_open_short" : "absence.days_open", ("start", Texts.FormatDate(language, Start)), ("child", ChildName));
        }

        if (End == Start)
        {
            return Text("absence.days_one", ("date", Texts.FormatDate(language, Start)));
        }

        // "maandag 23 en dinsdag 24 november": the month once when both days share it.
        var first = Start.Month == End.Value.Month && Start.Year == End.Value.Year
            ? Start.ToString("dddd d", culture)
            : Texts.FormatDate(language, Start);
        var last = Texts.FormatDate(language, End.Value);
        return End.Value.DayNumber - Start.DayNumber == 1
            ? Text("absence.days_two", ("first", first), ("second", last))
            : Text("absence.days_range", ("start", first), ("end", last));
    }

    private string PartText(Texts texts, string language)
    {
        string Text(string key, params (string Name, string Value)[] args) =>
            texts.Render(language, key, args.ToDictionary(a => a.Name, a => a.Value));
        string Time(TimeOnly time) => Text("absence.time", ("time", FormatTime(language, time)));
        return Part switch
        {
            { From: { } from, Until: { } until } => Text("absence.part_between", ("from", Time(from)), ("until", Time(until))),
            { Until: { } until } => Text("absence.part_until", ("until", Time(until))),
            { From: { } from } => Text("absence.part_from", ("from", Time(from))),
            _ => "",
        };
    }

    /// <summary>The sentence in every language, chosen when it is sent (a question asked again after a language switch reads right).</summary>
    public IReadOnlyDictionary<string, string> RenderAll(Texts texts) =>
        Texts.Languages.ToDictionary(l => l, l => Render(texts, l));

    /// <summary>A text with this sentence as its {summary}, in every language, chosen when sent ("... Klopt dat? (ja/nee)").</summary>
    public Say Within(Texts texts, string key) =>
        Say.PerLanguage(Texts.Languages.ToDictionary(l => l, l => texts.Render(l, key, new Dictionary<string, string> { ["summary"] = Render(texts, l) })));

    /// <summary>"Noor en Sem", "Noor, Sem en Tim", "Noor and Sem": names joined as the language does (Humanizer).</summary>
    public static string Join(string language, IReadOnlyList<string> items) =>
        items.Count switch
        {
            0 => "",
            1 => items[0],
            _ => Configurator.CollectionFormatters.ResolveForCulture(Texts.Culture(language)).Humanize(items),
        };

    /// <summary>
    /// Several reports in one sentence: a child's separate days together ("Tim is ziek op woensdag 25 en vrijdag 27
    /// november"), children with the same days and reason together ("Noor en Sem zijn ziek op ..."), the rest joined
    /// ("Noor is ziek ... en Sem heeft een afspraak ...").
    /// </summary>
    public static string Render(IReadOnlyList<AbsenceDescription> items, Texts texts, string language, bool compact = false)
    {
        if (items.Count == 1)
        {
            return items[0].Render(texts, language, compact);
        }

        string Text(string key, params (string Name, string Value)[] args) =>
            texts.Render(language, key, args.ToDictionary(a => a.Name, a => a.Value));

        var perChild = items
            .GroupBy(i => (i.ChildName, i.Kind, i.Part))
            .Select(g => (g.Key.ChildName, g.Key.Kind, g.Key.Part, Days: g.Select(i => (i.Start, i.End)).Distinct().OrderBy(d => d.Start).ToList()))
            .ToList();
        var sentences = perChild
            .GroupBy(c => (c.Kind, c.Part, Days: string.Join(';', c.Days)))
            .Select(g =>
            {
                var names = g.Select(c => c.ChildName).Distinct().ToList();
                var first = g.First();
                var days = DaysText(texts, language, first.Days, names.Count == 1 ? names[0] : Join(language, names), compact);
                var part = g.Key.Part.IsWholeDay ? "" : new AbsenceDescription("", first.Kind, first.Days[0].Start, first.Days[0].End, first.Part).PartText(texts, language);
                var key = SummaryKey(g.Key.Kind, names.Count > 1, compact);
                return Text(key, ("child", Join(language, names)), ("days", days), ("part", part));
            })
            .ToList();
        return Join(language, sentences);
    }

    /// <summary>The stretches of days: one as <see cref="Render(Texts, string)"/> says it; separate single days in one
    /// go ("op woensdag 25 en vrijdag 27 november"); otherwise each stretch, joined.</summary>
    private static string DaysText(Texts texts, string language, List<(DateOnly Start, DateOnly? End)> days, string child, bool compact)
    {
        if (days.Count > 1 && days.All(d => d.End == d.Start))
        {
            var culture = Texts.Culture(language);
            var dates = days.Select((d, i) => i < days.Count - 1 && d.Start.Month == days[^1].Start.Month && d.Start.Year == days[^1].Start.Year
                ? d.Start.ToString("dddd d", culture)
                : Texts.FormatDate(language, d.Start)).ToList();
            return texts.Render(language, "absence.days_one", new Dictionary<string, string> { ["date"] = Join(language, dates) });
        }

        return Join(language, [.. days.Select(d => new AbsenceDescription(child, AbsenceKinds.Sick, d.Start, d.End, DayPart.WholeDay).DaysText(texts, language, compact))]);
    }

    /// <summary>A text with these reports as its {summary}, in every language, chosen when sent.</summary>
    /// <summary>A text with these reports as its {summary}, in every language, chosen when sent; in fewer words when the
    /// full ones would take a second SMS.</summary>
    /// <param name="items">The reports.</param>
    /// <param name="texts">The bot's words.</param>
    /// <param name="key">The text with {summary}.</param>
    /// <param name="before">A text put before it in the same SMS ("Op vrijdag 11 december is er geen school."), its
    /// {date} written out in the parent's language.</param>
    public static Say Within(IReadOnlyList<AbsenceDescription> items, Texts texts, string key, (string Key, DateOnly Date)? before = null) =>
        Say.PerLanguage(Texts.Languages.ToDictionary(l => l, l =>
        {
            var lead = before is { } b ? texts.Render(l, b.Key, new Dictionary<string, string> { ["date"] = Texts.FormatDate(l, b.Date) }) + " " : "";
            string With(bool compact) => lead + texts.Render(l, key, new Dictionary<string, string> { ["summary"] = Render(items, texts, l, compact) });
            var full = With(compact: false);
            return Channels.Twilio.SmsSegments.Count(full) <= 1 ? full : With(compact: true);
        }));

    /// <summary>"10.30" in Dutch, "10:30" in English.</summary>
    public static string FormatTime(string language, TimeOnly time) =>
        time.ToString(language == Texts.English ? "HH:mm" : "H.mm", CultureInfo.InvariantCulture);
}
