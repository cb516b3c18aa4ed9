using System.Diagnostics;
using System.Reflection;

namespace OuderBot.Tests.Deployment;

/// <summary>
/// The Azure templates compile and lint clean with the real Bicep CLI (NuGet package Azure.Bicep.CommandLine.linux-x64,
/// referenced by this project): any diagnostic, warning or error, fails. BotDeployment/azure/bicepconfig.json sets the
/// linter's rules to error.
/// </summary>
public sealed class BicepTests
{
    private static string AzureFolder => Path.Combine(DeploymentFiles.Folder, "azure");

    public static TheoryData<string> Templates => new() { "main.bicep", "otel-collector.bicep", "main.bicepparam" };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task TheTemplateBuildsWithoutAnyDiagnostic(string file)
    {
        var output = Directory.CreateTempSubdirectory("ouderbot-bicep-").FullName;
        try
        {
            var command = file.EndsWith(".bicepparam", StringComparison.Ordinal) ? "build-params" : "build";
            var (exitCode, text) = await RunBicepAsync(command, Path.Combine(AzureFolder, file), "--outdir", output);

            Assert.True(exitCode == 0 && text.Length == 0, $"bicep {command} {file} (exit {exitCode}):\n{text}");
            Assert.NotEmpty(Directory.GetFiles(output, "*.json"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task TheTemplateLintsClean(string file)
    {
        var (exitCode, text) = await RunBicepAsync("lint", Path.Combine(AzureFolder, file));

        Assert.True(exitCode == 0 && text.Length == 0, $"bicep lint {file} (exit {exitCode}):\n{text}");
    }

    [Fact]
    public async Task TheLinterConfigurationFailsAnUnusedParameter()
    {
        // Beside the real bicepconfig.json, so the lint above is known to apply its rules.
        var probe = Path.Combine(AzureFolder, $"probe-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(probe, "param unused string\n\noutput greeting string = 'hallo'\n");
        try
        {
            var (exitCode, text) = await RunBicepAsync("lint", probe);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("no-unused-params", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(probe);
        }
    }

    [Fact]
    public void TheBotRunsAsAtLeastTwoInstancesWithAScaleRule()
    {
        var source = File.ReadAllText(Path.Combine(AzureFolder, "main.bicep"));

        Assert.Contains("@minValue(2)\nparam minReplicas int = 2", source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("minReplicas: minReplicas", source, StringComparison.Ordinal);
        Assert.Contains("http: { metadata: { concurrentRequests:", source, StringComparison.Ordinal);
    }

    private static string BicepExecutable()
    {
        var folder = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPackageFolder").Value;
        Assert.False(string.IsNullOrEmpty(folder), "The Azure.Bicep.CommandLine.linux-x64 package folder is not known (restore the test project).");
        var bicep = Path.Combine(folder, "tools", "bicep");
        Assert.True(File.Exists(bicep), $"No bicep executable at {bicep}.");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(bicep) & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return bicep;
    }

    internal static async Task<(int ExitCode, string Output)> RunBicepAsync(params string[] args)
    {
        var start = new ProcessStartInfo(BicepExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No telemetry, no update check: the tests run offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }
}
