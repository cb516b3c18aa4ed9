using System.Globalization;
using System.Text.RegularExpressions;
using OuderBot.Dialogs;

namespace OuderBot.Understanding;

/// <summary>A day, a range of days or a time that a message mentions, resolved against the school's "now".</summary>
/// <param name="Start">First day.</param>
/// <param name="End">Last day; equal to <paramref name="Start"/> for one day; null when open-ended ("tot hij beter is").</param>
/// <param name="Time">A time of day ("om 10 uur", "vanaf 11 uur").</param>
/// <param name="TimeEnd">An end time ("tot 11.30").</param>
/// <param name="Part">"morning" or "afternoon" when only a part of the day is named ("vanochtend").</param>
public sealed record DateMention(DateOnly Start, DateOnly? End, TimeOnly? Time = null, TimeOnly? TimeEnd = null, string? Part = null);

/// <summary>
/// Finds the dates and times in a Dutch or English message. Our own parser (Microsoft.Recognizers.Text does not
/// restore here), following the rules in README.md "Dates and times": weekdays are Monday to Friday, a weekday name
/// alone is the first such day on or after today, "aanstaande"/"next" the first after today, a range without a start
/// starts today (or the next weekday), a time without a date is today, and a bare hour 1-6 is in the afternoon.
/// </summary>
public sealed partial class DateTimeParser
{
    public const string Morning = "morning";
    public const string Afternoon = "afternoon";

    // Internal: an evening day part only turns its times into evening hours; it is not reported as a part.
    private const string Evening = "evening";

    private static readonly Dictionary<string, DayOfWeek> Weekdays = BuildWeekdays();

    /// <summary>Whether the word names a weekday ("vrijdag", "vr", "friday").</summary>
    public static bool IsWeekday(string word) => Weekdays.ContainsKey(word);

    /// <summary>Whether the word names a school day from today on: a weekday, "vandaag", "morgen", "overmorgen", "today", "tomorrow".</summary>
    public static bool IsComingDayWord(string word) => IsWeekday(word) || word is "vandaag" or "morgen" or "overmorgen" or "today" or "tomorrow";
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly string[] DayWords =
    [
        "vandaag", "morgen", "overmorgen", "gisteren", "today", "tomorrow", "yesterday",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "monday", "tuesday", "wednesday", "thursday", "friday",
    ];

