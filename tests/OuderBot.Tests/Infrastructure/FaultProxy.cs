using System.Net;
using System.Net.Sockets;

namespace OuderBot.Tests.Infrastructure;

/// <summary>
/// A TCP proxy in front of Azurite (or any loopback service) that passes bytes both ways, or, while a fault is on,
/// does what a slow, stuck or dying store does to the client: holds the requests back (they never reach Azurite),
/// holds the answers back (Azurite did the work, the client never hears), or resets every connection. Held bytes stay
/// held until the client gives up on the connection; nothing is passed late.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile Fault _fault;

    private FaultProxy(int target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public enum Fault
    {
        None,

        /// <summary>A request's bytes are held: Azurite never sees it (a stalled or overloaded store).</summary>
        HoldRequests,

        /// <summary>The answer's bytes are held: Azurite did the work, the client never hears (a write may have landed).</summary>
        HoldAnswers,

        /// <summary>An answer's status line and headers pass, its body is held: the client has begun to read the answer.</summary>
        HoldAnswerBodies,

        /// <summary>Every connection, new or open, is reset as it carries bytes (a store restarting, a load balancer dropping it).</summary>
        Reset,
    }

    public int Port { get; }

    /// <summary>The fault from now on, for every connection (pooled ones included).</summary>
    public Fault Current
    {
        get => _fault;
        set => _fault = value;
    }

    /// <summary>
    /// The next this many requests are answered "503 Server Busy" by the proxy itself (connection closed after it),
    /// before <see cref="Current"/> applies: a store that answers a retriable error first, then stalls.
    /// </summary>
    public int BusyAnswers
    {
        get => Volatile.Read(ref _busy);
        set => Volatile.Write(ref _busy, value);
    }

    private int _busy;

    /// <summary>Requests that reached Azurite through the proxy, in bytes, as a check that the fault was where the test says.</summary>
    public long BytesToTarget => Interlocked.Read(ref _bytesToTarget);

    private long _bytesToTarget;

    public static FaultProxy Start(int targetPort) => new(targetPort);

    /// <summary>This connection string (Azurite's) with its blob endpoint through the proxy.</summary>
    public string Through(string connectionString) =>
        connectionString.Replace($":{_target}/", $":{Port}/", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ConnectAsync(client));
        }
    }

    private async Task ConnectAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            return;
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var toTarget = PumpAsync(client, upstream, Fault.HoldRequests, counted: true, done.Token);
        var toClient = PumpAsync(upstream, client, Fault.HoldAnswers, counted: false, done.Token);
        await Task.WhenAny(toTarget, toClient);
        // One side closed (or reset): the connection is over for both.
        await done.CancelAsync();
        await Task.WhenAll(Quietly(toTarget), Quietly(toClient));
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, Fault holds, bool counted, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var source = from.GetStream();
        var sink = to.GetStream();
        while (true)
        {
            var read = await source.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            if (counted && Volatile.Read(ref _busy) > 0 && Interlocked.Decrement(ref _busy) >= 0)
            {
                await sink.FlushAsync(cancellationToken);
                await source.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nx-ms-error-code: ServerBusy\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
                from.Client.Shutdown(SocketShutdown.Both);
                return;
            }

            var fault = _fault;
            if (fault == Fault.Reset)
            {
                // Linger 0: the close is a TCP reset, as when the far side dies.
                from.Client.LingerState = new LingerOption(true, 0);
                to.Client.LingerState = new LingerOption(true, 0);
                from.Client.Close();
                to.Client.Close();
                return;
            }

            if (fault == Fault.HoldAnswerBodies && !counted)
            {
                // Up to the end of the headers (and one byte of the body) passes, then nothing.
                var end = buffer.AsSpan(0, read).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    await sink.WriteAsync(buffer.AsMemory(0, Math.Min(read, end + 5)), cancellationToken);
                }

                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (fault == holds)
            {
                // Held: nothing more passes this way; the connection ends when the client gives up on it.
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (counted)
            {
                Interlocked.Add(ref _bytesToTarget, read);
            }

            await sink.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static async Task Quietly(Task pump)
    {
        try
        {
            await pump;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The connection ended.
        }
    }
}
