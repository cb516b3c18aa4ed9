using System.Text.Json;
using OuderBot.Bot;

namespace OuderBot.Dialogs;

/// <summary>
/// A multi-step dialog with named steps and a typed state object that travels through them.
/// The stack keeps the step's name (not its index), so a conversation in progress survives a re-ordering of steps.
/// </summary>
public abstract class WaterfallDialog<TState>(string id) : Dialog(id)
    where TState : class, new()
{
    private readonly List<(string Name, Func<WaterfallStep<TState>, Task<DialogTurnResult>> Run)> _steps = [];

    protected void AddStep(string name, Func<WaterfallStep<TState>, Task<DialogTurnResult>> run) => _steps.Add((name, run));

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options) =>
        RunStepAsync(dc, dc.ActiveFrame!, 0, new TState(), options, options);

    // A step that waited without a prompt gets the message text as its result.
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc) => ResumeAsync(dc, dc.Turn.Message.Text);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result)
    {
        var frame = dc.ActiveFrame!;
        var saved = Read(frame);
        var index = _steps.FindIndex(s => s.Name == saved.Step);
        return index < 0 ? dc.EndDialogAsync() : RunStepAsync(dc, frame, index + 1, saved.Values ?? new TState(), result, null);
    }

    internal int IndexOf(string stepName)
    {
        var index = _steps.FindIndex(s => s.Name == stepName);
        return index >= 0 ? index : throw new ArgumentException($"Dialog '{Id}' has no step '{stepName}'.", nameof(stepName));
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, DialogFrame frame, int index, TState values, object? result, object? options)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(values);
        }

        var (name, run) = _steps[index];
        var step = new WaterfallStep<TState>(this, dc, frame, index, values, result, options);
        Write(frame, name, values);
        var outcome = await run(step);
        // The step may have changed its state; keep it with the frame (a no-op if the dialog has ended).
        if (frame.State is not null && Read(frame).Step == name)
        {
            Write(frame, name, values);
        }

        return outcome;
    }

    /// <summary>The typed state kept with a frame of this dialog (for a question about it from outside a step).</summary>
    protected static TState StateOf(DialogFrame frame) => Read(frame).Values ?? new TState();

    private static Saved Read(DialogFrame frame) =>
        frame.State is { } json ? json.Deserialize<Saved>(DialogContext.StateJson) ?? new Saved() : new Saved();

    private static void Write(DialogFrame frame, string step, TState values) =>
        DialogContext.SetState(frame, new Saved { Step = step, Values = values });

    private sealed class Saved
    {
        public string? Step { get; set; }
        public TState? Values { get; set; }
    }
}

/// <summary>What a waterfall step gets: the dialog's typed state, the previous step's result, and ways to go on.</summary>
public sealed class WaterfallStep<TState>
    where TState : class, new()
{
    private readonly WaterfallDialog<TState> _dialog;
    private readonly DialogFrame _frame;
    private readonly int _index;

    internal WaterfallStep(WaterfallDialog<TState> dialog, DialogContext dc, DialogFrame frame, int index, TState values, object? result, object? options)
    {
        _dialog = dialog;
        _frame = frame;
        _index = index;
        Context = dc;
        State = values;
        Result = result;
        Options = options;
    }

    public DialogContext Context { get; }

    public TurnContext Turn => Context.Turn;

    public TState State { get; }

    /// <summary>The result of the previous step or of the prompt it started.</summary>
    public object? Result { get; }

    /// <summary>The options the dialog was begun with (first step only).</summary>
    public object? Options { get; }

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options) => Context.BeginDialogAsync(promptId, options);

    /// <summary>Skips ahead to the next step now, with <paramref name="result"/> as its result.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null) =>
        _dialog.RunStepAsync(Context, _frame, _index + 1, State, result, null);

    /// <summary>Goes to a named step now (for corrections: back to the part the parent wants to change).</summary>
    public Task<DialogTurnResult> GoToAsync(string stepName, object? result = null) =>
        _dialog.RunStepAsync(Context, _frame, _dialog.IndexOf(stepName), State, result, null);

    public Task<DialogTurnResult> EndAsync(object? result = null) => Context.EndDialogAsync(result);
}
