using System.Net.Http.Json;
using System.Text;
using OuderBot.Channels.Local;
using OuderBot.Storage;
using OuderBot.Testing;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Operations;

/// <summary>
/// The bot run as its own process (the load harness, the kill, shutdown and scale-out tests) keeps its warnings and
/// errors where the one who started it can show them: why a bot did not start, why a parent got "er ging iets mis".
/// </summary>
public sealed class BotServerLogTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ouderbot-botlog-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task ABotThatStopsAtStartSaysWhyInTheErrorItsStarterGets()
    {
        // Blob Storage without a connection string or a service URI: the bot refuses to start, and says which setting.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotServer.StartAsync(["--Storage:Provider", "AzureBlob", "--Storage:Path", Path.Combine(_work, "data")]));

        Assert.Contains("The bot exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider is AzureBlob: set Storage:BlobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAParentGetsTheApologyTheBotsLogSaysWhichTurnFailedAndWhy()
    {
        var data = Path.Combine(_work, "data");
        await using var bot = await BotServer.StartAsync(["--Clock:Now", "2026-11-24T07:45", "--Storage:Path", data]);
        // (Its start may warn already: without Digest:SigningKey the digest's links last until it restarts.)
        var before = bot.LoggedEntries;

        // A damaged document (written beside the running bot, in its own store) makes the absence dialog throw as it saves.
        using (var store = new SqliteStateStore(Path.Combine(data, "ouderbot.db")))
        {
            await store.CreateAsync("schools/de-driehoek/absences/tim-g4", Encoding.UTF8.GetBytes("not json"));
        }

        Assert.Contains("Klopt dat?", await SendAsync(bot, "Tim is vandaag ziek"), StringComparison.Ordinal);
        Assert.Equal("Sorry, er ging iets mis aan mijn kant. Probeer het nog eens, of typ 'menu'.", await SendAsync(bot, "ja"));

        // The entry arrives through the bot's stderr a moment after the reply.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!bot.LogTail().Any(l => l.Contains("JsonException", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var log = string.Join('\n', bot.LogTail());
        Assert.Contains("fail: OuderBot.Bot.TurnPipeline", log, StringComparison.Ordinal);
        Assert.Contains("Turn failed for +316******22 on local; dialog stack cleared", log, StringComparison.Ordinal);
        Assert.Contains("JsonException", log, StringComparison.Ordinal);
        Assert.Equal(before + 1, bot.LoggedEntries);
        Assert.Contains($"bot a: {before + 1} warnings/errors logged", bot.DescribeLog("bot a"), StringComparison.Ordinal);
        Assert.Contains(("fail: OuderBot.Bot.TurnPipeline[0] | Turn failed for +316******22 on local; dialog stack cleared", 1), bot.LogSummary());

        // The log masks the number and holds no message text.
        Assert.DoesNotContain(TimParent, log, StringComparison.Ordinal);
        Assert.DoesNotContain("ziek", log, StringComparison.Ordinal);
    }

    private static async Task<string> SendAsync(BotServer bot, string text)
    {
        var response = await bot.Http.PostAsJsonAsync("/api/local/messages", new { from = TimParent, text });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<LocalMessageResponse>();
        return body!.Replies[^1].Text;
    }
}
