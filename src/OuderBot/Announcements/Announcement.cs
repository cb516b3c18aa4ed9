using System.Globalization;
using System.Text.Json;
using OuderBot.Bot;
using OuderBot.School;
using OuderBot.Storage;

namespace OuderBot.Announcements;

/// <summary>
/// A message from the office to parents: a whole school, a group or one parent, in Dutch and (optionally) English,
/// plain or as a yes/no question. The recipients are fixed when it is made (the parents of the audience then).
/// </summary>
public sealed record Announcement
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string? TextEn { get; init; }
    public required string Audience { get; init; }
    public bool ExpectsAnswer { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Each parent once (E.164), also with several children in the audience.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>The outbox id of the message to one recipient (also the id of the conversation the bot starts): stable,
    /// and without the number (ids reach the logs).</summary>
    public string MessageId(string parentPhone) =>
        $"announcement-{Id}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Id + "|" + parentPhone)))[..12]}";

    /// <summary>The text in each language: English parents get <see cref="TextEn"/> when the office wrote one.</summary>
    public IReadOnlyDictionary<string, string> Texts(string? suffixNl = null, string? suffixEn = null) => new Dictionary<string, string>
    {
        [OuderBot.Dialogs.Texts.Dutch] = Text + suffixNl,
        [OuderBot.Dialogs.Texts.English] = (TextEn ?? Text) + (TextEn is null ? suffixNl : suffixEn),
    };
}

/// <summary>Who an announcement is for: "school", "group:4" or "parent:+31622222222".</summary>
public static class Audience
{
    /// <summary>The parents (E.164) of the audience at the school, each once; null with the reason when the audience is wrong.</summary>
    public static (IReadOnlyList<string>? Parents, string? Problem) Resolve(SchoolData school, string? audience)
    {
        var text = audience?.Trim() ?? "";
        if (text == "school")
        {
            return (school.Parents.Select(p => p.Phone).Distinct().ToList(), null);
        }

        if (text.StartsWith("group:", StringComparison.Ordinal))
        {
            var group = school.FindGroup(text["group:".Length..].Trim());
            return group is null
                ? (null, $"The school has no group '{text["group:".Length..]}' (groups: {string.Join(", ", school.Groups.Select(g => g.Id))}).")
                : (school.Parents.Where(p => p.Children.Any(c => string.Equals(c.GroupId, group.Id, StringComparison.OrdinalIgnoreCase))).Select(p => p.Phone).Distinct().ToList(), null);
        }

        if (text.StartsWith("parent:", StringComparison.Ordinal))
        {
            return school.FindParent(text["parent:".Length..].Trim()) is { } parent
                ? ([parent.Phone], null)
                : (null, "That number is not a parent at this school.");
        }

        return (null, "audience is \"school\", \"group:ID\" or \"parent:+316...\".");
    }
}

