using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Channels.Twilio;

namespace OuderBot.Digest;

/// <summary>Configuration section "Digest".</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Where teachers reach the digest's pages; default Twilio:PublicBaseUrl, else http://localhost:5080.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The secret the page links are signed with (HMAC-SHA256), at least 32 characters, the same on every
    /// instance; required outside Development when a school has a digest. Without one (Development), each instance
    /// makes its own at start: links then work only on the instance that made them, until it restarts.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link from a digest works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often every instance looks whether a digest time has come.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A digest being built and queued longer than this is presumed dead and taken over by another instance.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public static ValidateOptionsResult Validate(DigestOptions o)
    {
        var errors = new List<string>();
        if (o.PublicBaseUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add("Digest:PublicBaseUrl must be an absolute http(s) URL.");
        }

        if (o.SigningKey is { Length: > 0 } key && key.Trim().Length < 32)
        {
            errors.Add("Digest:SigningKey must be at least 32 characters (a random secret, the same on every instance).");
        }

        if (o.LinkLifetime <= TimeSpan.Zero || o.LinkLifetime > TimeSpan.FromDays(90))
        {
            errors.Add("Digest:LinkLifetime must be more than zero and at most 90 days.");
        }

        if (o.PollInterval <= TimeSpan.Zero || o.Lease <= TimeSpan.Zero)
        {
            errors.Add("Digest:PollInterval and Digest:Lease must be more than zero.");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}

/// <summary>How a link check came out.</summary>
public enum LinkCheck
{
    Valid,

    /// <summary>The signature does not match: altered, or not ours.</summary>
    Forged,
    Expired,
}

/// <summary>
/// The digest's links for teachers, without a login: the school, the teacher, the question (or the overview) and the
/// expiry are signed with HMAC-SHA256 under Digest:SigningKey, so a link opens only what it was made for, only until
/// it expires, and nobody can make or alter one. Compared in constant time.
/// </summary>
public sealed class DigestLinks(IOptions<DigestOptions> options, IOptions<TwilioOptions> twilio, ILogger<DigestLinks> logger)
{
    public const string Overview = "overview";
    public const string Answer = "answer";

    private readonly byte[] _key = KeyOf(options.Value, logger);

    private string Base => (options.Value.PublicBaseUrl is { Length: > 0 } own ? own : twilio.Value.PublicBaseUrl is { Length: > 0 } t ? t : "http://localhost:5080").TrimEnd('/');

    public TimeSpan Lifetime => options.Value.LinkLifetime;

    public string OverviewUrl(SchoolContext school, string teacherId, DateTimeOffset expires) =>
        $"{Base}{OverviewPath(school.Id, teacherId)}?{Query(Overview, school.Id, teacherId, "", expires)}";

    public string AnswerUrl(SchoolContext school, string teacherId, string itemId, DateTimeOffset expires) =>
        $"{Base}{AnswerPath(school.Id, teacherId, itemId)}?{Query(Answer, school.Id, teacherId, itemId, expires)}";

    public static string OverviewPath(string school, string teacherId) => $"/digest/{school}/{teacherId}";

    public static string AnswerPath(string school, string teacherId, string itemId) => $"/digest/{school}/{teacherId}/questions/{itemId}";

    public LinkCheck Check(string purpose, string school, string teacherId, string itemId, string? expires, string? signature, DateTimeOffset now)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null)
        {
            return LinkCheck.Forged;
        }

        var expected = Sign(purpose, school, teacherId, itemId, seconds);
        var given = Encoding.ASCII.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), given))
        {
            return LinkCheck.Forged;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds) < now ? LinkCheck.Expired : LinkCheck.Valid;
    }

    private string Query(string purpose, string school, string teacherId, string itemId, DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"expires={seconds}&sig={Sign(purpose, school, teacherId, itemId, seconds)}");
    }

    private string Sign(string purpose, string school, string teacherId, string itemId, long expires)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{purpose}\n{school}\n{teacherId}\n{itemId}\n{expires}"));
        return Convert.ToBase64String(HMACSHA256.HashData(_key, message)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static byte[] KeyOf(DigestOptions o, ILogger logger)
    {
        if (o.SigningKey is { Length: > 0 } key)
        {
            return Encoding.UTF8.GetBytes(key.Trim());
        }

        logger.LogWarning("Digest: no Digest:SigningKey configured; the digest's links work only on this instance until it restarts");
        return RandomNumberGenerator.GetBytes(32);
    }
}
