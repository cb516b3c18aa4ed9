using System.Text.Json;
using Microsoft.Extensions.Options;
using OuderBot.Bot;

namespace OuderBot.Booking;

/// <summary>What a waiting-list offer is about: which slot, for which child, until when.</summary>
public sealed record WaitingOffer(string Round, string Teacher, string Slot, string ChildId, DateTimeOffset Until);

/// <summary>
/// A slot that frees up (cancelled, moved, or an offer that ran out) goes to the first parent on the teacher's waiting
/// list: the slot is held for them and the bot asks them (a question it starts, through the outbox with quiet hours).
/// They have the round's offer time (default 12 hours, from when the question can reach them after quiet hours, never
/// past the round's close) to say "ja"; then it goes to the next.
/// </summary>
public sealed class WaitingList(BookingStore store, IServiceProvider services, ILogger<WaitingList> logger)
{
    // The dialogs use this list, and the bot's conversations use the dialogs: resolved when first needed.
    private ProactiveConversations Proactive => services.GetRequiredService<ProactiveConversations>();

    public async Task SlotFreedAsync(SchoolContext school, TalkRound round, string teacherId, CancellationToken cancellationToken)
    {
        var now = school.Clock.UtcNow;
        var local = school.Clock.LocalNow;
        if (round.Teacher(teacherId) is not { } teacher || local >= round.Closes)
        {
            return;
        }

        var waiting = await store.WaitingAsync(school, round, teacherId, cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var taken = await store.TakenAsync(school, round, teacherId, cancellationToken);
        var free = round.SlotsOf(teacher).Where(s => s.Start > local && !taken.Contains(s.Key)).ToList();
        if (free.Count == 0 && await store.SweepLeftBehindAsync(school, round, teacherId, cancellationToken) > 0)
        {
            taken = await store.TakenAsync(school, round, teacherId, cancellationToken);
            free = [.. round.SlotsOf(teacher).Where(s => s.Start > local && !taken.Contains(s.Key))];
        }

        foreach (var (key, entry) in waiting)
        {
            if (free.Count == 0)
            {
                return;
            }

            if (entry.OfferedUntil > now)
            {
                continue; // holds an offer already
            }

            if (school.Data.FindParent(entry.Parent) is not { } parent || parent.Children.FirstOrDefault(c => c.Id == entry.ChildId) is not { } child
                || (await store.OfChildrenAsync(school, [child], cancellationToken)).Any(t => t.Round.Id == round.Id && t.Teacher.Id == teacherId))
            {
                await store.LeaveWaitingListAsync(school, round, teacherId, entry.ChildId, cancellationToken);
                continue;
            }

            // The offer time counts from when the question can reach the parent (quiet hours hold it till the morning).
            var closes = school.Clock.ToInstant(round.Closes);
            var reaches = services.GetRequiredService<OuderBot.Outbox.Outbox>().NextAllowed(school, now);
            var until = reaches + round.OfferTime < closes ? reaches + round.OfferTime : closes;

            // The entry first, with the ETag read: two instances freeing slots at once never hold two for one parent.
            if (!await store.ClaimForOfferAsync(key, now, until, cancellationToken))
            {
                continue;
            }

            var held = false;
            foreach (var slot in free.ToList())
            {
                free.Remove(slot);
                if (!await store.HoldAsync(school, round, teacherId, slot.Key, entry, until, cancellationToken))
                {
                    continue;
                }

                held = true;
                await store.MarkOfferedAsync(school, key, slot.Key, until, cancellationToken);
                var offer = new WaitingOffer(round.Id, teacherId, slot.Key, entry.ChildId, until);
                await Proactive.StartAsync(school, parent, new ProactiveStart(
                    $"booking-offer-{round.Id}-{teacherId}-{slot.Start:yyyyMMddHHmm}-{entry.ChildId}-{until.UtcTicks}",
                    WaitingOfferDialog.DialogId,
                    JsonSerializer.SerializeToElement(offer, BookingStore.Json),
                    "waiting-list offer"), cancellationToken);
                logger.LogInformation("Booking: a freed slot of {Teacher} in {Round} offered to the first on the waiting list", teacherId, round.Id);
                break;
            }

            if (!held)
            {
                await store.UnclaimAsync(key, cancellationToken);
            }
        }
    }

    /// <summary>Offers whose time ran out: the slot is freed, the parent leaves the list, the next one is asked.</summary>
    public async Task ExpireAsync(SchoolContext school, CancellationToken cancellationToken)
    {
        foreach (var (marker, round, teacherId, slot) in await store.ExpiredHoldsAsync(school, school.Clock.UtcNow, cancellationToken))
        {
            if (await store.SlotAsync(school, round, teacherId, slot, cancellationToken) is { HeldUntil: not null } held
                && await store.ReleaseHoldAsync(school, round, teacherId, slot, held.ChildId, cancellationToken))
            {
                await store.LeaveWaitingListAsync(school, round, teacherId, held.ChildId, cancellationToken);
            }

            await store.DeleteMarkerAsync(marker, cancellationToken);
            await SlotFreedAsync(school, round, teacherId, cancellationToken);
        }
    }
}

/// <summary>Configuration of the waiting list's background check.</summary>
public sealed class WaitingListOptions
{
    public const string Section = "Booking";

    /// <summary>How often each instance looks for offers that ran out.</summary>
    public TimeSpan WaitingPollInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>On every instance: offers that ran out go to the next on the waiting list (each hold is released once, by its ETag).</summary>
internal sealed class WaitingListWorker(Schools schools, WaitingList waiting, IOptionsMonitor<WaitingListOptions> options, OuderBot.Storage.StoreReadiness readiness, ILogger<WaitingListWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitUntilReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var school in schools.All.Where(s => s.Data.TalkRounds.Count > 0))
            {
                try
                {
                    await waiting.ExpireAsync(school, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Booking: the waiting list of {School} could not be checked; trying again", school.Id);
                }
            }

            await Task.Delay(options.CurrentValue.WaitingPollInterval, stoppingToken);
        }
    }
}
