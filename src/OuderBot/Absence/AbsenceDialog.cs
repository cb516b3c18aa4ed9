using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Absence;

/// <summary>
/// Reporting a child sick: which child (asked only when the parent has more than one), which day, a confirmation,
/// then the report is saved. The full absence capability (ranges, parts of the day, kinds, corrections) grows here.
/// </summary>
public sealed class AbsenceDialog : WaterfallDialog<AbsenceDialog.State>
{
    public const string DialogId = "absence";
    public const string ChildPrompt = "absence.child";
    public const string DayPrompt = "absence.day";
    public const string ConfirmPrompt = "absence.confirm";

    private readonly AbsenceStore _store;
    private readonly DayRecognizer _days;

    public AbsenceDialog(AbsenceStore store, DayRecognizer days)
        : base(DialogId)
    {
        _store = store;
        _days = days;
        AddStep("AskChild", AskChildStep);
        AddStep("AskDay", AskDayStep);
        AddStep("Confirm", ConfirmStep);
        AddStep("Save", SaveStep);
    }

    /// <summary>The prompts this dialog uses, registered beside it.</summary>
    public static IEnumerable<Dialog> Prompts(DayRecognizer days) =>
    [
        new ChoicePrompt(ChildPrompt),
        new FuncPrompt<DateOnly>(DayPrompt, t => days.Recognize(t.Normalized, t.Services.Clock.Today), Say.Text("absence.day_retry"), ValidateSchoolDay),
        new Dialogs.ConfirmPrompt(ConfirmPrompt),
    ];

    public sealed class State
    {
        public string? ChildId { get; set; }
        public DateOnly? Day { get; set; }
    }

    private async Task<DialogTurnResult> AskChildStep(WaterfallStep<State> step)
    {
        var children = step.Turn.Parent.Children;
        var message = step.Options as string ?? "";
        var normalized = Texts.Normalize(message);
        step.State.Day = _days.Recognize(normalized, step.Turn.Services.Clock.Today);

        var named = children.Where(c => ChoiceRecognizer.ContainsPhrase(normalized, Texts.Normalize(c.FirstName))).ToList();
        if (children.Count == 1 || named.Count == 1)
        {
            step.State.ChildId = (named.Count == 1 ? named[0] : children[0]).Id;
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
        if (step.State.Day is { } day)
        {
            if (ValidateSchoolDay(step.Turn, day) is not { } correction)
            {
                return await step.NextAsync(day);
            }

            return await step.PromptAsync(DayPrompt, new PromptOptions { Prompt = WithChild(correction, child) });
        }

        return await step.PromptAsync(DayPrompt, new PromptOptions { Prompt = Say.Text("absence.ask_day", ("child", child.FirstName)) });
    }

    private async Task<DialogTurnResult> ConfirmStep(WaterfallStep<State> step)
    {
        step.State.Day = (DateOnly)step.Result!;
        var child = Child(step);
        return await step.PromptAsync(ConfirmPrompt, new PromptOptions
        {
            Prompt = Say.Text("absence.confirm", ("child", child.FirstName)).WithDate("date", step.State.Day.Value),
        });
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

        var day = step.State.Day!.Value;
        var group = turn.Services.School.FindGroup(child.GroupId);
        await _store.SaveAsync(
            new AbsenceReport
            {
                Id = Guid.NewGuid().ToString("N"),
                ChildId = child.Id,
                ChildName = child.FirstName,
                Group = child.GroupId,
                Start = day,
                End = day,
                Kind = "sick",
                ReportedBy = turn.Parent.Phone,
                ReportedByName = turn.Parent.Name,
                ReportedAt = turn.Services.Clock.UtcNow,
                Channel = turn.Message.Channel,
            },
            turn.CancellationToken);

        var teacher = group?.Teachers.FirstOrDefault()?.Name ?? group?.Name ?? "";
        turn.Send(Say.Text("absence.saved", ("child", child.FirstName), ("teacher", teacher)).WithDate("date", day));
        return await step.EndAsync();
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
