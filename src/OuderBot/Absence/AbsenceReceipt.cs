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
    // takenBack: the days a correction took back while the rest stands ("hij gaat morgen toch naar school"): the receipt
    // says them and what still stands, in one SMS.
    public static string Compose(TurnContext turn, IReadOnlyList<SavedAbsence> saved, bool changed, IReadOnlyList<Child>? withdrawn = null, IReadOnlyList<AbsenceReport>? replaced = null,
        IReadOnlyList<TakenBackDay>? takenBack = null)
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

        if (changed && takenBack is { Count: > 0 } && fresh.Count > 0)
        {
            return TakenBack(turn, fresh, takenBack, replaced ?? [], [.. saved.Select(r => r.Report.ChildId).Concat(replaced?.Select(r => r.ChildId) ?? []).Distinct()]);
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

    /// <summary>"Ik heb woensdag 25 november ingetrokken. Dit blijft staan: Tim is ziek op dinsdag 24 november.": what was
    /// taken back (with the child's name when not every child's), then what stands, naming the teachers told of it.</summary>
    private static string TakenBack(TurnContext turn, IReadOnlyList<AbsenceReport> stands, IReadOnlyList<TakenBackDay> takenBack, IReadOnlyList<AbsenceReport> replaced,
        IReadOnlyList<string> reported)
    {
        var texts = turn.Texts;
        var language = turn.Language;
        string Text(string key, params (string Name, string Value)[] args) =>
            texts.Render(language, key, args.ToDictionary(a => a.Name, a => a.Value));
        var everyone = takenBack.Select(t => t.ChildId).Distinct().Count() == reported.Union(takenBack.Select(t => t.ChildId)).Distinct().Count()
            && takenBack.GroupBy(t => t.ChildId).Select(g => string.Join(',', g.Select(t => t.Day).Order())).Distinct().Count() == 1;
        var days = everyone
            ? AbsenceDescription.Join(language, [.. takenBack.Select(t => t.Day).Distinct().Order().Select(d => OuderBot.Dialogs.Texts.FormatDate(language, d))])
            : AbsenceDescription.Join(language, [.. takenBack.GroupBy(t => t.ChildId).Select(g => Text("absence.days_withdrawn_child",
                ("child", turn.Parent.Children.FirstOrDefault(c => c.Id == g.Key)?.FirstName ?? ""),
                ("date", AbsenceDescription.Join(language, [.. g.Select(t => t.Day).Distinct().Order().Select(d => OuderBot.Dialogs.Texts.FormatDate(language, d))]))))]);
        var teachers = AbsenceDescription.Join(language, [.. replaced.Select(r => r.ChildId).Concat(takenBack.Select(t => t.ChildId)).Distinct()
            .Select(id => turn.TeacherOf(turn.Parent.Children.FirstOrDefault(c => c.Id == id))).Distinct()]);
        string Summary(bool compact) => AbsenceDescription.Render([.. stands.Select(AbsenceDescription.Of)], texts, language, compact);
        return Fit([
            [Text("absence.days_withdrawn", ("days", days), ("summary", Summary(false)), ("teacher", teachers))],
            [Text("absence.days_withdrawn", ("days", days), ("summary", Summary(true)), ("teacher", teachers))],
            [Text("absence.days_withdrawn_short", ("days", days), ("summary", Summary(true)))],
        ], []) ?? Text("absence.days_withdrawn_short", ("days", days), ("summary", Summary(true)));
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
