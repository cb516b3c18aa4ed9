SRC = """
@ 2026-11-23T08:11 L nl
Tim is op 3 december niet op school, dan gaan we naar de bruiloft van zijn neef.
= dec3

@ 2026-11-24T07:40 E en
Hi, Emma has an appointment at the children's hospital on Monday 30 November, she'll be away all day.
= nov30

@ 2026-11-27T19:35 S nl
Hoi! Bibi is volgende week van maandag t/m woensdag bij opa en oma in Spanje, ze is dus 3 dagen afwezig.
= nw-mon..nw-wed

@ 2026-11-30T07:18 E en
Hi, Oliver was off sick on Friday, sorry I forgot to let you know. He's feeling better now.
= past-fri

@ 2026-11-30T08:02 F nl
goedemorgen. Sem vanochtend tandarts. Hij komt om half 11.
= today @10:30 morning

@ 2026-12-01T07:10 K nl
Sami heeft een keelontsteking en antibiotica gekregen. Vandaag en morgen houd ik hem thuis.
= today..tomorrow

@ 2026-12-02T07:05 S nl
Bibi mag van de dokter vandaag nog niet naar school, haar oog is nog steeds ontstoken.
= today

@ 2026-12-03T07:45 L nl
Tim heeft 15 december om 10.00 een afspraak in het Wilhelmina Kinderziekenhuis, hij is die ochtend afwezig.
= dec15 @10:00 morning

@ 2026-12-04T08:05 E en
Emma will be late this morning because of an orthodontist appointment, she should be in by 9:30.
= today @09:30 morning

@ 2026-12-06T19:50 K nl
Sami is morgen niet op school, we moeten de hele dag naar de ambassade in Den Haag voor zijn paspoort.
= tomorrow

@ 2026-12-07T07:20 S nl
Bibi was vrijdag thuis met koorts, dat had ik nog niet doorgegeven.
= past-fri

@ 2026-12-07T07:50 F nl
Noor wordt woensdag geopereerd aan haar oor, zij is woensdag en donderdag thuis.
= wed..thu

@ 2026-12-08T08:00 E en
Hi, Oliver has a cough and a runny nose, I'll keep him home this morning and bring him in after lunch.
= today morning

@ 2026-12-09T07:36 K nl
Sami heeft vandaag om 11:15 een afspraak bij de tandarts, ik haal hem op school op.
= today @11:15

@ 2026-12-10T07:28 S nl
Bibi blijft vandaag thuis, ze heeft diaree 💩
= today

@ 2026-12-10T08:03 L nl
Tim heeft maandag 14 december om half 9 een afspraak bij de oogarts. Hij komt dan iets later.
= dec14 @08:30

@ 2026-12-13T19:25 F nl
Goedenavond. Sem morgen niet school, hij heeft oor pijn en koorts.
= tomorrow

@ 2026-12-14T07:56 E en
Good morning! Emma has her grandad's funeral on Wednesday, so she won't be in that day.
= wed

@ 2026-12-15T08:10 L nl
Tim moet morgen om 10 uur naar de fysio, hij is er daarna weer.
= tomorrow @10:00

@ 2026-12-16T07:30 S nl
Bibi wordt morgen om 13:00 opgehaald, ze moet naar de kaakchirurg.
= tomorrow @13:00
"""
