using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Inbox;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Absence;

/// <summary>Starts the absence dialogs: a report, "welke ziekmeldingen heb ik gedaan?", and "Tim is weer beter".</summary>
internal sealed class AbsenceHandler(AbsenceReader absences, SchoolInbox inbox, AbsenceStore store) : IMessageHandler
{
    /// <summary>
    /// How long after a report another one belongs to the same conversation (the usual session timeout): it is saved
    /// at once when nothing is missing, and the receipt says what was noted (a conversation costs at most 3 SMS;
    /// another correction can follow).
    /// </summary>
    public static readonly TimeSpan ConversationWindow = TimeSpan.FromMinutes(30);

    public int Order => 10;

    public static MenuEntry MenuEntry { get; } = new("menu.absence", 10, dc => dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(null)));

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        var turn = dc.Turn;
        // "Welke ziekmeldingen heb ik gedaan?" reads as a question or an absence; either way it asks for the reports.
        if (absences.AsksForReports(turn.Message.Text) && understood.Intent is Intents.Absence or Intents.Faq or Intents.Unknown)
        {
            await dc.BeginDialogAsync(MyReportsDialog.DialogId);
            return true;
        }

        // "Tim is weer beter" closes a sick report; "Tim is better" may look like a question about Tim to the understander.
        if ((understood.Intent == Intents.Absence || (understood.Child is not null && understood.Intent is Intents.Faq or Intents.Unknown or Intents.Greeting))
            && absences.SaysRecovered(turn, turn.Message.Text))
        {
            await dc.BeginDialogAsync(RecoveryDialog.DialogId, new AbsenceRequest(turn.Message.Text));
            return true;
        }

        if (understood.Intent != Intents.Absence)
        {
            return false;
        }

        // "Kan de juf mij bellen? Tim heeft koorts": the call-back is passed on; a report only when the parent says
        // when the child is away, else they are told how to send one.
        if (absences.AsksToBeCalled(turn.Message.Text))
        {
            var facts = absences.Read(turn, turn.Message.Text);
            var child = facts.ChildId is { } id ? turn.Parent.Children.First(c => c.Id == id) : turn.Parent.Children.Count == 1 ? turn.Parent.Children[0] : null;
            await inbox.PassOnAsync(turn, "handoff", turn.Message.Text, child);
            if (facts.Days is null)
            {
                turn.Send("absence.handoff_sick", ("teacher", turn.TeacherOf(child)), ("child", child?.FirstName ?? turn.Texts.Render(turn.Language, "absence.your_child")));
                return true;
            }

            turn.Send("handoff.passed_on", ("teacher", turn.TeacherOf(child)));
        }

        // A second report in the same conversation ("en Noor heeft vrijdag om 10 uur de tandarts"), also later
        // when it goes on from the last ("en ..."): the parent has just confirmed one, so it is noted at once.
        var goesOn = absences.GoesOn(Texts.Tokenize(turn.Message.Text));
        var continues = await ContinuesAsync(turn, goesOn ? AbsenceFollowUpHandler.Window : ConversationWindow);
        await dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(turn.Message.Text, Confirmed: continues));
        return true;
    }

    private async Task<bool> ContinuesAsync(TurnContext turn, TimeSpan window)
    {
        // A parent who has not written within the window has made no report in it either: no need to look.
        if (turn.Conversation.LastTurnAt is not { } last || turn.School.Clock.UtcNow - last > window)
        {
            return false;
        }

        try
        {
            return (await AbsenceFollowUpHandler.LatestAsync(store, turn, window, asWritten: true)).Count > 0;
        }
        catch (System.Text.Json.JsonException)
        {
            // A damaged document only costs the SMS this saves: the report is confirmed as a new one, and saving it
            // fails with the turn's apology and error log (a storage outage is not caught: that turn is retried).
            return false;
        }
    }
}

