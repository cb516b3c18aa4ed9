using System.Text.Json;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Storage;

namespace OuderBot.Announcements;

/// <summary>
/// Reaches every recipient of a new announcement, in the background so the office's POST answers at once. Each
/// announcement is claimed in the store (claims/announcements/{school}/{id}), so one instance sends it; every
/// recipient's message has a stable id (the outbox and the parent's conversation recognise it), so a takeover after a
/// crash or a second run sends nothing twice. The pending markers are the work list.
/// </summary>
public sealed class AnnouncementSender(
    AnnouncementStore announcements,
    ProactiveConversations proactive,
    StoreClaims claims,
    Schools schools,
    StoreReadiness readiness,
    TimeProvider time,
    Operations.Draining draining,
    ILogger<AnnouncementSender> logger) : Operations.PollingWorker(readiness, draining, logger, "Announcements")
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(5);

    // At the first sign of shutdown the announcement being sent is given back (its claim released) for another instance.
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SendPendingAsync(cancellationToken);

    /// <summary>Sends every pending announcement of every school that no other instance is sending.</summary>
    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        foreach (var school in schools.All)
        {
            foreach (var id in await announcements.PendingAsync(school, cancellationToken))
            {
                if (await claims.TryClaimAsync($"announcements/{school.Id}/{id}", Lease, cancellationToken) is not { } claim)
                {
                    continue;
                }

                try
                {
                    var sent = await SendAsync(school, id, cancellationToken);
                    await announcements.DoneAsync(school, id, cancellationToken);
                    await claims.CompleteAsync(claim, $"{sent} recipients", cancellationToken);
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
        if (await announcements.FindAsync(school, id, cancellationToken) is not { } announcement)
        {
            return 0;
        }

        var count = 0;
        foreach (var phone in announcement.Recipients)
        {
            if (school.Data.FindParent(phone) is not { } parent)
            {
                continue; // no longer in the school's data
            }

            var messageId = announcement.MessageId(phone);
            if (announcement.ExpectsAnswer)
            {
                var question = new AnnouncementQuestion(announcement.Id, new Dictionary<string, string>(announcement.Texts(" (ja/nee)", " (yes/no)")));
                await proactive.StartAsync(school, parent, new ProactiveStart(
                    messageId, AnnouncementQuestionDialog.DialogId, JsonSerializer.SerializeToElement(question, AnnouncementStore.Json), "announcement"), cancellationToken);
            }
            else
            {
                await proactive.NotifyAsync(school, parent, messageId, AnnouncementReplyHandler.NoticeKind, Say.PerLanguage(announcement.Texts()), "announcement", cancellationToken);
            }

            count++;
        }

        logger.LogInformation("Announcement {Id} at {School} sent to {Count} parents ({Elapsed})", id, school.Id, count, time.GetUtcNow() - announcement.CreatedAt);
        return count;
    }
}
