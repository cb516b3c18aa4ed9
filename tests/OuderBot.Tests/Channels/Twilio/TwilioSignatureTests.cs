using System.Diagnostics;
using System.Text.Json;
using OuderBot.Channels.Twilio;
using OuderBot.Testing;

namespace OuderBot.Tests.Channels.Twilio;

public sealed class TwilioSignatureTests
{
    // Twilio's published example ("Webhooks security", twilio.com/docs/usage/webhooks/webhooks-security, and the
    // request-validator tests of twilio-node, twilio-php and twilio-ruby): auth token 12345, this URL and these
    // parameters are signed "RSOYDt4T1cUTdK1PDd93/VVr8B8=".
    private const string PublishedToken = "12345";
    private const string PublishedUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string PublishedSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static readonly Dictionary<string, string> PublishedParameters = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+14158675309",
        ["Digits"] = "1234",
        ["From"] = "+14158675309",
        ["To"] = "+18005551212",
    };

    [Fact]
    public void TwiliosPublishedExampleGivesTwiliosPublishedSignature()
    {
        Assert.Equal(PublishedSignature, TwilioSignature.Compute(PublishedToken, PublishedUrl, PublishedParameters));
        Assert.True(TwilioSignature.IsValid(PublishedToken, PublishedUrl, PublishedParameters, PublishedSignature));
    }

    [Fact]
    public void TheSignatureIsAcceptedWithAndWithoutTheDefaultPort()
    {
        Assert.True(TwilioSignature.IsValid(PublishedToken, "https://mycompany.com:443/myapp.php?foo=1&bar=2", PublishedParameters, PublishedSignature));
        var withPort = TwilioSignature.Compute(PublishedToken, "https://mycompany.com:443/myapp.php?foo=1&bar=2", PublishedParameters);
        Assert.True(TwilioSignature.IsValid(PublishedToken, PublishedUrl, PublishedParameters, withPort));
        Assert.False(TwilioSignature.IsValid(PublishedToken, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", PublishedParameters, PublishedSignature));
    }

    [Theory]
    [InlineData("https://bot.school.nl/api", new[] { "https://bot.school.nl/api", "https://bot.school.nl:443/api" })]
    [InlineData("https://bot.school.nl:443/api?x=1", new[] { "https://bot.school.nl:443/api?x=1", "https://bot.school.nl/api?x=1" })]
    [InlineData("http://localhost/api/twilio/messages", new[] { "http://localhost/api/twilio/messages", "http://localhost:80/api/twilio/messages" })]
    [InlineData("http://localhost:5080/api", new[] { "http://localhost:5080/api" })]
    [InlineData("https://user:pw@[::1]/x", new[] { "https://user:pw@[::1]/x", "https://user:pw@[::1]:443/x" })]
    public void UrlVariantsAddOrRemoveOnlyTheDefaultPort(string url, string[] expected) =>
        Assert.Equal(expected, TwilioSignature.UrlVariants(url));

    [Fact]
    public void AChangedParameterTokenOrUrlFailsAndSoDoesNoSignature()
    {
        var tampered = new Dictionary<string, string>(PublishedParameters) { ["Digits"] = "1235" };
        Assert.False(TwilioSignature.IsValid(PublishedToken, PublishedUrl, tampered, PublishedSignature));
        Assert.False(TwilioSignature.IsValid("54321", PublishedUrl, PublishedParameters, PublishedSignature));
        Assert.False(TwilioSignature.IsValid(PublishedToken, PublishedUrl + "&baz=3", PublishedParameters, PublishedSignature));
        Assert.False(TwilioSignature.IsValid(PublishedToken, PublishedUrl, PublishedParameters, null));
        Assert.False(TwilioSignature.IsValid(PublishedToken, PublishedUrl, PublishedParameters, ""));
    }

    [Fact]
    public async Task OurSignaturesAgreeWithTheOfficialTwilioPackage()
    {
        await NodeTools.EnsureInstalledAsync();
        var values = new[] { "Bibi is vandaag ziek", "café é ü ĳ", "Ziek 🤒👍", "+31 6 1111 1111", "a b  c", "tom & jerry", "x=y&z=1", "", "100% <ok> \"quoted\" 'single'", "line\nbreak", "ÄÖÑÜ€[]{}" };
        var urls = new[]
        {
            "https://bot.school.nl/api/twilio/messages",
            "https://bot.school.nl/api/twilio/messages?school=driehoek&x=a%20b",
            "https://bot.school.nl:8443/api/twilio/messages",
            "http://localhost:5080/api/twilio/status?y=1",
            "https://bot.school.nl:443/api/twilio/messages",
        };
        var cases = new List<(string Token, string Url, Dictionary<string, string> Form)>();
        var random = new Random(4);
        foreach (var url in urls)
        {
            for (var i = 0; i < 8; i++)
            {
                var form = new Dictionary<string, string>
                {
                    ["From"] = i % 2 == 0 ? "whatsapp:+31611111111" : "+31611111111",
                    ["MessageSid"] = "SM" + i,
                    ["Body"] = values[random.Next(values.Length)] + values[random.Next(values.Length)],
                    ["NumMedia"] = "0",
                    ["Zeta"] = values[random.Next(values.Length)],
                    ["aLower"] = values[random.Next(values.Length)],
                    ["Émoji🎉"] = values[random.Next(values.Length)],
                    ["Empty"] = "",
                };
                cases.Add(("token-" + i + "-é", url, form));
            }
        }

        var node = await RunNodeAsync(cases.Select(c => new { token = c.Token, url = c.Url, @params = c.Form, signature = TwilioSignature.Compute(c.Token, c.Url, c.Form) }));
        Assert.Equal(cases.Count, node.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var (token, url, form) = cases[i];
            Assert.Equal(node[i].Expected, TwilioSignature.Compute(token, url, form));
            Assert.True(node[i].Valid, $"twilio.validateRequest refused our signature for {url}");
            Assert.True(TwilioSignature.IsValid(token, url, form, node[i].Expected));
        }
    }

    private sealed record NodeResult(string Expected, bool Valid);

    private static async Task<List<NodeResult>> RunNodeAsync(object cases)
    {
        var root = AzuriteProcess.RepositoryRoot();
        var start = new ProcessStartInfo("node", Path.Combine(root, "tests", "Tools", "twilio-signature.js"))
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(cases));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"node failed: {error}");
        return JsonSerializer.Deserialize<List<NodeResult>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
