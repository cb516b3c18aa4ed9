using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.School;

namespace OuderBot.Absence;

/// <summary>
/// "Welke ziekmeldingen heb ik gedaan?": the reports for the parent's own children for today and later, numbered;
/// a number withdraws one after a yes. Days that have passed stay as they happened: a report that began earlier
/// ends yesterday instead.
/// </summary>
public sealed class MyReportsDialog : WaterfallDialog<MyReportsDialog.State>
{
    public const string DialogId = "absence.reports";
    public const string ReportPrompt = "absence.reports.pick";
    public const string WithdrawPrompt = "absence.reports.withdraw";

    private readonly AbsenceStore _store;
    private readonly AbsenceNotices _notices;

    public MyReportsDialog(AbsenceStore store, AbsenceNotices notices)
        : base(DialogId)
    {
        _store = store;
        _notices = notices;
        AddStep("List", ListStep);
        AddStep("Confirm", ConfirmStep);
        AddStep("Withdraw", WithdrawStep);
    }

    public static IEnumerable<Dialog> Prompts() => [new ChoicePrompt(ReportPrompt), new Dialogs.ConfirmPrompt(WithdrawPrompt)];

    /// <summary>"stop" while choosing: nothing is withdrawn.</summary>
    public override Say Cancelled(DialogFrame frame) => Say.Text("absence.not_withdrawn");

    public sealed class State
    {
        public string? ChildId { get; set; }
        public string? ReportId { get; set; }
    }

    /// <summary>The parent's children's reports that still count today or later, first day first.</summary>
    public static async Task<List<AbsenceReport>> CurrentAsync(AbsenceStore store, TurnContext turn, IEnumerable<Child> children)
    {
        var today = turn.School.Clock.Today;
        var reports = new List<AbsenceReport>();
        foreach (var child in children)
        {
            reports.AddRange((await store.ForChildAsync(turn.School, child.Id, turn.CancellationToken)).Where(r => r.Active && (r.End is null || r.End >= today)));
        }

        return reports.OrderBy(r => r.Start).ThenBy(r => r.ChildName, StringComparer.Ordinal).ToList();
    }

    private async Task<DialogTurnResult> ListStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var reports = await CurrentAsync(_store, turn, turn.Parent.Children);
        if (reports.Count == 0)
        {
            turn.Send("absence.reports_none");
            return await step.EndAsync();
        }

        var texts = turn.Texts;
        return await step.PromptAsync(ReportPrompt, new PromptOptions
        {
            Prompt = Say.Text("absence.reports_list"),
            Choices = reports.Select(r => new Choice($"{r.ChildId}/{r.Id}", Say.PerLanguage(AbsenceDescription.Of(r).RenderAll(texts)))).ToList(),
        });
    }

    private async Task<DialogTurnResult> ConfirmStep(WaterfallStep<State> step)
    {
        var picked = (ChoiceResult)step.Result!;
        var (childId, reportId) = (picked.Value.Split('/')[0], picked.Value.Split('/')[1]);
        (step.State.ChildId, step.State.ReportId) = (childId, reportId);
        // Only the parent's own children: the ids came from their own list, but the stack is data, so check again.
        var own = step.Turn.Parent.Children.Any(c => c.Id == childId);
        var report = own ? (await _store.ForChildAsync(step.Turn.School, childId, step.Turn.CancellationToken)).FirstOrDefault(r => r.Id == reportId) : null;
        if (report is null)
        {
            return await step.EndAsync();
        }

        return await step.PromptAsync(WithdrawPrompt, new PromptOptions
        {
            Prompt = AbsenceDescription.Of(report).Within(step.Turn.Texts, "absence.confirm_withdraw"),
        });
    }

    private async Task<DialogTurnResult> WithdrawStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        if (step.Result is not true)
        {
            turn.Send("absence.not_withdrawn");
            return await step.EndAsync();
        }

        if (turn.Parent.Children.FirstOrDefault(c => c.Id == step.State.ChildId) is not { } child)
        {
            return await step.EndAsync();
        }

        var today = turn.School.Clock.Today;
        var now = turn.School.Clock.UtcNow;
        var withdrawn = await _store.ChangeAsync(turn.School, child.Id, step.State.ReportId!, r => r.TakeBack(today, now), turn.CancellationToken);

        if (withdrawn is not null)
        {
            await _notices.WithdrawnAsync(turn.School, withdrawn with { End = withdrawn.End < today ? today : withdrawn.End }, turn.Parent.Name, turn.CancellationToken);
            var summary = AbsenceDescription.Of(withdrawn).Render(turn.Texts, turn.Language);
            turn.Send("absence.withdrawn", ("summary", summary), ("teacher", turn.TeacherOf(child)));
        }

        return await step.EndAsync();
    }
}

