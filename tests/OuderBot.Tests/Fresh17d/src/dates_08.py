SRC = """
@ 2026-11-23T07:45 E en
Hi, we're visiting Emma's grandparents in London from Tuesday to Thursday, so she won't be at school. She'll be back on Friday.
= tue..thu

@ 2026-11-24T07:52 S nl
Goedemorgen, Bibi heeft vanochtend om 9 uur een afspraak bij de kinderfysio, daarna breng ik haar.
= today @09:00 morning

@ 2026-11-25T07:15 K nl
Goedemorgen, Sami is vandaag thuis, hij heeft een ontstoken kies en veel pijn.
= today

@ 2026-11-26T07:55 L nl
Hoi, Tim heeft vanmiddag om 13:00 een afspraak bij de tandarts, hij gaat na de lunch niet terug.
= today @13:00 afternoon

@ 2026-11-26T19:20 E en
Hi, Oliver has been complaining about his ear all evening, I'm keeping him home tomorrow and taking him to the GP.
= tomorrow

@ 2026-11-27T07:09 F nl
goedemorgen juf. Noor en Sem vandaag later. Om 9 uur ze komen. Ik heb afspraak gemeente.
= today @09:00

@ 2026-11-30T07:40 K nl
Sami heeft dinsdag een kaakoperatie, hij is dinsdag en woensdag thuis.
= tue..wed

@ 2026-12-01T07:35 L nl
Tim is er vandaag niet, hij heeft gisteravond zijn pols gebroken bij het turnen 😢
= today

@ 2026-12-02T07:58 E en
Hi, Emma has a hearing test at 10:30 this morning, she'll come back to school afterwards.
= today @10:30 morning

@ 2026-12-03T07:05 F nl
Juf Sem is gisteren ziek geworden op school, vandaag hij blijft thuis.
= today

@ 2026-12-03T19:45 E en
Hello, Emma and Oliver won't be in tomorrow and Monday, we have to travel to England for a family emergency.
= tomorrow; mon

@ 2026-12-04T07:22 K nl
Sami komt vandaag om kwart over 10, hij moet eerst naar de huisarts voor zijn knie.
= today @10:15

@ 2026-11-30T07:12 L nl
Tim heeft de bof en moet van de dokter de hele week thuisblijven.
= week

@ 2026-12-08T07:18 S nl
Bibi heeft morgenochtend om 9:15 een afspraak bij de KNO-arts, daarna komt ze naar school.
= tomorrow @09:15 morning

@ 2026-12-09T08:10 E en
Hi, just a heads-up that Oliver has an MRI scan on Monday at 11:00, so he'll miss most of the morning.
= mon @11:00 morning

@ 2026-12-10T07:33 K nl
Goedemorgen, Sami had vannacht een bloedneus die niet stopte, we zitten bij de huisarts. Hij komt vandaag niet.
= today

@ 2026-12-14T07:10 L nl
Tim moet vanmiddag om 14:00 bij de dermatholoog zijn, mijn man haalt hem op.
= today @14:00 afternoon

@ 2026-12-15T07:25 F nl
Noor morgen niet op school, wij hebben begrafenis van oom.
= tomorrow

@ 2026-12-16T07:40 K nl
Sami was gisteren ziek en is vandaag nog steeds niet fit, hij blijft thuis.
= yesterday..today

@ 2026-12-17T08:00 E en
Good morning, Emma will be picked up at 11:30 today, she has a hospital appointment in Amsterdam.
= today @11:30
"""
