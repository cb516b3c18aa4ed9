using OuderBot.Dialogs;
using OuderBot.Understanding;

namespace OuderBot.Bot;

/// <summary>
/// The top of every turn: global commands first (they work in the middle of any dialog), then the running dialog,
/// then the registered capabilities (<see cref="IMessageHandler"/>), asked in order with what the message is
/// understood to be. With nothing to do the parent gets the menu: never silence. Names no capability.
/// </summary>
public sealed class MainBot(DialogSet dialogs, IEnumerable<IMessageHandler> handlers, Menu menu, OuderBot.Outbox.Outbox outbox) : IBot
{
    private readonly IMessageHandler[] _handlers = [.. handlers.OrderBy(h => h.Order)];

    public async Task OnTurnAsync(TurnContext turn)
    {
        var dc = new DialogContext(dialogs, turn);
        await RouteAsync(dc);
        // A question the bot started while the parent was busy: asked now that they are free.
        await ProactiveConversations.StartWaitingAsync(dc);

        // A question held back by quiet hours that this reply has just asked: its copy in the outbox is not sent as well.
        foreach (var started in turn.Conversation.Started.Where(s => s.FirstWords is { } words && turn.Replies.Any(r => r.Text == words)))
        {
            await outbox.WithdrawAsync(turn.School, started.Id, turn.CancellationToken);
        }
    }

    private async Task RouteAsync(DialogContext dc)
    {
        var turn = dc.Turn;
        var texts = turn.Texts;
        var text = turn.Normalized;
        var menuWasShown = turn.Conversation.MenuShown;
        var firstMessage = turn.Conversation.LastTurnAt is null;
        turn.Conversation.MenuShown = false;
        var more = turn.Conversation.More;
        turn.Conversation.More = null;

        // "meer" after a long answer: the next part of it.
        if (more is not null && texts.IsWord(text, "more"))
        {
            turn.SendInParts(more);
            return;
        }

        // "stop" (and Twilio's other words, which on SMS never reach the bot) only stops a running question; with none it
        // is read as any message.
        if (texts.IsWord(text, "cancel") || (dc.HasActiveDialog && texts.IsWord(text, "stop")))
        {
            turn.Send(dc.Cancelled());
            dc.CancelAllDialogs();
            return;
        }

        if (texts.IsWord(text, "menu"))
        {
            dc.CancelAllDialogs();
            menu.Show(turn);
            return;
        }

        if (texts.IsWord(text, "help"))
        {
            if (dc.HasActiveDialog)
            {
                turn.Send("help.in_dialog");
                await dc.RepromptAsync();
            }
            else
            {
                turn.Send("help");
            }

            return;
        }

        if (Texts.Languages.FirstOrDefault(l => texts.IsWord(text, "language", l)) is { } language)
        {
            await LanguageHandler.SwitchAsync(dc, language);
            return;
        }

        // A question the bot started never takes a message meant for something else.
        Understanding.Understanding? understood = null;
        if (dc.HasActiveDialog && (dc.ActiveRecognizesAnswer() || !ProactiveConversations.StepAside(dc, () => IsRequestOfItsOwn(dc, understood = Understand(turn)))))
        {
            await dc.ContinueDialogAsync();
            return;
        }

        if (menuWasShown && menu.Choice(turn) is { } picked)
        {
            await picked.StartAsync(dc);
            return;
        }

        understood ??= Understand(turn);
        // A clearly English first message from a parent the school has down as Dutch: answer in English.
        if (firstMessage && turn.Conversation.Language is null && understood.Language == Texts.English && turn.Parent.Language != Texts.English)
        {
            turn.Conversation.Language = Texts.English;
        }

        // A sick report that asks for a call-back is passed on whole by the absence capability itself.
        if (understood.Second is { } second && !(understood.Intent == Intents.Absence && second.Intent == Intents.Handoff))
        {
            await TwoRequestsAsync(dc, understood, second);
            return;
        }

        await HandleAsync(dc, understood);
    }

    /// <summary>
    /// Two requests in one message ("kan de juf mij bellen? Tim heeft koorts"): the one done in a single reply goes
    /// first (a question answered, a message passed on), then the other. When the first one asks something back, a
    /// question waits until it is done; anything else is named, so the parent knows to send it again. Never dropped.
    /// </summary>
    private async Task TwoRequestsAsync(DialogContext dc, Understanding.Understanding understood, Understanding.Understanding second)
    {
        var (first, then) = DoneInOneReply(second) && !DoneInOneReply(understood) ? (second, understood) : (understood, second);
        await HandleAsync(dc, first);
        if (!dc.HasActiveDialog)
        {
            await HandleAsync(dc, then);
            return;
        }

        var turn = dc.Turn;
        if (_handlers.Select(h => h.Later(turn, then)).FirstOrDefault(w => w is not null) is { } later)
        {
            turn.Conversation.Waiting.Add(later);
            turn.Send("second.question_later");
        }
        else
        {
            turn.Send("second.send_again");
        }
    }

    /// <summary>What the bot finishes in one reply, without asking back: a confident answer, a message passed on.</summary>
    private static bool DoneInOneReply(Understanding.Understanding understood) =>
        (understood.Intent == Intents.Faq && understood.Action == Actions.Answer) || understood.Intent == Intents.Handoff;

    private async Task HandleAsync(DialogContext dc, Understanding.Understanding understood)
    {
        foreach (var handler in _handlers)
        {
            if (await handler.TryHandleAsync(dc, understood))
            {
                return;
            }
        }

        dc.Turn.Send("unknown");
        menu.Show(dc.Turn);
    }

    // What makes a question the bot started step aside: a request, not small talk, nor (where the question takes the
    // parent's own words) a remark that reads like feedback.
    private static bool IsRequestOfItsOwn(DialogContext dc, Understanding.Understanding understood) =>
        understood.Intent is not (Intents.Unknown or Intents.Greeting) && !(understood.Intent is Intents.Feedback && dc.ActiveTakesFreeText());

    // The school's own understanding: its topics, its children's names.
    private static Understanding.Understanding Understand(TurnContext turn)
    {
        var understood = turn.School.Understander.Understand(turn.Message.Text, turn.School.Clock.LocalNow, turn.Parent);
        turn.Intent = understood.Intent;   // the pipeline puts it on the turn's span
        return understood;
    }
}

/// <summary>The menu: the registered <see cref="MenuEntry"/>s, numbered in their order.</summary>
public sealed class Menu(IEnumerable<MenuEntry> entries)
{
    private readonly MenuEntry[] _entries = [.. entries.OrderBy(e => e.Order)];

    public void Show(TurnContext turn)
    {
        var list = string.Join('\n', _entries.Select((entry, i) => $"{i + 1}. {turn.Texts.Render(turn.Language, entry.LabelKey)}"));
        turn.Send("menu", ("choices", list));
        turn.Conversation.MenuShown = true;
    }

    /// <summary>The entry the parent picked by number, label or near-typo; null when the message is something else.</summary>
    public MenuEntry? Choice(TurnContext turn)
    {
        var words = _entries
            .Select(entry => (IReadOnlyList<string>)[Texts.Normalize(turn.Texts.Render(turn.Language, entry.LabelKey))])
            .ToList();
        return ChoiceRecognizer.Recognize(turn.Normalized, words) is { } index ? _entries[index] : null;
    }
}
