using System.Globalization;
using OuderBot.Dialogs;

namespace OuderBot.Absence;

/// <summary>What an absence is, in one plain sentence: "Tim is ziek op maandag 23 en dinsdag 24 november".</summary>
public sealed record AbsenceDescription(string ChildName, string Kind, DateOnly Start, DateOnly? End, DayPart Part)
{
    public static AbsenceDescription Of(AbsenceReport report) =>
        new(report.ChildName, report.Kind, report.Start, report.End, new DayPart(report.From, report.Until));

    /// <summary>The sentence in one language (without a full stop).</summary>
    public string Render(Texts texts, string language)
    {
        var culture = Texts.Culture(language);
        string Text(string key, params (string Name, string Value)[] args) =>
            texts.Render(language, key, args.ToDictionary(a => a.Name, a => a.Value));

        string days;
        if (End is null)
        {
            days = Text("absence.days_open", ("start", Texts.FormatDate(language, Start)), ("child", ChildName));
        }
        else if (End == Start)
        {
            days = Text("absence.days_one", ("date", Texts.FormatDate(language, Start)));
        }
        else
        {
            // "maandag 23 en dinsdag 24 november": the month once when both days share it.
            var first = Start.Month == End.Value.Month && Start.Year == End.Value.Year
                ? Start.ToString("dddd d", culture)
                : Texts.FormatDate(language, Start);
            var last = Texts.FormatDate(language, End.Value);
            days = End.Value.DayNumber - Start.DayNumber == 1
                ? Text("absence.days_two", ("first", first), ("second", last))
                : Text("absence.days_range", ("start", first), ("end", last));
        }

        string Time(TimeOnly time) => Text("absence.time", ("time", FormatTime(language, time)));
        var part = Part switch
        {
            { From: { } from, Until: { } until } => Text("absence.part_between", ("from", Time(from)), ("until", Time(until))),
            { Until: { } until } => Text("absence.part_until", ("until", Time(until))),
            { From: { } from } => Text("absence.part_from", ("from", Time(from))),
            _ => "",
        };

        return Text($"absence.summary_{Kind}", ("child", ChildName), ("days", days), ("part", part));
    }

    /// <summary>The sentence in every language, chosen when it is sent (a question asked again after a language switch reads right).</summary>
    public IReadOnlyDictionary<string, string> RenderAll(Texts texts) =>
        Texts.Languages.ToDictionary(l => l, l => Render(texts, l));

    /// <summary>A text with this sentence as its {summary}, in every language, chosen when sent ("... Klopt dat? (ja/nee)").</summary>
    public Say Within(Texts texts, string key) =>
        Say.PerLanguage(Texts.Languages.ToDictionary(l => l, l => texts.Render(l, key, new Dictionary<string, string> { ["summary"] = Render(texts, l) })));

    /// <summary>"10.30" in Dutch, "10:30" in English.</summary>
    public static string FormatTime(string language, TimeOnly time) =>
        time.ToString(language == Texts.English ? "HH:mm" : "H.mm", CultureInfo.InvariantCulture);
}
