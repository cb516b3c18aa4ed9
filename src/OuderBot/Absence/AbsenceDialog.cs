using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Absence;

/// <summary>
/// What starts a report: the parent's message (whatever it already says is not asked again), or, for a follow-up
/// ("en Sem ook") or a correction after the receipt ("ik bedoel morgen"), the report as the bot understands it now
/// and the reports it replaces.
/// </summary>
/// <param name="Text">The parent's message, read for what it already says.</param>
/// <param name="Entries">The report as understood already (a follow-up, a correction).</param>
/// <param name="Replaces">The ids of the reports a correction replaces.</param>
/// <param name="Confirmed">The entries repeat what the parent just confirmed ("en Sem ook"): saved without asking again.</param>
/// <param name="TakenBack">The days a correction takes back ("hij gaat morgen toch naar school"): the receipt names them.</param>
public sealed record AbsenceRequest(string? Text, List<AbsenceEntry>? Entries = null, List<string>? Replaces = null, bool Confirmed = false, List<TakenBackDay>? TakenBack = null);

/// <summary>A day of a child's report taken back while the rest stands (kept in the dialog's state as JSON).</summary>
public sealed record TakenBackDay(string ChildId, DateOnly Day);

/// <summary>The days of an absence: one day (Start = End), a range, or open-ended (End null).</summary>
public readonly record struct AbsenceDays(DateOnly Start, DateOnly? End)
{
    public bool OpenEnded => End is null;

    public bool SingleDay => End == Start;

    /// <summary>
    /// The stretches of days a message mentions: days that follow each other make one ("vandaag en morgen"), separate
    /// days stay separate ("woensdag en vrijdag"), an open end makes it open-ended ("sinds gisteren, tot hij beter is").
    /// </summary>
    public static List<AbsenceDays> Spans(IReadOnlyList<DateMention> dates) =>
        dates.Count == 0 ? []
        : dates.Any(d => d.End is null) ? [new AbsenceDays(dates.Min(d => d.Start), null)]
        : Merge(dates.Select(d => new AbsenceDays(d.Start, d.End ?? d.Start)));

    /// <summary>Stretches in order, those that touch or overlap joined.</summary>
    public static List<AbsenceDays> Merge(IEnumerable<AbsenceDays> days)
    {
        var merged = new List<AbsenceDays>();
        foreach (var day in days.OrderBy(d => d.Start))
        {
            if (merged.Count > 0 && merged[^1] is var last && (last.End is null || day.Start <= last.End.Value.AddDays(1)))
            {
                merged[^1] = new AbsenceDays(last.Start, last.End is null || day.End is null ? null : (day.End > last.End ? day.End : last.End));
                continue;
            }

            merged.Add(day);
        }

        return merged;
    }
}

/// <summary>The answer to "voor welke dag?": one or more stretches of days, and the times when it names them ("morgen om 10 uur").</summary>
public readonly record struct DayAnswer(IReadOnlyList<AbsenceDays> Days, DayPart? Part = null);

/// <summary>The answer to "welk kind?": one, several or all of the parent's children.</summary>
public readonly record struct ChildPick(IReadOnlyList<string> ChildIds);

/// <summary>
/// One child's absence within a report: the stretches of days (separate days are separate), why, and the part of the
/// day. A report is a list of these, from the first message on; each stretch is saved as one <see cref="AbsenceReport"/>.
/// </summary>
public sealed class AbsenceEntry
{
    public string? ChildId { get; set; }
    public List<AbsenceDays> Days { get; set; } = [];
    public string? Kind { get; set; }
    public bool PartKnown { get; set; }
    public TimeOnly? From { get; set; }
    public TimeOnly? Until { get; set; }
    public bool ArrivesLate { get; set; }

    /// <summary>The end of this stretch was just corrected ("het is maar tot woensdag"): a day named alone next ("oh nee,
    /// donderdag") is its end again, and the stretch keeps the day it began.</summary>
    public bool EndCorrected { get; set; }

    /// <summary>The time matters for one day away for part of it: an appointment, or coming late. Sickness is the whole day.</summary>
    public bool NeedsPart => Days is [{ SingleDay: true }] && !PartKnown && (Kind != AbsenceKinds.Sick || ArrivesLate);

    public AbsenceEntry For(string? childId) => new()
    {
        ChildId = childId,
        Days = [.. Days],
        Kind = Kind,
        PartKnown = PartKnown,
        From = From,
        Until = Until,
        ArrivesLate = ArrivesLate,
        EndCorrected = EndCorrected,
    };

