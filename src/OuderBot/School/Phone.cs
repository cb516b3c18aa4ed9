using PhoneNumbers;

namespace OuderBot.School;

/// <summary>Phone numbers as the bot keeps them: E.164 ("+31612345678"), parsed with libphonenumber, Dutch by default.</summary>
public static class Phone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Normalises "06 12345678", "+31 6 1234 5678", "0031612345678" or "whatsapp:+31612345678" to E.164; null when it is no valid number.</summary>
    public static string? TryNormalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var raw = text.Trim();
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            raw = raw[(colon + 1)..]; // channel prefixes such as "whatsapp:" or "sms:"
        }

        try
        {
            var number = Util.Parse(raw, "NL");
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>A phone number fit for logs: country code, first digit and last two digits only ("+316******11").</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "(none)";
        }

        if (phone.Length <= 6)
        {
            return new string('*', phone.Length);
        }

        return string.Concat(phone.AsSpan(0, 4), new string('*', phone.Length - 6), phone.AsSpan(phone.Length - 2));
    }
}
