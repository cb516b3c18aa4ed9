using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace OuderBot.Testing;

/// <summary>One e-mail as maildev caught it.</summary>
public sealed record CaughtMail(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("to")] IReadOnlyList<CaughtAddress> To,
    [property: JsonPropertyName("messageId")] string? MessageId);

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
        var executable = Path.Combine(AzuriteProcess.RepositoryRoot(), "node_modules", ".bin", "maildev");
        var smtp = smtpPort ?? AzuriteProcess.FreePort();
        var web = AzuriteProcess.FreePort();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--smtp", smtp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web", web.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1", "--silent" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("maildev did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var maildev = new MailDevProcess(process, smtp, web);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { smtp, web })
        {
            while (true)
            {
                if (process.HasExited)
                {
                    await maildev.DisposeAsync();
                    throw new InvalidOperationException($"maildev exited at start with code {process.ExitCode}.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }

        return maildev;
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
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
