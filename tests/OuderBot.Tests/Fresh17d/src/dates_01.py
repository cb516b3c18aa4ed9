SRC = """
@ 2026-11-23T07:14 L nl
Goedemorgen, Tim heeft vannacht overgegeven en blijft vandaag thuis. Groetjes Lotte
= today

@ 2026-11-23T07:40 F nl
goede morgen juf noor is ziek vandaag. zij heeft koorts. groet fatma
= today

@ 2026-11-23T07:52 E en
Hi, Oliver has a really bad sore throat, he'll stay home today and tomorrow. Thanks, Emily
= today..tomorrow

@ 2026-11-23T08:05 K nl
Sami heeft donderdag om 10:15 een afspraak bij de orthodontist. Hij komt daarna gewoon weer naar school.
= thu @10:15

@ 2026-11-23T07:21 S nl
Bibi blijft de hele week thuis, ze heeft waterpokken 😕
= week

@ 2026-11-24T07:05 L nl
Tim was gisteren ziek, vergeten door te geven sorry!
= yesterday

@ 2026-11-24T07:33 K nl
Goedemorgen. Sami komt vandaag wat later, we moeten eerst langs de huissarts. Hij is er rond kwart voor 10.
= today @09:45

@ 2026-11-24T08:10 E en
Emma has a dentist appointment at 1:30pm this afternoon so she'll leave school after lunch.
= today @13:30 afternoon

@ 2026-11-24T07:48 F nl
Sem morgen niet school. Hij moet naar ziekenhuis voor controle.
= tomorrow

@ 2026-11-25T07:02 S nl
Hoi! Bibi heeft een oorontsteking, ze blijft vandaag en morgen thuis.
= today..tomorrow

@ 2026-11-25T07:55 L nl
Tim moet vrijdag om 11 uur naar de tandarts, ik kom hem even uit de klas halen.
= fri @11:00

@ 2026-11-25T08:12 K nl
Sami voelt zich niet lekker, ik houd hem vandaag thuis. Morgen hopelijk weer beter.
= today

@ 2026-11-26T07:10 E en
Good morning, Emma and Oliver both have the flu. They'll be home today and tomorrow.
= today..tomorrow

@ 2026-11-26T07:38 F nl
Goedemorgen. Noor vandaag thuis, buik pijn. Sem gaat wel naar school.
= today

@ 2026-11-26T19:45 L nl
Hoi juf, Tim heeft vanavond koorts gekrege, hij komt morgen niet.
= tomorrow

@ 2026-11-26T20:30 K nl
Sami is morgen en maandag afwezig, we gaan naar de bruiloft van mijn broer in Marokko.
= tomorrow; mon

@ 2026-11-27T07:25 S nl
Bibi moet vanochtend naar het consultatiebureau, ze komt om half 11 naar school.
= today @10:30 morning

@ 2026-11-27T08:01 E en
Hi there, Oliver will be late today, he has a blood test at the hospital. He should be in by 10am.
= today @10:00

@ 2026-11-27T19:10 F nl
Juf, Sem maandag niet naar school. Wij moeten naar gemeente voor papieren.
= mon

@ 2026-11-27T21:02 L nl
Hallo, Tim heeft maandag van 10 tot 12 uur een onderzoek in het ziekenhuis. Daarna breng ik hem naar school.
= mon @10:00-12:00
"""
