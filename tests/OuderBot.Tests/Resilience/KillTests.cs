using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using OuderBot.Absence;
using OuderBot.Channels.Local;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OuderBot.Tests.Resilience;

/// <summary>
/// The machine dies (SIGKILL) in the middle of a burst of confirmations: after a restart every report a parent got
/// a receipt for is there. A receipt is a promise; the bot only gives it after the store has the report.
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private const int Families = 40;
    private const string AdminKey = "kill-test-key";
    private readonly string _work = Directory.CreateTempSubdirectory("ouderbot-kill-").FullName;

    [Fact]
    public async Task EveryReceiptedReportSurvivesAKillDuringABurstOfConfirmations()
    {
        var school = Path.Combine(_work, "school.yaml");
        await File.WriteAllTextAsync(school, GeneratedSchool.Yaml(Families));
        string[] settings = ["--School:Path", school, "--Admin:ApiKey", AdminKey, "--Clock:Now", "2026-11-24T07:45", "--Storage:Path", Path.Combine(_work, "data")];
        var days = SchoolDays(new DateOnly(2026, 11, 24), 20);

        var receipted = new ConcurrentBag<(string ChildId, DateOnly Day)>();
        await using (var bot = await BotServer.StartAsync(settings))
        {
            using var stop = new CancellationTokenSource();
            var parents = Enumerable.Range(0, Families).Select(i => ReportAsync(bot.Http, i, days, receipted, stop.Token)).ToList();
            await Wait.UntilAsync(() => receipted.Count >= 150, "150 receipts before the kill");

            await bot.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(parents);
        }

        await using var restarted = await BotServer.StartAsync(settings);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/absences?from={days[0]:yyyy-MM-dd}&to={days[^1]:yyyy-MM-dd}");
        request.Headers.Add("X-Api-Key", AdminKey);
        var rows = await (await restarted.Http.SendAsync(request)).Content.ReadFromJsonAsync<List<AbsenceRow>>();
        var stored = rows!.Select(r => (r.ChildId, DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToHashSet();

        output.WriteLine($"{receipted.Count} receipts before the kill, {stored.Count} reports stored after the restart");
        Assert.All(receipted, r => Assert.Contains(r, stored));
    }

    /// <summary>One parent reporting Tim and Sara sick day after day, as fast as the bot answers, until the bot dies.</summary>
    private static async Task ReportAsync(HttpClient http, int family, IReadOnlyList<DateOnly> days, ConcurrentBag<(string, DateOnly)> receipted, CancellationToken stop)
    {
        var phone = GeneratedSchool.Phone(family);
        try
        {
            foreach (var day in days)
            {
                foreach (var (child, id) in new[] { ("Tim", $"tim-{family}"), ("Sara", $"sara-{family}") })
                {
                    // A report that goes on the conversation is noted at once; a first one is confirmed with "ja".
                    var receipt = await SendAsync(http, phone, string.Create(CultureInfo.InvariantCulture, $"{child} is ziek op {day.Day}-{day.Month}"), stop);
                    if (!receipt.StartsWith("Dank u wel. Ik heb genoteerd", StringComparison.Ordinal))
                    {
                        receipt = await SendAsync(http, phone, "ja", stop);
                    }

                    if (receipt.StartsWith("Dank u wel. Ik heb genoteerd", StringComparison.Ordinal))
                    {
                        receipted.Add((id, day));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The bot died under this parent's message: no receipt, no promise.
        }
    }

    private static async Task<string> SendAsync(HttpClient http, string from, string text, CancellationToken stop)
    {
        using var response = await http.PostAsJsonAsync("/api/local/messages", new { from, text }, stop);
        var body = await response.Content.ReadFromJsonAsync<LocalMessageResponse>(stop);
        return response.IsSuccessStatusCode ? string.Join("\n", body!.Replies.Select(r => r.Text)) : "";
    }

    // The generated school has lessons on every weekday and no holidays.
    private static List<DateOnly> SchoolDays(DateOnly from, int count)
    {
        var days = new List<DateOnly>();
        for (var day = from; days.Count < count; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(day);
            }
        }

        return days;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS.
        }
    }
}
