#!/usr/bin/env python3
"""Builds scenarios.jsonl (brief W12F). Every message below is typed by hand.

Checks: dates are school days, children belong to the family, `now` is on the intended
weekday and part of day, kinds are sick/appointment/other, times inside school hours,
>= 2 segments per scenario, every segment has >= 1 fix, group/lang counts.
"""
import json, os, datetime as dt

HERE = os.path.dirname(os.path.abspath(__file__))
FAM = {"S": ("+31611111111", ["Bibi"]), "L": ("+31622222222", ["Tim"]),
       "E": ("+31633333333", ["Emma", "Oliver"]), "F": ("+31644444444", ["Noor", "Sem"]),
       "K": ("+31655555555", ["Sami"]), "J": ("+31666666666", ["Lucas", "Mila"])}
HOLI = [("2026-12-11", "2026-12-11"), ("2026-12-19", "2027-01-03")]
WDN = ["ma", "di", "wo", "do", "vr", "za", "zo"]
GROUPS = ["corr-day", "corr-end", "corr-child", "corr-reason", "corr-one-of-two", "withdraw",
          "followup-add", "followup-question"]


def R(child, date, kind="sick", f=None, u=None):
    return {"child": child, "date": date, "kind": kind, "from": f, "until": u}


def days(children, dates, kind="sick", f=None, u=None):
    return [R(c, d, kind, f, u) for c in children for d in dates]


SCEN = []


def sc(id, group, now, wd, part, fam, lang, answers, segs):
    SCEN.append(dict(id=id, groups=[group], now=now, wd=wd, part=part, fam=fam, lang=lang,
                     answers=answers, segs=segs))


def seg(say, expect, *fixes):
    return {"say": say, "expect": expect, "fixes": list(fixes)}


NL_SICK = {"reason": ["ziek"]}
EN_SICK = {"reason": ["sick"]}

# ---------------------------------------------------------------- corr-day
sc("cd-01-bibi-tandarts-woensdag", "corr-day", "2026-11-23T07:20:00", "ma", "ochtend", "S", "nl",
   {"reason": ["tandarts"], "child": ["Bibi"], "time": ["van 10 uur tot 11 uur"]},
   [seg("Goedemorgen, Bibi moet dinsdag naar de tandarts. Ik haal haar om 10 uur op en rond 11 uur breng ik haar terug.",
        [R("Bibi", "2026-11-24", "appointment", "10:00", "11:00")],
        "Nee, het gaat om dinsdag 24 november, dan is Bibi van 10 uur tot 11 uur bij de tandarts."),
    seg("Oh sorry, het is woensdag, niet dinsdag. De tijden blijven hetzelfde.",
        [R("Bibi", "2026-11-25", "appointment", "10:00", "11:00")],
        "Nee, de tandarts is op woensdag 25 november van 10 uur tot 11 uur. Dinsdag is ze gewoon op school.")])

sc("cd-02-tim-kinderarts-10dec", "corr-day", "2026-11-26T19:30:00", "do", "avond", "L", "nl",
   {"reason": ["afspraak bij de kinderarts"], "child": ["Tim"]},
   [seg("Goedenavond, Tim heeft donderdag 3 december een afspraak bij de kinderarts in Utrecht. Hij is er die dag de hele dag niet.",
        [R("Tim", "2026-12-03", "appointment")],
        "Nee, het gaat om donderdag 3 december, de hele dag, voor de kinderarts."),
    seg("Ik zie net in de brief van het ziekenhuis dat het donderdag 10 december is, niet 3 december. Sorry!",
        [R("Tim", "2026-12-10", "appointment")],
        "Nee, de afspraak is op donderdag 10 december, hele dag. Op 3 december is Tim gewoon op school.")])

sc("cd-03-oliver-dentist-thursday", "corr-day", "2026-11-30T07:10:00", "ma", "ochtend", "E", "en",
   {"reason": ["dentist appointment"], "child": ["Oliver"], "time": ["13:00"]},
   [seg("Hi, Oliver has a dentist appointment on Tuesday. I will pick him up at 13:00 and he won't come back to school that day.",
        [R("Oliver", "2026-12-01", "appointment", "13:00", None)],
        "No, it's Tuesday 1 December, Oliver leaves at 13:00 for the dentist and doesn't come back."),
    seg("Sorry, I meant Thursday, not Tuesday. Same time.",
        [R("Oliver", "2026-12-03", "appointment", "13:00", None)],
        "No, the dentist is on Thursday 3 December, from 13:00, he won't come back. On Tuesday he stays at school all day.")])

sc("cd-04-noor-sem-feest-donderdag", "corr-day", "2026-12-01T19:45:00", "di", "avond", "F", "nl",
   {"reason": ["familiefeest"], "child": ["Noor en Sem"]},
   [seg("Noor en Sem vrijdag niet naar school. Familiefeest in Antwerpen.",
        [R("Noor", "2026-12-04", "other"), R("Sem", "2026-12-04", "other")],
        "Nee. Noor en Sem vrijdag 4 december niet op school. Familiefeest."),
    seg("Sorry, fout. Niet vrijdag. Donderdag. Vrijdag gaan ze wel naar school.",
        [R("Noor", "2026-12-03", "other"), R("Sem", "2026-12-03", "other")],
        "Nee. Noor en Sem donderdag 3 december niet op school. Vrijdag wel.")])

