using OuderBot.Bot;
using OuderBot.Channels.Twilio;
using OuderBot.School;

namespace OuderBot.Absence;

/// <summary>
/// The receipt after a report: what was noted and for whom it is passed on, then what matters next (a late report, a
/// report afterwards, how to say the child is better). An SMS costs money per segment: the receipt is one, so the
/// optional sentences go first and a shorter wording is used when the full one would not fit.
/// </summary>
internal static class AbsenceReceipt
{
    // withdrawn: after a change of who is away ("Sem is ziek, niet Noor"), the children whose report is withdrawn;
    // replaced: the reports a correction withdrew.
    public static string Compose(TurnContext turn, IReadOnlyList<SavedAbsence> saved, bool changed, IReadOnlyList<Child>? withdrawn = null, IReadOnlyList<AbsenceReport>? replaced = null)
    {
        var texts = turn.Texts;
        var language = turn.Language;
        string Text(string key, params (string Name, string Value)[] args) =>
            texts.Render(language, key, args.ToDictionary(a => a.Name, a => a.Value));
        // "Noor is ziek op dinsdag 8 december, Sem niet": a change of who is away says whose report is gone too.
        var gone = withdrawn is { Count: > 0 } ? AbsenceDescription.Join(language, [.. withdrawn.Select(c => c.FirstName)]) : null;
        string Summary(IEnumerable<AbsenceReport> reports, bool compact = false) =>
            AbsenceDescription.Render([.. reports.Select(AbsenceDescription.Of)], texts, language, compact);
        string Changed(IEnumerable<AbsenceReport> reports, bool compact = false) =>
            gone is null ? Summary(reports, compact) : Text("absence.changed_not", ("summary", Summary(reports, compact)), ("child", gone));
        string Names(IEnumerable<AbsenceReport> reports) =>
            AbsenceDescription.Join(language, [.. reports.Select(r => r.ChildName).Distinct()]);

        var fresh = saved.Where(s => s.Outcome is SaveOutcome.New or SaveOutcome.Unchanged).Select(s => s.Report).ToList();
        var already = saved.Where(s => s.Outcome == SaveOutcome.AlreadyReportedBySameParent).Select(s => s.Report).ToList();
        var also = saved.Where(s => s.Outcome == SaveOutcome.AlsoReportedByOtherParent).Select(s => s.Report).ToList();
        // The teachers who hear something new, also of a report withdrawn; a report a correction left as it was tells nobody anything.
        var told = saved.Where(s => s.Outcome == SaveOutcome.New).Select(s => s.Report).ToList();
        // A correction says what it changed, in one short sentence ("Sem heeft een afspraak ..."): what it left as it
        // was (Noor's sick day) is not repeated. A change of who is away says what stays ("Noor ..., Sem niet", "Sem en
        // Noor zijn ziek ...").
        if (changed && gone is null && told.Count > 0 && told.All(r => replaced?.Any(o => o.ChildId == r.ChildId) == true))
        {
            fresh = told;
        }

        // What must be said, in wordings from the full to the shortest; the first two name the teacher who is told.
        var full = new List<string>();
        var fullCompact = new List<string>();
        var brief = new List<string>();
        var compact = new List<string>();
        var tiny = new List<string>();
        if (fresh.Count > 0)
        {
            var teachers = AbsenceDescription.Join(language, [.. told
                .Select(r => turn.Parent.Children.FirstOrDefault(c => c.Id == r.ChildId))
                .Concat(withdrawn ?? [])
                .Select(c => turn.TeacherOf(c)).Distinct()]);
            full.Add(teachers.Length > 0
                ? Text(changed ? "absence.changed" : "absence.saved", ("summary", Changed(fresh)), ("teacher", teachers))
                : Text(changed ? "absence.changed_short" : "absence.saved_short", ("summary", Changed(fresh))));
            fullCompact.Add(teachers.Length > 0
                ? Text(changed ? "absence.changed" : "absence.saved", ("summary", Changed(fresh, compact: true)), ("teacher", teachers))
                : Text(changed ? "absence.changed_short" : "absence.saved_short", ("summary", Changed(fresh, compact: true))));
            brief.Add(Text(changed ? "absence.changed_short" : "absence.saved_short", ("summary", Changed(fresh))));
            compact.Add(Text(changed ? "absence.changed_short" : "absence.saved_short", ("summary", Changed(fresh, compact: true))));
            // The fewest words, so the extra (how to ask for leave, a late report) still fits the one SMS.
            tiny.Add(Text(changed ? "absence.changed_tiny" : "absence.saved_tiny", ("summary", Changed(fresh, compact: true))));
        }

        if (already.Count > 0)
        {
            var sentence = Text("absence.already_reported", ("summary", Summary(already)));
            full.Add(sentence);
            brief.Add(sentence);
            fullCompact.Add(sentence);
            compact.Add(Text("absence.already_reported", ("summary", Summary(already, compact: true))));
            tiny.Add(compact[^1]);
        }

        if (also.Count > 0)
        {
            var other = ("other", also[0].ReportedByName.Split(' ')[0]);
            var sentence = Text("absence.also_reported", ("summary", Summary(also)), other);
            full.Add(sentence);
            brief.Add(sentence);
            fullCompact.Add(sentence);
            compact.Add(Text("absence.also_reported", ("summary", Summary(also, compact: true)), other));
            tiny.Add(compact[^1]);
        }

        // What helps, most important first; dropped from the end when the receipt would take a second SMS.
        var extra = new List<string>();
        if (fresh.Any(r => r.ReportedLate))
        {
            extra.Add(Text("absence.saved_late"));
        }

        if (fresh.Any(r => r.Afterwards))
        {
            extra.Add(Text("absence.saved_afterwards"));
        }

        var names = Names(fresh);
        var closing = fresh switch
        {
            [] => null,
            _ when fresh.All(r => r is { Kind: AbsenceKinds.Sick, OpenEnded: true }) =>
                fresh.Select(r => r.ChildId).Distinct().Count() == 1
                    ? Text("absence.saved_open", ("child", names))
                    : Text("absence.saved_open_many", ("child", fresh[0].ChildName)),
            // "We hope Emma and Oliver feel better soon!": the verb agrees with the names.
            _ when fresh.All(r => r is { Kind: AbsenceKinds.Sick, Afterwards: false }) =>
                Text(fresh.Select(r => r.ChildId).Distinct().Count() == 1 ? "absence.saved_sick" : "absence.saved_sick_many", ("child", names)),
            _ when fresh.Any(r => r is { Kind: AbsenceKinds.Other, WholeDay: true }) => Text("absence.saved_other", ("director", turn.School.Data.Info.Director.Name)),
            _ => null,
        };
        if (closing is not null)
        {
            extra.Add(closing);
        }

        // A correction names the teacher who is told whenever a wording with the name fits; the extras make room for
        // it. A first report keeps its extras first (how to ask for leave, how to say the child is better).
        return (changed ? Fit([full, fullCompact], extra) ?? Fit([brief, compact, tiny], extra) : Fit([full, brief, compact, tiny], extra))
            ?? string.Join(' ', tiny);
    }

    /// <summary>As many extras as fit one SMS, with the first wording that fits beside them; null if none fits alone.</summary>
    internal static string? Fit(IReadOnlyList<IReadOnlyList<string>> wordings, IReadOnlyList<string> extra)
    {
        for (var kept = extra.Count; kept >= 0; kept--)
        {
            foreach (var required in wordings)
            {
                var text = string.Join(' ', required.Concat(extra.Take(kept)));
                if (SmsSegments.Count(text) <= 1)
                {
                    return text;
                }
            }
        }

        return null;
    }
}