    private static readonly HashSet<string> NotDayTypos = new(StringComparer.Ordinal)
    {
        "mogen", "morgens", "morgan", "vandaan", "vandaar", "maandags", "dinsdags", "woensdags", "donderdags", "vrijdags",
        "zaterdags", "zondags", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "todays", "tomorrows",
    };

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["een"] = 1,
        ["twee"] = 2,
        ["drie"] = 3,
        ["vier"] = 4,
        ["vijf"] = 5,
        ["zes"] = 6,
        ["zeven"] = 7,
        ["acht"] = 8,
        ["negen"] = 9,
        ["tien"] = 10,
        ["elf"] = 11,
        ["twaalf"] = 12,
        ["kwart"] = 15,
        ["twintig"] = 20,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["quarter"] = 15,
        ["twenty"] = 20,
    };

    private static readonly string[][] OpenEnded =
    [
        ["tot", "*", "beter", "is"], ["tot", "*", "weer", "beter", "is"], ["tot", "*", "beter"], ["tot", "*", "hersteld", "is"],
        ["voorlopig"], ["tot", "nader", "bericht"], ["tot", "nader", "order"], ["onbepaalde", "tijd"],
        ["until", "*", "is", "better"], ["until", "*", "better"], ["until", "*", "feels", "better"], ["until", "*", "recovers"],
        ["until", "*", "is", "well"], ["until", "further", "notice"], ["for", "the", "time", "being"], ["for", "now"],
    ];

    private static readonly string[][] ThisWeek =
    [
        ["de", "rest", "van", "de", "week"], ["rest", "van", "de", "week"], ["de", "rest", "van", "week"], ["rest", "van", "week"], ["de", "hele", "week"], ["hele", "week"], ["heel", "de", "week"],
        ["deze", "week"], ["the", "rest", "of", "the", "week"], ["rest", "of", "the", "week"], ["the", "whole", "week"],
        ["whole", "week"], ["all", "week"], ["this", "week"],
    ];

    /// <summary>What "tot het eind van" ends with for this week's Friday.</summary>
    private static readonly string[][] TheWeek = [["de", "week"], ["the", "week"], ["deze", "week"], ["this", "week"], ["week"]];

    private static readonly string[][] NextWeek = [["volgende", "week"], ["next", "week"], ["komende", "week"]];

    private static readonly string[][] UntilWords = [["up", "to", "and", "including"], ["until", "and", "including"], ["till", "and", "including"], ["to", "and", "including"], ["tot", "en", "met"], ["tot", "met"], ["t/m"], ["tm"], ["tot"], ["until"], ["till"], ["til"], ["through"], ["thru"], ["up", "to"]];

    public IReadOnlyList<DateMention> Parse(string text, DateTime now)
    {
        var tokens = Tokenize(text);
        var today = DateOnly.FromDateTime(now);
        var items = new List<Item>();
        for (var i = 0; i < tokens.Count;)
        {
            var before = items.Count;
            var next = Scan(tokens, i, today, items);
            i = next > i ? next : i + 1;
            for (var k = before; k < items.Count; k++)
            {
                // An expression that read several days ("14 en 16 december") gave each its own end already.
                items[k] = items[k].Next > 0 ? items[k] : items[k] with { Next = i };
            }
        }

        DropOnsets(tokens, items, today);
        DropReturns(tokens, items, today);
        DropHedges(tokens, items);
        StartAtTheNamedDay(tokens, items, now);
        Alternatives(tokens, items);
        DropQualifiers(items);
        MergeAdjacent(tokens, items);
        return WithoutRepeats(Assemble(tokens, items, today));
    }

    /// <summary>
    /// "vanaf morgen de rest van de week", "from tomorrow until the end of the week", "vanaf woensdag tot hij beter is":
    /// a stretch that names no start of its own starts at the day said before it. Else, said after school (from 16:00),
    /// it starts on the next weekday: "de rest van de week" on a Wednesday evening is Thursday and Friday.
    /// </summary>
    private static void StartAtTheNamedDay(List<string> t, List<Item> items, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        for (var k = 0; k < items.Count; k++)
        {
            var x = items[k];
            if (x.Kind != ItemKind.Days || !x.Implicit)
            {
                continue;
            }

            var named = items.FindIndex(d => d.Kind == ItemKind.Days && !d.Implicit && d.End == d.Start && d.Part is null && d.Start >= today
                && d.Next <= x.Position && x.Position - d.Next <= 1 && (FromWord(t[d.Position]) || (d.Position > 0 && FromWord(t[d.Position - 1])))
                && (x.End is null || d.Start <= x.End));
            if (named >= 0)
            {
                items[k] = x with { Start = items[named].Start, Position = items[named].Position, Implicit = false };
                items.RemoveAt(named);
                k = -1;
                continue;
            }

            if (now.Hour >= 16 && x.Start == today && today.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                var next = today.AddDays(today.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
                items[k] = x with { Start = x.End is { } end && end < next ? x.Start : next };
            }
        }
    }

    private static bool FromWord(string word) => word is "vanaf" or "van" or "from" or "since" or "per";

    private static bool Negated(List<string> t, int from, int to) =>
        Enumerable.Range(Math.Max(0, from - 6), Math.Min(t.Count, to + 3) - Math.Max(0, from - 6))
            .Any(j => t[j] is "niet" or "not" or "geen" or "wont" or "cant" or "cannot" || (t[j] is "won" or "can" or "isn" or "aren" && j + 1 < t.Count && t[j + 1] == "t"));

    /// <summary>
    /// "donderdag of vrijdag", "Thursday or Friday": one of two days, which the message does not say; neither is
    /// reported (the absence dialog asks for the day). Said with a negation ("won't be in Thursday or Friday",
    /// "komt donderdag of vrijdag niet") it is both days.
    /// </summary>
    private static void Alternatives(List<string> t, List<Item> items)
    {
        for (var k = 0; k + 1 < items.Count; k++)
        {
            var (a, b) = (items[k], items[k + 1]);
            if (a.Kind != ItemKind.Days || b.Kind != ItemKind.Days || b.Position - a.Next != 1 || t[a.Next] is not ("of" or "or"))
            {
                continue;
            }

            if (Negated(t, a.Position, b.Next))
            {
                t[a.Next] = "en";
                continue;
            }

            items.RemoveRange(k, 2);
            k--;
        }
    }

    /// <summary>"en woensdag zien we wel", "morgen kijken we verder", "tomorrow we'll see": a day not yet decided, beside the days away.</summary>
    private static void DropHedges(List<string> t, List<Item> items)
    {
        bool Hedged(Item x)
        {
            var clause = ClauseAround(t, x.Position, x.Next).ToList();
            return (clause.Contains("we") && clause.Any(w => w is "zien" or "kijken" or "see")) || clause.Contains("afwachten");
        }

        if (items.Count(x => x.Kind == ItemKind.Days) > 1)
        {
            items.RemoveAll(x => x.Kind == ItemKind.Days && Hedged(x) && items.Any(o => o != x && o.Kind == ItemKind.Days && !Hedged(o)));
        }
    }

    /// <summary>
    /// Words beside the days away that name no day away of their own: "deze week" beside the days it holds ("Mon and
    /// Wed this week"), and an evening without a time beside another day ("heeft vanavond koorts gekregen, blijft morgen
    /// thuis"): an evening is no school time.
    /// </summary>
    private static void DropQualifiers(List<Item> items)
    {
        bool Named(Item x) => x.Kind == ItemKind.Days && !x.IsWeek && x.Part != Evening;
        items.RemoveAll(x => x.Kind == ItemKind.Days && x.IsWeek && items.Any(o => Named(o) && o.Start >= x.Start && o.End <= x.End));
        items.RemoveAll(x => x.Kind == ItemKind.Days && x.Part == Evening && x.Time is null && items.Any(o => Named(o) && o.Start != x.Start));
    }

    /// <summary>
    /// A day said again inside a stretch already said, without a time of its own: "ziek vandaag en morgen, de dokter
    /// komt vanmiddag", "morgen niet, morgenvroeg naar de eerste hulp", "van maandag 14 t/m woensdag 16 december".
    /// The stretch is the day away.
    /// </summary>
    private static List<DateMention> WithoutRepeats(List<DateMention> mentions) =>
        [.. mentions.Where(m => m.Time is not null || !mentions.Any(o => !ReferenceEquals(o, m) && o.Time is null && o.Part is null && Holds(o, m)))];

    /// <summary>Whether <paramref name="o"/> runs over all of <paramref name="m"/> and is more than it: a longer stretch, or the whole day of a part.</summary>
    private static bool Holds(DateMention o, DateMention m) =>
        o.Start <= m.Start && (o.End is null || (m.End is { } end && end <= o.End)) && (o.Start != m.Start || o.End != m.End || m.Part is not null);

    private static readonly HashSet<string> PastVerbs = new(StringComparer.Ordinal)
    {
        "was", "waren", "geweest", "had", "hadden", "bleef", "bleven", "lag", "kwam", "kwamen", "gemist", "miste",
        "gebleven", "thuisgebleven", "were", "missed", "stayed", "didnt", "wasnt",
    };

    private static readonly HashSet<string> Future = new(StringComparer.Ordinal)
    {
        "blijft", "komt", "gaat", "zal", "wordt", "moet", "will", "kan", "mag", "wil", "can", "going",
        "morgen", "vandaag", "tomorrow", "today", "aanstaande", "volgende", "next",
    };

    private static bool IsBreak(string token) => token is "," or ".";

    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal) { ",", ".", "en", "and", "maar", "but", "want", "omdat", "because", "dus", "so", "dat", "that", "die" };

    /// <summary>Whether the weekday at <paramref name="i"/> stands in a clause in the past tense ("Tim was vrijdag ziek").</summary>
    private static bool InPastClause(List<string> t, int i)
    {
        var past = false;
        // "dinsdag en woensdag": days joined by "en" share their clause.
        bool Break(int j) => ClauseBreaks.Contains(t[j]) && !(t[j] is "en" or "and" && ((j > 0 && IsWeekday(t[j - 1])) || (j + 1 < t.Count && IsWeekday(t[j + 1]))));
        for (var j = i - 1; j >= Math.Max(0, i - 6) && !Break(j); j--)
        {
            past |= PastVerbs.Contains(t[j]);
            if (Future.Contains(t[j]))
            {
                return false;
            }
        }

        for (var j = i + 1; j < Math.Min(t.Count, i + 6) && !Break(j); j++)
        {
            past |= PastVerbs.Contains(t[j]);
            if (Future.Contains(t[j]))
            {
                return false;
            }
        }

        return past;
    }

    private static readonly HashSet<string> OnsetWords = new(StringComparer.Ordinal)
    {
        "geworden", "begonnen", "gekregen", "opgelopen", "became", "got", "started", "fell", "began",
    };

    /// <summary>
    /// "gisteren ziek geworden en blijft vandaag thuis": the day an illness began, beside the day the child is away,
    /// is no day of absence. Alone ("is gisteren ziek geworden") it is the only day said and stays.
    /// </summary>
    private static void DropOnsets(List<string> t, List<Item> items, DateOnly today)
    {
        if (!items.Any(x => x.Kind == ItemKind.Days && x.Start >= today))
        {
            return;
        }

        // "sinds zondag koorts, vandaag thuis": the day a symptom began, beside a day away, is no day away either; but
        // "sinds zaterdag ziek, morgen nog niet naar school" says the absence goes on ("nog", "still") from that day.
        var goesOn = t.Any(w => w is "nog" or "still");
        items.RemoveAll(x => x.Kind == ItemKind.Days && x.Start < today && x.End == x.Start
            && (Enumerable.Range(x.Position - 2, 6).Any(j => j >= 0 && j < t.Count && OnsetWords.Contains(t[j]))
                || (!goesOn && x.Position > 0 && t[x.Position - 1] is "sinds" or "since")));
    }

    private static readonly HashSet<string> ReturnWords = new(StringComparer.Ordinal) { "terug", "back", "return", "returns", "returning", "hersteld" };

    /// <summary>
    /// "t/m woensdag ziek, donderdag is hij er weer", "back on Thursday": the day a child returns is no day away. Beside
    /// the days away it is dropped; alone it ends a range from today to the school day before it.
    /// </summary>
    private static void DropReturns(List<string> t, List<Item> items, DateOnly today)
    {
        for (var k = items.Count - 1; k >= 0; k--)
        {
            var x = items[k];
            var others = items.Any(o => o != x && o.Kind == ItemKind.Days);
            if (x.Kind != ItemKind.Days || x.End != x.Start || x.Start!.Value < today || !SaysReturn(t, x, others))
            {
                continue;
            }

            if (others)
            {
                items.RemoveAt(k);
                continue;
            }

            var last = x.Start.Value.AddDays(-1);
            while (last.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                last = last.AddDays(-1);
            }

            var start = ImplicitStart(today);
            items[k] = x with { Start = start, End = last >= start ? last : start, Part = null };
        }
    }

    /// <summary>Whether the clause of a day says the child is back then ("er weer", "weer naar school", "terug", "back").</summary>
    private static bool SaysReturn(List<string> t, Item x, bool others)
    {
        var from = x.Position;
        while (from > 0 && from > x.Position - 5 && !ClauseBreaks.Contains(t[from - 1]))
        {
            from--;
        }

        var to = x.Next;
        while (to < t.Count && to < x.Next + 6 && !ClauseBreaks.Contains(t[to]))
        {
            to++;
        }

        var clause = t.GetRange(from, to - from);
        if (clause.Any(w => w is "ziek" or "sick" or "thuis" or "home" or "afwezig" or "absent" or "niet" or "not" or "geen" or "tandarts" or "dokter" or "arts" or "ziekenhuis"))
        {
            return false;
        }

        for (var j = 0; j < clause.Count; j++)
        {
            // "is er weer", "weer naar school"; beside the days away also "is weer beter", and present as usual: "dinsdag
            // is hij er gewoon" (alone, "morgen gaat hij gewoon naar school" is a day at school, read by the absence reader).
            if (ReturnWords.Contains(clause[j]) || (clause[j] == "weer" && clause.Any(w => w is "er" or "school" or "naar" or "komt" or "gaat" or "aanwezig" || (others && w == "beter")))
                || (others && clause[j] == "gewoon" && clause.Any(w => w is "er" or "school")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "vandaag en morgen", "donderdag en vrijdag", "ma, di", "wo do vr": two days in a row joined by "en"/"and", a comma
    /// or nothing (weekdays side by side, as parents type a list) are one range; days apart ("woensdag en vrijdag") stay two.
    /// </summary>
    private static void MergeAdjacent(List<string> t, List<Item> items)
    {
        for (var k = 0; k + 1 < items.Count;)
        {
            var (a, b) = (items[k], items[k + 1]);
            // Side by side, both must be day names ("wo do vr"), not a day and a date or a time.
            var joiner = (b.Position - a.Next == 1 && t[a.Next] is "en" or "and" or ",") || (b.Position == a.Next && SideBySide(t[a.Next - 1], t[b.Position]));
            var joined = a.Kind == ItemKind.Days && b.Kind == ItemKind.Days && !a.IsOpen && !b.IsOpen && a.Part is null && b.Part is null
                && a.End is { } end && b.Start == end.AddDays(1) && a.Position < b.Position && joiner;
            if (joined)
            {
                items[k] = a with { End = b.End, Next = b.Next };
                items.RemoveAt(k + 1);
                continue;
            }

            k++;
        }
    }

    private static bool IsDayName(string word) => IsWeekday(word) || word == "do";

    /// <summary>"wo do vr", "vandaag dinsdag en woensdag": day words side by side, at least one a weekday.</summary>
    private static bool SideBySide(string a, string b) =>
        (IsDayName(a) || IsComingDayWord(a)) && (IsDayName(b) || IsComingDayWord(b)) && (IsDayName(a) || IsDayName(b));

    // ---- Scanning: each step recognises one expression at position i and returns the position after it. ----

    private static int Scan(List<string> t, int i, DateOnly today, List<Item> items)
    {
        // Open-ended: "tot hij beter is", "voorlopig", "until she is better", "until he's better".
        if (t[i] is "tot" or "until" or "till" or "til" && Enumerable.Range(i + 1, 4).FirstOrDefault(j => j < t.Count && t[j] is "beter" or "better" or "hersteld" or "recovered" or "recovers", -1) is var better and > 0
            && !Enumerable.Range(i + 1, better - i - 1).Any(j => TryDay(t, j, today, out _, out _, out _)))
        {
            items.Add(Item.Days(i, ImplicitStart(today), null) with { Implicit = true });
            return better + 1 < t.Count && t[better + 1] is "is" or "zijn" or "wordt" ? better + 2 : better + 1;
        }

        foreach (var pattern in OpenEnded)
        {
            if (Match(t, i, pattern) is { } end)
            {
                items.Add(Item.Days(i, ImplicitStart(today), null) with { Implicit = true });
                return end;
            }
        }

        // "t/m volgende week", "until next week": from the implicit start through Friday of next week.
        foreach (var until in UntilWords)
        {
            if (Match(t, i, until) is { } afterUntil0 && SkipEndOf(t, afterUntil0) is var afterUntil && NextWeek.Select(p => Match(t, afterUntil, p)).FirstOrDefault(m => m is not null) is { } end
                && !(end < t.Count && Weekdays.ContainsKey(t[end])))
            {
                items.Add(Item.Days(i, ImplicitStart(today), Friday(MondayOf(today).AddDays(7))) with { Implicit = true });
                return end;
            }
        }

        // "tot het eind van de week", "until the end of the week": from the implicit start through this Friday.
        foreach (var until in UntilWords)
        {
            if (Match(t, i, until) is { } afterUntil1 && SkipEndOf(t, afterUntil1) is var afterEnd && afterEnd > afterUntil1
                && TheWeek.Select(p => Match(t, afterEnd, p)).FirstOrDefault(m => m is not null) is { } weekEnd)
            {
                var start = ImplicitStart(today);
                items.Add(Item.Days(i, start, Friday(MondayOf(start))) with { Implicit = true });
                return weekEnd;
            }
        }

        // "deze week", "de hele week", "rest of the week".
        foreach (var pattern in ThisWeek)
        {
            if (Match(t, i, pattern) is { } end)
            {
                var start = ImplicitStart(today);
                items.Add(Item.Days(i, start, Friday(MondayOf(start))) with { IsWeek = true, Implicit = true });
                return end;
            }
        }

        // "volgende week van dinsdag t/m donderdag", "next week from Tuesday to Thursday": those days of next week.
        foreach (var pattern in NextWeek)
        {
            if (Match(t, i, pattern) is { } end && end + 1 < t.Count && t[end] is "van" or "from" or "op" or "on" && Weekdays.ContainsKey(StripPart(t[end + 1]).Day))
            {
                var inner = new List<Item>();
                var after = Scan(t, end, today, inner);
                var monday = MondayOf(today).AddDays(7);
                foreach (var x in inner)
                {
                    if (x is { Kind: ItemKind.Days, Start: { } s } && s < monday)
                    {
                        var shift = monday.AddDays(DaysFromMonday(s.DayOfWeek)).DayNumber - s.DayNumber;
                        items.Add(x with { Position = i, Start = s.AddDays(shift), End = x.End?.AddDays(shift) });
                    }
                    else
                    {
                        items.Add(x);
                    }
                }

                return after;
            }
        }

        // "volgende week" alone (not "volgende week dinsdag"): Monday to Friday of next week.
        foreach (var pattern in NextWeek)
        {
            if (Match(t, i, pattern) is { } end && !(end < t.Count && Weekdays.ContainsKey(StripPart(t[end]).Day)))
            {
                var monday = MondayOf(today).AddDays(7);
                items.Add(Item.Days(i, monday, Friday(monday)));
                // "volgende week de hele week": the whole of next week, not also this one.
                return ThisWeek.Select(p => Match(t, end, p)).FirstOrDefault(m => m is not null) ?? end;
            }
        }

        // Time ranges and bounds: "van 10 tot 11.30", "tussen 2 en 3", "na 3 uur", "vanaf 11 uur", "tot 10 uur".
        if (ScanTimes(t, i, items) is { } afterTime)
        {
            return afterTime;
        }

        // Separate dates said once with their month: "op 14 en 16 december", "donderdag 10 en vrijdag 11 december".
        if (DatesOfOneMonth(t, i, today, items) is { } afterDates)
        {
            return afterDates;
        }

        // Day ranges: "van maandag tot woensdag", "maandag t/m woensdag", "t/m vrijdag".
        var fromWord = t[i] is "van" or "from" ? i + 1 : i;
        if (DaysBorrowingTheMonth(t, fromWord, today) is { } borrowed)
        {
            items.Add(Item.Days(i, borrowed.First, borrowed.Last));
            return borrowed.Next;
        }

        if (TryDay(t, fromWord, today, out var first, out var afterFirst, out var firstPart))
        {
            if (UntilAt(t, afterFirst) is { } afterUntil && TryDay(t, afterUntil, today, out var last, out var afterLast, out _)
                && (last >= first || (last.AddDays(7) >= first && Weekdays.ContainsKey(t[afterUntil] is "op" or "on" ? t[Math.Min(afterUntil + 1, t.Count - 1)] : t[afterUntil]))))
            {
                // "van vrijdag t/m maandag": the end is the first such day on or after the start.
                if (last < first)
                {
                    last = last.AddDays(7);
                }

                items.Add(Item.Days(i, first, last));
                return afterLast;
            }

            // "van 27-11 t/m 25-11": an end before the start, kept as said so that the reader can ask which is meant.
            if (UntilAt(t, afterFirst) is { } afterDateUntil && TryDayMonth(t, afterDateUntil, today, out var earlier, out var afterEarlier) && earlier < first)
            {
                items.Add(Item.Days(i, first, earlier));
                return afterEarlier;
            }

            items.Add(Item.Days(i, first, first, firstPart));
            return afterFirst;
        }

        if (UntilAt(t, i) is { } afterBareUntil && TryDay(t, afterBareUntil, today, out var until2, out var afterUntilDay, out _))
        {
            var start = ImplicitStart(today);
            items.Add(Item.Days(i, start, until2 >= start ? until2 : start) with { Implicit = true });
            return afterUntilDay;
        }

        // Parts of the day with their own day: "vanochtend", "vanmiddag", "this afternoon".
        switch (t[i])
        {
            case "vanochtend" or "vanmorgen" or "vanochtendvroeg":
                items.Add(Item.Days(i, today, today, Morning));
                return i + 1;
            case "vanmiddag":
                items.Add(Item.Days(i, today, today, Afternoon));
                return i + 1;
            case "vanavond" or "tonight":
                items.Add(Item.Days(i, today, today, Evening));
                return i + 1;
        }

        if (t[i] == "this" && i + 1 < t.Count && PartWord(t[i + 1]) is { } thisPart)
        {
            items.Add(Item.Days(i, today, today, thisPart));
            return i + 2;
        }

        // A part of the day for a day named elsewhere: "in de ochtend", "'s middags", "in the afternoon"; "komt na de
        // lunch", "back after lunch": coming after lunch misses the morning.
        if (PartPhrase(t, i) is { } part)
        {
            var lunch = part.Part == Afternoon && Enumerable.Range(i, part.Next - i).Any(j => t[j].StartsWith("lunch", StringComparison.Ordinal) || t[j].StartsWith("middag", StringComparison.Ordinal));
            items.Add(Item.PartOnly(i, lunch && Comes(t, i, part.Next) && !Leaves(t, i, part.Next) ? Morning : part.Part));
            return part.Next;
        }

        // "komt rond de lunch", "bring her back at lunch": the morning missed; "gaat voor de lunch naar huis": the afternoon.
        foreach (var point in LunchPoints)
        {
            if (Match(t, i, point) is { } afterPoint && (Comes(t, i, afterPoint) ^ Leaves(t, i, afterPoint)))
            {
                items.Add(Item.PartOnly(i, Comes(t, i, afterPoint) ? Morning : Afternoon));
                return afterPoint;
            }
        }

        // "mist de ochtend", "misses the morning", "Sem ochtend niet op school", "gaat middag naar huis": the half away.
        if (MissedHalf(t, i) is { } missed)
        {
            items.Add(Item.PartOnly(i, missed.Part));
            return missed.Next;
        }

        // A time on its own: "om 15:00", "15u", "3pm", "half 4", "kwart over 2", and about then: "at about 10", "rond
        // een uur of 10", "ongeveer om 10 uur" (not "about 10 minutes late").
        var approx = i;
        while (approx < t.Count && Approximately.Contains(t[approx]))
        {
            approx++;
        }

        if (approx > i && BareTimeRange(t, approx) is { } range)
        {
            items.Add(Item.Between(i, range.From, range.To));
            return range.Next;
        }

        if (approx > i && TryTime(t, approx, out var atTime, out var afterAt, requireMarker: approx == i + 1 && t[i] is "tegen" or "by" or "about")
            && !(afterAt < t.Count && Durations.Contains(t[afterAt])))
        {
            items.Add(Item.At(i, atTime));
            SaidPart(t, i, afterAt, items);
            return afterAt;
        }

        if (TryTime(t, i, out var bare, out var afterBare, requireMarker: true))
        {
            items.Add(Item.At(i, bare));
            SaidPart(t, i, afterBare, items);
            return afterBare;
        }

        return i + 1;
    }

    /// <summary>
    /// A range whose first day is a day number without its month, which it borrows from the last: "14 t/m 18 december",
    /// "van maandag 7 t/m woensdag 9 december", "van 7 tot en met 9-12", "30 november t/m 2 december" aside (that one
    /// says both), "28 t/m 2 december" (November's 28th), and "8-10 December" (the 8th to the 10th, not 8 October).
    /// </summary>
    private static (DateOnly First, DateOnly Last, int Next)? DaysBorrowingTheMonth(List<string> t, int at, DateOnly today)
    {
        if (at + 1 < t.Count && NumericDate().Match(t[at]) is { Success: true } pair && !pair.Groups["y"].Success && Months.TryGetValue(t[at + 1], out var month))
        {
            var (from, to) = (int.Parse(pair.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(pair.Groups["m"].Value, CultureInfo.InvariantCulture));
            var year = YearAt(t, at + 2);
            if (from < to && Nearest(to, month, year, today) is { } end)
            {
                return (new DateOnly(end.Year, end.Month, from), end, at + 2 + (year is null ? 0 : 1));
            }
        }

        var numberAt = at < t.Count && Weekdays.ContainsKey(t[at]) ? at + 1 : at;
        if (numberAt >= t.Count || OrdinalDay(t[numberAt]) is not { } first || NumericDate().IsMatch(t[numberAt]) || UntilAt(t, numberAt + 1) is not { } afterUntil
            || !TryDay(t, afterUntil, today, out var last, out var afterLast, out _)
            || !Enumerable.Range(afterUntil, afterLast - afterUntil).Any(j => Months.ContainsKey(t[j]) || NumericDate().IsMatch(t[j])))
        {
            return null;
        }

        var month1 = first <= last.Day ? new DateOnly(last.Year, last.Month, 1) : new DateOnly(last.Year, last.Month, 1).AddMonths(-1);
        if (first > DateTime.DaysInMonth(month1.Year, month1.Month))
        {
            return null;
        }

        var start = new DateOnly(month1.Year, month1.Month, first);
        return last.DayNumber - start.DayNumber <= 31 ? (start, last, afterLast) : null;
    }

    private static readonly HashSet<string> Approximately = new(StringComparer.Ordinal)
    {
        "om", "at", "rond", "around", "omstreeks", "about", "ongeveer", "circa", "ca", "approximately", "roughly", "tegen", "by",
    };

    /// <summary>What a number before it counts, so that it is no time: "about 10 minutes late", "2 tot 3 dagen".</summary>
    private static readonly HashSet<string> Durations = new(StringComparer.Ordinal)
    {
        "minuten", "minuutjes", "min", "minutes", "mins", "dagen", "dag", "days", "weken", "week", "weeks", "jaar", "years", "maanden", "months", "kinderen", "children", "euro", "keer", "times",
    };

    private static readonly string[][] LunchPoints =
    [
        ["rond", "de", "lunch"], ["bij", "de", "lunch"], ["tegen", "de", "lunch"], ["voor", "de", "lunch"], ["at", "lunch"], ["at", "lunchtime"],
        ["by", "lunch"], ["by", "lunchtime"], ["around", "lunch"], ["around", "lunchtime"], ["before", "lunch"], ["for", "lunch"],
    ];

    private static readonly HashSet<string> ComingWords = new(StringComparer.Ordinal)
    {
        "komt", "kom", "komen", "terug", "weer", "brengen", "breng", "brengt", "back", "come", "comes", "coming", "arrive", "arrives", "bring", "drop", "in",
    };

    private static readonly HashSet<string> LeavingWords = new(StringComparer.Ordinal)
    {
        "gaat", "naar", "huis", "home", "weg", "ophalen", "halen", "haal", "opgehaald", "leave", "leaves", "leaving", "pick", "picked", "collect", "collected", "go", "goes",
    };

    /// <summary>Whether the clause around a lunch phrase says the child comes then ("komt na de lunch", "back after lunch").</summary>
    private static bool Comes(List<string> t, int from, int to) => ClauseAround(t, from, to).Any(ComingWords.Contains);

    /// <summary>Whether the clause around a lunch phrase says the child leaves then ("gaat na de lunch naar huis", "picked up at lunch").</summary>
    private static bool Leaves(List<string> t, int from, int to) => ClauseAround(t, from, to).Any(LeavingWords.Contains);

    private static IEnumerable<string> ClauseAround(List<string> t, int from, int to)
    {
        for (var j = from - 1; j >= Math.Max(0, from - 5) && !IsBreak(t[j]); j--)
        {
            yield return t[j];
        }

        for (var j = to; j < Math.Min(t.Count, to + 4) && !IsBreak(t[j]); j++)
        {
            yield return t[j];
        }
    }

    private static readonly HashSet<string> MissWords = new(StringComparer.Ordinal)
    {
        "mist", "mis", "missen", "miss", "misses", "missing", "niet", "not", "afwezig", "absent", "away", "weg", "off", "huis", "home",
    };

    /// <summary>"mist de ochtend", "will miss the morning", "ochtend niet op school", "mist morgen de ochtnd": a half of the day away.</summary>
    private static (string Part, int Next)? MissedHalf(List<string> t, int i)
    {
        var at = i < t.Count && t[i] is "de" or "het" or "the" or "hele" or "whole" ? i + 1 : i;
        at = at < t.Count && t[at] is "hele" or "whole" ? at + 1 : at;
        if (at >= t.Count || (i > 0 && t[i - 1] is "tussen" or "good" or "goede" or "fijne" or "s" or "in" or "this" or "na" or "after"))
        {
            return null;
        }

        var word = t[at].Length >= 5 && PartWord(t[at]) is null ? new[] { "ochtend", "middag", "morning", "afternoon" }.FirstOrDefault(w => ChoiceRecognizer.IsNear(t[at], w)) ?? t[at] : t[at];
        if (word == "morgen" || PartWord(word) is not { } part || !ClauseAround(t, i, at + 1).Any(MissWords.Contains))
        {
            return null;
        }

        return (part, at + 1);
    }

    /// <summary>
    /// "10 tot 12 uur", "9 tot 11", "10 to 11", "10-11 uur": two hours without "van" before them. Not "2 tot 3 dagen",
    /// not "14 tot 16 december" (days), not "tot en met"; the hours must be school-like ones (7 to 19) in order.
    /// </summary>
    private static (TimeOnly From, TimeOnly To, int Next)? BareTimeRange(List<string> t, int i)
    {
        if (i + 2 >= t.Count || !ClockToken().IsMatch(t[i]) || t[i + 1] is not ("tot" or "to" or "till" or "until" or "-") || t[i + 2] == "en"
            || !TryTime(t, i, out var from, out var afterFrom, requireMarker: false, clockPhrases: false) || afterFrom != i + 1
            || !TryTime(t, i + 2, out var to, out var afterTo, requireMarker: false)
            || (afterTo < t.Count && (Months.ContainsKey(t[afterTo]) || Durations.Contains(t[afterTo]) || NumericDate().IsMatch(t[afterTo]))))
        {
            return null;
        }

        if (to < from && to.Hour < 12)
        {
            to = to.AddHours(12);
        }

        return from < to && from.Hour >= 7 && to.Hour <= 19 ? (from, to, afterTo) : null;
    }

    private static int? ScanTimes(List<string> t, int i, List<Item> items)
    {
        if (BareTimeRange(t, i) is { } bare)
        {
            items.Add(Item.Between(i, bare.From, bare.To));
            SaidPart(t, i, bare.Next, items);
            return bare.Next;
        }

        // "van 10 tot 11.30", "tussen 2 en 3", "from 9 to 11", "between 2 and 3", "10-11 uur".
        if (t[i] is "van" or "from" or "tussen" or "between" or "vanaf"
            && (TryTime(t, i + 1, out var from, out var afterFrom, requireMarker: false, clockPhrases: false) || TryTime(t, i + 1, out from, out afterFrom, requireMarker: false))
            && afterFrom < t.Count && t[afterFrom] is "tot" or "en" or "and" or "to" or "until" or "till" or "-" or "t/m"
            && TryTime(t, afterFrom + 1, out var to, out var afterTo, requireMarker: false)
            && !(afterTo < t.Count && Months.ContainsKey(t[afterTo])))
        {
            // "tussen 2 en 3": the second hour follows the first one's half of the day.
            if (to < from && to.Hour < 12)
            {
                to = to.AddHours(12);
            }

            items.Add(Item.Between(i, from, to));
            SaidPart(t, i, afterTo, items);
            return afterTo;
        }

        if (t[i] is "na" or "vanaf" or "after" or "from" or "since" && TryTime(t, i + 1, out var after, out var afterAfter, requireMarker: t[i] is "from" or "since"))
        {
            items.Add(Item.From(i, after));
            SaidPart(t, i, afterAfter, items);
            return afterAfter;
        }

        if (t[i] is "tot" or "until" or "till" or "til" or "t/m" && TryTime(t, i + 1, out var until, out var afterUntil, requireMarker: false)
            && !(afterUntil < t.Count && (Months.ContainsKey(t[afterUntil]) || Durations.Contains(t[afterUntil]))))
        {
            items.Add(Item.Until(i, until));
            SaidPart(t, i, afterUntil, items);
            return afterUntil;
        }

        return null;
    }

    /// <summary>
    /// "14 en 16 december", "14, 15 en 17 dec", "donderdag 10 en vrijdag 11 december", "the 14th and 16th of December":
    /// day numbers (each perhaps after its weekday) joined by en/and/&amp;/a comma, with one month after the last. Each is
    /// a day of its own, with its own position and end, so that two days in a row are joined as any others are.
    /// </summary>
    private static int? DatesOfOneMonth(List<string> t, int i, DateOnly today, List<Item> items)
    {
        var numbers = new List<(int Position, int Day, int Next)>();
        var at = i;
        while (true)
        {
            var start = at;
            if (at < t.Count && t[at] is "the" or "de")
            {
                at++;
            }

            if (at < t.Count && Weekdays.ContainsKey(t[at]))
            {
                at++;
            }

            if (at >= t.Count || OrdinalDay(t[at]) is not { } number || NumericDate().IsMatch(t[at]))
            {
                return null;
            }

            numbers.Add((start, number, at + 1));
            at++;
            if (at + 1 < t.Count && t[at] is "en" or "and" or "&" or ",")
            {
                at++;
                continue;
            }

            break;
        }

        var monthAt = at < t.Count && t[at] == "of" ? at + 1 : at;
        if (numbers.Count < 2 || monthAt >= t.Count || !Months.TryGetValue(t[monthAt], out var month))
        {
            return null;
        }

        var year = YearAt(t, monthAt + 1);
        var end = monthAt + 1 + (year is null ? 0 : 1);
        var days = numbers.Select(n => (n.Position, Day: Nearest(n.Day, month, year, today), n.Next)).ToList();
        if (days.Any(d => d.Day is null))
        {
            return null;
        }

        for (var k = 0; k < days.Count; k++)
        {
            var day = days[k].Day!.Value;
            items.Add(Item.Days(days[k].Position, day, day) with { Next = k == days.Count - 1 ? end : days[k].Next });
        }

        return end;
    }

    /// <summary>"om 10 uur 's ochtends", "at 2 in the afternoon": the part of the day said with a time is reported too.</summary>
    private static void SaidPart(List<string> t, int from, int to, List<Item> items)
    {
        for (var j = from; j < to; j++)
        {
            if (PartPhrase(t, j) is { } said)
            {
                items.Add(Item.PartOnly(from, said.Part));
                return;
            }
        }
    }

    /// <summary>Skips "the end of", "het einde van", "eind" after "until": "until the end of next week".</summary>
    private static int SkipEndOf(List<string> t, int i)
    {
        foreach (var pattern in new[] { new[] { "the", "end", "of" }, ["end", "of"], ["het", "einde", "van"], ["het", "eind", "van"], ["einde"], ["eind"], ["eind", "van"] })
        {
            if (Match(t, i, pattern) is { } end)
            {
                return end;
            }
        }

        return i;
    }

    private static int? UntilAt(List<string> t, int i)
    {
        if (i < t.Count && t[i] is "-" or "to")
        {
            return i + 1;
        }

        foreach (var until in UntilWords)
        {
            if (Match(t, i, until) is { } end)
            {
                return end;
            }
        }

        return null;
    }

    /// <summary>One day: relative words, a weekday (with aanstaande/next/volgende week/vorige week), or a day and month.</summary>
    private static bool TryDay(List<string> t, int i, DateOnly today, out DateOnly day, out int next, out string? part)
    {
        day = default;
        next = i;
        part = null;
        if (i >= t.Count)
        {
            return false;
        }

        // "op", "on" before a day change nothing.
        if (t[i] is "op" or "on" or "per" && i + 1 < t.Count && TryDay(t, i + 1, today, out day, out next, out part))
        {
            return true;
        }

        var (word, wordPart) = StripPart(t[i]);
        // A near-typo of a day word counts too ("morgn", "vandag", "woensdg"), also in a longer message, but not a
        // real word that is one letter off ("mogen", "vandaan", "'s morgens", "vrijdags").
        if (word.Length >= 5 && !Weekdays.ContainsKey(word) && !NotDayTypos.Contains(word))
        {
            word = DayWords.FirstOrDefault(w => w[0] == word[0] && ChoiceRecognizer.IsNear(word, w)) ?? word;
        }

        // "di t/m do", "do 10 december", "wo do vr": "do" is Thursday where a day is expected, not the English verb.
        if (word == "do" && ((i > 0 && (t[i - 1] is "t/m" or "tm" or "tot" or "-" or "en" or "of" or "van" or "op" or "," or "met" || IsWeekday(t[i - 1])))
            || (i + 1 < t.Count && (OrdinalDay(t[i + 1]) is not null || IsWeekday(t[i + 1])))))
        {
            word = "donderdag";
        }

        int? relative = word switch
        {
            "vandaag" or "vd" or "today" or "tday" or "vandaaf" or "tody" or "todya" or "tdy" or "2day" => 0,
            "morgen" or "tomorrow" or "tmrw" or "tomorow" or "mrgn" or "tmr" or "2morrow" => 1,
            "overmorgen" => 2,
            "gisteren" or "yesterday" => -1,
            "eergisteren" => -2,
            _ => null,
        };
        if (relative is { } offset)
        {
            // "morgen" in "'s morgens" is the morning, not tomorrow; "de dag na morgen" is rare: ignore.
            if (word == "morgen" && i > 0 && t[i - 1] is "s" or "des")
            {
                return false;
            }

            day = today.AddDays(offset);
            next = i + 1;
            part = wordPart ?? FollowingPart(t, ref next);
            return true;
        }

        if (Match(t, i, ["day", "after", "tomorrow"]) is { } dat)
        {
            (day, next) = (today.AddDays(2), dat);
            return true;
        }

        if (Match(t, i, ["the", "day", "after", "tomorrow"]) is { } dat2)
        {
            (day, next) = (today.AddDays(2), dat2);
            return true;
        }

        if (Match(t, i, ["day", "before", "yesterday"]) is { } dby)
        {
            (day, next) = (today.AddDays(-2), dby);
            return true;
        }

        // "volgende week dinsdag", "next week tuesday", "vorige week vrijdag".
        foreach (var (pattern, weeks) in new (string[], int)[] { (["volgende", "week"], 1), (["next", "week"], 1), (["komende", "week"], 1), (["vorige", "week"], -1), (["last", "week"], -1) })
        {
            if (Match(t, i, pattern) is { } afterWeek && afterWeek < t.Count && Weekdays.TryGetValue(StripPart(t[afterWeek]).Day, out var weekday))
            {
                day = MondayOf(today).AddDays((7 * weeks) + DaysFromMonday(weekday));
                next = afterWeek + 1;
                part = StripPart(t[afterWeek]).Part ?? FollowingPart(t, ref next);
                return true;
            }
        }

        // Weekday, with its modifier before it.
        var modifier = i > 0 ? t[i - 1] : "";
        if (Weekdays.TryGetValue(word, out var dayOfWeek))
        {
            var ahead = ((int)dayOfWeek - (int)today.DayOfWeek + 7) % 7;
            // "aanstaande maandag", and "tot maandag" said on a Monday: next week's, not today.
            if (modifier is "aanstaande" or "komende" or "next" or "coming" or "eerstvolgende" or "tot" or "met" or "t/m" or "tm" or "until" or "till" or "through" && ahead == 0)
            {
                ahead = 7;
            }

            day = today.AddDays(ahead);
            // "afgelopen vrijdag", and "Tim was vrijdag ziek": the past tense of its clause makes it the last such day.
            if (modifier is "afgelopen" or "last" or "vorige" or "past" || (modifier is not ("aanstaande" or "komende" or "next" or "coming" or "sinds" or "since") && InPastClause(t, i)))
            {
                var back = ((int)today.DayOfWeek - (int)dayOfWeek + 7) % 7;
                day = today.AddDays(-(back == 0 ? 7 : back));
            }

            // "sinds maandag", "since Monday": the last such day, today included.
            if (modifier is "sinds" or "since")
            {
                day = today.AddDays(-(((int)today.DayOfWeek - (int)dayOfWeek + 7) % 7));
            }

            next = i + 1;
            // "dinsdag volgende week", "tuesday next week".
            if ((Match(t, next, ["volgende", "week"]) ?? Match(t, next, ["next", "week"])) is { } afterNextWeek)
            {
                day = MondayOf(today).AddDays(7 + DaysFromMonday(dayOfWeek));
                next = afterNextWeek;
            }

            // "donderdag 10 december", "Thursday the 3rd of December": the weekday with its date is that date.
            if (TryDayMonth(t, next, today, out var dated, out var afterDate) && dated.DayOfWeek == dayOfWeek)
            {
                (day, next) = (dated, afterDate);
            }

            part = wordPart ?? FollowingPart(t, ref next);
            return true;
        }

        return TryDayMonth(t, i, today, out day, out next);
    }

    /// <summary>"3-12", "03/12", "3 december", "3 dec", "Dec 3rd", "the 3rd of December": the occurrence nearest to today.</summary>
    private static bool TryDayMonth(List<string> t, int i, DateOnly today, out DateOnly day, out int next)
    {
        day = default;
        next = i;
        if (i >= t.Count)
        {
            return false; // "van donderdag tot en met" at the end of a clause: no end day to read
        }

        var numeric = NumericDate().Match(t[i]);
        if (numeric.Success)
        {
            var d = int.Parse(numeric.Groups["d"].Value, CultureInfo.InvariantCulture);
            var m = int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture);
            int? year = numeric.Groups["y"].Success ? int.Parse(numeric.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (year is < 100)
            {
                year += 2000;
            }

            if (Nearest(d, m, year, today) is { } found)
            {
                (day, next) = (found, i + 1);
                return true;
            }

            return false;
        }

        var start = t[i] == "the" ? i + 1 : i;
        // "3 december", "3rd of december", "3e december"
        if (start < t.Count && OrdinalDay(t[start]) is { } dayNumber)
        {
            var monthAt = start + 1 < t.Count && t[start + 1] == "of" ? start + 2 : start + 1;
            if (monthAt < t.Count && Months.TryGetValue(t[monthAt], out var month) && Nearest(dayNumber, month, YearAt(t, monthAt + 1), today) is { } found)
            {
                day = found;
                next = monthAt + 1 + (YearAt(t, monthAt + 1) is null ? 0 : 1);
                return true;
            }
        }

        // "on the 14th", "op de 14e", a bare "14th": that day of this month, or of the next once it has passed.
        var ordinalAt = t[i] is "the" or "de" or "on" or "op" ? i + 1 : EnglishOrdinal().IsMatch(t[i]) ? i : -1;
        if (ordinalAt >= 0 && ordinalAt < t.Count && OrdinalSuffix().IsMatch(t[ordinalAt]) && OrdinalDay(t[ordinalAt]) is { } alone
            && !(ordinalAt + 1 < t.Count && (Months.ContainsKey(t[ordinalAt + 1]) || t[ordinalAt + 1] == "of")))
        {
            var month = new DateOnly(today.Year, today.Month, 1);
            for (var m = 0; m < 2; m++, month = month.AddMonths(1))
            {
                if (alone <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, alone) is var candidate && candidate >= today)
                {
                    (day, next) = (candidate, ordinalAt + 1);
                    return true;
                }
            }
        }

        // "december 3", "dec 3rd"
        if (Months.TryGetValue(t[i], out var month2) && i + 1 < t.Count && OrdinalDay(t[i + 1]) is { } dayNumber2
            && Nearest(dayNumber2, month2, YearAt(t, i + 2), today) is { } found2)
        {
            day = found2;
            next = i + 2 + (YearAt(t, i + 2) is null ? 0 : 1);
            return true;
        }

        return false;
    }

    private static int? YearAt(List<string> t, int i) =>
        i < t.Count && t[i].Length == 4 && int.TryParse(t[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 2000 and < 2100 ? y : null;

    private static int? OrdinalDay(string token)
    {
        var match = Ordinal().Match(token);
        return match.Success && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 31 ? n : null;
    }

    private static DateOnly? Nearest(int day, int month, int? year, DateOnly today)
    {
        if (month is < 1 or > 12)
        {
            return null;
        }

        DateOnly? best = null;
        foreach (var y in year is { } fixedYear ? [fixedYear] : new[] { today.Year - 1, today.Year, today.Year + 1 })
        {
            if (day < 1 || day > DateTime.DaysInMonth(y, month))
            {
                continue;
            }

            var candidate = new DateOnly(y, month, day);
            if (best is null || Math.Abs(candidate.DayNumber - today.DayNumber) < Math.Abs(best.Value.DayNumber - today.DayNumber))
            {
                best = candidate;
            }
        }

        return best;
    }

    // ---- Times ----

    /// <summary>
    /// A time at position i. With <paramref name="requireMarker"/> a bare number is not enough: it needs ":" or ".",
    /// "u"/"uur"/"pm"/"am"/"o'clock", or the Dutch and English clock phrases ("half 4", "kwart over 2", "half past three").
    /// </summary>
    private static bool TryTime(List<string> t, int i, out TimeOnly time, out int next, bool requireMarker, bool clockPhrases = true)
    {
        time = default;
        next = i;
        if (i >= t.Count)
        {
            return false;
        }

        int hour, minute = 0;
        bool explicit24 = false, marked = false, wordNumber = false;
        string? meridiem = null;

        // Clock phrases: "tien over half 3", "vijf voor half 4", "kwart over 2", "kwart voor 9", "half 4",
        // "half past three", "quarter past 2", "quarter to 9", "ten past 3", "20 to 4".
        if (clockPhrases && ClockPhrase(t, i) is { } phrase)
        {
            (hour, minute, next) = phrase;
            marked = true;
        }
        else
        {
            var m = ClockToken().Match(t[i]);
            if (!m.Success)
            {
                if (!NumberWords.TryGetValue(t[i], out hour) || hour > 12)
                {
                    return false;
                }

                wordNumber = true;
            }
            else
            {
                hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
                if (m.Groups["m"].Success)
                {
                    minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                    marked = true;
                    explicit24 = m.Groups["h"].Value.Length == 2 && m.Groups["h"].Value[0] == '0';
                }

                if (m.Groups["suffix"].Success)
                {
                    marked = true;
                    var suffix = m.Groups["suffix"].Value;
                    meridiem = suffix.StartsWith('p') ? "pm" : suffix.StartsWith('a') ? "am" : null;
                }
            }

            next = i + 1;
        }

        // What may follow: "uur", "o'clock", "pm", "'s middags", "'s avonds", "in de ochtend"...
        while (next < t.Count)
        {
            var w = t[next];
            if (w is "uur" or "uurtje" or "h")
            {
                marked = true;
                next++;
            }
            else if (w == "o" && next + 1 < t.Count && t[next + 1] == "clock")
            {
                marked = true;
                next += 2;
            }
            else if (w is "pm" or "p.m" or "p.m.")
            {
                (meridiem, marked) = ("pm", true);
                next++;
            }
            else if (w is "am" or "a.m" or "a.m.")
            {
                (meridiem, marked) = ("am", true);
                next++;
            }
            else if (TimeOfDayAfter(t, next) is { } tod)
            {
                (meridiem, next) = (tod.Meridiem, tod.Next);
                marked = true;
            }
            else
            {
                break;
            }
        }

        // A number word ("een", "drie") is a time only with "uur" or another marker: "tot een paar dagen" is no time.
        if (((requireMarker || wordNumber) && !marked) || hour > 23 || minute > 59)
        {
            return false;
        }

        hour = meridiem switch
        {
            "pm" or "evening" when hour is >= 1 and <= 11 => hour + 12,
            "afternoon" when hour is >= 1 and <= 11 => hour + 12,
            "am" or "morning" => hour == 12 && meridiem == "am" ? 0 : hour,
            _ when explicit24 => hour,
            _ when hour is >= 1 and <= 6 => hour + 12,
            _ => hour,
        };

        time = new TimeOnly(hour % 24, minute);
        return true;
    }

    private static (int Hour, int Minute, int Next)? ClockPhrase(List<string> t, int i)
    {
        int? Num(int at) => at < t.Count ? (int.TryParse(t[at], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : NumberWords.TryGetValue(t[at], out var w) ? w : null) : null;

        // "een uur of 10": about 10 o'clock.
        if (t[i] == "een" && i + 3 < t.Count && t[i + 1] == "uur" && t[i + 2] == "of" && Num(i + 3) is { } about && about is >= 1 and <= 12)
        {
            return (about, 0, i + 4);
        }

        // Dutch "half 4" = 3:30; after an English word ("at half 10", "by half 9") it is British: 10:30.
        if (t[i] == "half" && Num(i + 1) is { } h && h is >= 1 and <= 12)
        {
            var british = i > 0 && t[i - 1] is "at" or "by" or "around" or "about" or "from" or "until" or "till" or "til" or "after" or "before";
            return british ? (h, 30, i + 2) : (h - 1 == 0 ? 12 : h - 1, 30, i + 2);
        }

        // "<min> over|voor half <h>", "<min> over|voor <h>", English "<min> past|to <h>", "half past <h>"
        if (Num(i) is { } minutes && minutes is >= 1 and <= 29 && i + 1 < t.Count)
        {
            var word = t[i + 1];
            if (word is "over" or "voor" && i + 2 < t.Count && t[i + 2] == "half" && Num(i + 3) is { } hh && hh is >= 1 and <= 12)
            {
                var baseMinutes = ((hh - 1) * 60) + 30;
                var total = word == "over" ? baseMinutes + minutes : baseMinutes - minutes;
                return Split(total, i + 4);
            }

            if (word is "over" or "voor" or "past" or "to" && Num(i + 2) is { } h2 && h2 is >= 1 and <= 12)
            {
                var total = (h2 * 60) + (word is "over" or "past" ? minutes : -minutes);
                return Split(total, i + 3);
            }
        }

        if (t[i] == "half" && i + 2 < t.Count && t[i + 1] == "past" && Num(i + 2) is { } h3 && h3 is >= 1 and <= 12)
        {
            return (h3, 30, i + 3);
        }

        if (t[i] is "a" && i + 1 < t.Count && t[i + 1] == "quarter" && ClockPhrase(t, i + 1) is { } aQuarter)
        {
            return aQuarter;
        }

        return null;

        static (int, int, int) Split(int totalMinutes, int next)
        {
            var h = ((totalMinutes / 60) + 23) % 12 + 1;
            return (h, totalMinutes % 60, next);
        }
    }

    /// <summary>"'s middags", "s avonds", "in de ochtend", "in the evening", "avond" right after a time.</summary>
    private static (string Meridiem, int Next)? TimeOfDayAfter(List<string> t, int i)
    {
        if (PartPhrase(t, i) is { } part)
        {
            return (part.Part == Morning ? "morning" : "afternoon", part.Next);
        }

        if (Match(t, i, ["s", "avonds"]) is { } a1)
        {
            return ("evening", a1);
        }

        foreach (var pattern in new[] { new[] { "in", "de", "avond" }, ["in", "the", "evening"], ["s", "nachts"], ["avond"], ["savonds"], ["tonight"], ["at", "night"], ["in", "the", "night"] })
        {
            if (Match(t, i, pattern) is { } end)
            {
                return ("evening", end);
            }
        }

        return null;
    }

    private static readonly string[][] MorningPhrases = [["s", "ochtends"], ["s", "morgens"], ["sochtends"], ["smorgens"], ["in", "de", "ochtend"], ["in", "the", "morning"], ["s", "ochtend"]];

    private static readonly string[][] AfternoonPhrases = [["s", "middags"], ["smiddags"], ["in", "de", "middag"], ["in", "the", "afternoon"], ["na", "de", "middag"],
        ["na", "de", "lunch"], ["na", "de", "middagpauze"], ["na", "de", "lunchpauze"], ["na", "het", "middageten"], ["after", "lunch"], ["after", "the", "lunch", "break"], ["after", "lunchtime"]];

    // Called at every position of a time expression (SaidPart) too: the phrases are made once, not per call.
    private static (string Part, int Next)? PartPhrase(List<string> t, int i)
    {
        foreach (var pattern in MorningPhrases)
        {
            if (Match(t, i, pattern) is { } end)
            {
                return (Morning, end);
            }
        }

        foreach (var pattern in AfternoonPhrases)
        {
            if (Match(t, i, pattern) is { } end)
            {
                return (Afternoon, end);
            }
        }

        return null;
    }

    private static string? PartWord(string word) => word switch
    {
        "ochtend" or "morgen" or "morning" or "voormiddag" => Morning,
        "middag" or "afternoon" or "namiddag" => Afternoon,
        _ => null,
    };

    /// <summary>"tuesday morning", "morgen in de middag": a part right after a day.</summary>
    private static string? FollowingPart(List<string> t, ref int next)
    {
        if (next < t.Count && t[next] is "ochtend" or "morning" or "middag" or "afternoon")
        {
            return PartWord(t[next++]);
        }

        if (PartPhrase(t, next) is { } phrase)
        {
            next = phrase.Next;
            return phrase.Part;
        }

        return null;
    }

    /// <summary>Compounds such as "maandagochtend", "morgenmiddag": the day word and its part of the day.</summary>
    private static (string Day, string? Part) StripPart(string token)
    {
        foreach (var (suffix, part) in new[] { ("ochtend", Morning), ("morgen", Morning), ("middag", Afternoon), ("vroeg", Morning), ("avond", Evening) })
        {
            if (token.Length > suffix.Length + 1 && token.EndsWith(suffix, StringComparison.Ordinal) && token != "overmorgen")
            {
                var day = token[..^suffix.Length];
                if (Weekdays.ContainsKey(day) || day is "morgen" or "vandaag" or "overmorgen")
                {
                    return (day, part);
                }
            }
        }

        return (token, null);
    }

    // ---- Assembling the mentions ----

    private static List<DateMention> Assemble(List<string> t, List<Item> items, DateOnly today)
    {
        var mentions = new List<(int Position, DateMention Mention)>();
        foreach (var item in items.Where(x => x.Start is not null))
        {
            // The same day said twice ("maandag 30 november" is a weekday and its date) is one mention: the first,
            // so a time said after both ("om 10 uur") belongs to it rather than leaving the day once without a time.
            var mention = new DateMention(item.Start!.Value, item.IsOpen ? null : item.End, Part: item.Part);
            if (!mentions.Any(m => m.Mention == mention))
            {
                mentions.Add((item.Position, mention));
            }
        }

        // Times and parts without a day of their own belong to the nearest day before them (else after them, else today).
        foreach (var item in items.Where(x => x.Start is null))
        {
            if (mentions.Count == 0)
            {
                mentions.Add((item.Position, new DateMention(today, today)));
            }

            var index = mentions.FindLastIndex(m => m.Position <= item.Position);
            if (index < 0)
            {
                index = 0;
            }

            var mention = mentions[index].Mention;
            mention = item.Kind switch
            {
                ItemKind.At when mention.Time is null => mention with { Time = item.Time },
                ItemKind.At when mention.TimeEnd is null && item.Time > mention.Time && EndsTheTimeBefore(t, items, item) => mention with { TimeEnd = item.Time },
                ItemKind.From => mention with { Time = item.Time },
                ItemKind.Until => mention with { TimeEnd = item.Time },
                ItemKind.Between => mention with { Time = item.Time, TimeEnd = item.TimeEnd },
                ItemKind.Part when mention.Part is null => mention with { Part = item.Part },
                _ => mention,
            };
            mentions[index] = (mentions[index].Position, mention);
        }

        // An evening ("morgenavond om 8") makes its hours evening hours and is not reported as a part of the day; a
        // clock time says more than a part ("vanochtend om 10 uur", "at 2 in the afternoon"): the part is left out.
        return mentions.Select(m => m.Mention.Part == Evening
            ? m.Mention with
            {
                Part = null,
                Time = m.Mention.Time is { Hour: < 12 and >= 1 } t ? t.AddHours(12) : m.Mention.Time,
                TimeEnd = m.Mention.TimeEnd is { Hour: < 12 and >= 1 } te ? te.AddHours(12) : m.Mention.TimeEnd,
            }
            : m.Mention.Time is not null || m.Mention.TimeEnd is not null ? m.Mention with { Part = null } : m.Mention).ToList();
    }

    /// <summary>
    /// A second time ends the first in the same clause ("om 10 uur weg en om 11.30 terug"), or in another that says the
    /// child is back ("om 10 uur naar de tandarts, ze is er om 11.30 weer"); not "om 12 uur weg, het vliegtuig gaat om 4 uur".
    /// </summary>
    private static bool EndsTheTimeBefore(List<string> t, List<Item> items, Item second)
    {
        var first = items.LastOrDefault(x => x.Start is null && x.Time is not null && x.Position < second.Position);
        return first is null || !Enumerable.Range(first.Position, second.Position - first.Position).Any(j => IsBreak(t[j]))
            || ClauseAround(t, second.Position, second.Next).Any(w => ComingWords.Contains(w) || w is "er" or "school");
    }

    private enum ItemKind
    {
        Days,
        At,
        From,
        Until,
        Between,
        Part,
    }

    private sealed record Item(int Position, ItemKind Kind, DateOnly? Start = null, DateOnly? End = null, bool IsOpen = false, TimeOnly? Time = null, TimeOnly? TimeEnd = null, string? Part = null, int Next = 0, bool IsWeek = false, bool Implicit = false)
    {
        public static Item Days(int position, DateOnly start, DateOnly? end, string? part = null) => new(position, ItemKind.Days, start, end, end is null, Part: part);

        public static Item At(int position, TimeOnly time) => new(position, ItemKind.At, Time: time);

        public static Item From(int position, TimeOnly time) => new(position, ItemKind.From, Time: time);

        public static Item Until(int position, TimeOnly time) => new(position, ItemKind.Until, Time: time);

        public static Item Between(int position, TimeOnly from, TimeOnly to) => new(position, ItemKind.Between, Time: from, TimeEnd: to);

        public static Item PartOnly(int position, string part) => new(position, ItemKind.Part, Part: part);
    }

    // ---- Calendar helpers ----

    /// <summary>The start of a range that names none: today on a weekday, else the next Monday.</summary>
    private static DateOnly ImplicitStart(DateOnly today) => today.DayOfWeek switch
    {
        DayOfWeek.Saturday => today.AddDays(2),
        DayOfWeek.Sunday => today.AddDays(1),
        _ => today,
    };

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-DaysFromMonday(day.DayOfWeek));

    private static DateOnly Friday(DateOnly monday) => monday.AddDays(4);

    private static int DaysFromMonday(DayOfWeek day) => ((int)day + 6) % 7;

    private static int? Match(List<string> t, int i, string[] pattern)
    {
        var at = i;
        foreach (var word in pattern)
        {
            if (at >= t.Count)
            {
                return null;
            }

            if (word == "*")
            {
                // one pronoun or name: "tot hij beter is", "tot Tim beter is", "until she is better"
                at++;
                continue;
            }

            if (t[at] != word)
            {
                return null;
            }

            at++;
        }

        return at;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        // A comma ends a clause ("t/m woensdag ziek, donderdag is hij er weer"), and so does the end of a sentence
        // ("Noor is vandaag ziek. Maandag komt ze weer"): each stays as a token of its own, "," or ".". The split
        // keeps its separators: pieces and separators alternate.
        var pieces = ClauseBreak().Split(text);
        for (var k = 0; k < pieces.Length; k++)
        {
            if (k % 2 == 0)
            {
                TokenizeClause(pieces[k], tokens);
            }
            else if (tokens.Count > 0 && !IsBreak(tokens[^1]))
            {
                tokens.Add(pieces[k][0] is ',' or ';' ? "," : ".");
            }
        }

        if (tokens.Count > 0 && IsBreak(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens;
    }

    private static void TokenizeClause(string text, List<string> tokens)
    {
        var normalized = Texts.Normalize(text.Replace("'s ", " s ", StringComparison.Ordinal).Replace("’s ", " s ", StringComparison.Ordinal));
        foreach (var raw in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw;
            // Sentence punctuation glued to a word ("ziek." "morgen?"), but not inside "11.30" or "t/m".
            while (token.Length > 1 && token[^1] is '.' or '?' or ':' or '-' && !ClockToken().IsMatch(token))
            {
                token = token[..^1];
            }

            // "10-11" between hours, "maandag-woensdag": a dash between two parts becomes its own token.
            var dash = DashBetween().Match(token);
            if (dash.Success && !NumericDate().IsMatch(token))
            {
                tokens.Add(dash.Groups["a"].Value);
                tokens.Add("-");
                tokens.Add(dash.Groups["b"].Value);
                continue;
            }

            tokens.Add(token);
        }
    }

    private static Dictionary<string, DayOfWeek> BuildWeekdays()
    {
        var days = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal)
        {
            ["ma"] = DayOfWeek.Monday,
            ["di"] = DayOfWeek.Tuesday,
            ["wo"] = DayOfWeek.Wednesday,
            ["woe"] = DayOfWeek.Wednesday,
            ["don"] = DayOfWeek.Thursday,
            ["vr"] = DayOfWeek.Friday,
            ["vrij"] = DayOfWeek.Friday,
            ["za"] = DayOfWeek.Saturday,
            ["mon"] = DayOfWeek.Monday,
            ["tue"] = DayOfWeek.Tuesday,
            ["tues"] = DayOfWeek.Tuesday,
            ["wed"] = DayOfWeek.Wednesday,
            ["thu"] = DayOfWeek.Thursday,
            ["thur"] = DayOfWeek.Thursday,
            ["thurs"] = DayOfWeek.Thursday,
            ["fri"] = DayOfWeek.Friday,
            ["sat"] = DayOfWeek.Saturday,
            ["sun"] = DayOfWeek.Sunday,
            ["woensdags"] = DayOfWeek.Wednesday,
            ["maandags"] = DayOfWeek.Monday,
            ["vrijdags"] = DayOfWeek.Friday,
        };
        foreach (var culture in new[] { Texts.Culture(Texts.Dutch), Texts.Culture(Texts.English) })
        {
            for (var d = 0; d < 7; d++)
            {
                days[culture.DateTimeFormat.DayNames[d].ToLowerInvariant()] = (DayOfWeek)d;
            }
        }

        return days;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["jan"] = 1,
            ["feb"] = 2,
            ["mrt"] = 3,
            ["maa"] = 3,
            ["mar"] = 3,
            ["apr"] = 4,
            ["jun"] = 6,
            ["jul"] = 7,
            ["aug"] = 8,
            ["sep"] = 9,
            ["sept"] = 9,
            ["okt"] = 10,
            ["oct"] = 10,
            ["nov"] = 11,
            ["dec"] = 12,
            ["febr"] = 2,
        };
        foreach (var culture in new[] { Texts.Culture(Texts.Dutch), Texts.Culture(Texts.English) })
        {
            for (var m = 0; m < 12; m++)
            {
                months[culture.DateTimeFormat.MonthNames[m].ToLowerInvariant()] = m + 1;
            }
        }

        return months;
    }

    [GeneratedRegex(@"^(?<d>\d{1,2})[-/](?<m>\d{1,2})(?:[-/](?<y>\d{2}|\d{4}))?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?(?<suffix>u|h|uur|pm|am|p\.m\.?|a\.m\.?|ish)?(?:(?<=u)(?<m>\d{2}))?$")]
    private static partial Regex ClockToken();

    [GeneratedRegex(@"^(?<n>\d{1,2})(?:e|ste|de|st|nd|rd|th)?$")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^\d{1,2}(?:e|ste|de|st|nd|rd|th)$")]
    private static partial Regex OrdinalSuffix();

    [GeneratedRegex(@"^\d{1,2}(?:st|nd|rd|th)$")]
    private static partial Regex EnglishOrdinal();

    // A comma or semicolon not inside a number; a full stop after a word of two letters or a number (not inside "t.m.",
    // "p.m.", "11.30"), and "!" or "?", before a space or the end.
    [GeneratedRegex(@"([,;](?!\d)|(?<=\p{L}\p{L}|\d)\.+(?=\s|$)|[!?]+(?=\s|$))")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?<a>[a-z0-9:.]+)-(?<b>[a-z0-9:.]+)$")]
    private static partial Regex DashBetween();
}
