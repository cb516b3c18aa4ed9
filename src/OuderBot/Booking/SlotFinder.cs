namespace OuderBot.Booking;

/// <summary>What a parent can pick: one slot, or a chain of back-to-back slots with different teachers (siblings).</summary>
public sealed record SlotOption(IReadOnlyList<Slot> Slots)
{
    public DateTime Start => Slots[0].Start;

    /// <summary>Stored in the dialog's state: "teacher|2026-12-01T15:00" per slot.</summary>
    public IReadOnlyList<string> Refs => [.. Slots.Select(s => $"{s.TeacherId}|{s.Key}")];
}

/// <summary>The options a parent is offered, and whether they fit the wish (false: the nearest instead).</summary>
public sealed record Offer(IReadOnlyList<SlotOption> Options, bool Fits, bool MoreAfter);

/// <summary>
/// Which free slots a parent gets offered: the earliest, or those that fit their wish, a few at a time; when nothing
/// fits, the nearest. For children with different teachers: chains of slots on one day, one per teacher, each next talk
/// starting at most <see cref="WalkTime"/> after the previous one ends (to walk to the next classroom).
/// </summary>
public static class SlotFinder
{
    public static readonly TimeSpan WalkTime = TimeSpan.FromMinutes(5);

    public const int PageSize = 3;

    public static List<SlotOption> Singles(IEnumerable<Slot> free) => [.. free.OrderBy(s => s.Start).Select(s => new SlotOption([s]))];

    /// <summary>Chains of back-to-back slots, one per teacher (any order of the teachers), in order of their start.</summary>
    public static List<SlotOption> BackToBack(IReadOnlyList<IReadOnlyList<Slot>> freePerTeacher)
    {
        var chains = new List<SlotOption>();
        void Extend(List<Slot> chain, HashSet<int> used)
        {
            if (used.Count == freePerTeacher.Count)
            {
                chains.Add(new SlotOption([.. chain]));
                return;
            }

            for (var t = 0; t < freePerTeacher.Count; t++)
            {
                if (used.Contains(t))
                {
                    continue;
                }

                foreach (var slot in freePerTeacher[t])
                {
                    var fits = chain.Count == 0
                        || (slot.Day == chain[^1].Day && slot.Start >= chain[^1].End && slot.Start - chain[^1].End <= WalkTime);
                    if (fits)
                    {
                        chain.Add(slot);
                        used.Add(t);
                        Extend(chain, used);
                        used.Remove(t);
                        chain.RemoveAt(chain.Count - 1);
                    }
                }
            }
        }

        Extend([], []);
        // One option per start time: the parent picks a time, the order of the teachers follows.
        return [.. chains.OrderBy(c => c.Start).DistinctBy(c => c.Start)];
    }

    /// <summary>A page of options for the wish: those that fit it (earliest first, or latest first), else the nearest.</summary>
    public static Offer Choose(IReadOnlyList<SlotOption> all, TalkWish? wish, int skip = 0, int count = PageSize)
    {
        wish ??= new TalkWish();
        var fitting = all.Where(o => wish.Fits(o.Start)).ToList();
        var fits = fitting.Count > 0 || !wish.Narrows;
        IEnumerable<SlotOption> ordered = fits
            ? (wish.Latest ? fitting.OrderByDescending(o => o.Start) : fitting.OrderBy(o => o.Start))
            : all.OrderBy(o => wish.Distance(o.Start)).ThenBy(o => o.Start);
        var list = ordered.ToList();
        skip = list.Count == 0 ? 0 : skip % list.Count;
        var page = list.Skip(skip).Take(count).ToList();
        if (!fits)
        {
            page = [.. page.OrderBy(o => o.Start)];
        }

        return new Offer(page, fits, list.Count > skip + count || (skip > 0 && list.Count > count));
    }
}
