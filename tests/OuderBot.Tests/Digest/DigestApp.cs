using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Absence;
using OuderBot.Booking;
using OuderBot.Inbox;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Digest;

/// <summary>
/// De Driehoek as shipped, with a digest at 07:30 and 15:30 and one more family in Juf Fatima's group 4 (Mirjam
/// Jansen's Ravi, Yara and Finn), so one teacher has several pupils to tell about. Helpers seed a school day through
/// the capabilities' own stores, as the chat would leave it.
/// </summary>
public static class DigestSchool
{
    public const string Teacher = "juf-fatima";
    public const string TeacherEmail = "fatima@dedriehoek.example";
    public const string Mirjam = "+31612121212";
    public const string ApiKey = "office-secret";
    public const string SigningKey = "digest-test-signing-key-0123456789abcdef";

    /// <summary>Monday 30 November 2026 at the school (winter time).</summary>
    public static DateTimeOffset Monday(int hour, int minute = 0) => new(2026, 11, 30, hour, minute, 0, TimeSpan.FromHours(1));

    public static string Write(SchoolFolder folder, bool sendWhenEmpty = false, string times = "\"07:30\", \"15:30\"")
    {
        var yaml = SchoolFolder.DemoFile("de-driehoek")
            .Replace("families:\n", """
                families:
                  - parents:
                      - { name: Mirjam Jansen, phone: "06 12121212", language: nl }
                    children:
                      - { firstName: Ravi, group: "4" }
                      - { firstName: Yara, group: "4" }
                      - { firstName: Finn, group: "4" }

                """.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal)
            + $"\ndigest: {{ times: [{times}], sendWhenEmpty: {(sendWhenEmpty ? "true" : "false")} }}\n";
        return folder.Write("de-driehoek.yaml", yaml);
    }

    public static Dictionary<string, string?> Settings(string schoolFile, int smtpPort, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["School:Path"] = schoolFile,
            ["Admin:ApiKey"] = ApiKey,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp:From"] = "OuderBot De Driehoek <ouderbot@dedriehoek.example>",
            ["Smtp:Security"] = "None",
            ["Smtp:Timeout"] = "00:00:05",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Digest:PollInterval"] = "00:00:00.100",
            ["Digest:SigningKey"] = SigningKey,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>GET /api/admin/digests as the office.</summary>
    public static async Task<HttpResponseMessage> GetDigestsAsync(this BotApp app, string query)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return await client.GetAsync("/api/admin/digests?" + query);
    }

    /// <summary>The office's view of one teacher's digest of a day.</summary>
    public static async Task<JsonElement> DigestOfAsync(this BotApp app, string date, string teacher = Teacher)
    {
        var response = await app.GetDigestsAsync($"date={date}&teacher={teacher}");
        Assert.True(response.IsSuccessStatusCode, $"GET /api/admin/digests answered {(int)response.StatusCode}");
        var all = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Assert.Single(all.EnumerateArray().ToList());
    }

    public static async Task WaitForStatusAsync(this BotApp app, string date, string time, string status, string teacher = Teacher) =>
        await Wait.UntilAsync(async () =>
        {
            var digest = await app.DigestOfAsync(date, teacher);
            return digest.GetProperty("deliveries").EnumerateArray().Any(d => d.GetProperty("time").GetString() == time && d.GetProperty("status").GetString() == status);
        }, $"the {time} digest of {teacher} {status}");

    public static async Task SaveAbsenceAsync(this BotApp app, string child, string kind, DateOnly start, DateOnly? end, TimeOnly? from = null, TimeOnly? until = null, bool late = false, string by = Mirjam)
    {
        var school = app.School();
        var c = school.Data.Children.Single(x => x.FirstName == child);
        var parent = school.Data.Parents.First(p => p.Children.Contains(c));
        await app.Services.GetRequiredService<AbsenceStore>().SaveAsync(school, new AbsenceReport
        {
            Id = Guid.NewGuid().ToString("N"),
            ChildId = c.Id,
            ChildName = c.FirstName,
            Group = c.GroupId,
            Start = start,
            End = end,
            Kind = kind,
            From = from,
            Until = until,
            ReportedBy = parent.Phone,
            ReportedByName = parent.Name,
            ReportedAt = school.Clock.UtcNow,
            Channel = "sms",
            ReportedLate = late,
        }, CancellationToken.None);
    }

    private static TalkRound Round(BotApp app) => app.School().Data.TalkRounds.Single();

    /// <summary>Books a talk with Juf Fatima as the booking dialog does (the slot, the child's claim, the .ics link).</summary>
    public static async Task BookAsync(this BotApp app, string child, string slot)
    {
        var school = app.School();
        var c = school.Data.Children.Single(x => x.FirstName == child);
        var parent = school.Data.Parents.First(p => p.Children.Contains(c));
        var (outcome, _, _) = await app.Services.GetRequiredService<BookingStore>().BookAsync(school, Round(app), Teacher, slot, new TalkBooking
        {
            Id = Guid.NewGuid().ToString("N"),
            ChildId = c.Id,
            Child = c.FirstName,
            Group = c.GroupId,
            Parent = parent.Phone,
            ParentName = parent.Name,
            BookedAt = school.Clock.UtcNow,
            Ics = BookingStore.NewToken(),
        }, CancellationToken.None);
        Assert.Equal(BookOutcome.Booked, outcome);
    }

    public static async Task MoveAsync(this BotApp app, string child, string to)
    {
        var school = app.School();
        var c = school.Data.Children.Single(x => x.FirstName == child);
        Assert.Equal(BookOutcome.Booked, await app.Services.GetRequiredService<BookingStore>().MoveAsync(school, Round(app), Teacher, c.Id, to, CancellationToken.None));
    }

    public static async Task CancelAsync(this BotApp app, string child)
    {
        var school = app.School();
        var c = school.Data.Children.Single(x => x.FirstName == child);
        Assert.NotNull(await app.Services.GetRequiredService<BookingStore>().CancelAsync(school, Round(app), Teacher, c.Id, CancellationToken.None));
    }

    /// <summary>A question the bot passed on to the teacher, as the pass-on keeps it.</summary>
    public static async Task AskAsync(this BotApp app, string parentPhone, string child, string text, string kind = "handoff")
    {
        var school = app.School();
        var parent = school.Data.FindParent(parentPhone)!;
        var c = parent.Children.Single(x => x.FirstName == child);
        await app.Services.GetRequiredService<SchoolInbox>().AddAsync(school, new InboxItem
        {
            Kind = kind,
            ParentPhone = parent.Phone,
            ParentName = parent.Name,
            ChildIds = [c.Id],
            Groups = [c.GroupId],
            Text = text,
            ReceivedAt = school.Clock.UtcNow,
            Channel = "sms",
        }, Guid.NewGuid().ToString("N"), school.Clock.Today, CancellationToken.None);
    }

    /// <summary>Only the digests (the absence notices also go to teachers by mail).</summary>
    public static async Task<List<OuderBot.Testing.CaughtMail>> DigestMailsAsync(this OuderBot.Testing.MailDevProcess maildev) =>
        [.. (await maildev.MailsAsync()).Where(m => m.Subject.StartsWith("Dagoverzicht", StringComparison.Ordinal))];

    public static async Task<List<OuderBot.Testing.CaughtMail>> WaitForDigestMailsAsync(this OuderBot.Testing.MailDevProcess maildev, int count)
    {
        var mails = new List<OuderBot.Testing.CaughtMail>();
        await Wait.UntilAsync(async () => (mails = await maildev.DigestMailsAsync()).Count >= count, $"{count} digest mail(s)");
        return mails;
    }
}
