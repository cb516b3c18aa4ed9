using System.Security.Cryptography;
using System.Text;

namespace OuderBot.Channels.Twilio;

/// <summary>
/// Twilio's request signature (X-Twilio-Signature), as Twilio documents it ("Webhooks security"): take the full URL
/// Twilio called (with its query string); for a form POST append each parameter, sorted by name, as name + value with
/// nothing between; HMAC-SHA1 that UTF-8 string with the auth token as key; base64 the hash.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    /// <summary>The signature Twilio sends for <paramref name="url"/> and <paramref name="parameters"/>.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        // Ordinal order of names (as Twilio's helpers sort); a repeated name contributes each value, values in order.
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is Twilio's for this request. Like Twilio's own helpers it accepts the URL
    /// with and without the scheme's default port (Twilio may sign "https://host/x" or "https://host:443/x").
    /// Compared in constant time.
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(signature);
        var parameterList = parameters.ToList();
        var valid = false;
        foreach (var candidate in UrlVariants(url))
        {
            var expected = Encoding.UTF8.GetBytes(Compute(authToken, candidate, parameterList));
            // Every variant is checked, so the time taken does not tell which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        return valid;
    }

    /// <summary>The URL as given, and the same URL with its default port added or removed (https :443, http :80).</summary>
    public static IReadOnlyList<string> UrlVariants(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return [url];
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        var defaultPort = scheme switch { "https" => "443", "http" => "80", _ => null };
        if (defaultPort is null)
        {
            return [url];
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var hostStart = authority.LastIndexOf('@') + 1;
        var portColon = authority.IndexOf(':', Math.Max(hostStart, authority.LastIndexOf(']') + 1));
        var prefix = url[..authorityStart];
        var rest = url[authorityEnd..];
        if (portColon < 0)
        {
            return [url, $"{prefix}{authority}:{defaultPort}{rest}"];
        }

        return authority[(portColon + 1)..] == defaultPort ? [url, prefix + authority[..portColon] + rest] : [url];
    }
}
