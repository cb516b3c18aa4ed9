SRC = """
@ 2026-12-18T07:35 E en
Hi, Oliver has a bad cold and will stay home today. Merry Christmas to you all!
= today

@ 2026-12-18T08:10 L nl
Goedemorgen, Tim is vanochtend bij de tandarts voor een gaatje, rond half 10 is hij op school.
= today @09:30 morning

@ 2026-11-23T07:09 K nl
goedemorgen juf sami heeft vandaag een afspraak bij de dokter om half 10 en daarna breng ik hem naar school
= today @09:30

@ 2026-11-24T07:15 E en
Hello, Emma will need to leave at 1:45pm today for a speech therapy session.
= today @13:45

@ 2026-11-25T07:35 F nl
Sem heeft diarree en moet vandaag thuis blijven. Noor gaat gewoon naar school.
= today

@ 2026-11-26T07:28 S nl
Bibi is morgen niet op school, we gaan naar de bruiloft van mijn zus 💍
= tomorrow

@ 2026-11-30T07:50 E en
Good morning, Oliver will be late today, he has an appointment at the orthodontist at 8:50.
= today @08:50

@ 2026-12-01T08:00 L nl
Tim is vrijdag afwezig, we hebben een begravenis in Zeeland.
= fri

@ 2026-12-02T07:30 K nl
Sami was maandag en dinsdag ziek, ik heb vergeten het te melden, sorry.
= past-mon..past-tue

@ 2026-12-03T07:18 E en
Hi, Emma is poorly with a temperature and sore throat, so she'll be at home today.
= today

@ 2026-12-04T07:48 F nl
juf noor vandaag middag niet school. wij gaan naar dokter.
= today afternoon

@ 2026-12-07T07:40 L nl
Tim heeft morgen om kwart voor 9 een afspraak bij de huisart, hij komt wat later.
= tomorrow @08:45

@ 2026-12-08T07:55 E en
Hi, Oliver will miss school on Thursday, he's having his tonsils out.
= thu

@ 2026-12-09T07:15 K nl
Sami komt vanochtend om 9 uur, hij heeft slecht geslapen en we hebben ons verslapen.
= today @09:00 morning

@ 2026-12-10T07:45 S nl
Bibi moet vanmiddag om 13:15 naar de logopedie, ik haal haar op.
= today @13:15 afternoon

@ 2026-12-14T07:28 E en
Emma has chickenpox 😞 she'll be off until Wednesday and back at school on Thursday.
= today..wed

@ 2026-12-15T07:38 K nl
Sami moet donderdag om 10:30 naar de kaakchirurg voor controle.
= thu @10:30

@ 2026-12-16T07:55 L nl
Tim is hees en hoest erg, ik laat hem vandaag thuis.
= today

@ 2026-12-17T19:40 S nl
Hoi juf, helaas is Bibi er morgen niet bij de kerstviering, ze is ziek geworden 🤒
= tomorrow

@ 2026-12-17T20:15 F nl
Goedenavond juf. Sem morgen hij gaat mee naar Turkije, vliegtuig is vroeg. Sorry.
= tomorrow
"""
