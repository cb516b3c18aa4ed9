namespace OuderBot.Channels.Twilio;

/// <summary>
/// Twilio's SMS keywords (Advanced Opt-Out defaults, twilio.com/docs/messaging/tutorials/advanced-opt-out and
/// "Twilio support for opt-out keywords"): a message that is only one of these words, in any case, is handled by
/// Twilio itself (it blocks or unblocks the number and sends its own confirmation).
/// </summary>
public static class OptOutKeywords
{
    public static readonly IReadOnlySet<string> OptOut = new HashSet<string>(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"], StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> OptIn = new HashSet<string>(["START", "YES", "UNSTOP"], StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> Help = new HashSet<string>(["HELP", "INFO"], StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> All => OptOut.Concat(OptIn).Concat(Help);

    /// <summary>What the message asks of Twilio's opt-out handling: Twilio's OptOutType parameter when it sent one
    /// (Advanced Opt-Out, including a service's own keywords), else the whole trimmed body as a keyword.</summary>
    public static OptOutKind Classify(string? body, string? optOutType)
    {
        switch (optOutType?.Trim().ToUpperInvariant())
        {
            case "STOP":
                return OptOutKind.OptOut;
            case "START":
                return OptOutKind.OptIn;
            case "HELP":
                return OptOutKind.Help;
        }

        var word = body?.Trim() ?? "";
        return OptOut.Contains(word) ? OptOutKind.OptOut
            : OptIn.Contains(word) ? OptOutKind.OptIn
            : Help.Contains(word) ? OptOutKind.Help
            : OptOutKind.None;
    }
}

public enum OptOutKind
{
    None,
    OptOut,
    OptIn,
    Help,
}