sc("cd-05-lucas-mila-begrafenis-donderdag", "corr-day", "2026-12-07T07:30:00", "ma", "ochtend", "J", "nl",
   {"reason": ["begrafenis van hun opa"], "child": ["Lucas en Mila"]},
   [seg("Goedemorgen, Lucas en Mila gaan woensdag mee naar de begrafenis van hun opa. Ze zijn er woensdag de hele dag niet.",
        [R("Lucas", "2026-12-09", "other"), R("Mila", "2026-12-09", "other")],
        "Nee, het gaat om woensdag 9 december, Lucas en Mila zijn er die dag niet vanwege de begrafenis."),
    seg("Correctie: de begrafenis is donderdag, niet woensdag. Ze zijn er donderdag de hele dag niet, woensdag komen ze gewoon.",
        [R("Lucas", "2026-12-10", "other"), R("Mila", "2026-12-10", "other")],
        "Nee, Lucas en Mila zijn alleen donderdag 10 december de hele dag afwezig. Woensdag zijn ze op school.")])

sc("cd-06-sami-ziekenhuis-donderdag", "corr-day", "2026-12-15T07:20:00", "di", "ochtend", "K", "nl",
   {"reason": ["controle in het ziekenhuis"], "child": ["Sami"]},
   [seg("Sami moet morgen naar het ziekenhuis voor een controle. Hij is er de hele dag niet.",
        [R("Sami", "2026-12-16", "appointment")],
        "Nee, Sami is woensdag 16 december de hele dag weg voor het ziekenhuis."),
    seg("Oh nee sorry, ik bedoel overmorgen, donderdag. Morgen gaat hij gewoon naar school.",
        [R("Sami", "2026-12-17", "appointment")],
        "Nee, het ziekenhuis is donderdag 17 december, de hele dag. Woensdag is hij op school.")])

# ---------------------------------------------------------------- corr-end
sc("ce-01-tim-hele-week", "corr-end", "2026-11-23T07:10:00", "ma", "ochtend", "L", "nl",
   {"reason": ["ziek, griep"], "child": ["Tim"]},
   [seg("Goedemorgen, Tim heeft griep. Hij blijft vandaag en morgen thuis.",
        days(["Tim"], ["2026-11-23", "2026-11-24"]),
        "Nee, Tim is ziek op maandag 23 en dinsdag 24 november."),
    seg("De huisarts zegt dat hij de hele week thuis moet blijven, dus tot en met vrijdag.",
        days(["Tim"], ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]),
        "Nee, Tim is ziek van maandag 23 tot en met vrijdag 27 november.")])

sc("ce-02-sem-woensdag-toch-donderdag", "corr-end", "2026-11-30T07:05:00", "ma", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Sem"]},
   [seg("Sem ziek. Hele week thuis, tot en met vrijdag.",
        days(["Sem"], ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]),
        "Nee. Sem ziek maandag 30 november tot en met vrijdag 4 december."),
    seg("Sem gaat beter. Alleen tot en met woensdag thuis. Donderdag naar school.",
        days(["Sem"], ["2026-11-30", "2026-12-01", "2026-12-02"]),
        "Nee. Sem ziek maandag, dinsdag, woensdag. Donderdag en vrijdag naar school."),
    seg("Nee toch donderdag ook thuis. Vrijdag naar school.",
        days(["Sem"], ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"]),
        "Nee. Sem ziek maandag 30 november tot en met donderdag 3 december. Vrijdag school.")])

sc("ce-03-emma-thursday-then-wednesday", "corr-end", "2026-12-08T07:15:00", "di", "ochtend", "E", "en",
   {"reason": ["sick, flu"], "child": ["Emma"]},
   [seg("Good morning, Emma has the flu. She'll be home today and tomorrow.",
        days(["Emma"], ["2026-12-08", "2026-12-09"]),
        "No, Emma is sick on Tuesday 8 and Wednesday 9 December."),
    seg("Update: the doctor says she should stay home up to and including Thursday.",
        days(["Emma"], ["2026-12-08", "2026-12-09", "2026-12-10"]),
        "No, Emma is sick from Tuesday 8 up to and including Thursday 10 December."),
    seg("Sorry, I misunderstood the doctor. Only today and tomorrow after all, she'll be back at school on Thursday.",
        days(["Emma"], ["2026-12-08", "2026-12-09"]),
        "No, Emma is only sick on Tuesday 8 and Wednesday 9 December. Thursday she is at school.")])

sc("ce-04-lucas-mila-korter", "corr-end", "2026-12-14T07:25:00", "ma", "ochtend", "J", "nl",
   {"reason": ["ziek, buikgriep"], "child": ["Lucas en Mila"]},
   [seg("Goedemorgen, Lucas en Mila hebben allebei buikgriep. Ze blijven tot en met woensdag thuis.",
        days(["Lucas", "Mila"], ["2026-12-14", "2026-12-15", "2026-12-16"]),
        "Nee, Lucas en Mila zijn allebei ziek van maandag 14 tot en met woensdag 16 december."),
    seg("Het gaat beter dan gedacht: ze blijven alleen vandaag en morgen thuis. Woensdag gaan ze allebei weer naar school.",
        days(["Lucas", "Mila"], ["2026-12-14", "2026-12-15"]),
        "Nee, Lucas en Mila zijn alleen ziek op maandag 14 en dinsdag 15 december.")])

sc("ce-05-sami-vrijdag-toch-niet", "corr-end", "2026-11-26T07:00:00", "do", "ochtend", "K", "nl",
   {"reason": ["ziek, oorontsteking"], "child": ["Sami"]},
   [seg("Sami is ziek, hij heeft een oorontsteking. Hij blijft vandaag thuis.",
        [R("Sami", "2026-11-26")],
        "Nee, Sami is ziek op donderdag 26 november."),
    seg("De dokter zegt dat hij morgen ook nog thuis moet blijven.",
        days(["Sami"], ["2026-11-26", "2026-11-27"]),
        "Nee, Sami is ziek op donderdag 26 en vrijdag 27 november."),
    seg("Nee toch niet, ik heb de dokter verkeerd begrepen: morgen mag hij weer naar school. Alleen vandaag thuis.",
        [R("Sami", "2026-11-26")],
        "Nee, Sami is alleen vandaag, donderdag 26 november, ziek. Vrijdag is hij op school.")])

