using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Dialogs;

namespace OuderBot.Booking;

/// <summary>The question the bot starts when a slot frees up for a parent on the waiting list: "ja" in time books it.</summary>
public sealed class WaitingOfferDialog : WaterfallDialog<WaitingOfferDialog.State>
{
    public const string DialogId = "booking.waiting_offer";
    public const string AnswerPrompt = "booking.waiting_offer.answer";

    private readonly BookingStore _store;
    private readonly BookingLinks _links;
    private readonly BookingReminders _reminders;
    private readonly WaitingList _waiting;

    public WaitingOfferDialog(BookingStore store, BookingLinks links, BookingReminders reminders, WaitingList waiting)
        : base(DialogId)
    {
        _store = store;
        _links = links;
        _reminders = reminders;
        _waiting = waiting;
        AddStep("Ask", AskStep);
        AddStep("Answer", AnswerStep);
    }

    public static IEnumerable<Dialog> Prompts() => [new ConfirmPrompt(AnswerPrompt)];

    public sealed class State
    {
        public WaitingOffer? Offer { get; set; }
        public string BookingId { get; set; } = Guid.NewGuid().ToString("N");
        public string Ics { get; set; } = BookingStore.NewToken();
    }

    private async Task<DialogTurnResult> AskStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var offer = step.Options is JsonElement json ? json.Deserialize<WaitingOffer>(BookingStore.Json) : step.Options as WaitingOffer;
        if (offer is null || Find(turn, offer) is not { } found)
        {
            return await step.EndAsync();
        }

        var (_, teacher, slot, child) = found;

        step.State.Offer = offer;
        var until = turn.School.Clock.ToLocal(offer.Until);
        var prompt = Say.Text("booking.offer_freed", ("child", child.FirstName), ("teacher", teacher.Name), ("time", BookingDialog.Time(slot.Start)), ("room", teacher.Room),
                ("until", BookingDialog.Time(until)))
            .WithDate("date", slot.Day)
            .WithDate("until_date", DateOnly.FromDateTime(until));
        return await step.PromptAsync(AnswerPrompt, new PromptOptions { Prompt = prompt });
    }

    private async Task<DialogTurnResult> AnswerStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        if (step.State.Offer is not { } offer || Find(turn, offer) is not { } found)
        {
            return await step.EndAsync();
        }

        var (round, teacher, slot, child) = found;

        if (step.Result is not true)
        {
            await _store.ReleaseHoldAsync(turn.School, round, teacher.Id, slot.Key, child.Id, turn.CancellationToken);
            await _store.LeaveWaitingListAsync(turn.School, round, teacher.Id, child.Id, turn.CancellationToken);
            turn.Send("booking.offer_declined");
            await _waiting.SlotFreedAsync(turn.School, round, teacher.Id, turn.CancellationToken);
            return await step.EndAsync();
        }

        // Booked another time meanwhile: one talk per child and teacher, so the held one goes to the next.
        if ((await _store.OfChildrenAsync(turn.School, [child], turn.CancellationToken)).FirstOrDefault(t => t.Round.Id == round.Id && t.Teacher.Id == teacher.Id) is { } existing)
        {
            await _store.ReleaseHoldAsync(turn.School, round, teacher.Id, slot.Key, child.Id, turn.CancellationToken);
            turn.Send(Say.Text("booking.already", ("child", child.FirstName), ("time", BookingDialog.Time(existing.Slot.Start)), ("teacher", teacher.Name), ("room", teacher.Room))
                .WithDate("date", existing.Slot.Day));
            await _waiting.SlotFreedAsync(turn.School, round, teacher.Id, turn.CancellationToken);
            return await step.EndAsync();
        }

        var booking = new TalkBooking
        {
            Id = step.State.BookingId,
            ChildId = child.Id,
            Child = child.FirstName,
            Group = child.GroupId,
            Parent = turn.Parent.Phone,
            ParentName = turn.Parent.Name,
            BookedAt = turn.School.Clock.UtcNow,
            Ics = step.State.Ics,
            Channel = turn.Message.Channel,
            Language = turn.Language,
        };
        var (taken, writtenNow) = await _store.TakeHoldAsync(turn.School, round, teacher.Id, slot.Key, booking, turn.School.Clock.UtcNow, turn.CancellationToken);
        if (!taken)
        {
            turn.Send("booking.offer_expired");
            return await step.EndAsync();
        }

        await _reminders.ScheduleAsync(turn.School, teacher, slot, booking, writtenNow, turn.CancellationToken);
        turn.Send(Say.Text("booking.booked", ("child", child.FirstName), ("time", BookingDialog.Time(slot.Start)), ("teacher", teacher.Name), ("room", teacher.Room),
            ("link", _links.Talk(turn.School, booking.Parent, booking.Ics))).WithDate("date", slot.Day));
        return await step.EndAsync();
    }

    private static (TalkRound Round, TalkTeacher Teacher, Slot Slot, School.Child Child)? Find(TurnContext turn, WaitingOffer offer) =>
        turn.School.Data.TalkRounds.FirstOrDefault(r => r.Id == offer.Round) is { } round
        && round.Teacher(offer.Teacher) is { } teacher
        && round.FindSlot(teacher.Id, offer.Slot) is { } slot
        && turn.Parent.Children.FirstOrDefault(c => c.Id == offer.ChildId) is { } child
            ? (round, teacher, slot, child)
            : null;
}
