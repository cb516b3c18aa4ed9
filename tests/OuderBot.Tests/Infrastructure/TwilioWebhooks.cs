using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace OuderBot.Tests.Infrastructure;

/// <summary>
/// Speaks to the bot as Twilio does: form-encoded webhooks signed with X-Twilio-Signature. The signature is computed
/// here with a plain HMAC (not the bot's own signer), so a mistake in the bot's signer cannot hide itself.
/// </summary>
public static class TwilioWebhooks
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token-0123456789abcdef";
    public const string SchoolNumber = "+3197010000001";
    public const string MessagesUrl = "http://localhost/api/twilio/messages";
    public const string StatusUrl = "http://localhost/api/twilio/status";

    /// <summary>Settings that switch the Twilio channel on (plus any others).</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Twilio:AccountSid"] = AccountSid, ["Twilio:AuthToken"] = AuthToken };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string Sign(string url, IEnumerable<KeyValuePair<string, string>> form, string token = AuthToken)
    {
        // A repeated name contributes each of its values, sorted (as Twilio's helpers sort them).
        var data = url + string.Concat(form.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => p.Key + p.Value));
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(token));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data)));
    }

    /// <summary>An incoming message as Twilio posts it; a "whatsapp:" sender makes it a WhatsApp message. It is sent to
    /// <paramref name="to"/> (a school's number, without "whatsapp:"), by default De Driehoek's.</summary>
    public static Dictionary<string, string> Message(string from, string body, string? messageSid = null, int numMedia = 0, string to = SchoolNumber)
    {
        var whatsApp = from.StartsWith("whatsapp:", StringComparison.Ordinal);
        var sid = messageSid ?? NewSid();
        return new Dictionary<string, string>
        {
            ["ToCountry"] = "NL",
            ["SmsMessageSid"] = sid,
            ["NumMedia"] = numMedia.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SmsSid"] = sid,
            ["SmsStatus"] = "received",
            ["Body"] = body,
            ["To"] = whatsApp ? "whatsapp:" + to : to,
            ["NumSegments"] = "1",
            ["MessageSid"] = sid,
            ["AccountSid"] = AccountSid,
            ["From"] = from,
            ["ApiVersion"] = "2010-04-01",
        };
    }

    /// <summary>A delivery status callback as Twilio posts it for a message the school sent from <paramref name="from"/>.</summary>
    public static Dictionary<string, string> Status(string messageSid, string status, string from, string to) => new()
    {
        ["MessageSid"] = messageSid,
        ["SmsSid"] = messageSid,
        ["MessageStatus"] = status,
        ["SmsStatus"] = status,
        ["AccountSid"] = AccountSid,
        ["From"] = from,
        ["To"] = to,
        ["ApiVersion"] = "2010-04-01",
    };

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    /// <summary>Posts a form signed for <paramref name="signedUrl"/> (default: the URL it is posted to), or with the given signature.</summary>
    public static async Task<HttpResponseMessage> PostTwilioAsync(
        this BotApp app, string path, IDictionary<string, string> form, string? signedUrl = null, string? signature = "sign", IDictionary<string, string>? headers = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature == "sign" ? Sign(signedUrl ?? "http://localhost" + path, form) : signature);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>
    /// Posts a form body exactly as given (repeated names, raw percent-encoding), signed over the parameters as a form
    /// reader decodes them: what Twilio's signature covers is the values it sent, and these are the values the bot sees.
    /// </summary>
    public static async Task<HttpResponseMessage> PostRawTwilioAsync(this BotApp app, string path, string body)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        using (var reader = new Microsoft.AspNetCore.WebUtilities.FormReader(body))
        {
            foreach (var (name, values) in await reader.ReadFormAsync())
            {
                parameters.AddRange(values.Select(v => KeyValuePair.Create(name, v ?? "")));
            }
        }

        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.ASCII.GetBytes(body)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Twilio-Signature", Sign("http://localhost" + path, parameters));
        return await client.SendAsync(request);
    }

    /// <summary>Sends a signed message (to <paramref name="to"/>, by default De Driehoek's number) and returns the texts of the TwiML reply's &lt;Message&gt; elements.</summary>
    public static async Task<IReadOnlyList<string>> TextAsync(this BotApp app, string from, string body, string? messageSid = null, string to = SchoolNumber)
    {
        var response = await app.PostTwilioAsync("/api/twilio/messages", Message(from, body, messageSid, to: to));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TwimlMessagesAsync(response);
    }

    public static async Task<IReadOnlyList<string>> TwimlMessagesAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        return xml.Root.Elements("Message").Select(m => m.Value).ToList();
    }
}
