namespace OuderBot.Channels.Twilio;

/// <summary>One outgoing message for Twilio's Messages resource.</summary>
/// <param name="To">The parent: "+31611111111" for SMS, "whatsapp:+31611111111" for WhatsApp.</param>
/// <param name="Body">The text (Twilio's limit: 1600 characters). Null when <paramref name="ContentSid"/> names a template.</param>
/// <param name="ContentSid">A WhatsApp template ("HX..."), required to start a conversation outside the 24-hour window.</param>
/// <param name="ContentVariables">The template's variables ({"1": "Bibi"}), sent as JSON.</param>
/// <param name="From">The sender (the school's number); default Twilio:MessagingServiceSid, else Twilio:WhatsAppFrom or Twilio:SmsFrom by the channel of <paramref name="To"/>.</param>
/// <param name="MessagingServiceSid">The school's Messaging Service, when it sends through one (instead of <paramref name="From"/>).</param>
public sealed record TwilioMessageRequest(
    string To,
    string? Body = null,
    string? ContentSid = null,
    IReadOnlyDictionary<string, string>? ContentVariables = null,
    string? From = null,
    string? MessagingServiceSid = null);

/// <summary>What became of a send: accepted by Twilio, worth trying again later, or refused for good.</summary>
public abstract record TwilioSendResult
{
    private TwilioSendResult()
    {
    }

    /// <summary>Twilio took the message (HTTP 201); its fate arrives later as status callbacks.</summary>
    public sealed record Accepted(string MessageSid, string Status) : TwilioSendResult;

    /// <summary>Not sent this time (429 / Twilio 20429, 5xx, time-out, network error); try again later, after <paramref name="RetryAfter"/> if given.
    /// A 5xx or time-out may still have sent the message (Twilio error 20500): a retry can send it twice.</summary>
    public sealed record Retryable(int? HttpStatus, int? ErrorCode, string Reason, TimeSpan? RetryAfter) : TwilioSendResult;

    /// <summary>Refused and will never succeed as it is (21610 unsubscribed, 21211 invalid number, 63016 outside the WhatsApp 24-hour window, 21408, 21614, 20003 ...).</summary>
    public sealed record Rejected(int HttpStatus, int? ErrorCode, string Reason) : TwilioSendResult;
}
