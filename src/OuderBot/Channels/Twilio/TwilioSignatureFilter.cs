using Microsoft.Extensions.Options;
using OuderBot.School;

namespace OuderBot.Channels.Twilio;

/// <summary>
/// Every request to /api/twilio/* must carry Twilio's signature for the URL Twilio called and the form it sent.
/// Not configured (no auth token): 403 for everything, there is nothing to check against. The check is skipped only
/// in Development with Twilio:ValidateSignature=false; no address (loopback, the test server) counts as "local".
/// </summary>
internal sealed class TwilioSignatureFilter(IOptionsMonitor<TwilioOptions> options, IHostEnvironment environment, ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.CurrentValue;
        if (!settings.Enabled || settings.AuthToken is null)
        {
            return TypedResults.Problem("The Twilio channel is not configured (Twilio:AccountSid and Twilio:AuthToken), so no request can be verified.", statusCode: StatusCodes.Status403Forbidden);
        }

        var form = await TwilioWebhookForm.ReadAsync(http.Request, http.RequestAborted);
        if (form is null)
        {
            return TypedResults.Problem($"The request is larger than {TwilioWebhookForm.MaxRequestBytes} bytes; Twilio's webhooks are far smaller.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var skip = environment.IsDevelopment() && !settings.ValidateSignature;
        if (!skip)
        {
            var url = SignedUrl(http.Request, settings.PublicBaseUrl);
            if (!TwilioSignature.IsValid(settings.AuthToken, url, form.Parameters, http.Request.Headers[TwilioSignature.Header].ToString()))
            {
                logger.LogWarning("Twilio webhook refused: no valid {Header} for {Url} (from {Phone})",
                    TwilioSignature.Header, url, Phone.Mask(Phone.TryNormalize(form["From"]) ?? form["From"]));
                return TypedResults.Problem($"The {TwilioSignature.Header} header is missing or is not Twilio's signature of this request.", statusCode: StatusCodes.Status403Forbidden);
            }
        }

        form.AttachTo(http);
        return await next(context);
    }

    /// <summary>
    /// The URL Twilio called, as Twilio signed it: Twilio:PublicBaseUrl + path + query when configured (behind a proxy or
    /// tunnel). Otherwise the request's own URL, where X-Forwarded-Proto and X-Forwarded-Host, when present, give the
    /// scheme and host: anyone can send those headers, so run without PublicBaseUrl only behind a proxy that sets them.
    /// </summary>
    internal static string SignedUrl(HttpRequest request, string? publicBaseUrl)
    {
        var pathAndQuery = request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        if (publicBaseUrl is not null)
        {
            return publicBaseUrl + pathAndQuery;
        }

        var scheme = FirstValue(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = FirstValue(request.Headers["X-Forwarded-Host"]) ?? request.Host.ToUriComponent();
        return $"{scheme}://{host}{request.PathBase.ToUriComponent()}{pathAndQuery}";
    }

    private static string? FirstValue(Microsoft.Extensions.Primitives.StringValues values)
    {
        var first = values.ToString().Split(',')[0].Trim();
        return first.Length == 0 ? null : first;
    }
}
