using System.Text.Json;
using OuderBot.Bot;
using OuderBot.School;

namespace OuderBot.Digest;

/// <summary>
/// What a section source is asked: one teacher's digest at one school, for a school day, as of a moment (the digest
/// time, or now for a preview), with what the teacher was told before (<see cref="Since"/>, null before the first).
/// </summary>
public sealed record DigestQuery(
    SchoolContext School,
    Teacher Teacher,
    string TeacherId,
    DateOnly Date,
    DateTimeOffset AsOf,
    DigestLastState? Since,
    DigestRun Run);

/// <summary>
/// A capability's part of the teachers' digest. Each capability registers one (AddDigestSource); the digest asks them
/// all in <see cref="Order"/> and shows the sections that have something to tell. The feedback capability adds its own.
/// </summary>
public interface IDigestSource
{
    /// <summary>The section's field in the JSON ("absences", "talks", "handoffs", "feedback").</summary>
    string Name { get; }

    int Order { get; }

    Task<DigestSection> ReadAsync(DigestQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// One section of a teacher's digest: its structured data (the office's JSON) and how it reads (mail and page).
/// </summary>
/// <param name="Name">The JSON field, as <see cref="IDigestSource.Name"/>.</param>
/// <param name="Title">Heading in the mail and page ("Afwezig").</param>
/// <param name="HasNews">Something to tell: only such sections are shown, and a digest without any is not sent.</param>
/// <param name="Summary">Its part of the summary line ("3 afwezig"), or null when it adds none.</param>
/// <param name="Data">The structured fields, as JSON.</param>
/// <param name="Groups">What the teacher reads, in groups with an optional heading.</param>
/// <param name="State">What the next digest compares with (the talks as they were), kept with the digest; null for none.</param>
/// <param name="ParentPhones">The parents whose words the section holds (their questions): a kept digest goes when one asks to be erased.</param>
public sealed record DigestSection(
    string Name,
    string Title,
    bool HasNews,
    string? Summary,
    JsonElement Data,
    IReadOnlyList<DigestGroup> Groups,
    JsonElement? State = null,
    IReadOnlyList<string>? ParentPhones = null);

public sealed record DigestGroup(string? Heading, IReadOnlyList<DigestLine> Lines);

/// <summary>One line a teacher reads: plain text (escaped when rendered), an optional link, and notes under it (replies).</summary>
public sealed record DigestLine(string Text, string? Link = null, string? LinkText = null, IReadOnlyList<string>? Notes = null);

/// <summary>What a source may share within one run over a school (e.g. the school's absences read once for all teachers).</summary>
public sealed class DigestRun
{
    private readonly Dictionary<string, object> _shared = new(StringComparer.Ordinal);

    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> read)
        where T : notnull
    {
        if (_shared.TryGetValue(key, out var value))
        {
            return (T)value;
        }

        var read1 = await read();
        _shared[key] = read1;
        return read1;
    }
}

/// <summary>A teacher's digest for one school day and digest time, as the office sees it and as it is sent.</summary>
public sealed record TeacherDigest
{
    public required string School { get; init; }
    public required string TeacherId { get; init; }
    public required string Teacher { get; init; }
    public required string Date { get; init; }

    /// <summary>The digest time ("07:30") this is the digest of.</summary>
    public required string Time { get; init; }

    /// <summary>"3 afwezig, 2 nieuwe gesprekken, 1 vraag", or "Niets nieuws" on an empty day.</summary>
    public required string Summary { get; init; }

    /// <summary>Every registered section by name (absences, talks, handoffs, feedback), also the empty ones.</summary>
    public required Dictionary<string, JsonElement> Sections { get; init; }

    /// <summary>Whether there is anything to tell; a digest without news is sent only when the school asks for it.</summary>
    public required bool HasNews { get; init; }

    /// <summary>not-due (the time has not come), queued (waiting for the mail server), sent, nothing-to-tell, skipped
    /// (a later digest time had come before it was sent: that one carries its news), failed.</summary>
    public string Status { get; init; } = DigestStatus.NotDue;
    public bool Sent { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Every digest time of the day with its status.</summary>
    public IReadOnlyList<DigestDelivery> Deliveries { get; init; } = [];

    /// <summary>The teacher's page (the digest as it stands and the talk schedule), signed as in the mail; set for the office's view only.</summary>
    public string? PageUrl { get; init; }
}

public sealed record DigestDelivery(string Time, string Status, DateTimeOffset? SentAt);

public static class DigestStatus
{
    public const string NotDue = "not-due";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string NothingToTell = "nothing-to-tell";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}

/// <summary>What a teacher was last told: when, and each section's state then (the talks as they stood).</summary>
public sealed record DigestLastState(DateTimeOffset At, string Date, string Time, Dictionary<string, JsonElement> States);
