using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Channels.Twilio;

/// <summary>A parent's SMS consent, as their last STOP or START left it.</summary>
public sealed record OptOutRecord(string Phone, bool OptedOut, DateTimeOffset ChangedAt, string? Keyword);

/// <summary>
/// Who said STOP over SMS: one document per parent's E.164 number (optouts/{e164}). Twilio refuses to send to them
/// (error 21610) until they say START; the outbox asks <see cref="IsOptedOutAsync"/> before sending.
/// Reads go to the store (never an instance's copy), so every instance sees a STOP at once.
/// </summary>
public sealed class OptOutStore(IStateStore store, DocumentCache documents, TimeProvider time)
{
    public const string Prefix = "optouts/";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Per school, as Twilio keeps opt-outs per sending number: "schools/{school}/optouts/{e164}".</summary>
    public static string Key(SchoolContext school, string e164) => school.Key(Prefix + e164);

    public async Task<bool> IsOptedOutAsync(SchoolContext school, string e164, CancellationToken cancellationToken) =>
        (await GetAsync(school, e164, cancellationToken))?.OptedOut ?? false;

    public async Task<OptOutRecord?> GetAsync(SchoolContext school, string e164, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(Key(school, e164), cancellationToken);
        return document is null ? null : JsonSerializer.Deserialize<OptOutRecord>(document.Content.Span, Json);
    }

    public Task OptOutAsync(SchoolContext school, string e164, string? keyword, CancellationToken cancellationToken) => SetAsync(school, e164, true, keyword, cancellationToken);

    public Task OptInAsync(SchoolContext school, string e164, string? keyword, CancellationToken cancellationToken) => SetAsync(school, e164, false, keyword, cancellationToken);

    // Another instance writing the same parent's consent at the same moment: read again, the later word wins.
    private Task SetAsync(SchoolContext school, string e164, bool optedOut, string? keyword, CancellationToken cancellationToken) =>
        documents.UpdateAsync(Key(school, e164), _ => Change<bool>.Write(true, JsonSerializer.SerializeToUtf8Bytes(new OptOutRecord(e164, optedOut, time.GetUtcNow(), keyword), Json)), cancellationToken, cached: false);
}

/// <summary>
/// A STOP is kept as long as it stands: without it the bot would write to a parent who asked it not to. A record of
/// opting in again says nothing the bot needs, and goes after the school's delivery period.
/// </summary>
internal sealed class OptOutRetention(IStateStore store) : Privacy.IRetentionPolicy
{
    public string Kind => "opt-ins";

    public Task<int> PurgeAsync(Privacy.RetentionContext context, CancellationToken cancellationToken) =>
        Privacy.RetentionSweep.DeleteExpiredAsync(store, context.Prefix(OptOutStore.Prefix),
            d => JsonSerializer.Deserialize<OptOutRecord>(d.Content.Span, OptOutStore.Json) is { OptedOut: false } r && r.ChangedAt < context.Cutoff(context.Periods.DeliveryDays),
            cancellationToken);
}
