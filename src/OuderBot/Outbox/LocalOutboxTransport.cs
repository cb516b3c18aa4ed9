using System.Globalization;
using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Outbox;

/// <summary>A message the bot started for a parent of the local channel, as that parent's "phone" receives it.</summary>
public sealed record LocalDelivery(string Id, string Text, DateTimeOffset SentAt, string Purpose);

/// <summary>
/// The local channel's "phone": messages the bot starts for a parent whose last message came over the local channel
/// (the simulator, scripts, tests) are kept under schools/{id}/local-inbox/{phone}/ for that parent to fetch with
/// GET /api/local/messages?from=..., as a phone would receive an SMS. Kept as long as sent messages.
/// </summary>
public sealed class LocalOutboxTransport(IStateStore store, TimeProvider time) : IOutboxTransport
{
    public const string Channel = "local";
    public const string Prefix = "local-inbox/";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Serves(string channel) => channel == Channel;

    public async Task<SendResult> SendAsync(SchoolContext school, OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = school.Key(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{message.To}/{message.Id}"));
        // Delivered before (the worker died before it could record it): once is enough.
        await store.CreateIfAbsentAsync(key, JsonSerializer.SerializeToUtf8Bytes(new LocalDelivery(message.Id, message.Body, now, message.Purpose), Json), cancellationToken);

        return new SendResult.Sent("local-" + message.Id);
    }

    /// <summary>What the bot sent the parent on the local channel, oldest first.</summary>
    public async Task<IReadOnlyList<LocalDelivery>> ReceivedAsync(SchoolContext school, string phone, CancellationToken cancellationToken)
    {
        var received = new List<LocalDelivery>();
        await foreach (var key in store.ListKeysAsync(school.Key($"{Prefix}{phone}/"), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<LocalDelivery>(document.Content.Span, Json) is { } delivery)
            {
                received.Add(delivery);
            }
        }

        return received.OrderBy(d => d.SentAt).ToList();
    }
}

/// <summary>The local channel's received messages go as sent messages do.</summary>
internal sealed class LocalInboxRetention(IStateStore store) : Privacy.IRetentionPolicy
{
    public string Kind => "local deliveries";

    public Task<int> PurgeAsync(Privacy.RetentionContext context, CancellationToken cancellationToken) =>
        Privacy.RetentionSweep.DeleteExpiredAsync(store, context.Prefix(LocalOutboxTransport.Prefix),
            d => JsonSerializer.Deserialize<LocalDelivery>(d.Content.Span, LocalOutboxTransport.Json) is { } l && l.SentAt < context.Cutoff(context.Periods.DeliveryDays),
            cancellationToken);
}

/// <summary>"Verwijder mijn gegevens": what the bot sent the parent on the local channel.</summary>
internal sealed class LocalInboxEraser(IStateStore store) : Privacy.IParentDataEraser
{
    public async Task<int> EraseAsync(SchoolContext school, string parentPhone, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var key in await Privacy.RetentionSweep.KeysAsync(store, school.Key($"{LocalOutboxTransport.Prefix}{parentPhone}/"), cancellationToken))
        {
            if (await store.DeleteAsync(key, cancellationToken: cancellationToken))
            {
                count++;
            }
        }

        return count;
    }
}
