using System.Globalization;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Booking;

/// <summary>What started the dialog: the parent's message (a child or a wish in it is used at once) and whether they move a talk.</summary>
public sealed record BookingRequest(string? Text, bool Move = false);

/// <summary>
/// Booking (or moving) parent-teacher talks by chat. The bot knows the child (asks only when the parent has several:
/// one of them, or all back to back), the teacher and the round; outside the round's booking window it says when it
/// opens, or that it has closed and whom to ask. It offers the earliest free times as a short numbered list with
/// "andere tijden", or those that fit a wish (in the first message or any answer); when nothing fits it says so and
/// offers the nearest. One short confirmation, then the booking (a conditional write: a time another parent took in
/// the meantime is told honestly and the list offered again) and a receipt with the parent's .ics link. All times taken:
/// the waiting list.
/// </summary>
public sealed class BookingDialog : WaterfallDialog<BookingDialog.State>
{
    public const string DialogId = "booking";
    public const string ChildPrompt = "booking.child";
    public const string TalkPrompt = "booking.talk";
    public const string OfferPromptId = "booking.offer";
    public const string ConfirmPromptId = "booking.confirm";
    public const string WaitingPrompt = "booking.waiting";
    public const string AllChildren = "*";
    public const string MoreChoice = "more";

    private readonly BookingStore _store;
    private readonly BookingLinks _links;
    private readonly BookingReminders _reminders;
    private readonly WaitingList _waiting;
    private readonly Schools _schools;

    public BookingDialog(BookingStore store, BookingLinks links, BookingReminders reminders, WaitingList waiting, Schools schools)
        : base(DialogId)
    {
        _schools = schools;
        _store = store;
        _links = links;
        _reminders = reminders;
        _waiting = waiting;
        AddStep("Who", WhoStep);
        AddStep("Round", RoundStep);
        AddStep("Offer", OfferStep);
        AddStep("Choose", ChooseStep);
        AddStep("Decide", DecideStep);
        AddStep("Waiting", WaitingStep);
    }

    public static IEnumerable<Dialog> Prompts() =>
    [
        new ChoicePrompt(ChildPrompt),
        new ChoicePrompt(TalkPrompt),
        new OfferPrompt(OfferPromptId, acceptYesNo: false),
        new OfferPrompt(ConfirmPromptId, acceptYesNo: true),
        new ConfirmPrompt(WaitingPrompt),
    ];

    public sealed class State
    {
        public List<string> ChildIds { get; set; } = [];
        public string? RoundId { get; set; }
        public bool Move { get; set; }
        public TalkWish? Wish { get; set; }
        public int Skip { get; set; }

        /// <summary>The options shown, each "teacher|slot" per child in the order of <see cref="ChildIds"/> (pairs: in time order).</summary>
        public List<List<string>> Offered { get; set; } = [];
        public List<string>? Chosen { get; set; }

        /// <summary>Chosen when the dialog began: a turn that runs again finds its own booking.</summary>
        public string BookingId { get; set; } = Guid.NewGuid().ToString("N");
        public string Ics { get; set; } = BookingStore.NewToken();

        /// <summary>Children whose talk comes after this one (no times back to back: one at a time).</summary>
        public List<string> Later { get; set; } = [];

        /// <summary>Per child booked, their brothers and sisters with the same teacher: one talk for them all.</summary>
        public Dictionary<string, List<string>> With { get; set; } = [];

        /// <summary>What the parent wants to talk about, when the first message said ("... over zijn lezen"): in the teacher's calendar.</summary>
        public string? Topic { get; set; }
    }

    /// <summary>"Ik wil een gesprek met de juf van Tim over zijn lezen": "zijn lezen" (at most 80 characters).</summary>
    public static string? Topic(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"\b(?:over|about|omdat|because)\s+(.{3,})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
        var topic = match.Success ? match.Groups[1].Value.Trim().TrimEnd('.', '!', '?') : null;
        return topic is { Length: > 0 } ? topic[..Math.Min(topic.Length, 80)] : null;
    }

