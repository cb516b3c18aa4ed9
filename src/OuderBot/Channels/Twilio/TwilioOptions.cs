using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OuderBot.Channels.Twilio;

/// <summary>Configuration section "Twilio". Secrets (AuthToken) come from the environment or user-secrets, never from files.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";
    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    /// <summary>The account ("AC" + 32 hex digits); with AuthToken, the Basic-auth user of the REST API.</summary>
    public string? AccountSid { get; set; }

    /// <summary>Signs Twilio's webhooks (X-Twilio-Signature) and is the REST API's password. Never logged.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The address Twilio calls, such as "https://bot.school.nl": the URL the signature covers, and the base of the status callback.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The school's SMS number (E.164), the sender of SMS the bot starts itself.</summary>
    public string? SmsFrom { get; set; }

    /// <summary>The school's WhatsApp sender ("whatsapp:+31..." or "+31...").</summary>
    public string? WhatsAppFrom { get; set; }

    /// <summary>A Messaging Service ("MG..."); when set, it picks the sender instead of SmsFrom/WhatsAppFrom.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// The school's approved WhatsApp template (Content SID "HX..."), sent instead of a plain message the bot starts
    /// when the parent's 24-hour window is closed (Twilio error 63016). Its variable {{1}} is the school's name.
    /// </summary>
    public string? WhatsAppTemplateSid { get; set; }

    /// <summary>Where the REST API lives; tests point it at a fake.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Development only: false skips the signature check (for curl experiments). Ignored in every other environment.</summary>
    public bool ValidateSignature { get; set; } = true;

    /// <summary>The channel is on when an account or token is configured; then both must be right (checked at start).</summary>
    public bool Enabled => AccountSid is not null || AuthToken is not null;
}

/// <summary>Empty strings become null and URLs lose their trailing slash, so "not set" has one meaning.</summary>
internal sealed class NormalizeTwilioOptions : IPostConfigureOptions<TwilioOptions>
{
    public void PostConfigure(string? name, TwilioOptions options)
    {
        options.AccountSid = Clean(options.AccountSid);
        options.AuthToken = Clean(options.AuthToken);
        options.PublicBaseUrl = Clean(options.PublicBaseUrl)?.TrimEnd('/');
        options.SmsFrom = Clean(options.SmsFrom);
        options.WhatsAppFrom = Clean(options.WhatsAppFrom);
        options.MessagingServiceSid = Clean(options.MessagingServiceSid);
        options.WhatsAppTemplateSid = Clean(options.WhatsAppTemplateSid);
        options.ApiBaseUrl = Clean(options.ApiBaseUrl)?.TrimEnd('/') ?? TwilioOptions.DefaultApiBaseUrl;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Checked at start (ValidateOnStart): a broken Twilio configuration stops the bot with a clear message, not at the first message.</summary>
internal sealed partial class ValidateTwilioOptions(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        // Outside Development a Twilio setting without the channel's credentials is a mistake, never "Twilio off":
        // the number's webhooks would all get 403 and every parent's message would go unanswered.
        var wanted = new[] { ("Twilio:SmsFrom", options.SmsFrom), ("Twilio:WhatsAppFrom", options.WhatsAppFrom), ("Twilio:MessagingServiceSid", options.MessagingServiceSid),
                ("Twilio:PublicBaseUrl", options.PublicBaseUrl), ("Twilio:WhatsAppTemplateSid", options.WhatsAppTemplateSid) }
            .Where(s => !string.IsNullOrWhiteSpace(s.Item2)).Select(s => s.Item1).ToList();
        if (configuration["Notices:Channel"]?.Trim().ToLowerInvariant() is "sms" or "whatsapp")
        {
            wanted.Add("Notices:Channel");
        }

        if (!options.Enabled && wanted.Count > 0 && !environment.IsDevelopment())
        {
            failures.Add($"Twilio:AuthToken and Twilio:AccountSid are required when {string.Join(", ", wanted)} is set (set the token with the environment variable Twilio__AuthToken or a Key Vault reference).");
        }

        if (!IsAbsoluteHttpUrl(options.ApiBaseUrl))
        {
            failures.Add($"Twilio:ApiBaseUrl must be an absolute http(s) URL such as {TwilioOptions.DefaultApiBaseUrl}.");
        }

        if (options.Enabled)
        {
            if (options.AuthToken is null)
            {
                failures.Add("Twilio:AuthToken is required when Twilio:AccountSid is set (set it with the environment variable Twilio__AuthToken or dotnet user-secrets).");
            }

            if (options.AccountSid is null || !AccountSidPattern().IsMatch(options.AccountSid))
            {
                failures.Add("Twilio:AccountSid must be the account's SID: \"AC\" followed by 32 hexadecimal characters (Twilio Console, Account Info).");
            }

            if (options.PublicBaseUrl is not null && !IsAbsoluteHttpUrl(options.PublicBaseUrl))
            {
                failures.Add($"Twilio:PublicBaseUrl must be an absolute http(s) URL such as https://bot.school.nl, not '{options.PublicBaseUrl}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();
}
