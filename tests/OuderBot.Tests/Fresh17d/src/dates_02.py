SRC = """
@ 2026-11-29T19:30 E en
Hi, Emma has been coughing all weekend, I'm keeping her home tomorrow.
= tomorrow

@ 2026-11-29T20:15 S nl
Bibi heeft morgen om 8:45 een bloedprikafspraak dus ze komt wat later
= tomorrow @08:45

@ 2026-11-29T21:40 K nl
Goedenavond, Sami gaat morgen en dinsdag met zijn oom mee naar de begrafenis van zijn oma in Antwerpen. Hij is woensdag weer op school.
= tomorrow..tue

@ 2026-11-30T07:08 L nl
Sorry, Tim was vrijdag ziek thuis, ik was vergeten het door te geven.
= past-fri

@ 2026-11-30T07:45 F nl
Hallo. Noor en Sem vandag niet op school. Auto kapot en ik ben ook ziek.
= today

@ 2026-11-30T08:13 E en
Oliver has an appointment with the physio on Wednesday at 9:15, he'll come to school straight after.
= wed @09:15

@ 2026-12-01T07:03 S nl
Goedemorgen juf Marloes, Bibi heeft vannacht veel gehoest en gaat vandaag niet naar school.
= today

@ 2026-12-01T07:29 K nl
Sami mag vanmiddag om 13:00 eerder weg, hij moet naar de kaakchirurg.
= today @13:00 afternoon

@ 2026-12-01T07:51 L nl
Tim is van woensdag t/m vrijdag afwezig ivm een familieweekend.. hij is dan in Duitsland bij mijn zus
= wed..fri

@ 2026-12-01T08:07 E en
Morning! Emma is feeling a bit better but still has a temperature, so she'll stay home again today.
= today

@ 2026-12-02T07:15 F nl
juf sem heeft oog dokter morgen om 10.30 uur. hij komt daarna.
= tomorrow @10:30

@ 2026-12-02T07:40 S nl
Bibi komt vanochtend wat later, we hebben om kwart over 9 een afspraak bij de huisarts.
= today @09:15 morning

@ 2026-12-02T08:02 K nl
Sami heeft griep, hij is vandaag en morgen niet op school.
= today..tomorrow

@ 2026-12-03T07:11 L nl
Hoi, Tim heeft last van zijn oor, ik houd hem vandaag thuis en ga langs de dokter.
= today

@ 2026-12-03T07:36 E en
Hi, Oliver won't be in on Friday, we have a family funeral in Manchester.
= fri

@ 2026-12-03T19:20 S nl
Bibi heeft morgenochtend een afspraak bij de logopedist, ze komt om 10 uur naar school.
= tomorrow @10:00 morning

@ 2026-12-03T20:05 K nl
Hallo juf, Sami is ziek geworde. Morgen blijft hij thuis.
= tomorrow

@ 2026-12-04T07:06 F nl
Goede morgen. Noor heeft oorpijn. Vandaag thuis.
= today

@ 2026-12-04T07:58 L nl
Tim moet vandaag om 11:30 opgehaald worden voor de tandarts, mijn moeder komt hem halen.
= today @11:30

@ 2026-12-04T18:45 E en
Hi, just letting you know Emma has a hospital appointment on Monday morning, she'll be in around 11.
= mon @11:00 morning
"""
