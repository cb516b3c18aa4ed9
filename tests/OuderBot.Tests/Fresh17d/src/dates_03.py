SRC = """
@ 2026-12-06T19:05 F nl
Goedenavond juf. Sem morgen ziek thuis. Hij heeft veel hoest.
= tomorrow

@ 2026-12-06T20:48 L nl
Hoi, Tim heeft morgen om 9:30 een afspraak bij de KNO-arts. Ik breng hem daarna naar school.
= tomorrow @09:30

@ 2026-12-06T21:15 E en
Hello, Oliver is not well, he threw up twice tonight. He won't be at school tomorrow.
= tomorrow

@ 2026-12-07T07:02 K nl
Goedemorgen, Sami heeft hoge koorts, de dokter zegt dat hij vandaag t/m woensdag thuis moet blijven.
= today..wed

@ 2026-12-07T07:37 S nl
Bibi heeft op donderdag 10 december een operatie aan haar amandelen, ze is die dag dus niet op school.
= dec10

@ 2026-12-07T08:09 E en
Hi, Emma will be picked up at 2pm today, she has a violin exam.
= today @14:00

@ 2026-12-08T07:12 F nl
Hallo, Noor heeft vanmiddag een afspraak in ziekenhuis. Ik haal haar op om 13.15.
= today @13:15 afternoon

@ 2026-12-08T07:44 L nl
Tim voelt zich beroert en blijft vandaag thuis. Als het morgen beter gaat komt hij weer.
= today

@ 2026-12-08T08:14 K nl
Sami gaat donderdag naar de uitvaart van zijn opa. Hij is er die dag niet.
= thu

@ 2026-12-09T07:07 S nl
Hoii, Bibi is misselijk vandaag dus ik houd haar thuis 🤢
= today

@ 2026-12-09T07:30 E en
Oliver and Emma will both be late this morning, our car broke down. We'll be there about 9.
= today @09:00 morning

@ 2026-12-09T07:59 F nl
juf noor maandag niet school, wij gaan naar turkije, familie is ziek
= mon

@ 2026-12-10T07:04 L nl
Tim is vandaag niet op school, hij heeft 38,9 en hoofdpijn.
= today

@ 2026-12-10T07:42 K nl
Sami komt vandaag om 10 uur, hij moet eerst nuchter bloed laten prikken.
= today @10:00

@ 2026-12-10T08:11 E en
Hi, Emma has a doctor's appointment this morning, she'll be in at 10:30.
= today @10:30 morning

@ 2026-12-07T07:55 L nl
Tim heeft op 16 december om 11:00 een controle bij de kinderarts. Hij is dan een paar uurtjes weg.
= dec16 @11:00

@ 2026-12-08T07:25 S nl
Hoi, Bibi gaat woensdag mee naar de bruiloft van haar tante en is er die dag niet.
= wed

@ 2026-12-09T08:06 K nl
Sami is 14-12 afwezig, hij moet geopereerd worden aan zijn knie.
= dec14

@ 2026-12-07T07:26 F nl
Goedemorgen, Sem was vrijdag ziek, sorry niet gemeld.
= past-fri

@ 2026-12-08T07:50 E en
Good morning, Oliver has an eye test on Thursday morning, so he'll miss the first part of the day.
= thu morning
"""