    /// <summary>A wish in the words of the message, with hours read as the school's rounds make them plausible.</summary>
    public static TalkWish ReadWish(TurnContext turn, string text)
    {
        var rounds = turn.School.Data.TalkRounds;
        var days = rounds.SelectMany(r => r.Teachers).SelectMany(t => t.Days).ToList();
        bool Plausible(TimeOnly time) => days.Any(d => time >= d.From.AddHours(-1) && time <= d.To);
        return TalkWish.Read(text, Plausible, turn.School.Clock.Today.Year);
    }

    private async Task<DialogTurnResult> WhoStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var request = step.Options as BookingRequest;
        var state = step.State;
        state.Move = request?.Move ?? false;
        if (request?.Text is { } text)
        {
            var wish = ReadWish(turn, text);
            state.Wish = wish.Any ? wish : null;
            state.Topic = Topic(text);
        }

        var named = Named(turn, request?.Text);
        var candidates = BookableChildren(turn);
        if (state.Move)
        {
            var talks = await _store.OfChildrenAsync(turn.School, named.Count > 0 ? named : turn.Parent.Children, turn.CancellationToken);
            talks = [.. talks.Where(t => t.Round.IsOpen(turn.School.Clock.LocalNow) || t.Slot.Start > turn.School.Clock.LocalNow)];
            if (talks.Count == 0)
            {
                turn.Send("booking.none");
                return await step.EndAsync();
            }

            // "ik kan dinsdag toch niet": the talk on Tuesday.
            if (talks.Count > 1 && state.Wish is { NotDays.Count: > 0 } not)
            {
                var onDay = talks.Where(t => not.NotDays.Contains(t.Slot.Start.DayOfWeek)).ToList();
                talks = onDay.Count > 0 ? onDay : talks;
            }

            if (talks.Count == 1)
            {
                state.ChildIds = [talks[0].Booking.ChildId];
                return await step.NextAsync();
            }

            return await step.PromptAsync(TalkPrompt, new PromptOptions
            {
                Prompt = Say.Text("booking.ask_talk"),
                Choices = [.. talks.Select(t => new Choice(t.Booking.ChildId, Label(t.Booking.Child, t.Slot, t.Teacher), [t.Booking.Child]))],
            });
        }

        if (named.Count > 0)
        {
            state.ChildIds = [.. named.Select(c => c.Id)];
            return await step.NextAsync();
        }

        // "een gesprek met de juf van Anna" from a parent without an Anna: never a talk for a child they did not name;
        // they choose their own (also with one child), and any name not theirs gets this same answer.
        var other = request?.Text is { } said
            ? OtherChildNames.Find(turn.School.ChildNames, _schools.ChildNamesElsewhere(turn.School, turn.Parent.Phone), turn.Parent, Texts.Tokenize(said))
            : null;
        if (other is not null)
        {
            turn.Send("child.not_yours", ("name", other));
        }

        if (candidates.Count == 0 || (candidates.Count == 1 && other is null))
        {
            state.ChildIds = [.. candidates.Select(c => c.Id)];
            return await step.NextAsync();
        }

        var choices = candidates.Select(c => new Choice(c.Id, Say.Raw(c.FirstName))).ToList();
        if (candidates.Count > 1 && candidates.Select(c => c.GroupId).Distinct(StringComparer.OrdinalIgnoreCase).Count() == candidates.Count)
        {
            choices.Add(new Choice(AllChildren, Say.Text("booking.all_children"), ["allebei", "beide", "both", "all", "allemaal", "alle twee", "samen"]));
        }

