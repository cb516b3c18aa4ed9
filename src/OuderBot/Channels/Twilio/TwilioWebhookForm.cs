using Microsoft.AspNetCore.WebUtilities;

namespace OuderBot.Channels.Twilio;

/// <summary>The form parameters of one Twilio webhook, read once (bounded) by the signature filter and used by the handler.</summary>
public sealed class TwilioWebhookForm
{
    /// <summary>Twilio's webhooks are a few hundred bytes; a request larger than this is refused before it is read further.</summary>
    public const int MaxRequestBytes = 16 * 1024;

    private static readonly object ItemsKey = new();

    private TwilioWebhookForm(IReadOnlyList<KeyValuePair<string, string>> parameters) => Parameters = parameters;

    public static TwilioWebhookForm Empty { get; } = new([]);

    /// <summary>Every parameter as sent (a repeated name appears once per value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The first value of a parameter, or null when it is absent.</summary>
    public string? this[string name] => Parameters.FirstOrDefault(p => p.Key == name).Value;

    public static bool IsForm(HttpRequest request) =>
        request.ContentType is { } type && type.Split(';')[0].Trim().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the form body, or null when the request is larger than <see cref="MaxRequestBytes"/>. A request that is not a form has no parameters.</summary>
    public static async Task<TwilioWebhookForm?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            return null;
        }

        if (!IsForm(request))
        {
            return Empty;
        }

        var buffer = new byte[MaxRequestBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxRequestBytes)
        {
            return null;
        }

        using var body = new MemoryStream(buffer, 0, length, writable: false);
        using var reader = new FormReader(body);
        var fields = await reader.ReadFormAsync(cancellationToken);
        return new TwilioWebhookForm(fields.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? ""))).ToList());
    }

    internal void AttachTo(HttpContext context) => context.Items[ItemsKey] = this;

    /// <summary>The form the signature filter read for this request.</summary>
    public static TwilioWebhookForm Of(HttpContext context) => context.Items[ItemsKey] as TwilioWebhookForm ?? Empty;
}