    /// <summary>Takes what (part of) a message says; a correction replaces the reason's times, a day only when one was named.</summary>
    public void Take(ClauseFacts facts, bool correcting)
    {
        if (facts.Days.Count > 0 && (!correcting || facts.DaysSaid))
        {
            Days = [.. facts.Days];
            if (correcting && Days is not [{ SingleDay: true }])
            {
                (From, Until, PartKnown) = (null, null, true); // several days away: whole days
            }
        }

        if (facts.Kind is { } kind)
        {
            if (correcting && kind != Kind && facts.Part is null)
            {
                // "nee, hij is ziek" after an appointment: the appointment's times no longer apply.
                (From, Until, PartKnown) = (null, null, false);
            }

            Kind = kind;
        }

        if (facts.Part is { } part)
        {
            Keep(part);
        }

        ArrivesLate |= facts.ArrivesLate;
    }

    public void Keep(DayPart part) => (From, Until, PartKnown) = (part.From, part.Until, true);

    /// <summary>The report as it stands, per stretch of days, for the confirmation.</summary>
    public IEnumerable<AbsenceDescription> Describe(Child child, string unknownKind = AbsenceKinds.Sick) =>
        Days.Select(d => new AbsenceDescription(child.FirstName, Kind ?? unknownKind, d.Start, d.End, new DayPart(From, Until)));
}

/// <summary>How the parent answered the confirmation.</summary>
public enum ConfirmAnswer
{
    Yes,
    No,
    Correction,
}

/// <summary>
/// Reporting absent one child or several. The first message may say it all ("Noor en Sem zijn vandaag ziek", "Noor is
/// ziek en Sem heeft om 11 uur de tandarts"); what is missing is asked once for all the children it concerns: which
/// child (only with more than one; "allebei" means all), which day(s), why (sick, a medical appointment, something
/// else) and, for an appointment or a late arrival, the time. One confirmation in plain words; "nee" or "nee, morgen"
/// corrects the wrong part without starting over. Each child's stretch of days is saved as a report, merged with the
/// same report of the other parent, marked late or afterwards when so, and the teacher is told in time. A correction
/// after the receipt replaces the reports it corrects.
/// </summary>
public sealed class AbsenceDialog : WaterfallDialog<AbsenceDialog.State>
{
    public const string DialogId = "absence";
    public const string ChildPrompt = "absence.child";
    public const string DayPrompt = "absence.day";
    public const string KindPrompt = "absence.kind";
    public const string PartPrompt = "absence.part";
    public const string ArrivalPrompt = "absence.arrival";
    public const string ConfirmPrompt = "absence.confirm";
    public const string FixPrompt = "absence.fix";

    /// <summary>The value of the "all my children" choice.</summary>
    public const string AllChildren = "*";

    private readonly AbsenceStore _store;
    private readonly AbsenceReader _reader;
    private readonly AbsenceNotices _notices;

    public AbsenceDialog(AbsenceStore store, AbsenceReader reader, AbsenceNotices notices)
        : base(DialogId)
    {
        _store = store;
        _reader = reader;
        _notices = notices;
        AddStep("AskChild", AskChildStep);
        AddStep("AskDay", AskDayStep);
        AddStep("AskKind", AskKindStep);
        AddStep("AskPart", AskPartStep);
        AddStep("Confirm", ConfirmStep);
        AddStep("Decide", DecideStep);
        AddStep("Fix", FixStep);
    }

    /// <summary>The prompts this dialog uses, registered beside it.</summary>
    public static IEnumerable<Dialog> Prompts(DateTimeParser dates, AbsenceReader reader) =>
    [
        new FuncPrompt<ChildPick>(ChildPrompt, RecognizeChildren, Say.Text("prompt.choice_retry")),
        new FuncPrompt<DayAnswer>(DayPrompt, t => ReadDays(t, dates, reader),
            Say.Text("absence.day_retry"), (t, answer) => AbsenceRules.Check(t.School.Calendar, t.School.Clock.Today, answer.Days) is { } problem ? Problem(problem) : null),
        new ChoicePrompt(KindPrompt, answer: t => reader.KindAnswer(t.Message.Text)),
        new FuncPrompt<DayPart>(PartPrompt, t => reader.ReadPart(t, t.Message.Text, arrival: false), Say.Text("absence.part_retry")),
        new FuncPrompt<DayPart>(ArrivalPrompt, t => reader.ReadPart(t, t.Message.Text, arrival: true), Say.Text("absence.part_retry")),
        new FuncPrompt<ConfirmAnswer>(ConfirmPrompt, t => RecognizeConfirm(t, reader), Say.Text("absence.confirm_retry")),
        new ChoicePrompt(FixPrompt),
    ];

