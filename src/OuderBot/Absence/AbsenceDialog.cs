using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Absence;

/// <summary>The message that started the report; whatever it already says is not asked again.</summary>
public sealed record AbsenceRequest(string? Text);

/// <summary>The days of an absence: one day (Start = End), a range, or open-ended (End null).</summary>
public readonly record struct AbsenceDays(DateOnly Start, DateOnly? End)
{
    public bool OpenEnded => End is null;

    public bool SingleDay => End == Start;

    /// <summary>
    /// The days a message mentions: several single days ("vandaag en morgen") make one range; an open end
    /// ("sinds gisteren, tot hij beter is") makes it open-ended.
    /// </summary>
    public static AbsenceDays? From(IReadOnlyList<DateMention> dates) =>
        dates.FirstOrDefault() is { } first
            ? new AbsenceDays(dates.Min(d => d.Start), dates.Any(d => d.End is null) ? null : dates.Max(d => d.End ?? d.Start))
            : null;
}

/// <summary>How the parent answered the confirmation.</summary>
public enum ConfirmAnswer
{
    Yes,
    No,
    Correction,
}

/// <summary>
/// Reporting a child absent. The first message may say it all ("Tim is vandaag en morgen ziek"); what is missing is
/// asked: which child (only with more than one), which day(s), why (sick, a medical appointment, something else) and,
/// for an appointment or a late arrival, the time. One confirmation in plain words; "nee" or "nee, morgen" corrects
/// the wrong part without starting over. The report is saved, merged with the same report of the other parent,
/// marked late or afterwards when so, and the teacher is told in time.
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
        new ChoicePrompt(ChildPrompt),
        new FuncPrompt<AbsenceDays>(DayPrompt, t => AbsenceDays.From(dates.Parse(t.Message.Text, t.School.Clock.LocalNow)), Say.Text("absence.day_retry"), ValidateDays),
        new ChoicePrompt(KindPrompt),
        new FuncPrompt<DayPart>(PartPrompt, t => reader.ReadPart(t, t.Message.Text, arrival: false), Say.Text("absence.part_retry")),
        new FuncPrompt<DayPart>(ArrivalPrompt, t => reader.ReadPart(t, t.Message.Text, arrival: true), Say.Text("absence.part_retry")),
        new FuncPrompt<ConfirmAnswer>(ConfirmPrompt, t => RecognizeConfirm(t, reader), Say.Text("absence.confirm_retry")),
        new ChoicePrompt(FixPrompt),
    ];

    public sealed class State
    {
        public string? ChildId { get; set; }
        public DateOnly? Start { get; set; }
        public DateOnly? End { get; set; }
        public bool OpenEnded { get; set; }
        public string? Kind { get; set; }
        public bool PartKnown { get; set; }
        public TimeOnly? From { get; set; }
        public TimeOnly? Until { get; set; }
        public bool ArrivesLate { get; set; }

        /// <summary>The report's id, chosen when the dialog begins.</summary>
        public string? ReportId { get; set; }

        /// <summary>The part the parent said is wrong: child, day, kind or part; asked again even though it is known.</summary>
        public string? Fix { get; set; }
    }

    private async Task<DialogTurnResult> AskChildStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var children = turn.Parent.Children;
        step.State.ReportId ??= Guid.NewGuid().ToString("N");
        if (step.Options is AbsenceRequest { Text: { } text })
        {
            var facts = _reader.Read(turn, text);
            Apply(step.State, facts);
            if (facts is { ChildId: null, OtherChild: { } other })
            {
                // A child named who is not theirs is never accepted, also not for a parent with one child.
                turn.Send("absence.not_your_child", ("name", other));
                step.State.Fix = "child";
            }
        }

        if (children.Count == 1 && step.State.Fix != "child")
        {
            step.State.ChildId = children[0].Id;
        }

        if (step.State.ChildId is not null && step.State.Fix != "child")
        {
            return await step.NextAsync();
        }

        step.State.Fix = null;
        return await step.PromptAsync(ChildPrompt, new PromptOptions
        {
            Prompt = Say.Text("absence.ask_child"),
            Choices = children.Select(c => new Choice(c.Id, Say.Raw(c.FirstName))).ToList(),
        });
    }

    private async Task<DialogTurnResult> AskDayStep(WaterfallStep<State> step)
    {
        if (step.Result is ChoiceResult choice)
        {
            step.State.ChildId = choice.Value;
        }

        var state = step.State;
        var child = Child(step);
        if (state.Start is { } start && state.Fix != "day")
        {
            var days = new AbsenceDays(start, state.OpenEnded ? null : state.End);
            if (ValidateDays(step.Turn, days) is not { } correction)
            {
                return await step.NextAsync(days);
            }

            state.Start = null;
            return await step.PromptAsync(DayPrompt, new PromptOptions { Prompt = WithChild(correction, child) });
        }

        state.Fix = null;
        var ask = state.Kind is null or AbsenceKinds.Sick ? "absence.ask_day" : "absence.ask_day_absent";
        return await step.PromptAsync(DayPrompt, new PromptOptions { Prompt = Say.Text(ask, ("child", child.FirstName)) });
    }

    private async Task<DialogTurnResult> AskKindStep(WaterfallStep<State> step)
    {
        var state = step.State;
        if (step.Result is AbsenceDays days)
        {
            Keep(state, days);
        }

        if (state.Kind is not null && state.Fix != "kind")
        {
            return await step.NextAsync();
        }

        state.Fix = null;
        return await step.PromptAsync(KindPrompt, new PromptOptions
        {
            Prompt = Say.Text("absence.ask_kind", ("child", Child(step).FirstName)),
            Choices = AbsenceKinds.All.Select(k => new Choice(k, Say.Text($"absence.kind_{k}"))).ToList(),
        });
    }

    private async Task<DialogTurnResult> AskPartStep(WaterfallStep<State> step)
    {
        var state = step.State;
        if (step.Result is ChoiceResult kind)
        {
            state.Kind = kind.Value;
        }

        // The time matters for one day away for part of it: an appointment, or coming late. Sickness is the whole day.
        var single = !state.OpenEnded && state.End == state.Start;
        var needed = single && !state.PartKnown && (state.Kind != AbsenceKinds.Sick || state.ArrivesLate);
        if (!(needed || state.Fix == "part"))
        {
            return await step.NextAsync();
        }

        state.Fix = null;
        return state.ArrivesLate
            ? await step.PromptAsync(ArrivalPrompt, new PromptOptions { Prompt = Say.Text("absence.ask_arrival", ("child", Child(step).FirstName)) })
            : await step.PromptAsync(PartPrompt, new PromptOptions { Prompt = Say.Text("absence.ask_part") });
    }

    private async Task<DialogTurnResult> ConfirmStep(WaterfallStep<State> step)
    {
        if (step.Result is DayPart part)
        {
            KeepPart(step.State, part);
        }

        var prompt = Describe(step.State, Child(step)).Within(step.Turn.Texts, "absence.confirm");
        return await step.PromptAsync(ConfirmPrompt, new PromptOptions { Prompt = prompt });
    }

    private async Task<DialogTurnResult> DecideStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        switch (step.Result)
        {
            case ConfirmAnswer.Yes:
                await SaveAsync(step);
                return await step.EndAsync();
            case ConfirmAnswer.Correction:
                // "nee, morgen", "het is Sem", "het was de tandarts": take the new part and confirm again.
                var facts = _reader.Read(turn, turn.Message.Text);
                Apply(step.State, facts, correcting: true);
                if (facts is { ChildId: null, OtherChild: { } other })
                {
                    turn.Send("absence.not_your_child", ("name", other));
                    step.State.Fix = "child";
                }

                return await step.GoToAsync("AskChild");
            default:
                var fixes = new List<Choice>();
                if (turn.Parent.Children.Count > 1)
                {
                    fixes.Add(new Choice("child", Say.Text("absence.fix_child")));
                }

                fixes.Add(new Choice("day", Say.Text("absence.fix_day")));
                fixes.Add(new Choice("kind", Say.Text("absence.fix_kind")));
                fixes.Add(new Choice("part", Say.Text("absence.fix_part")));
                return await step.PromptAsync(FixPrompt, new PromptOptions { Prompt = Say.Text("absence.ask_fix"), Choices = fixes });
        }
    }

    private async Task<DialogTurnResult> FixStep(WaterfallStep<State> step)
    {
        if (step.Result is not ChoiceResult fix)
        {
            return await step.EndAsync();
        }

        step.State.Fix = fix.Value;
        if (fix.Value == "part")
        {
            step.State.PartKnown = false;
        }

        return await step.GoToAsync("AskChild");
    }

    private async Task SaveAsync(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        var child = Child(step);
        var services = turn.School;
        var today = services.Clock.Today;
        var start = state.Start!.Value;
        var report = new AbsenceReport
        {
            // Chosen when the dialog began and kept with it: a turn that runs again after a storage conflict finds its own report.
            Id = state.ReportId ??= Guid.NewGuid().ToString("N"),
            ChildId = child.Id,
            ChildName = child.FirstName,
            Group = child.GroupId,
            Start = start,
            End = state.OpenEnded ? null : state.End,
            Kind = state.Kind ?? AbsenceKinds.Sick,
            From = state.From,
            Until = state.Until,
            ReportedBy = turn.Parent.Phone,
            ReportedByName = turn.Parent.Name,
            ReportedAt = services.Clock.UtcNow,
            Channel = turn.Message.Channel,
            ReportedLate = AbsenceRules.IsLate(start, state.OpenEnded ? null : state.End, state.From, services.Calendar, services.Clock.LocalNow),
            Afterwards = AbsenceRules.IsAfterwards(start, today),
        };

        var saved = await _store.SaveAsync(turn.School, report, turn.CancellationToken);
        var summary = AbsenceDescription.Of(saved.Report).Render(turn.Texts, turn.Language);
        switch (saved.Outcome)
        {
            case SaveOutcome.AlreadyReportedBySameParent:
                // Also when the first attempt saved the report and the store failed before the notice was queued.
                await _notices.ReportedAsync(turn.School, saved.Report, turn.CancellationToken);
                turn.Send("absence.already_reported", ("summary", summary));
                return;
            case SaveOutcome.AlsoReportedByOtherParent:
                turn.Send("absence.also_reported", ("summary", summary), ("other", saved.Report.ReportedByName.Split(' ')[0]));
                return;
        }

        await _notices.ReportedAsync(turn.School, saved.Report, turn.CancellationToken);
        var teacher = turn.TeacherOf(child);
        var lines = new List<string> { turn.Texts.Render(turn.Language, "absence.saved", Args(("summary", summary), ("teacher", teacher))) };
        if (report.ReportedLate)
        {
            lines.Add(turn.Texts.Render(turn.Language, "absence.saved_late"));
        }

        if (report.Afterwards)
        {
            lines.Add(turn.Texts.Render(turn.Language, "absence.saved_afterwards"));
        }

        var closing = report switch
        {
            { Kind: AbsenceKinds.Sick, OpenEnded: true } => "absence.saved_open",
            { Kind: AbsenceKinds.Sick, Afterwards: false } => "absence.saved_sick",
            { Kind: AbsenceKinds.Other } => "absence.saved_other",
            _ => null,
        };
        if (closing is not null)
        {
            lines.Add(turn.Texts.Render(turn.Language, closing, Args(("child", child.FirstName), ("director", services.Data.Info.Director.Name))));
        }

        turn.Send(Say.Raw(string.Join(' ', lines)));
    }

    private static Dictionary<string, string> Args(params (string Name, string Value)[] args) => args.ToDictionary(a => a.Name, a => a.Value);

    /// <summary>Takes what a message says into the state; a correction replaces, a first message only fills in.</summary>
    private static void Apply(State state, AbsenceFacts facts, bool correcting = false)
    {
        if (facts.ChildId is { } childId)
        {
            state.ChildId = childId;
        }

        if (facts.Days is { } days)
        {
            Keep(state, days);
            if (!days.SingleDay && correcting)
            {
                KeepPart(state, DayPart.WholeDay);
            }
        }

        if (facts.Kind is { } kind)
        {
            if (correcting && kind != state.Kind && facts.Part is null)
            {
                // "nee, hij is ziek" after an appointment: the appointment's times no longer apply.
                (state.From, state.Until, state.PartKnown) = (null, null, false);
            }

            state.Kind = kind;
        }

        if (facts.Part is { } part)
        {
            KeepPart(state, part);
        }

        state.ArrivesLate |= facts.ArrivesLate;
    }

    private static void Keep(State state, AbsenceDays days) =>
        (state.Start, state.End, state.OpenEnded) = (days.Start, days.End ?? days.Start, days.OpenEnded);

    private static void KeepPart(State state, DayPart part) =>
        (state.From, state.Until, state.PartKnown) = (part.From, part.Until, true);

    private static AbsenceDescription Describe(State state, Child child) =>
        new(child.FirstName, state.Kind ?? AbsenceKinds.Sick, state.Start!.Value, state.OpenEnded ? null : state.End ?? state.Start, new DayPart(state.From, state.Until));

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

    /// <summary>A single day must be a school day; a range or open-ended sickness must contain one.</summary>
    private static Say? ValidateDays(TurnContext turn, AbsenceDays days)
    {
        if (days.SingleDay)
        {
            return ValidateSchoolDay(turn, days.Start);
        }

        var last = days.End ?? days.Start.AddDays(7);
        for (var day = days.Start; day <= last; day = day.AddDays(1))
        {
            if (turn.School.Calendar.IsSchoolDay(day))
            {
                return null;
            }
        }

        return ValidateSchoolDay(turn, days.Start);
    }

    private static Child Child(WaterfallStep<State> step) =>
        step.Turn.Parent.Children.First(c => c.Id == step.State.ChildId);

    private static Say WithChild(Say say, Child child) =>
        say with { Args = new Dictionary<string, string>(say.Args ?? new Dictionary<string, string>()) { ["child"] = child.FirstName } };

    private static Say? ValidateSchoolDay(TurnContext turn, DateOnly day)
    {
        var calendar = turn.School.Calendar;
        if (calendar.IsSchoolDay(day))
        {
            return null;
        }

        return calendar.HolidayOn(day) is { } holiday
            ? Say.Text("absence.no_school_holiday", ("holiday", holiday.Name)).WithDate("date", day)
            : Say.Text("absence.no_school_weekend").WithDate("date", day);
    }
}
