using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OuderBot.Tests.Infrastructure;

/// <summary>One request the fake received: the account in the path, the Basic-auth credentials and the form fields.</summary>
public sealed record FakeTwilioRequest(string AccountSid, string? User, string? Password, IReadOnlyDictionary<string, string> Form);

/// <summary>A message the fake accepted: the sid it gave, and whom it was for and from.</summary>
public sealed record FakeTwilioAccepted(string Sid, string To, string From, string Body);

/// <summary>A scripted answer: an HTTP status with Twilio's error body, an optional Retry-After, and a delay before answering.</summary>
public sealed record FakeTwilioReply(int Status, int? ErrorCode = null, string? Message = null, int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    public static FakeTwilioReply Created { get; } = new(201);

    public static FakeTwilioReply ServerError() => new(500, 20500, "Internal Server Error");

    public static FakeTwilioReply TooManyRequests(int retryAfterSeconds) => new(429, 20429, "Too Many Requests", retryAfterSeconds);

    public static FakeTwilioReply Error(int errorCode, string message, int status = 400) => new(status, errorCode, message);

    public static FakeTwilioReply Slow(TimeSpan delay) => new(201, Delay: delay);
}

/// <summary>
/// A stand-in for Twilio's Messages REST resource on a real Kestrel server at 127.0.0.1 on a free port: it checks
/// Basic auth, records every request, and answers 201 with a Twilio-shaped message (a fresh "SM..." sid), unless
/// the test scripted the next answers with <see cref="Enqueue"/>.
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeTwilioReply> _script = new();
    private readonly ConcurrentQueue<FakeTwilioRequest> _requests = new();
    private readonly ConcurrentQueue<FakeTwilioAccepted> _accepted = new();

    private FakeTwilioApi(WebApplication app, string accountSid, string authToken)
    {
        _app = app;
        _app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (string account, HttpContext http) =>
        {
            var (user, password) = BasicAuth(http.Request.Headers.Authorization.ToString());
            var form = await http.Request.ReadFormAsync();
            _requests.Enqueue(new FakeTwilioRequest(account, user, password, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            if (user != accountSid || password != authToken || account != accountSid)
            {
                return Json(http, 401, Error(20003, "Authenticate", 401));
            }

            var reply = _script.TryDequeue(out var next) ? next : FakeTwilioReply.Created;
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, http.RequestAborted);
            }

            if (reply.RetryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (reply.Status == 201)
            {
                var sid = "SM" + Guid.NewGuid().ToString("N");
                _accepted.Enqueue(new FakeTwilioAccepted(sid, form["To"].ToString(), form["From"].ToString(), form["Body"].ToString()));
                return Json(http, 201, $$"""{"sid":"{{sid}}","account_sid":"{{account}}","to":"{{form["To"]}}","from":"{{form["From"]}}","status":"queued","num_segments":"1","error_code":null,"error_message":null,"api_version":"2010-04-01","uri":"/2010-04-01/Accounts/{{account}}/Messages/{{sid}}.json"}""");
            }

            return Json(http, reply.Status, reply.ErrorCode is { } code ? Error(code, reply.Message ?? "error", reply.Status) : "");
        });
    }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<FakeTwilioRequest> Requests => _requests.ToList();

    /// <summary>The messages the fake took (201), with the sid it gave each, for status callbacks about them.</summary>
    public IReadOnlyList<FakeTwilioAccepted> Accepted => _accepted.ToList();

    public static async Task<FakeTwilioApi> StartAsync(string accountSid = TwilioWebhooks.AccountSid, string authToken = TwilioWebhooks.AuthToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeTwilioApi(builder.Build(), accountSid, authToken);
        await fake._app.StartAsync();
        fake.BaseUrl = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    /// <summary>The next requests get these answers, in order; after them, 201 again.</summary>
    public void Enqueue(params FakeTwilioReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Error(int code, string message, int status) =>
        $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""";

    private static IResult Json(HttpContext http, int status, string body) =>
        Results.Text(body, body.Length == 0 ? null : "application/json", Encoding.UTF8, status);

    private static (string? User, string? Password) BasicAuth(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return (null, null);
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (decoded, null) : (decoded[..colon], decoded[(colon + 1)..]);
    }
}