    /// <summary>"stop" at any of its questions: nothing was reported ("Oke, ik heb niets gemeld."), or a correction
    /// after the receipt changed nothing.</summary>
    public override Say Cancelled(DialogFrame frame) =>
        Say.Text(StateOf(frame).Replaces.Count > 0 ? "absence.not_changed" : "absence.cancelled");

    /// <summary>The days (and times, "woensdag van 9 tot 11") typed in answer to "voor welke dag?" or "wanneer is de afspraak?".</summary>
    private static DayAnswer? ReadDays(TurnContext turn, DateTimeParser dates, AbsenceReader reader)
    {
        var mentions = dates.Parse(turn.Message.Text, turn.School.Clock.LocalNow);
        var days = AbsenceDays.Spans(mentions);
        var part = reader.PartOf(Texts.Tokenize(turn.Message.Text), mentions);
        return days.Count > 0 ? new DayAnswer(days, days is [{ SingleDay: true }] ? part : null) : null;
    }

    /// <summary>What the parent would fix: the child, the day, the reason or the time.</summary>
    public static class Fixes
    {
        public const string Child = "child";
        public const string Day = "day";
        public const string Kind = "kind";
        public const string Part = "part";
    }

    public sealed class State
    {
        /// <summary>The report as understood so far: one entry per child.</summary>
        public List<AbsenceEntry> Entries { get; set; } = [];

        /// <summary>The report's id, chosen when the dialog begins; its reports are {id}, {id}-1, ...</summary>
        public string? ReportId { get; set; }

        /// <summary>The reports this one corrects (after the receipt): withdrawn when it is saved.</summary>
        public List<string> Replaces { get; set; } = [];

        /// <summary>The days the correction takes back while the rest stands: the receipt names them.</summary>
        public List<TakenBackDay> TakenBack { get; set; } = [];

        /// <summary>The part the parent said is wrong (<see cref="Fixes"/>): asked again even though it is known.</summary>
        public string? Fix { get; set; }

        /// <summary>The entry whose time is being asked.</summary>
        public int Asking { get; set; }

        /// <summary>What the parent just confirmed, for another child: saved at once, the receipt says what was noted.</summary>
        public bool Confirmed { get; set; }

        /// <summary>The first message said how things are now ("Tim is ziek"): without a day it is the school day now.</summary>
        public bool Now { get; set; }

        /// <summary>A day the parent named that has no school, left out of the report; the confirmation says so.</summary>
        public DateOnly? NoSchool { get; set; }

        /// <summary>The question why showed the report as it stands: its answer confirms it, unless a time is still asked.</summary>
        public bool WhyConfirms { get; set; }
    }

    private async Task<DialogTurnResult> AskChildStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        var children = turn.Parent.Children;
        state.ReportId ??= Guid.NewGuid().ToString("N");
        if (step.Options is AbsenceRequest request)
        {
            state.Replaces = request.Replaces ?? [];
            state.Confirmed = request.Confirmed;
            state.TakenBack = request.TakenBack ?? [];
            if (request.Entries is { } entries)
            {
                state.Entries = entries;
            }
            else if (request.Text is { } text)
            {
                var facts = _reader.Read(turn, text);
                state.Now = facts.Now;
                state.Entries = [.. facts.PerChild.SelectMany(c => c.ChildIds.Count == 0 ? [Entry(c, null)] : c.ChildIds.Select(id => Entry(c, id)))];
                if (facts is { ChildIds.Count: 0, OtherChild: { } other })
                {
                    // A child named who is not theirs is never accepted, also not for a parent with one child.
                    turn.Send("child.not_yours", ("name", other));
                    state.Fix = Fixes.Child;
                }
            }
        }

        if (state.Entries.Count == 0)
        {
            state.Entries.Add(new AbsenceEntry());
        }

        if (children.Count == 1 && state.Fix != Fixes.Child)
        {
            // One child: all that was said is about them ("vandaag ziek en morgen de tandarts" is two entries).
            state.Entries = [.. state.Entries.Select(e => e.For(children[0].Id)).DistinctBy(e => e.Days.Count == 0 ? "" : string.Join(',', e.Days))];
        }

        if (state.Entries.All(e => e.ChildId is not null) && state.Fix != Fixes.Child)
        {
            return await step.NextAsync();
        }

        state.Fix = null;
        var choices = children.Select(c => new Choice(c.Id, Say.Raw(c.FirstName))).ToList();
        if (children.Count > 1)
        {
            choices.Add(new Choice(AllChildren, Say.Text(children.Count == 2 ? "absence.child_both" : "absence.child_all")));
        }

