using System.Globalization;
using System.Text;

namespace OuderBot.Testing;

/// <summary>
/// The school of the booking race (the race test and the load harness): one teacher with talks of 5 minutes every 5
/// minutes from 15:00 on Tuesday 1 December 2026, and as many families as asked, each with one child in her group.
/// </summary>
public static class RaceSchool
{
    public const int Slots = 40;

    public static string Phone(int i) => "+3161" + i.ToString("D7", CultureInfo.InvariantCulture);

    /// <param name="parents">How many families.</param>
    /// <param name="slots">How many talks the teacher holds.</param>
    /// <param name="opens">When booking opens (local time at the school); it closes on Friday 27 November 17:00.</param>
    public static string Yaml(int parents, int slots = Slots, string opens = "2026-11-16T09:00")
    {
        var end = new TimeOnly(15, 0).AddMinutes(5 * slots);
        var sb = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $$"""
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
                opens: "{{opens}}"
                closes: "2026-11-27T17:00"
                days: [{ date: 2026-12-01, from: "15:00", to: "{{end:HH:mm}}" }]
                teachers: [{ name: Juf Race, room: lokaal 1 }]
            families:

            """));
        for (var i = 0; i < parents; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - parents: [{{ name: Ouder {i}, phone: \"{Phone(i)}\" }}]\n    children: [{{ firstName: Kind{i:D4}, group: \"1\" }}]\n");
        }

        return sb.ToString();
    }
}
