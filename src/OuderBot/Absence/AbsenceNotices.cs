using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Dialogs;
using OuderBot.Outbox;

namespace OuderBot.Absence;

/// <summary>Configuration section "Notices": how a teacher hears of an absence for today straight away.</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";

    /// <summary>"email" (default; needs Smtp:Host), "sms" or "whatsapp" (needs the teacher's phone and Twilio).</summary>
    public string Channel { get; set; } = "email";
}

/// <summary>
/// Tells the child's teacher straight away about a report for today that comes in on a school day before the end
/// of school, because the teacher needs it before the roll call. Other reports wait for the daily digest.
/// The notice goes through the durable outbox: if the mail server is down it is retried, never lost, never sent
/// twice (its id is the report's). It says what the school may know: child, group, kind, times, who reported.
/// </summary>
public sealed class AbsenceNotices(
    Outbox.Outbox outbox,
    Texts texts,
    IOptionsMonitor<NoticeOptions> options,
    IOptionsMonitor<SmtpOptions> smtp)
{
    /// <summary>A new report: the teacher hears now when it concerns today.</summary>
    public Task ReportedAsync(SchoolContext school, AbsenceReport report, CancellationToken cancellationToken) =>
        NotifyAsync(school, report, "new", "notice.absence", report.Covers(school.Clock.Today), report.ReportedByName, report.ReportedAt, cancellationToken);

    /// <summary>A report withdrawn: the teacher hears now when it concerned today (the child comes after all).</summary>
    public Task WithdrawnAsync(SchoolContext school, AbsenceReport report, string byParent, CancellationToken cancellationToken) =>
        NotifyAsync(school, report, "withdrawn", "notice.withdrawn", report.Covers(school.Clock.Today), byParent, school.Clock.UtcNow, cancellationToken);

    /// <summary>"Weer beter": the teacher hears now that the child comes back today.</summary>
    public Task RecoveredAsync(SchoolContext school, AbsenceReport report, string byParent, CancellationToken cancellationToken) =>
        NotifyAsync(school, report, "recovered", "notice.recovered", report.End < school.Clock.Today, byParent, school.Clock.UtcNow, cancellationToken);

    /// <summary>A school day, and school has not ended yet.</summary>
    private static bool InSchoolHours(SchoolContext school) =>
        school.Calendar.HoursOn(school.Clock.Today) is { } hours && TimeOnly.FromDateTime(school.Clock.LocalNow) < hours.End;

    private async Task NotifyAsync(SchoolContext school, AbsenceReport report, string what, string key, bool aboutToday, string byParent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var clock = school.Clock;
        if (!aboutToday || !InSchoolHours(school) || school.Data.FindGroup(report.Group) is not { } group)
        {
            return;
        }

        var channel = options.CurrentValue.Channel.Trim().ToLowerInvariant();
        var summary = AbsenceDescription.Of(report).Render(texts, Texts.Dutch);
        var args = new Dictionary<string, string>
        {
            ["summary"] = summary,
            ["child"] = report.ChildName,
            ["group"] = group.Name,
            ["parent"] = byParent,
            ["time"] = clock.ToLocal(at).ToString("H.mm", System.Globalization.CultureInfo.InvariantCulture),
            ["late"] = report.ReportedLate ? texts.Render(Texts.Dutch, "notice.late") : "",
        };
        foreach (var teacher in group.Teachers)
        {
            var (to, via) = channel is "sms" or "whatsapp" && teacher.Phone is { } phone ? (phone, channel) : (teacher.Email, "email");
            if (via == "email" && !smtp.CurrentValue.Enabled)
            {
                continue; // no mail server: the teacher sees it in the digest
            }

            await outbox.EnqueueAsync(
                school,
                new OutboxMessage
                {
                    Id = $"absence-{what}-{report.Id}-{Hash(teacher.Email)}",
                    Channel = via,
                    To = to,
                    Subject = texts.Render(Texts.Dutch, key + "_subject", args),
                    Body = texts.Render(Texts.Dutch, key, args).Trim(),
                    Purpose = "absence-notice",
                },
                cancellationToken);
        }
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];
}
