namespace OuderBot.Channels.Twilio;

/// <summary>
/// Twilio's SMS keywords, matched as Twilio documents it (README, "Opt-out (SMS)"): a message is a keyword only when
/// its whole body is the keyword, in any case ("sToP"); "STOP PLEASE" and "OPT OUT" are not. Where Twilio's pages
/// are silent the reading is narrow: spaces, tabs and line breaks around the word are allowed, nothing else
/// (no punctuation, no full-width or other look-alike letters, no other spaces), so the bot never records an opt-out
/// Twilio did not make. Twilio blocks or unblocks the number itself and sends its own confirmation.
/// </summary>
public static class OptOutKeywords
{
    public static readonly IReadOnlySet<string> OptOut = new HashSet<string>(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"], StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> OptIn = new HashSet<string>(["START", "YES", "UNSTOP"], StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> Help = new HashSet<string>(["HELP", "INFO"], StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> All => OptOut.Concat(OptIn).Concat(Help);

    private static readonly char[] Around = [' ', '\t', '\r', '\n'];

    /// <summary>What the message asks of Twilio's opt-out handling: Twilio's OptOutType parameter when it sent one
    /// (Advanced Opt-Out, including a service's own keywords: Twilio's own decision), else the body as a keyword.</summary>
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

        var word = body?.Trim(Around) ?? "";
        if (word.Length == 0 || !word.All(char.IsAsciiLetter))
        {
            return OptOutKind.None; // every keyword is ASCII letters only; ignore-case then only folds A-Z
        }

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
