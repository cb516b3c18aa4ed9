using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Privacy;
using OuderBot.Storage;

namespace OuderBot.Feedback;

/// <summary>
/// Feedback is kept for the school's inbox period (retention.inbox, default 30 days) after it arrived, as the rest of
/// what parents pass on; the looks at anonymous senders (no content) for Feedback:AuditDays. Both keys carry the day.
/// </summary>
internal sealed class FeedbackRetention(IStateStore store, IOptionsMonitor<FeedbackOptions> options) : IRetentionPolicy
{
    public string Kind => "feedback";

    public async Task<int> PurgeAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        var count = await PurgeBeforeAsync(context.Prefix(FeedbackStore.Prefix), context.Today.AddDays(-context.Periods.InboxDays), cancellationToken);
        count += await PurgeBeforeAsync(context.Prefix(FeedbackStore.AuditPrefix), context.Today.AddDays(-options.CurrentValue.AuditDays), cancellationToken);
        return count;
    }

    private async Task<int> PurgeBeforeAsync(string prefix, DateOnly before, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var key in await RetentionSweep.KeysAsync(store, prefix, cancellationToken))
        {
            var rest = key[prefix.Length..];
            if (rest.Length >= 10 && DateOnly.TryParseExact(rest[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day < before)
            {
                count += await store.DeleteAsync(key, cancellationToken: cancellationToken) ? 1 : 0;
            }
        }

        return count;
    }
}

/// <summary>A parent who asks to be erased: every piece of feedback they gave goes (the audit records name no parent).</summary>
internal sealed class FeedbackEraser(IStateStore store) : IParentDataEraser
{
    public async Task<int> EraseAsync(SchoolContext school, string parentPhone, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var key in await RetentionSweep.KeysAsync(store, school.Key(FeedbackStore.Prefix), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document
                && JsonSerializer.Deserialize<FeedbackItem>(document.Content.Span, FeedbackStore.Json)?.ParentPhone == parentPhone)
            {
                count += await RetentionSweep.DeleteIfUnchangedAsync(store, key, document.ETag, cancellationToken) ? 1 : 0;
            }
        }

        return count;
    }
}
