using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OuderBot.Outbox;

/// <summary>Configuration section "Smtp": the school's mail server for notices to teachers.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The mail server. Without one, no e-mail goes out and teachers see absences in the digest only.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender, "OBS De Driehoek &lt;ouderbot@school.nl&gt;" or a bare address.</summary>
    public string? From { get; set; }

    public string? Username { get; set; }

    /// <summary>From the environment (Smtp__Password) or user-secrets; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Checked at start: a mail server needs a valid sender.</summary>
    public static ValidateOptionsResult Validate(SmtpOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _))
        {
            return ValidateOptionsResult.Fail("Smtp:From must be a valid e-mail address when Smtp:Host is set.");
        }

        if (options.Port is < 1 or > 65535)
        {
            return ValidateOptionsResult.Fail("Smtp:Port must be between 1 and 65535.");
        }

        return string.IsNullOrEmpty(options.Username) == string.IsNullOrEmpty(options.Password)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Smtp:Username and Smtp:Password go together: set both or neither.");
    }
}

/// <summary>Sends outbox e-mail through SMTP with MailKit. The Message-ID is the outbox id, so a resend is recognisable.</summary>
public sealed class SmtpTransport(IOptionsMonitor<SmtpOptions> options) : IOutboxTransport
{
    public bool Serves(string channel) => channel == "email" && options.CurrentValue.Enabled;

    public async Task<SendResult> SendAsync(Bot.SchoolContext school, OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var mail = new MimeMessage
        {
            Subject = message.Subject ?? "",
            Body = message.Html is { Length: > 0 } html
                ? new BodyBuilder { TextBody = message.Body, HtmlBody = html }.ToMessageBody()
                : new TextPart("plain") { Text = message.Body },
            MessageId = $"{message.Id}@ouderbot",
        };
        mail.From.Add(MailboxAddress.Parse(o.From!));
        if (!MailboxAddress.TryParse(message.To, out var to))
        {
            return new SendResult.Rejected("Not a valid e-mail address.");
        }

        mail.To.Add(to);
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.Security, cancellationToken);
            if (!string.IsNullOrEmpty(o.Username))
            {
                await client.AuthenticateAsync(o.Username, o.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new SendResult.Sent(mail.MessageId);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode is >= 500 and < 600)
        {
            return new SendResult.Rejected($"The mail server refuses the recipient ({(int)ex.StatusCode}).");
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or TimeoutException or SslHandshakeException)
        {
            return new SendResult.Retry($"Mail server: {ex.GetType().Name}");
        }
    }
}
