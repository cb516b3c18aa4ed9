using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using OuderBot.Booking;
using OuderBot.Channels.Local;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Booking;

/// <summary>A teacher invites a child's parents for an extra talk at a few times (POST /api/admin/invitations); one parent takes a time.</summary>
public sealed class InvitationTests : IAsyncLifetime
{
    private const string BoardKey = "board-key";
    private BotApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new BotApp(settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = BoardKey, ["Outbox:PollInterval"] = "00:00:00.100" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task BothParentsAreInvitedAndTheFirstToChooseATimeBooksIt()
    {
        await _app.SendAsync(TimParent, "hoi");
        await _app.SendAsync(TimOtherParent, "hoi");
        using var office = Office();
        var response = await office.PostAsJsonAsync("/api/admin/invitations?school=de-driehoek", new { child = "tim-g4", teacher = "juf-fatima", note = "over het lezen", slots = new[] { "2026-12-02T13:30", "2026-12-02T13:00" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        const string Invitation = "Juf Fatima nodigt u uit voor een extra gesprek over Tim (over het lezen). Welke tijd past u?\n1. wo 2 dec 13:00\n2. wo 2 dec 13:30\n3. Geen van deze tijden";
        Assert.Equal(Invitation, await ReceivedAsync(TimParent));
        Assert.Equal(Invitation, await ReceivedAsync(TimOtherParent));
        await _app.RunAsync(TimParent, """
            > 2
            <~ Staat genoteerd: extra gesprek over Tim op woensdag 2 december om 13:30 uur bij Juf Fatima. Voor uw agenda: http://localhost:5080/api/talks/de-driehoek/
            """);
        await _app.RunAsync(TimOtherParent, """
            > 1
            < Het gesprek over Tim is al gepland, op woensdag 2 december om 13:30 uur.
            """);

        var rows = (await office.GetFromJsonAsync<List<BookingRow>>("/api/admin/bookings?from=2026-12-02&to=2026-12-02&school=de-driehoek"))!;
        var row = Assert.Single(rows);
        Assert.Equal(("invitation", "Juf Fatima", "2026-12-02T13:30:00", "2026-12-02T13:45:00", "Tim", "Lotte Bakker"), (row.Round, row.Teacher, row.Start, row.End, row.Child, row.Parent));

        var feeds = (await office.GetFromJsonAsync<List<TeacherFeed>>("/api/admin/calendars?school=de-driehoek"))!;
        using var client = _app.CreateClient();
        var talk = Assert.Single(Calendar.Load(await client.GetStringAsync(new Uri(feeds.Single(f => f.TeacherId == "juf-fatima").Url).PathAndQuery))!.Events);
        Assert.Equal("Extra gesprek Tim (Lotte Bakker)", talk.Summary);
        Assert.Contains("Onderwerp: over het lezen", talk.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingTheInvitationTalkOfTheChildNamedWorksBesideARoundTalkOfItsBrother()
    {
        // Emily books Oliver's 10-minutengesprek, then Meester Kees invites her for an extra talk about Emma.
        await _app.SendAsync(EnglishParentOfTwo, "book a parent-teacher meeting for Oliver");
        await _app.SendAsync(EnglishParentOfTwo, "1");
        Assert.StartsWith("Booked", Assert.Single(await _app.SendAsync(EnglishParentOfTwo, "yes")), StringComparison.Ordinal);
        using var office = Office();
        var response = await office.PostAsJsonAsync("/api/admin/invitations?school=de-driehoek", new { child = "emma-g3", teacher = "meester-kees", slots = new[] { "2026-12-02T13:00", "2026-12-02T13:30" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("Meester Kees", await ReceivedAsync(EnglishParentOfTwo), StringComparison.Ordinal);
        Assert.StartsWith("Booked: extra talk about Emma", Assert.Single(await _app.SendAsync(EnglishParentOfTwo, "1")), StringComparison.Ordinal);

        Assert.StartsWith("To which time would you like to move the extra talk about Emma?", Assert.Single(await _app.SendAsync(EnglishParentOfTwo, "please move Emma's appointment")), StringComparison.Ordinal);
        Assert.StartsWith("Moved: extra talk about Emma now on Wednesday 2 December at 13:30", Assert.Single(await _app.SendAsync(EnglishParentOfTwo, "1")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"child": "niemand", "teacher": "juf-fatima", "slots": ["2026-12-02T13:00"]}""", "no child 'niemand'")]
    [InlineData("""{"child": "tim-g4", "teacher": "juf-niemand", "slots": ["2026-12-02T13:00"]}""", "no teacher 'juf-niemand'")]
    [InlineData("""{"child": "tim-g4", "teacher": "Juf Fatima", "slots": ["2026-11-20T13:00"]}""", "is not a time to come")]
    [InlineData("""{"child": "tim-g4", "teacher": "Juf Fatima", "slots": []}""", "one to 4 different times")]
    public async Task ABrokenInvitationGets400WithTheReason(string body, string reason)
    {
        using var office = Office();
        var response = await office.PostAsync("/api/admin/invitations?school=de-driehoek", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> ReceivedAsync(string phone)
    {
        string? text = null;
        await Wait.UntilAsync(async () =>
        {
            using var client = _app.CreateClient();
            text = (await client.GetFromJsonAsync<LocalReceivedResponse>($"/api/local/messages?from={Uri.EscapeDataString(phone)}"))!.Messages.LastOrDefault()?.Text;
            return text is not null;
        }, "the invitation reached " + phone);
        return text!;
    }

    private HttpClient Office()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", BoardKey);
        return client;
    }
}
