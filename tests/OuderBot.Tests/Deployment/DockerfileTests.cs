using OuderBot.Storage;

namespace OuderBot.Tests.Deployment;

/// <summary>
/// The image cannot be built here (no container engine, no base images), so the Dockerfile is checked by reading:
/// two stages, the SDK only in the first, dialogs/ published, the board's schools where School:Path says, a
/// non-root user last, and the entry point the project's assembly.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly IReadOnlyList<(string Instruction, string Arguments)> Instructions = DeploymentFiles.DockerInstructions();

    private static IEnumerable<(string Instruction, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.Select((i, n) => (i, n)).Last(x => x.i.Instruction == "FROM").n);

    [Fact]
    public void TheImageIsBuiltInOneStageAndRunsFromAnotherWithoutTheSdk()
    {
        var stages = Instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();

        Assert.True(stages.Count >= 2, "The Dockerfile should have a build stage and a final stage.");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", stages[^1], StringComparison.Ordinal);
        Assert.Contains(FinalStage, i => i.Instruction == "COPY" && i.Arguments.StartsWith("--from=build /app", StringComparison.Ordinal));
        Assert.Contains(Instructions, i => i.Instruction == "RUN" && i.Arguments.Contains("dotnet publish src/OuderBot/OuderBot.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void TheBuildStageCopiesTheDialogsSoThePublishedBuildHasThem()
    {
        var build = Instructions.TakeWhile(i => !(i.Instruction == "FROM" && i.Arguments.Contains("aspnet", StringComparison.Ordinal))).ToList();
        var copyDialogs = build.FindIndex(i => i.Instruction == "COPY" && i.Arguments == "dialogs/ dialogs/");
        var publish = build.FindIndex(i => i.Instruction == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));

        Assert.True(copyDialogs >= 0 && copyDialogs < publish, "COPY dialogs/ dialogs/ should come before dotnet publish.");
        Assert.Contains("dialogs", File.ReadAllText(Path.Combine(OuderBot.Testing.AzuriteProcess.RepositoryRoot(), "src", "OuderBot", "OuderBot.csproj")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheBoardsSchoolsAreWhereSchoolPathPointsAndTheTemplateAgrees()
    {
        Assert.Contains(FinalStage, i => i.Instruction == "COPY" && i.Arguments == "${SCHOOLS}/ /app/schools/");
        Assert.Contains(DeploymentFiles.DockerfileSettings(), s => s.Key == "School:Path");
        Assert.Contains("School__Path=/app/schools", string.Join(' ', FinalStage.Where(i => i.Instruction == "ENV").Select(i => i.Arguments)), StringComparison.Ordinal);
        Assert.Contains("{ name: 'School__Path', value: '/app/schools' }", File.ReadAllText(DeploymentFiles.MainBicep), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(DeploymentFiles.Folder, "schools", ".gitignore")), "BotDeployment/schools/ keeps the board's files out of git.");
    }

    [Fact]
    public void TheImageEndsAsANonRootUser()
    {
        var user = FinalStage.LastOrDefault(i => i.Instruction == "USER").Arguments;

        Assert.False(string.IsNullOrWhiteSpace(user), "The final stage should set USER.");
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
        Assert.Equal("USER", FinalStage.Last(i => i.Instruction is "USER" or "RUN" or "COPY" or "ADD").Instruction);
    }

    [Fact]
    public void TheEntryPointIsTheProjectsAssemblyAndTheHealthCheckAsksHealthz()
    {
        var entryPoint = Instructions.Last(i => i.Instruction == "ENTRYPOINT").Arguments;
        var assembly = typeof(StorageOptions).Assembly.GetName().Name + ".dll";

        Assert.Equal($"[\"dotnet\", \"{assembly}\"]", entryPoint);
        Assert.Contains(FinalStage, i => i.Instruction == "HEALTHCHECK" && i.Arguments.Contains("/healthz", StringComparison.Ordinal));
        Assert.Contains(FinalStage, i => i.Instruction == "EXPOSE" && i.Arguments == "8080");
        Assert.Contains("targetPort: 8080", File.ReadAllText(DeploymentFiles.MainBicep), StringComparison.Ordinal);
    }
}