        return await step.PromptAsync(ChildPrompt, new PromptOptions { Prompt = Say.Text("absence.ask_child"), Choices = choices });
    }

    private static AbsenceEntry Entry(ClauseFacts facts, string? childId)
    {
        var entry = new AbsenceEntry { ChildId = childId };
        entry.Take(facts, correcting: false);
        return entry;
    }

    private async Task<DialogTurnResult> AskDayStep(WaterfallStep<State> step)
    {
        var state = step.State;
        if (step.Result is ChildPick pick)
        {
            // The children picked, each with what was said so far.
            var template = state.Entries.FirstOrDefault(e => e.ChildId is null) ?? state.Entries[0];
            state.Entries = [.. pick.ChildIds.Select(id => state.Entries.FirstOrDefault(e => e.ChildId == id) ?? template.For(id))];
        }

        var turn = step.Turn;
        // "vrijdag 11 en maandag 14 december" with a study day on the 11th: the school day is noted, the confirmation
        // says the other has no school (asking for another day would lose the one that was right).
        var calendar = turn.School.Calendar;
        foreach (var entry in state.Entries)
        {
            // "vandaag en morgen" on a Friday: Friday; a stretch starts and ends on a school day.
            entry.Days = [.. entry.Days.Select(d =>
            {
                if (d.End is not { } end || end < d.Start || !Enumerable.Range(0, end.DayNumber - d.Start.DayNumber + 1).Any(i => calendar.IsSchoolDay(d.Start.AddDays(i))))
                {
                    return d;
                }

                var (first, last) = (d.Start, end);
                while (!calendar.IsSchoolDay(first))
                {
                    first = first.AddDays(1);
                }

                if (!calendar.IsSchoolDay(last))
                {
                    last = calendar.SchoolDayBefore(last, first);
                }

                // Said of two days ("vandaag en morgen"), the confirmation says why one is left out; "t/m zondag" needs no word.
                if (end.DayNumber - d.Start.DayNumber == 1)
                {
                    state.NoSchool ??= first != d.Start ? d.Start : last != end ? end : null;
                }

                return new AbsenceDays(first, last);
            })];
        }

        foreach (var entry in state.Entries.Where(e => e.Days.Count > 1))
        {
            var closed = entry.Days.Where(d => AbsenceRules.Check(turn.School.Calendar, turn.School.Clock.Today, [d]) is { Kind: DaysProblem.Weekend or DaysProblem.HolidayKind }).ToList();
            if (closed.Count > 0 && closed.Count < entry.Days.Count)
            {
                entry.Days = [.. entry.Days.Except(closed)];
                state.NoSchool ??= closed[0].Start;
            }
        }

        foreach (var entry in state.Entries.Where(e => e.Days.Count > 0))
        {
            if (AbsenceRules.Check(turn.School.Calendar, turn.School.Clock.Today, entry.Days) is { } problem)
            {
                entry.Days = [];
                foreach (var other in state.Entries.Where(e => e.Days.Count > 0 && AbsenceRules.Check(turn.School.Calendar, turn.School.Clock.Today, e.Days) is not null))
                {
                    other.Days = [];
                }

                return await step.PromptAsync(DayPrompt, new PromptOptions { Prompt = WithChild(Problem(problem), Names(turn, state.Entries.Where(e => e.Days.Count == 0))) });
            }
        }

        // "Tim is ziek" without a day: today, or after school the next school day; the confirmation shows it, and
        // "nee, morgen" corrects it. Asking would cost the parent a message and an SMS.
        if (state.Now && state.Fix != Fixes.Day)
        {
            var now = DayNow(turn);
            foreach (var entry in state.Entries.Where(e => e.Days.Count == 0 && (e.Kind == AbsenceKinds.Sick || e.ArrivesLate)))
            {
                entry.Days = [new AbsenceDays(now, now)];
            }
        }

        state.Fix = state.Fix == Fixes.Day ? null : state.Fix;
        var missing = state.Entries.Where(e => e.Days.Count == 0).ToList();
        if (missing.Count == 0)
        {
            return await step.NextAsync();
        }

        // An appointment: the day and the time in one question, one SMS less ("morgen om 10 uur").
        var ask = missing.All(e => e.Kind == AbsenceKinds.Appointment && !e.PartKnown) ? "absence.ask_when_appointment"
            : missing.All(e => e.Kind is null or AbsenceKinds.Sick) ? "absence.ask_day" : "absence.ask_day_absent";
        return await step.PromptAsync(DayPrompt, new PromptOptions { Prompt = Say.Text(ask, ("child", Names(turn, missing))) });
    }

    private async Task<DialogTurnResult> AskKindStep(WaterfallStep<State> step)
    {
        var state = step.State;
        if (step.Result is DayAnswer answer)
        {
            foreach (var entry in state.Entries.Where(e => e.Days.Count == 0))
            {
                entry.Days = [.. answer.Days];
                if (answer.Part is { } part && !entry.PartKnown)
                {
                    entry.Keep(part);
                }
            }
        }

        // "Tim komt later" without a reason: away for part of the day ("afwezig"); only when he comes is asked.
        foreach (var late in state.Entries.Where(e => e.Kind is null && e.ArrivesLate))
        {
            late.Kind = AbsenceKinds.Other;
        }

        var missing = state.Entries.Where(e => e.Kind is null).ToList();
        if (missing.Count == 0)
        {
            return await step.NextAsync();
        }

        var choices = AbsenceKinds.All.Select(k => new Choice(k, Say.Text($"absence.kind_{k}"))).ToList();
        var prompt = Say.Text(missing.Count > 1 ? "absence.ask_kind_many" : "absence.ask_kind", ("child", Names(step.Turn, missing)));
        // Why is all that is missing: the question shows the report as it stands ("Tim is afwezig op woensdag 25
        // november. Waarom?") and the answer confirms it, one SMS less; when that would not fit in one SMS, asked alone.
        state.WhyConfirms = false;
        if (missing.Count == state.Entries.Count && state.Replaces.Count == 0 && WhyWithSummary(step.Turn, state, choices) is { } withSummary)
        {
            (prompt, state.WhyConfirms) = (withSummary, true);
        }

        return await step.PromptAsync(KindPrompt, new PromptOptions { Prompt = prompt, Choices = choices });
    }

    private static bool IsBareChoice(TurnContext turn, ChoiceResult chosen)
    {
        var said = Texts.Normalize(turn.Message.Text).Trim();
        return said == (chosen.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            || Texts.Languages.Any(l => said == Texts.Normalize(turn.Texts.Render(l, $"absence.kind_{chosen.Value}")))
            || said == Texts.Normalize(chosen.Value);
    }

    private static Say? WhyWithSummary(TurnContext turn, State state, IReadOnlyList<Choice> choices)
    {
        var items = state.Entries.SelectMany(e => e.Describe(Child(turn, e), AbsenceKinds.Other)).ToList();
        var list = string.Join('\n', choices.Select((c, i) => $"{i + 1}. {turn.Texts.Render(turn.Language, c.Label)}"));
        foreach (var compact in new[] { false, true })
        {
            var summary = AbsenceDescription.Render(items, turn.Texts, turn.Language, compact);
            var args = new Dictionary<string, string> { ["summary"] = summary, ["choices"] = list };
            if (Channels.Twilio.SmsSegments.Count(turn.Texts.Render(turn.Language, "absence.ask_kind_confirm", args)) <= 1)
            {
                return Say.Text("absence.ask_kind_confirm", ("summary", summary));
            }
        }

        return null;
    }

    private async Task<DialogTurnResult> AskPartStep(WaterfallStep<State> step)
    {
        var state = step.State;
        if (step.Result is ChoiceResult kind)
        {
            foreach (var unknown in state.Entries.Where(e => e.Kind is null))
            {
                unknown.Kind = kind.Value;
            }
        }

        var asking = state.Fix == Fixes.Part ? 0 : state.Entries.FindIndex(e => e.NeedsPart);
        if (asking < 0)
        {
            // Only a bare answer confirms ("1", "ziek"): "ziek, maar het is donderdag" says more, and gets the confirmation.
            state.Confirmed |= state.WhyConfirms && step.Result is ChoiceResult chosen && IsBareChoice(step.Turn, chosen);
            return await step.NextAsync();
        }

        state.Fix = null;
        state.Asking = asking;
        var entry = state.Entries[asking];
        var child = Child(step.Turn, entry);
        var many = state.Entries.Count > 1;
        return entry.ArrivesLate
            ? await step.PromptAsync(ArrivalPrompt, new PromptOptions { Prompt = Say.Text("absence.ask_arrival", ("child", child.FirstName)) })
            : await step.PromptAsync(PartPrompt, new PromptOptions { Prompt = Say.Text(many ? "absence.ask_part_child" : "absence.ask_part", ("child", child.FirstName)) });
    }

    private async Task<DialogTurnResult> ConfirmStep(WaterfallStep<State> step)
    {
        var state = step.State;
        if (step.Result is DayPart part && state.Asking < state.Entries.Count)
        {
            state.Entries[state.Asking].Keep(part);
            if (state.Entries.Any(e => e.NeedsPart))
            {
                return await step.GoToAsync("AskPart");
            }
        }

        foreach (var entry in state.Entries.Where(e => e.PartKnown && AbsenceRules.CoversTheDay(new DayPart(e.From, e.Until), step.Turn.School.Calendar, e.Days)))
        {
            entry.Keep(DayPart.WholeDay);
        }

        if (state.Confirmed && state.NoSchool is null && state.Entries.All(e => e.ChildId is not null && e.Days.Count > 0 && e.Kind is not null))
        {
            // "en Sem ook" right after the receipt, a correction, another report in the same conversation: the parent
            // confirmed a report a moment ago; the receipt says what is noted now, one SMS less. A day left out is confirmed.
            await SaveAsync(step);
            return await step.EndAsync();
        }

        var key = state.Replaces.Count > 0 ? "absence.confirm_change" : "absence.confirm";
        var prompt = AbsenceDescription.Within(Describe(step.Turn, state), step.Turn.Texts, key, state.NoSchool is { } closed ? ("absence.no_school_left_out", closed) : null);
        return await step.PromptAsync(ConfirmPrompt, new PromptOptions { Prompt = prompt });
    }

    private async Task<DialogTurnResult> DecideStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        switch (step.Result)
        {
            case ConfirmAnswer.Yes:
                // "ja, en Sem ook": the other child the same way, saved with it; with something new, confirmed again.
                var more = _reader.Read(turn, turn.Message.Text);
                var added = more.ChildIds.Where(id => step.State.Entries.All(e => e.ChildId != id)).ToList();
                if (added.Count > 0 && more.Also)
                {
                    var same = more.Whole is { Days.Count: 0, Kind: null, Part: null };
                    Correct(turn, step.State, more);
                    if (!same)
                    {
                        return await step.GoToAsync("AskChild");
                    }
                }

                await SaveAsync(step);
                return await step.EndAsync();
            case ConfirmAnswer.Correction:
                // "nee, morgen", "het is Sem", "alleen Noor", "het was de tandarts om 9 uur": take the new part and confirm again.
                Correct(turn, step.State, _reader.Read(turn, turn.Message.Text));
                return await step.GoToAsync("AskChild");
            default:
                var fixes = new List<Choice>();
                if (turn.Parent.Children.Count > 1)
                {
                    fixes.Add(new Choice(Fixes.Child, Say.Text("absence.fix_child")));
                }

                fixes.Add(new Choice(Fixes.Day, Say.Text("absence.fix_day")));
                fixes.Add(new Choice(Fixes.Kind, Say.Text("absence.fix_kind")));
                fixes.Add(new Choice(Fixes.Part, Say.Text("absence.fix_part")));
                return await step.PromptAsync(FixPrompt, new PromptOptions { Prompt = Say.Text("absence.ask_fix"), Choices = fixes });
        }
    }

    /// <summary>A correction at the confirmation or after the receipt: to the children it names, else to all.</summary>
    public static void Correct(TurnContext turn, State state, AbsenceFacts facts)
    {
        if (facts is { ChildIds.Count: 0, OtherChild: { } other })
        {
            turn.Send("child.not_yours", ("name", other));
            state.Fix = Fixes.Child;
            return;
        }

        var named = facts.ChildIds;
        var template = state.Entries[0];
        if (facts.Whole.Days.Count > 0)
        {
            state.NoSchool = null; // new days: a day left out before is no longer what the confirmation is about
        }

        // "Sem niet", "Sem gaat toch wel naar school": Sem is left out; "Sem is ziek, niet Noor": Sem instead of Noor.
        // One child at least stays (withdrawing a whole report is "welke meldingen heb ik gedaan?").
        if (facts.PresentIds.Count > 0)
        {
            state.Entries.AddRange(named.Where(id => state.Entries.All(e => e.ChildId != id)).Select(template.For));
            if (state.Entries.Any(e => !facts.PresentIds.Contains(e.ChildId!)))
            {
                state.Entries.RemoveAll(e => facts.PresentIds.Contains(e.ChildId!));
            }
        }

        if (named.Count > 0)
        {
            var onlyChildren = facts.Whole is { Days.Count: 0, Kind: null, Part: null };
            if (facts.Only || (onlyChildren && !facts.Also))
            {
                // "nee, alleen Noor", "nee, het is Sem": these children, as reported so far.
                state.Entries = [.. named.Select(id => state.Entries.FirstOrDefault(e => e.ChildId == id) ?? template.For(id))];
            }
            else
            {
                state.Entries.AddRange(named.Where(id => state.Entries.All(e => e.ChildId != id)).Select(template.For));
            }
        }

        foreach (var clause in facts.PerChild)
        {
            foreach (var entry in state.Entries.Where(e => clause.ChildIds.Count == 0 || clause.ChildIds.Contains(e.ChildId!)))
            {
                var before = entry.Days.ToList();
                entry.Take(clause, correcting: true);
                KeepStart(turn, entry, before);
            }
        }
    }

    /// <summary>
    /// "het is maar tot woensdag", "nee, t/m donderdag": a new end only. The stretch keeps the day it began (reported
    /// from tomorrow, it is not today now), as long as that is on or before the new end. Right after such a correction
    /// a day named alone ("oh nee, donderdag") is the end once more.
    /// </summary>
    private static void KeepStart(TurnContext turn, AbsenceEntry entry, List<AbsenceDays> before)
    {
        var endOnly = AbsenceReader.GivesOnlyEnd(Texts.Tokenize(turn.Message.Text)) || (entry.EndCorrected && entry.Days is [{ SingleDay: true }]);
        if (endOnly && before is [{ } old] && entry.Days is [{ End: { } end } now] && now.Start != old.Start && old.Start <= end)
        {
            entry.Days = [new AbsenceDays(old.Start, end)];
        }
    }

    private async Task<DialogTurnResult> FixStep(WaterfallStep<State> step)
    {
        if (step.Result is not ChoiceResult fix)
        {
            return await step.EndAsync();
        }

        var state = step.State;
        state.Fix = fix.Value;
        foreach (var entry in state.Entries)
        {
            switch (fix.Value)
            {
                case Fixes.Day:
                    entry.Days = [];
                    break;
                case Fixes.Kind:
                    (entry.Kind, entry.From, entry.Until, entry.PartKnown) = (null, null, null, false);
                    break;
                case Fixes.Part:
                    entry.PartKnown = false;
                    break;
            }
        }

        if (fix.Value == Fixes.Child)
        {
            state.Entries = [state.Entries[0].For(null)];
        }

        return await step.GoToAsync("AskChild");
    }

    private async Task SaveAsync(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        var school = turn.School;
        var now = school.Clock.UtcNow;
        var today = school.Clock.Today;
        var batch = state.ReportId ??= Guid.NewGuid().ToString("N");
        var lines = new List<AbsenceReport>();
        foreach (var entry in state.Entries)
        {
            var child = Child(turn, entry);
            foreach (var days in entry.Days)
            {
                lines.Add(new AbsenceReport
                {
                    // Chosen when the dialog began and kept with it: a turn that runs again after a storage conflict finds its own report.
                    Id = lines.Count == 0 ? batch : $"{batch}-{lines.Count}",
                    Batch = batch,
                    ChildId = child.Id,
                    ChildName = child.FirstName,
                    Group = child.GroupId,
                    Start = days.Start,
                    End = days.End,
                    Kind = entry.Kind ?? AbsenceKinds.Sick,
                    From = entry.From,
                    Until = entry.Until,
                    ReportedBy = turn.Parent.Phone,
                    ReportedByName = turn.Parent.Name,
                    ReportedAt = now,
                    Channel = turn.Message.Channel,
                    ReportedLate = AbsenceRules.IsLate(days.Start, days.End, entry.From, school.Calendar, school.Clock.LocalNow),
                    Afterwards = AbsenceRules.IsAfterwards(days.Start, today),
                });
            }
        }

        // A correction after the receipt: what it leaves as it was stays (the teacher hears nothing of it); the rest is
        // withdrawn first, so the new reports are not taken for the old ones.
        var saved = new List<SavedAbsence>();
        var replaced = new List<AbsenceReport>();
        if (state.Replaces.Count > 0)
        {
            foreach (var child in turn.Parent.Children)
            {
                foreach (var old in (await _store.ForChildAsync(school, child.Id, turn.CancellationToken)).Where(r => r.Active && state.Replaces.Contains(r.Id)))
                {
                    if (lines.FirstOrDefault(l => l.ChildId == old.ChildId && l.Start == old.Start && l.End == old.End && l.Kind == old.Kind && l.From == old.From && l.Until == old.Until) is { } same)
                    {
                        lines.Remove(same);
                        saved.Add(new SavedAbsence(old, SaveOutcome.Unchanged));
                    }
                    else if (await _store.ChangeAsync(school, child.Id, old.Id, r => r.WithdrawnAt ??= now, turn.CancellationToken) is { } withdrawn)
                    {
                        replaced.Add(withdrawn);
                    }
                }
            }
        }

        foreach (var line in lines)
        {
            saved.Add(await _store.SaveAsync(school, line, turn.CancellationToken));
        }

        foreach (var old in replaced.Where(r => !saved.Any(s => s.Report.Id == r.Id)))
        {
            await _notices.WithdrawnAsync(school, old, turn.Parent.Name, turn.CancellationToken);
        }

        foreach (var one in saved.Where(s => s.Outcome is SaveOutcome.New or SaveOutcome.AlreadyReportedBySameParent))
        {
            // Also when the first attempt saved the report and the store failed before the notice was queued.
            await _notices.ReportedAsync(school, one.Report, turn.CancellationToken);
        }

        // A child the correction leaves out altogether ("Sem is ziek, niet Noor"): the receipt says so.
        var withdrawnChildren = turn.Parent.Children.Where(c => replaced.Any(r => r.ChildId == c.Id) && saved.All(s => s.Report.ChildId != c.Id)).ToList();
        // A message read as two requests ("And now her brother is poorly too. Could you put him down as well?") may
        // report the same twice in one turn: the receipt already sent says it, no "Dit had u al gemeld" after it.
        if (turn.Replies.Count > 0 && withdrawnChildren.Count == 0 && saved.All(s => s.Outcome == SaveOutcome.AlreadyReportedBySameParent
            && s.Report.ReportedAt >= turn.School.Clock.UtcNow - TimeSpan.FromMinutes(1)))
        {
            return;
        }

        turn.Send(Say.Raw(AbsenceReceipt.Compose(turn, saved, changed: state.Replaces.Count > 0, withdrawnChildren, replaced, state.TakenBack)));
    }

    private static AbsenceDescription[] Describe(TurnContext turn, State state) =>
        [.. state.Entries.SelectMany(e => e.Describe(Child(turn, e)))];

    /// <summary>"Noor", "Noor en Sem": the children of these entries, as the parent would say it.</summary>
    private static string Names(TurnContext turn, IEnumerable<AbsenceEntry> entries) =>
        AbsenceDescription.Join(turn.Language, [.. entries.Where(e => e.ChildId is not null).Select(e => Child(turn, e).FirstName)]) is { Length: > 0 } names
            ? names
            : turn.Texts.Render(turn.Language, "absence.your_child");

    /// <summary>The children a parent names in answer to "welk kind?": a number, names, or "allebei".</summary>
    private static ChildPick? RecognizeChildren(TurnContext turn)
    {
        var children = turn.Parent.Children;
        var normalized = turn.Normalized.Trim().TrimEnd('.');
        if (int.TryParse(normalized.Replace("nr ", "", StringComparison.Ordinal), out var number) && number >= 1)
        {
            return number <= children.Count ? new ChildPick([children[number - 1].Id])
                : number == children.Count + 1 && children.Count > 1 ? new ChildPick([.. children.Select(c => c.Id)])
                : null;
        }

        var words = Texts.Tokenize(turn.Message.Text);
        if (AbsenceReader.SaysAllChildren(turn, words))
        {
            return new ChildPick([.. children.Select(c => c.Id)]);
        }

        var named = children.Where(c => Understander.Names(words, c)).Select(c => c.Id).ToList();
        return named.Count > 0 ? new ChildPick(named) : null;
    }

    /// <summary>Yes, no, or a message that itself says what is different ("nee, morgen").</summary>
    private static ConfirmAnswer? RecognizeConfirm(TurnContext turn, AbsenceReader reader)
    {
        var answer = ConfirmRecognizer.Recognize(turn.Normalized, turn.Texts);
        if (answer is true)
        {
            return ConfirmAnswer.Yes;
        }

        // "nee, morgen" says what is different; a bare "nee" does not.
        if (reader.Read(turn, turn.Message.Text).SaysAnything)
        {
            return ConfirmAnswer.Correction;
        }

        return answer is false ? ConfirmAnswer.No : null;
    }

    private static DateOnly DayNow(TurnContext turn) => turn.School.Calendar.DayNow(turn.School.Clock.LocalNow);

    private static string Year(DateOnly day) => day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Child Child(TurnContext turn, AbsenceEntry entry) =>
        turn.Parent.Children.First(c => c.Id == entry.ChildId);

    private static Say WithChild(Say say, string children) =>
        say with { Args = new Dictionary<string, string>(say.Args ?? new Dictionary<string, string>()) { ["child"] = children } };

    /// <summary>What to say about days the school cannot take, and ask again.</summary>
    private static Say Problem(DaysProblem problem) => problem switch
    {
        { Kind: DaysProblem.HolidayKind } => Say.Text("absence.no_school_holiday", ("holiday", problem.Holiday!)).WithDate("date", problem.Day),
        { Kind: DaysProblem.Weekend } => Say.Text("absence.no_school_weekend").WithDate("date", problem.Day),
        { Kind: DaysProblem.EndBeforeStart } => Say.Text("absence.end_before_start").WithDate("start", problem.Day).WithDate("end", problem.Other!.Value),
        { Kind: DaysProblem.AfterSchoolYear } => Say.Text("absence.after_school_year", ("year", Year(problem.Day))).WithDate("date", problem.Day),
        _ => Say.Text("absence.before_school_year", ("year", Year(problem.Day))).WithDate("date", problem.Day),
    };
}