sc("ce-06-noor-sem-tot-vrijdag", "corr-end", "2026-12-01T07:10:00", "di", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Noor en Sem"]},
   [seg("Noor en Sem ziek. Vandaag en morgen thuis.",
        days(["Noor", "Sem"], ["2026-12-01", "2026-12-02"]),
        "Nee. Noor en Sem ziek dinsdag 1 december en woensdag 2 december."),
    seg("Dokter zegt langer. Ze blijven thuis tot en met vrijdag.",
        days(["Noor", "Sem"], ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]),
        "Nee. Noor en Sem ziek dinsdag 1 december tot en met vrijdag 4 december.")])

# ---------------------------------------------------------------- corr-child
sc("cc-01-sem-niet-noor", "corr-child", "2026-11-24T07:10:00", "di", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Sem"]},
   [seg("Noor is ziek vandaag. Buikpijn.",
        [R("Noor", "2026-11-24")],
        "Nee. Noor ziek, dinsdag 24 november."),
    seg("Sorry, het is Sem niet Noor. Noor gaat naar school.",
        [R("Sem", "2026-11-24")],
        "Nee. Sem is ziek vandaag, niet Noor. Noor is op school.")])

sc("cc-02-oliver-not-emma", "corr-child", "2026-11-25T07:20:00", "wo", "ochtend", "E", "en",
   {"reason": ["sick"], "child": ["Oliver"]},
   [seg("Good morning, Emma is sick today, she has a bad cold.",
        [R("Emma", "2026-11-25")],
        "No, Emma is sick today, Wednesday 25 November."),
    seg("Sorry, not Emma, Oliver! Emma is fine and is going to school.",
        [R("Oliver", "2026-11-25")],
        "No, it's Oliver who is sick today, not Emma. Emma is at school.")])

sc("cc-03-lucas-niet-mila-logopedie", "corr-child", "2026-12-03T07:30:00", "do", "ochtend", "J", "nl",
   {"reason": ["afspraak bij de logopedist"], "child": ["Lucas"], "time": ["om 13:00 uur, hij komt niet meer terug"]},
   [seg("Mila heeft vanmiddag een afspraak bij de logopedist. Ik haal haar om 13:00 uur op en ze komt daarna niet meer terug naar school.",
        [R("Mila", "2026-12-03", "appointment", "13:00", None)],
        "Nee, Mila gaat vandaag om 13:00 uur weg voor de logopedist en komt niet terug."),
    seg("Oeps, ik bedoel Lucas, niet Mila. Lucas heeft de afspraak, Mila blijft gewoon de hele dag op school.",
        [R("Lucas", "2026-12-03", "appointment", "13:00", None)],
        "Nee, Lucas gaat vandaag om 13:00 uur naar de logopedist, niet Mila. Mila blijft op school.")])

sc("cc-04-mila-niet-lucas", "corr-child", "2026-11-30T19:30:00", "ma", "avond", "J", "nl",
   {"reason": ["ziek"], "child": ["Mila"]},
   [seg("Goedenavond, Lucas is ziek, hij blijft morgen thuis.",
        [R("Lucas", "2026-12-01")],
        "Nee, Lucas is ziek op dinsdag 1 december."),
    seg("Ik heb het verkeerde kind genoemd: Mila is ziek, niet Lucas. Lucas gaat morgen gewoon naar school.",
        [R("Mila", "2026-12-01")],
        "Nee, Mila is morgen, dinsdag 1 december, ziek. Lucas gaat naar school.")])

sc("cc-05-oliver-late-not-emma", "corr-child", "2026-12-14T07:15:00", "ma", "ochtend", "E", "en",
   {"reason": ["doctor's appointment"], "child": ["Oliver"], "time": ["around 11:00"]},
   [seg("Emma will come in late today, she has a doctor's appointment first. She'll be at school around 11:00.",
        [R("Emma", "2026-12-14", "appointment", None, "11:00")],
        "No, Emma has a doctor's appointment this morning and arrives at school at 11:00."),
    seg("Oh sorry, I mixed them up: it's Oliver who has the appointment, not Emma. Emma comes at the normal time.",
        [R("Oliver", "2026-12-14", "appointment", None, "11:00")],
        "No, Oliver arrives at 11:00 today because of the doctor, not Emma. Emma is there at 8:30.")])

sc("cc-06-noor-niet-sem-twee-dagen", "corr-child", "2026-12-16T07:05:00", "wo", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Noor"]},
   [seg("Sem is ziek. Vandaag en morgen thuis.",
        days(["Sem"], ["2026-12-16", "2026-12-17"]),
        "Nee. Sem ziek woensdag 16 december en donderdag 17 december."),
    seg("Fout. Niet Sem. Noor is ziek. Sem gaat naar school.",
        days(["Noor"], ["2026-12-16", "2026-12-17"]),
        "Nee. Noor ziek woensdag en donderdag. Sem niet ziek.")])

