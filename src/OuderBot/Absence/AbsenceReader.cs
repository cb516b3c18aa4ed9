using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.School;
using OuderBot.Understanding;

namespace OuderBot.Absence;

/// <summary>The part of a school day a child is away: the whole day, from a time, until a time, or between two.</summary>
public readonly record struct DayPart(TimeOnly? From, TimeOnly? Until)
{
    public static readonly DayPart WholeDay = new(null, null);

    public bool IsWholeDay => From is null && Until is null;
}

/// <summary>What (part of) a message says about one child or several children together. Empty or null: not said.</summary>
/// <param name="ChildIds">The parent's own children named (all of them for "allebei", "de kinderen", "both").</param>
/// <param name="Days">The stretches of days; separate days are separate ("woensdag en vrijdag").</param>
/// <param name="DaysSaid">Whether a day was named, not only a time ("om 9 uur" says no day).</param>
/// <param name="Kind">sick, appointment or other.</param>
/// <param name="Part">The part of the day, when the words name times or say "de hele dag".</param>
/// <param name="ArrivesLate">The words say the child comes later, without saying when.</param>
public sealed record ClauseFacts(IReadOnlyList<string> ChildIds, IReadOnlyList<AbsenceDays> Days, bool DaysSaid, string? Kind, DayPart? Part, bool ArrivesLate);

/// <summary>What one message says about an absence: read as a whole, and per child when it tells different things
/// about different children ("Noor is ziek en Sem heeft om 11 uur de tandarts").</summary>
/// <param name="Whole">The message read as one.</param>
/// <param name="PerChild">One clause per child or group of children named apart; a single clause when they share everything.</param>
/// <param name="OtherChild">A name of a child who is not the parent's here: the school's, or theirs at another school (never accepted).</param>
/// <param name="Only">"alleen Noor", "only Sem": the named children and no others.</param>
/// <param name="Also">"Sem ook", "and Oliver too": the named children besides the others.</param>
/// <param name="Now">The message says how things are now ("Tim is ziek", "komt later"), not that the parent wants to report.</param>
public sealed record AbsenceFacts(ClauseFacts Whole, IReadOnlyList<ClauseFacts> PerChild, string? OtherChild, bool Only, bool Also = false, bool Now = false)
{
    public IReadOnlyList<string> ChildIds => Whole.ChildIds;

    /// <summary>Children the message says are there after all ("Sem niet", "Sem gaat toch wel naar school").</summary>
    public IReadOnlyList<string> PresentIds { get; init; } = [];

    /// <summary>Days the message says a child is at school ("morgen gaat hij toch naar school", "Sem woensdag naar
    /// school"); what else the message says is read without those parts.</summary>
    public IReadOnlyList<AtSchool> AtSchoolOn { get; init; } = [];

    /// <summary>The day the message says a child is back from ("vrijdag gaat ze weer naar school"): away until the school
    /// day before it. Null when it names none.</summary>
    public DateOnly? BackOn { get; init; }

    /// <summary>The children named beside <see cref="BackOn"/>; none: the one just reported.</summary>
    public IReadOnlyList<string> BackIds { get; init; } = [];

    public string? ChildId => Whole.ChildIds.Count == 1 ? Whole.ChildIds[0] : null;

    public AbsenceDays? Days => Whole.Days.Count > 0 ? Whole.Days[0] : null;

    public bool SaysAnything =>
        Whole.ChildIds.Count > 0 || PresentIds.Count > 0 || OtherChild is not null || Whole.Days.Count > 0 || Whole.Kind is not null || Whole.Part is not null;
}

/// <summary>Children at school on these days (after all, or while another stays home); no child named: the one just reported.</summary>
public sealed record AtSchool(IReadOnlyList<string> ChildIds, IReadOnlyList<AbsenceDays> Days);

/// <summary>
/// Reads an absence message for its child, days, kind and part of the day, with the cue phrases of
/// dialogs/understanding/signals.yaml. The parent's words (a diagnosis, too) are only read, never kept:
/// the kind "sick" is all that is stored.
/// </summary>
public sealed partial class AbsenceReader(DateTimeParser dates, Signals signals, Schools schools, ILogger<AbsenceReader> logger)
{
    /// <summary>A morning absence lasts until noon; an afternoon one starts at noon.</summary>
    public static readonly TimeOnly Noon = new(12, 0);

    private static readonly ClauseFacts Nothing = new([], [], false, null, null, false);

