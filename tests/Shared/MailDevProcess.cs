using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace OuderBot.Testing;

/// <summary>One e-mail as maildev caught it.</summary>
public sealed record CaughtMail(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("to")] IReadOnlyList<CaughtAddress> To,
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("html")] string? Html = null);

public sealed record CaughtAddress([property: JsonPropertyName("address")] string Address);

/// <summary>
/// A real SMTP sink for the tests: maildev (from the repository's package-lock.json) on loopback ports, whose web API
/// gives back every mail it caught. It can start on a port chosen beforehand, so a test can first let the bot find
/// no mail server there.
/// </summary>
public sealed class MailDevProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private MailDevProcess(Process process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }

    public static async Task<MailDevProcess> StartAsync(int? smtpPort = null, CancellationToken cancellationToken = default)
    {
        await NodeTools.EnsureInstalledAsync(cancellationToken);
        var smtp = smtpPort ?? ToolProcess.FreePort();
        var web = ToolProcess.FreePort();
        var process = ToolProcess.Start(
            "maildev",
            ["--smtp", smtp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web", web.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1", "--silent"]);
        var maildev = new MailDevProcess(process, smtp, web);
        try
        {
            await ToolProcess.WaitForPortsAsync(process, "maildev", [smtp, web], cancellationToken);
            return maildev;
        }
        catch
        {
            await maildev.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every mail caught so far.</summary>
    public async Task<IReadOnlyList<CaughtMail>> MailsAsync() =>
        await _http.GetFromJsonAsync<List<CaughtMail>>("email") ?? [];

    /// <summary>Waits until at least <paramref name="count"/> mails are caught (or the timeout passes), then returns all.</summary>
    public async Task<IReadOnlyList<CaughtMail>> WaitForMailsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var mails = await MailsAsync();
            if (mails.Count >= count || DateTime.UtcNow > deadline)
            {
                return mails;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await ToolProcess.StopAsync(_process);
    }
}
