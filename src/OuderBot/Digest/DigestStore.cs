using System.Globalization;
using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Privacy;
using OuderBot.Storage;

namespace OuderBot.Digest;

/// <summary>A digest as it was built for its time: what was sent (or would have been), kept so a restart sends the same.</summary>
public sealed record DigestSnapshot(TeacherDigest Digest, IReadOnlyList<DigestSection> Sections, DateTimeOffset BuiltAt, string OutboxId, IReadOnlyList<string> ParentPhones);

/// <summary>A teacher's answer to a question from the digest, relayed to the parent.</summary>
public sealed record DigestAnswer(string ItemId, string TeacherId, string Teacher, string Text, DateTimeOffset AnsweredAt, string ParentPhone, DateTimeOffset? RelayedAt = null);

/// <summary>
/// The digest's documents: schools/{id}/digests/{date}/{HHmm}/{teacher} (the digest of that time, created only if
/// absent, so every instance that builds it sends the same), digest-last/{teacher} (what the teacher was last told,
/// for "since the last digest") and digest-answers/{item} (a teacher's answer, created only if absent: one per question).
/// </summary>
public sealed class DigestStore(IStateStore store)
{
    public const string DigestsPrefix = "digests/";
    public const string LastPrefix = "digest-last/";
    public const string AnswersPrefix = "digest-answers/";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string TimeKey(TimeOnly time) => time.ToString("HHmm", CultureInfo.InvariantCulture);

    public static string SnapshotKey(SchoolContext school, DateOnly date, TimeOnly time, string teacherId) =>
        school.Key(string.Create(CultureInfo.InvariantCulture, $"{DigestsPrefix}{date:yyyy-MM-dd}/{TimeKey(time)}/{teacherId}"));

    public async Task<DigestSnapshot?> SnapshotAsync(SchoolContext school, DateOnly date, TimeOnly time, string teacherId, CancellationToken cancellationToken) =>
        await store.ReadAsync(SnapshotKey(school, date, time, teacherId), cancellationToken) is { } document
            ? JsonSerializer.Deserialize<DigestSnapshot>(document.Content.Span, Json)
            : null;

    /// <summary>Keeps the digest of that time unless one was kept before (by this instance before a restart, or another):
    /// returns the one that stands.</summary>
    public async Task<DigestSnapshot> KeepAsync(SchoolContext school, DateOnly date, TimeOnly time, string teacherId, DigestSnapshot snapshot, CancellationToken cancellationToken)
    {
        var key = SnapshotKey(school, date, time, teacherId);
        if (await store.CreateIfAbsentAsync(key, JsonSerializer.SerializeToUtf8Bytes(snapshot, Json), cancellationToken))
        {
            return snapshot;
        }

        return await SnapshotAsync(school, date, time, teacherId, cancellationToken) ?? snapshot;
    }

    public async Task<DigestLastState?> LastAsync(SchoolContext school, string teacherId, CancellationToken cancellationToken) =>
        await store.ReadAsync(school.Key(LastPrefix + teacherId), cancellationToken) is { } document
            ? JsonSerializer.Deserialize<DigestLastState>(document.Content.Span, Json)
            : null;

    /// <summary>Records what the teacher was told, unless a later digest was recorded meanwhile (ETag-checked).</summary>
    public async Task SetLastAsync(SchoolContext school, string teacherId, DigestLastState state, CancellationToken cancellationToken)
    {
        var key = school.Key(LastPrefix + teacherId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await store.ReadAsync(key, cancellationToken);
            if (existing is not null && JsonSerializer.Deserialize<DigestLastState>(existing.Content.Span, Json) is { } stored && stored.At >= state.At)
            {
                return;
            }

            try
            {
                var content = JsonSerializer.SerializeToUtf8Bytes(state, Json);
                _ = existing is null ? await store.CreateAsync(key, content, cancellationToken) : await store.ReplaceAsync(key, content, existing.ETag, cancellationToken);
                return;
            }
            catch (StoreConflictException)
            {
                // Another instance recorded one meanwhile: look again.
            }
        }
    }