/// <summary>
/// A follow-up on the report the parent just made: "en Sem ook" reports the other child the same way, and "oh nee,
/// ik bedoel morgen" changes the report (the old one withdrawn, the new one recorded), each with a receipt that says
/// what is noted now; only a change of which child is away is confirmed first.
/// Read from the reports themselves: the parent's latest, made together, in the last <see cref="Window"/>.
/// </summary>
internal sealed class AbsenceFollowUpHandler(AbsenceStore store, AbsenceReader absences, AbsenceNotices notices, SchoolInbox inbox) : IMessageHandler
{
    /// <summary>How long after a report a follow-up or a correction still refers to it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(12);

    public int Order => 9;

    public async Task<bool> TryHandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        var turn = dc.Turn;
        var tokens = Texts.Tokenize(turn.Message.Text);
        var correcting = AbsenceReader.Corrects(tokens);
        // "hij gaat morgen nog niet naar school", "she's still off tomorrow": still away, the same as "ook".
        var also = absences.SaysAlso(tokens) || absences.SaysStillAway(tokens);

        // Not a question ("kan Sem ook mee?"), unless it asks to note the child ("can you put her down for today as well
        // please?"), nor a request of another kind.
        if ((turn.Message.Text.Contains('?') && !AsksToNote(tokens)) || understood.Intent is Intents.Privacy or Intents.Language or Intents.Help or Intents.Booking or Intents.BookingChange)
        {
            return false;
        }

        // A question is no take-back, with or without "?" ("moet hij morgen zijn gymspullen mee naar school" after a
        // report of tomorrow): what the message asks comes before the days it names. Only what opens as a question:
        // "woensdag gaat hij toch naar school" may look like a question about school hours, and is a take-back.
        if (understood.Intent == Intents.Faq && understood.Action == Actions.Answer && absences.OpensAsQuestion(tokens))
        {
            return false;
        }

        // Reading is cheap (no store): "Sem gaat toch wel naar school" after a report for Sem corrects it too.
        var facts = absences.Read(turn, turn.Message.Text);
        correcting |= facts.PresentIds.Count > 0;

        // "hij gaat morgen toch naar school", "nee, vrijdag gaat ze weer naar school": a day at school takes that day out
        // of the report just made, a day back ends it the school day before; the rest stands.
        if ((facts.AtSchoolOn.Count > 0 || facts.BackOn is not null) && facts.OtherChild is null
            && await TakeOutDaysAsync(dc, facts) is { } done)
        {
            return done;
        }
        // "hij gaat toch naar school", "Sem toch niet", "Emma is going in after all": every child of the report just made
        // is there after all, so the report is withdrawn at once (a day that passed stays as it happened).
        if (facts.ChildIds.Count == 0 && facts.OtherChild is null
            && (facts.PresentIds.Count > 0 || absences.SaysThereAfterAllUnnamed(turn, turn.Message.Text)))
        {
            var (latest, _) = await LatestAndMineAsync(store, turn, Window);
            var present = facts.PresentIds.Count > 0 ? facts.PresentIds
                : latest.Select(r => r.ChildId).Distinct().ToList() is { Count: 1 } only ? only : [];
            if (latest.Count > 0 && present.Count > 0 && latest.All(r => present.Contains(r.ChildId)))
            {
                await WithdrawAsync(turn, latest);
                return true;
            }
        }

        // "Sem heeft om 9 uur de tandarts" after "Noor en Sem zijn vandaag ziek": a child of the report just made, told
        // of again with another reason or time on its days, corrects that child's report; Noor's stays as it was. Only
        // in the same conversation: hours later it may be news of the day ("Tim heeft om 14 uur de tandarts").
        if (!correcting && !also && understood.Intent == Intents.Absence && tokens is not ["en" or "and", ..]
            && turn.Conversation.LastTurnAt is { } lastTurn && turn.School.Clock.UtcNow - lastTurn <= AbsenceHandler.ConversationWindow
            && facts.ChildIds.Count > 0 && facts.PerChild.Any(c => c.Kind is not null || c.Part is not null))
        {
            // A hint from this instance's copy (no round trip after its own write); a correction reads them as stored below.
            try
            {
                correcting = Restates(facts, (await LatestAndMineAsync(store, turn, Window, asWritten: true)).Latest);
            }
            catch (System.Text.Json.JsonException)
            {
                // A damaged document: no correction is known of, so the message is a report of its own (whose save then
                // fails with the turn's apology), as in AbsenceHandler; a storage outage is not caught.
            }
        }

