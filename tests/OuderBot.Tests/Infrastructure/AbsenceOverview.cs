using System.Net;
using System.Net.Http.Json;
using OuderBot.Absence;

namespace OuderBot.Tests.Infrastructure;

/// <summary>What the office's absence overview holds, one line per row ("2026-11-24 Noor sick", with " 08:30-10:00"
/// when the row has times): what transcript tests compare after the parent's last message.</summary>
public static class AbsenceOverview
{
    public static async Task<List<string>> AbsenceOverviewAsync(this BotApp app, string apiKey, string from, string to)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var response = await client.GetAsync($"/api/admin/absences?from={from}&to={to}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.Content.ReadFromJsonAsync<List<AbsenceRow>>())!;
        return [.. rows.Select(r => $"{r.Date} {r.Child} {r.Kind}" + (r.From is null && r.Until is null ? "" : $" {r.From}-{r.Until}"))];
    }
}
