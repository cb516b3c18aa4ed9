using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OuderBot.Booking;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Surveys;

/// <summary>A survey the office sent: to whom, until every one of them is reached (then the list goes).</summary>
public sealed class SurveySend
{
    public required string Id { get; init; }
    public required string Survey { get; init; }
    public required string Audience { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<string> Recipients { get; set; } = [];
    public int Count { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>
/// Starts the surveys, in the background, as questions the bot asks (<see cref="ProactiveConversations"/>: quiet
/// hours, opt-outs, waiting behind a dialog the parent is in). The office's sends: each claimed in the store
/// (claims/survey-sends/...), so one instance sends it. The talk survey: once a school day after Surveys:TalkSurveyAt,
/// for the talks since the school day before (claims/survey-talks/{school}/{day}). Each parent's question has a
/// stable id (the survey and the respondent), so a takeover or a second send asks nobody twice, and a parent who
/// answered all questions is not asked again.
/// </summary>
public sealed class SurveyWorker(
    SurveyCatalog catalog,
    SurveyStore surveys,
    IStateStore store,
    BookingStore bookings,
    InvitationStore invitations,
    ProactiveConversations proactive,
    StoreClaims claims,
    Schools schools,
    StoreReadiness readiness,
    Operations.Draining draining,
    IOptionsMonitor<SurveyOptions> options,
    ILogger<SurveyWorker> logger) : Operations.PollingWorker(readiness, draining, logger, "Surveys")
{
    public const string SendsPrefix = "survey-sends/";
    public const string PendingPrefix = "survey-sends-pending/";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateOnly> _talksDone = new();

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(5);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        await AskAfterTalksAsync(cancellationToken);
    }

    /// <summary>Keeps a send for the worker; how many parents it will ask.</summary>
    public async Task<SurveySend> CreateSendAsync(SchoolContext school, Survey survey, string audience, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var now = school.Clock.UtcNow;
        var send = new SurveySend { Id = SurveyStore.NewSendId(now), Survey = survey.Id, Audience = audience, CreatedAt = now, Recipients = [.. recipients], Count = recipients.Count };
        await store.CreateAsync(school.Key(SendsPrefix + send.Id), JsonSerializer.SerializeToUtf8Bytes(send, SurveyStore.Json), cancellationToken);
        await store.MarkAsync(school.Key(PendingPrefix + send.Id), cancellationToken);
        Wake();
        return send;
    }

    /// <summary>Starts every pending send of every school that no other instance is working on.</summary>
    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        foreach (var school in schools.All)
        {
            var pending = new List<string>();
            await foreach (var key in store.ListKeysAsync(school.Key(PendingPrefix), cancellationToken))
            {
                pending.Add(key);
            }

            foreach (var marker in pending)
            {
                var id = marker[school.Key(PendingPrefix).Length..];
                if (await claims.TryClaimAsync($"survey-sends/{school.Id}/{id}", Lease, cancellationToken) is not { } claim)
                {
                    continue;
                }

                try
                {
                    var asked = await SendAsync(school, id, cancellationToken);
                    await store.DeleteAsync(marker, cancellationToken: cancellationToken);
                    await claims.CompleteAsync(claim, $"{asked} asked", cancellationToken);
                }
                catch
                {
                    await claims.ReleaseAsync(claim, CancellationToken.None);
                    throw;
                }
            }
        }
    }

    private async Task<int> SendAsync(SchoolContext school, string id, CancellationToken cancellationToken)
    {
        var key = school.Key(SendsPrefix + id);
        if (await store.ReadAsync(key, cancellationToken) is not { } document
            || JsonSerializer.Deserialize<SurveySend>(document.Content.Span, SurveyStore.Json) is not { } send
            || catalog.Find(send.Survey) is not { } survey)
        {
            return 0;
        }

        var asked = 0;
        foreach (var phone in send.Recipients)
        {
            if (school.Data.FindParent(phone) is not { } parent)
            {
                continue; // no longer in the school's data
            }

            var respondent = SurveyStore.Respondent(school, parent.Phone);
            if (await surveys.FindAsync(school, survey.Id, respondent, cancellationToken) is { CompletedAt: not null })
            {
                continue; // answered before: counted once, asked once
            }

            var ask = new SurveyAsk(survey.Id, respondent, [.. parent.Children.Select(c => c.GroupId).Distinct()], parent.Children.Count > 1);
            await proactive.StartAsync(school, parent, new ProactiveStart($"survey-{survey.Id}-{respondent}", SurveyDialog.DialogId, ask.ToJson(), "survey"), cancellationToken);
            asked++;
        }

        // Done: the list of numbers is not needed any more (AVG), the count stays for the office.
        send.Recipients = [];
        send.DoneAt = school.Clock.UtcNow;
        await store.ReplaceAsync(key, JsonSerializer.SerializeToUtf8Bytes(send, SurveyStore.Json), document.ETag, cancellationToken);
        logger.LogInformation("Survey {Survey} send {Id} at {School}: {Asked} parents asked", survey.Id, id, school.Id, asked);
        return asked;
    }

    /// <summary>
    /// On a school day from Surveys:TalkSurveyAt: asks the parent who booked each talk held since the school day before
    /// (a talk on Friday evening is asked about on Monday), once per day and school across instances.
    /// </summary>
    public async Task AskAfterTalksAsync(CancellationToken cancellationToken)
    {
        if (catalog.Talk is not { } survey)
        {
            return;
        }

        foreach (var school in schools.All)
        {
            var now = school.Clock.LocalNow;
            var today = DateOnly.FromDateTime(now);
            if (!school.Calendar.IsSchoolDay(today) || TimeOnly.FromDateTime(now) < options.CurrentValue.TalkSurveyAt
                || (_talksDone.TryGetValue(school.Id, out var done) && done == today))
            {
                continue;
            }

            if (await claims.TryClaimAsync(string.Create(CultureInfo.InvariantCulture, $"survey-talks/{school.Id}/{today:yyyy-MM-dd}"), Lease, cancellationToken) is not { } claim)
            {
                _talksDone[school.Id] = today; // done today, here or by another instance (or being done there)
                continue;
            }

            try
            {
                // From the school day before today (Friday for a Monday), at most a week back.
                var asked = await AskAboutTalksAsync(school, survey, school.Calendar.SchoolDayBefore(today, today.AddDays(-7)), today, cancellationToken);
                await claims.CompleteAsync(claim, $"{asked} asked", cancellationToken);
                _talksDone[school.Id] = today;
            }
            catch
            {
                await claims.ReleaseAsync(claim, CancellationToken.None);
                throw;
            }
        }
    }

    private async Task<int> AskAboutTalksAsync(SchoolContext school, Survey survey, DateOnly from, DateOnly today, CancellationToken cancellationToken)
    {
        var talks = new List<(string Key, string Parent, string ChildId, string TeacherId, string Teacher, DateTime At, string? Channel)>();
        foreach (var talk in await bookings.AllAsync(school, _ => true, cancellationToken))
        {
            talks.Add(($"{talk.Round.Id}|{talk.Teacher.Id}|{talk.Booking.Id}", talk.Booking.Parent, talk.Booking.ChildId, talk.Teacher.Id, talk.Teacher.Name, talk.Slot.Start, talk.Booking.Channel));
        }

        foreach (var invitation in await invitations.BookedAsync(school, cancellationToken))
        {
            if (invitation is { Booked: { } at, BookedBy: { } parent, CancelledAt: null }
                && school.Data.Teachers.FirstOrDefault(t => TeacherIds.Of(t) == invitation.TeacherId) is { } teacher)
            {
                talks.Add(($"invitation|{invitation.Id}", parent, invitation.ChildId, invitation.TeacherId, teacher.Name, at, invitation.Channel));
            }
        }

        var asked = 0;
        foreach (var talk in talks.Where(t => DateOnly.FromDateTime(t.At) >= from && DateOnly.FromDateTime(t.At) < today).OrderBy(t => t.At))
        {
            if (school.Data.FindParent(talk.Parent) is not { } parent || school.Data.Children.FirstOrDefault(c => c.Id == talk.ChildId) is not { } child)
            {
                continue;
            }

            var respondent = SurveyStore.Respondent(school, parent.Phone, talk.Key);
            var ask = new SurveyAsk(survey.Id, respondent, [child.GroupId], false, talk.TeacherId, talk.Teacher, child.Id, talk.At);
            await proactive.StartAsync(school, parent, new ProactiveStart($"survey-{survey.Id}-{respondent}", SurveyDialog.DialogId, ask.ToJson(), "talk survey", Channel: talk.Channel), cancellationToken);
            asked++;
        }

        logger.LogInformation("Talk survey at {School}: {Asked} parents asked about talks from {From}", school.Id, asked, from);
        return asked;
    }
}
