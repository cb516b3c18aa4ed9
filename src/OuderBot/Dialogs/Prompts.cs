using OuderBot.Bot;

namespace OuderBot.Dialogs;

/// <summary>What a prompt asks, how it re-asks, and (for a choice) the options.</summary>
public sealed record PromptOptions
{
    public required Say Prompt { get; init; }

    /// <summary>The retry text when the answer is not recognised; prompts have a helpful default.</summary>
    public Say? Retry { get; init; }

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>How many answers the parent may give before the prompt gives up gracefully.</summary>
    public int MaxAttempts { get; init; } = 3;
}

/// <summary>An option of a choice prompt: its value, its label, and other words that pick it.</summary>
public sealed record Choice(string Value, Say Label, IReadOnlyList<string>? Synonyms = null);

/// <summary>The answer to a choice prompt.</summary>
public sealed record ChoiceResult(int Index, string Value);

/// <summary>Checks a recognised answer; returns null when it is fine, else what to say before asking again.</summary>
public delegate Say? PromptValidator<in T>(TurnContext turn, T value);

/// <summary>
/// A dialog that asks one question, recognises the answer, validates it and re-asks with a helpful retry text,
/// giving up gracefully after <see cref="PromptOptions.MaxAttempts"/> tries.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        dc.SetState(new PromptState { Options = promptOptions });
        Ask(dc.Turn, promptOptions, promptOptions.Prompt);
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc)
    {
        var state = dc.GetState<PromptState>();
        var options = state.Options!;
        Say retry;
        if (TryRecognize(dc.Turn, options, out var value))
        {
            if (validator?.Invoke(dc.Turn, value) is not { } rejection)
            {
                return await dc.EndDialogAsync(value);
            }

            retry = rejection;
        }
        else
        {
            retry = options.Retry ?? DefaultRetry;
        }

        state.Attempts++;
        if (state.Attempts >= options.MaxAttempts)
        {
            dc.Turn.Send("prompt.gave_up", ("phone", dc.Turn.School.Data.Info.Phone));
            return dc.CancelAllDialogs();
        }

        dc.SetState(state);
        Ask(dc.Turn, options, InheritArgs(retry, options.Prompt));
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc)
    {
        var options = dc.GetState<PromptState>().Options!;
        Ask(dc.Turn, options, options.Prompt);
        return Task.CompletedTask;
    }

    protected abstract Say DefaultRetry { get; }

    protected abstract bool TryRecognize(TurnContext turn, PromptOptions options, out T value);

    // A retry text may use the question's placeholders ({child}) without the validator knowing them.
    private static Say InheritArgs(Say retry, Say prompt)
    {
        var args = new Dictionary<string, string>(prompt.Args ?? new Dictionary<string, string>());
        foreach (var (name, value) in retry.Args ?? new Dictionary<string, string>())
        {
            args[name] = value;
        }

        var dates = new Dictionary<string, DateOnly>(prompt.Dates ?? new Dictionary<string, DateOnly>());
        foreach (var (name, value) in retry.Dates ?? new Dictionary<string, DateOnly>())
        {
            dates[name] = value;
        }

        return retry with { Args = args, Dates = dates };
    }

    private static void Ask(TurnContext turn, PromptOptions options, Say say)
    {
        if (options.Choices.Count > 0 && say.Key is not null)
        {
            var list = string.Join('\n', options.Choices.Select((c, i) => $"{i + 1}. {turn.Texts.Render(turn.Language, c.Label)}"));
            var args = new Dictionary<string, string>(say.Args ?? new Dictionary<string, string>()) { ["choices"] = list };
            say = say with { Args = args };
        }

        turn.Send(say);
    }

    private sealed class PromptState
    {
        public PromptOptions? Options { get; set; }
        public int Attempts { get; set; }
    }
}

/// <summary>
/// A numbered choice; the parent answers with the number, the words, or a near-typo of them. <c>answer</c>, when given,
/// reads an answer in other words that names no choice (the value of a choice, or null).
/// </summary>
public sealed class ChoicePrompt(string id, PromptValidator<ChoiceResult>? validator = null, Func<TurnContext, string?>? answer = null) : Prompt<ChoiceResult>(id, validator)
{
    protected override Say DefaultRetry => Say.Text("prompt.choice_retry");

    protected override bool TryRecognize(TurnContext turn, PromptOptions options, out ChoiceResult value)
    {
        var words = options.Choices
            .Select(c => (IReadOnlyList<string>)Texts.Languages
                .Select(l => Texts.Normalize(turn.Texts.Render(l, c.Label)))
                .Concat((c.Synonyms ?? []).Select(Texts.Normalize))
                .Distinct()
                .ToList())
            .ToList();
        var index = ChoiceRecognizer.Recognize(turn.Normalized, words);
        if (index is null && answer?.Invoke(turn) is { } meant && options.Choices.ToList().FindIndex(c => c.Value == meant) is >= 0 and var found)
        {
            index = found;
        }

        value = index is { } i ? new ChoiceResult(i, options.Choices[i].Value) : new ChoiceResult(-1, "");
        return index is not null;
    }
}

/// <summary>A yes/no question; accepts the usual Dutch and English variants.</summary>
public sealed class ConfirmPrompt(string id) : Prompt<bool>(id)
{
    protected override Say DefaultRetry => Say.Text("prompt.confirm_retry");

    protected override bool TryRecognize(TurnContext turn, PromptOptions options, out bool value)
    {
        var answer = ConfirmRecognizer.Recognize(turn.Normalized, turn.Texts);
        value = answer ?? false;
        return answer is not null;
    }
}

/// <summary>A prompt whose answer is recognised by a function (a day, a time, free text).</summary>
public sealed class FuncPrompt<T>(string id, Func<TurnContext, T?> recognize, Say defaultRetry, PromptValidator<T>? validator = null)
    : Prompt<T>(id, validator)
    where T : struct
{
    protected override Say DefaultRetry => defaultRetry;

    protected override bool TryRecognize(TurnContext turn, PromptOptions options, out T value)
    {
        var recognized = recognize(turn);
        value = recognized.GetValueOrDefault();
        return recognized is not null;
    }
}
