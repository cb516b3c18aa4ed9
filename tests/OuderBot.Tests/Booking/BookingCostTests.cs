using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Admin;
using OuderBot.Booking;
using OuderBot.Outbox;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Booking;

/// <summary>
/// What a booking writes, since every request counts when a round opens (the race): the .ics link is no document of
/// its own, and a fresh talk's reminder is queued without the outbox's look for an earlier one; what keeps a talk
/// exactly once (a turn that runs again) still holds.
/// </summary>
public sealed class BookingCostTests : IAsyncLifetime
{
    private BotApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new BotApp(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = "board-key", ["Outbox:PollInterval"] = "01:00:00" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheParentsCalendarLinkNeedsNoDocumentOfItsOwnAndOnlyItsOwnTokenOpensIt()
    {
        await _app.SendAsync(TimParent, "10 minutengesprek plannen");
        await _app.SendAsync(TimParent, "1");
        var receipt = Assert.Single(await _app.SendAsync(TimParent, "ja"));
        Assert.StartsWith("Staat genoteerd", receipt, StringComparison.Ordinal);
        var link = new Uri(receipt[receipt.IndexOf("http://", StringComparison.Ordinal)..]);
        var token = link.Segments[^1][..^".ics".Length];
        Assert.Equal(BookingLinks.MarkLength + BookingStore.TokenLength, token.Length);

        var store = _app.Services.GetRequiredService<IStateStore>();
        var school = _app.School();
        Assert.Empty(await store.ListKeysAsync(school.Key("bookings-ics/")).ToListAsync());

        using var client = _app.CreateClient();
        Assert.Equal("10-minutengesprek Tim bij Juf Fatima", Assert.Single(Calendar.Load(await client.GetStringAsync(link.PathAndQuery))!.Events).Summary);

        // The parent's mark with another token, or the token with another mark: nothing.
        var otherToken = token[..BookingLinks.MarkLength] + BookingStore.NewToken();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/talks/de-driehoek/{otherToken}.ics")).StatusCode);
        var otherMark = (token[0] == 'A' ? "B" : "A") + token[1..];
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/talks/de-driehoek/{otherMark}.ics")).StatusCode);
    }

    [Fact]
    public async Task ALinkFromBeforeTheMarksStillOpensItsTalk()
    {
        await _app.SendAsync(TimParent, "10 minutengesprek plannen");
        await _app.SendAsync(TimParent, "1");
        var receipt = Assert.Single(await _app.SendAsync(TimParent, "ja"));
        var token = new Uri(receipt[receipt.IndexOf("http://", StringComparison.Ordinal)..]).Segments[^1][BookingLinks.MarkLength..^".ics".Length];

        // A talk booked before had its link as a document: bookings-ics/{token}, the link the token alone.
        var store = _app.Services.GetRequiredService<IStateStore>();
        var school = _app.School();
        var round = school.Data.TalkRounds[0];
        var talk = Assert.Single(await _app.Services.GetRequiredService<BookingStore>().OfChildrenAsync(school, school.Data.Children.Where(c => c.Id == "tim-g4"), CancellationToken.None));
        await store.CreateAsync(BookingStore.IcsKey(school, token), JsonSerializer.SerializeToUtf8Bytes(new { round = round.Id, booking = talk.Booking.Id, parent = TimParent }, BookingStore.Json));

        using var client = _app.CreateClient();
        Assert.Equal("10-minutengesprek Tim bij Juf Fatima", Assert.Single(Calendar.Load(await client.GetStringAsync($"/api/talks/de-driehoek/{token}.ics"))!.Events).Summary);
    }

    [Fact]
    public async Task ANewTalksReminderIsQueuedWithoutLookingForAnEarlierOneAndATurnRunAgainQueuesNothingTwice()
    {
        await _app.WaitUntilHealthyAsync();
        var bookings = _app.Services.GetRequiredService<BookingStore>();
        var reminders = _app.Services.GetRequiredService<BookingReminders>();
        var outbox = _app.Services.GetRequiredService<OuderBot.Outbox.Outbox>();
        var store = _app.Services.GetRequiredService<IStateStore>();
        var school = _app.School();
        var round = school.Data.TalkRounds[0];
        var tim = school.Data.Children.First(c => c.Id == "tim-g4");
        var teacher = round.TeacherOf(tim)!;
        var slot = round.SlotsOf(teacher)[0];
        TalkBooking Booking() => new()
        {
            Id = "race-booking",
            ChildId = tim.Id,
            Child = tim.FirstName,
            Group = tim.GroupId,
            Parent = TimParent,
            ParentName = "Lotte Bakker",
            BookedAt = school.Clock.UtcNow,
            Ics = BookingStore.NewToken(),
            Channel = "local",
            Language = "nl",
        };

        var booking = Booking();
        var roundTrips = CountingStateStore.CountHere();
        var first = await bookings.BookAsync(school, round, teacher.Id, slot.Key, booking, CancellationToken.None);
        Assert.Equal((BookOutcome.Booked, true), (first.Outcome, first.WrittenNow));
        await reminders.ScheduleAsync(school, teacher, slot, booking, first.WrittenNow, CancellationToken.None);

        // The slot and the child's claim, the reminder and its due marker: no .ics document, no read of outbox/done.
        Assert.Equal(4, roundTrips());
        var id = BookingReminders.Id(booking, slot);
        Assert.Equal(OutboxStatus.Pending, (await outbox.FindAsync(school, id, CancellationToken.None))!.Status);

        // The same turn run again (its conversation write lost): the stored slot is its own, the reminder the same one, queued once.
        var again = Booking();
        var rerun = await bookings.BookAsync(school, round, teacher.Id, slot.Key, again, CancellationToken.None);
        Assert.Equal((BookOutcome.Booked, false), (rerun.Outcome, rerun.WrittenNow));
        Assert.Equal(id, BookingReminders.Id(again, slot));
        await reminders.ScheduleAsync(school, teacher, slot, again, rerun.WrittenNow, CancellationToken.None);
        Assert.Single(await store.ListKeysAsync(school.Key(OuderBot.Outbox.Outbox.PendingPrefix)).ToListAsync());
        Assert.Single(await store.ListKeysAsync(school.Key(OuderBot.Outbox.Outbox.DuePrefix)).ToListAsync());

        // Sent and finished, then that turn once more: the outbox's look finds it done and sends it never again.
        await outbox.WithdrawAsync(school, id, CancellationToken.None);
        await reminders.ScheduleAsync(school, teacher, slot, again, rerun.WrittenNow, CancellationToken.None);
        Assert.Equal(OutboxStatus.Withdrawn, (await outbox.FindAsync(school, id, CancellationToken.None))!.Status);
        Assert.Empty(await store.ListKeysAsync(school.Key(OuderBot.Outbox.Outbox.PendingPrefix)).ToListAsync());
    }

    [Fact]
    public async Task AParentWhoseTimeWasJustTakenIsToldAtOnceForFiveRequestsAndBooksTheNearestFreeTime()
    {
        // Mila's parent has 15:00 with Juf Fatima in front of them when Tim's parent books it.
        using var schools = new SchoolFolder();
        schools.Write("de-driehoek.yaml", SchoolFolder.DemoFile("de-driehoek")
            .Replace("families:\n", "families:\n  - parents: [{ name: Mila's Moeder, phone: \"06 12340001\" }]\n    children: [{ firstName: Mila, group: \"4\" }]\n", StringComparison.Ordinal));
        await using var app = new BotApp(settings: new Dictionary<string, string?>
        {
            ["School:Path"] = schools.Path,
            ["Admin:ApiKey"] = "board-key",
            ["Outbox:PollInterval"] = "01:00:00",
            ["Booking:WaitingPollInterval"] = "01:00:00",
        });
        await app.WaitUntilHealthyAsync();
        const string Mila = "+31612340001";
        await app.SendAsync(Mila, "10 minutengesprek plannen");
        Assert.Contains("15:00 uur", Assert.Single(await app.SendAsync(Mila, "1")), StringComparison.Ordinal);
        await app.SendAsync(TimParent, "10 minutengesprek plannen");
        await app.SendAsync(TimParent, "1");
        Assert.StartsWith("Staat genoteerd: Tim op dinsdag 1 december om 15:00 uur", Assert.Single(await app.SendAsync(TimParent, "ja")), StringComparison.Ordinal);

        using var office = app.CreateClient();
        office.DefaultRequestHeaders.Add("X-Api-Key", "board-key");
        var before = await office.GetFromJsonAsync<AdminStats>("/api/admin/stats");
        var replies = await app.SendAsync(Mila, "ja");
        var after = await office.GetFromJsonAsync<AdminStats>("/api/admin/stats");

        // Told at once, and offered the nearest free time.
        Assert.Equal("Helaas, die tijd heeft net een andere ouder gekozen.", replies[0]);
        Assert.Contains("15:15 uur", replies[^1], StringComparison.Ordinal);
        Assert.EndsWith("(ja/nee)", replies[^1], StringComparison.Ordinal);

        // The lost create, the read of the slot (it could hold this very booking, from an earlier run of the turn that
        // stopped after the create on any instance: StoreOutageTests), the teacher's listing, the read of the time
        // offered, the conversation: five.
        Assert.Equal(1, after!.Turns - before!.Turns);
        Assert.Equal(5, after.StorageRoundTrips - before.StorageRoundTrips);

        Assert.StartsWith("Staat genoteerd: Mila op dinsdag 1 december om 15:15 uur", Assert.Single(await app.SendAsync(Mila, "ja")), StringComparison.Ordinal);
        var rows = (await office.GetFromJsonAsync<List<BookingRow>>("/api/admin/bookings?from=2026-12-01&to=2026-12-01&school=de-driehoek"))!;
        Assert.Equal(["2026-12-01T15:00:00", "2026-12-01T15:15:00"], rows.Select(r => r.Start).Order(StringComparer.Ordinal));
    }
}
