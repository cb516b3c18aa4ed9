using System.Net;
using System.Net.Http.Json;
using System.Text;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Web;

/// <summary>Every endpoint takes small bodies only, and says so with 413 and a problem body before it reads a large one.</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private readonly BotApp _app = new(settings: TwilioWebhooks.Settings(new Dictionary<string, string?> { ["Admin:ApiKey"] = "office-key" }));

    public Task InitializeAsync() => _app.WaitUntilHealthyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(40 * 1024 * 1024)]
    [InlineData(25 * 1024 * 1024)]
    [InlineData(17 * 1024)]
    public async Task AnOversizedMessageOnTheLocalChannelGets413WithAProblemBody(int bytes)
    {
        var source = new CountingStream(bytes);
        using var content = new StreamContent(source);
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = bytes;

        using var client = _app.CreateClient();
        var response = await client.PostAsync("/api/local/messages", content);

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task AnOversizedBodyWithoutContentLengthGets413TooOnceItPassesTheLimit()
    {
        using var content = new StreamContent(new CountingStream(200 * 1024));
        content.Headers.ContentType = new("application/json");

        using var client = _app.CreateClient();
        var response = await client.PostAsync("/api/local/messages", content);

        Assert.Null(content.Headers.ContentLength);
        await AssertTooLargeAsync(response);
    }

    [Theory]
    [InlineData("/api/twilio/messages", "application/x-www-form-urlencoded")]
    [InlineData("/api/twilio/status", "application/x-www-form-urlencoded")]
    [InlineData("/api/admin/absences", "application/json")]
    [InlineData("/healthz", "application/json")]
    public async Task EveryOtherEndpointRefusesALargeBodyAsWell(string path, string contentType)
    {
        using var request = new HttpRequestMessage(path.StartsWith("/api/twilio", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path)
        {
            Content = new StringContent(new string('x', 64 * 1024), Encoding.UTF8, contentType),
        };
        request.Headers.Add("X-Api-Key", "office-key");

        using var client = _app.CreateClient();
        await AssertTooLargeAsync(await client.SendAsync(request));
    }

    [Fact]
    public async Task AMessageWithinTheLimitIsStillAnswered()
    {
        // 1600 characters that JSON escapes as \u00e9: close to 10 KB on the wire, within the 16 KB.
        var text = new string('é', 1600);
        using var content = new StringContent($$"""{"from":"{{BibiParent}}","text":"{{string.Concat(text.Select(c => $"\\u{(int)c:x4}"))}}"}""", Encoding.UTF8, "application/json");

        using var client = _app.CreateClient();
        var response = await client.PostAsync("/api/local/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal(413, problem!.Status);
        Assert.Contains("larger than", problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>A body of '[' bytes produced on demand, so a 40 MB request costs the test no 40 MB array.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long Pulled { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Pulled; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Pulled);
            buffer.AsSpan(offset, n).Fill((byte)'[');
            Pulled += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
