# Hand-typed absence messages for Fresh17g dates. Gold = relative specs (see dates_build.py).
# m(now, family, text, *entries, lang=None, past=False, typo=False)


def add_all(m, D, R):
    # ------------------------------------------------ N01 Mon 23 Nov 07:45
    m("N01", "L", "Goedemorgen, Tim is vandaag ziek. Hij heeft sinds gisteravond koorts.",
      D("today"))
    m("N01", "E", "Good morning, Emma has a fever, she'll stay home today and tomorrow.",
      R("today", "tomorrow"))
    m("N01", "F", "noor ziek vandag", D("today"), typo=True)
    m("N01", "K", "Sami was vrijdag niet lekker en is vandaag nog steeds ziek. Sorry dat ik vrijdag niet heb gebeld.",
      D("last:fri"), D("today"), past=True)
    m("N01", "J", "Hoi, Lucas en Mila hebben allebei buikgriep. Ze blijven vandaag en morgen thuis.",
      R("today", "tomorrow"))
    m("N01", "S", "Bibi heeft om 10 uur een afspraak bij de logopedist, ze komt daarna naar school",
      D("today", t="10:00"))
    m("N01", "E", "Oliver has an appointment at the orthodontist on Thursday at 10, I'll bring him to school afterwards.",
      D("this:thu", t="10:00"))
    m("N01", "L", "Geachte juf Fatima, hierbij laat ik u weten dat Tim woensdag om kwart over 9 een controle heeft in het ziekenhuis. Hij is er die ochtend dus pas later. Met vriendelijke groet, Lotte Bakker",
      D("this:wed", t="09:15"))
    m("N01", "K", "Hi, Sami has a doctor's appointment at 8:45 this morning, he'll be a bit late.",
      D("today", t="08:45"), lang="en")
    m("N01", "F", "Sem woensdag vrij. familie bruiloft", D("this:wed"))

    # ------------------------------------------------ N02 Mon 23 Nov 20:15
    m("N02", "S", "Bibi heeft vanavond overgegeven, ze blijft morgen thuis.", D("tomorrow"))
    m("N02", "E", "Hi, Emma still has a temperature, so she won't be in tomorow. I'll let you know about Wednesday.",
      D("tomorrow"), typo=True)
    m("N02", "F", "Sem morgen tandarts 9 uur. komt later", D("tomorrow", t="09:00"))
    m("N02", "K", "Sami is morgen en overmorgen afwezig ivm de begrafenis van zijn opa in Utrecht",
      R("tomorrow", "overmorgen"))
    m("N02", "J", "Goedenavond, ik haal Mila morgen om 13:15 op, ze moet naar de huisarts.",
      D("tomorrow", t="13:15"))
    m("N02", "L", "Tim had vandaag al buikpijn en nu is hij echt ziek, dus morgen komt hij niet. Morgen zien we verder voor de rest van de week.",
      D("tomorrow"))

    # ------------------------------------------------ N03 Tue 24 Nov 07:20
    m("N03", "E", "Morning! Oliver woke up with a bad cough. Keeping him home today.", D("today"))
    m("N03", "K", "Goedemorgen, Sami komt vandaag wat later, hij moet eerst bloed laten prikken. Rond half 10 is hij er.",
      D("today", t="09:30"))
    m("N03", "F", "noor vandaag en morgen ziek", R("today", "tomorrow"))
    m("N03", "J", "Lucas gaat vrijdag mee met zijn vader naar een bruiloft in Turkije, dus hij is vrijdag en maandag er niet. Verlof is al aangevraagd bij de directeur.",
      D("this:fri"), D("nw:mon"))
    m("N03", "S", "Bibi blijft vandaag thuis, ze heeft een oorontsteking. Morgen zien we verder.", D("today"))
    m("N03", "L", "Tim heeft donderdag van 10 tot 12 een afspraak bij de kinderfysio, ik breng hem daarna terug",
      D("this:thu", t="10:00", te="12:00"))
    m("N03", "E", "Emma is feeling better and will be back today. Could you also note that she has a dentist appointment Tuesday next week at 11:15?",
      D("nw:tue", t="11:15"))
    m("N03", "K", "Good morning, Sami is sick from today until Thursday, he will be back on Friday.",
      R("today", "this:thu"), lang="en")

    # ------------------------------------------------ N04 Wed 25 Nov 08:05
    m("N04", "F", "Sem ziek. vandaag thuis", D("today"))
    m("N04", "K", "Sami heeft sinds gisteravond koorts, hij blijft vandaag thuis.", D("today"))
    m("N04", "J", "Goedemorgen juf Ingrid, Mila blijft vandaag thuis met hoofdpijn. Lucas komt gewoon.", D("today"))
    m("N04", "S", "Bibi komt vandag om 10 uur, ze moet eerst naar de dokter", D("today", t="10:00"), typo=True)
    m("N04", "E", "Oliver needs to be picked up at 11.45 today for a hospital appointment. I will come to the classroom.",
      D("today", t="11:45"))
    m("N04", "L", "Tim moet vrijdag om 8:45 naar de tandarts, hij komt daarna meteen naar school.",
      D("this:fri", t="08:45"))
    m("N04", "J", "Lucas gaat van donderdag t/m dinsdag mee naar Curacao, zijn opa is ernstig ziek. Ik heb verlof aangevraagd.",
      R("this:thu", "nw:tue"))

    # ------------------------------------------------ N05 Wed 25 Nov 19:30
    m("N05", "E", "Hello, Emma has been sick since this afternoon and won't come to school tommorow or Firday.",
      R("tomorrow", "this:fri"), typo=True)
    m("N05", "F", "noor morgn niet school. dokter", D("tomorrow"), typo=True)
    m("N05", "K", "Ik haal Sami morgen om half 11 op voor de orthodontist. Hij komt die dag niet meer terug.",
      D("tomorrow", t="10:30"))
    m("N05", "J", "Lucas en Mila zijn morgen afwezig, we gaan naar de uitvaart van hun oma. Vrijdag zijn ze er gewoon weer.",
      D("tomorrow"))
    m("N05", "S", "Bibi heeft koorts, ik houd haar morgen thuis. Vrijdag zien we wel.", D("tomorrow"))
    m("N05", "L", "Goedenavond, Tim is morgen alleen 's ochtends afwezig (ziekenhuis). Na de lunch breng ik hem.",
      D("tomorrow", part="morning"))
    m("N05", "F", "sem vrijdag ophalen half 2. dokter", D("this:fri", t="13:30"))

    # ------------------------------------------------ N06 Thu 26 Nov 07:10
    m("N06", "E", "Emma has a stomach bug, she won't be at school today.", D("today"))
    m("N06", "K", "Sami heeft vannacht overgegeven, blijft vandaag thuis.", D("today"))
    m("N06", "F", "Sem vandaag ophalen 12 uur. oma ziekenhuis", D("today", t="12:00"))
    m("N06", "J", "Mila is gisteren ziek geworden, ze was er gisteren ook al niet. Vandaag blijft ze ook thuis.",
      D("yesterday"), D("today"), past=True)
    m("N06", "S", "Morgen heeft Bibi een afspraak bij het consultatiebureau van 9 tot 11, daarna breng ik haar naar school.",
      D("tomorrow", t="09:00", te="11:00"))
    m("N06", "L", "Tim is vanaf vandaag ziek, de huisarts zegt de rest van de week thuisblijven. Maandag laat ik weten hoe het gaat.",
      R("today", "this:fri"))
    m("N06", "E", "Just to let you know, Emma will be leaving early on Tuesday next week, I'll pick her up at 1:30 for a check-up.",
      D("nw:tue", t="13:30"))
    m("N06", "E", "Oliver is off sick from today through Tuesday, doctor's orders.",
      R("today", "nw:tue"))

    # ------------------------------------------------ N07 Thu 26 Nov 21:00
    m("N07", "F", "Noor morgen thuis. buikpijn", D("tomorrow"))
    m("N07", "K", "Sami heeft waterpokken, hij blijft morgen thuis en maandag en dinsdag ook nog, zegt de huisarts.",
      D("tomorrow"), D("nw:mon"), D("nw:tue"))
    m("N07", "E", "Hi, Oliver has a dentist appointment tomorow at 9:15, he'll come to school straight after.",
      D("tomorrow", t="09:15"), typo=True)
    m("N07", "J", "Mila en Lucas komen morgen pas om 10 uur, we moeten eerst naar het gemeentehuis voor hun paspoort.",
      D("tomorrow", t="10:00"))
    m("N07", "S", "Kan Bibi morgen om kwart voor 12 worden opgehaald? Ze moet naar de kinderarts.",
      D("tomorrow", t="11:45"))
    m("N07", "L", "Tim heeft een zware verkoudheid, hij blijft morgn thuis.", D("tomorrow"), typo=True)
    m("N07", "F", "Sem vanaf morgen ziek. weet niet hoe lang", D("tomorrow"))
    m("N07", "S", "Bibi is vanaf maandag 30 november t/m woensdag 2 december afwezig, we gaan naar een familiefeest in Suriname. Het verlof is goedgekeurd door de directeur.",
      R("2026-11-30:mon", "2026-12-02:wed"))

    # ------------------------------------------------ N08 Fri 27 Nov 07:50
    m("N08", "E", "Good morning, Emma is sick today. She was also sick yesterday but I forgot to message, sorry!",
      D("yesterday"), D("today"), past=True)
    m("N08", "K", "Sami is vandaag ziek en maandag heeft hij een operatie aan zijn amandelen, dan is hij de hele week thuis.",
      D("today"), R("nw:mon", "nw:fri"))
    m("N08", "F", "sem vandaag niet. ziek", D("today"))
    m("N08", "J", "Lucas heeft vandaag tussen 10 en 11 een afspraak bij de orthodontist.",
      D("today", t="10:00", te="11:00"))
    m("N08", "S", "Bibi is vandaag vrij, we gaan naar de bruiloft van mijn zus. Maandag is ze er weer.", D("today"))
    m("N08", "L", "Tim was gisteren ziek thuis, vergeten door te geven. Vandaag gaat het beter, hij komt gewoon.",
      D("yesterday"), past=True)
    m("N08", "E", "Oliver will be absent Wendsday next week (family event abroad).", D("nw:wed"), typo=True)
    m("N08", "K", "Sami is vandaag toch ziek, sorry. Gisteravond was hij nog prima maar vanochtend had hij hoge koorts.",
      D("today"))

    # ------------------------------------------------ N09 Sun 29 Nov 19:00
    m("N09", "E", "Hi, Emma has been ill all weekend, she won't be in tomorrow.", D("tomorrow"))
    m("N09", "K", "Sami morgen ziek, hij heeft keelpijn en koorts", D("tomorrow"))
    m("N09", "F", "noor en sem morgen niet school. familie ziek", D("tomorrow"))
    m("N09", "J", "Goedenavond, Mila heeft morgen om 9.15 een afspraak bij de tandarts en komt daarna naar school.",
      D("tomorrow", t="09:15"))
    m("N09", "S", "Bibi gaat morgen alleen de middag, 's ochtends moet ze naar het ziekenhuis.",
      D("tomorrow", part="morning"))
    m("N09", "L", "hoi met Lotte de moeder van Tim hij heeft last van zijn oor dus ik houd hem morgen en dinsdag thuis punt groetjes",
      R("tomorrow", "next:tue"))
    m("N09", "E", "Oliver has a hospital appointment on Thursdy from 1 till 2, so he'll miss that part of the afternoon.",
      D("next:thu", t="13:00", te="14:00"), typo=True)
    m("N09", "K", "Sami heeft woensdag om 10 uur een afspraak bij de KNO-arts, daarna breng ik hem naar school.",
      D("next:wed", t="10:00"))

    # ------------------------------------------------ N10 Mon 30 Nov 07:35
    m("N10", "E", "Oliver is not feeling well, he'll stay home today.", D("today"))
    m("N10", "K", "Sami kan vandaag pas om 10:30 komen, we hadden een lekke band en wachten op de wegenwacht.",
      D("today", t="10:30"))
    m("N10", "F", "sem woensdag ophalen 11 uur. tandarts", D("this:wed", t="11:00"))
    m("N10", "J", "Lucas was afgelopen vrijdag ziek maar ik was vergeten het te melden. Vandaag is hij er gewoon.",
      D("last:fri"), past=True)
    m("N10", "S", "Bibi blijft van maandag tot en met woensdag thuis, ze heeft krentenbaard en mag pas donderdag weer komen.",
      R("today", "this:wed"))
    m("N10", "L", "Tim heeft vandaag na de lunch een afspraak bij de kaakchirurg, ik haal hem in de middagpauze op.",
      D("today", part="afternoon"))
    m("N10", "E", "Emma and Oliver will miss school Thursday and Friday this week, we are flying to the UK for a funeral.",
      R("this:thu", "this:fri"))
    m("N10", "K", "Sami moet op 14-12 naar het ziekenhuis voor een operatie, hij is die dag de hele dag weg.",
      D("2026-12-14:-"))
    m("N10", "L", "Tim is vanaf vandaag ziek tot woensdag, woensdag komt hij weer.", R("today", "this:tue"))
    m("N10", "J", "Mila heeft donderdag 3 december om 8:45 een afspraak bij de tandarts, ze komt daarna naar school.",
      D("2026-12-03:thu", t="08:45"))

    # ------------------------------------------------ N11 Tue 1 Dec 18:45
    m("N11", "E", "Hello, Oliver will come in late tomorrow, around 11, after his MRI scan.", D("tomorrow", t="11:00"))
    m("N11", "F", "Noor morgen ziek. koorts", D("tomorrow"))
    m("N11", "K", "Sami is morgen afwezig, we hebben een afspraak bij de IND in Den Haag.", D("tomorrow"))
    m("N11", "J", "Mila is morgen en donderdga thuis, ze heeft griep.", R("tomorrow", "this:thu"), typo=True)
    m("N11", "S", "Bibi heeft vandaag overgegeven op school, ik houd haar morgen thuis.", D("tomorrow"))
    m("N11", "L", "Tim moet donderdg naar de tandarts, ik haal hem om half 2 op.", D("this:thu", t="13:30"), typo=True)
    m("N11", "E", "Oliver has a doctor's appointment on Friday morning, so he'll miss the morning and be in after lunch.",
      D("this:fri", part="morning"))

    # ------------------------------------------------ N12 Wed 2 Dec 07:15
    m("N12", "E", "Emma has a sore throat and is staying home today.", D("today"))
    m("N12", "K", "Sami komt vandaag om kwart over 9, hij moet nog medicijnen ophalen bij de apotheek.",
      D("today", t="09:15"))
    m("N12", "F", "noor vandaag thuis. sem wel school", D("today"))
    m("N12", "J", "Lucas heeft een gebroken pols, hij is vandaag en morgn thuis en vrijdag komt hij weer.",
      R("today", "tomorrow"), typo=True)
    m("N12", "S", "Bibi heeft longontsteking, ze blijft de rest van de week thuis.", R("today", "this:fri"))
    m("N12", "L", "Tim heeft vandaag zwemexamen, ik haal hem om 11 uur op.", D("today", t="11:00"))
    m("N12", "E", "Oliver was off yesterday with a migraine, sorry I didn't let you know. He's back today.",
      D("yesterday"), past=True)
    m("N12", "J", "Mila heeft morgen 10 tot 12 uur een afspraak bij de orthodontist, daarna komt ze naar school.",
      D("tomorrow", t="10:00", te="12:00"))

    # ------------------------------------------------ N13 Thu 3 Dec 07:55
    m("N13", "E", "Oliver won't be at school today or tomorrow, he has the flu.", R("today", "tomorrow"))
    m("N13", "K", "Goedemorgen meester Daan, Sami is vandaag ziek. Hij was dinsdag ook al niet lekker maar is toen toch gegaan.",
      D("today"))
    m("N13", "F", "sem vandaag 13:30 halen. moeder ziekenhuis", D("today", t="13:30"))
    m("N13", "J", "Mila gaat volgende week dinsdag met haar vader mee naar Parijs voor zijn werk, ze is dinsdag en woensdag afwezig. Verlof is aangevraagd.",
      D("nw:tue"), D("nw:wed"))
    m("N13", "S", "Bibi is vanochtend bij de dokter, vanmiddag breng ik haar naar school.", D("today", part="morning"))
    m("N13", "L", "Tim was afgelopen dinsdag bij de tandarts, dat had ik niet doorgegeven. Hij is toen om 11 uur gekomen.",
      D("last:tue", t="11:00"), past=True)
    m("N13", "E", "Emma has a check-up at the hospital on Monday 14 December, she'll be gone the whole day.",
      D("2026-12-14:mon"))
    m("N13", "F", "Noor maandag en dinsdag niet school. naar turkije", R("nw:mon", "nw:tue"))

    # ------------------------------------------------ N14 Thu 3 Dec 20:30
    m("N14", "F", "noor morgen oog dokter 10 uur. daarna school", D("tomorrow", t="10:00"))
    m("N14", "K", "Sorry for the late message, Sami will not come tomorrow, he has a fever.", D("tomorrow"), lang="en")
    m("N14", "J", "Lucas en Mila zijn morgen allebei ziek, ze hebben de hele middag op de bank gelegen.", D("tomorrow"))
    m("N14", "S", "Bibi is morgen de hele dag afwezig, we gaan naar Sinterklaas bij opa en oma in Friesland.",
      D("tomorrow"))
    m("N14", "L", "Tim is morgen vanaf 12 uur weg, ik haal hem op voor een bruiloft.", D("tomorrow", t="12:00"))
    m("N14", "E", "Hi, Emma has a bad cold. She'll stay home tomorrow and I'll let you know about Monday.",
      D("tomorrow"))
    m("N14", "E", "Oliver will be in late tomorrow, by 9:30 at the latest. He has a blood test first.",
      D("tomorrow", t="09:30"))
    m("N14", "K", "Sami is volgende week dinsdag en donderdag er niet, hij heeft twee keer een behandeling in het ziekenhuis.",
      D("nw:tue"), D("nw:thu"))

    # ------------------------------------------------ N15 Fri 4 Dec 08:10
    m("N15", "K", "Sami is vandaag thuis, zijn oma komt uit Marokko en we halen haar op van Schiphol.", D("today"))
    m("N15", "F", "Sem ziek vandaag en maandg ook", D("today"), D("nw:mon"), typo=True)
    m("N15", "J", "Mila heeft vandaag van 10 tot 12 uur een afspraak in het ziekenhuis, daarna breng ik haar terug.",
      D("today", t="10:00", te="12:00"))
    m("N15", "S", "Bibi komt vandaag later, rond 9 uur", D("today", t="09:00"))
    m("N15", "L", "Tim is vandaag ziek. Volgende week woensdag heeft hij een afspraak bij de KNO-arts om 10:45, dan komt hij daarna.",
      D("today"), D("nw:wed", t="10:45"))
    m("N15", "E", "Emma and Oliver are both home today with a stomach bug.", D("today"))
    m("N15", "E", "Morning, Oliver was off sick on Wednesday, I forgot to tell you. Could you mark it? Thanks.",
      D("last:wed"), past=True)
    m("N15", "K", "Sami has an appointment at the dentist on Tuesday next week from 9 to 10.",
      D("nw:tue", t="09:00", te="10:00"), lang="en")

    # ------------------------------------------------ N16 Sun 6 Dec 20:00
    m("N16", "E", "Hi, Emma has a temperature of 39, she will stay home tomorrow.", D("tomorrow"))
    m("N16", "K", "Sami is deze week van maandag 7 t/m woensdag 9 december afwezig, we gaan naar een begrafenis in Marokko.",
      R("2026-12-07:mon", "2026-12-09:wed"))
    m("N16", "F", "noor morgen ziek. sem morgen ook", D("tomorrow"))
    m("N16", "J", "Goedenavond, Lucas moet morgen eerst naar de huisarts, hij is er om kwart over 9.",
      D("tomorrow", t="09:15"))
    m("N16", "S", "Bibi is de hele week thuis, ze heeft waterpokken. Vrijdag is er geen school toch?",
      R("next:mon", "next:fri"))
    m("N16", "L", "Tim heeft morgen na de lunch een afspraak bij de orthodontist, ik haal hem om 12 uur op.",
      D("tomorrow", t="12:00"))
    m("N16", "E", "Just a heads up: Oliver has a hospital appointment on Tuesday, 10 till 12, so he'll be in after that.",
      D("next:tue", t="10:00", te="12:00"))

    # ------------------------------------------------ N17 Mon 7 Dec 07:30
    m("N17", "E", "Emma is still not well, she's staying home today and tomorrow.", R("today", "tomorrow"))
    m("N17", "K", "Sami komt vandaag om 9.45, hij moet eerst naar de tandarts.", D("today", t="09:45"))
    m("N17", "F", "noor vandag ziek", D("today"), typo=True)
    m("N17", "J", "Hoi, Mila is ziek, ze blijft vanaf vandaag t/m donderdag thuis. Vrijdag is de studiedag dus dan zien jullie haar maandag weer.",
      R("today", "this:thu"))
    m("N17", "S", "Bibi heeft vanmiddag een afspraak bij de logopedie, ik haal haar na de lunch op.",
      D("today", part="afternoon"))
    m("N17", "L", "Tim is ziek, hij blijft vandaag thuis. Woensdag heeft hij ook nog een afspraak om half 11 bij de dokter.",
      D("today"), D("this:wed", t="10:30"))
    m("N17", "E", "Oliver was sick last Friday, sorry for the late notice.", D("last:fri"), past=True)
    m("N17", "K", "Sami will be absent Tuesday next week, we have to go to the consulate in Amsterdam.",
      D("nw:tue"), lang="en")
    m("N17", "E", "Oliver has a dentist appointment this afternoon, so I'll pick him up at lunchtime and he won't be back.",
      D("today", part="afternoon"))
    m("N17", "F", "Sem donderdag 10 december hele dag ziekenhuis", D("2026-12-10:thu"))

    # ------------------------------------------------ N18 Mon 7 Dec 21:30
    m("N18", "F", "sem morgen thuis. ziek", D("tomorrow"))
    m("N18", "E", "Hi, Emma is feeling better and will be back tomorrow. Oliver now has it though, so he'll be off tomorrow.",
      D("tomorrow"))
    m("N18", "J", "Mila moet morgen om half 2 opgehaald worden, ze heeft een afspraak bij de orthodontist.",
      D("tomorrow", t="13:30"))
    m("N18", "S", "Bibi komt morgen pas na de lunch, ze moet 's ochtends naar de audioloog.",
      D("tomorrow", part="morning"))
    m("N18", "L", "Tim gaat morgen en woensdg niet naar school, hij heeft hoge koorts.",
      R("tomorrow", "this:wed"), typo=True)
    m("N18", "K", "Sami moet morgen van 9 tot 11 naar het ziekenhuis voor een scan.", D("tomorrow", t="09:00", te="11:00"))
    m("N18", "E", "Oliver has a follow-up at the hospital on Thursday at 10:30, he'll come in after.",
      D("this:thu", t="10:30"))

    # ------------------------------------------------ N19 Tue 8 Dec 07:05
    m("N19", "E", "Good morning, Emma woke up with a rash, I'm keeping her home today.", D("today"))
    m("N19", "K", "Sami is vanaf vandaag ziek tot en met dondedag.", R("today", "this:thu"), typo=True)
    m("N19", "F", "noor vandaag kwart over 10 halen. tandarts", D("today", t="10:15"))
    m("N19", "J", "Goedemorgen, Lucas was gisteren ziek en vandaag ook nog. Hij hoopt morgen weer te komen.",
      D("yesterday"), D("today"), past=True)
    m("N19", "S", "Bibi komt vandaag om 10 uur, ze heeft slecht geslapen en ik laat haar wat uitslapen.",
      D("today", t="10:00"))
    m("N19", "L", "Tim moet vandaag om 13:00 weg, ik sta bij het hek.", D("today", t="13:00"))
    m("N19", "K", "Sami has the flu, he won't be in today. I'll let you know about tomorrow.", D("today"), lang="en")
    m("N19", "E", "Oliver will be in school for the morning only today, I'm picking him up at lunch for a hospital visit.",
      D("today", part="afternoon"))
    m("N19", "J", "Ik haal Lucas donderdag om kwart voor 2 op, hij moet naar de huisarts.", D("this:thu", t="13:45"))

    # ------------------------------------------------ N20 Wed 9 Dec 07:40
    m("N20", "E", "Emma has an eye test this morning, she'll be in school by 10:30.", D("today", t="10:30"))
    m("N20", "K", "Sami is vandaag en morgen thuis, hij heeft buikgriep.", R("today", "tomorrow"))
    m("N20", "F", "sem vandaag niet school. ziek. noor wel", D("today"))
    m("N20", "J", "Mila is vandaag ziek, Lucas gaat gewoon naar school.", D("today"))
    m("N20", "S", "Bibi wordt maandag 14 december geopereerd aan haar oren, ze is maandag en dinsdag afwezig.",
      R("2026-12-14:mon", "2026-12-15:tue"))
    m("N20", "L", "Tim was gisteren afwezig, hij had hoofdpijn. Vandaag is hij er weer.", D("yesterday"), past=True)
    m("N20", "E", "Oliver will leave at 11 today for a dentist appointment.", D("today", t="11:00"))
    m("N20", "S", "Bibi heeft koorts, ze blijft vandaag t/m vrijdag thuis.", R("today", "this:fri"))

    # ------------------------------------------------ N21 Wed 9 Dec 19:15
    m("N21", "F", "noor morgne ziek. maandag weer school", D("tomorrow"), typo=True)
    m("N21", "K", "Sami komt morgen om half 11, hij moet naar de fysio.", D("tomorrow", t="10:30"))
    m("N21", "J", "Lucas is morgen ziek, ik denk dat hij maandag weer kan.", D("tomorrow"))
    m("N21", "S", "Bibi heeft morgen een afspraak bij de kinderarts van 13.00 tot 14.00, ik breng haar daarna terug.",
      D("tomorrow", t="13:00", te="14:00"))
    m("N21", "L", "Tim gaat morgen niet naar school. Hij is er volgende week maandag weer.", D("tomorrow"))
    m("N21", "E", "Hi, Emma will be away tommorow and the whole of next week. We're going to my mother's in Leeds because she's in hospital. I know it's before the holidays, sorry.",
      D("tomorrow"), R("nw:mon", "nw:fri"), typo=True)
    m("N21", "E", "Could Oliver leave early tomorrow? I'd pick him up around 12:15 for an appointment at the dentist.",
      D("tomorrow", t="12:15"))
    m("N21", "J", "Mila is vanaf morgen de rest van de week thuis, ze heeft een ooroperatie gehad.",
      R("tomorrow", "this:fri"))

    # ------------------------------------------------ N22 Thu 10 Dec 07:25
    m("N22", "F", "Sem vandaag ziek", D("today"))
    m("N22", "K", "Sami is ziek, vandaag thuis. Morgen is het studiedag toch?", D("today"))
    m("N22", "J", "Mila en Lucas komen vandaag om 10:15, we komen terug van een begrafenis in Zeeland.",
      D("today", t="10:15"))
    m("N22", "S", "Bibi blijft vandaag thuis. Ze was dinsdag ook al ziek, dat had ik niet gemeld.",
      D("last:tue"), D("today"), past=True)
    m("N22", "L", "Tim heeft vandaag tussen 11 en 12 een afspraak bij de dokter.", D("today", t="11:00", te="12:00"))
    m("N22", "E", "Emma is unwell today, she's staying home. She'll be back on Monday.", D("today"))
    m("N22", "E", "Oliver has to leave at 2 today, we have to catch a train.", D("today", t="14:00"))

    # ------------------------------------------------ N23 Sun 13 Dec 18:30
    m("N23", "E", "Hi, Oliver has chickenpox, he'll be home the whole week I'm afraid.", R("next:mon", "next:fri"))
    m("N23", "K", "Sami komt morgen niet, hij heeft koorts en hoest veel.", D("tomorrow"))
    m("N23", "F", "Noor morgen 9 uur dokter. later school", D("tomorrow", t="09:00"))
    m("N23", "J", "Lucas is van 14 t/m 16 december afwezig, hij gaat mee met zijn vader op zakenreis. Verlof is goedgekeurd.",
      R("2026-12-14:-", "2026-12-16:-"))
    m("N23", "S", "Bibi is morgen ziek, ze heeft het hele weekend koorts gehad.", D("tomorrow"))
    m("N23", "L", "Tim heeft dinsdga om 10 uur de tandarts en woensdag om 9 uur de orthodontist. Beide keren komt hij daarna naar school.",
      D("next:tue", t="10:00"), D("next:wed", t="09:00"), typo=True)
    m("N23", "E", "Emma will stay home tomorrow and Teusday, she has a bad ear infection.",
      R("tomorrow", "next:tue"), typo=True)
    m("N23", "K", "Sami heeft woensdag een afspraak bij de dermatoloog, ik haal hem om kwart voor 11 op.",
      D("next:wed", t="10:45"))

    # ------------------------------------------------ N24 Mon 14 Dec 07:50
    m("N24", "E", "Good morning, Emma has a fever so she's not coming in today.", D("today"))
    m("N24", "K", "goedemorgen meester Daan met Karim de vader van Sami Sami is van vandaag tot en met woensdag thuis want hij heeft krentenbaard",
      R("today", "this:wed"))
    m("N24", "F", "Sem vandaag later. 10 uur", D("today", t="10:00"))
    m("N24", "J", "Mila is afgelopen donderdag ziek geweest, dat was ik vergeten te melden.", D("last:thu"), past=True)
    m("N24", "S", "Bibi is de hele week niet op school, we gaan eerder op wintersport. Ik weet dat het eigenlijk niet mag, sorry.",
      R("this:mon", "this:fri"))
    m("N24", "L", "Tim komt vandaag na de lunch, 's ochtends moet hij naar de kinderarts.", D("today", part="morning"))
    m("N24", "E", "Oliver is sick today and tomorow, I'll let you know about Wednesday.", R("today", "tomorrow"), typo=True)
    m("N24", "K", "Goedemorgen, Sami moet donderdag 17 december om 13:00 weg voor de orthodontist.",
      D("2026-12-17:thu", t="13:00"))
    m("N24", "E", "Emma has her eye operation on Thursday, so she will be off Thursday and Friday.",
      R("this:thu", "this:fri"))
    m("N24", "L", "Tim heeft woensdag van 9 tot half 11 een afspraak bij de oogarts.", D("this:wed", t="09:00", te="10:30"))

    # ------------------------------------------------ N25 Mon 14 Dec 19:45
    m("N25", "F", "noor morgen ziek", D("tomorrow"))
    m("N25", "E", "Hi, Emma will miss school tomorrow morning, she has a hospital appointment. I'll bring her in after lunch.",
      D("tomorrow", part="morning"))
    m("N25", "J", "Lucas en Mila zijn morgen en woensdag afwezig, we moeten naar een begrafenis in Belgie.",
      R("tomorrow", "this:wed"))
    m("N25", "S", "Bibi heeft nog steeds koorts, ze blijft morgen weer thuis.", D("tomorrow"))
    m("N25", "L", "Tim moet morgen naar de tandarts, hij is er om 11 uur.", D("tomorrow", t="11:00"))
    m("N25", "K", "Sami is not coming to school tommorrow and on Thursday, he has hospital appointments both days. Wednesday he will be there.",
      D("tomorrow"), D("this:thu"), lang="en", typo=True)
    m("N25", "E", "Oliver needs to leave early on Thursday, at 12:30, for his grandfather's funeral.",
      D("this:thu", t="12:30"))
    m("N25", "L", "Tim komt donderdag en vrijdag niet, we gaan eerder op vakantie.", R("this:thu", "this:fri"))

    # ------------------------------------------------ N26 Tue 15 Dec 08:00
    m("N26", "E", "Emma is ill today. She was off yesterday too.", D("yesterday"), D("today"), past=True)
    m("N26", "K", "Sami is vandaag ziek en morgen ook.", R("today", "tomorrow"))
    m("N26", "F", "sem vandaag halen 12 uur. oma ziek", D("today", t="12:00"))
    m("N26", "J", "Mila komt vandaag om 9:30, ze moet eerst naar de tandarts.", D("today", t="09:30"))
    m("N26", "S", "Bibi blijft vanaf vandaag thuis tot de kerstvakantie, ze heeft een gebroken been.",
      R("today", "this:fri"))
    m("N26", "L", "Tim gaat vandaag na de lunch naar huis, hij moet naar de fysiotherapeut.", D("today", part="afternoon"))
    m("N26", "E", "Oliver will be late tomorrow, he'll be there by 10.", D("tomorrow", t="10:00"))
    m("N26", "F", "Sem donderdag en vrijdag niet. vroeg vakantie turkije", R("this:thu", "this:fri"))

    # ------------------------------------------------ N27 Tue 15 Dec 21:15
    m("N27", "F", "noor morgen niet. ziek", D("tomorrow"))
    m("N27", "K", "Sami can not come tomorrow, we have appointment at the municipality.", D("tomorrow"), lang="en")
    m("N27", "J", "Lucas moet morgen om kwart over 11 opgehaald worden voor de kaakchirurg.", D("tomorrow", t="11:15"))
    m("N27", "S", "Bibi is morgen afwezig, ze heeft oorpijn.", D("tomorrow"))
    m("N27", "L", "Tim is morgen, donderdag en vrydag ziek, de dokter zegt dat hij de rest van de week rust moet houden.",
      R("tomorrow", "this:fri"), typo=True)
    m("N27", "E", "Hi, Emma won't be at school tomorrow, she has a tummy bug. Hopefully she'll be better for the Christmas breakfast on Friday.",
      D("tomorrow"))
    m("N27", "E", "Oliver will be in at half ten tomorrow, he's got the dentist first.", D("tomorrow", t="10:30"))

    # ------------------------------------------------ N28 Wed 16 Dec 07:10
    m("N28", "E", "Oliver is home today with a cold.", D("today"))
    m("N28", "K", "Sami komt vandaag later, hij is er om 10 uur.", D("today", t="10:00"))
    m("N28", "F", "noor vandaag ziek, sem ook", D("today"))
    m("N28", "J", "Mila was gisteren ziek, vandaag gaat het weer.", D("yesterday"), past=True)
    m("N28", "S", "Bibi moet vandaag om 11:30 worden opgehaald, ze moet naar het ziekenhuis voor een controle.",
      D("today", t="11:30"))
    m("N28", "L", "Tim is vanadaag en morgen thuis, hij heeft een hersenschudding.", R("today", "tomorrow"), typo=True)
    m("N28", "E", "Emma will be picked up at 12 tomorrow, we are driving to Scotland for Christmas.",
      D("tomorrow", t="12:00"))
    m("N28", "J", "Lucas komt morgen pas om 10:30, hij heeft een afspraak bij de orthodontist. Vrijdag is hij gewoon bij het kerstontbijt.",
      D("tomorrow", t="10:30"))

    # ------------------------------------------------ N29 Thu 17 Dec 07:40
    m("N29", "E", "Emma won't be in today or tomorrow, we're leaving for England early for Christmas.",
      R("today", "tomorrow"))
    m("N29", "K", "Sami is vandaag ziek, hij blijft thuis.", D("today"))
    m("N29", "F", "sem vandaag 11 uur ophalen. tandarts", D("today", t="11:00"))
    m("N29", "J", "Lucas is vandaag de hele dag afwezig, hij heeft een afspraak in het ziekenhuis in Rotterdam.",
      D("today"))
    m("N29", "S", "Bibi komt vandaag pas om kwart over 10, ze moet naar de huisarts.", D("today", t="10:15"))
    m("N29", "L", "Tim was dinsdag en woensdag ziek, dat is via de juf gemeld maar ik wilde het nog even doorgeven. Vandaag is hij er weer.",
      R("last:tue", "last:wed"), past=True)
    m("N29", "E", "Oliver had a dentist appointment yesterday at 9.30 and came in late, just so you know why.",
      D("yesterday", t="09:30"), past=True)
    m("N29", "F", "Noor morgen niet school. vakantie eerder", D("tomorrow"))

    # ------------------------------------------------ N30 Fri 18 Dec 07:55
    m("N30", "E", "Oliver has a sore throat and will stay home today.", D("today"))
    m("N30", "K", "Sami komt vandaag om 9 uur, hij heeft zich verslapen.", D("today", t="09:00"))
    m("N30", "F", "noor ziek vandaaag", D("today"), typo=True)
    m("N30", "J", "Mila en Lucas zijn vandaag vanaf 12 uur weg, we vertrekken op vakantie.", D("today", t="12:00"))
    m("N30", "S", "Bibi is vandaag ziek. Ze was woensdag ook al thuis.", D("last:wed"), D("today"), past=True)
    m("N30", "L", "Tim is vandaag ziek. Fijne kerstvakantie alvast!", D("today"))
