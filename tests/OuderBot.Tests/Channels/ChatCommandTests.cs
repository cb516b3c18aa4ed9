using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Channels;

/// <summary>The terminal chat as a person or a script uses it: the real program, stdin in, replies on stdout.</summary>
public sealed class ChatCommandTests : IDisposable
{
    private readonly string _workFolder = Directory.CreateTempSubdirectory("ouderbot-chat-").FullName;

    [Fact]
    public async Task APipedChatHoldsAConversationThatSurvivesARestart()
    {
        var first = await ChatAsync("+31622222222", "Ik wil mijn kind ziekmelden");
        Assert.Equal(["Voor welke dag wilt u Tim ziek melden? Bijvoorbeeld: vandaag, morgen of maandag."], first.Stdout);

        // A new process on the same data folder carries on where the first stopped.
        var second = await ChatAsync("+31622222222", "vandaag", "ja");
        Assert.Equal(
            [
                "Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)",
                "Dank u wel. Ik heb genoteerd: Tim is ziek op dinsdag 24 november. Ik geef het door aan Juf Fatima. Beterschap voor Tim!",
            ],
            second.Stdout);
        Assert.True(File.Exists(Path.Combine(_workFolder, "data", "ouderbot.db")), "the embedded store lives in ./data of the working folder");
    }

    [Fact]
    public async Task MultiLineRepliesAndAnUnknownNumberWork()
    {
        var english = await ChatAsync("+31633333333", "my child is sick");
        Assert.Equal(["Which child would you like to report sick?", "1. Emma", "2. Oliver", "3. Both"], english.Stdout);

        var stranger = await ChatAsync("+31699999999", "hoi");
        Assert.Contains("Ik ken uw telefoonnummer nog niet.", string.Join('\n', stranger.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutFromTheChatExplainsItsUsage()
    {
        var result = await RunAsync(["chat"], "");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from", result.Stderr, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, List<string> Stdout, string Stderr)> ChatAsync(string from, params string[] lines) =>
        RunAsync(["chat", "--from", from, "--Clock:Now", "2026-11-24T07:45"], string.Join('\n', lines) + "\n");

    private Task<(int ExitCode, List<string> Stdout, string Stderr)> RunAsync(string[] args, string stdin) =>
        BotProcess.RunAsync(args, stdin, _workFolder);

    public void Dispose() => Directory.Delete(_workFolder, recursive: true);
}
