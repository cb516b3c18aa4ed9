using System.Collections.Frozen;

namespace OuderBot.School;

/// <summary>The school as the bot knows it: loaded once from the school's data file, read-only afterwards.</summary>
public sealed class SchoolData
{
    private readonly FrozenDictionary<string, Parent> _parentsByPhone;
    private readonly FrozenDictionary<string, Group> _groups;

    internal SchoolData(string id, SchoolNumbers numbers, SchoolInfo info, IReadOnlyList<Group> groups, IReadOnlyList<Teacher> teachers, IReadOnlyList<Parent> parents, IReadOnlyList<Child> children, RetentionPeriods? retention = null)
    {
        Id = id;
        Numbers = numbers;
        Info = info;
        Retention = retention ?? new RetentionPeriods();
        Groups = groups;
        Teachers = teachers;
        Parents = parents;
        Children = children;
        _parentsByPhone = parents.ToFrozenDictionary(p => p.Phone, StringComparer.Ordinal);
        _groups = groups.ToFrozenDictionary(g => g.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The school's stable id ("de-driehoek"): every stored document of the school is keyed by it.</summary>
    public string Id { get; }

    /// <summary>The school's Twilio senders: a message to one of them is for this school.</summary>
    public SchoolNumbers Numbers { get; }

    public SchoolInfo Info { get; }
    public IReadOnlyList<Group> Groups { get; }
    public IReadOnlyList<Teacher> Teachers { get; }
    public IReadOnlyList<Parent> Parents { get; }
    public IReadOnlyList<Child> Children { get; }

    /// <summary>How long the bot keeps each kind of personal data (the school's choice, with defensible defaults).</summary>
    public RetentionPeriods Retention { get; }

    /// <summary>The rounds of parent-teacher talks parents book by chat (talkRounds: in the school's file).</summary>
    public IReadOnlyList<Booking.TalkRound> TalkRounds { get; init; } = [];

    /// <summary>When the teachers get their daily digest (digest: in the school's file); none without it.</summary>
    public Digest.DigestSchedule Digest { get; init; } = OuderBot.Digest.DigestSchedule.None;

    /// <summary>The school's complaint procedure (complaints: in the school's file), told in a complaint's receipt.</summary>
    public Feedback.ComplaintProcedure Complaints { get; init; } = OuderBot.Feedback.ComplaintProcedure.Default;

    /// <summary>The parent with this phone number (any format, also "whatsapp:+31..."), or null for a stranger.</summary>
    public Parent? FindParent(string? phone) =>
        Phone.TryNormalize(phone) is { } e164 && _parentsByPhone.TryGetValue(e164, out var parent) ? parent : null;

    public Group? FindGroup(string id) => _groups.GetValueOrDefault(id);
}

public sealed record SchoolInfo(
    string Name,
    string Address,
    string Phone,
    string Email,
    string? Website,
    Person Director,
    string TimeZone,
    IReadOnlyDictionary<DayOfWeek, SchoolHours> Times,
    IReadOnlyList<Holiday> Holidays,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Facts)
{
    /// <summary>A school fact used in FAQ answers ("gym_days"), in the language asked, else Dutch; null when the school has none.</summary>
    public string? Fact(string key, string language) =>
        Facts.TryGetValue(key, out var values) ? values.GetValueOrDefault(language) ?? values.GetValueOrDefault("nl") : null;
}

/// <summary>The school's Twilio senders: SMS number and WhatsApp sender as E.164, or a Messaging Service (MG...).</summary>
public sealed record SchoolNumbers(string? Sms, string? WhatsApp, string? MessagingServiceSid)
{
    public static readonly SchoolNumbers None = new(null, null, null);

    public bool Any => Sms is not null || WhatsApp is not null || MessagingServiceSid is not null;

    /// <summary>Whether a webhook's To ("+3197...", "whatsapp:+3197...") or MessagingServiceSid is this school's.</summary>
    public bool Owns(string? to, string? messagingServiceSid) =>
        (messagingServiceSid is { Length: > 0 } && string.Equals(messagingServiceSid.Trim(), MessagingServiceSid, StringComparison.Ordinal))
        || (Phone.TryNormalize(to) is { } e164 && (to!.Trim().StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? e164 == WhatsApp : e164 == Sms));

    /// <summary>Every number and service id, for the check that no two schools share one.</summary>
    public IEnumerable<string> All => new[] { Sms is null ? null : "sms " + Sms, WhatsApp is null ? null : "whatsapp " + WhatsApp, MessagingServiceSid }.OfType<string>();
}

public sealed record Person(string Name, string? Email, string? Phone);

public sealed record SchoolHours(TimeOnly Start, TimeOnly End);

public sealed record Holiday(string Name, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

public sealed record Group(string Id, string Name, IReadOnlyList<Teacher> Teachers);

/// <summary>A teacher; <c>Phone</c> (E.164, optional) is for notices by SMS or WhatsApp (Notices:Channel).</summary>
public sealed record Teacher(string Name, string Email, IReadOnlyList<string> Groups, string? Phone = null);

/// <summary>A parent or carer; <see cref="Phone"/> is E.164 and identifies them on every channel.</summary>
public sealed record Parent(string Name, string Phone, string Language, IReadOnlyList<Child> Children);

/// <summary>A pupil. <see cref="Id"/> is stable (from the file, or derived from name and group).</summary>
public sealed record Child(string Id, string FirstName, string GroupId);

/// <summary>
/// How many days the bot keeps each kind of personal data; the school sets them under <c>retention:</c> in its file.
/// Defaults: a conversation a week after the parent's last message, the inbox and sent messages with their delivery
/// statuses 30 days, absence registrations a year after the absence (a school year and the summer after it; the
/// school's official record is its student administration, which the CSV export feeds).
/// </summary>
public sealed record RetentionPeriods(int ConversationDays = 7, int InboxDays = 30, int DeliveryDays = 30, int AbsenceDays = 365)
{
    /// <summary>Conversations hold the message ids that guard against replays (48 hours), so they stay at least two days.</summary>
    public const int MinimumConversationDays = 2;
}
