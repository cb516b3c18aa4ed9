using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using OuderBot.Testing;

namespace OuderBot.LoadHarness;

/// <summary>
/// A pass-through HTTP proxy in front of Azurite that counts every request by what it does (read, list, create,
/// replace, delete), the kind of document (the key with its names and times taken out) and the answer's status
/// (404, 409, 412), and how long Azurite took for each kind: it passes one request at a time (Azurite works on one at
/// a time anyway), so the time is the request's own, not time queued behind others. What the round trips are and
/// which cost most, for whoever makes them fewer; the hop and the one-at-a-time make a race measured through it slower
/// than one without (--by-kind is for reading the counts, not the race's time).
/// </summary>
internal sealed partial class CountingProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream;
    private readonly Uri _target;
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, (int Count, double Milliseconds, long Bytes)> _counts = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private volatile bool _counting;

    private CountingProxy(Uri target, int port)
    {
        _target = target;
        Port = port;
        _upstream = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, AllowAutoRedirect = false, UseCookies = false });
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <param name="target">Azurite's base address (scheme, host and port).</param>
    public static CountingProxy Start(Uri target) => new(target, AzuriteProcess.FreePort());

    /// <summary>Counts from now on (the race), not the preparation before it.</summary>
    public void StartCounting() => _counting = true;

    public void StopCounting() => _counting = false;

    /// <summary>Per kind: how many requests, Azurite's time for them together, and the bytes sent and answered.</summary>
    public IReadOnlyDictionary<string, (int Count, double Milliseconds, long Bytes)> Counts => _counts;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopped.
        }

        _listener.Close();
        _upstream.Dispose();
        _oneAtATime.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        var incoming = context.Request;
        var outgoing = context.Response;
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), new Uri(_target, incoming.RawUrl));
            using var body = new MemoryStream();
            await incoming.InputStream.CopyToAsync(body);
            if (incoming.HttpMethod is "PUT" or "POST" or "PATCH" || body.Length > 0)
            {
                request.Content = new ByteArrayContent(body.ToArray());
            }

            foreach (var name in incoming.Headers.AllKeys.OfType<string>())
            {
                if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Expect", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var values = incoming.Headers.GetValues(name) ?? [];
                if (!request.Headers.TryAddWithoutValidation(name, values))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, values);
                }
            }

            HttpResponseMessage response;
            var watch = new System.Diagnostics.Stopwatch();
            await _oneAtATime.WaitAsync();
            try
            {
                watch.Start();
                response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                watch.Stop();
            }
            finally
            {
                _oneAtATime.Release();
            }

            using var _ = response;
            if (_counting)
            {
                var took = watch.Elapsed.TotalMilliseconds;
                var size = body.Length + (response.Content.Headers.ContentLength ?? 0);
                _counts.AddOrUpdate(Describe(incoming, (int)response.StatusCode), (1, took, size), (_, n) => (n.Count + 1, n.Milliseconds + took, n.Bytes + size));
            }

            outgoing.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    || header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                outgoing.Headers[header.Key] = string.Join(",", header.Value);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync();
            outgoing.ContentLength64 = bytes.Length;
            await outgoing.OutputStream.WriteAsync(bytes);
        }
        catch (Exception ex) when (ex is HttpRequestException or HttpListenerException or IOException)
        {
            outgoing.StatusCode = 502;
        }
        finally
        {
            try
            {
                outgoing.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The client went away.
            }
        }
    }

    /// <summary>"create slot (409)", "list waiting", "replace conversation": what, of which kind, and any status but success.</summary>
    private static string Describe(HttpListenerRequest request, int status)
    {
        var query = request.QueryString;
        var path = Uri.UnescapeDataString(request.Url?.AbsolutePath ?? "");
        // /devstoreaccount1/ouderbot/schools/race/... -> schools/race/...
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var key = segments.Length > 2 ? string.Join('/', segments[2..]) : "";
        string operation;
        if (query["comp"] == "list")
        {
            operation = "list";
            key = query["prefix"] ?? "";
        }
        else
        {
            operation = request.HttpMethod switch
            {
                "GET" or "HEAD" => "read",
                "DELETE" => "delete",
                "PUT" when request.Headers["If-None-Match"] == "*" => "create",
                "PUT" when request.Headers["If-Match"] is not null => "replace",
                "PUT" => key.Length == 0 ? "container" : "write",
                _ => request.HttpMethod.ToLowerInvariant(),
            };
        }

        var outcome = status is >= 200 and < 300 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({status})");
        return $"{operation} {Kind(key)}{outcome}";
    }

    /// <summary>The key's shape: school, round and teacher names, phone numbers, times and tokens left out.</summary>
    private static string Kind(string key)
    {
        var parts = key.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 3 && parts[0] == "schools")
        {
            parts = parts[2..];
        }

        var kind = new StringBuilder();
        foreach (var part in parts)
        {
            if (Variable().IsMatch(part))
            {
                break;
            }

            kind.Append(kind.Length == 0 ? "" : "/").Append(part);
            if (part is "bookings" or "bookings-waiting")
            {
                // Round and teacher left out: bookings/{round}/{teacher}/slots/... is "bookings/slots".
                var rest = part == "bookings" ? parts.SkipWhile(p => p != part).Skip(3).FirstOrDefault() : null;
                return rest is null ? part : $"{part}/{rest}";
            }
        }

        return kind.Length == 0 ? "(container)" : kind.ToString();
    }

    // A phone number, a time, a token or an id: not part of the kind.
    [GeneratedRegex(@"[0-9+~]|^(?=.*[A-Z_])[A-Za-z0-9_-]{16,}$")]
    private static partial Regex Variable();
}