# ---------------------------------------------------------------- corr-reason
sc("cr-01-bibi-orthodontist-ipv-ziek", "corr-reason", "2026-11-26T07:10:00", "do", "ochtend", "S", "nl",
   {"reason": ["ziek"], "child": ["Bibi"]},
   [seg("Bibi is er vandaag niet, ze is ziek.",
        [R("Bibi", "2026-11-26")],
        "Nee, Bibi is vandaag, donderdag 26 november, ziek."),
    seg("Sorry, ik heb me vergist: ze is niet ziek en komt gewoon naar school. Ze moet alleen naar de orthodontist, ik haal haar om 10 uur op en om 11:30 breng ik haar terug.",
        [R("Bibi", "2026-11-26", "appointment", "10:00", "11:30")],
        "Nee, Bibi is niet ziek. Ze is vandaag van 10:00 tot 11:30 bij de orthodontist en verder op school.")])

sc("cr-02-tim-tandarts-later", "corr-reason", "2026-11-30T07:20:00", "ma", "ochtend", "L", "nl",
   {"reason": ["tandarts"], "child": ["Tim"], "time": ["van 10 uur tot 11 uur"]},
   [seg("Tim heeft vandaag een afspraak bij de tandarts. Ik haal hem om 10 uur op en om 11 uur is hij terug op school.",
        [R("Tim", "2026-11-30", "appointment", "10:00", "11:00")],
        "Nee, Tim is vandaag van 10:00 tot 11:00 uur bij de tandarts."),
    seg("De tandarts belde net, de afspraak is verschoven. Ik haal hem om 11 uur op in plaats van om 10 uur, en om 12 uur is hij terug.",
        [R("Tim", "2026-11-30", "appointment", "11:00", "12:00")],
        "Nee, Tim is vandaag van 11:00 tot 12:00 uur bij de tandarts, niet van 10 tot 11.")])

sc("cr-03-oliver-hospital-instead-of-sick", "corr-reason", "2026-12-02T07:10:00", "wo", "ochtend", "E", "en",
   {"reason": ["sick"], "child": ["Oliver"]},
   [seg("Oliver is sick today, he has a fever.",
        [R("Oliver", "2026-12-02")],
        "No, Oliver is sick today, Wednesday 2 December."),
    seg("Correction: Oliver is not sick after all, his fever is gone and he will go to school. But I have to pick him up at 10:30 for a hospital appointment, and he won't come back after that.",
        [R("Oliver", "2026-12-02", "appointment", "10:30", None)],
        "No, Oliver is not sick. He is at school until 10:30 and then leaves for a hospital appointment, he doesn't come back today.")])

sc("cr-04-lucas-mila-tandarts-eerder", "corr-reason", "2026-12-08T07:30:00", "di", "ochtend", "J", "nl",
   {"reason": ["tandarts"], "child": ["Lucas en Mila"], "time": ["13:30"]},
   [seg("Lucas en Mila hebben vanmiddag allebei een afspraak bij de tandarts. Ik haal ze om 13:30 uur op, ze komen daarna niet meer terug.",
        days(["Lucas", "Mila"], ["2026-12-08"], "appointment", "13:30", None),
        "Nee, Lucas en Mila gaan vandaag allebei om 13:30 uur weg voor de tandarts en komen niet meer terug."),
    seg("Kleine wijziging: ik haal ze al om 13:00 uur op in plaats van 13:30 uur. De rest blijft hetzelfde.",
        days(["Lucas", "Mila"], ["2026-12-08"], "appointment", "13:00", None),
        "Nee, Lucas en Mila gaan vandaag om 13:00 uur weg voor de tandarts, niet om 13:30.")])

sc("cr-05-sami-later-binnen", "corr-reason", "2026-12-03T07:15:00", "do", "ochtend", "K", "nl",
   {"reason": ["dokter"], "child": ["Sami"], "time": ["rond 10 uur"]},
   [seg("Sami komt vandaag later, hij moet eerst naar de dokter. Rond 10 uur is hij op school.",
        [R("Sami", "2026-12-03", "appointment", None, "10:00")],
        "Nee, Sami komt vandaag pas om 10:00 uur, hij is eerst bij de dokter."),
    seg("Het wordt later: de dokter kan pas om 10 uur, dus Sami is er rond 11:30 uur in plaats van 10 uur.",
        [R("Sami", "2026-12-03", "appointment", None, "11:30")],
        "Nee, Sami komt vandaag om 11:30 uur op school, niet om 10 uur. Hij is eerst bij de dokter.")])

sc("cr-06-noor-sem-bruiloft-ipv-ziek", "corr-reason", "2026-12-17T07:00:00", "do", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Noor en Sem"]},
   [seg("Noor en Sem vandaag niet naar school. Ziek.",
        days(["Noor", "Sem"], ["2026-12-17"]),
        "Nee. Noor en Sem ziek, donderdag 17 december."),
    seg("Sorry. Niet ziek. Wij gaan naar bruiloft van mijn broer in Duitsland. Hele dag weg.",
        days(["Noor", "Sem"], ["2026-12-17"], "other"),
        "Nee. Niet ziek. Noor en Sem vandaag hele dag weg, bruiloft, andere reden.")])

# ---------------------------------------------------------------- corr-one-of-two
sc("co-01-sem-toch-school", "corr-one-of-two", "2026-11-23T07:10:00", "ma", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Noor en Sem"]},
   [seg("Noor en Sem ziek. Vandaag thuis.",
        days(["Noor", "Sem"], ["2026-11-23"]),
        "Nee. Noor en Sem allebei ziek, maandag 23 november."),
    seg("Sem is toch niet ziek. Hij gaat naar school. Alleen Noor thuis.",
        [R("Noor", "2026-11-23")],
        "Nee. Alleen Noor ziek vandaag. Sem op school.")])

