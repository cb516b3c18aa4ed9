using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Absence;

/// <summary>What the parent's first message already said: the child named (if theirs) and the dates.</summary>
public sealed record AbsenceRequest(string? ChildName, IReadOnlyList<DateMention> Dates);

/// <summary>The days of an absence: one day (Start = End), a range, or open-ended (End null).</summary>
public readonly record struct AbsenceDays(DateOnly Start, DateOnly? End)
{
    public bool OpenEnded => End is null;

    public bool SingleDay => End == Start;

    /// <summary>The days a message mentions: several single days ("vandaag en morgen") make one range.</summary>
    public static AbsenceDays? From(IReadOnlyList<DateMention> dates) =>
        dates.FirstOrDefault() is { } first
            ? new AbsenceDays(first.Start, dates.Count > 1 ? dates.Max(d => d.End ?? d.Start) : first.End)
            : null;
}

/// <summary>
/// Reporting a child sick: which child (asked only when the parent has more than one), which day or days
/// (a day, a range, or open-ended "tot hij beter is"), a confirmation, then the report is saved.
/// </summary>
public sealed class AbsenceDialog : WaterfallDialog<AbsenceDialog.State>
{
    public const string DialogId = "absence";
    public const string ChildPrompt = "absence.child";
    public const string DayPrompt = "absence.day";
    public const string ConfirmPrompt = "absence.confirm";

    private readonly AbsenceStore _store;

    public AbsenceDialog(AbsenceStore store)
        : base(DialogId)
    {
        _store = store;
        AddStep("AskChild", AskChildStep);
        AddStep("AskDay", AskDayStep);
        AddStep("Confirm", ConfirmStep);
        AddStep("Save", SaveStep);
    }

    /// <summary>The prompts this dialog uses, registered beside it.</summary>
    public static IEnumerable<Dialog> Prompts(DateTimeParser dates) =>
    [
        new ChoicePrompt(ChildPrompt),
        new FuncPrompt<AbsenceDays>(DayPrompt, t => AbsenceDays.From(dates.Parse(t.Message.Text, t.Services.Clock.LocalNow)), Say.Text("absence.day_retry"), ValidateDays),
        new Dialogs.ConfirmPrompt(ConfirmPrompt),
    ];

    public sealed class State
    {
        public string? ChildId { get; set; }
        public DateOnly? Start { get; set; }
        public DateOnly? End { get; set; }
        public bool OpenEnded { get; set; }
    }

    private async Task<DialogTurnResult> AskChildStep(WaterfallStep<State> step)
    {
        var request = step.Options as AbsenceRequest ?? new AbsenceRequest(null, []);
        if (AbsenceDays.From(request.Dates) is { } days)
        {
            Keep(step.State, days);
        }

        var children = step.Turn.Parent.Children;
        var named = children.FirstOrDefault(c => c.FirstName == request.ChildName);
        if (children.Count == 1 || named is not null)
        {
            step.State.ChildId = (named ?? children[0]).Id;
            return await step.NextAsync();
        }

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

        var child = Child(step);
        if (step.State.Start is { } start)
        {
            var days = new AbsenceDays(start, step.State.OpenEnded ? null : step.State.End);
            if (ValidateDays(step.Turn, days) is not { } correction)
            {
                return await step.NextAsync(days);
            }

            step.State.Start = null;
            return await step.PromptAsync(DayPrompt, new PromptOptions { Prompt = WithChild(correction, child) });
        }

        return await step.PromptAsync(DayPrompt, new PromptOptions { Prompt = Say.Text("absence.ask_day", ("child", child.FirstName)) });
    }

    private async Task<DialogTurnResult> ConfirmStep(WaterfallStep<State> step)
    {
        if (step.Result is AbsenceDays answered)
        {
            Keep(step.State, answered);
        }

        return await step.PromptAsync(ConfirmPrompt, new PromptOptions { Prompt = Describe(step.State, Child(step), "absence.confirm") });
    }

    private async Task<DialogTurnResult> SaveStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var child = Child(step);
        if (step.Result is not true)
        {
            turn.Send("absence.not_saved", ("child", child.FirstName));
            return await step.EndAsync();
        }

        await _store.SaveAsync(
            new AbsenceReport
            {
                Id = Guid.NewGuid().ToString("N"),
                ChildId = child.Id,
                ChildName = child.FirstName,
                Group = child.GroupId,
                Start = step.State.Start!.Value,
                End = step.State.OpenEnded ? null : step.State.End,
                Kind = "sick",
                ReportedBy = turn.Parent.Phone,
                ReportedByName = turn.Parent.Name,
                ReportedAt = turn.Services.Clock.UtcNow,
                Channel = turn.Message.Channel,
            },
            turn.CancellationToken);

        var teacher = turn.Services.TeacherOf(turn, child);
        var saved = Describe(step.State, child, "absence.saved");
        turn.Send(saved with { Args = new Dictionary<string, string>(saved.Args!) { ["teacher"] = teacher } });
        return await step.EndAsync();
    }

    /// <summary>"Tim is ziek op dinsdag 24 november", "... van maandag 23 tot en met vrijdag 27 november", "... vanaf ...".</summary>
    private static Say Describe(State state, Child child, string key)
    {
        var start = state.Start!.Value;
        if (state.OpenEnded)
        {
            return Say.Text(key + "_open", ("child", child.FirstName)).WithDate("start", start);
        }

        var end = state.End ?? start;
        return end == start
            ? Say.Text(key, ("child", child.FirstName)).WithDate("date", start)
            : Say.Text(key + "_range", ("child", child.FirstName)).WithDate("start", start).WithDate("end", end);
    }

    private static void Keep(State state, AbsenceDays days) =>
        (state.Start, state.End, state.OpenEnded) = (days.Start, days.End ?? days.Start, days.OpenEnded);

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
            if (turn.Services.Calendar.IsSchoolDay(day))
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
        var calendar = turn.Services.Calendar;
        if (calendar.IsSchoolDay(day))
        {
            return null;
        }

        return calendar.HolidayOn(day) is { } holiday
            ? Say.Text("absence.no_school_holiday", ("holiday", holiday.Name)).WithDate("date", day)
            : Say.Text("absence.no_school_weekend").WithDate("date", day);
    }
}
