namespace OuderBot.Feedback;

/// <summary>The kinds of feedback a parent gives.</summary>
public static class FeedbackKinds
{
    public const string Compliment = "compliment";
    public const string Complaint = "complaint";
    public const string Suggestion = "suggestion";

    public static readonly IReadOnlyList<string> All = [Compliment, Complaint, Suggestion];
}

/// <summary>What feedback is about: a teacher of the school, the school, the bot itself, or a topic.</summary>
public static class FeedbackAbout
{
    public const string Teacher = "teacher";
    public const string School = "school";
    public const string Bot = "bot";
    public const string Topic = "topic";
}

/// <summary>The office's headings for what feedback is about when it names no teacher.</summary>
public static class FeedbackTopics
{
    public const string Communication = "communicatie";
    public const string Safety = "veiligheid";
    public const string Lessons = "lessen";
    public const string Overblijf = "overblijf";

    public static readonly IReadOnlyList<string> All = [Communication, Safety, Lessons, Overblijf];
}

/// <summary>
/// One piece of feedback as the school keeps it (schools/{id}/feedback/{yyyy-MM-dd}/...). The sender is kept for the
/// office; when <see cref="Anonymous"/>, nothing a teacher sees shows <see cref="ParentName"/>, <see cref="ParentPhone"/>
/// or the children.
/// </summary>
public sealed record FeedbackItem
{
    /// <summary><see cref="FeedbackKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary><see cref="FeedbackAbout"/>.</summary>
    public required string About { get; init; }

    /// <summary>The teacher's id (a slug of the name) when <see cref="About"/> is a teacher.</summary>
    public string? TeacherId { get; init; }
    public string? Teacher { get; init; }

    /// <summary>One of <see cref="FeedbackTopics"/>, also beside a teacher ("onveilig bij de gymles").</summary>
    public string? Topic { get; init; }

    /// <summary>The parent's own words.</summary>
    public required string Text { get; init; }
    public required bool Anonymous { get; init; }
    public required bool ContactWanted { get; init; }

    /// <summary>Marked urgent by the parent ("dringend").</summary>
    public bool Urgent { get; init; }

    /// <summary>When the director was mailed at once (an urgent or safety complaint); null when not.</summary>
    public DateTimeOffset? DirectorMailedAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Channel { get; init; }
    public required string Language { get; init; }
    public required string ParentPhone { get; init; }
    public required string ParentName { get; init; }
    public required IReadOnlyList<string> ChildIds { get; init; }

    /// <summary>A complaint the director hears of at once: about safety, or marked urgent.</summary>
    public bool GoesToDirectorAtOnce => Kind == FeedbackKinds.Complaint && (Urgent || Topic == FeedbackTopics.Safety);
}

/// <summary>One look at an anonymous sender: who looked (which key), when, at which item; never the content.</summary>
public sealed record FeedbackAudit(string ItemId, string Who, DateTimeOffset At);