    /// <summary>
    /// What the message says. A message the reading fails on says nothing (logged, without its words): the dialog then
    /// asks for what it needs, and the parent is never stuck on an error.
    /// </summary>
    public AbsenceFacts Read(TurnContext turn, string text)
    {
        try
        {
            return ReadMessage(turn, text);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // The exception's message may quote the parent's words; its type and stack trace do not.
            LogReadFailed(logger, e.GetType().Name, e.StackTrace);
            return new AbsenceFacts(Nothing, [Nothing], null, false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An absence message could not be read ({ExceptionType}); read as saying nothing. {StackTrace}")]
    private static partial void LogReadFailed(ILogger logger, string exceptionType, string? stackTrace);

    private AbsenceFacts ReadMessage(TurnContext turn, string text)
    {
        // "stay home up to and including Wednesday", "until and including Wednesday": a range to that day, as "t/m".
        text = Inclusive().Replace(text, "through");
        text = SeparateDates(text, DateOnly.FromDateTime(turn.School.Clock.LocalNow));
        var back = BackOn(turn, text);
        var (atSchool, rest) = AtSchoolOnDays(turn, text);
        text = rest;
        var tokens = Texts.Tokenize(text);
        var named = NamedChildren(turn.Parent, tokens, SaysAllChildren(turn, tokens));

        // "Noor is ziek, Sem niet", "Sem gaat toch wel naar school": a child said to be there is no report.
        var present = named.Where((group, g) => (group.Position > 0 && tokens[group.Position - 1] is "niet" or "not") // "Sem is ziek, niet Noor"
            || SaysPresent(tokens[group.Position..SegmentEnd(tokens, named, g)]
                .Where(t => !turn.Parent.Children.Any(c => Understander.Names([t], c))).ToArray())).ToList();
        var presentIds = present.SelectMany(g => g.Ids).Distinct().ToList();
        // What is said of a child who is there ("Emma is fine and coming in") says nothing of the absence.
        if (present.Count > 0)
        {
            var there = present.Select(g => (g.Position, End: SegmentEnd(tokens, named, named.IndexOf(g)))).ToList();
            tokens = [.. tokens.Where((_, i) => !there.Any(p => i >= p.Position && i < p.End))];
            text = string.Join(' ', tokens);
            named = NamedChildren(turn.Parent, tokens, SaysAllChildren(turn, tokens)).Where(g => !g.Ids.All(presentIds.Contains)).ToList();
        }
        else
        {
            named = [.. named.Except(present)];
        }

        var whole = ReadClause(turn, tokens, named.SelectMany(n => n.Ids).Distinct().ToList(), text);
        var other = named.Count == 0 ? OtherChildNames.Find(turn.School.ChildNames, schools.ChildNamesElsewhere(turn.School, turn.Parent.Phone), turn.Parent, tokens) : null;
        var only = tokens.Any(t => t is "alleen" or "only" or "just" or "enkel");
        var also = SaysAlso(tokens);
        var clauses = Clauses(turn, tokens, named, whole);
        if (clauses.Count == 1 && (named.Count == 1 ? named[0].Ids : turn.Parent.Children.Count == 1 && named.Count == 0 ? [turn.Parent.Children[0].Id] : null) is { Count: 1 } one
            && DayByDay(turn, text, one) is { } days)
        {
            clauses = days;
        }
        whole = whole with { ChildIds = [.. clauses.SelectMany(c => c.ChildIds).Distinct()] };
        if (back is { Until: true, Day: var backDay })
        {
            // "Tim gaat pas donderdag naar school" on a Monday: away from now up to and including Wednesday (coming back
            // "weer op school" is no late arrival).
            var calendar = turn.School.Calendar;
            var now = calendar.DayNow(turn.School.Clock.LocalNow);
            var lastDay = calendar.SchoolDayBefore(backDay, now);
            ClauseFacts Away(ClauseFacts c) => c.Days is [{ End: { } end } only] && (end == backDay || end == lastDay) && now < backDay
                ? c with { Days = [new AbsenceDays(only.Start < backDay ? only.Start : now, lastDay)], DaysSaid = true, ArrivesLate = false }
                : c;
            whole = Away(whole);
            clauses = [.. clauses.Select(Away)];
        }

        return new AbsenceFacts(whole, clauses.Count == 1 ? [whole] : clauses, other, only, also, SaysNow(tokens))
        {
            PresentIds = presentIds,
            AtSchoolOn = atSchool,
            BackOn = back?.Day,
            BackIds = back?.Ids ?? [],
        };
    }

    /// <summary>
    /// The parts of the message that say a child is at school on a day ("morgen gaat hij toch naar school", "Sem woensdag
    /// naar school"), and the rest of the message without them. Not a day back ("weer naar school": <see cref="BackOn"/>),
    /// nor a day away ("morgen nog niet naar school", "thuis"), nor a time ("komt om 10 uur op school").
    /// </summary>
    private (List<AtSchool> Found, string Remaining) AtSchoolOnDays(TurnContext turn, string text)
    {
        var found = new List<AtSchool>();
        var kept = new List<string>();
        var names = "";
        foreach (var segment in Segments(text))
        {
            var words = Texts.Tokenize(segment);
            // "Noor en Sem gaan morgen toch naar school": names joined by "en" belong to the part after them.
            if (words.Length > 0 && words.All(w => turn.Parent.Children.Any(c => Understander.Names([w], c))))
            {
                names += segment + " en ";
                continue;
            }

            var part = names + segment;
            names = "";
            words = Texts.Tokenize(part);
            if (SaysAtSchool(words) && !signals.Has("back_again", words, typos: false) && NotBackUntil(turn, words) is null && words.Any(DateTimeParser.IsComingDayWord)
                && AbsenceDays.Spans(dates.Parse(part, turn.School.Clock.LocalNow)) is { Count: > 0 } days && days.All(d => d.End is not null))
            {
                found.Add(new AtSchool(SaysAllChildren(turn, words) ? [.. turn.Parent.Children.Select(c => c.Id)]
                    : [.. turn.Parent.Children.Where(c => words.Any(w => Understander.Names([w], c))).Select(c => c.Id)], days));
            }
            else
            {
                kept.Add(part);
            }
        }

        if (names.Length > 0)
        {
            kept.Add(names[..^4]);
        }

        return found.Count == 0 ? ([], text) : (found, string.Join(", ", kept));
    }

    /// <summary>"naar school", "op school", "going in" without a word of being away, a "niet" or a time.</summary>
    private bool SaysAtSchool(string[] words) =>
        signals.Has("at_school", words, typos: false) && !signals.Has("not_at_school", words, typos: false) && !signals.Has("stays_home", words, typos: false)
        && !signals.Has("sick", words) && !signals.Has("absent", words) && !signals.Has("medical", words) && !signals.Has("leaves", words)
        && !signals.Has("arrives", words) && !words.Any(w => w.Any(char.IsAsciiDigit));

    /// <summary>
    /// "vrijdag gaat ze weer naar school", "Noor is donderdag weer beter", "back on Friday": the day a child is back from,
    /// and the children named beside it.
    /// </summary>
    private (DateOnly Day, IReadOnlyList<string> Ids, bool Until)? BackOn(TurnContext turn, string text)
    {
        foreach (var segment in Segments(text))
        {
            var words = Texts.Tokenize(segment);
            if (NotBackUntil(turn, words) is { } until)
            {
                return (until, SaysAllChildren(turn, words) ? [.. turn.Parent.Children.Select(c => c.Id)]
                    : [.. turn.Parent.Children.Where(c => words.Any(w => Understander.Names([w], c))).Select(c => c.Id)], true);
            }

            if (!signals.Has("back_again", words, typos: false) || !(signals.Has("at_school", words, typos: false) || signals.Has("recovered", words))
                || signals.Has("not_at_school", words, typos: false) || signals.Has("stays_home", words, typos: false) || signals.Has("sick", words)
                || signals.Has("absent", words) || !words.Any(DateTimeParser.IsComingDayWord) || words.Any(w => w.Any(char.IsAsciiDigit)))
            {
                continue;
            }

            // The day itself: without the words of coming back, the parser reads it as a day, not as the end of a stretch.
            var day = string.Join(' ', words.Where(w => !signals.Has("back_again", [w], typos: false)));
            if (dates.Parse(day, turn.School.Clock.LocalNow) is [{ End: { } end } mention] && mention.Start == end && mention.Time is null)
            {
                return (mention.Start, SaysAllChildren(turn, words) ? [.. turn.Parent.Children.Select(c => c.Id)]
                    : [.. turn.Parent.Children.Where(c => words.Any(w => Understander.Names([w], c))).Select(c => c.Id)], false);
            }
        }

        return null;
    }

    /// <summary>
    /// "Tim gaat pas donderdag naar school", "komt pas vrijdag weer", "she's not back until Thursday", "he won't be in
    /// till Friday": the day the child is back from, said as the end of being away. The words after "pas" or "until"
    /// name one coming day, without a time ("pas om 10 uur op school" is a late arrival).
    /// </summary>
    private DateOnly? NotBackUntil(TurnContext turn, string[] words)
    {
        if (signals.Has("sick", words) || signals.Has("medical", words) || words.Any(w => w.Contains(':')) || signals.Has("time_said", words, typos: false))
        {
            return null;
        }

        // Dutch: "pas" before the day, beside a word of going or coming in; English: a "not" before "until" and the day.
        var pas = Array.IndexOf(words, "pas");
        var until = signals.Find("until", words, typos: false) ?? -1;
        int from;
        if (pas >= 0 && (signals.Has("at_school", words, typos: false) || signals.Has("back_again", words, typos: false)
            || signals.Has("comes_back", words, typos: false)))
        {
            from = pas + 1;
        }
        else if (until > 0 && signals.Has("not_back", words[..until], typos: false)
            && (signals.Has("back_again", words[..until], typos: false) || signals.Has("comes_back_en", words[..until], typos: false)))
        {
            from = until + 1;
        }
        else
        {
            return null;
        }

        var day = string.Join(' ', words[from..].Where(w => !signals.Has("back_again", [w], typos: false)));
        return words[from..].Any(DateTimeParser.IsComingDayWord) && dates.Parse(day, turn.School.Clock.LocalNow) is [{ End: { } end } mention]
            && mention.Start == end && mention.Time is null && mention.TimeEnd is null && end > DateOnly.FromDateTime(turn.School.Clock.LocalNow)
            ? end
            : null;
    }

    /// <summary>
    /// One clause per child named apart: "Noor is ziek en Sem heeft tandarts om 11" tells two things. What a clause does
    /// not say it takes from the clause before it (the reason) or from the whole message (the days).
    /// </summary>
    private List<ClauseFacts> Clauses(TurnContext turn, string[] tokens, List<NamedGroup> named, ClauseFacts whole)
    {
        if (named.Count < 2)
        {
            return [whole];
        }

        // Each name (or names joined by "en") and the words up to the next name.
        var own = named.Select((group, g) =>
        {
            var from = g == 0 ? 0 : group.Position;
            var to = g + 1 < named.Count ? named[g + 1].Position : tokens.Length;
            return ReadClause(turn, tokens[from..to], group.Ids);
        }).ToList();

        // Per child: what the most particular clause about it says ("Noor en Sem zijn thuis, Noor is ziek en Sem heeft
        // om 11 uur de tandarts"), else the clause before it ("Noor is vandaag ziek, Sem morgen"), else the whole message.
        var perChild = named.SelectMany(g => g.Ids).Distinct().Select(id =>
        {
            var mine = Enumerable.Range(0, named.Count).Where(g => named[g].Ids.Contains(id))
                .OrderBy(g => named[g].Ids.Count).ThenByDescending(g => g).ToList();
            var first = mine.Min();
            var before = first > 0 ? own[first - 1] : null;
            var days = mine.Select(g => own[g]).FirstOrDefault(c => c.Days.Count > 0);
            return new ClauseFacts(
                [id],
                days?.Days ?? (before is { DaysSaid: true } && whole.Days.Count > 1 ? before.Days : whole.Days),
                (days?.DaysSaid ?? false) || whole.DaysSaid,
                mine.Select(g => own[g].Kind).FirstOrDefault(k => k is not null) ?? before?.Kind ?? whole.Kind,
                mine.Select(g => own[g].Part).FirstOrDefault(p => p is not null),
                mine.Any(g => own[g].ArrivesLate));
        }).ToList();

        // Children of whom the same is said ("Noor is ziek en Sem ook") share one clause.
        return [.. perChild
            .GroupBy(c => c with { ChildIds = [] }, new SameFacts())
            .Select(g => g.Key with { ChildIds = [.. g.SelectMany(c => c.ChildIds)] })];
    }

    /// <summary>
    /// One child, a reason per day: "Tim is vandaag ziek en morgen heeft hij om 10 uur de tandarts" is two reports.
    /// Only when every part of the message that names a day also says why (or follows a part that does: "hij heeft
    /// koorts, vandaag thuis"), and the parts say different things; else null and the message is read as one.
    /// </summary>
    private List<ClauseFacts>? DayByDay(TurnContext turn, string text, IReadOnlyList<string> childIds)
    {
        var dated = new List<ClauseFacts>();
        string? reason = null;
        foreach (var segment in Segments(text))
        {
            var clause = ReadClause(turn, Texts.Tokenize(segment), childIds, segment);
            if (!clause.DaysSaid || clause.Days.Count == 0)
            {
                reason = clause.Kind ?? reason;
                continue;
            }

            if ((clause.Kind ?? reason) is not { } kind)
            {
                return null;
            }

            dated.Add(clause with { Kind = kind });
        }

        return dated.Count > 1 && dated.Select(c => (c.Kind, c.Part)).Distinct().Count() > 1
            && dated.SelectMany(c => c.Days).Select(d => d.Start).Distinct().Count() == dated.Sum(c => c.Days.Count)
            ? dated
            : null;
    }

    // Where what is said about the g-th name ends: at the next name, or before its "niet" ("ik bedoel Noor, niet Sem":
    // the "niet" is Sem's, not "Noor niet").
    private static int SegmentEnd(string[] tokens, List<NamedGroup> named, int g)
    {
        if (g + 1 >= named.Count)
        {
            return tokens.Length;
        }

        var next = named[g + 1].Position;
        return next - 1 > named[g].Position && tokens[next - 1] is "niet" or "not" ? next - 1 : next;
    }

    /// <summary>"niet", "gaat wel naar school", "is er gewoon", "is fine": the words after a name say the child is there.</summary>
    private bool SaysPresent(string[] words)
    {
        var content = words.Where(w => w is not ("en" or "and" or "maar" or "but" or "," or "ook")).ToArray();
        if (content is ["niet"] or ["not"] or ["is", "niet", "ziek"] or ["is", "not", "sick"] or ["isnt"] or ["is", "not"] or ["niet", "ziek"]
            || (content.Any(w => w is "hoeft" or "hoeven") && content.Contains("niet")))
        {
            return true;
        }

        // "Sem toch niet", "Sem gaat toch naar school", "Emma is going in after all": there after all, unless the words
        // say why the child is away after all ("Sem is toch ziek", "Sem gaat toch niet").
        if (ThereAfterAll(content))
        {
            return true;
        }

        // "Sem gaat wel naar school", "Oliver is at school as normal", "Emma is fine and coming in", "will be in as usual";
        // coming in without a time or "late" is coming as always, not a late arrival.
        return content.Any(w => w is "wel" or "gewoon" or "fine" or "normaal" or "normal" or "normally" or "usual" or "usually")
            && !signals.Has("sick", content) && !signals.Has("medical", content) && !signals.Has("leaves", content) && !signals.Has("absent", content)
            && (!signals.Has("arrives", content) || !content.Any(w => w.Any(char.IsAsciiDigit) || w is "late" or "later" or "laat" or "te"));
    }

    // A weekday or "morgen" beside "naar school" is the day the child is back, and "thuis" a day away: a change of the
    // days ("nee toch donderdag ook thuis, vrijdag naar school"), never the whole report taken back.
    private bool ThereAfterAll(string[] content) =>
        !signals.Has("medical", content) && !signals.Has("leaves", content) && !signals.Has("absent", content)
        && !content.Any(w => w is "thuis" or "home" || (DateTimeParser.IsComingDayWord(w) && w is not ("vandaag" or "today")))
        && ((content is ["toch" or "dan", "niet", ..] or ["dan", "toch", "niet", ..] && !signals.Has("sick", content[2..]))
            || (!signals.Has("sick", content) && !content.Any(w => w is "niet" or "not" or "geen" or "isnt" or "wont" or "late" or "later" or "laat" || w.Any(char.IsAsciiDigit))
                && ((signals.Has("after_all", content, typos: false) && signals.Has("goes_in", content, typos: false))
                    || (signals.Has("after_all_en", content, typos: false) && signals.Has("goes_in_en", content, typos: false)))));

    /// <summary>
    /// "hij gaat toch naar school", "she's going in after all": the message names no child, and says the one just
    /// reported is at school after all.
    /// </summary>
    public bool SaysThereAfterAllUnnamed(TurnContext turn, string text)
    {
        var tokens = Texts.Tokenize(text);
        return !turn.Parent.Children.Any(c => tokens.Any(t => Understander.Names([t], c)))
            && (tokens.Contains("school") || signals.Has("after_all_en", tokens, typos: false))
            && ThereAfterAll([.. tokens.Where(t => t is not ("oh" or "o" or "nee" or "no" or "sorry" or "hij" or "zij" or "ze" or "he" or "she" or "s" or "is"
                or "they" or "re" or "actually" or "eigenlijk" or "en" or "and" or "maar" or "but" or "," or "ook"))]);
    }

    /// <summary>Clauses that say the same (their lists compared item by item).</summary>
    private sealed class SameFacts : IEqualityComparer<ClauseFacts>
    {
        public bool Equals(ClauseFacts? x, ClauseFacts? y) =>
            x is not null && y is not null && x.Days.SequenceEqual(y.Days) && x.DaysSaid == y.DaysSaid && x.Kind == y.Kind && x.Part == y.Part && x.ArrivesLate == y.ArrivesLate;

        public int GetHashCode(ClauseFacts obj) => HashCode.Combine(obj.Days.Count, obj.Kind, obj.Part);
    }

    // raw: the message as typed, when the clause is all of it; its commas separate what it says.
    private ClauseFacts ReadClause(TurnContext turn, string[] tokens, IReadOnlyList<string> childIds, string? raw = null)
    {
        var text = raw ?? string.Join(' ', tokens);
        var away = WithoutRecovery(text);
        var mentions = dates.Parse(away, turn.School.Clock.LocalNow);
        var kind = KindOf(tokens, mentions);
        var part = PartOf(tokens, mentions);
        var spans = AbsenceDays.Spans(mentions);
        var today = DateOnly.FromDateTime(turn.School.Clock.LocalNow);
        // "Tim was vrijdag ziek, vergeten door te geven" on a Monday, "afgelopen donderdag en vrijdag", "sinds maandag":
        // the days that passed, not the coming ones.
        if (spans.Count > 0 && spans.All(d => d.Start > today && d.Start.DayNumber - today.DayNumber < 7) && SaysPast(tokens))
        {
            spans = [.. spans.Select(d => new AbsenceDays(d.Start.AddDays(-7), d.End?.AddDays(-7)))];
        }

        // "afgelopen donderdag en vrijdag": the word before the first weekday holds for the next one too.
        if (tokens.Any(t => t is "afgelopen" or "vorige" or "last" or "past") && spans.Any(d => d.Start < today)
            && spans.Any(d => d.Start > today && d.Start.DayNumber - today.DayNumber < 7))
        {
            spans = AbsenceDays.Merge(spans.Select(d => d.Start > today && d.Start.DayNumber - today.DayNumber < 7 ? new AbsenceDays(d.Start.AddDays(-7), d.End?.AddDays(-7)) : d));
        }

        // "sinds gisteren ziek", "sinds zaterdag ziek, morgen nog niet naar school": still sick, until better.
        if (spans.Count > 0 && tokens.Any(t => t is "sinds" or "since") && kind != AbsenceKinds.Appointment && spans[0].Start <= today)
        {
            spans = [new AbsenceDays(spans[0].Start, null)];
        }

        // "Tim is dinsdag ziek" on a Tuesday evening: next Tuesday, today's school is over.
        if (spans is [{ SingleDay: true } said] && said.Start == today && tokens.Any(t => DateTimeParser.IsWeekday(t))
            && !tokens.Any(t => t is "vandaag" or "today" or "vanochtend" or "vanmiddag" or "vanavond" or "tonight" or "morning" or "afternoon")
            && !SaysPast(tokens) && !tokens.Any(t => t is "was" or "waren" or "geweest" or "were")
            && (turn.School.Calendar.HoursOn(today) is not { } end || TimeOnly.FromDateTime(turn.School.Clock.LocalNow) >= end.End))
        {
            spans = [new AbsenceDays(today.AddDays(7), today.AddDays(7))];
        }

        // "vanaf morgen ziek", "from Wednesday": from that day until better (a time, "vanaf 11 uur", is a part of the day).
        if (spans is [{ SingleDay: true } from] && FromADay(tokens) && kind != AbsenceKinds.Appointment && mentions.All(m => m.Time is null && m.TimeEnd is null))
        {
            spans = [new AbsenceDays(from.Start, null)];
        }

        // "Tim is ziek, morgen waarschijnlijk ook": today and tomorrow; a hedge adds a day, it does not replace today.
        if (spans.Count > 0 && spans.All(d => d.Start > today) && Hedges(tokens) && kind == AbsenceKinds.Sick && turn.School.Calendar.HoursOn(today) is { } hours
            && TimeOnly.FromDateTime(turn.School.Clock.LocalNow) < hours.End)
        {
            spans = AbsenceDays.Merge([new AbsenceDays(today, today), .. spans]);
        }

        if (kind is null && spans.Any(d => d.OpenEnded))
        {
            kind = AbsenceKinds.Sick; // "blijft thuis tot ze beter is"
        }

        // "we gaan vrijdag naar een bruiloft": a planned absence without a time is the whole day.
        if (kind == AbsenceKinds.Other && part is null && signals.Has("verlof", tokens) && mentions.All(m => m.Time is null && m.TimeEnd is null))
        {
            part = DayPart.WholeDay;
        }

        // "Emma is sick, I take her to the doctor at 10": sick, the whole day.
        if (kind == AbsenceKinds.Sick && signals.Has("medical", tokens) && part is { Until: null })
        {
            part = null;
        }

        // "om 2 uur naar het ziekenhuis, ik haal haar om half 2 op": the child leaves when picked up, before the appointment.
        if (part is { From: { } appointment, Until: null } && LeavesAt(turn, text) is { } leaves && leaves < appointment)
        {
            part = new DayPart(leaves, null);
        }

        // "moet om 9 uur naar de orthodontist en is er om 10.15": an appointment soon after school starts is gone to
        // from home, so the child comes at the second time; "is er om 10 uur weer" (back again) leaves and returns.
        if (part is { From: { } leaving, Until: { } back } && spans is [{ SingleDay: true } day] && ComesFromHome(turn, tokens, day.Start, leaving))
        {
            part = new DayPart(null, back);
        }

        var awayWords = Texts.Tokenize(away);
        // "komt later", and "will be late, until 10" (coming at that time, not away for a reason until then).
        // "komt morgen om 10 uur op school": a verb of coming with its time is coming late too.
        var arrivesLate = part is null or { From: null, Until: not null } && (signals.Has("arrives", awayWords) || (part is not null && ComesAt(awayWords) is not null))
            && !signals.Has("recovered", awayWords);
        var daysSaid = spans.Count > 0 && (signals.Has("date_word", tokens) || mentions.Any(m => m.Time is null && m.TimeEnd is null && m.Part is null)
            || tokens.Any(t => t is "vanochtend" or "vanmiddag" or "vanavond" or "vannacht" or "tonight" || (t.Any(char.IsAsciiDigit) && (t.Contains('-') || t.Contains('/')))));
        return new ClauseFacts(childIds, spans, daysSaid, kind, part, arrivesLate);
    }

    /// <summary>
    /// The message without the part that says the child is better ("Tim was gisteren ziek en is vandaag weer beter":
    /// today is no sick day). "tot hij beter is" stays: that is how long the sickness lasts.
    /// </summary>
    private string WithoutRecovery(string text)
    {
        // "morgen is ze er niet, ze is vanmiddag ziek geworden": when the child became sick is no part of the absence.
        text = BecameSick().Replace(text, "");

        // "niet donderdag maar vrijdag", "morgen, niet vandaag": the day after "niet" is not meant, when another is named.
        var notThat = NotThatDay().Replace(text, "");
        if (notThat != text && Texts.Tokenize(notThat).Any(t => DateTimeParser.IsComingDayWord(t) || t.Any(char.IsAsciiDigit)))
        {
            text = notThat;
        }

        var parts = Segments(text);
        if (parts.Length < 2)
        {
            return text;
        }

        var kept = parts.Where(p => Texts.Tokenize(p) is var words && !(Back(words) && !words.Any(w => w is "tot" or "totdat" or "until" or "till"))).ToList();
        return kept.Count == parts.Length || kept.Count == 0 ? text : string.Join(", ", kept);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|gisteravond|this\s+morning|this\s+afternoon|this\s+evening|last\s+night|tonight)\b(?=[^,.;!?]*\b(?:geworden|gekregen|begonnen|begon|werd|became|got|started|woke)\b)|(?<=\b(?:geworden|gekregen|begonnen|begon|werd|became|got|started|woke)\b[^,.;!?]*)\b(?:vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|gisteravond|this\s+morning|this\s+afternoon|this\s+evening|last\s+night|tonight)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BecameSick();

    /// <summary>The parts of a message: between commas, full stops (not the one in "11.30") and "en", "maar".</summary>
    private static string[] Segments(string text) =>
        SegmentBreak().Split(text).Where(p => p.Trim().Length > 0).ToArray();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(niet|not)\s+(op\s+|on\s+)?(vandaag|morgen|overmorgen|today|tomorrow|maandag|dinsdag|woensdag|donderdag|vrijdag|monday|tuesday|wednesday|thursday|friday)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NotThatDay();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:up\s+to|until|till|til|to)\s+and\s+including\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Inclusive();

    /// <summary>
    /// Separate dates said once with their month ("op 14 en 16 december", "donderdag 10 en vrijdag 11 december", "on the
    /// 14th") are written out date by date, so each is a day of its own and none is a range or a weekday of this week.
    /// </summary>
    internal static string SeparateDates(string text, DateOnly today)
    {
        // "donderdag 10 en vrijdag 11 december": the number and its month are the day, not this week's Thursday.
        text = WeekdayBeforeDate().Replace(text, "$1");
        text = DatesOfOneMonth().Replace(text, m =>
        {
            var month = m.Groups["month"].Value;
            var days = m.Groups["day"].Captures.Select(c => c.Value).ToList();
            return string.Join(" en ", days.Select(d => $"{d} {month}"));
        });
        // "on the 14th", "de 14e": the first such date from today on.
        return OrdinalAlone().Replace(text, m =>
        {
            var day = int.Parse(m.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var month = day >= today.Day ? today : today.AddMonths(1);
            if (day > DateTime.DaysInMonth(month.Year, month.Month))
            {
                return m.Value;
            }

            var english = m.Groups["the"].Value.Equals("the", StringComparison.OrdinalIgnoreCase);
            return $"{day} {(english ? EnglishMonths[month.Month - 1] : DutchMonths[month.Month - 1])}";
        });
    }

    private static readonly string[] DutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private const string MonthPattern = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec";
    private const string WeekdayPattern = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:" + WeekdayPattern + @")\s+(\d{1,2}(?:st|nd|rd|th|e)?)\b(?=(?:\s*(?:,|en|and|&)\s*(?:(?:" + WeekdayPattern + @")\s+)?\d{1,2}(?:st|nd|rd|th|e)?\b)*\s+(?:of\s+)?(?:" + MonthPattern + @")\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WeekdayBeforeDate();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d\-/])\b(?<day>\d{1,2})(?:st|nd|rd|th|e)?(?:\s*(?:,|en|and|&)\s*(?<day>\d{1,2})(?:st|nd|rd|th|e)?)+\s+(?:of\s+)?(?<month>" + MonthPattern + @")\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DatesOfOneMonth();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<the>the|de)\s+(?<day>\d{1,2})(?:st|nd|rd|th|e)\b(?!\s+(?:of\s+)?(?:" + MonthPattern + @")\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex OrdinalAlone();

    // "tot en met" and "up to and including" join the two ends of a range: no break there.
    [System.Text.RegularExpressions.GeneratedRegex(@"[,;!?]|\.(?!\d)|(?<!\b(?:tot|to|until|till))\s(?:en|maar|and|but)\s(?!(?:met|including)\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SegmentBreak();

    /// <summary>A part of a message that says the child is well or back ("vandaag weer beter", "morgen weer naar school", "fine today").</summary>
    private bool Back(string[] words) =>
        !signals.Has("sick", words) && !signals.Has("absent", words)
        && !(signals.Has("arrives", words) && words.Any(w => w.Any(char.IsAsciiDigit))) // "ze is er om 11.30 weer": back at a time
        && !signals.Has("medical", words) // "morgen moet hij terug naar het ziekenhuis", "the dentist again tomorrow"
        && (signals.Has("recovered", words) || signals.Has("back_again", words, typos: false) || signals.Has("doing_well", words, typos: false));

    /// <summary>How long after school starts an appointment is gone to from home rather than from school.</summary>
    public static readonly TimeSpan FromHome = TimeSpan.FromHours(1);

    /// <summary>
    /// Two times, the first an appointment less than <see cref="FromHome"/> after school starts and the second when the
    /// child comes ("is er om", "komt om"), not a range ("van 9 tot 10") and not back again ("weer", "terug", "back").
    /// </summary>
    private bool ComesFromHome(TurnContext turn, string[] tokens, DateOnly day, TimeOnly leaving) =>
        turn.School.Calendar.HoursOn(day) is { } hours && leaving.ToTimeSpan() - hours.Start.ToTimeSpan() < FromHome // also before school starts (TimeOnly's minus wraps)
        && (signals.Has("arrives", tokens) || ComesAt(tokens) is not null
            || tokens.Zip(tokens.Skip(1)).Any(p => p is ("op" or "at" or "in", "school"))) // "rond 9.45 is hij op school", "by 10 she'll be at school"
        && !tokens.Any(t => t is "van" or "tussen" or "tot" or "from" or "between" or "until" or "till") && !signals.Has("back_again", tokens, typos: false);

    /// <summary>"komt vandaag om 10 uur", "comes in today at 10": a verb of coming with a time shortly after it.</summary>
    private static int? ComesAt(string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] is "komt" or "komen" or "kom" or "comes" or "come" or "coming" or "arrives" or "arriving"
                && tokens.Skip(i + 1).Take(3).Any(t => t is "om" or "at" or "rond" or "around"))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The time in the part of the message that says the child is picked up ("ik haal haar om half 2 op").</summary>
    private TimeOnly? LeavesAt(TurnContext turn, string text)
    {
        foreach (var segment in Segments(text))
        {
            var words = Texts.Tokenize(segment);
            var pickedUp = words.Any(w => w is "haal" or "halen" or "haalt" or "ophalen" or "pick" or "picking" or "collect" or "collecting");
            if (pickedUp && !signals.Has("arrives", words)
                && dates.Parse(segment, turn.School.Clock.LocalNow).FirstOrDefault(m => m.Time is not null && m.TimeEnd is null) is { Time: { } time })
            {
                return time;
            }
        }

        return null;
    }

    /// <summary>
    /// "Tim is ziek", "heeft koorts", "komt later", "is sick": how things are now, in the present tense; not "ik wil Tim
    /// ziek melden" (a report without a day) nor "was ziek" (a day that passed).
    /// </summary>
    private bool SaysNow(string[] tokens) =>
        (signals.Has("now_verb", tokens, typos: false)
            // "noor ziek", "tim koorts", "sem n noor allebei ziek": names and the illness, as a text message is typed,
            // say how things are now too.
            || (tokens.Length <= 5 && signals.Has("now_illness", tokens, typos: false)))
        && !signals.Has("not_now", tokens, typos: false);

    /// <summary>"waarschijnlijk ook", "misschien ook", "probably too": a day that comes on top of today.</summary>
    private bool Hedges(string[] tokens) =>
        SaysAlso(tokens) && tokens.Any(t => t is "waarschijnlijk" or "misschien" or "wellicht" or "vermoedelijk" or "probably" or "maybe" or "possibly" or "likely")
        && !tokens.Any(t => t is "vandaag" or "today");

    /// <summary>
    /// The message tells of days that passed: a past tense ("was", "waren", "is geweest", "vergeten"), a weekday named,
    /// and no word that points ahead ("morgen", "volgende", "aanstaande", "blijft").
    /// </summary>
    private static bool SaysPast(string[] tokens) =>
        tokens.Any(DateTimeParser.IsWeekday) && !tokens.Any(t => t.Any(char.IsAsciiDigit))
        && ((tokens.Any(t => t is "was" or "waren" or "geweest" or "were" or "afgelopen" or "vorige" or "last" or "past" or "sinds" or "since")
                && !tokens.Any(Ahead.Contains))
            // "heeft van donderdag t/m zondag ziek thuis gelegen, vergeten te melden": a past participle of being away
            // outweighs the "heeft" (and "vandaag gaat ze weer") beside it; a month name still gives a date of its own.
            || (tokens.Any(t => t is "gelegen" or "thuisgebleven" or "gebleven" or "gehad" or "lag" or "vergeten" or "stayed" or "forgot")
                && !tokens.Any(t => Ahead.Contains(t) && t is not ("heeft" or "gaat" or "gaan" or "has" or "goes" or "going" or "will"))));

    // Words that point ahead, or that give a date of their own (then the parser's date stands).
    private static readonly HashSet<string> Ahead = new(StringComparer.Ordinal)
    {
        "morgen", "overmorgen", "volgende", "aanstaande", "komende", "blijft", "moet", "gaat", "gaan", "heeft", "wordt",
        "tomorrow", "next", "coming", "will", "has", "goes", "going",
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
        "january", "february", "march", "may", "june", "july", "august", "october",
    };

    /// <summary>"vanaf morgen", "vanaf woensdag", "from Monday": a day right after the word (not "from school").</summary>
    private static bool FromADay(string[] tokens)
    {
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i] is "vanaf" or "from" && (DateTimeParser.IsComingDayWord(tokens[i + 1]) || tokens[i + 1] is "volgende" or "next" or "aanstaande"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"ook", "too", "as well" (signal "also"): the same again, for another child or another day.</summary>
    public bool SaysAlso(string[] tokens) => signals.Has("also", tokens, typos: false);

    /// <summary>"moet hij ...", "hoe laat ...", "does she ...": the message opens with a question word (signal "question").</summary>
    public bool OpensAsQuestion(string[] tokens) => signals.Find("question", tokens, typos: false) == 0;

    /// <summary>"blijft thuis", "is er niet", "stays home": words of being away (signals "absent" and "stays_home").</summary>
    public bool SaysAway(string[] tokens) => signals.Has("absent", tokens) || signals.Has("stays_home", tokens, typos: false);

    /// <summary>"en Sem ook", "Sem heeft het ook", "and Oliver too please": the parent's children named with "ook" and
    /// nothing else said (signal "also_only": the small words that may stand beside them).</summary>
    public bool SaysOnlyAlso(TurnContext turn, string[] tokens) =>
        SaysAlso(tokens) && tokens.All(t => turn.Parent.Children.Any(c => Understander.Names([t], c)) || signals.Has("also", [t], typos: false)
            || signals.Has("goes_on", [t], typos: false) || signals.Has("also_only", [t], typos: false))
        || (SaysAllChildren(turn, tokens) && tokens.Length <= 3);

    /// <summary>"en ...", "oh ...", "oja ...": the message goes on from the last one (signal "goes_on", its first word).</summary>
    public bool GoesOn(string[] tokens) => signals.Find("goes_on", tokens, typos: false) == 0;

    /// <summary>"nog niet naar school", "nog steeds ziek", "still off": still away (signal "still" beside a word of being away).</summary>
    public bool SaysStillAway(string[] tokens) =>
        signals.Has("still", tokens, typos: false) && (signals.Has("absent", tokens) || signals.Has("sick", tokens) || signals.Has("stays_home", tokens, typos: false));

    /// <summary>"Tim is weer beter": an open-ended sickness can be closed. Not "nog niet beter".</summary>
    public bool SaysRecovered(TurnContext turn, string text)
    {
        var tokens = Texts.Tokenize(text);
        // Not "nog niet beter", and not "ziek tot hij beter is" (that opens a report).
        var negated = tokens.Zip(tokens.Skip(1)).Any(p => p is ("nog", "niet") or ("nog", "steeds") or ("not", "better") or ("still", _) or ("niet", "beter"))
            || tokens.Any(t => t is "tot" or "totdat" or "until" or "till");
        // "gaat pas donderdag weer naar school": not better yet.
        return signals.Has("recovered", tokens) && !negated && !signals.Has("medical", tokens) && dates.Parse(text, turn.School.Clock.LocalNow).All(m => m.Time is null)
            && !Segments(text).Any(p => NotBackUntil(turn, Texts.Tokenize(p)) is not null);
    }

    /// <summary>"Kan de juf mij bellen?", "call me": the parent wants to speak to someone.</summary>
    public bool AsksToBeCalled(string text)
    {
        var tokens = Texts.Tokenize(text);
        return signals.Has("handoff", tokens) && tokens.Any(t => t is "bellen" or "bel" or "belt" or "terugbellen" or "opbellen" or "spreken" or "spreek"
            or "praten" or "call" or "phone" or "ring" or "speak" or "talk");
    }

    /// <summary>"oh nee, ik bedoel morgen", "sorry, niet vandaag maar morgen", "I meant Friday": a correction of what was just said.</summary>
    public static bool Corrects(string[] tokens) =>
        tokens.Any(t => t is "bedoel" or "bedoelde" or "bedoelt" or "correctie" or "vergissing" or "vergist" or "foutje" or "meant" or "mistake" or "oeps" or "oops")
        || tokens.Any(t => t is "verkeerde" or "wrong")
        || (tokens.Contains("moet") && tokens.Contains("zijn") && tokens.Any(t => DateTimeParser.IsWeekday(t) || t is "morgen" or "vandaag"))
        || tokens.Zip(tokens.Skip(1)).Any(p => p.First is "niet" or "not" && DateTimeParser.IsWeekday(p.Second))
        || tokens.Zip(tokens.Skip(1)).Any(p => p is ("klopt", "niet") or ("toch", "wel") or ("gaat", "wel") or ("komt", "wel") or ("i", "mean") or ("moet", "zijn") or ("should", "be") or ("niet", "vandaag") or ("not", "today") or ("niet", "morgen") or ("not", "tomorrow")
            // "Sem is niet ziek, hij heeft om 9 uur de tandarts": the reason just reported is not right.
            or ("niet", "ziek") or ("not", "sick") or ("isnt", "sick") or ("niet", "afwezig")
            // "het is maar tot woensdag", "only until Wednesday": the end of what was just reported, earlier.
            or ("maar", "tot" or "t/m" or "tm") or ("only", "until" or "till" or "til") or ("just", "until" or "till"))
        || (tokens.Any(t => t is "nee" or "no") && tokens.Any(t => t is "sorry" or "oh" or "o" or "verkeerd" or "wrong"))
        // "nee toch vrijdag", "sorry, het zijn ze allebei": a short message that takes back what was just said.
        || (tokens is ["nee" or "no" or "sorry" or "oeps" or "oops" or "toch", _, ..] && tokens.Length <= 7)
        // "actually make that thursday", "maak er maar donderdag van": a short message that changes what was just said.
        || (tokens is ["actually" or "eigenlijk", _, ..] && tokens.Length <= 7)
        || tokens.Zip(tokens.Skip(1)).Any(p => p is ("make", "that" or "it") or ("maak", "er") or ("change", "it" or "that"));

    /// <summary>
    /// "het is maar tot woensdag", "nee, t/m donderdag", "only until Wednesday": the clause gives an end and no start
    /// (not "van maandag tot woensdag", "from Monday until Wednesday").
    /// </summary>
    public static bool GivesOnlyEnd(string[] tokens) =>
        tokens.Any(t => t is "tot" or "t/m" or "tm" or "until" or "till" or "til")
        && !tokens.Any(t => t is "van" or "vanaf" or "sinds" or "from" or "since");

    /// <summary>"Welke ziekmeldingen heb ik gedaan?", "melding intrekken".</summary>
    public bool AsksForReports(string text)
    {
        var tokens = Texts.Tokenize(text);
        return signals.Has("my_reports", tokens)
            // "heb ik Tim voor morgen ook afgemeld?", "is Sem nu ook afgemeld?", "did I report Emma for Friday?": asks
            // what is registered, with words between the verb and the participle.
            || (text.Contains('?') && tokens is ["heb" or "hebben" or "is" or "zijn" or "staat" or "staan" or "did" or "have" or "has", ..]
                && tokens.Any(t => t is "afgemeld" or "ziekgemeld" or "gemeld" or "doorgegeven" or "genoteerd" or "aangemeld" or "reported" or "registered" or "noted"));
    }

    /// <summary>
    /// The kind the words point to. A doctor or dentist is an appointment, unless the child is sick and no time is
    /// given: "de huisarts zei dat het buikgriep is" and "hij is ziek, hij moet naar de dokter" are a sick day, "om 10
    /// uur naar de tandarts" is an appointment.
    /// </summary>
    public string? KindOf(string[] tokens, IReadOnlyList<DateMention> mentions)
    {
        var medical = signals.Has("medical", tokens);
        // "ziekenhuis" is a place, not an illness, though it starts like one; "ze is niet ziek, ze heeft ..." says no illness.
        var sick = signals.Has("sick", [.. tokens.Where((t, i) => !(medical && signals.Has("medical", [t]))
            && !(i > 0 && tokens[i - 1] is "niet" or "not" or "isnt" or "geen" or "no" && signals.Has("sick", [t])))]);
        // Going to the family doctor because of the illness is a sick day, also at a time ("she is sick, I take her to the doctor at 10").
        var onlyDoctor = tokens.Where(t => signals.Has("medical", [t])).All(t => t.StartsWith("dokter", StringComparison.Ordinal)
            || t.StartsWith("huisarts", StringComparison.Ordinal) || t.StartsWith("doctor", StringComparison.Ordinal) || t is "gp" or "arts" or "kinderarts");
        // The family doctor saying the child must stay home is the illness, not a visit: "de huisarts zegt dat hij t/m
        // vrijdag thuis moet blijven", "the GP says she should stay home".
        var timed = mentions.Any(m => m.Time is not null || m.TimeEnd is not null);
        if (medical && onlyDoctor && !timed && StaysHome(tokens))
        {
            return AbsenceKinds.Sick;
        }

        return medical && (!sick || (timed && !onlyDoctor)) ? AbsenceKinds.Appointment
            : sick ? AbsenceKinds.Sick
            : medical ? AbsenceKinds.Appointment
            // "we gaan naar een bruiloft", "de begrafenis van opa", "we're moving house": planned, not medical.
            : signals.Has("verlof", tokens) ? AbsenceKinds.Other
            : null;
    }

    private static bool StaysHome(string[] tokens) =>
        tokens.Contains("thuisblijven") || tokens.Contains("bedrust")
        || (tokens.Contains("thuis") && tokens.Any(t => t.StartsWith("blijf", StringComparison.Ordinal) || t.StartsWith("blijv", StringComparison.Ordinal) || t == "houden"))
        || (tokens.Any(t => t is "stay" or "stays" or "staying" or "keep") && tokens.Contains("home"));

    /// <summary>
    /// The answer to "Waarom?" in words: "andere reden, verjaardag oma" and "iets anders: de auto is kapot" are other,
    /// "he's ill" sick, "reden: tandarts" an appointment; an explanation that is neither ("hockeytoernooi", "our flight
    /// was cancelled") is other. Only the kind is kept, never the words. Null for what explains nothing ("weet ik niet").
    /// </summary>
    public string? KindAnswer(string text)
    {
        var tokens = Texts.Tokenize(text);
        var said = string.Join(' ', tokens);
        if (OtherReason().IsMatch(said))
        {
            return AbsenceKinds.Other;
        }

        if (tokens.Length == 0 || text.Contains('?'))
        {
            return null;
        }

        if (KindOf(tokens, []) is { } kind)
        {
            return kind;
        }

        return tokens.Any(t => t.Length >= 3 && t.All(char.IsLetter) && !NonAnswers.Contains(t)) ? AbsenceKinds.Other : null;
    }

    // Words that answer nothing: "weet ik niet", "geen idee", "don't know", "wat bedoelt u", "hallo".
    private static readonly HashSet<string> NonAnswers =
    [
        "weet", "niet", "nog", "geen", "idee", "wat", "bedoelt", "bedoel", "snap", "begrijp", "hallo", "hoi", "oke", "okay",
        "dont", "know", "not", "sure", "what", "mean", "hello", "the", "and", "nee", "yes", "sorry", "help", "huh", "pardon",
        "eh", "uhm", "hmm", "you", "het", "dat", "dit", "een", "wel", "zeker", "unsure", "idea",
    ];

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(andere reden|ander reden|iets anders|wat anders|anders|other reason|another reason|something else|other|overig|overige)\b")]
    private static partial System.Text.RegularExpressions.Regex OtherReason();

    /// <summary>The part of the day from the times in a message: "van 10 tot 11.30", "komt om 10 uur", "om 14 uur weg", "'s ochtends".</summary>
    public DayPart? PartOf(string[] tokens, IReadOnlyList<DateMention> mentions)
    {
        if (signals.Has("whole_day", tokens))
        {
            return DayPart.WholeDay;
        }

        var timed = mentions.FirstOrDefault(m => m.Time is not null || m.TimeEnd is not null || m.Part is not null);
        if (timed is null)
        {
            return null;
        }

        if (timed is { Time: null, TimeEnd: { } untilOnly })
        {
            return new DayPart(null, untilOnly); // "tot 10 uur", "until 10": away until then
        }

        if (timed is { Time: { } from, TimeEnd: { } until })
        {
            return new DayPart(from, until);
        }

        if (timed.Time is { } time)
        {
            var arrives = signals.Find("arrives", tokens) ?? ComesAt(tokens);
            var leaves = signals.Find("leaves", tokens);
            return arrives is not null && (leaves is null || arrives < leaves) ? new DayPart(null, time) : new DayPart(time, null);
        }

        return timed.Part == DateTimeParser.Afternoon ? new DayPart(Noon, null) : new DayPart(null, Noon);
    }

    /// <summary>
    /// The day part a parent typed in answer to "hoe laat?": times, "de hele dag", "ochtend". When the question was
    /// "hoe laat komt Tim?" (<paramref name="arrival"/>), a bare time is when the child arrives.
    /// </summary>
    public DayPart? ReadPart(TurnContext turn, string text, bool arrival)
    {
        var tokens = Texts.Tokenize(text);
        var part = PartOf(tokens, dates.Parse(text, turn.School.Clock.LocalNow));
        if (part is null && !tokens.Any(t => t.Any(char.IsAsciiDigit)))
        {
            // "de hele ochtend", "the whole morning", "middag": the question was about this day, so a part of it.
            part = tokens.Any(t => t is "ochtend" or "morgen" or "voormiddag" or "morning" or "ochtends" or "morgens") ? new DayPart(null, Noon)
                : tokens.Any(t => t is "middag" or "namiddag" or "afternoon" or "middags") ? new DayPart(Noon, null)
                : null;
        }

        if (part is { From: { } time, Until: null } && arrival && signals.Find("leaves", tokens) is null)
        {
            // "Hoe laat komt Tim?" answered with "10 uur": he is away until then.
            return new DayPart(null, time);
        }

        return part;
    }

    /// <summary>"allebei", "beide", "de kinderen", "both", "the kids" (the words "all_children" in dialogs/prompts): all of
    /// the parent's children.</summary>
    public static bool SaysAllChildren(TurnContext turn, string[] tokens) =>
        turn.Parent.Children.Count > 1 && Texts.Languages.Any(l => turn.Texts.Words(l, "all_children")
            .Any(w => w.Split(' ') is var words && Enumerable.Range(0, tokens.Length).Any(i => tokens.AsSpan(i).StartsWith(words)
                && !(i + words.Length < tokens.Length && tokens[i + words.Length] is "dagen" or "days" or "keren" or "times" or "ochtenden" or "middagen" or "mornings" or "afternoons"))));

    /// <summary>A name, or names joined by "en"/"and"/",", at a position in the message.</summary>
    private sealed record NamedGroup(int Position, List<string> Ids);

    /// <summary>
    /// The parent's own children named, grouped as the message joins them: "Noor en Sem zijn ziek" is one group,
    /// "Noor is ziek en Sem heeft tandarts" two. "allebei" and the like name all of them.
    /// </summary>
    private static List<NamedGroup> NamedChildren(Parent parent, string[] tokens, bool all)
    {
        var mentions = new List<(int Position, string Id)>();
        for (var i = 0; i < tokens.Length; i++)
        {
            foreach (var child in parent.Children.Where(c => Understander.Names([tokens[i]], c)))
            {
                mentions.Add((i, child.Id));
            }
        }

        var groups = new List<NamedGroup>();
        foreach (var (position, id) in mentions)
        {
            var last = groups.Count > 0 ? groups[^1] : null;
            var joined = last is not null && Enumerable.Range(last.Position, position - last.Position).Skip(1)
                .All(j => tokens[j] is "en" or "and" or "&" or "," or "+" or "of" or "or" || mentions.Any(m => m.Position == j));
            if (joined)
            {
                if (!last!.Ids.Contains(id))
                {
                    last.Ids.Add(id);
                }
            }
            else
            {
                groups.Add(new NamedGroup(position, [id])); // also a child named again: "..., Noor is ziek en Sem ..."
            }
        }

        if (all && groups.Count == 0)
        {
            return [new NamedGroup(0, [.. parent.Children.Select(c => c.Id)])];
        }

        return groups;
    }
}
