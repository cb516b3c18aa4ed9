using OuderBot.Admin;
using OuderBot.Channels.Twilio;
using OuderBot.Digest;
using OuderBot.Storage;

namespace OuderBot.Tests.Deployment;

/// <summary>
/// What cannot run here (a container engine, Azure) is kept honest by reading: every configuration key the Bicep
/// template, the compose file and the Dockerfile set is a key the code reads, and production gets the keys it cannot
/// start without, secrets by Key Vault reference only.
/// </summary>
public sealed partial class ConfigurationKeyTests
{
    public static TheoryData<string> Files => new() { "main.bicep", "docker-compose.yml", "Dockerfile" };

    private static IReadOnlyList<SetKey> Settings(string file) => file switch
    {
        "main.bicep" => DeploymentFiles.BicepSettings(),
        "docker-compose.yml" => DeploymentFiles.ComposeSettings(),
        "Dockerfile" => DeploymentFiles.DockerfileSettings(),
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryKeyAFileSetsIsAKeyTheCodeReads(string file)
    {
        var settings = Settings(file);
        Assert.NotEmpty(settings);

        var unknown = settings.Where(s => !CodeConfigurationKeys.Instance.Knows(s.Key)).Select(s => s.Key).ToList();

        Assert.True(unknown.Count == 0, $"{file} sets keys the code does not read: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void NoFileSetsAKeyTwice(string file)
    {
        var twice = Settings(file).GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(twice);
    }

    [Fact]
    public void AMisspelledKeyIsCaught()
    {
        var source = """
            var botSettings = [
              { name: 'Twilio__AuthToken', secretRef: 'twilio-auth-token' }
              { name: 'Twilio__AuthTokn', secretRef: 'twilio-auth-token' }
              { name: 'Admin__SchoolKeys__${id}', secretRef: 'office-key-${id}' }
              { name: 'Admin__ApiKey__${id}', value: 'x' }
            ]

            resource app 'Microsoft.App/containerApps@2025-01-01' = {
                  env: botSettings
            }
            """;

        var unknown = DeploymentFiles.BicepSettings(source).Where(s => !CodeConfigurationKeys.Instance.Knows(s.Key)).Select(s => s.Key);

        Assert.Equal(["Twilio:AuthTokn", "Admin:ApiKey:*"], unknown);
    }

    [Fact]
    public void TheCodesKeysAreFoundByWatchingItRead()
    {
        var keys = CodeConfigurationKeys.Instance;

        // Options classes, bound where the code binds them; direct reads; a dictionary section.
        Assert.Contains(typeof(TwilioOptions), keys.OptionsTypes);
        Assert.Contains(typeof(StorageOptions), keys.OptionsTypes);
        Assert.Contains("Twilio:AuthToken", keys.Exact);
        Assert.Contains("Storage:BlobServiceUri", keys.Exact);
        Assert.Contains("Digest:SigningKey", keys.Exact);
        Assert.Contains("Smtp:Password", keys.Exact);
        Assert.Contains("LocalChannel:Enabled", keys.Exact);
        Assert.Contains($"{AdminOptions.Section}:{nameof(AdminOptions.SchoolKeys)}", keys.Dictionaries);
        Assert.False(keys.Knows("Twilio:AuthTokn"));
        Assert.False(keys.Knows("Smtp:Enabled"));       // a property without a setter: nothing to set
    }

    [Fact]
    public void ProductionGetsEveryKeyItCannotStartWithout()
    {
        var settings = DeploymentFiles.BicepSettings().ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);

        string[] required =
        [
            "ASPNETCORE_ENVIRONMENT",
            $"{TwilioOptions.Section}:{nameof(TwilioOptions.AccountSid)}",
            $"{TwilioOptions.Section}:{nameof(TwilioOptions.AuthToken)}",
            $"{TwilioOptions.Section}:{nameof(TwilioOptions.PublicBaseUrl)}",
            $"{AdminOptions.Section}:{nameof(AdminOptions.ApiKey)}",
            $"{DigestOptions.Section}:{nameof(DigestOptions.SigningKey)}",
            $"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}",
            $"{StorageOptions.Section}:{nameof(StorageOptions.BlobServiceUri)}",
            "School:Path",
            "AZURE_CLIENT_ID",
        ];
        Assert.All(required, key => Assert.True(settings.ContainsKey(key), $"main.bicep does not set {key}."));

        // The managed identity, never an account key.
        Assert.False(settings.ContainsKey($"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"));
    }

    [Fact]
    public void SecretsComeFromKeyVaultAndEveryReferenceIsDeclared()
    {
        var settings = DeploymentFiles.BicepSettings().ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);
        var source = File.ReadAllText(DeploymentFiles.MainBicep);
        var vaultSecrets = DeploymentFiles.BicepVaultSecrets(source);

        string[] secrets = ["Twilio:AuthToken", "Admin:ApiKey", "Admin:SchoolKeys:*", "Digest:SigningKey", "Booking:LinkKey", "Smtp:Password"];
        Assert.All(secrets, key => Assert.True(settings.TryGetValue(key, out var set) && set.IsSecretReference, $"{key} should be a secretRef."));

        // Each secretRef names a Container App secret that is a Key Vault reference with the same secret name.
        foreach (var reference in SecretRefs().Matches(source).Select(m => m.Groups[1].Value.Replace("${id}", "*", StringComparison.Ordinal)))
        {
            Assert.True(vaultSecrets.TryGetValue(reference, out var url), $"secretRef '{reference}' is no Key Vault reference.");
            Assert.EndsWith($"secrets/{reference.Replace("*", "${id}", StringComparison.Ordinal)}", url, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("listKeys", source.Replace("workspace.listKeys()", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("allowSharedKeyAccess: false", source, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTemplatesTwilioUrlsAreTheBotsEndpoints()
    {
        var source = File.ReadAllText(DeploymentFiles.MainBicep);

        Assert.Contains("${publicBaseUrl}" + TwilioChannel.MessagesPath + "'", source, StringComparison.Ordinal);
        Assert.Contains("${publicBaseUrl}" + TwilioChannel.StatusPath + "'", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCompiledTemplateGivesTheBotContainerTheSameKeys()
    {
        // The reading of main.bicep above, checked against what Azure would get: the bot container's env in the ARM JSON.
        var output = Directory.CreateTempSubdirectory("ouderbot-arm-").FullName;
        try
        {
            var (exitCode, text) = await BicepTests.RunBicepAsync("build", DeploymentFiles.MainBicep, "--outdir", output);
            Assert.True(exitCode == 0, text);
            using var arm = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "main.json")));
            var env = arm.RootElement.GetProperty("resources").GetProperty("app").GetProperty("properties")
                .GetProperty("template").GetProperty("containers")[0].GetProperty("env").GetString()!;

            var compiled = CompiledNames().Matches(env)
                .Select(m => DeploymentFiles.ToConfigurationKey(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value.Replace("{0}", "*", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal);

            Assert.Equal(DeploymentFiles.BicepSettings().Select(s => s.Key).Order(StringComparer.Ordinal), compiled);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"createObject\('name', (?:'([^']+)'|format\('([^']+)')")]
    private static partial System.Text.RegularExpressions.Regex CompiledNames();

    [System.Text.RegularExpressions.GeneratedRegex(@"secretRef:\s*'([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex SecretRefs();
}