/// <summary>
/// "Tim is weer beter": closes the child's open sickness report. The last sick day is the day before the child
/// comes back: today before school starts, tomorrow later in the day, or the day the parent names.
/// </summary>
public sealed class RecoveryDialog : WaterfallDialog<RecoveryDialog.State>
{
    public const string DialogId = "absence.recovered";
    public const string ChildPrompt = "absence.recovered.child";

    private readonly AbsenceStore _store;
    private readonly AbsenceReader _reader;
    private readonly AbsenceNotices _notices;

    public RecoveryDialog(AbsenceStore store, AbsenceReader reader, AbsenceNotices notices)
        : base(DialogId)
    {
        _store = store;
        _reader = reader;
        _notices = notices;
        AddStep("Find", FindStep);
        AddStep("Close", CloseStep);
    }

    public static IEnumerable<Dialog> Prompts() => [new ChoicePrompt(ChildPrompt)];

    public sealed class State
    {
        public DateOnly Back { get; set; }
    }

    private async Task<DialogTurnResult> FindStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var services = turn.School;
        var text = (step.Options as AbsenceRequest)?.Text ?? turn.Message.Text;
        var facts = _reader.Read(turn, text);
        var today = services.Clock.Today;
        var beforeSchool = services.Calendar.HoursOn(today) is not { } hours || TimeOnly.FromDateTime(services.Clock.LocalNow) < hours.Start;
        // "vrijdag gaat ze weer naar school": back on Friday (the parser reads the days away, today to Thursday).
        step.State.Back = facts.BackOn ?? facts.Days?.Start ?? (beforeSchool ? today : today.AddDays(1));

        // "Tim is weer beter" from a parent without a Tim: nobody's report is closed, least of all their own child's.
        if (facts is { ChildId: null, OtherChild: { } other })
        {
            turn.Send("child.not_yours", ("name", other));
            return await step.EndAsync();
        }

        var children = facts.ChildId is { } id ? turn.Parent.Children.Where(c => c.Id == id).ToList() : turn.Parent.Children.ToList();
        var open = (await MyReportsDialog.CurrentAsync(_store, turn, children)).Where(r => r.Kind == AbsenceKinds.Sick && r.Start <= step.State.Back).ToList();
        var sick = open.Select(r => r.ChildId).Distinct().ToList();
        if (sick.Count == 0 && facts is { Whole.Kind: AbsenceKinds.Sick, Days: not null })
        {
            // "Tim was gisteren ziek en is vandaag weer beter", "Tim is vandaag ziek, morgen weer naar school", nothing
            // open to close: a report of the sick days (the day the child is back is none).
            return await step.Context.BeginDialogAsync(AbsenceDialog.DialogId, new AbsenceRequest(text));
        }

        if (sick.Count == 0)
        {
            var names = string.Join(" & ", children.Select(c => c.FirstName));
            turn.Send("absence.nothing_open", ("child", names));
            return await step.EndAsync();
        }

        if (sick.Count == 1)
        {
            return await step.NextAsync(new ChoiceResult(0, sick[0]));
        }

        return await step.PromptAsync(ChildPrompt, new PromptOptions
        {
            Prompt = Say.Text("absence.ask_which_recovered"),
            Choices = turn.Parent.Children.Where(c => sick.Contains(c.Id)).Select(c => new Choice(c.Id, Say.Raw(c.FirstName))).ToList(),
        });
    }

    private async Task<DialogTurnResult> CloseStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        if (step.Result is not ChoiceResult picked || turn.Parent.Children.FirstOrDefault(c => c.Id == picked.Value) is not { } child)
        {
            return await step.EndAsync();
        }

        var back = step.State.Back;
        var now = turn.School.Clock.UtcNow;
        var teacher = turn.TeacherOf(child);
        foreach (var report in (await MyReportsDialog.CurrentAsync(_store, turn, [child])).Where(r => r.Kind == AbsenceKinds.Sick && r.Start <= back))
        {
            var closed = await _store.ChangeAsync(turn.School, child.Id, report.Id, r =>
            {
                if (r.Start >= back)
                {
                    r.WithdrawnAt = now;
                }
                else if (r.End is null || r.End >= back)
                {
                    r.End = back.AddDays(-1); // only ever shortened
                    r.ClosedAt = now;
                }
            }, turn.CancellationToken);
            if (closed is null)
            {
                continue;
            }

            if (!closed.Active)
            {
                await _notices.WithdrawnAsync(turn.School, closed, turn.Parent.Name, turn.CancellationToken);
            }
            else if (back == turn.School.Clock.Today)
            {
                await _notices.RecoveredAsync(turn.School, closed, turn.Parent.Name, turn.CancellationToken);
            }

            if (closed.Active)
            {
                turn.Send("absence.recovered", ("child", child.FirstName), ("teacher", teacher), ("summary", AbsenceDescription.Of(closed).Render(turn.Texts, turn.Language)));
            }
            else
            {
                turn.Send("absence.recovered_withdrawn", ("child", child.FirstName), ("teacher", teacher));
            }
        }

        return await step.EndAsync();
    }
}