        return await step.PromptAsync(ChildPrompt, new PromptOptions { Prompt = Say.Text("booking.ask_child"), Choices = choices });
    }

    private async Task<DialogTurnResult> RoundStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        if (step.Result is ChoiceResult choice)
        {
            state.ChildIds = choice.Value == AllChildren ? [.. BookableChildren(turn).Select(c => c.Id)] : [choice.Value];
        }

        var children = Children(turn, state);
        var now = turn.School.Clock.LocalNow;
        var round = RoundFor(turn.School, children, now);
        if (round is null)
        {
            turn.Send("booking.none");
            return await step.EndAsync();
        }

        state.RoundId = round.Id;

        if (now < round.Opens)
        {
            turn.Send(Say.Text("booking.not_open", ("round", round.Name), ("time", Time(round.Opens))).WithDate("date", DateOnly.FromDateTime(round.Opens)));
            return await step.EndAsync();
        }

        // Moving a talk is possible after booking closed; a new booking is not.
        if (now >= round.Closes && !state.Move)
        {
            SayClosed(turn, round);
            return await step.EndAsync();
        }

        if (!state.Move)
        {
            // A child who has a talk already: said, and the others (if any) go on; with none left, moving it is offered.
            var talks = await _store.OfChildrenAsync(turn.School, children, turn.CancellationToken);
            foreach (var talk in talks.Where(t => t.Round.Id == round.Id))
            {
                turn.Send(Say.Text(talk.Booking.With is { Count: > 0 } ? "booking.already_together" : "booking.already", ("child", talk.Booking.Child), ("time", Time(talk.Slot.Start)), ("teacher", talk.Teacher.Name), ("room", talk.Teacher.Room))
                    .WithDate("date", talk.Slot.Day));
                state.ChildIds.RemoveAll(talk.Booking.IsFor);
            }

            if (state.ChildIds.Count == 0)
            {
                state.ChildIds = [talks[0].Booking.ChildId];
                state.Move = true;
            }
        }

        // Brothers and sisters with one teacher have one talk together (a parent never holds two slots with one
        // teacher in a round); back to back is with different teachers.
        var left = Children(turn, state);
        var leads = left.DistinctBy(c => round.TeacherOf(c)!.Id).ToList();
        state.With = state.Move ? [] : leads.ToDictionary(c => c.Id, c => left.Where(o => o.Id != c.Id && round.TeacherOf(o)!.Id == round.TeacherOf(c)!.Id).Select(o => o.Id).ToList());
        state.ChildIds = [.. leads.Select(c => c.Id)];
        return await step.NextAsync();
    }

    private async Task<DialogTurnResult> OfferStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        var round = Round(turn, state);
        var children = Children(turn, state);
        var teachers = children.Select(c => round.TeacherOf(c)!).ToList();
        var all = await OptionsAsync(turn, round, children, teachers);
        if (all.Count == 0 && children.Count > 1 && !state.Move)
        {
            // Nothing back to back: the talks one at a time, first a child whose teacher has a time; the waiting list
            // only for a teacher who is really full.
            foreach (var child in children)
            {
                if ((await OptionsAsync(turn, round, [child], [round.TeacherOf(child)!])).Count > 0)
                {
                    turn.Send("booking.separately");
                    state.Later = [.. children.Where(c => c.Id != child.Id).Select(c => c.Id)];
                    state.ChildIds = [child.Id];
                    return await step.GoToAsync("Offer");
                }
            }
        }

        if (all.Count == 0)
        {
            if (state.Move)
            {
                turn.Send("booking.taken");
                return await step.EndAsync();
            }

            return await WaitingListPromptAsync(step, teachers, children);
        }

        var offer = SlotFinder.Choose(all, state.Wish, state.Skip);
        state.Offered = [.. offer.Options.Select(o => o.Refs.ToList())];
        if (state.Wish is { At: not null } && offer is { Fits: true, Options.Count: 1 })
        {
            // "om 4 uur" and 16:00 is free: straight to the confirmation.
            return await step.NextAsync(new OfferAnswer(OfferAnswerKind.Pick, 0));
        }

        var choices = offer.Options.Select((o, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), OptionLabel(o, children, teachers))).ToList();
        if (all.Count > offer.Options.Count)
        {
            choices.Add(new Choice(MoreChoice, Say.Text("booking.other_times")));
        }

        var prompt = !offer.Fits
            ? Say.Text("booking.no_fit")
            : children.Count > 1
                ? Say.Text("booking.offer_pair", ("children", string.Join(", ", children.Zip(teachers, (c, t) => $"{c.FirstName}: {t.Name}"))))
                : Say.Text("booking.offer", ("child", NameWith(turn, state, children[0])), ("teacher", teachers[0].Name));
        return await step.PromptAsync(OfferPromptId, new PromptOptions { Prompt = prompt, Choices = choices });
    }

    private async Task<DialogTurnResult> ChooseStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        if (step.Result is bool waitingYes)
        {
            return await step.GoToAsync("Waiting", waitingYes);
        }

        if (step.Result is not OfferAnswer answer)
        {
            return await step.EndAsync();
        }

        switch (answer.Kind)
        {
            case OfferAnswerKind.More:
                state.Skip += SlotFinder.PageSize;
                return await step.GoToAsync("Offer");
            case OfferAnswerKind.Wish:
                state.Wish = state.Wish is { } earlier && answer.Wish is { } next ? earlier.Then(next) : answer.Wish;
                state.Skip = 0;
                return await step.GoToAsync("Offer");
            case OfferAnswerKind.Pick when answer.Index < state.Offered.Count:
                state.Chosen = state.Offered[answer.Index];
                break;
            default:
                return await step.GoToAsync("Offer");
        }

        var round = Round(turn, state);
        var children = Children(turn, state);
        var slots = Slots(round, state.Chosen);
        Say prompt;
        if (slots.Count == 1)
        {
            var teacher = round.Teacher(slots[0].TeacherId)!;
            prompt = Say.Text(state.Move ? "booking.confirm_move" : "booking.confirm", ("child", NameWith(turn, state, children[0])), ("time", Time(slots[0].Start)), ("teacher", teacher.Name), ("room", teacher.Room))
                .WithDate("date", slots[0].Day);
        }
        else
        {
            prompt = Say.Text("booking.confirm_pair", ("talks", PairTalks(turn, round, slots, children))).WithDate("date", slots[0].Day);
        }

        return await step.PromptAsync(ConfirmPromptId, new PromptOptions
        {
            Prompt = prompt,
            Choices = [.. state.Offered.Select((_, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), Say.Raw("")))],
        });
    }

    private async Task<DialogTurnResult> DecideStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        if (step.Result is not OfferAnswer answer)
        {
            return await step.EndAsync();
        }

        if (answer.Kind is OfferAnswerKind.Pick or OfferAnswerKind.Wish or OfferAnswerKind.More)
        {
            return await step.GoToAsync("Choose", answer);
        }

        if (answer.Kind == OfferAnswerKind.No)
        {
            // Not that time: the list again, without the exact time that led here.
            state.Wish = state.Wish is { } wish ? wish with { At = null } : null;
            state.Skip = 0;
            return await step.GoToAsync("Offer");
        }

        var round = Round(turn, state);
        var children = Children(turn, state);
        var slots = Slots(round, state.Chosen!);

        // The question may have been asked before booking closed and answered after: a new talk no longer.
        if (!state.Move && turn.School.Clock.LocalNow >= round.Closes)
        {
            SayClosed(turn, round);
            return await step.EndAsync();
        }

        if (state.Move)
        {
            var child = children[0];
            var teacher = round.Teacher(slots[0].TeacherId)!;
            var before = (await _store.OfChildrenAsync(turn.School, [child], turn.CancellationToken)).FirstOrDefault(t => t.Round.Id == round.Id);
            var moved = await _store.MoveAsync(turn.School, round, teacher.Id, child.Id, slots[0].Key, turn.CancellationToken);
            if (moved != BookOutcome.Booked)
            {
                turn.Send("booking.taken");
                return await OfferNearestAsync(step, round, children, slots[0].Start);
            }

            var now = await _store.SlotAsync(turn.School, round, teacher.Id, slots[0].Key, turn.CancellationToken);
            var token = now?.Ics ?? state.Ics;
            if (before is not null && now is not null)
            {
                await _reminders.WithdrawAsync(turn.School, before.Slot, before.Booking, turn.CancellationToken);
                await _reminders.ScheduleAsync(turn.School, teacher, slots[0], now, writtenNow: false, turn.CancellationToken);
                await _waiting.SlotFreedAsync(turn.School, round, teacher.Id, turn.CancellationToken);
            }

            turn.Send(Say.Text("booking.moved", ("child", child.FirstName), ("time", Time(slots[0].Start)), ("teacher", teacher.Name), ("room", teacher.Room), ("link", _links.Talk(turn.School, turn.Parent.Phone, token)))
                .WithDate("date", slots[0].Day));
            return await step.EndAsync();
        }

        // Siblings: each talk in its teacher's document; if a later one is taken, the earlier ones are freed again.
        var booked = new List<(Slot Slot, Child Child)>();
        foreach (var (slot, child) in slots.Zip(ChildrenInSlotOrder(round, slots, children)))
        {
            var booking = new TalkBooking
            {
                Id = state.BookingId,
                ChildId = child.Id,
                Child = NameWith(turn, state, child),
                With = state.With.TryGetValue(child.Id, out var together) && together.Count > 0 ? together : null,
                Group = child.GroupId,
                Parent = turn.Parent.Phone,
                ParentName = turn.Parent.Name,
                BookedAt = turn.School.Clock.UtcNow,
                Ics = state.Ics,
                Channel = turn.Message.Channel,
                Language = turn.Language,
                Topic = state.Topic,
            };
            var (outcome, _, writtenNow) = await _store.BookAsync(turn.School, round, slot.TeacherId, slot.Key, booking, turn.CancellationToken);
            if (outcome != BookOutcome.Booked)
            {
                foreach (var (done, doneChild) in booked)
                {
                    if (await _store.CancelAsync(turn.School, round, done.TeacherId, doneChild.Id, turn.CancellationToken) is { } undone)
                    {
                        await _reminders.WithdrawAsync(turn.School, done, undone, turn.CancellationToken);
                    }
                }

                if (outcome == BookOutcome.ChildHasOne)
                {
                    // The other parent booked this child meanwhile.
                    return await step.GoToAsync("Round");
                }

                turn.Send("booking.taken");
                return await OfferNearestAsync(step, round, children, slots[0].Start);
            }

            booked.Add((slot, child));
            await _reminders.ScheduleAsync(turn.School, round.Teacher(slot.TeacherId)!, slot, booking, writtenNow, turn.CancellationToken);
        }

        var link = _links.Talk(turn.School, turn.Parent.Phone, state.Ics);
        if (slots.Count == 1)
        {
            var teacher = round.Teacher(slots[0].TeacherId)!;
            turn.Send(Say.Text("booking.booked", ("child", NameWith(turn, state, children[0])), ("time", Time(slots[0].Start)), ("teacher", teacher.Name), ("room", teacher.Room), ("link", link))
                .WithDate("date", slots[0].Day));
        }
        else
        {
            turn.Send(Say.Text("booking.booked_pair", ("talks", PairTalks(turn, round, slots, children)), ("link", link)).WithDate("date", slots[0].Day));
        }

        if (state.Later.Count > 0)
        {
            // The next child's talk, booked apart.
            state.ChildIds = [state.Later[0]];
            state.Later.RemoveAt(0);
            (state.Offered, state.Chosen, state.Skip) = ([], null, 0);
            return await step.GoToAsync("Offer");
        }

        return await step.EndAsync();
    }

    private static void SayClosed(TurnContext turn, TalkRound round)
    {
        var contact = round.AskWhenClosed ?? turn.Texts.Render(turn.Language, "booking.contact_default", new Dictionary<string, string> { ["phone"] = turn.School.Data.Info.Phone });
        turn.Send(Say.Text("booking.closed", ("round", round.Name), ("time", Time(round.Closes)), ("contact", contact)).WithDate("date", DateOnly.FromDateTime(round.Closes)));
    }

    /// <summary>All times taken: the waiting list, asked as a yes/no (the answer reaches "Choose", which hands it to "Waiting").</summary>
    private static Task<DialogTurnResult> WaitingListPromptAsync(WaterfallStep<State> step, IReadOnlyList<TalkTeacher> teachers, IReadOnlyList<Child> children)
    {
        return step.PromptAsync(WaitingPrompt, new PromptOptions
        {
            Prompt = Say.Text("booking.full", ("teacher", string.Join(", ", teachers.Select(t => t.Name).Distinct())), ("child", Names(step.Turn, children))),
        });
    }

    /// <summary>The time was just taken: the free time nearest to it, to confirm at once (or the waiting list when none is left).</summary>
    private async Task<DialogTurnResult> OfferNearestAsync(WaterfallStep<State> step, TalkRound round, IReadOnlyList<Child> children, DateTime wanted)
    {
        var teachers = children.Select(c => round.TeacherOf(c)!).ToList();
        var all = await OptionsAsync(step.Turn, round, children, teachers);
        if (all.Count == 0)
        {
            // Moving: the talk stays where it is. Booking: the waiting list.
            return step.State.Move ? await step.EndAsync() : await WaitingListPromptAsync(step, teachers, children);
        }

        // The nearest that is not likely gone by the parent's "ja" (this instance is booking it for another parent, or just
        // offered it to one): when many find their time taken at once and share a listing, they are not all sent to
        // the same free time to collide there again. The one offered is read first (up to three): in a race the
        // listing shows times free whose creates are still on their way, and a time offered that is gone already
        // costs the parent another "taken" and another turn. All of them taken: the waiting list, as when the listing
        // shows none free (each was seen taken during this turn).
        var candidates = all
            .OrderBy(o => _store.LikelyTaken(step.Turn.School, round, o, step.State.BookingId))
            .ThenBy(o => Math.Abs((o.Start - wanted).TotalMinutes)).ThenBy(o => o.Start).ToList();
        SlotOption? nearest = null;
        for (var i = 0; i < candidates.Count && nearest is null; i++)
        {
            if (i >= 3 || await _store.AllFreeAsync(step.Turn.School, round, candidates[i], step.Turn.CancellationToken))
            {
                nearest = candidates[i];
            }
        }

        if (nearest is null)
        {
            return step.State.Move ? await step.EndAsync() : await WaitingListPromptAsync(step, teachers, children);
        }

        _store.NoteOffered(step.Turn.School, round, nearest, step.State.BookingId);
        step.State.Offered = [nearest.Refs.ToList()];
        return await step.GoToAsync("Choose", new OfferAnswer(OfferAnswerKind.Pick, 0));
    }

    private async Task<DialogTurnResult> WaitingStep(WaterfallStep<State> step)
    {
        var turn = step.Turn;
        var state = step.State;
        if (step.Result is not true)
        {
            turn.Send("booking.waiting_declined", ("phone", turn.School.Data.Info.Phone));
            return await step.EndAsync();
        }

        var round = Round(turn, state);
        var children = Children(turn, state);
        var places = new List<int>();
        foreach (var child in children)
        {
            var teacher = round.TeacherOf(child)!;
            places.Add(await _store.JoinWaitingListAsync(turn.School, round, teacher.Id, new WaitingEntry
            {
                ChildId = child.Id,
                Child = child.FirstName,
                Parent = turn.Parent.Phone,
                Since = turn.School.Clock.UtcNow,
            }, turn.CancellationToken));
        }

        var teachers = string.Join(", ", children.Select(c => round.TeacherOf(c)!.Name).Distinct());
        turn.Send("booking.waiting_added", ("child", Names(turn, children)), ("teacher", teachers), ("place", places.Max().ToString(CultureInfo.InvariantCulture)));
        return await step.EndAsync();
    }

    /// <summary>The free options for the children: single slots, or back-to-back chains with their different teachers.</summary>
    private async Task<List<SlotOption>> OptionsAsync(TurnContext turn, TalkRound round, IReadOnlyList<Child> children, IReadOnlyList<TalkTeacher> teachers)
    {
        var now = turn.School.Clock.LocalNow;
        var free = new List<IReadOnlyList<Slot>>();
        foreach (var teacher in teachers.DistinctBy(t => t.Id))
        {
            // One listing of the store: what another instance booked a moment ago is not offered.
            var taken = await _store.TakenAsync(turn.School, round, teacher.Id, turn.CancellationToken);
            if (round.SlotsOf(teacher).All(s => s.Start <= now || taken.Contains(s.Key))
                && taken.Count > 0 && await _store.SweepLeftBehindAsync(turn.School, round, teacher.Id, turn.CancellationToken) > 0)
            {
                // Full only because of slots left behind by attempts that stopped halfway: those are free again.
                taken = await _store.TakenAsync(turn.School, round, teacher.Id, turn.CancellationToken);
            }

            free.Add([.. round.SlotsOf(teacher).Where(s => s.Start > now && !taken.Contains(s.Key))]);
        }

        return free.Count == 1 ? SlotFinder.Singles(free[0]) : SlotFinder.BackToBack(free);
    }

    private static Say OptionLabel(SlotOption option, IReadOnlyList<Child> children, IReadOnlyList<TalkTeacher> teachers)
    {
        string Render(string language)
        {
            var first = option.Slots[0];
            var times = option.Slots.Count == 1
                ? Time(first.Start)
                : string.Join(" + ", option.Slots.Select(s => $"{Time(s.Start)} {children[teachers.ToList().FindIndex(t => t.Id == s.TeacherId)].FirstName}"));
            return $"{ShortDate(language, first.Day)} {times}";
        }

        return Say.PerLanguage(Texts.Languages.ToDictionary(l => l, Render));
    }

    private static Say Label(string child, Slot slot, TalkTeacher teacher) =>
        Say.PerLanguage(Texts.Languages.ToDictionary(l => l, l => $"{child}: {ShortDate(l, slot.Day)} {Time(slot.Start)}, {teacher.Name}"));

    private static string PairTalks(TurnContext turn, TalkRound round, IReadOnlyList<Slot> slots, IReadOnlyList<Child> children) =>
        string.Join(", ", slots.Zip(ChildrenInSlotOrder(round, slots, children)).Select(p =>
        {
            var teacher = round.Teacher(p.First.TeacherId)!;
            return turn.Texts.Render(turn.Language, "booking.pair_talk", new Dictionary<string, string>
            {
                ["time"] = Time(p.First.Start),
                ["child"] = p.Second.FirstName,
                ["teacher"] = teacher.Name,
                ["room"] = teacher.Room,
            });
        }));

    private static IEnumerable<Child> ChildrenInSlotOrder(TalkRound round, IReadOnlyList<Slot> slots, IReadOnlyList<Child> children) =>
        slots.Select(s => children.First(c => round.TeacherOf(c)?.Id == s.TeacherId));

    /// <summary>"di 1 dec" / "Tue 1 Dec": short enough for a list of times in one SMS.</summary>
    public static string ShortDate(string language, DateOnly day) =>
        Texts.Supported(language) == Texts.English
            ? day.ToString("ddd d MMM", CultureInfo.InvariantCulture)
            : $"{DutchDays[(int)day.DayOfWeek]} {day.Day} {DutchMonths[day.Month - 1]}";

    public static string Time(DateTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static readonly string[] DutchDays = ["zo", "ma", "di", "wo", "do", "vr", "za"];
    private static readonly string[] DutchMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    /// <summary>The child's name with their brothers and sisters in the same talk ("Lucas en Mila").</summary>
    private static string NameWith(TurnContext turn, State state, Child child) =>
        Names(turn, [child, .. (state.With.TryGetValue(child.Id, out var together) ? together : []).Select(id => turn.Parent.Children.First(c => c.Id == id))]);

    private static string Names(TurnContext turn, IReadOnlyList<Child> children) =>
        children.Count == 1 ? children[0].FirstName : string.Join(turn.Language == Texts.English ? " and " : " en ", children.Select(c => c.FirstName));

    /// <summary>The parent's children whose group takes part in a round.</summary>
    internal static List<Child> BookableChildren(TurnContext turn) =>
        [.. turn.Parent.Children.Where(c => turn.School.Data.TalkRounds.Any(r => r.Takes(c.GroupId)))];

    private static List<Child> Named(TurnContext turn, string? text)
    {
        if (text is null)
        {
            return [];
        }

        var tokens = Texts.Tokenize(text);
        return [.. turn.Parent.Children.Where(c => tokens.Contains(Texts.Normalize(c.FirstName)) || tokens.Contains(Texts.Normalize(c.FirstName) + "s"))];
    }

    /// <summary>The round for these children: open now, else the next to open, else the last that closed.</summary>
    internal static TalkRound? RoundFor(SchoolContext school, IReadOnlyList<Child> children, DateTime now)
    {
        var rounds = school.Data.TalkRounds.Where(r => children.Count > 0 && children.All(c => r.TeacherOf(c) is not null)).ToList();
        return rounds.Where(r => r.IsOpen(now)).OrderBy(r => r.Closes).FirstOrDefault()
            ?? rounds.Where(r => r.Opens > now).OrderBy(r => r.Opens).FirstOrDefault()
            ?? rounds.OrderByDescending(r => r.Closes).FirstOrDefault();
    }

    private static TalkRound Round(TurnContext turn, State state) => turn.School.Data.TalkRounds.First(r => r.Id == state.RoundId);

    private static List<Child> Children(TurnContext turn, State state) =>
        [.. state.ChildIds.Select(id => turn.Parent.Children.First(c => c.Id == id))];

    private static List<Slot> Slots(TalkRound round, IEnumerable<string> refs) =>
        [.. refs.Select(r => r.Split('|')).Select(p => round.FindSlot(p[0], p[1])).OfType<Slot>()];
}