sc("co-02-oliver-one-more-day", "corr-one-of-two", "2026-11-24T07:05:00", "di", "ochtend", "E", "en",
   {"reason": ["sick, stomach bug"], "child": ["Emma and Oliver"]},
   [seg("Both Emma and Oliver have a stomach bug. They're staying home today and tomorrow.",
        days(["Emma", "Oliver"], ["2026-11-24", "2026-11-25"]),
        "No, Emma and Oliver are both sick on Tuesday 24 and Wednesday 25 November."),
    seg("Oliver needs one more day, so he stays home on Thursday too. Emma will be back at school on Thursday.",
        days(["Emma"], ["2026-11-24", "2026-11-25"]) + days(["Oliver"], ["2026-11-24", "2026-11-25", "2026-11-26"]),
        "No, Emma is sick on Tuesday 24 and Wednesday 25 November, Oliver on Tuesday 24, Wednesday 25 and Thursday 26 November.")])

sc("co-03-mila-orthodontist-lucas-ziek", "corr-one-of-two", "2026-11-25T07:20:00", "wo", "ochtend", "J", "nl",
   {"reason": ["ziek"], "child": ["Lucas en Mila"]},
   [seg("Goedemorgen, Lucas en Mila zijn allebei ziek, ze blijven vandaag thuis.",
        days(["Lucas", "Mila"], ["2026-11-25"]),
        "Nee, Lucas en Mila zijn allebei ziek op woensdag 25 november."),
    seg("Ik moet het aanpassen: Mila is niet ziek. Zij komt gewoon naar school, maar ik haal haar om 10 uur op voor de orthodontist en daarna komt ze niet meer terug. Lucas is wel ziek en blijft de hele dag thuis.",
        [R("Lucas", "2026-11-25"), R("Mila", "2026-11-25", "appointment", "10:00", None)],
        "Nee, Lucas is vandaag ziek. Mila is niet ziek, zij gaat om 10:00 uur naar de orthodontist en komt niet terug.")])

sc("co-04-emma-goes-after-all", "corr-one-of-two", "2026-12-01T07:15:00", "di", "ochtend", "E", "en",
   {"reason": ["sick, a cold"], "child": ["Emma and Oliver"]},
   [seg("Emma and Oliver both have a cold, they are staying home today.",
        days(["Emma", "Oliver"], ["2026-12-01"]),
        "No, Emma and Oliver are both sick today, Tuesday 1 December."),
    seg("Emma says she feels fine now, so she is going to school after all. Only Oliver stays home.",
        [R("Oliver", "2026-12-01")],
        "No, only Oliver is sick today. Emma is at school.")])

sc("co-05-noor-woensdag-ook", "corr-one-of-two", "2026-12-07T07:00:00", "ma", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Noor en Sem"]},
   [seg("Noor en Sem ziek. Vandaag en morgen thuis.",
        days(["Noor", "Sem"], ["2026-12-07", "2026-12-08"]),
        "Nee. Noor en Sem ziek maandag 7 december en dinsdag 8 december."),
    seg("Noor woensdag ook nog thuis, nog ziek. Sem woensdag naar school.",
        days(["Noor"], ["2026-12-07", "2026-12-08", "2026-12-09"]) + days(["Sem"], ["2026-12-07", "2026-12-08"]),
        "Nee. Noor ziek maandag, dinsdag en woensdag 9 december. Sem alleen maandag en dinsdag.")])

sc("co-06-lucas-toch-school", "corr-one-of-two", "2026-12-14T19:30:00", "ma", "avond", "J", "nl",
   {"reason": ["ziek, verkouden met koorts"], "child": ["Lucas en Mila"]},
   [seg("Goedenavond, Lucas en Mila blijven morgen thuis. Ze zijn allebei verkouden en hebben koorts.",
        days(["Lucas", "Mila"], ["2026-12-15"]),
        "Nee, Lucas en Mila zijn allebei ziek op dinsdag 15 december."),
    seg("Lucas heeft geen koorts meer, hij gaat morgen toch naar school. Mila blijft wel thuis.",
        [R("Mila", "2026-12-15")],
        "Nee, alleen Mila is morgen ziek. Lucas gaat naar school.")])

# ---------------------------------------------------------------- withdraw
sc("wd-01-tim-toch-school", "withdraw", "2026-11-24T07:05:00", "di", "ochtend", "L", "nl",
   {"reason": ["ziek"], "child": ["Tim"]},
   [seg("Tim voelt zich niet lekker, hij is ziek en blijft vandaag thuis.",
        [R("Tim", "2026-11-24")],
        "Nee, Tim is ziek vandaag, dinsdag 24 november."),
    seg("Laat maar, hij gaat toch naar school. Hij voelt zich alweer beter.",
        [],
        "Nee, Tim is vandaag niet afwezig. De ziekmelding mag weg.")])

sc("wd-02-emma-never-mind", "withdraw", "2026-11-26T07:10:00", "do", "ochtend", "E", "en",
   {"reason": ["sick"], "child": ["Emma"]},
   [seg("Emma is sick, she's staying home today.",
        [R("Emma", "2026-11-26")],
        "No, Emma is sick today, Thursday 26 November."),
    seg("Never mind, she's going after all. Sorry for the trouble!",
        [],
        "No, Emma is not absent today, please remove the sick report.")])

sc("wd-03-bibi-tandarts-afgezegd", "withdraw", "2026-12-02T07:25:00", "wo", "ochtend", "S", "nl",
   {"reason": ["tandarts"], "child": ["Bibi"], "time": ["van 9 uur tot half 11"]},
   [seg("Bibi moet morgen naar de tandarts. Ik haal haar om 9 uur op en om 10:30 uur is ze terug.",
        [R("Bibi", "2026-12-03", "appointment", "09:00", "10:30")],
        "Nee, Bibi is donderdag 3 december van 9:00 tot 10:30 uur bij de tandarts."),
    seg("De tandarts heeft de afspraak afgezegd, dus Bibi is er morgen gewoon de hele dag. De melding mag weg.",
        [],
        "Nee, Bibi is morgen niet afwezig. De tandartsafspraak gaat niet door, de melding mag weg.")])

