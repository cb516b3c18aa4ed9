using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using OuderBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static OuderBot.Tests.Infrastructure.DemoParents;
using static OuderBot.Tests.Infrastructure.TwilioWebhooks;

namespace OuderBot.Tests.Channels.Twilio;

// Correctly signed, so past the signature check, but odd: what a buggy proxy, a new Twilio field or a strange phone
// could send. Whatever arrives, the bot answers 200 with TwiML Twilio can read, or a 4xx with the reason; never a 5xx
// (Twilio does not retry a messaging webhook: the parent would get nothing). The seed is fixed and printed, so a
// failure can be replayed.
[Collection(AzuriteCollection.Name)]
public sealed class TwilioWebhookFuzzTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Seed = 20261124;
    private const int Requests = 300;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("AzureBlob")]
    public async Task SignedButOddWebhooksNeverGetA5xxAndEveryMessageReplyIsWellFormedTwiml(string store)
    {
        var settings = Settings(store == "AzureBlob" ? BotApp.AzuriteSettings(azurite.ConnectionString, AzuriteFixture.NewContainer()) : null);
        await using var app = new BotApp(settings: settings);
        await app.WaitUntilHealthyAsync();
        var random = new Random(Seed);
        var sids = new List<string>();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        output.WriteLine($"seed {Seed}, {Requests} requests, store {store}");

        for (var i = 0; i < Requests; i++)
        {
            var toMessages = random.NextDouble() < 0.7;
            var path = toMessages ? "/api/twilio/messages" : "/api/twilio/status";
            var body = toMessages ? MessageForm(random, sids) : StatusForm(random, sids);

            using var response = await app.PostRawTwilioAsync(path, body);

            var code = (int)response.StatusCode;
            var content = await response.Content.ReadAsStringAsync();
            statuses[$"{path[12..]} {code}"] = statuses.GetValueOrDefault($"{path[12..]} {code}") + 1;
            if (code >= 500 || code == 403)
            {
                // 403 would mean the request was not correctly signed, and then it tested nothing.
                problems.Add($"#{i} {path} answered {code}: {Shorten(body)}\n  {Shorten(content)}");
            }
            else if (toMessages && code == 200 && WellFormedTwimlProblem(response, content) is { } problem)
            {
                problems.Add($"#{i} {path} answered 200 with {problem}: {Shorten(body)}\n  {Shorten(content)}");
            }
        }

        output.WriteLine(string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(problems.Count == 0, $"seed {Seed}, store {store}: {problems.Count} of {Requests} requests failed:\n" + string.Join("\n", problems.Take(8)));
    }

    private static string? WellFormedTwimlProblem(HttpResponseMessage response, string content)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/xml")
        {
            return $"content type {response.Content.Headers.ContentType}";
        }

        try
        {
            var xml = XDocument.Parse(content);
            return xml.Root?.Name.LocalName == "Response" && xml.Root.Elements().All(e => e.Name.LocalName == "Message") ? null : "XML that is not TwiML";
        }
        catch (XmlException ex)
        {
            return "XML that is not well-formed: " + ex.Message;
        }
    }

    // One incoming message as Twilio posts it, with odd values, missing fields and repeated names.
    private static string MessageForm(Random random, List<string> sids)
    {
        var sid = Sid(random, sids);
        var fields = new List<(string Name, string Value)>
        {
            ("ToCountry", "NL"),
            ("SmsMessageSid", sid),
            ("NumMedia", random.NextDouble() < 0.75 ? "0" : Pick(random, "1", "", "-1", "3", "2147483647", "2147483648", "99999999999999999999", "1.5", "\u0661", "\uFF11", " 1", "+1", "0x10", "abc")),
            ("SmsSid", sid),
            ("SmsStatus", "received"),
            ("Body", Body(random)),
            ("To", Pick(random, SchoolNumber, SchoolNumber, "whatsapp:" + SchoolNumber, "", "+", "whatsapp:", "\u0000")),
            ("NumSegments", Pick(random, "1", "11", "", "x")),
            ("MessageSid", sid),
            ("AccountSid", AccountSid),
            ("From", From(random)),
            ("ApiVersion", "2010-04-01"),
        };
        if (random.NextDouble() < 0.2)
        {
            fields.Add(("OptOutType", Pick(random, "STOP", "START", "HELP", "stop", "", "UNKNOWN", "STOP\u0000", "\uFF33\uFF34\uFF2F\uFF30", "\uD800")));
        }

        if (random.NextDouble() < 0.15)
        {
            fields.Add(("MediaUrl0", Pick(random, "https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME", "", "javascript:alert(1)")));
            fields.Add(("MediaContentType0", Pick(random, "image/jpeg", "application/pdf", "", "\u0001")));
        }

        return Encode(random, Odd(random, fields));
    }

    // One status callback, with odd values.
    private static string StatusForm(Random random, List<string> sids)
    {
        var sid = Sid(random, sids);
        var status = Pick(random, "sent", "delivered", "undelivered", "failed", "queued", "read", "DELIVERED", " sent ", "", "\u0000", "\U0001F4E8", new string('s', 1000));
        var fields = new List<(string Name, string Value)>
        {
            ("MessageSid", sid),
            ("SmsSid", sid),
            ("MessageStatus", status),
            ("SmsStatus", random.NextDouble() < 0.5 ? status : Pick(random, "sent", "", "x")),
            ("AccountSid", AccountSid),
            ("From", SchoolNumber),
            ("To", From(random)),
            ("ApiVersion", "2010-04-01"),
        };
        if (random.NextDouble() < 0.4)
        {
            fields.Add(("ErrorCode", Pick(random, "30005", "21610", "63016", "", "abc", "-1", "\u0007", new string('9', 500))));
        }

        return Encode(random, Odd(random, fields));
    }

    // Some fields missing, some repeated with another value, sometimes in another order.
    private static List<(string Name, string Value)> Odd(Random random, List<(string Name, string Value)> fields)
    {
        var odd = fields.Where(_ => random.NextDouble() >= 0.03).ToList();
        if (odd.Count > 0 && random.NextDouble() < 0.1)
        {
            var (name, value) = odd[random.Next(odd.Count)];
            odd.Add((name, value + Pick(random, "x", " ", "\u0000", "\U0001F600")));
        }

        if (random.NextDouble() < 0.05)
        {
            odd.Add((Pick(random, "", "Body[]", "from", "\u00E9", "B\u0000dy"), Pick(random, "", "x")));
        }

        return random.NextDouble() < 0.2 ? odd.OrderBy(_ => random.Next()).ToList() : odd;
    }

    private static string Sid(Random random, List<string> sids)
    {
        var roll = random.NextDouble();
        string sid;
        if (roll < 0.1 && sids.Count > 0)
        {
            sid = sids[random.Next(sids.Count)]; // a replay, or a status for a message seen before
        }
        else if (roll < 0.75)
        {
            sid = NewSid();
        }
        else
        {
            var hex = Guid.NewGuid().ToString("N");
            sid = Pick(random, "", " ", "SM", "sm" + hex, "MM" + hex, "SM" + hex.ToUpperInvariant(), " SM" + hex + " ", "SM" + hex + hex,
                "SM" + new string('f', 2000), "../../conversations/+31611111111", "SM/../../optouts/+31611111111", "message-status/SM",
                "SM?x=1#y", "SM%2F..", "SM \u00E9", "SM\u0000" + hex, "SM\uFFFF", "SM\u202Ebackwards", "\U0001F600", "SM\r\nX-Injected: 1");
        }

        sids.Add(sid);
        return sid;
    }

    private static string From(Random random) => Pick(random,
        BibiParent, TimParent, EnglishParentOfTwo, NoorAndSemParent, TimOtherParent, Stranger,
        "whatsapp:" + BibiParent, "whatsapp:" + TimParent, "WHATSAPP:" + EnglishParentOfTwo, "whatsapp:whatsapp:" + BibiParent,
        "whatsapp:", "+", "", " ", "abc", "tel:" + TimParent, "06 22222222", "0031622222222",
        "+\u0663\u0661\u0666\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661", // Arabic-Indic digits
        "+\uFF13\uFF11\uFF16\uFF12\uFF12\uFF12\uFF12\uFF12\uFF12\uFF12\uFF12", // full-width digits
        BibiParent + "\u0000", "+3161111111111111111111111", "+0", "\uD800", "whatsapp:\U0001F600");

    private static string Body(Random random)
    {
        return random.Next(14) switch
        {
            0 => Pick(random, "Tim is vandaag ziek", "ja", "nee", "menu", "hoi", "Bibi is morgen ziek", "welke meldingen heb ik gedaan", "1", "English", "annuleer", "Oliver is sick tomorrow", "yes"),
            1 => Pick(random, "STOP", "start", "HELP", "Stop.", "YES", " stop ", "unstop", "INFO", "\uFF33\uFF34\uFF2F\uFF30", "OPT OUT", "cancel"),
            2 => Pick(random, "", " ", "   \n\t \r\n", "\u00A0", "\u200B"),
            3 => "Tim" + new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => (char)random.Next(0, 32)).ToArray()) + " is ziek\u007F\u0085",
            4 => Pick(random, "Tim is ziek \U0001F912", "\U0001F44D", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\u202Ekeiz si miT", "e\u0301e\u0301n", "\uFEFFja"),
            5 => "Tim \uD800 is \uDC00 ziek \uD83D", // lone surrogates: the form's UTF-8 has no way to carry them
            6 => Pick(random, new string('a', 1600), new string('a', 1601), string.Concat(Enumerable.Repeat("Tim is ziek. ", 123)), string.Concat(Enumerable.Repeat("\U0001F912", 800)), string.Concat(Enumerable.Repeat("\U0001F912", 801))),
            7 => Pick(random, "<Response><Message>x</Message></Response>", "]]>&amp;&#0;&#x1;", "<?xml version=\"1.0\"?>", "\"'<>&"),
            8 => Pick(random, "\uFFFE", "\uFFFF", "ja\uFFFF", "\uFFFD"),
            9 => new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0x20, 0xFFFF)).ToArray()),
            10 => Pick(random, "Bibi is ziek\nvandaag\n\nja", "vandaag\r\n", "\t\tja\t\t"),
            11 => Pick(random, "%", "%zz", "%ED%A0%80", "100%", "a+b", "a&b=c", "="),
            12 => Pick(random, "\u0000", "\u0000\u0000\u0000", "ja\u0000"),
            _ => Pick(random, "Tim", "Sem en Noor zijn ziek", "\u0660\u0661", "\uFF54\uFF49\uFF4D"),
        };
    }

    // Percent-encodes the form as UTF-8; sometimes a space as '+', and sometimes a raw escape no UTF-8 text can
    // produce (a lone surrogate's bytes, an overlong form, a cut-off sequence, a stray %).
    private static string Encode(Random random, List<(string Name, string Value)> fields)
    {
        var form = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            form.Append(form.Length == 0 ? "" : "&").Append(Escape(name, plus: false)).Append('=').Append(Escape(value, plus: random.NextDouble() < 0.3));
            if (random.NextDouble() < 0.04)
            {
                form.Append(Pick(random, "%ED%A0%80", "%ED%B0%80", "%C0%AF", "%E2%82", "%F0%9F", "%FF%FE", "%", "%zz", "%u0041", "%00"));
            }
        }

        return form.ToString();
    }

    private static string Escape(string text, bool plus)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            escaped.Append(b switch
            {
                (byte)' ' when plus => "+",
                _ when char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' => ((char)b).ToString(),
                _ => "%" + b.ToString("X2", CultureInfo.InvariantCulture),
            });
        }

        return escaped.ToString();
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"... ({text.Length} characters)";
}
