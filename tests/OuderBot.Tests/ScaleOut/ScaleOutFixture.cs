using System.Globalization;
using System.Net.Http.Json;
using OuderBot.Testing;
using OuderBot.Tests.Digest;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.ScaleOut;

/// <summary>
/// Production's shape on one machine: the published build (`dotnet publish -c Release`) as two processes on one Azurite,
/// behind Debian's nginx on 127.0.0.1 (round-robin, X-Upstream names the instance that answered), with maildev as the
/// school's mail server and a fake Twilio API. The schools: De Driehoek as shipped with a digest at 15:30 sent even when
/// empty (every teacher one mail), and the booking race's school (<see cref="RaceSchool"/>) opening at 19:00. The clock
/// of both instances is pinned to Tuesday 24 November 2026, 19:00: the 15:30 digest is due as they start.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    public const string AdminKey = "scale-out-board-key-0123456789";
    public const int RaceParents = 60;
    public const int RaceSlots = 20;
    public static readonly string[] DriehoekTeachers = ["anouk", "marloes", "kees", "fatima", "daan", "esther", "yusuf", "ingrid"];

    private readonly SchoolFolder _folder = new();

    public AzuriteProcess Azurite { get; private set; } = null!;

    public MailDevProcess MailDev { get; private set; } = null!;

    public FakeTwilioApi Twilio { get; private set; } = null!;

    public BotServer A { get; private set; } = null!;

    public BotServer B { get; private set; } = null!;

    public NginxProcess Nginx { get; private set; } = null!;

    /// <summary>A client of the load balancer, never of an instance.</summary>
    public HttpClient Balancer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var build = PublishedBuild.EnsurePublishedAsync();
        var azurite = AzuriteProcess.StartAsync();
        var mailDev = MailDevProcess.StartAsync();
        var installed = NginxProcess.EnsureInstalledAsync();
        Twilio = await FakeTwilioApi.StartAsync();
        DigestSchool.Write(_folder, sendWhenEmpty: true, times: "\"15:30\"");
        _folder.Write("race.yaml", RaceSchool.Yaml(RaceParents, RaceSlots, opens: "2026-11-24T19:00"));
        Azurite = await azurite;
        MailDev = await mailDev;
        await installed;

        var lbPort = ToolProcess.FreePort();
        string[] settings =
        [
            "--School:Path", _folder.Path, "--School:Default", "de-driehoek", "--Admin:ApiKey", AdminKey, "--Clock:Now", "2026-11-24T19:00",
            "--Storage:Provider", "AzureBlob", "--Storage:ConnectionString", Azurite.ConnectionString, "--Storage:Container", "ouderbot",
            "--Twilio:AccountSid", TwilioWebhooks.AccountSid, "--Twilio:AuthToken", TwilioWebhooks.AuthToken, "--Twilio:ApiBaseUrl", Twilio.BaseUrl,
            "--Twilio:PublicBaseUrl", $"http://127.0.0.1:{lbPort}",
            "--Smtp:Host", "127.0.0.1", "--Smtp:Port", MailDev.SmtpPort.ToString(CultureInfo.InvariantCulture), "--Smtp:From", "OuderBot De Driehoek <ouderbot@dedriehoek.example>",
            "--Smtp:Security", "None", "--Digest:SigningKey", DigestSchool.SigningKey, "--Outbox:PollInterval", "00:00:00.200", "--Digest:PollInterval", "00:00:00.200",
        ];
        var folder = await build;
        var started = await Task.WhenAll(BotServer.StartAsync(settings, build: folder), BotServer.StartAsync(settings, build: folder));
        (A, B) = (started[0], started[1]);
        Nginx = await NginxProcess.StartAsync([Upstream(A), Upstream(B)], lbPort);
        Balancer = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(Nginx.Url), Timeout = TimeSpan.FromSeconds(30) };
        Balancer.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    /// <summary>host:port of an instance, as nginx's X-Upstream names it.</summary>
    public static string Upstream(BotServer bot) => new Uri(bot.Url).Authority;

    /// <summary>One message over the local channel through the load balancer: the replies, and which instance answered.</summary>
    public async Task<(IReadOnlyList<string> Replies, string Instance)> SendAsync(string from, string text, string? to = null)
    {
        var response = await Balancer.PostAsJsonAsync("/api/local/messages", new { from, text, to });
        Assert.True(response.IsSuccessStatusCode, $"POST /api/local/messages through nginx answered {(int)response.StatusCode}\n{Logs()}");
        var body = await response.Content.ReadFromJsonAsync<OuderBot.Channels.Local.LocalMessageResponse>();
        var replies = body!.Replies.Select(r => r.Text).ToList();
        Assert.False(replies.Any(r => r.Contains("er ging iets mis", StringComparison.Ordinal)), $"a turn failed (\"{text}\")\n{Logs()}");
        return (replies, Instance(response));
    }

    /// <summary>Both instances' last warnings and errors, for a failing test's message.</summary>
    public string Logs() => A.DescribeLog("instance A") + "\n" + B.DescribeLog("instance B");

    public static string Instance(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values) ? values.Single() : throw new Xunit.Sdk.XunitException("nginx named no upstream");

    public async Task DisposeAsync()
    {
        Balancer?.Dispose();
        foreach (var disposable in new IAsyncDisposable?[] { Nginx, A, B, Twilio, MailDev, Azurite })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }

        _folder.Dispose();
    }
}
