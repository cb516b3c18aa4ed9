using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Surveys;

/// <summary>One parent's answers to one survey (or, for the talk survey, about one talk).</summary>
public sealed class SurveyResponse
{
    public required string Survey { get; init; }

    /// <summary>The groups of the parent's children the survey is about: the report's averages per group.</summary>
    public List<string> Groups { get; init; } = [];

    /// <summary>A talk survey: whom the talk was with and when.</summary>
    public string? TeacherId { get; init; }
    public string? Teacher { get; init; }
    public DateTime? TalkAt { get; init; }

    /// <summary>A talk survey: the child the talk was about (the question names them; the report never does).</summary>
    public string? ChildId { get; init; }

    public DateTimeOffset AskedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>By question id; a skipped open question is there without a text, so it is not asked again.</summary>
    public Dictionary<string, StoredAnswer> Answers { get; init; } = [];

    public bool Answered => Answers.Values.Any(a => a.Score is not null || a.Text is not null);
}

public sealed record StoredAnswer(int? Score, string? Text, DateTimeOffset At);

/// <summary>
/// Survey answers per school under "surveys/{survey}/{respondent}", where the respondent is a hash of the school and the
/// parent's number (plus the talk, for the talk survey): one document per parent (per talk), so answers sent again count
/// once and a parent who stopped halfway goes on where they were, while the document itself names nobody. Each answer
/// is written as it is given (an ETag-checked update), so nothing given is lost when the parent stops.
/// </summary>
public sealed class SurveyStore(DocumentCache documents, IStateStore store)
{
    public const string Prefix = "surveys/";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The parent's part of a respondent key: the same for every survey, so erasure finds them all.</summary>
    public static string ParentHash(SchoolContext school, string phone) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"survey|{school.Id}|{phone}")), 0, 10);

    /// <summary>A school survey's respondent: the parent. A talk survey's: the parent and the talk.</summary>
    public static string Respondent(SchoolContext school, string phone, string? talk = null) =>
        ParentHash(school, phone) + (talk is null ? "" : "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(talk)), 0, 6));

    private static string Key(SchoolContext school, string survey, string respondent) => school.Key($"{Prefix}{survey}/{respondent}");

    public async Task<SurveyResponse?> FindAsync(SchoolContext school, string survey, string respondent, CancellationToken cancellationToken) =>
        await store.ReadAsync(Key(school, survey, respondent), cancellationToken) is { } document
            ? JsonSerializer.Deserialize<SurveyResponse>(document.Content.Span, Json)
            : null;

    /// <summary>The response, created (asked now) when there is none yet, else as it is; and whether it was created.</summary>
    public Task<(SurveyResponse Response, bool Created)> OpenAsync(SchoolContext school, string respondent, SurveyResponse fresh, CancellationToken cancellationToken) =>
        documents.UpdateAsync(Key(school, fresh.Survey, respondent), version =>
            version.Exists && JsonSerializer.Deserialize<SurveyResponse>(version.Content.Span, Json) is { } existing
                ? Change<(SurveyResponse, bool)>.None((existing, false))
                : Change<(SurveyResponse, bool)>.Write((fresh, true), JsonSerializer.SerializeToUtf8Bytes(fresh, Json)), cancellationToken);

    /// <summary>Keeps one answer (the newest one counts), and marks the response complete when it was the last.</summary>
    public Task<SurveyResponse?> AnswerAsync(SchoolContext school, Survey survey, string respondent, string questionId, StoredAnswer answer, CancellationToken cancellationToken) =>
        documents.UpdateAsync(Key(school, survey.Id, respondent), version =>
        {
            if (!version.Exists || JsonSerializer.Deserialize<SurveyResponse>(version.Content.Span, Json) is not { } response)
            {
                return Change<SurveyResponse?>.None(null);
            }

            response.Answers[questionId] = answer;
            response.UpdatedAt = answer.At;
            if (survey.Questions.All(q => response.Answers.ContainsKey(q.Id)))
            {
                response.CompletedAt ??= answer.At;
            }

            return Change<SurveyResponse?>.Write(response, JsonSerializer.SerializeToUtf8Bytes(response, Json));
        }, cancellationToken);

    /// <summary>Every response to the survey at the school.</summary>
    public async Task<List<SurveyResponse>> AllAsync(SchoolContext school, string survey, CancellationToken cancellationToken)
    {
        var responses = new List<SurveyResponse>();
        await foreach (var key in store.ListKeysAsync(school.Key($"{Prefix}{survey}/"), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<SurveyResponse>(document.Content.Span, Json) is { } response)
            {
                responses.Add(response);
            }
        }

        return responses;
    }

    /// <summary>The parent's responses to the survey (one, or one per talk), with their respondent keys.</summary>
    public async Task<List<(string Respondent, SurveyResponse Response)>> OfParentAsync(SchoolContext school, string survey, string phone, CancellationToken cancellationToken)
    {
        var prefix = school.Key($"{Prefix}{survey}/");
        var responses = new List<(string, SurveyResponse)>();
        await foreach (var key in store.ListKeysAsync(prefix + ParentHash(school, phone), cancellationToken))
        {
            if (await store.ReadAsync(key, cancellationToken) is { } document && JsonSerializer.Deserialize<SurveyResponse>(document.Content.Span, Json) is { } response)
            {
                responses.Add((key[prefix.Length..], response));
            }
        }

        return responses;
    }

    internal static string NewSendId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
}
