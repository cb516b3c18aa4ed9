using System.Text.Json;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Outbox;
using OuderBot.School;

namespace OuderBot.Channels.Twilio;

/// <summary>
/// Sends the outbox's SMS and WhatsApp messages through Twilio's REST API and tells the outbox what became of them:
/// 429/5xx/time-outs are retried by the outbox; 21610 (the parent sent STOP) records the opt-out; 63016 (the WhatsApp
/// 24-hour window is closed) sends the school's approved template instead when one is configured; other refusals
/// are final.
/// </summary>
public sealed class TwilioOutboxTransport(
    TwilioRestClient client,
    IOptionsMonitor<TwilioOptions> options,
    OptOutStore optOuts) : IOutboxTransport
{
    public const int Unsubscribed = 21610;
    public const int OutsideWhatsAppWindow = 63016;

    public bool Serves(string channel) => channel is TwilioChannel.Sms or TwilioChannel.WhatsApp && options.CurrentValue.Enabled;

    public async Task<SendResult> SendAsync(SchoolContext school, OutboxMessage message, CancellationToken cancellationToken)
    {
        var whatsApp = message.Channel == TwilioChannel.WhatsApp;
        var to = whatsApp ? TwilioChannel.WhatsAppPrefix + message.To : message.To;
        // From the school's own sender (its file's numbers), else the deployment's (Twilio:SmsFrom, ...).
        var numbers = school.Data.Numbers;
        var from = whatsApp ? (numbers.WhatsApp is { } w ? TwilioChannel.WhatsAppPrefix + w : null) : numbers.Sms;
        var request = new TwilioMessageRequest(to, Body: message.Body, From: from, MessagingServiceSid: numbers.MessagingServiceSid);
        var result = await client.SendAsync(request, cancellationToken);

        if (result is TwilioSendResult.Rejected { ErrorCode: OutsideWhatsAppWindow } && whatsApp && Template(school, message) is { } template)
        {
            result = await client.SendAsync(request with { Body = null, ContentSid = template.Sid, ContentVariables = template.Variables }, cancellationToken);
        }

        switch (result)
        {
            case TwilioSendResult.Accepted accepted:
                return new SendResult.Sent(accepted.MessageSid);
            case TwilioSendResult.Retryable retry:
                // Twilio's own texts may quote the number ("The 'To' number +316... is not valid"): keep only the codes.
                return new SendResult.Retry($"Twilio {retry.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"} {retry.ErrorCode}", retry.RetryAfter,
                    (retry.ErrorCode ?? retry.HttpStatus)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "network");
            case TwilioSendResult.Rejected { ErrorCode: Unsubscribed } rejected:
                await optOuts.OptOutAsync(school, message.To, "21610", cancellationToken);
                return new SendResult.Rejected($"Twilio {rejected.ErrorCode}: the parent unsubscribed (STOP).", "21610");
            case TwilioSendResult.Rejected rejected:
                return new SendResult.Rejected($"Twilio {rejected.HttpStatus} {rejected.ErrorCode}",
                    (rejected.ErrorCode ?? rejected.HttpStatus).ToString(System.Globalization.CultureInfo.InvariantCulture));
            default:
                return new SendResult.Retry("Unknown Twilio result.");
        }
    }

    private (string Sid, IReadOnlyDictionary<string, string>? Variables)? Template(SchoolContext school, OutboxMessage message)
    {
        if (message.ContentSid is { } own)
        {
            var variables = message.ContentVariables is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) : null;
            return (own, variables);
        }

        return options.CurrentValue.WhatsAppTemplateSid is { } sid
            ? (sid, new Dictionary<string, string> { ["1"] = school.Data.Info.Name })
            : null;
    }
}

/// <summary>No message the school starts goes to a parent who sent it STOP, on SMS or on WhatsApp, until they send START.</summary>
public sealed class OptOutBlocklist(OptOutStore optOuts) : IRecipientBlocklist
{
    public async Task<bool> IsBlockedAsync(SchoolContext school, string channel, string to, CancellationToken cancellationToken) =>
        channel is TwilioChannel.Sms or TwilioChannel.WhatsApp
        && Phone.TryNormalize(to) is { } phone
        && await optOuts.IsOptedOutAsync(school, phone, cancellationToken);
}
