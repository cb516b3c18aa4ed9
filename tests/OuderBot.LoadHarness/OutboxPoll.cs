using System.Globalization;
using System.Text.Json;
using OuderBot.Outbox;
using OuderBot.Storage;

namespace OuderBot.LoadHarness;

/// <summary>
/// The outbox mode: fills the store with finished messages (the school's history) and messages due tomorrow (quiet
/// hours, reminders), as the bot stores them, before the bot starts; then counts what the worker's polls cost.
/// </summary>
internal static class OutboxPoll
{
    /// <summary>The generated school file is school.yaml: its id is "school".</summary>
    private const string Prefix = "schools/school/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static async Task SeedAsync(IStateStore store, int finished, int waiting, DateTimeOffset now)
    {
        await store.InitializeAsync();
        var tomorrow = now.AddDays(1);
        var work = new List<Func<Task>>();
        for (var i = 0; i < finished; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"done-{i}");
            work.Add(() => store.CreateAsync(Prefix + "outbox/done/" + id, Serialize(Message(id, OutboxStatus.Sent, now.AddDays(-1)))));
        }

        for (var i = 0; i < waiting; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"later-{i}");
            work.Add(async () =>
            {
                await store.CreateAsync(Prefix + "outbox/pending/" + id, Serialize(Message(id, OutboxStatus.Pending, tomorrow)));
                await store.CreateAsync(string.Create(CultureInfo.InvariantCulture, $"{Prefix}outbox/due/{tomorrow.UtcTicks:D19}-{id}"), "{}"u8.ToArray());
            });
        }

        // Today's retention run is done already (it reads every finished message once a day; that is not the poll).
        foreach (var day in new[] { now.AddDays(-1), now })
        {
            work.Add(() => store.CreateAsync(string.Create(CultureInfo.InvariantCulture, $"claims/retention/{day:yyyy-MM-dd}"),
                JsonSerializer.SerializeToUtf8Bytes(new ClaimRecord("harness", now, now, now, "seeded"), Json)));
        }

        // A few at a time: Azurite is single-threaded.
        foreach (var chunk in work.Chunk(16))
        {
            await Task.WhenAll(chunk.Select(w => w()));
        }
    }

    private static OutboxMessage Message(string id, OutboxStatus status, DateTimeOffset at) => new()
    {
        Id = id,
        Channel = "email",
        To = "juf@laadtest.example",
        Subject = "Afwezig",
        Body = "Tim is ziek.",
        Purpose = "absence-notice",
        CreatedAt = at,
        NextAttemptAt = at,
        Status = status,
        FinishedAt = status == OutboxStatus.Sent ? at : null,
    };

    private static byte[] Serialize(OutboxMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, Json);
}