        if (!correcting && !also)
        {
            return false;
        }

        // "ook" alone may be anything ("Sem vond het ook leuk"): only what reads as an absence or as nothing else (a
        // question the bot has no answer to counts as nothing: "Sem ook" is no topic the bot knows).
        var nothingElse = understood.Intent is Intents.Absence or Intents.Unknown or Intents.Greeting or Intents.Feedback
            || (understood.Intent == Intents.Faq && understood.Action == Actions.Abstain)
            // "en sem ook morgen" reads like news for the teacher about a day: a short message that names the parent's own
            // child with "ook" and asks nothing of anyone is the report going on.
            || (understood.Intent == Intents.Handoff && facts.ChildIds.Count > 0 && tokens.Length <= 6 && (facts.Whole.DaysSaid || facts.Whole.Kind is not null)
                && !absences.AsksToBeCalled(turn.Message.Text));
        if (!correcting && !nothingElse)
        {
            return false;
        }

        // "can you put her down too": asks to note a child, with or without a day.
        var asksToNote = also && AsksToNote(tokens);
        // A short correction is about the report ("oh nee, alleen Noor"); "ook" adds a child only with words of an
        // absence (a day, an illness, "thuis"), or with nothing more than the names ("en Sem ook", "Sem heeft het ook"):
        // "Sem wordt ook gepest" is news for the teacher, no report.
        var aboutAbsence = facts.Whole.Kind is not null || facts.Whole.Days.Count > 0 || facts.Whole.Part is not null || facts.Whole.ArrivesLate
            || facts.PresentIds.Count > 0 || asksToNote || (correcting && tokens.Length <= 5) || absences.SaysAway(tokens) || absences.SaysOnlyAlso(turn, tokens);
        var moreDays = !correcting && facts.ChildIds.Count == 0 && facts.Whole.DaysSaid && (tokens.Length <= 6 || asksToNote || absences.SaysStillAway(tokens));
        // "Noor woensdag ook nog thuis" after Noor's report: more days for the children named, who are in it already.
        // Only in the same conversation: hours later it is a report of its own, confirmed as one.
        var moreDaysFor = !correcting && also && facts.ChildIds.Count > 0 && facts.Whole.DaysSaid && facts.Whole.Days.All(d => d.End is not null)
            && turn.Conversation.LastTurnAt is { } lastTurnAt && turn.School.Clock.UtcNow - lastTurnAt <= AbsenceHandler.ConversationWindow;
        // "can you put her down too" with no name and no day: the parent's other child, when there is exactly one.
        var otherChild = !correcting && asksToNote && facts.ChildIds.Count == 0 && !facts.Whole.DaysSaid;
        if (!correcting && also && !aboutAbsence && facts.ChildIds.Count > 0 && understood.Intent == Intents.Absence)
        {
            // "Sem heeft ook last van de kou" right after Noor's report reads like an absence to the understanding, but says
            // none: passed on to the teacher of the child it names, as news.
            return await PassOnAsync(turn, facts);
        }

        if (!(facts.SaysAnything || otherChild || facts.AtSchoolOn.Count > 0) || !aboutAbsence || (!correcting && facts.ChildIds.Count == 0 && !moreDays && !otherChild))
        {
            return false;
        }

        var (last, mine) = await LatestAndMineAsync(store, turn, Window);
        if (last.Count == 0)
        {
            return false;
        }

