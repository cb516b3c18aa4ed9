using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OuderBot.Feedback;
using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;
using static OuderBot.Tests.Infrastructure.DemoParents;

namespace OuderBot.Tests.Feedback;

// An urgent or safety complaint reaches the director at once by e-mail, through the outbox and a real SMTP sink
// (maildev), with the bot's state on Azurite; the office reads all feedback over HTTP and looks up an anonymous
// sender only explicitly, which is logged and kept. The clock stands at Tuesday 24 November 2026, 07:45.
[Collection(AzuriteCollection.Name)]
public sealed class FeedbackDirectorMailTests(AzuriteFixture azurite)
{
    private readonly string _container = AzuriteFixture.NewContainer();
    private readonly LogLines _logs = new();

    [Fact]
    public async Task AnUrgentComplaintIsMailedToTheDirectorAtOnceWithoutTheNameOfAnAnonymousSender()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        await using var app = App(maildev.SmtpPort);
        await app.WaitUntilHealthyAsync();

        await app.RunAsync(TimParent, """
            > Dringend: ik heb een klacht, Tim wordt elke pauze geschopt door dezelfde jongens en niemand grijpt in
            < Nog 2 vragen. 1) Wilt u anoniem blijven voor de leerkrachten? Alleen de administratie ziet dan uw naam. 2) Wilt u dat de school contact met u opneemt? Antwoord bijvoorbeeld: ja nee
            > ja ja
            < Uw klacht is genoteerd. De directeur krijgt hem nu meteen per mail. Zo gaat het verder: eerst de directeur (Meester Ruud Verhoeven), dan de Landelijke Klachtencommissie Onderwijs. Uw naam blijft bij de administratie. De school neemt contact met u op.
            """);

        var mail = Assert.Single(await maildev.WaitForMailsAsync(1));
        Assert.Equal("directie@dedriehoek.example", Assert.Single(mail.To).Address);
        Assert.Equal("Klacht van een ouder: dringend", mail.Subject);
        Assert.Contains("Tim wordt elke pauze geschopt door dezelfde jongens", mail.Text, StringComparison.Ordinal);
        Assert.Contains("De ouder wil anoniem blijven tegenover de leerkracht.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("De ouder wil graag contact met de school.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lotte", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("622222222", mail.Text, StringComparison.Ordinal);

        // A compliment is not mailed; the office sees both over HTTP, the anonymous one without its sender.
        await app.RunAsync(EnglishParentOfTwo, """
            > Compliment for Meester Kees: the school trip was wonderful
            <~ Two more questions.
            > no no
            <~ Thank you!
            """);
        var items = await app.FeedbackAsync();
        Assert.Equal(["complaint", "compliment"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.True(items[0].GetProperty("urgent").GetBoolean());
        Assert.Equal(JsonValueKind.String, items[0].GetProperty("directorMailedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("sender").ValueKind);
        Assert.Equal("Emily Carter", items[1].GetProperty("sender").GetProperty("name").GetString());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await maildev.MailsAsync());
    }

    [Fact]
    public async Task ASafetyComplaintInEnglishIsMailedToo()
    {
        await using var maildev = await MailDevProcess.StartAsync();
        await using var app = App(maildev.SmtpPort);
        await app.WaitUntilHealthyAsync();

        await app.RunAsync(EnglishParentOfTwo, """
            > I want to complain about safety: cars drive far too fast past the school gate at pick-up time
            <~ Two more questions.
            > no no
            < Your complaint has been noted. The director gets it by e-mail right away. What happens next: first the director (Meester Ruud Verhoeven), then de Landelijke Klachtencommissie Onderwijs.
            """);

        var mail = Assert.Single(await maildev.WaitForMailsAsync(1));
        Assert.Equal("Klacht van een ouder: veiligheid", mail.Subject);
        Assert.Contains("Van: Emily Carter, +31633333333 (Emma, Oliver).", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheOfficeLooksUpAnAnonymousSenderAndEachLookIsLoggedAndKeptWithoutTheContent()
    {
        await using var app = App(smtpPort: null);
        await app.WaitUntilHealthyAsync();
        await app.RunAsync(TimParent, """
            > Ik heb een klacht over juf Fatima, de gymles valt steeds uit
            <~ Nog 2 vragen.
            > ja nee
            <~ Uw klacht is genoteerd.
            """);
        var id = Assert.Single(await app.FeedbackAsync()).GetProperty("id").GetString()!;

        using (var anonymous = app.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/admin/feedback/{id}/sender")).StatusCode);
        }

        var response = await app.GetAsOfficeAsync($"/api/admin/feedback/{id}/sender", FeedbackApp.SchoolKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sender = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Lotte Bakker", sender.GetProperty("name").GetString());
        Assert.Equal(TimParent, sender.GetProperty("phone").GetString());
        Assert.Equal(["Tim"], sender.GetProperty("children").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsOfficeAsync("/api/admin/feedback/2026-11-24.0000000000000000000-000000000000000000000000/sender")).StatusCode);

        var audit = Assert.Single(await app.Services.GetRequiredService<FeedbackStore>().AuditsAsync(app.School(), new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), CancellationToken.None));
        Assert.Equal(id, audit.ItemId);
        Assert.Equal("school key (de-driehoek)", audit.Who);
        Assert.Equal(BotApp.TuesdayMorning, audit.At);
        var line = Assert.Single(_logs.All, l => l.Text.Contains("sender looked up", StringComparison.Ordinal));
        Assert.Contains(id, line.Text, StringComparison.Ordinal);
        Assert.Contains("school key (de-driehoek)", line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("gymles", line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lotte", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfficeEndpointRefusesBrokenDates()
    {
        await using var app = App(smtpPort: null);
        foreach (var query in new[] { "from=24-11-2026", "from=2026-11-24&to=2026-11-23", "from=2025-01-01&to=2026-11-24" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await app.GetAsOfficeAsync("/api/admin/feedback?" + query)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsOfficeAsync("/api/admin/feedback?from=2026-11-01&to=2026-11-30")).StatusCode);
    }

    private BotApp App(int? smtpPort)
    {
        var settings = new Dictionary<string, string?>(BotApp.AzuriteSettings(azurite.ConnectionString, _container))
        {
            ["Outbox:PollInterval"] = "00:00:00.100",
        };
        if (smtpPort is { } port)
        {
            settings["Smtp:Host"] = "127.0.0.1";
            settings["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
            settings["Smtp:From"] = "OuderBot De Driehoek <ouderbot@dedriehoek.example>";
            settings["Smtp:Security"] = "None";
            settings["Smtp:Timeout"] = "00:00:05";
        }

        return FeedbackApp.Create(_logs, settings);
    }
}
