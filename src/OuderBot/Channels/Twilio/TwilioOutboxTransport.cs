using System.Text.Json;
using Microsoft.Extensions.Options;
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
    OptOutStore optOuts,
    SchoolData school) : IOutboxTransport
{
    public const int Unsubscribed = 21610;
    public const int OutsideWhatsAppWindow = 63016;

    public bool Serves(string channel) => channel is TwilioChannel.Sms or TwilioChannel.WhatsApp && options.CurrentValue.Enabled;

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var whatsApp = message.Channel == TwilioChannel.WhatsApp;
        var to = whatsApp ? TwilioChannel.WhatsAppPrefix + message.To : message.To;
        var result = await client.SendAsync(new TwilioMessageRequest(to, Body: message.Body), cancellationToken);

        if (result is TwilioSendResult.Rejected { ErrorCode: OutsideWhatsAppWindow } && whatsApp && Template(message) is { } template)
        {
            result = await client.SendAsync(new TwilioMessageRequest(to, ContentSid: template.Sid, ContentVariables: template.Variables), cancellationToken);
        }

        switch (result)
        {
            case TwilioSendResult.Accepted accepted:
                return new SendResult.Sent(accepted.MessageSid);
            case TwilioSendResult.Retryable retry:
                // Twilio's own texts may quote the number ("The 'To' number +316... is not valid"): keep only the codes.
                return new SendResult.Retry($"Twilio {retry.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"} {retry.ErrorCode}", retry.RetryAfter);
            case TwilioSendResult.Rejected { ErrorCode: Unsubscribed } rejected:
                await optOuts.OptOutAsync(message.To, "21610", cancellationToken);
                return new SendResult.Rejected($"Twilio {rejected.ErrorCode}: the parent unsubscribed (STOP).");
            case TwilioSendResult.Rejected rejected:
                return new SendResult.Rejected($"Twilio {rejected.HttpStatus} {rejected.ErrorCode}");
            default:
                return new SendResult.Retry("Unknown Twilio result.");
        }
    }

    private (string Sid, IReadOnlyDictionary<string, string>? Variables)? Template(OutboxMessage message)
    {
        if (message.ContentSid is { } own)
        {
            var variables = message.ContentVariables is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) : null;
            return (own, variables);
        }

        return options.CurrentValue.WhatsAppTemplateSid is { } sid
            ? (sid, new Dictionary<string, string> { ["1"] = school.Info.Name })
            : null;
    }
}

/// <summary>No message the bot starts goes to a parent who sent STOP, on SMS or on WhatsApp, until they send START.</summary>
public sealed class OptOutBlocklist(OptOutStore optOuts) : IRecipientBlocklist
{
    public async Task<bool> IsBlockedAsync(string channel, string to, CancellationToken cancellationToken) =>
        channel is TwilioChannel.Sms or TwilioChannel.WhatsApp
        && Phone.TryNormalize(to) is { } phone
        && await optOuts.IsOptedOutAsync(phone, cancellationToken);
}
