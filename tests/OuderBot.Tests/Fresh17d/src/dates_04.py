SRC = """
@ 2026-12-13T19:40 K nl
Goedenavond, Sami heeft het hele weekend koorts gehad. Hij blijft morgen en dinsdag thuis.
= tomorrow..tue

@ 2026-12-13T20:22 S nl
Hoi juf, Bibi heeft morgenochtend om half 9 een afspraak bij de tandarts, ze komt daarna.
= tomorrow @08:30 morning

@ 2026-12-13T21:05 E en
Hi, Emma has a hospital check-up tomorrow at 1pm, so she'll leave after lunch and won't be back.
= tomorrow @13:00 afternoon

@ 2026-12-14T07:03 F nl
Goedemorgen juf. Noor deze hele week niet op school. Zij heeft krentenbaard, dokter zegt thuis blijven.
= week

@ 2026-12-14T07:31 L nl
Tim moet donderdag 17 december om 9 uur naar het ziekenhuis voor een MRI. Hij is er die ochtend niet.
= dec17 @09:00 morning

@ 2026-12-14T08:08 E en
Oliver won't be in today, he's got a stomach bug. Sorry for the late notice!
= today

@ 2026-12-15T07:09 K nl
Sami is nog steeds ziek, vandaag blijft hij ook thuiss.
= today

@ 2026-12-15T07:35 S nl
Goedemorgen! Bibi gaat vanmiddag na de lunch niet terug naar school, we moeten naar het ziekenhuis voor haar arm.
= today afternoon

@ 2026-12-15T07:57 F nl
Sem gisteren en vandaag ziek thuis, sorry gisteren niet gemeld.
= yesterday..today

@ 2026-12-16T07:12 L nl
Tim komt vandaag pas om 10 uur, hij heeft een afspraak bij de orthodontist.
= today @10:00

@ 2026-12-16T07:48 E en
Hi! Emma has a nasty cold, she's staying home today and tomorrow.
= today..tomorrow

@ 2026-12-16T08:03 K nl
Sami gaat vrijdag met ons mee naar Marokko, de vlucht is vroeg. Hij is vrijdag dus afwezig.
= fri

@ 2026-12-17T07:06 S nl
Bibi is gevallen met de fiets en heeft een hersenschudding, ze is vandaag en morgen thuis
= today..tomorrow

@ 2026-12-17T07:39 F nl
goedemorgen, noor komt later vandaag. om kwart over 9 zij is er.
= today @09:15

@ 2026-12-17T19:30 L nl
Hoi, Tim heeft vanavond keelpijn gekregen, ik houd hem morgen thuis.
= tomorrow

@ 2026-12-17T20:10 E en
Oliver has a temperature, he won't be coming in tomorrow.
= tomorrow

@ 2026-12-18T07:01 K nl
Goedemorgen, Sami blijft vandaag thuis, hij heeft de hele nacht gehoest.
= today

@ 2026-12-18T07:50 S nl
Bibi wordt vandaag om 12:00 opgehaald door oma, we vertrekken op vakantie.
= today @12:00

@ 2026-12-14T07:44 K nl
Sami heeft donderdag en vrijdag een toernooi met zijn voetbalteam in Spanje. Hij is dan afwezig.
= thu..fri

@ 2026-12-15T08:12 E en
Emma will be leaving early on Thursday, at 12:15, for a hearing test.
= thu @12:15
"""
