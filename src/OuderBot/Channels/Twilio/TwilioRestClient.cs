using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OuderBot.School;

namespace OuderBot.Channels.Twilio;

/// <summary>
/// Twilio's Messages REST resource: POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded,
/// Basic auth with AccountSid:AuthToken. One attempt per call: whoever sends (the outbox) owns retries.
/// </summary>
public sealed class TwilioRestClient(HttpClient http, IOptions<TwilioOptions> options, ILogger<TwilioRestClient> logger)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public async Task<TwilioSendResult> SendAsync(TwilioMessageRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.AccountSid is null || settings.AuthToken is null)
        {
            throw new InvalidOperationException("The Twilio channel is not configured: set Twilio:AccountSid and Twilio:AuthToken.");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json")
        {
            Content = new FormUrlEncodedContent(Fields(request, settings)),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Log(request, new TwilioSendResult.Retryable(null, null, $"Twilio did not answer within {http.Timeout.TotalSeconds:0} s; the message may or may not have been sent.", null));
        }
        catch (HttpRequestException ex)
        {
            return Log(request, new TwilioSendResult.Retryable(null, null, $"Network error: {ex.Message}", null));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var created = TryParse<CreatedMessage>(text);
                return created?.Sid is { } sid
                    ? Log(request, new TwilioSendResult.Accepted(sid, created.Status ?? "queued"))
                    : Log(request, new TwilioSendResult.Retryable(status, null, "Twilio answered without a message sid.", null));
            }

            var error = TryParse<ApiError>(text);
            var reason = error?.Message ?? $"HTTP {status} {response.ReasonPhrase}";
            TwilioSendResult result = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500
                ? new TwilioSendResult.Retryable(status, error?.Code, reason, RetryAfter(response))
                : new TwilioSendResult.Rejected(status, error?.Code, reason);
            return Log(request, result);
        }
    }

    private static List<KeyValuePair<string, string>> Fields(TwilioMessageRequest request, TwilioOptions settings)
    {
        var whatsApp = request.To.StartsWith(TwilioChannel.WhatsAppPrefix, StringComparison.OrdinalIgnoreCase);
        var fields = new List<KeyValuePair<string, string>> { new("To", request.To) };
        if (request.MessagingServiceSid is not null)
        {
            fields.Add(new("MessagingServiceSid", request.MessagingServiceSid));
        }
        else if (request.From is not null)
        {
            fields.Add(new("From", request.From));
        }
        else if (settings.MessagingServiceSid is not null)
        {
            fields.Add(new("MessagingServiceSid", settings.MessagingServiceSid));
        }
        else if ((whatsApp ? settings.WhatsAppFrom : settings.SmsFrom) is { } from)
        {
            fields.Add(new("From", whatsApp && !from.StartsWith(TwilioChannel.WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? TwilioChannel.WhatsAppPrefix + from : from));
        }
        else
        {
            throw new InvalidOperationException($"No sender for {(whatsApp ? "WhatsApp" : "SMS")}: set Twilio:MessagingServiceSid or Twilio:{(whatsApp ? "WhatsAppFrom" : "SmsFrom")}.");
        }

        if (request.Body is not null)
        {
            fields.Add(new("Body", request.Body));
        }

        if (request.ContentSid is not null)
        {
            fields.Add(new("ContentSid", request.ContentSid));
            if (request.ContentVariables is not null)
            {
                fields.Add(new("ContentVariables", JsonSerializer.Serialize(request.ContentVariables)));
            }
        }

        if (settings.PublicBaseUrl is not null)
        {
            fields.Add(new("StatusCallback", settings.PublicBaseUrl + TwilioChannel.StatusPath));
        }

        return fields;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static T? TryParse<T>(string text)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private TwilioSendResult Log(TwilioMessageRequest request, TwilioSendResult result)
    {
        var to = Phone.Mask(Phone.TryNormalize(request.To) ?? request.To);
        switch (result)
        {
            case TwilioSendResult.Accepted accepted:
                logger.LogInformation("Twilio accepted message {MessageSid} to {Phone}", accepted.MessageSid, to);
                break;
            case TwilioSendResult.Retryable retry:
                logger.LogWarning("Twilio send to {Phone} failed, may be retried: HTTP {Status}, error {ErrorCode}: {Reason}", to, retry.HttpStatus, retry.ErrorCode, retry.Reason);
                break;
            case TwilioSendResult.Rejected rejected:
                logger.LogWarning("Twilio refused a message to {Phone}: HTTP {Status}, error {ErrorCode}: {Reason}", to, rejected.HttpStatus, rejected.ErrorCode, rejected.Reason);
                break;
        }

        return result;
    }

    private sealed record CreatedMessage([property: JsonPropertyName("sid")] string? Sid, [property: JsonPropertyName("status")] string? Status);

    /// <summary>Twilio's error body: {"code": 21610, "message": "...", "more_info": "https://www.twilio.com/docs/errors/21610", "status": 400}.</summary>
    private sealed record ApiError(
        [property: JsonPropertyName("code")] int? Code,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("more_info")] string? MoreInfo,
        [property: JsonPropertyName("status")] int? Status);
}
