using System.Globalization;
using System.Text;

namespace OuderBot.Tests.Booking;

/// <summary>
/// A school for the race: one teacher with 40 talks of 5 minutes (Tuesday 1 December 2026, 15:00 to 18:20) and
/// as many families as asked, each with one child each in her group, all wanting the first free time.
/// </summary>
public static class RaceSchool
{
    public const int Slots = 40;

    public static string Phone(int i) => "+3161" + i.ToString("D7", CultureInfo.InvariantCulture);

    public static string Yaml(int parents)
    {
        var sb = new StringBuilder("""
            id: race
            name: OBS De Race
            address: Racebaan 1, 3512 AB Utrecht
            phone: 030 765 4321
            email: info@derace.example
            director: { name: Meester Snel, email: directie@derace.example }
            times:
              tuesday: { start: "08:30", end: "14:30" }
            groups:
              - { id: "1", name: Groep 1 }
            teachers:
              - { name: Juf Race, email: race@derace.example, groups: ["1"] }
            talkRounds:
              - id: race
                name: 10-minutengesprekken
                talkMinutes: 5
                everyMinutes: 5
                opens: "2026-11-16T09:00"
                closes: "2026-11-27T17:00"
                days: [{ date: 2026-12-01, from: "15:00", to: "18:20" }]
                teachers: [{ name: Juf Race, room: lokaal 1 }]
            families:

            """);
        for (var i = 0; i < parents; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - parents: [{{ name: Ouder {i}, phone: \"{Phone(i)}\" }}]\n    children: [{{ firstName: Kind{i:D3}, group: \"1\" }}]\n");
        }

        return sb.ToString();
    }
}
