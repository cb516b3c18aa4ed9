using OuderBot.Bot;
using OuderBot.Dialogs;

namespace OuderBot.Booking;

/// <summary>"Het gesprek van Tim gaat niet door": which talk (only with several), one yes/no, and the slot is free at once.</summary>
public sealed class CancelTalkDialog : WaterfallDialog<CancelTalkDialog.State>
{
    public const string DialogId = "booking.cancel";
    public const string TalkPrompt = "booking.cancel.talk";
    public const string ConfirmPromptId = "booking.cancel.confirm";

    private readonly BookingStore _store;
    private readonly WaitingList _waiting;
    private readonly BookingReminders _reminders;

    public CancelTalkDialog(BookingStore store, WaitingList waiting, BookingReminders reminders)
        : base(DialogId)
    {
        _store = store;
        _waiting = waiting;
        _reminders = reminders;
        AddStep("Which", WhichStep);
        AddStep("Confirm", ConfirmStep);
        AddStep("Cancel", CancelStep);
    }

    public static IEnumerable<Dialog> Prompts() => [new ChoicePrompt(TalkPrompt), new ConfirmPrompt(ConfirmPromptId)];

    public sealed class State
    {
        public string? ChildId { get; set; }
        public string? RoundId { get; set; }
        public string? TeacherId { get; set; }
    }

    private async Task<DialogTurnResult> WhichStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var text = (step.Options as BookingRequest)?.Text;
        var named = text is null ? [] : turn.Parent.Children.Where(c => Texts.Tokenize(text).Contains(Texts.Normalize(c.FirstName))).ToList();
        var now = turn.School.Clock.LocalNow;
        var talks = (await _store.OfChildrenAsync(turn.School, named.Count > 0 ? named : turn.Parent.Children, turn.CancellationToken))
            .Where(t => t.Slot.Start > now).ToList();
        if (text is not null && talks.Count > 1 && BookingDialog.ReadWish(turn, text) is { } wish && (wish.Days.Count > 0 || wish.NotDays.Count > 0))
        {
            var onDay = talks.Where(t => wish.Days.Contains(t.Slot.Start.DayOfWeek) || wish.NotDays.Contains(t.Slot.Start.DayOfWeek)).ToList();
            talks = onDay.Count > 0 ? onDay : talks;
        }

        if (talks.Count == 0)
        {
            turn.Send("booking.none");
            return await step.EndAsync();
        }

        if (talks.Count == 1)
        {
            return await step.NextAsync(talks[0]);
        }

        return await step.PromptAsync(TalkPrompt, new PromptOptions
        {
            Prompt = Say.Text("booking.ask_talk"),
            Choices = [.. talks.Select(t => new Choice($"{t.Round.Id}|{t.Teacher.Id}|{t.Booking.ChildId}",
                Say.PerLanguage(Texts.Languages.ToDictionary(l => l, l => $"{t.Booking.Child}: {BookingDialog.ShortDate(l, t.Slot.Day)} {BookingDialog.Time(t.Slot.Start)}, {t.Teacher.Name}")),
                [t.Booking.Child]))],
        });
    }

    private async Task<DialogTurnResult> ConfirmStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        if (step.Result is BookedTalk talk)
        {
            (state.RoundId, state.TeacherId, state.ChildId) = (talk.Round.Id, talk.Teacher.Id, talk.Booking.ChildId);
        }
        else if (step.Result is ChoiceResult choice && choice.Value.Split('|') is [var round, var teacher, var child])
        {
            (state.RoundId, state.TeacherId, state.ChildId) = (round, teacher, child);
        }

        var found = await FindAsync(turn, state);
        if (found is null)
        {
            turn.Send("booking.none");
            return await step.EndAsync();
        }

        return await step.PromptAsync(ConfirmPromptId, new PromptOptions
        {
            Prompt = Say.Text("booking.cancel_confirm", ("child", found.Booking.Child), ("time", BookingDialog.Time(found.Slot.Start)), ("teacher", found.Teacher.Name))
                .WithDate("date", found.Slot.Day),
        });
    }

    private async Task<DialogTurnResult> CancelStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        if (step.Result is not true)
        {
            turn.Send("booking.cancel_kept");
            return await step.EndAsync();
        }

        var round = turn.School.Data.TalkRounds.First(r => r.Id == state.RoundId);
        var talk = await FindAsync(turn, state);
        var cancelled = await _store.CancelAsync(turn.School, round, state.TeacherId!, state.ChildId!, turn.CancellationToken);
        var child = turn.Parent.Children.First(c => c.Id == state.ChildId).FirstName;
        turn.Send("booking.cancelled", ("child", cancelled?.Child ?? child));
        if (talk is not null && cancelled is not null)
        {
            await _reminders.WithdrawAsync(turn.School, talk.Slot, cancelled, turn.CancellationToken);
        }

        await _waiting.SlotFreedAsync(turn.School, round, state.TeacherId!, turn.CancellationToken);
        return await step.EndAsync();
    }

    private async Task<BookedTalk?> FindAsync(TurnContext turn, State state)
    {
        var child = turn.Parent.Children.FirstOrDefault(c => c.Id == state.ChildId);
        return child is null ? null : (await _store.OfChildrenAsync(turn.School, [child], turn.CancellationToken))
            .FirstOrDefault(t => t.Round.Id == state.RoundId && t.Teacher.Id == state.TeacherId);
    }
}