sc("wd-04-sami-weer-beter", "withdraw", "2026-12-07T19:00:00", "ma", "avond", "K", "nl",
   {"reason": ["ziek"], "child": ["Sami"]},
   [seg("Goedenavond, Sami is ziek, hij blijft morgen en woensdag thuis.",
        days(["Sami"], ["2026-12-08", "2026-12-09"]),
        "Nee, Sami is ziek op dinsdag 8 en woensdag 9 december."),
    seg("Laat maar, hij is weer beter. Geen koorts meer. Hij gaat morgen en woensdag gewoon naar school.",
        [],
        "Nee, Sami is dinsdag en woensdag niet afwezig. De ziekmelding mag helemaal weg.")])

sc("wd-05-lucas-mila-toch-school", "withdraw", "2026-12-10T07:15:00", "do", "ochtend", "J", "nl",
   {"reason": ["ziek"], "child": ["Lucas en Mila"]},
   [seg("Goedemorgen, Lucas en Mila zijn ziek, ze blijven vandaag thuis.",
        days(["Lucas", "Mila"], ["2026-12-10"]),
        "Nee, Lucas en Mila zijn allebei ziek op donderdag 10 december."),
    seg("Laat maar, ze gaan allebei toch naar school. Het viel mee.",
        [],
        "Nee, Lucas en Mila zijn vandaag allebei op school. De ziekmelding mag weg.")])

sc("wd-06-noor-sem-beter", "withdraw", "2026-12-04T07:05:00", "vr", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Noor en Sem"]},
   [seg("Noor en Sem vandaag niet naar school. Ziek.",
        days(["Noor", "Sem"], ["2026-12-04"]),
        "Nee. Noor en Sem ziek, vrijdag 4 december."),
    seg("Laat maar. Ze zijn beter. Gaan wel naar school.",
        [],
        "Nee. Noor en Sem niet ziek. Melding weg.")])

# ---------------------------------------------------------------- followup-add
sc("fa-01-en-sem-ook", "followup-add", "2026-11-24T07:15:00", "di", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Noor"]},
   [seg("Noor ziek. Vandaag thuis.",
        [R("Noor", "2026-11-24")],
        "Nee. Noor ziek, dinsdag 24 november."),
    seg("En Sem ook. Ook ziek vandaag.",
        days(["Noor", "Sem"], ["2026-11-24"]),
        "Nee. Noor en Sem allebei ziek vandaag, dinsdag 24 november.")])

sc("fa-02-put-oliver-down-too", "followup-add", "2026-11-26T07:20:00", "do", "ochtend", "E", "en",
   {"reason": ["sick"], "child": ["Emma"]},
   [seg("Good morning, Emma is sick today, she has an ear infection.",
        [R("Emma", "2026-11-26")],
        "No, Emma is sick today, Thursday 26 November."),
    seg("Can you put Oliver down too? He woke up with a fever, so he's staying home today as well.",
        days(["Emma", "Oliver"], ["2026-11-26"]),
        "No, both Emma and Oliver are sick today, Thursday 26 November.")])

sc("fa-03-tim-morgen-ook", "followup-add", "2026-11-30T07:10:00", "ma", "ochtend", "L", "nl",
   {"reason": ["ziek"], "child": ["Tim"]},
   [seg("Tim is ziek, hij blijft vandaag thuis.",
        [R("Tim", "2026-11-30")],
        "Nee, Tim is ziek op maandag 30 november."),
    seg("Morgen ook nog, de dokter zegt twee dagen rust.",
        days(["Tim"], ["2026-11-30", "2026-12-01"]),
        "Nee, Tim is ziek op maandag 30 november en dinsdag 1 december.")])

sc("fa-04-bibi-donderdag-ook", "followup-add", "2026-12-08T07:15:00", "di", "ochtend", "S", "nl",
   {"reason": ["ziek"], "child": ["Bibi"]},
   [seg("Bibi is ziek, ze blijft vandaag en morgen thuis.",
        days(["Bibi"], ["2026-12-08", "2026-12-09"]),
        "Nee, Bibi is ziek op dinsdag 8 en woensdag 9 december."),
    seg("En donderdag ook nog, ze heeft nog steeds koorts.",
        days(["Bibi"], ["2026-12-08", "2026-12-09", "2026-12-10"]),
        "Nee, Bibi is ziek van dinsdag 8 tot en met donderdag 10 december.")])

sc("fa-05-mila-dan-lucas-dan-morgen", "followup-add", "2026-12-16T07:20:00", "wo", "ochtend", "J", "nl",
   {"reason": ["ziek"], "child": ["Mila"]},
   [seg("Mila is ziek vandaag, ze heeft hoofdpijn en koorts.",
        [R("Mila", "2026-12-16")],
        "Nee, Mila is ziek op woensdag 16 december."),
    seg("En Lucas ook, hij heeft het nu ook. Hij blijft vandaag ook thuis.",
        days(["Lucas", "Mila"], ["2026-12-16"]),
        "Nee, Lucas en Mila zijn allebei ziek op woensdag 16 december."),
    seg("Morgen blijven ze allebei ook nog thuis.",
        days(["Lucas", "Mila"], ["2026-12-16", "2026-12-17"]),
        "Nee, Lucas en Mila zijn allebei ziek op woensdag 16 en donderdag 17 december.")])

