using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Booking;
using OuderBot.Storage;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Booking;

/// <summary>The office's overview of booked talks and its CSV, the parent's .ics and the teacher's calendar feed, read back with Ical.Net.</summary>
public sealed class BookingOfficeTests : IAsyncLifetime
{
    private const string BoardKey = "board-key";
    private BotApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new BotApp(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = BoardKey });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheOfficeSeesEveryBookedTalkAsJsonAndCsvWithLocalTimes()
    {
        await BookAsync(TimParent, "Ik wil een gesprek met de juf van Tim", "2");
        await BookAsync(BibiParent, "10 minutengesprek plannen op donderdag", "1");

        using var office = Office();
        var rows = (await office.GetFromJsonAsync<List<BookingRow>>("/api/admin/bookings?from=2026-12-01&to=2026-12-03&school=de-driehoek"))!;
        Assert.Equal(2, rows.Count);
        var tim = rows[0];
        Assert.Equal(("10-minutengesprekken", "Juf Fatima", "lokaal 4", "2026-12-01T15:15:00", "2026-12-01T15:25:00"), (tim.RoundName, tim.Teacher, tim.Room, tim.Start, tim.End));
        Assert.Equal(("Tim", "4", "Lotte Bakker", TimParent), (tim.Child, tim.Group, tim.Parent, tim.ParentPhone));
        Assert.Equal(BotApp.TuesdayMorning, tim.BookedAt);
        Assert.Equal(("Bibi", "2026-12-03T19:00:00"), (rows[1].Child, rows[1].Start));

        Assert.Single((await office.GetFromJsonAsync<List<BookingRow>>("/api/admin/bookings?from=2026-12-03&to=2026-12-03&school=de-driehoek"))!);

        var csv = await office.GetAsync("/api/admin/bookings?from=2026-12-01&to=2026-12-03&format=csv&school=de-driehoek");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // "round" is the round's id in both the JSON and the CSV, its name beside it.
        Assert.Equal(("10-minutengesprekken-2026-12", "10-minutengesprekken"), (tim.Round, tim.RoundName));
        Assert.Equal("round,roundName,teacher,room,start,end,child,group,parent,parentPhone,bookedAt", lines[0]);
        // A phone number starts with +: the CSV writer quotes it with a leading apostrophe, so a spreadsheet shows it as text.
        Assert.StartsWith("10-minutengesprekken-2026-12,10-minutengesprekken,Juf Fatima,lokaal 4,2026-12-01T15:15:00,2026-12-01T15:25:00,Tim,4,Lotte Bakker,\"'+31622222222\",", lines[1], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/admin/bookings?from=2026-12-03&to=2026-12-01&school=de-driehoek")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/admin/bookings?from=1-12-2026&school=de-driehoek")).StatusCode);
        using var stranger = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/admin/bookings?school=de-driehoek")).StatusCode);
    }

    [Fact]
    public async Task TheParentsCalendarLinkGivesTheirTalkAndFollowsAMove()
    {
        var receipt = await BookAsync(TimParent, "10 minutengesprek plannen", "1");
        var link = new Uri(receipt[(receipt.IndexOf("http://", StringComparison.Ordinal))..]);
        using var client = _app.CreateClient();

        var calendar = Calendar.Load(await client.GetStringAsync(link.PathAndQuery))!;
        var talk = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc), talk.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 14, 10, 0, DateTimeKind.Utc), talk.DtEnd!.AsUtc);
        Assert.Equal("10-minutengesprek Tim bij Juf Fatima", talk.Summary);
        Assert.Equal("OBS De Driehoek, lokaal 4", talk.Location);

        await _app.SendAsync(TimParent, "verzet mijn afspraak");
        await _app.SendAsync(TimParent, "do 3 dec om 19:30");
        Assert.Contains("Verzet", (await _app.SendAsync(TimParent, "ja"))[0], StringComparison.Ordinal);
        var moved = Assert.Single(Calendar.Load(await client.GetStringAsync(link.PathAndQuery))!.Events);
        Assert.Equal(new DateTime(2026, 12, 3, 18, 30, 0, DateTimeKind.Utc), moved.DtStart!.AsUtc);

        // Unguessable: another token, or the token at another school, is nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/talks/de-driehoek/AAAAAAAAAAAAAAAAAAAAAA.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.PathAndQuery.Replace("de-driehoek", "de-regenboog", StringComparison.Ordinal))).StatusCode);

        await _app.SendAsync(TimParent, "het gesprek van Tim gaat niet door");
        await _app.SendAsync(TimParent, "ja");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task ATeachersFeedHoldsTheirTalksBehindASecretTheOfficeCanRenew()
    {
        await BookAsync(TimParent, "10 minutengesprek plannen over zijn lezen", "1");
        await BookAsync(BibiParent, "10 minutengesprek plannen", "1");

        using var office = Office();
        var feeds = (await office.GetFromJsonAsync<List<TeacherFeed>>("/api/admin/calendars?school=de-driehoek"))!;
        Assert.Equal(8, feeds.Count);
        var fatima = feeds.Single(f => f.Teacher == "Juf Fatima");
        Assert.StartsWith("http://localhost:5080/api/calendars/juf-fatima.ics?token=", fatima.Url, StringComparison.Ordinal);
        Assert.Equal(fatima.Url, (await office.GetFromJsonAsync<List<TeacherFeed>>("/api/admin/calendars?school=de-driehoek"))!.Single(f => f.TeacherId == "juf-fatima").Url);

        using var client = _app.CreateClient();
        var feed = Calendar.Load(await client.GetStringAsync(new Uri(fatima.Url).PathAndQuery))!;
        var talk = Assert.Single(feed.Events);                                                   // Tim's, not Bibi's (Juf Anouk's)
        Assert.Equal("10-minutengesprek Tim (Lotte Bakker)", talk.Summary);
        // The feed is synced to Google, Apple or Outlook: no parent's phone number in it.
        Assert.Equal("Tim, groep 4. Ouder: Lotte Bakker. Onderwerp: zijn lezen", talk.Description);
        Assert.DoesNotContain("+316", await client.GetStringAsync(new Uri(fatima.Url).PathAndQuery), StringComparison.Ordinal);
        Assert.Equal("lokaal 4", talk.Location);
        Assert.Equal(new DateTime(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc), talk.DtStart!.AsUtc);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/calendars/juf-fatima.ics?token=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/calendars/juf-anouk.ics" + new Uri(fatima.Url).Query)).StatusCode);

        var renewed = (await (await office.PostAsync("/api/admin/calendars/juf-fatima/renew?school=de-driehoek", null)).Content.ReadFromJsonAsync<TeacherFeed>())!;
        Assert.NotEqual(fatima.Url, renewed.Url);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(fatima.Url).PathAndQuery)).StatusCode);
        Assert.Single(Calendar.Load(await client.GetStringAsync(new Uri(renewed.Url).PathAndQuery))!.Events);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsync("/api/admin/calendars/juf-niemand/renew?school=de-driehoek", null)).StatusCode);
    }

    [Fact]
    public async Task ASlotLeftBehindByAnAttemptThatStoppedHalfwayIsNoTalkAndIsFreedAgain()
    {
        // An instance died between the slot's create and the child's claim, an hour ago.
        await _app.WaitUntilHealthyAsync();
        var store = _app.Services.GetRequiredService<IStateStore>();
        var left = new TalkBooking { Id = "b1", ChildId = "tim-g4", Child = "Tim", Group = "4", Parent = TimParent, ParentName = "Lotte Bakker", Ics = "x", BookedAt = BotApp.TuesdayMorning.AddHours(-1) };
        await store.CreateAsync("schools/de-driehoek/bookings/10-minutengesprekken-2026-12/juf-fatima/slots/2026-12-01T15:00", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(left, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));

        using var office = Office();
        Assert.Empty((await office.GetFromJsonAsync<List<BookingRow>>("/api/admin/bookings?from=2026-12-01&to=2026-12-03&school=de-driehoek"))!);
        Assert.Contains("1. di 1 dec 15:00", (await _app.SendAsync(TimParent, "10 minutengesprek plannen"))[0], StringComparison.Ordinal);
    }

    private async Task<string> BookAsync(string parent, string request, string pick)
    {
        await _app.SendAsync(parent, request);
        await _app.SendAsync(parent, pick);
        var receipt = Assert.Single(await _app.SendAsync(parent, "ja"));
        Assert.StartsWith("Staat genoteerd", receipt, StringComparison.Ordinal);
        return receipt;
    }

    private HttpClient Office()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", BoardKey);
        return client;
    }
}
