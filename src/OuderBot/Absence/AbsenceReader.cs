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

/// <summary>What one message says about an absence. Null means the message did not say.</summary>
/// <param name="ChildId">The parent's own child named in the message.</param>
/// <param name="OtherChild">A name of a child who is not the parent's here: the school's, or theirs at another school (never accepted).</param>
/// <param name="Days">The day or days.</param>
/// <param name="Kind">sick, appointment or other.</param>
/// <param name="Part">The part of the day, when the message names times or says "de hele dag".</param>
/// <param name="ArrivesLate">The message says the child comes later, without saying when.</param>
public sealed record AbsenceFacts(
    string? ChildId,
    string? OtherChild,
    AbsenceDays? Days,
    string? Kind,
    DayPart? Part,
    bool ArrivesLate)
{
    public bool SaysAnything => ChildId is not null || OtherChild is not null || Days is not null || Kind is not null || Part is not null;
}

/// <summary>
/// Reads an absence message for its child, days, kind and part of the day, with the cue phrases of
/// dialogs/understanding/signals.yaml. The parent's words (a diagnosis, too) are only read, never kept:
/// the kind "sick" is all that is stored.
/// </summary>
public sealed class AbsenceReader(DateTimeParser dates, Signals signals, Schools schools)
{
    /// <summary>A morning absence lasts until noon; an afternoon one starts at noon.</summary>
    public static readonly TimeOnly Noon = new(12, 0);

    public AbsenceFacts Read(TurnContext turn, string text)
    {
        var tokens = Texts.Tokenize(text);
        var mentions = dates.Parse(text, turn.School.Clock.LocalNow);
        var (own, other) = Children(turn.School.ChildNames, schools.ChildNamesElsewhere(turn.School, turn.Parent.Phone), turn.Parent, tokens);
        var kind = KindOf(tokens, mentions);
        var part = PartOf(tokens, mentions);
        var days = AbsenceDays.From(mentions);
        var today = DateOnly.FromDateTime(turn.School.Clock.LocalNow);
        if (days is { SingleDay: true } since && tokens.Any(t => t is "sinds" or "since") && kind != AbsenceKinds.Appointment)
        {
            days = new AbsenceDays(since.Start, null); // "sinds gisteren ziek": still sick, until better
        }

        // "Tim was vrijdag ziek, vergeten door te geven" on a Monday: the Friday that passed, not the coming one.
        if (days is { } said && said.Start > today && said.Start.DayNumber - today.DayNumber < 7 && SaysPast(tokens))
        {
            days = new AbsenceDays(said.Start.AddDays(-7), said.End?.AddDays(-7));
        }

        // "vanaf morgen ziek", "from Wednesday": from that day until better (a time, "vanaf 11 uur", is a part of the day).
        if (days is { SingleDay: true } from && FromADay(tokens) && kind != AbsenceKinds.Appointment && mentions.All(m => m.Time is null && m.TimeEnd is null))
        {
            days = new AbsenceDays(from.Start, null);
        }
        if (kind is null && days is { OpenEnded: true })
        {
            kind = AbsenceKinds.Sick; // "blijft thuis tot ze beter is"
        }

        var arrivesLate = part is null && signals.Has("arrives", tokens) && !signals.Has("recovered", tokens);
        return new AbsenceFacts(own, other, days, kind, part, arrivesLate);
    }

    /// <summary>
    /// The message tells of days that passed: a past tense ("was", "waren", "is geweest", "vergeten"), a weekday named,
    /// and no word that points ahead ("morgen", "volgende", "aanstaande", "blijft").
    /// </summary>
    private static bool SaysPast(string[] tokens) =>
        tokens.Any(t => t is "was" or "waren" or "geweest" or "were")
        && tokens.Any(DateTimeParser.IsWeekday)
        && !tokens.Any(t => t.Any(char.IsAsciiDigit) || Ahead.Contains(t));

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
            if (tokens[i] is "vanaf" or "from" && (DateTimeParser.IsWeekday(tokens[i + 1]) || tokens[i + 1] is "vandaag" or "morgen" or "overmorgen" or "today" or "tomorrow" or "volgende" or "next" or "aanstaande"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Tim is weer beter": an open-ended sickness can be closed. Not "nog niet beter".</summary>
    public bool SaysRecovered(TurnContext turn, string text)
    {
        var tokens = Texts.Tokenize(text);
        // Not "nog niet beter", and not "ziek tot hij beter is" (that opens a report).
        var negated = tokens.Zip(tokens.Skip(1)).Any(p => p is ("nog", "niet") or ("nog", "steeds") or ("not", "better") or ("still", _) or ("niet", "beter"))
            || tokens.Any(t => t is "tot" or "totdat" or "until" or "till");
        return signals.Has("recovered", tokens) && !negated && !signals.Has("medical", tokens) && dates.Parse(text, turn.School.Clock.LocalNow).All(m => m.Time is null);
    }

    /// <summary>"Welke ziekmeldingen heb ik gedaan?", "melding intrekken".</summary>
    public bool AsksForReports(string text) => signals.Has("my_reports", Texts.Tokenize(text));

    /// <summary>
    /// The kind the words point to. A doctor or dentist is an appointment, unless the child is sick and no time is
    /// given: "de huisarts zei dat het buikgriep is" and "hij is ziek, hij moet naar de dokter" are a sick day, "om 10
    /// uur naar de tandarts" is an appointment.
    /// </summary>
    public string? KindOf(string[] tokens, IReadOnlyList<DateMention> mentions)
    {
        var medical = signals.Has("medical", tokens);
        // "ziekenhuis" is a place, not an illness, though it starts like one.
        var sick = signals.Has("sick", medical ? [.. tokens.Where(t => !signals.Has("medical", [t]))] : tokens);
        return medical && (!sick || mentions.Any(m => m.Time is not null || m.TimeEnd is not null)) ? AbsenceKinds.Appointment
            : sick ? AbsenceKinds.Sick
            : medical ? AbsenceKinds.Appointment
            : null;
    }

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
            var arrives = signals.Find("arrives", tokens);
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
        if (part is { From: { } time, Until: null } && arrival && signals.Find("leaves", tokens) is null)
        {
            // "Hoe laat komt Tim?" answered with "10 uur": he is away until then.
            return new DayPart(null, time);
        }

        return part;
    }

    /// <summary>The parent's own child named, else a name that is someone else's: a child of the school's, or one of the
    /// parent's children at another school of the board (<paramref name="elsewhere"/>).</summary>
    private static (string? Own, string? Other) Children(IReadOnlySet<string> schoolNames, IReadOnlySet<string> elsewhere, Parent parent, string[] tokens)
    {
        if (Understander.OwnChild(tokens, parent) is { } child)
        {
            return (child.Id, null);
        }

        var own = parent.Children.Select(c => Texts.Normalize(c.FirstName)).ToHashSet(StringComparer.Ordinal);
        var other = tokens.FirstOrDefault(t => (schoolNames.Contains(t) || elsewhere.Contains(t)) && !own.Contains(t));
        return (null, other is null ? null : char.ToUpperInvariant(other[0]) + other[1..]);
    }
}
