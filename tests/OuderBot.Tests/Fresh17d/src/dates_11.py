SRC = """
@ 2026-12-16T07:08 E en
Hi, Emma won't be at school today, she's been sick in the night.
= today

@ 2026-12-16T08:13 S nl
Bibi is vrijdag niet op school, ze moet mee naar de crematie van haar overgrootmoeder.
= fri

@ 2026-12-18T07:22 F nl
Goedemorgen juf. Noor is ziek, zij heeft keel pijn. Vandaag blijft thuis.
= today

@ 2026-12-18T07:45 K nl
Sami is vandaag wat later, hij heeft om 9 uur een afspraak bij de tandarts.
= today @09:00

@ 2026-11-25T07:50 S nl
Bibi heeft gister avond haar hoofd gestoten en is erg misselijk, we blijven vandaag thuis voor de zekerheid
= today

@ 2026-11-25T08:08 L nl
Tim is donderdag en vrijdag afwezig, we gaan naar de uitvaart van zijn opa in Limburg.
= thu..fri

@ 2026-11-26T07:02 K nl
Sami heeft de waterpokken, de huisarts zegt vandaag en morgen thuisblijven.
= today..tomorrow

@ 2026-12-16T07:22 F nl
Sem vandag en morgen niet op school. Hij is heel ziek, griep.
= today..tomorrow

@ 2026-12-17T07:55 E en
Morning, Oliver has a really bad headache today so I'm keeping him off.
= today

@ 2026-12-17T07:30 L nl
Tim heeft morgen om 10:00 een afspraak bij de podotherapeut, daarna breng ik hem naar school.
= tomorrow @10:00

@ 2026-12-01T07:25 E en
Hello, Oliver has a doctor's appointment at 11am tomorrow, he'll be back in class straight after.
= tomorrow @11:00

@ 2026-12-09T07:52 L nl
Hoi, Tim is vandaag thuis met oorpijn, we gaan zo naar de huisarts.
= today

@ 2026-11-30T08:15 K nl
Sami moet woensdagochtend naar de longarts, hij komt na de afspraak naar school.
= wed morning

@ 2026-12-03T07:50 F nl
Hallo juf, Sem morgen niet op school, wij gaan naar familie in België, oma wordt 80 jaar.
= tomorrow

@ 2026-12-14T08:02 S nl
Bibi heeft morgen de hele ochtend een onderzoek in het ziekenhuis, na de lunch is ze er weer.
= tomorrow morning

@ 2026-12-08T07:42 E en
Hi, Emma has a temperature again, she won't be in today.
= today
"""
