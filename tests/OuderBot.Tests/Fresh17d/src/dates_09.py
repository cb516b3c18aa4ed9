SRC = """
@ 2026-11-23T07:36 F nl
Goedemorgen juf, Sem heeft vrijdag om 10 uur afspraak bij oogarts in ziekenhuis.
= fri @10:00

@ 2026-11-24T08:15 K nl
Sami is dinsdag 1 december de hele dag in het ziekenhuis voor een slaaponderzoek.
= dec1

@ 2026-11-25T07:25 E en
Hi, Oliver twisted his ankle at football last night, he's staying home today to rest it.
= today

@ 2026-11-27T07:50 L nl
Tim komt vandaag wat later, de auto wil niet startten. Ik denk rond 9 uur.
= today @09:00

@ 2026-11-29T20:05 E en
Good evening, Oliver's got a tummy ache and a temperature, so he won't be at school tomorrow. Emma will be in as normal.
= tomorrow

@ 2026-11-30T07:27 S nl
Hoi juf! Bibi heeft woensdag en vrijdag een afspraak in het ziekenhuis, ze is die ochtenden er niet.
= wed morning; fri morning

@ 2026-12-01T07:46 K nl
Sami gaat vandaag om 12:00 naar huis, hij heeft een afspraak bij de tandarts.
= today @12:00

@ 2026-12-02T07:12 E en
Emma's not feeling well this morning, she'll stay home today.
= today

@ 2026-12-03T08:01 F nl
Juf, Noor volgende week maandag t/m woensdag niet naar school. Wij gaan naar bruiloft in Duitsland.
= nw-mon..nw-wed

@ 2026-12-04T07:15 S nl
Bibi heeft vannacht 3x gespuugd 🤮 ze blijft vandaag lekker op de bank. Groetjes Sanne
= today

@ 2026-12-04T19:30 L nl
Hoi, Tim heeft maandag om half 10 een afspraak bij de kinderarts en komt daarna naar school.
= mon @09:30

@ 2026-12-07T07:05 E en
Oliver has a temperature of 39 so he'll be off today and tomorrow.
= today..tomorrow

@ 2026-12-08T07:30 K nl
Sami was gisteren afwezig omdat hij naar de begrafenis van zijn oom ging, sorry dat ik het niet heb doorgegeven.
= yesterday

@ 2026-12-09T07:45 S nl
Bibi krijgt op 17 december buisjes in haar oren, die dag is ze thuis.
= dec17

@ 2026-12-10T07:12 F nl
Goedemorgen. Sem heeft maandag 14-12 om 9 uur ziekenhuis.
= dec14 @09:00

@ 2026-12-13T20:30 E en
Hi, Emma has a dentist appointment tomorrow morning, she'll be in by 10.
= tomorrow @10:00 morning

@ 2026-12-14T07:38 K nl
Sami heeft woensdag om 8:45 zijn laatste controle bij de orthodontist, hij komt daarna.
= wed @08:45

@ 2026-12-15T07:05 L nl
Tim is ziek en blijft vandaag en morgen thuis. Hij heeft echt hoge korts.
= today..tomorrow

@ 2026-12-16T08:05 F nl
Juf, Noor morgen 11 uur ophalen. Zij moet naar tandarts.
= tomorrow @11:00

@ 2026-12-17T07:20 K nl
Sami is vandaag en morgen niet op school, hij heeft krentenbaard.
= today..tomorrow
"""