        var entries = Entries(last, mine);
        if (moreDays)
        {
            // "en maandag ook": the same children, the same way, on those days too; saved at once, the receipt says so.
            foreach (var entry in entries)
            {
                entry.Days = [.. facts.Whole.Days];
                (entry.From, entry.Until) = entry.Days is [{ SingleDay: true }] ? (entry.From, entry.Until) : (null, null);
            }

            await dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(null, entries, Confirmed: true));
            return true;
        }

        if (moreDaysFor && facts.ChildIds.All(id => last.Any(r => r.ChildId == id)))
        {
            // The way each was reported, with what this message says of it ("Tim is vrijdag ook nog ziek" after an appointment).
            var named = entries.Where(e => facts.ChildIds.Contains(e.ChildId!)).ToList();
            foreach (var entry in named)
            {
                entry.Days = [.. facts.Whole.Days];
                (entry.From, entry.Until) = entry.Days is [{ SingleDay: true }] ? (entry.From, entry.Until) : (null, null);
                if (facts.PerChild.FirstOrDefault(c => c.ChildIds.Contains(entry.ChildId!)) is { } clause)
                {
                    entry.Take(clause, correcting: true);
                }
            }

            await dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(null, named, Confirmed: true));
            return true;
        }

        if (!correcting)
        {
            // "en Sem ook": the children not in the report yet, the way the other was reported, with what this message adds.
            var added = otherChild
                ? turn.Parent.Children.Select(c => c.Id).Where(id => last.All(r => r.ChildId != id)).ToList() is { Count: 1 } rest ? rest : []
                : facts.ChildIds.Where(id => last.All(r => r.ChildId != id)).ToList();
            if (added.Count == 0)
            {
                // The second half of a message read as two requests, whose first half this turn has just noted: done.
                return turn.Replies.Count > 0 && last.All(r => r.ReportedAt >= turn.School.Clock.UtcNow - TimeSpan.FromMinutes(1));
            }

            var copies = added.Select(entries[0].For).ToList();
            foreach (var copy in copies)
            {
                copy.Take(facts.Whole, correcting: true);
            }

            // Saved at once, also with what the message adds ("oh en Sem ook, die is vannacht ook ziek geworden"): the
            // parent has just confirmed a report, the receipt says exactly what is noted, and a correction after it is
            // made at once. A second confirmation would cost an SMS more (at most 3 segments a conversation). What is
            // missing (a day, a reason) is still asked.
            await dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(null, copies, Confirmed: true));
            return true;
        }

        var state = new AbsenceDialog.State { Entries = entries };
        AbsenceDialog.Correct(turn, state, facts);
        // "ze is niet ziek, ze heeft vandaag een afspraak in het ziekenhuis": no time said, the whole day (as "weet ik
        // nog niet"); asking it would cost an SMS more, and the receipt says what is noted, so a time can follow.
        foreach (var entry in state.Entries.Where(e => e.Kind == AbsenceKinds.Appointment && !e.PartKnown && !e.ArrivesLate))
        {
            entry.PartKnown = true;
        }

        // A correction is made at once, also of who is away ("Sem is ziek, niet Noor", "alleen Noor"); the receipt says
        // what it is now and whose report is withdrawn ("Ik heb het aangepast: ..."), and another correction can follow.
        // Asking again would cost an SMS more: a conversation is at most 3. A name that is not theirs is asked about.
        await dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(null, state.Entries, [.. last.Select(r => r.Id)], Confirmed: state.Fix is null));
        return true;
    }

    /// <summary>
    /// The days the message says a child of the report just made is at school after all (<see cref="AbsenceFacts.AtSchoolOn"/>)
    /// or back (<see cref="AbsenceFacts.BackOn"/>), taken out of the report; saved at once, the receipt says what was
    /// taken back and what stands (all of it taken back: the report is withdrawn). Null when the report has none of
    /// those days (then the message is read on: "Noor woensdag ook nog thuis, Sem woensdag naar school").
    /// </summary>
    private async Task<bool?> TakeOutDaysAsync(DialogContext dc, AbsenceFacts facts)
    {
        var turn = dc.Turn;
        var (last, mine) = await LatestAndMineAsync(store, turn, Window);
        if (last.Count == 0)
        {
            return null;
        }

        var calendar = turn.School.Calendar;
        var entries = Entries(last, mine);
        var reported = entries.Select(e => e.ChildId!).ToList();
        var takenBack = new List<TakenBackDay>();
        var ended = false;
        foreach (var clause in facts.AtSchoolOn)
        {
            // No name: the child (or children) just reported, unless the message names another child for something else.
            var who = clause.ChildIds.Count > 0 ? clause.ChildIds : facts.ChildIds.Count == 0 ? reported : [];
            foreach (var entry in entries.Where(e => who.Contains(e.ChildId!)))
            {
                foreach (var day in clause.Days.SelectMany(d => Enumerable.Range(0, d.End!.Value.DayNumber - d.Start.DayNumber + 1).Select(d.Start.AddDays)).Where(calendar.IsSchoolDay))
                {
                    if (entry.Days.Any(d => d.Start <= day && (d.End is null || d.End >= day)))
                    {
                        entry.Days = Without(entry.Days, day, calendar);
                        takenBack.Add(new TakenBackDay(entry.ChildId!, day));
                    }
                }
            }
        }

        if (facts.BackOn is { } back)
        {
            var who = facts.BackIds.Count > 0 ? facts.BackIds : facts.ChildIds.Count == 0 ? reported : [];
            foreach (var entry in entries.Where(e => who.Contains(e.ChildId!)))
            {
                // A stretch that goes on past the day back ends; a later day of its own is no longer away either; a
                // stretch that begins that day ("Noor is morgen ziek", "nee, morgen gaat ze weer naar school") is gone.
                if (entry.Days.Any(d => d.Start <= back && (d.End is null || d.End >= back)))
                {
                    entry.Days = [.. entry.Days.Where(d => d.Start < back).Select(d => d.End is null || d.End >= back ? new AbsenceDays(d.Start, calendar.SchoolDayBefore(back, d.Start)) : d)];
                    ended = true;
                }
                else if (entry.Kind == AbsenceKinds.Sick && entry.Days is [.., { End: { } end } lastStretch] && end < back
                    && calendar.SchoolDayBefore(back, end) is var before && before > end)
                {
                    // "Noor is ziek", then "ze gaat donderdag weer naar school": sick until the day before.
                    entry.Days = [.. entry.Days.SkipLast(1), new AbsenceDays(lastStretch.Start, before)];
                    ended = true;
                }
            }
        }

        if (takenBack.Count == 0 && !ended)
        {
            // "morgen gaat hij gewoon naar school" after a report of today only, and nothing else said: as reported.
            // Only of the children of that report: "Sem gaat morgen weer naar school" after Noor's is about another report.
            if (facts.ChildIds.All(id => facts.BackIds.Contains(id)) && (facts.BackOn is not null || !facts.Whole.DaysSaid) && facts.Whole.Kind is null
                && facts.BackIds.Concat(facts.AtSchoolOn.SelectMany(a => a.ChildIds)).All(reported.Contains))
            {
                var language = turn.Language;
                turn.Send("absence.already_reported", ("summary", AbsenceDescription.Render([.. last.Select(AbsenceDescription.Of)], turn.Texts, language, compact: true)));
                return true;
            }

            return null;
        }

        if (entries.All(e => e.Days.Count == 0))
        {
            await WithdrawAsync(turn, last);
            return true;
        }

        await dc.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(null, [.. entries.Where(e => e.Days.Count > 0)], [.. last.Select(r => r.Id)], Confirmed: true, TakenBack: takenBack));
        return true;
    }

    /// <summary>The stretches without one day: a stretch around it splits, an open-ended one ends the school day before.</summary>
    private static List<AbsenceDays> Without(IEnumerable<AbsenceDays> days, DateOnly day, SchoolCalendar calendar)
    {
        var result = new List<AbsenceDays>();
        foreach (var d in days)
        {
            if (d.Start > day || d.End < day)
            {
                result.Add(d);
                continue;
            }

            if (d.Start < day)
            {
                result.Add(new AbsenceDays(d.Start, calendar.SchoolDayBefore(day, d.Start)));
            }

            if (d.End is { } end && end > day)
            {
                var next = day.AddDays(1);
                while (next < end && !calendar.IsSchoolDay(next))
                {
                    next = next.AddDays(1);
                }

                result.Add(new AbsenceDays(next, end));
            }
        }

        return result;
    }

    /// <summary>A message about the children of the report just made that says no absence: passed on to their teachers.
    /// False when there is no such report (then the message is read as any other).</summary>
    private async Task<bool> PassOnAsync(TurnContext turn, AbsenceFacts facts)
    {
        if ((await LatestAsync(store, turn, Window)).Count == 0)
        {
            return false;
        }

        var child = facts.ChildIds.Count == 1 ? turn.Parent.Children.FirstOrDefault(c => c.Id == facts.ChildIds[0]) : null;
        await inbox.PassOnAsync(turn, "handoff", turn.Message.Text, child);
        turn.Send("handoff.passed_on", ("teacher", turn.TeacherOf(child)));
        return true;
    }

    /// <summary>Withdraws the reports just made, tells their teachers, and says so in one SMS.</summary>
    private async Task WithdrawAsync(TurnContext turn, List<AbsenceReport> reports)
    {
        var today = turn.School.Clock.Today;
        var now = turn.School.Clock.UtcNow;
        var withdrawn = new List<AbsenceReport>();
        foreach (var report in reports)
        {
            var changed = await store.ChangeAsync(turn.School, report.ChildId, report.Id, r => r.TakeBack(today, now), turn.CancellationToken);
            if (changed is not null)
            {
                await notices.WithdrawnAsync(turn.School, changed with { End = changed.End < today ? today : changed.End }, turn.Parent.Name, turn.CancellationToken);
                withdrawn.Add(report);
            }
        }

        if (withdrawn.Count == 0)
        {
            return;
        }

        var language = turn.Language;
        var summary = AbsenceDescription.Join(language, [.. withdrawn.Select(r => AbsenceDescription.Of(r).Render(turn.Texts, language))]);
        var teachers = AbsenceDescription.Join(language, [.. withdrawn.Select(r => turn.TeacherOf(turn.Parent.Children.FirstOrDefault(c => c.Id == r.ChildId))).Distinct()]);
        turn.Send("absence.withdrawn", ("summary", summary), ("teacher", teachers));
    }

    /// <summary>"Can you put her down for today as well?", "kunt u Sem ook ziek melden?": a request to note a report, not a question.</summary>
    private static bool AsksToNote(string[] tokens) =>
        tokens.Zip(tokens.Skip(1)).Any(p => p is ("put", "her" or "him" or "them") or ("mark", "her" or "him" or "them") or ("sign", "her" or "him" or "them"))
        || tokens.Any(t => t is "noteren" or "opschrijven" or "melden" or "afmelden" or "ziekmelden" or "erbij" or "bijzetten" or "note" or "report" or "record")
        // "can you put Oliver down too", "mark Emma off as well", "put him in for today": a name between the verb and
        // its particle; "in" only as a particle, not before what a child is put in ("put Oliver in the football team").
        || (tokens.Any(t => t is "put" or "mark" or "sign" or "add")
            && tokens.Select((t, i) => (t, i)).Any(p => p.t is "down" or "off" or "absent" or "sick" || (p.t == "in" && EndsParticle(tokens, p.i + 1))));

    /// <summary>What may follow a particle "in" that notes a child: nothing, or "too", "as well", "for today", "please".</summary>
    private static bool EndsParticle(string[] tokens, int next) =>
        next >= tokens.Length || tokens[next] is "too" or "as" or "also" or "for" or "today" or "tomorrow" or "please" or "sick" or "absent" or "again";

    /// <summary>
    /// Every child the message names is in the report just made, and what it says of them differs from it on those
    /// days: another reason ("Sem heeft om 9 uur de tandarts" after a sick day) or another time. Another day is a new
    /// report ("Sem heeft morgen om 9 uur de tandarts"), the same again is "Dit had u al gemeld".
    /// </summary>
    private static bool Restates(AbsenceFacts facts, IReadOnlyList<AbsenceReport> last) =>
        last.Count > 0 && facts.ChildIds.All(id => last.Any(r => r.ChildId == id))
        && facts.PerChild.Where(c => c.ChildIds.Count > 0).ToList() is { Count: > 0 } clauses
        && clauses.All(c => c.ChildIds.All(id => last.Where(r => r.ChildId == id).ToList() is var reports
            && (!c.DaysSaid || c.Days.All(d => d.End is { } end && reports.Any(r => r.Covers(d.Start) && r.Covers(end))))
            && reports.Any(r => (c.Kind is { } kind && kind != r.Kind) || (c.Part is { } part && part != new DayPart(r.From, r.Until)))));

    /// <summary>The reports this parent made last, together (one batch), if within <paramref name="window"/> and still standing;
    /// <paramref name="asWritten"/>: as this instance last wrote them, for a hint only (<see cref="AbsenceStore.ForChildAsWrittenAsync"/>).</summary>
    internal static async Task<List<AbsenceReport>> LatestAsync(AbsenceStore store, TurnContext turn, TimeSpan window, bool asWritten = false) =>
        (await LatestAndMineAsync(store, turn, window, asWritten)).Latest;

    /// <summary>The latest reports (<see cref="LatestAsync"/>) and, from the same read, all this parent's reports of the
    /// window, withdrawn ones too (what a correction replaced).</summary>
    private static async Task<(List<AbsenceReport> Latest, List<AbsenceReport> Mine)> LatestAndMineAsync(AbsenceStore store, TurnContext turn, TimeSpan window, bool asWritten = false)
    {
        var since = turn.School.Clock.UtcNow - window;
        var all = new List<AbsenceReport>();
        foreach (var child in turn.Parent.Children)
        {
            var reports = asWritten
                ? await store.ForChildAsWrittenAsync(turn.School, child.Id, turn.CancellationToken)
                : await store.ForChildAsync(turn.School, child.Id, turn.CancellationToken);
            all.AddRange(reports.Where(r => r.ReportedBy == turn.Parent.Phone && r.ReportedAt >= since));
        }

        var mine = all.Where(r => r.Active).ToList();
        if (mine.Count == 0)
        {
            return ([], all);
        }

        // The last of the latest: reports saved in the same clock tick (a clock that stands still) are listed in the
        // order they were saved, so "en Noor ook" after "hij blijft morgen ook thuis" follows the report of tomorrow.
        var newest = mine.Max(r => r.ReportedAt);
        var latest = mine.Last(r => r.ReportedAt == newest);
        return ([.. mine.Where(r => (r.Batch ?? r.Id) == (latest.Batch ?? latest.Id)).OrderBy(r => r.Start)], all);
    }

    /// <summary>The reports as the dialog's entries again: one per child, with its stretches of days; a stretch whose
    /// end a correction just changed (the report it replaced began the same day) is marked so.</summary>
    private static List<AbsenceEntry> Entries(IEnumerable<AbsenceReport> reports, IReadOnlyList<AbsenceReport> mine) =>
    [
        .. reports.GroupBy(r => r.ChildId).Select(g => new AbsenceEntry
        {
            ChildId = g.Key,
            Days = [.. g.Select(r => new AbsenceDays(r.Start, r.End))],
            Kind = g.First().Kind,
            From = g.First().From,
            Until = g.First().Until,
            PartKnown = true,
            EndCorrected = g.Count() == 1 && mine.Any(o => !o.Active && o.ChildId == g.Key && o.WithdrawnAt == g.First().ReportedAt
                && o.Start == g.First().Start && o.End != g.First().End),
        }),
    ];
}
