using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OuderBot.Admin;

namespace OuderBot.Office;

/// <summary>Who a session cookie belongs to: one school's office, or the board (then the school it chose).</summary>
public sealed record OfficeIdentity(string SchoolId, bool Board);

/// <summary>
/// The office's session after it logged in with its key at /office/login: a cookie (HttpOnly, SameSite=Strict, Secure
/// over HTTPS) that holds who and until when, signed with a secret derived from the key it logged in with. Every
/// instance checks it without shared state, the key never appears in a URL, and a key that is changed ends its
/// sessions at once. It opens the office's pages and the GET endpoints they read (the CSV exports among them), never
/// a POST: those still need the X-Api-Key header, so a page on another site cannot act for the office.
/// </summary>
public static class OfficeSession
{
    public const string CookieName = "ouderbot_office";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static string Create(OfficeIdentity who, string key, DateTimeOffset now)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{(who.Board ? "b" : "s")}|{who.SchoolId}|{(now + Lifetime).ToUnixTimeSeconds()}");
        return Encode(Encoding.UTF8.GetBytes(payload)) + "." + Encode(Sign(payload, key));
    }

    /// <summary>The cookie's identity when its signature checks out against the configured keys and it has not expired.</summary>
    public static OfficeIdentity? Read(string? cookie, AdminOptions keys, DateTimeOffset now)
    {
        if (cookie is not { Length: > 0 and < 512 } || cookie.Split('.') is not [var body, var signature]
            || Decode(body) is not { } bytes || Decode(signature) is not { } given)
        {
            return null;
        }

        var payload = Encoding.UTF8.GetString(bytes);
        if (payload.Split('|') is not [var kind and ("b" or "s"), var schoolId, var expires]
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var until)
            || until > DateTimeOffset.MaxValue.ToUnixTimeSeconds() || DateTimeOffset.FromUnixTimeSeconds(until) <= now)
        {
            return null;
        }

        var key = kind == "b" ? keys.ApiKey : keys.SchoolKeys.GetValueOrDefault(schoolId);
        return key is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Sign(payload, key), given)
            ? new OfficeIdentity(schoolId, kind == "b")
            : null;
    }

    private static byte[] Sign(string payload, string key) =>
        HMACSHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes("ouderbot-office-session|" + key)), Encoding.UTF8.GetBytes(payload));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? Decode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
