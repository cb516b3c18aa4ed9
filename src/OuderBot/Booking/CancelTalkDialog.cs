using OuderBot.Bot;
using OuderBot.Dialogs;

namespace OuderBot.Booking;

/// <summary>"Het gesprek van Tim gaat niet door": which talk (only with several; a round's or an invitation's), one
/// yes/no, and the slot is free at once.</summary>
public sealed class CancelTalkDialog : WaterfallDialog<CancelTalkDialog.State>
{
    public const string DialogId = "booking.cancel";
    public const string TalkPrompt = "booking.cancel.talk";
    public const string ConfirmPromptId = "booking.cancel.confirm";

    private readonly BookingStore _store;
    private readonly WaitingList _waiting;
    private readonly BookingReminders _reminders;
    private readonly InvitationStore _invitations;

    public CancelTalkDialog(BookingStore store, WaitingList waiting, BookingReminders reminders, InvitationStore invitations)
        : base(DialogId)
    {
        _invitations = invitations;
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

        /// <summary>Set instead of the round when the talk is an invitation's.</summary>
        public string? InvitationId { get; set; }
    }

    private const string InvitationChoice = "invitation:";

    private async Task<DialogTurnResult> WhichStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var text = (step.Options as BookingRequest)?.Text;
        var named = text is null ? [] : turn.Parent.Children.Where(c => Texts.Tokenize(text).Contains(Texts.Normalize(c.FirstName))).ToList();
        var now = turn.School.Clock.LocalNow;
        var talks = (await _store.OfChildrenAsync(turn.School, named.Count > 0 ? named : turn.Parent.Children, turn.CancellationToken))
            .Where(t => t.Slot.Start > now).ToList();
        var invited = (await _invitations.ComingOfAsync(turn)).Where(i => named.Count == 0 || named.Any(c => c.Id == i.ChildId)).ToList();
        if (text is not null && talks.Count + invited.Count > 1 && BookingDialog.ReadWish(turn, text) is { } wish && (wish.Days.Count > 0 || wish.NotDays.Count > 0))
        {
            bool OnDay(DateTime start) => wish.Days.Contains(start.DayOfWeek) || wish.NotDays.Contains(start.DayOfWeek);
            var onDay = talks.Where(t => OnDay(t.Slot.Start)).ToList();
            var invitedOnDay = invited.Where(i => OnDay(i.Booked!.Value)).ToList();
            (talks, invited) = onDay.Count + invitedOnDay.Count > 0 ? (onDay, invitedOnDay) : (talks, invited);
        }

        if (talks.Count + invited.Count == 0)
        {
            turn.Send("booking.none");
            return await step.EndAsync();
        }

        if (talks.Count + invited.Count == 1)
        {
            return await step.NextAsync(talks.Count == 1 ? talks[0] : invited[0]);
        }

        Say Label(string child, DateTime start, string teacher) =>
            Say.PerLanguage(Texts.Languages.ToDictionary(l => l, l => $"{child}: {BookingDialog.ShortDate(l, DateOnly.FromDateTime(start))} {BookingDialog.Time(start)}, {teacher}"));
        var children = turn.Parent.Children.ToDictionary(c => c.Id, c => c.FirstName);
        return await step.PromptAsync(TalkPrompt, new PromptOptions
        {
            Prompt = Say.Text("booking.ask_talk"),
            Choices =
            [
                .. talks.Select(t => new Choice($"{t.Round.Id}|{t.Teacher.Id}|{t.Booking.ChildId}", Label(t.Booking.Child, t.Slot.Start, t.Teacher.Name), [t.Booking.Child])),
                .. invited.Select(i => new Choice(InvitationChoice + i.Id, Label(children[i.ChildId], i.Booked!.Value, InvitationDialog.Teacher(turn, i)?.Name ?? ""), [children[i.ChildId]])),
            ],
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

        else if (step.Result is Invitation invitation)
        {
            state.InvitationId = invitation.Id;
        }
        else if (step.Result is ChoiceResult invited && invited.Value.StartsWith(InvitationChoice, StringComparison.Ordinal))
        {
            state.InvitationId = invited.Value[InvitationChoice.Length..];
        }

        if (state.InvitationId is { } id)
        {
            if (await _invitations.FindAsync(turn.School, id, turn.CancellationToken) is not { Booked: { } start } invitedTalk || !invitedTalk.IsFor(turn.Parent))
            {
                turn.Send("booking.none");
                return await step.EndAsync();
            }

            return await step.PromptAsync(ConfirmPromptId, new PromptOptions
            {
                Prompt = Say.Text("booking.cancel_confirm", ("child", turn.Parent.Children.First(c => c.Id == invitedTalk.ChildId).FirstName), ("time", BookingDialog.Time(start)),
                    ("teacher", InvitationDialog.Teacher(turn, invitedTalk)?.Name ?? "")).WithDate("date", DateOnly.FromDateTime(start)),
            });
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

        if (state.InvitationId is { } id)
        {
            if (await _invitations.CancelAsync(turn, id) is { Booked: { } start } before)
            {
                await _reminders.WithdrawAsync(turn.School, before, start, turn.CancellationToken);
                turn.Send("booking.invitation_cancelled", ("child", turn.Parent.Children.First(c => c.Id == before.ChildId).FirstName), ("teacher", InvitationDialog.Teacher(turn, before)?.Name ?? ""));
            }
            else
            {
                turn.Send("booking.none");
            }

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
