SRC = """
@ 2026-11-23T07:58 E en
Hello, both kids have a check-up at the GP on Wednesday at 8:45, so Emma and Oliver will be a bit late that morning.
= wed @08:45 morning

@ 2026-11-23T07:30 K nl
Sami heeft woensdag en vrijdag om 11 uur fysiotherapie, hij is dan een uurtje weg.
= wed @11:00; fri @11:00

@ 2026-11-24T07:18 S nl
Bibi is volgende week maandag en dinsdag bij haar vader in Groningen, ze is die dagen niet op school.
= nw-mon..nw-tue

@ 2026-11-24T07:59 L nl
Goedemorgen, tim moet vandaag om 13:45 weg, hij heeft een afspraak bij de huidarts.
= today @13:45

@ 2026-11-25T07:27 F nl
Noor en Sem allebei ziek vandaag, overgeven. Sorry juf.
= today

@ 2026-11-25T08:00 E en
Emma is off sick today, she has a migraine.
= today

@ 2026-11-26T07:20 K nl
Sami heeft op 8 december om 10:00 een afspraak in het AMC, hij is die dag de hele ochtend weg.
= dec8 @10:00 morning

@ 2026-11-26T08:06 S nl
Bibi is op 1 en 2 december niet op school, we gaan naar de begrafenis van mijn opa in Friesland.
= dec1..dec2

@ 2026-11-27T07:12 L nl
Tim heeft maandag om 8:30 een afspraak bij de tandarts en dinsdag om 9 uur bij de orthodontist 🙄 Hij komt beide dagen later.
= mon @08:30; tue @09:00

@ 2026-11-27T07:46 F nl
Sem was gisteren ziek thuis, ik vergeten te sturen bericht.
= yesterday

@ 2026-11-30T07:22 K nl
Sami heeft donderdag de hele dag een onderzoek in het ziekenhuis in Utrecht, dus hij is er niet.
= thu

@ 2026-11-30T07:55 S nl
Bibi moet vanmiddag om 13:30 naar de fysioterapeut, oma haalt haar op.
= today @13:30 afternoon

@ 2026-12-01T07:40 E en
Hi, Oliver is away Thursday and Friday this week, we're travelling to a family wedding in Ireland.
= thu..fri

@ 2026-12-01T07:16 F nl
Juf goedemorgen. Noor morgen naar tandarts om 9 uur, daarna komt zij naar school.
= tomorrow @09:00

@ 2026-12-02T07:34 L nl
Tim heeft vannacht een astma-aanval gehad, hij blijft vandaag thuis. En vrijdag moet hij om 11:00 terug naar de longarts.
= today; fri @11:00

@ 2026-12-03T07:26 K nl
Sami is vandaag ziek. Volgende week woensdag heeft hij ook nog een afspraak bij de kaakchirurg om 9:00.
= today; nw-wed @09:00

@ 2026-12-03T08:09 S nl
Bibi gaat vandaag na de lunch niet terug naar school, ze moet naar de kinderarts.
= today afternoon

@ 2026-12-04T07:40 E en
Morning, Emma's got conjunctivitis, the GP said to keep her home today.
= today

@ 2026-12-07T07:48 K nl
Sami heeft dinsdag en donderdag logopedie, steeds van 9 tot 10 uur.
= tue @09:00-10:00; thu @09:00-10:00

@ 2026-12-08T07:38 F nl
Hallo, Sem vandaag om half 2 ophalen, die middag hij heeft ziekenhuis.
= today @13:30 afternoon
"""
