using System.Text.Json;
using OuderBot.Bot;

namespace OuderBot.Dialogs;

public enum DialogStatus
{
    /// <summary>The dialog asked something and waits for the parent's next message.</summary>
    Waiting,

    /// <summary>The dialog (and every dialog below it) has finished.</summary>
    Complete,

    /// <summary>The stack was cleared (cancel, give-up).</summary>
    Cancelled,
}

public readonly record struct DialogTurnResult(DialogStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting => new(DialogStatus.Waiting);
}

/// <summary>A piece of conversation with its own state on the dialog stack, in the shape of a Bot Framework dialog.</summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Called when the dialog is pushed onto the stack.</summary>
    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options);

    /// <summary>Called with the parent's next message while this dialog is on top of the stack.</summary>
    public abstract Task<DialogTurnResult> ContinueAsync(DialogContext dc);

    /// <summary>Called when a child dialog that this one started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result) => dc.EndDialogAsync(result);

    /// <summary>Asks the current question again (after help, or a language switch).</summary>
    public virtual Task RepromptAsync(DialogContext dc) => Task.CompletedTask;

    /// <summary>True when the question it waits on takes the parent's own words (a remark): a message that reads like
    /// feedback is then the answer, not a request of its own that makes a question the bot started step aside.</summary>
    public virtual bool TakesFreeText(DialogContext dc) => false;

    /// <summary>True when the parent's message is plainly an answer to the question it waits on ("heel goed" to a
    /// 1-5 question): a question the bot started then never steps aside for it, whatever else the words might mean.</summary>
    public virtual bool RecognizesAnswer(DialogContext dc) => false;

    /// <summary>What the parent is told when they stop this dialog ("annuleer", "stop") while it is at the bottom of
    /// the stack: by default that nothing was done; a dialog that knows better says what it did not do.</summary>
    public virtual Say Cancelled(DialogFrame frame) => Say.Text("cancelled");
}

/// <summary>The dialogs the bot knows, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            _dialogs.Add(dialog.Id, dialog);
        }
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);
}

/// <summary>The dialog stack of one conversation during one turn.</summary>
public sealed class DialogContext(DialogSet dialogs, TurnContext turn)
{
    internal static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    public TurnContext Turn { get; } = turn;

    private List<DialogFrame> Stack => Turn.Conversation.Stack;

    public DialogFrame? ActiveFrame => Stack.Count > 0 ? Stack[^1] : null;

    public bool HasActiveDialog => Stack.Count > 0;

    public async Task<DialogTurnResult> BeginDialogAsync(string id, object? options = null)
    {
        var dialog = dialogs.Find(id) ?? throw new InvalidOperationException($"No dialog with id '{id}' is registered.");
        Stack.Add(new DialogFrame { Id = id });
        return await dialog.BeginAsync(this, options);
    }

    /// <summary>Hands the parent's message to the dialog on top of the stack.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync()
    {
        if (ActiveFrame is not { } frame)
        {
            return new DialogTurnResult(DialogStatus.Complete);
        }

        if (dialogs.Find(frame.Id) is not { } dialog)
        {
            // A dialog that no longer exists (after an update): start afresh rather than get stuck.
            return CancelAllDialogs();
        }

        return await dialog.ContinueAsync(this);
    }

    /// <summary>Ends the dialog on top and resumes the one below it with the result.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null)
    {
        if (Stack.Count > 0)
        {
            Stack.RemoveAt(Stack.Count - 1);
        }

        if (ActiveFrame is { } parent && dialogs.Find(parent.Id) is { } dialog)
        {
            return await dialog.ResumeAsync(this, result);
        }

        return new DialogTurnResult(DialogStatus.Complete, result);
    }

    /// <summary>What the dialog the parent started (the bottom of the stack) says when it is stopped.</summary>
    public Say Cancelled() =>
        Stack.Count > 0 && dialogs.Find(Stack[0].Id) is { } dialog ? dialog.Cancelled(Stack[0]) : Say.Text("nothing_to_cancel");

    public DialogTurnResult CancelAllDialogs()
    {
        Stack.Clear();
        return new DialogTurnResult(DialogStatus.Cancelled);
    }

    public async Task RepromptAsync()
    {
        if (ActiveFrame is { } frame && dialogs.Find(frame.Id) is { } dialog)
        {
            await dialog.RepromptAsync(this);
        }
    }

    /// <summary>The dialog on top waits for the parent's own words (see <see cref="Dialog.TakesFreeText"/>).</summary>
    public bool ActiveTakesFreeText() => ActiveFrame is { } frame && dialogs.Find(frame.Id) is { } dialog && dialog.TakesFreeText(this);

    /// <summary>The dialog on top recognises the message as its answer (see <see cref="Dialog.RecognizesAnswer"/>).</summary>
    public bool ActiveRecognizesAnswer() => ActiveFrame is { } frame && dialogs.Find(frame.Id) is { } dialog && dialog.RecognizesAnswer(this);

    /// <summary>The state of the dialog on top of the stack.</summary>
    public T GetState<T>()
        where T : new() =>
        ActiveFrame?.State is { } json ? json.Deserialize<T>(StateJson) ?? new T() : new T();

    public void SetState<T>(T state) => SetState(ActiveFrame ?? throw new InvalidOperationException("No active dialog."), state);

    internal static void SetState<T>(DialogFrame frame, T state) => frame.State = JsonSerializer.SerializeToElement(state, StateJson);
}