sc("fa-06-oliver-same-appointment", "followup-add", "2026-12-03T07:10:00", "do", "ochtend", "E", "en",
   {"reason": ["dentist appointment"], "child": ["Emma"], "time": ["13:30"]},
   [seg("Emma has a dentist appointment this afternoon. I'll pick her up at 13:30 and she won't come back to school.",
        [R("Emma", "2026-12-03", "appointment", "13:30", None)],
        "No, Emma leaves today at 13:30 for the dentist and doesn't come back."),
    seg("Can you put Oliver down too? He goes to the same dentist with her, also at 13:30, and he won't come back either.",
        days(["Emma", "Oliver"], ["2026-12-03"], "appointment", "13:30", None),
        "No, Emma and Oliver both leave today at 13:30 for the dentist and don't come back.")])

sc("fa-07-sami-vrijdag-ook", "followup-add", "2026-11-25T07:10:00", "wo", "ochtend", "K", "nl",
   {"reason": ["ziek"], "child": ["Sami"]},
   [seg("Sami is ziek, hij blijft vandaag en morgen thuis.",
        days(["Sami"], ["2026-11-25", "2026-11-26"]),
        "Nee, Sami is ziek op woensdag 25 en donderdag 26 november."),
    seg("En vrijdag ook, de dokter wil dat hij de hele week rust houdt.",
        days(["Sami"], ["2026-11-25", "2026-11-26", "2026-11-27"]),
        "Nee, Sami is ziek van woensdag 25 tot en met vrijdag 27 november.")])

# ---------------------------------------------------------------- followup-question
sc("fq-01-tim-morgen-ook-gemeld", "followup-question", "2026-12-01T07:10:00", "di", "ochtend", "L", "nl",
   {"reason": ["ziek"], "child": ["Tim"]},
   [seg("Tim is ziek, hij blijft vandaag thuis.",
        [R("Tim", "2026-12-01")],
        "Nee, Tim is alleen vandaag, dinsdag 1 december, ziek."),
    seg("Heb ik Tim nu ook voor morgen ziek gemeld? Dat is niet de bedoeling, morgen gaat hij weer naar school.",
        [R("Tim", "2026-12-01")],
        "Nee, er hoeft niets te veranderen. Tim is alleen vandaag ziek.")])

sc("fq-02-man-al-afgemeld", "followup-question", "2026-12-09T07:05:00", "wo", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Noor"]},
   [seg("Noor ziek vandaag.",
        [R("Noor", "2026-12-09")],
        "Nee. Noor ziek, woensdag 9 december."),
    seg("Mijn man heeft Noor al afgemeld toch? Staat ze nu niet twee keer?",
        [R("Noor", "2026-12-09")],
        "Nee, niets veranderen. Noor een keer ziek vandaag.")])

sc("fq-03-is-it-for-both", "followup-question", "2026-11-30T07:15:00", "ma", "ochtend", "E", "en",
   {"reason": ["sick"], "child": ["Emma and Oliver"]},
   [seg("Good morning, Emma and Oliver are both sick today.",
        days(["Emma", "Oliver"], ["2026-11-30"]),
        "No, Emma and Oliver are both sick today, Monday 30 November."),
    seg("Is it for both of them?",
        days(["Emma", "Oliver"], ["2026-11-30"]),
        "No, nothing needs to change, I was only asking.")])

sc("fq-04-allebei-twee-dagen", "followup-question", "2026-12-15T07:20:00", "di", "ochtend", "J", "nl",
   {"reason": ["ziek"], "child": ["Lucas en Mila"]},
   [seg("Lucas en Mila zijn ziek, ze blijven vandaag en morgen thuis.",
        days(["Lucas", "Mila"], ["2026-12-15", "2026-12-16"]),
        "Nee, Lucas en Mila zijn allebei ziek op dinsdag 15 en woensdag 16 december."),
    seg("Staat het nu voor allebei en voor twee dagen?",
        days(["Lucas", "Mila"], ["2026-12-15", "2026-12-16"]),
        "Nee, er hoeft niets te veranderen, het was alleen een vraag.")])

sc("fq-05-sami-vrijdag-erbij", "followup-question", "2026-12-17T07:10:00", "do", "ochtend", "K", "nl",
   {"reason": ["ziek"], "child": ["Sami"]},
   [seg("Sami is ziek, hij blijft vandaag en morgen thuis.",
        days(["Sami"], ["2026-12-17", "2026-12-18"]),
        "Nee, Sami is ziek op donderdag 17 en vrijdag 18 december."),
    seg("Staat vrijdag er nu ook bij? Dan hoef ik morgen niet nog een keer te appen.",
        days(["Sami"], ["2026-12-17", "2026-12-18"]),
        "Nee, er hoeft niets te veranderen, ik vroeg het alleen.")])

sc("fq-06-bibi-welke-tijd", "followup-question", "2026-11-23T07:15:00", "ma", "ochtend", "S", "nl",
   {"reason": ["huisarts"], "child": ["Bibi"], "time": ["om 12:45 uur, ze komt niet terug"]},
   [seg("Bibi heeft vanmiddag een afspraak bij de huisarts. Ik haal haar om 12:45 uur op en ze komt daarna niet meer terug.",
        [R("Bibi", "2026-11-23", "appointment", "12:45", None)],
        "Nee, Bibi gaat vandaag om 12:45 uur weg voor de huisarts en komt niet meer terug."),
    seg("Welke tijd heeft u nu genoteerd? Ik haal haar om kwart voor één op.",
        [R("Bibi", "2026-11-23", "appointment", "12:45", None)],
        "Nee, er hoeft niets te veranderen. Ik haal Bibi om 12:45 uur op, zoals ik al schreef.")])


