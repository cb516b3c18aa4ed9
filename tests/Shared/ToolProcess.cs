using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OuderBot.Testing;

/// <summary>Starting, waiting for and stopping the npm tools the tests run (Azurite, maildev) on loopback ports.</summary>
public static class ToolProcess
{
    /// <summary>Starts the tool from node_modules/.bin with its output drained (it is not needed, and a full pipe would block it).</summary>
    public static Process Start(string tool, IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Path.Combine(AzuriteProcess.RepositoryRoot(), "node_modules", ".bin", tool))
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits (up to a minute) until every port accepts a connection; throws when the tool exits first.</summary>
    public static async Task WaitForPortsAsync(Process process, string tool, IEnumerable<int> ports, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{tool} exited at start with code {process.ExitCode}.");
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
    }

    /// <summary>Stops the tool and its children.</summary>
    public static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