    public async Task<DigestAnswer?> AnswerAsync(SchoolContext school, string itemId, CancellationToken cancellationToken) =>
        await store.ReadAsync(school.Key(AnswersPrefix + itemId), cancellationToken) is { } document
            ? JsonSerializer.Deserialize<DigestAnswer>(document.Content.Span, Json)
            : null;

    /// <summary>Keeps the answer if the question has none yet; returns the one that stands (maybe another teacher's, just before).</summary>
    public async Task<(DigestAnswer Answer, bool Mine)> AnswerOnceAsync(SchoolContext school, DigestAnswer answer, CancellationToken cancellationToken)
    {
        if (await store.CreateIfAbsentAsync(school.Key(AnswersPrefix + answer.ItemId), JsonSerializer.SerializeToUtf8Bytes(answer, Json), cancellationToken))
        {
            return (answer, true);
        }

        return (await AnswerAsync(school, answer.ItemId, cancellationToken) ?? answer, false);
    }

    /// <summary>Marks the answer relayed to the parent (so a repeat of the form does not relay it again).</summary>
    public async Task MarkRelayedAsync(SchoolContext school, string itemId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = school.Key(AnswersPrefix + itemId);
        if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<DigestAnswer>(document.Content.Span, Json) is { RelayedAt: null } answer)
        {
            try
            {
                await store.ReplaceAsync(key, JsonSerializer.SerializeToUtf8Bytes(answer with { RelayedAt = at }, Json), document.ETag, cancellationToken);
            }
            catch (StoreConflictException)
            {
                // Marked meanwhile by the same answer's other request.
            }
        }
    }
}

/// <summary>The digests, answers and last states go the school's inbox period (default 30 days) after their day.</summary>
internal sealed class DigestRetention(IStateStore store) : IRetentionPolicy
{
    public string Kind => "digests";

    public async Task<int> PurgeAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        var last = context.Today.AddDays(-context.Periods.InboxDays);
        var cutoff = context.Cutoff(context.Periods.InboxDays);
        var count = 0;
        var digests = context.Prefix(DigestStore.DigestsPrefix);
        foreach (var key in await RetentionSweep.KeysAsync(store, digests, cancellationToken))
        {
            if (DateOnly.TryParseExact(key.AsSpan(digests.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day < last && await store.DeleteAsync(key, cancellationToken: cancellationToken))
            {
                count++;
            }
        }

        count += await RetentionSweep.DeleteExpiredAsync(store, context.Prefix(DigestStore.AnswersPrefix),
            d => JsonSerializer.Deserialize<DigestAnswer>(d.Content.Span, DigestStore.Json) is { } a && a.AnsweredAt < cutoff, cancellationToken);
        count += await RetentionSweep.DeleteExpiredAsync(store, context.Prefix(DigestStore.LastPrefix),
            d => JsonSerializer.Deserialize<DigestLastState>(d.Content.Span, DigestStore.Json) is { } s && s.At < cutoff, cancellationToken);
        return count;
    }
}

/// <summary>"Verwijder mijn gegevens": the answers to the parent's questions, the kept digests that name the parent, and
/// the copies of those digests the outbox keeps once sent (the mail itself has left: the teacher's mailbox is the school's).</summary>
internal sealed class DigestEraser(IStateStore store) : IParentDataEraser
{
    public async Task<int> EraseAsync(SchoolContext school, string parentPhone, CancellationToken cancellationToken)
    {
        var count = await RetentionSweep.DeleteExpiredAsync(store, school.Key(DigestStore.AnswersPrefix),
            d => JsonSerializer.Deserialize<DigestAnswer>(d.Content.Span, DigestStore.Json)?.ParentPhone == parentPhone, cancellationToken);
        foreach (var key in await RetentionSweep.KeysAsync(store, school.Key(DigestStore.DigestsPrefix), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document
                && JsonSerializer.Deserialize<DigestSnapshot>(document.Content.Span, DigestStore.Json) is { } snapshot && snapshot.ParentPhones.Contains(parentPhone))
            {
                count += await store.DeleteAsync(key, cancellationToken: cancellationToken) ? 1 : 0;
                count += await store.DeleteAsync(school.Key(OuderBot.Outbox.Outbox.DonePrefix + snapshot.OutboxId), cancellationToken: cancellationToken) ? 1 : 0;
            }
        }

        return count;
    }
}
