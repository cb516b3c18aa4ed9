namespace OuderBot.Channels.Twilio;

/// <summary>How many SMS a text costs: GSM-7 (3GPP TS 23.038 basic set, extension characters count twice) takes 160
/// characters in one SMS and 153 per part of a longer one; any other character makes the whole text UCS-2: 70, or 67 per part.</summary>
public static class SmsSegments
{
    private const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "\f^{}\\[~]|€";

    /// <summary>Whether every character fits GSM-7 (basic set or extension table).</summary>
    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    /// <summary>Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes.</summary>
    public static int Units(string text) => IsGsm7(text) ? text.Sum(c => Extension.Contains(c) ? 2 : 1) : text.Length;

    /// <summary>The number of SMS segments; 0 for an empty text.</summary>
    public static int Count(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var gsm = IsGsm7(text);
        var units = Units(text);
        var (single, part) = gsm ? (160, 153) : (70, 67);
        return units <= single ? 1 : (units + part - 1) / part;
    }
}
