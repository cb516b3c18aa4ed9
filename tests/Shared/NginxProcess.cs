using System.Diagnostics;
using System.Globalization;

namespace OuderBot.Testing;

/// <summary>
/// Debian's nginx as the load balancer in front of several bot instances on 127.0.0.1: round-robin over them, a 503 or
/// a refused connection retried on the next (also for a POST, as a message is safe to repeat: the bot recognises its
/// message id), and the instance that answered in the X-Upstream response header. It runs as the current user in the
/// foreground with a generated configuration in its own folder (pid, logs and temp files there too). Installed with
/// apt-get when missing (the test machine runs as root, as CI does), like Chromium (tests/Shared/Chromium.cs).
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private const string DebianPath = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _folder;

    private NginxProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
    }

    /// <summary>What nginx logged at warn and above (a retried upstream, a refused connection).</summary>
    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    /// <summary>CPU nginx used so far (master and its one worker).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var pid in (int[])[_process.Id, .. Children(_process.Id)])
            {
                try
                {
                    using var p = Process.GetProcessById(pid);
                    total += p.TotalProcessorTime;
                }
                catch (ArgumentException)
                {
                    // Gone.
                }
            }

            return total;
        }
    }

    private static int[] Children(int pid)
    {
        var file = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(file) ? [.. File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))] : [];
    }

    /// <summary>The load balancer's address, such as http://127.0.0.1:41234.</summary>
    public string Url { get; }

    public static string Configuration(string folder, int port, IEnumerable<string> upstreams) => string.Create(CultureInfo.InvariantCulture, $$"""
        daemon off;
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 4096; }
        http {
            access_log off;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            upstream bots {
        {{string.Concat(upstreams.Select(u => $"        server {u} max_fails=0;\n"))}}        keepalive 256;
            }
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://bots;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_next_upstream error timeout http_503 non_idempotent;
                    add_header X-Upstream $upstream_addr always;
                }
            }
        }

        """);

    /// <summary>Starts nginx on a free loopback port in front of <paramref name="upstreams"/> (host:port each).</summary>
    public static async Task<NginxProcess> StartAsync(IEnumerable<string> upstreams, int? listenPort = null, CancellationToken cancellationToken = default)
    {
        var nginx = await EnsureInstalledAsync(cancellationToken);
        var folder = Directory.CreateTempSubdirectory("ouderbot-nginx-").FullName;
        var port = listenPort ?? ToolProcess.FreePort();
        var conf = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(conf, Configuration(folder, port, upstreams), cancellationToken);
        var start = new ProcessStartInfo(nginx) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-c", conf, "-p", folder, "-e", Path.Combine(folder, "error.log")])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var balancer = new NginxProcess(process, folder, port);
        try
        {
            await ToolProcess.WaitForPortsAsync(process, "nginx", [port], cancellationToken);
            return balancer;
        }
        catch (Exception ex) when (ex is InvalidOperationException)
        {
            var log = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log"), cancellationToken) : "";
            await balancer.DisposeAsync();
            throw new InvalidOperationException(ex.Message + " " + log, ex);
        }
    }

    public static Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default) =>
        DebianPackage.EnsureInstalledAsync("nginx", DebianPath, "the scale-out tests", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await ToolProcess.StopAsync(_process);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}

/// <summary>The bot as `dotnet publish -c Release` builds it, published once per test run into a temporary folder.</summary>
public static class PublishedBuild
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _folder;

    public static async Task<string> EnsurePublishedAsync(CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_folder is not null)
            {
                return _folder;
            }

            var output = Directory.CreateTempSubdirectory("ouderbot-publish-").FullName;
            var project = Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "OuderBot");
            // One publish at a time on this machine: they share the project's obj/Release.
            await using var fileLock = await NodeTools.AcquireFileLockAsync(Path.Combine(Path.GetTempPath(), "ouderbot-publish.lock"), cancellationToken);
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])["publish", project, "-c", "Release", "-o", output, "-v", "q", "-nologo"])
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || !File.Exists(Path.Combine(output, "OuderBot.dll")))
            {
                throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {await stdout}{await stderr}");
            }

            return _folder = output;
        }
        finally
        {
            Gate.Release();
        }
    }
}
