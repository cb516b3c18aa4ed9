using Microsoft.Extensions.Options;

namespace OuderBot.Feedback;

/// <summary>Configuration section "Feedback".</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>How far a teacher's first digest looks back for feedback (later ones: since the last digest).</summary>
    public int FirstDigestDays { get; set; } = 7;

    /// <summary>How long the looks at anonymous senders are kept (the audit records hold no content).</summary>
    public int AuditDays { get; set; } = 365;
}

/// <summary>Feedback:* checked at start, every problem with its key.</summary>
internal sealed class FeedbackOptionsValidator : IValidateOptions<FeedbackOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedbackOptions options)
    {
        var failures = new List<string>();
        if (options.FirstDigestDays is < 1 or > 90)
        {
            failures.Add($"Feedback:FirstDigestDays must be 1 to 90 days (it is {options.FirstDigestDays}).");
        }

        if (options.AuditDays is < 30 or > 3650)
        {
            failures.Add($"Feedback:AuditDays must be 30 to 3650 days (it is {options.AuditDays}).");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