/// <summary>
/// Announcements per school: schools/{id}/announcements/{announcementId}; a marker under announcements-pending/ while
/// the sender still has recipients to reach (the sender's work list grows with the work, not with the history); one
/// answer document per parent under announcement-answers/{announcementId}/ (many parents answer at once: no conflicts).
/// </summary>
public sealed class AnnouncementStore(IStateStore store, DocumentCache documents, TimeProvider time)
{
    public const string Prefix = "announcements/";
    public const string PendingPrefix = "announcements-pending/";
    public const string AnswersPrefix = "announcement-answers/";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NewId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMddHHmmss}{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}");

    public async Task CreateAsync(SchoolContext school, Announcement announcement, CancellationToken cancellationToken)
    {
        await store.CreateAsync(school.Key(Prefix + announcement.Id), JsonSerializer.SerializeToUtf8Bytes(announcement, Json), cancellationToken);
        await store.CreateAsync(school.Key(PendingPrefix + announcement.Id), "{}"u8.ToArray(), cancellationToken);
    }

    /// <summary>The announcements made since then, newest first (their ids start with the moment they were made).</summary>
    public async Task<List<Announcement>> SinceAsync(SchoolContext school, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var prefix = school.Key(Prefix);
        var from = since.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var found = new List<Announcement>();
        await foreach (var key in store.ListKeysAsync(prefix, cancellationToken))
        {
            if (string.CompareOrdinal(key[prefix.Length..], from) >= 0 && await FindAsync(school, key[prefix.Length..], cancellationToken) is { } announcement)
            {
                found.Add(announcement);
            }
        }

        return [.. found.OrderByDescending(a => a.CreatedAt)];
    }

    public async Task<Announcement?> FindAsync(SchoolContext school, string id, CancellationToken cancellationToken) =>
        IsId(id) && await store.ReadAsync(school.Key(Prefix + id), cancellationToken) is { } document
            ? JsonSerializer.Deserialize<Announcement>(document.Content.Span, Json)
            : null;

    /// <summary>The announcements whose recipients are not all reached yet.</summary>
    public async Task<List<string>> PendingAsync(SchoolContext school, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var prefix = school.Key(PendingPrefix);
        await foreach (var key in store.ListKeysAsync(prefix, cancellationToken))
        {
            ids.Add(key[prefix.Length..]);
        }

        return ids;
    }

    public Task DoneAsync(SchoolContext school, string id, CancellationToken cancellationToken) =>
        store.DeleteAsync(school.Key(PendingPrefix + id), cancellationToken: cancellationToken);

    /// <summary>Keeps a parent's answer ("ja" or "nee"); a later answer replaces an earlier one.</summary>
    public async Task AnswerAsync(SchoolContext school, string id, string parentPhone, bool yes, CancellationToken cancellationToken)
    {
        if (await FindAsync(school, id, cancellationToken) is null)
        {
            return; // the announcement is gone (its time passed): an answer now would be kept with nothing to belong to
        }

        await documents.UpdateAsync(
            school.Key($"{AnswersPrefix}{id}/{parentPhone}"),
            _ => Change<bool>.Write(true, JsonSerializer.SerializeToUtf8Bytes(new AnnouncementAnswer(parentPhone, yes ? "ja" : "nee", time.GetUtcNow()), Json)),
            cancellationToken,
            cached: false);
    }

    public async Task<Dictionary<string, string>> AnswersAsync(SchoolContext school, string id, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var key in store.ListKeysAsync(school.Key($"{AnswersPrefix}{id}/"), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<AnnouncementAnswer>(document.Content.Span, Json) is { } answer)
            {
                answers[answer.Parent] = answer.Answer;
            }
        }

        return answers;
    }

    private static bool IsId(string id) => id.Length is > 0 and <= 40 && id.All(char.IsAsciiLetterOrDigit);
}

public sealed record AnnouncementAnswer(string Parent, string Answer, DateTimeOffset At);

/// <summary>
/// Announcements (with their recipients' numbers) and the answers go the school's delivery period after the
/// announcement was made, with the sender's claim; an announcement still being sent stays.
/// </summary>
internal sealed class AnnouncementRetention(IStateStore store) : Privacy.IRetentionPolicy
{
    public string Kind => "announcements";

    public async Task<int> PurgeAsync(Privacy.RetentionContext context, CancellationToken cancellationToken)
    {
        var cutoff = context.Cutoff(context.Periods.DeliveryDays);
        var count = 0;
        var prefix = context.Prefix(AnnouncementStore.Prefix);
        foreach (var key in await Privacy.RetentionSweep.KeysAsync(store, prefix, cancellationToken))
        {
            var id = key[prefix.Length..];
            if (await store.ReadAsync(context.Prefix(AnnouncementStore.PendingPrefix + id), cancellationToken) is not null
                || await store.ReadAsync(key, cancellationToken) is not { } document
                || JsonSerializer.Deserialize<Announcement>(document.Content.Span, AnnouncementStore.Json) is not { } announcement
                || announcement.CreatedAt >= cutoff)
            {
                continue;
            }

            foreach (var answer in await Privacy.RetentionSweep.KeysAsync(store, context.Prefix($"{AnnouncementStore.AnswersPrefix}{id}/"), cancellationToken))
            {
                await store.DeleteAsync(answer, cancellationToken: cancellationToken);
            }

            await store.DeleteAsync(key, document.ETag, cancellationToken);
            count++;
        }

        return count;
    }
}

/// <summary>"Verwijder mijn gegevens": the parent's answers to the school's questions.</summary>
internal sealed class AnnouncementAnswerEraser(IStateStore store) : Privacy.IParentDataEraser
{
    public async Task<int> EraseAsync(SchoolContext school, string parentPhone, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var key in await Privacy.RetentionSweep.KeysAsync(store, school.Key(AnnouncementStore.AnswersPrefix), cancellationToken))
        {
            if (key.EndsWith("/" + parentPhone, StringComparison.Ordinal) && await store.DeleteAsync(key, cancellationToken: cancellationToken))
            {
                count++;
            }
        }

        return count;
    }
}
