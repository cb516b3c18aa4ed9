SRC = """
@ 2026-11-23T07:05 E en
Good morning. Unfortunately Emma woke up with a fever and a rash, so I'm keeping her at home today and will take her to the doctor. I'll keep you posted.
= today

@ 2026-11-24T07:24 K nl
hallo juf sami is vandaag ziek hij heeft heel veel hoofdpijn en hij heeft een beetje koorts dus hij blijft thuis groetjes karim
= today

@ 2026-11-25T07:45 L nl
Tim komt vandaag om kwart voor 10, hij heeft eerst een gehoortest bij het CJG
= today @09:45

@ 2026-11-26T07:50 E en
Hi, Oliver has a dentist appointment tomorrow morning at 9:30, he'll come in straight after.
= tomorrow @09:30 morning

@ 2026-11-27T07:35 K nl
Goedemorgen, Sami komt vandaag niet, hij is gisteravond van de trap gevallen en we moeten naar de eerste hulp voor een foto.
= today

@ 2026-11-29T20:40 F nl
Goedeavond juf, Noor is ziek. morgen niet naar school. Dank u.
= tomorrow

@ 2026-11-30T07:33 E en
Hi, Emma has a sore ear, I'm taking her to the GP this morning. She'll be in school by 11.
= today @11:00 morning

@ 2026-12-01T07:58 S nl
Bibi moet donderdagochtend naar de orthopeed, ze komt dan rond 10 uur op school.
= thu @10:00 morning

@ 2026-12-02T07:25 E en
Hi there! Oliver is singing in a choir competition in Rotterdam on Friday, so he won't be in that day.
= fri

@ 2026-12-02T07:50 F nl
juf, sem is morgen en vrijdag niet op school. wij moeten naar amsterdam voor visum turkse consulaat
= tomorrow..fri

@ 2026-12-03T07:14 K nl
Sami heeft vannacht overgegeven, vandaag blijft hij thuis. Groet, Karim
= today

@ 2026-12-04T07:30 S nl
Bibi moet vandaag om 10:45 bij de oogarts zijn, ik kom haar ophalen en breng haar daarna terug.
= today @10:45

@ 2026-12-04T19:55 K nl
Goedenavond, Sami moet maandagmiddag naar het ziekenhuis voor een uitslag, hij gaat na de lunch niet terug naar school.
= mon afternoon

@ 2026-12-07T07:15 E en
Morning, Emma is still coughing a lot, she'll stay at home today. Oliver is fine and will be in as usual.
= today

@ 2026-12-07T08:14 L nl
Goeiemorgen, Tim is vandaag niet op school, buikgriep. Gr Lotte
= today

@ 2026-12-08T07:06 K nl
Sami heeft woensdag om half 11 een afspraak bij de kinderpsycholoog, hij komt daarna niet meer terug.
= wed @10:30

@ 2026-12-09T07:20 L nl
Tim heeft een ontstoken teen en kan bijna niet lopen, hij blijft vandaag thuis.
= today

@ 2026-12-10T07:55 F nl
Noor vandaag om 11 uur ophalen, zij moet naar de dokter voor prik.
= today @11:00

@ 2026-12-14T07:22 S nl
Bibi heeft waterpokken 😩 ze blijft van vandaag t/m woensdag thuis, zegt de huisarts
= today..wed

@ 2026-12-15T07:45 E en
Hi, Oliver was up all night being sick, so no school for him today.
= today
"""
