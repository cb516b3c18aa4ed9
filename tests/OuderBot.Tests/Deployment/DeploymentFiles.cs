using System.Text.RegularExpressions;
using OuderBot.Testing;
using YamlDotNet.RepresentationModel;

namespace OuderBot.Tests.Deployment;

/// <summary>A configuration key a deployment file sets, as the code spells it (`__` read as `:`), and where.</summary>
public sealed record SetKey(string Key, string File, bool IsSecretReference = false)
{
    public override string ToString() => $"{Key} ({File})";
}

/// <summary>The files in BotDeployment/ and the configuration keys each sets.</summary>
public static partial class DeploymentFiles
{
    public static string Folder => Path.Combine(AzuriteProcess.RepositoryRoot(), "BotDeployment");

    public static string MainBicep => Path.Combine(Folder, "azure", "main.bicep");

    public static string Dockerfile => Path.Combine(Folder, "Dockerfile");

    public static string Compose => Path.Combine(Folder, "docker-compose.yml");

    /// <summary>Environment variable names as .NET configuration reads them: `Storage__Provider` is `Storage:Provider`.</summary>
    public static string ToConfigurationKey(string environmentName) => environmentName.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>
    /// The bot container's settings in main.bicep: every entry `{ name: '...', value: ... }` or `{ name: '...', secretRef: ... }`
    /// of the variable the container's `env` uses. An interpolated part (`Admin__SchoolKeys__${id}`) reads as `*`.
    /// </summary>
    public static IReadOnlyList<SetKey> BicepSettings(string? source = null)
    {
        source ??= File.ReadAllText(MainBicep);
        var env = EnvVariable().Match(source);
        Assert.True(env.Success, "main.bicep: the bot container's `env:` should name one variable (env: botSettings).");
        var name = env.Groups[1].Value;
        var block = VariableBlock(source, name);
        return [.. SettingEntry().Matches(block).Select(m => new SetKey(
            ToConfigurationKey(Interpolation().Replace(m.Groups[1].Value, "*")),
            "main.bicep",
            m.Groups[2].Value == "secretRef"))];
    }

    /// <summary>The Key Vault references main.bicep declares as Container App secrets (name → the vault secret's URL).</summary>
    public static IReadOnlyDictionary<string, string> BicepVaultSecrets(string? source = null)
    {
        source ??= File.ReadAllText(MainBicep);
        return VaultSecret().Matches(source).ToDictionary(m => Interpolation().Replace(m.Groups[1].Value, "*"), m => m.Groups[2].Value);
    }

    /// <summary>The environment of the `ouderbot` service in docker-compose.yml.</summary>
    public static IReadOnlyList<SetKey> ComposeSettings()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Compose))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var bot = (YamlMappingNode)((YamlMappingNode)root["services"])["ouderbot"];
        var environment = (YamlMappingNode)bot["environment"];
        return [.. environment.Children.Keys.Select(k => new SetKey(ToConfigurationKey(((YamlScalarNode)k).Value!), "docker-compose.yml"))];
    }

    /// <summary>The Dockerfile's instructions, continuation lines joined, comments dropped: (INSTRUCTION, arguments).</summary>
    public static IReadOnlyList<(string Instruction, string Arguments)> DockerInstructions()
    {
        var instructions = new List<(string, string)>();
        var current = "";
        foreach (var raw in File.ReadAllLines(Dockerfile))
        {
            var line = raw.Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            var space = current.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add(space < 0 ? (current.ToUpperInvariant(), "") : (current[..space].ToUpperInvariant(), current[(space + 1)..].Trim()));
            current = "";
        }

        return instructions;
    }

    /// <summary>The keys the Dockerfile's ENV instructions set (`ENV A=1 B=2`).</summary>
    public static IReadOnlyList<SetKey> DockerfileSettings() =>
        [.. DockerInstructions().Where(i => i.Instruction == "ENV")
            .SelectMany(i => DockerEnvAssignment().Matches(i.Arguments))
            .Select(m => new SetKey(ToConfigurationKey(m.Groups[1].Value), "Dockerfile"))];

    private static string VariableBlock(string source, string name)
    {
        var start = source.IndexOf($"var {name} =", StringComparison.Ordinal);
        Assert.True(start >= 0, $"main.bicep: no variable {name}.");
        var end = source.IndexOf("\n\n", start, StringComparison.Ordinal);
        return end < 0 ? source[start..] : source[start..end];
    }

    [GeneratedRegex(@"^\s*env:\s*([A-Za-z_][A-Za-z0-9_]*)\s*$", RegexOptions.Multiline)]
    private static partial Regex EnvVariable();

    [GeneratedRegex(@"\{\s*name:\s*'([^']+)',\s*(value|secretRef):")]
    private static partial Regex SettingEntry();

    [GeneratedRegex(@"\{\s*name:\s*'([^']+)',\s*keyVaultUrl:\s*'([^']+)'")]
    private static partial Regex VaultSecret();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex DockerEnvAssignment();
}
