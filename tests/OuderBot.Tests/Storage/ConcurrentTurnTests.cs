using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OuderBot.Absence;
using OuderBot.Bot;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Storage;

/// <summary>
/// Two bot instances on one store (as when the bot runs scaled out) get turns for the same parent at the same moment.
/// Nothing may be lost: every turn takes effect, conflicts are retried, and no parent sees an error.
/// </summary>
public abstract class ConcurrentTurnTests
{
    protected abstract BotApp NewInstance(FakeTimeProvider time);

    [Fact]
    public async Task SimultaneousTurnsForOneParentOnTwoInstancesAllTakeEffect()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var a = NewInstance(time);
        await using var b = NewInstance(time);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());

        for (var round = 0; round < 12; round++)
        {
            var sends = new[]
            {
                a.SendAsync(TimParent, "hallo", $"a-{round}"),
                b.SendAsync(TimParent, "hallo", $"b-{round}"),
                a.SendAsync(TimParent, "hallo", $"c-{round}"),
            };
            foreach (var replies in await Task.WhenAll(sends))
            {
                Assert.Equal(["Hallo Lotte. Waarmee kan ik u helpen? Typ 'menu' om te zien wat ik kan."], replies);
            }

            var stored = await a.Services.GetRequiredService<IStateStore>().ReadAsync(ConversationStore.Key(a.School(), TimParent));
            var conversation = JsonSerializer.Deserialize(stored!.Content.Span, BotJsonContext.Default.ConversationData)!;
            var handled = conversation.Handled.Select(h => h.Id).ToList();
            Assert.Contains($"a-{round}", handled);
            Assert.Contains($"b-{round}", handled);
            Assert.Contains($"c-{round}", handled);
        }
    }

    [Fact]
    public async Task TurnsAlternatingBetweenInstancesOnAStoppedClockAnswerFromTheOtherInstancesLastTurn()
    {
        // The clock stands still (as Clock:Now pins it), so a turn may leave the conversation exactly as it found it;
        // it must still answer from what the other instance saved, not from this instance's older copy in memory.
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var a = NewInstance(time);
        await using var b = NewInstance(time);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
        const string fatma = "+31644444444"; // Noor and Sem
        foreach (var day in new[] { "morgen", "donderdag" })
        {
            Assert.Contains("Welk kind", string.Join("\n", await a.SendAsync(fatma, "Ik wil mijn kind ziekmelden")), StringComparison.Ordinal);
            Assert.Contains("Voor welke dag", string.Join("\n", await b.SendAsync(fatma, "Sem")), StringComparison.Ordinal);
            Assert.Contains("Klopt dat?", string.Join("\n", await a.SendAsync(fatma, day)), StringComparison.Ordinal);
            Assert.Contains("Dank u wel", string.Join("\n", await b.SendAsync(fatma, "ja")), StringComparison.Ordinal);
            time.Advance(TimeSpan.FromMinutes(31));   // a new conversation: a report within half an hour would be noted at once
        }
    }

    [Fact]
    public async Task BothParentsConfirmingAtTheSameMomentOnTwoInstancesGiveOneAbsenceWithBothReporters()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using var a = NewInstance(time);
        await using var b = NewInstance(time);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
        await a.SendAsync(TimParent, "Tim is vandaag ziek");
        await b.SendAsync(TimOtherParent, "Tim is vandaag ziek");

        var confirmations = await Task.WhenAll(a.SendAsync(TimParent, "ja"), b.SendAsync(TimOtherParent, "ja"));

        // One parent's "ja" saves the report, the other's finds it and adds them as a reporter.
        Assert.Single(confirmations, replies => Assert.Single(replies).StartsWith("Dank u wel. Ik heb genoteerd: Tim is ziek", StringComparison.Ordinal));
        Assert.Single(confirmations, replies => Assert.Single(replies).Contains("ook al gemeld", StringComparison.Ordinal));
        var report = Assert.Single(await a.Services.GetRequiredService<AbsenceStore>().ForChildAsync(a.School(), "tim-g4", CancellationToken.None));
        Assert.Equal([TimParent, TimOtherParent], new[] { report.ReportedBy }.Concat(report.AlsoReportedBy).Order().ToArray());
    }

    [Fact]
    public async Task AConversationSurvivesARestartOfTheBot()
    {
        var time = new FakeTimeProvider(BotApp.TuesdayMorning);
        await using (var first = NewInstance(time))
        {
            await first.WaitUntilHealthyAsync();
            await first.RunAsync(TimParent, """
                > Ik wil mijn kind ziekmelden
                < Voor welke dag wilt u Tim ziek melden? Bijvoorbeeld: vandaag, morgen of maandag.
                """);
        }

        await using var second = NewInstance(time);
        await second.WaitUntilHealthyAsync();
        await second.RunAsync(TimParent, """
            > vandaag
            < Tim is ziek op dinsdag 24 november. Klopt dat? (ja/nee)
            > ja
            <~ Ik heb genoteerd: Tim is ziek op dinsdag 24 november.
            """);
    }
}

public sealed class SqliteConcurrentTurnTests : ConcurrentTurnTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ouderbot-shared-").FullName;

    protected override BotApp NewInstance(FakeTimeProvider time) => new(dataFolder: _folder, time: time);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class BlobConcurrentTurnTests(AzuriteFixture azurite) : ConcurrentTurnTests
{
    private readonly string _container = AzuriteFixture.NewContainer();

    protected override BotApp NewInstance(FakeTimeProvider time) => BotApp.OnAzurite(azurite.ConnectionString, _container, time);
}
