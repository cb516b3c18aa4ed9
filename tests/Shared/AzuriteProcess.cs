using System.Diagnostics;

namespace OuderBot.Testing;

/// <summary>
/// A fresh Azurite blob emulator on a free loopback port, in its own temporary folder. Installs the npm packages
/// (<see cref="NodeTools"/>) when they are missing or out of date, so a clean clone needs no manual step.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;
    private readonly string _folder;

    private AzuriteProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>CPU time Azurite has used so far (it is single-threaded: one core at most).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>A connection string for this instance (Azurite's well-known development account).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        await NodeTools.EnsureInstalledAsync(cancellationToken);
        var folder = Directory.CreateTempSubdirectory("ouderbot-azurite-").FullName;
        var port = FreePort();
        // --skipApiVersionCheck: Azure.Storage.Blobs sends a newer API version than Azurite 3.35 knows.
        // --disableTelemetry: nothing leaves this machine. --loose: ignore headers Azurite does not support.
        var process = ToolProcess.Start(
            "azurite-blob",
            ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", folder, "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent"],
            folder);
        var azurite = new AzuriteProcess(process, folder, port);
        try
        {
            await ToolProcess.WaitForPortsAsync(process, "Azurite", [port], cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ToolProcess.StopAsync(_process);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>The folder holding OuderBot.sln, found from the running binary upwards.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OuderBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OuderBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort() => ToolProcess.FreePort();
}