# ---------------------------------------------------------------- extra two-child scenarios
sc("cd-07-emma-oliver-wedding-monday", "corr-day", "2026-12-09T19:30:00", "wo", "avond", "E", "en",
   {"reason": ["a family wedding"], "child": ["Emma and Oliver"]},
   [seg("Hi, Emma and Oliver won't be at school tomorrow, we're going to my sister's wedding in London.",
        days(["Emma", "Oliver"], ["2026-12-10"], "other"),
        "No, Emma and Oliver are both absent on Thursday 10 December for a family wedding."),
    seg("Sorry, I got the date wrong: the wedding trip is on Monday 14 December, not tomorrow. Tomorrow they are at school as usual.",
        days(["Emma", "Oliver"], ["2026-12-14"], "other"),
        "No, Emma and Oliver are absent on Monday 14 December, not on Thursday 10 December.")])

sc("ce-07-lucas-mila-rest-van-week", "corr-end", "2026-12-01T07:20:00", "di", "ochtend", "J", "nl",
   {"reason": ["ziek"], "child": ["Lucas en Mila"]},
   [seg("Goedemorgen, Lucas en Mila zijn ziek. Ze blijven de rest van deze week thuis, tot en met vrijdag.",
        days(["Lucas", "Mila"], ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]),
        "Nee, Lucas en Mila zijn allebei ziek van dinsdag 1 tot en met vrijdag 4 december."),
    seg("Het gaat snel beter. Ze blijven alleen vandaag en morgen thuis, donderdag gaan ze allebei weer naar school.",
        days(["Lucas", "Mila"], ["2026-12-01", "2026-12-02"]),
        "Nee, Lucas en Mila zijn alleen ziek op dinsdag 1 en woensdag 2 december.")])

sc("fq-07-sem-ook-goed", "followup-question", "2026-11-26T07:05:00", "do", "ochtend", "F", "nl",
   {"reason": ["ziek"], "child": ["Noor en Sem"]},
   [seg("Noor en Sem vandaag ziek.",
        days(["Noor", "Sem"], ["2026-11-26"]),
        "Nee. Noor en Sem allebei ziek, donderdag 26 november."),
    seg("Sem ook goed gemeld? Niet alleen Noor?",
        days(["Noor", "Sem"], ["2026-11-26"]),
        "Nee, niets veranderen. Ik vraag alleen.")])


# ---------------------------------------------------------------- checks + output
def school_day(d):
    s = d.isoformat()
    return d.weekday() < 5 and not any(a <= s <= b for a, b in HOLI)


def hours(d):
    return "08:30", ("12:30" if d.weekday() == 2 else "14:30")


def check(s):
    frm, kids = FAM[s["fam"]]
    now = dt.datetime.fromisoformat(s["now"])
    assert dt.date(2026, 11, 23) <= now.date() <= dt.date(2026, 12, 18), s["id"]
    assert WDN[now.weekday()] == s["wd"], (s["id"], "weekday")
    if s["part"] == "ochtend":
        assert dt.time(7, 0) <= now.time() <= dt.time(8, 20), (s["id"], "morning")
        assert school_day(now.date()), (s["id"], "morning not on school day")
    else:
        assert dt.time(18, 0) <= now.time() <= dt.time(22, 0), (s["id"], "evening")
        assert school_day(now.date() + dt.timedelta(days=1)), (s["id"], "evening not before school day")
    assert len(s["segs"]) >= 2, s["id"]
    assert s["lang"] in ("nl", "en") and (s["lang"] == "en") == (s["fam"] == "E"), s["id"]
    for g in s["segs"]:
        assert g["fixes"] and all(f.strip() for f in g["fixes"]), (s["id"], "fixes")
        keys = set()
        for r in g["expect"]:
            d = dt.date.fromisoformat(r["date"])
            assert school_day(d), (s["id"], r)
            assert d >= now.date(), (s["id"], "past date", r)
            assert r["child"] in kids, (s["id"], r)
            assert r["kind"] in ("sick", "appointment", "other"), (s["id"], r)
            st, en = hours(d)
            for t in (r["from"], r["until"]):
                if t is not None:
                    assert st < t < en, (s["id"], "time outside school hours", r)
            if r["from"] and r["until"]:
                assert r["from"] < r["until"], (s["id"], r)
            k = (r["child"], r["date"])
            assert k not in keys, (s["id"], "two rows for one child-day", r)
            keys.add(k)
    for g in s["groups"]:
        assert g in GROUPS, g


def two_children(s):
    return any(len({r["child"] for r in g["expect"]}) >= 2 for g in s["segs"])


def main():
    ids = set()
    out = []
    for s in SCEN:
        assert s["id"] not in ids, s["id"]
        ids.add(s["id"])
        check(s)
        frm, _ = FAM[s["fam"]]
        out.append({"id": s["id"], "groups": s["groups"], "now": s["now"], "from": frm, "lang": s["lang"],
                    "answers": s["answers"],
                    "script": [{"say": g["say"], "expect": g["expect"], "fixes": g["fixes"]} for g in s["segs"]],
                    "expected": s["segs"][-1]["expect"]})
    n = len(out)
    per = {g: sum(g in s["groups"] for s in SCEN) for g in GROUPS}
    two = sum(two_children(s) for s in SCEN)
    en = sum(s["lang"] == "en" for s in SCEN)
    assert n >= 44, n
    assert all(v >= 5 for v in per.values()), per
    assert two >= 20, two
    with open(os.path.join(HERE, "scenarios.jsonl"), "w") as f:
        for s in out:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    print(f"{n} scenarios; two children: {two}; English: {en} ({100 * en / n:.0f}%); "
          f"3 segments: {sum(len(s['segs']) == 3 for s in SCEN)}")
    for g in GROUPS:
        print(f"  {g:18s} {per[g]}")


if __name__ == "__main__":
    main()
