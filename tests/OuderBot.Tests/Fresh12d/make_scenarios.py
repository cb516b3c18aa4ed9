#!/usr/bin/env python3
"""Writes scenarios.jsonl (Fresh12d) and checks dates with Python datetime.

Every parent message below was written by hand. Expected rows were decided before any run, as a careful
school administrator of OBS De Driehoek would record them (see README.md for the rules used).
"""
import json, os, datetime as dt

HERE = os.path.dirname(os.path.abspath(__file__))
SA, LO, EM, FA, KA, JU = ("+31611111111", "+31622222222", "+31633333333", "+31644444444", "+31655555555", "+31666666666")
KIDS = {SA: {"Bibi"}, LO: {"Tim"}, EM: {"Emma", "Oliver"}, FA: {"Noor", "Sem"}, KA: {"Sami"}, JU: {"Lucas", "Mila"}}
LANG = {EM: "en"}
KINDS = {"sick", "appointment", "other"}
START = "08:30"; END = {0: "14:30", 1: "14:30", 2: "12:30", 3: "14:30", 4: "14:30"}
HOLI = [(dt.date(2026, 12, 11), dt.date(2026, 12, 11)), (dt.date(2026, 12, 19), dt.date(2027, 1, 3))]
WDN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

def school_day(d):
    return d.weekday() < 5 and not any(a <= d <= b for a, b in HOLI)

def R(child, date, kind, f=None, u=None):
    return {"child": child, "date": date, "kind": kind, "from": f, "until": u}

def G(say, expect, fixes=(), ok=()):
    g = {"say": say, "fixes": list(fixes), "expect": list(expect)}
    if ok: g["receipt_ok"] = list(ok)
    return g

SC = []
def S(id, groups, now, intend, frm, script, expected, answers=None, notes=""):
    SC.append(({"id": id, "groups": groups, "now": now, "from": frm, "lang": LANG.get(frm, "nl"), "script": script,
                "answers": answers or {}, "expected": expected, "notes": notes}, intend))

# ---------------------------------------------------------------- two children, same message
S("fa-both-koorts", ["two-kids", "both-sick"], "2026-11-09T07:20", "Mon am", FA,
  [G("Goedemorgen juf. Noor en Sem zijn ziek vandaag, allebei koorts.",
     [R("Noor", "2026-11-09", "sick"), R("Sem", "2026-11-09", "sick")],
     ["Nee. Noor en Sem allebei ziek, alleen vandaag."])],
  [R("Noor", "2026-11-09", "sick"), R("Sem", "2026-11-09", "sick")],
  {"reason": ["ziek"], "day": ["vandaag"]}, "both sick today, one message")

S("em-both-stomachbug", ["two-kids", "both-sick", "english", "no-ziek"], "2026-11-10T07:05", "Tue am", EM,
  [G("Morning! Emma and Oliver have both picked up a stomach bug, so they'll stay home today.",
     [R("Emma", "2026-11-10", "sick"), R("Oliver", "2026-11-10", "sick")],
     ["No, it's both of them, Emma and Oliver, just today. They're ill."])],
  [R("Emma", "2026-11-10", "sick"), R("Oliver", "2026-11-10", "sick")],
  {"reason": ["They're ill"], "day": ["today"]}, "stomach bug, no 'sick' word")

S("ju-own-reasons", ["two-kids", "own-reason", "appointment"], "2026-11-11T07:40", "Wed am", JU,
  [G("Hoi! Lucas is ziek, hij heeft erge keelpijn. En Mila moet om 10 uur naar de orthodontist, ik haal haar om 9.45 op en rond 11.00 is ze weer terug op school.",
     [R("Lucas", "2026-11-11", "sick"), R("Mila", "2026-11-11", "appointment", "09:45", "11:00")],
     ["Nee: Lucas is vandaag de hele dag ziek thuis. Mila heeft een afspraak bij de orthodontist, ze is weg van 9.45 tot 11.00."])],
  [R("Lucas", "2026-11-11", "sick"), R("Mila", "2026-11-11", "appointment", "09:45", "11:00")],
  {}, "each child its own reason; Mila away 09:45-11:00")

S("fa-sem-not-noor", ["two-kids", "one-not"], "2026-11-12T07:15", "Thu am", FA,
  [G("Sem is ziek. Vannacht veel overgegeven. Noor gaat wel gewoon naar school.",
     [R("Sem", "2026-11-12", "sick")],
     ["Nee, alleen Sem. Vandaag. Noor is op school."])],
  [R("Sem", "2026-11-12", "sick")],
  {"day": ["vandaag"], "child": ["Sem"]}, "only Sem; Noor explicitly goes")

S("em-oliver-not-emma", ["two-kids", "one-not", "english", "no-ziek"], "2026-11-13T07:30", "Fri am", EM,
  [G("Oliver has a temperature of 39 so I'm keeping him home today. Emma is fine and will be in as usual.",
     [R("Oliver", "2026-11-13", "sick")],
     ["No - only Oliver is off, today, because he's ill. Emma is coming in."])],
  [R("Oliver", "2026-11-13", "sick")],
  {"reason": ["he's ill"], "day": ["today"]}, "fever; Emma explicitly in")

# ---------------------------------------------------------------- "which child?" answered with both
S("fa-ze-allebei", ["two-kids", "both-answer", "no-ziek"], "2026-11-16T07:00", "Mon am", FA,
  [G("Goedemorgen. Vandaag niet naar school, ze hebben koorts.",
     [R("Noor", "2026-11-16", "sick"), R("Sem", "2026-11-16", "sick")],
     ["Nee. Noor en Sem. Allebei vandaag ziek."])],
  [R("Noor", "2026-11-16", "sick"), R("Sem", "2026-11-16", "sick")],
  {"child": ["allebei"], "reason": ["ziek"], "day": ["vandaag"]}, "no name given; answer 'allebei'")

S("ju-beide", ["two-kids", "both-answer", "no-ziek"], "2026-11-17T07:35", "Tue am", JU,
  [G("Hoi, vandaag blijven ze thuis, buikgriep 🙁",
     [R("Lucas", "2026-11-17", "sick"), R("Mila", "2026-11-17", "sick")],
     ["Nee, het gaat om Lucas en Mila allebei, vandaag, ze zijn ziek."])],
  [R("Lucas", "2026-11-17", "sick"), R("Mila", "2026-11-17", "sick")],
  {"child": ["beide"], "reason": ["ziek, buikgriep"], "day": ["vandaag"]}, "answer 'beide'")

S("em-both-answer", ["two-kids", "both-answer", "english"], "2026-11-18T07:10", "Wed am", EM,
  [G("Hi, sorry, staying home today with a nasty cold. Coughing all night.",
     [R("Emma", "2026-11-18", "sick"), R("Oliver", "2026-11-18", "sick")],
     ["No, it's Emma and Oliver, both of them, sick today."])],
  [R("Emma", "2026-11-18", "sick"), R("Oliver", "2026-11-18", "sick")],
  {"child": ["both"], "reason": ["sick"], "day": ["today"]}, "answer 'both'")

S("ju-de-kinderen-evening", ["two-kids", "both-answer", "evening"], "2026-11-22T20:45", "Sun pm", JU,
  [G("Goedenavond, morgen zijn ze er niet, ze zijn vanmiddag allebei flink ziek geworden.",
     [R("Lucas", "2026-11-23", "sick"), R("Mila", "2026-11-23", "sick")],
     ["Nee, Lucas en Mila zijn allebei ziek, maandag 23 november."])],
  [R("Lucas", "2026-11-23", "sick"), R("Mila", "2026-11-23", "sick")],
  {"child": ["de kinderen"], "reason": ["ziek"], "day": ["morgen"]}, "Sunday evening; answer 'de kinderen'")

S("fa-ziek-welk-beide", ["two-kids", "both-answer"], "2027-01-13T07:05", "Wed am", FA,
  [G("Goedemorgen juf, vandaag ziek thuis, hoesten en hoofdpijn",
     [R("Noor", "2027-01-13", "sick"), R("Sem", "2027-01-13", "sick")],
     ["Nee. Noor en Sem. Beide ziek. Vandaag."])],
  [R("Noor", "2027-01-13", "sick"), R("Sem", "2027-01-13", "sick")],
  {"child": ["beide kinderen"], "reason": ["ziek"], "day": ["vandaag"]}, "no child named; answer 'beide kinderen'")

# ---------------------------------------------------------------- follow-ups after the receipt
S("fa-followup-sem", ["two-kids", "follow-up"], "2026-11-24T07:25", "Tue am", FA,
  [G("Noor ziek vandaag, buikpijn.", [R("Noor", "2026-11-24", "sick")], ["Nee. Alleen Noor, vandaag ziek."]),
   G("Sem ook ziek. Ook buikpijn", [R("Sem", "2026-11-24", "sick")], ["Nee. Sem ook ziek vandaag."],
     [R("Noor", "2026-11-24", "sick")])],
  [R("Noor", "2026-11-24", "sick"), R("Sem", "2026-11-24", "sick")],
  {"reason": ["ziek"], "day": ["vandaag"]}, "Sem added after the receipt")

S("em-followup-oliver", ["two-kids", "follow-up", "english"], "2026-11-26T07:15", "Thu am", EM,
  [G("Emma won't be in today, she's been sick all night.", [R("Emma", "2026-11-26", "sick")],
     ["No, just Emma, today, she's sick."]),
   G("Sorry, forgot to say - Oliver is poorly as well, same bug. Please mark him off too.",
     [R("Oliver", "2026-11-26", "sick")], ["No, Oliver is sick today as well."], [R("Emma", "2026-11-26", "sick")])],
  [R("Emma", "2026-11-26", "sick"), R("Oliver", "2026-11-26", "sick")],
  {"reason": ["sick"], "day": ["today"]}, "Oliver added after receipt")

S("ju-followup-dentist", ["two-kids", "follow-up", "early", "appointment"], "2026-11-27T07:50", "Fri am", JU,
  [G("Mila is vandaag ziek, ze heeft koorts.", [R("Mila", "2026-11-27", "sick")],
     ["Nee, Mila is vandaag ziek. Verder niks."]),
   G("O ja, en Lucas moet vanmiddag naar de tandarts. Ik haal hem om 13.15 op, hij komt daarna niet meer terug.",
     [R("Lucas", "2026-11-27", "appointment", "13:15", None)],
     ["Nee: Lucas heeft vandaag een tandartsafspraak, hij gaat om 13.15 weg en komt niet terug."],
     [R("Mila", "2026-11-27", "sick")])],
  [R("Mila", "2026-11-27", "sick"), R("Lucas", "2026-11-27", "appointment", "13:15", None)],
  {"day": ["vandaag"]}, "follow-up for other child, leaving early")

S("em-followup-emma-too", ["two-kids", "follow-up", "english"], "2027-01-12T07:10", "Tue am", EM,
  [G("Oliver is off sick today with a migraine, he's still in bed.", [R("Oliver", "2027-01-12", "sick")],
     ["No, it's Oliver, sick today."]),
   G("And now Emma says she feels awful too, she's got a temperature. Can you put her down for today as well please?",
     [R("Emma", "2027-01-12", "sick")], ["No, Emma is sick today too."], [R("Oliver", "2027-01-12", "sick")])],
  [R("Oliver", "2027-01-12", "sick"), R("Emma", "2027-01-12", "sick")],
  {"reason": ["sick"], "day": ["today"]}, "Emma added after receipt")

S("ju-followup-evening", ["two-kids", "follow-up", "evening"], "2026-12-06T21:15", "Sun pm", JU,
  [G("Goedenavond, Lucas heeft net overgegeven en blijft morgen thuis.", [R("Lucas", "2026-12-07", "sick")],
     ["Nee, Lucas is maandag 7 december ziek."]),
   G("En Mila begint nu ook te spugen... die blijft morgen dus ook thuis.", [R("Mila", "2026-12-07", "sick")],
     ["Nee, Mila is ook ziek, maandag 7 december."], [R("Lucas", "2026-12-07", "sick")])],
  [R("Lucas", "2026-12-07", "sick"), R("Mila", "2026-12-07", "sick")],
  {"reason": ["ziek"], "day": ["morgen"]}, "Sunday evening, follow-up for Mila")

# ---------------------------------------------------------------- corrections after the receipt
S("fa-corr-day", ["correction"], "2026-11-30T07:10", "Mon am", FA,
  [G("Sem moet woensdag naar het ziekenhuis, de hele dag. Niet naar school.",
     [R("Sem", "2026-12-02", "appointment")], ["Nee. Woensdag 2 december. Sem ziekenhuis, hele dag."]),
   G("Sorry, fout. Niet woensdag. Donderdag is ziekenhuis.", [R("Sem", "2026-12-03", "appointment")],
     ["Nee. Sem donderdag 3 december ziekenhuis, hele dag. Woensdag gewoon school."],
     [R("Sem", "2026-12-02", "appointment")])],
  [R("Sem", "2026-12-03", "appointment")],
  {}, "day corrected Wed -> Thu")

S("ju-corr-child", ["two-kids", "correction"], "2026-12-01T07:30", "Tue am", JU,
  [G("Lucas is ziek vandaag.", [R("Lucas", "2026-12-01", "sick")], ["Nee, Lucas is vandaag ziek."]),
   G("Oeps, ik bedoel Mila! Sorry. Lucas is gewoon op school, Mila ligt met koorts in bed.",
     [R("Mila", "2026-12-01", "sick")], ["Nee, niet Lucas maar Mila is vandaag ziek."],
     [R("Lucas", "2026-12-01", "sick")])],
  [R("Mila", "2026-12-01", "sick")],
  {"day": ["vandaag"]}, "child corrected Lucas -> Mila")

S("em-corr-reason", ["correction", "english"], "2026-12-02T07:20", "Wed am", EM,
  [G("Oliver is sick today, he won't be in.", [R("Oliver", "2026-12-02", "sick")], ["No, Oliver is sick today."]),
   G("Actually, I'd rather be honest - he isn't ill. We have a family funeral today and he'll be with us all day.",
     [R("Oliver", "2026-12-02", "other")],
     ["No, he is not sick. Oliver is absent today for a different reason, a family funeral."],
     [R("Oliver", "2026-12-02", "sick")])],
  [R("Oliver", "2026-12-02", "other")],
  {"day": ["today"]}, "reason corrected sick -> other")

S("ju-second-corr", ["two-kids", "correction", "second-corr"], "2026-12-03T07:05", "Thu am", JU,
  [G("Mila is vrijdag niet op school, we gaan naar de uitvaart van haar oudtante.",
     [R("Mila", "2026-12-04", "other")], ["Nee, Mila is vrijdag 4 december afwezig, andere reden: een uitvaart."]),
   G("Wacht, ik zit fout: de uitvaart is pas maandag 7 december, niet vrijdag.",
     [R("Mila", "2026-12-07", "other")], ["Nee, niet vrijdag maar maandag 7 december, Mila, uitvaart."],
     [R("Mila", "2026-12-04", "other")]),
   G("Sorry, nog een fout van mij: Lucas gaat mee naar de uitvaart, niet Mila. Mila gaat maandag gewoon naar school.",
     [R("Lucas", "2026-12-07", "other")], ["Nee, Lucas is maandag 7 december afwezig voor de uitvaart. Mila niet."],
     [R("Mila", "2026-12-07", "other")])],
  [R("Lucas", "2026-12-07", "other")],
  {}, "day corrected, then child corrected")

S("ju-corr-day-both", ["two-kids", "correction"], "2026-12-07T07:30", "Mon am", JU,
  [G("Lucas en Mila zijn donderdag niet op school, we verhuizen die dag.",
     [R("Lucas", "2026-12-10", "other"), R("Mila", "2026-12-10", "other")],
     ["Nee, Lucas en Mila allebei donderdag 10 december afwezig, we verhuizen."]),
   G("Sorry, het is toch woensdag in plaats van donderdag, de verhuizer heeft het omgegooid.",
     [R("Lucas", "2026-12-09", "other"), R("Mila", "2026-12-09", "other")],
     ["Nee, allebei woensdag 9 december afwezig, donderdag zijn ze er gewoon."],
     [R("Lucas", "2026-12-10", "other"), R("Mila", "2026-12-10", "other")])],
  [R("Lucas", "2026-12-09", "other"), R("Mila", "2026-12-09", "other")],
  {}, "both children, day corrected Thu -> Wed")

S("fa-second-corr", ["two-kids", "correction", "second-corr"], "2026-12-01T07:20", "Tue am", FA,
  [G("Sem ziek vandaag.", [R("Sem", "2026-12-01", "sick")], ["Nee. Sem ziek vandaag."]),
   G("Sorry niet Sem. Noor is ziek.", [R("Noor", "2026-12-01", "sick")], ["Nee. Noor ziek vandaag, Sem niet."],
     [R("Sem", "2026-12-01", "sick")]),
   G("Sorry sorry. Sem is toch ook ziek, hij heeft ook koorts nu. Allebei thuis.",
     [R("Sem", "2026-12-01", "sick")], ["Nee. Sem ook ziek vandaag. Noor en Sem allebei."],
     [R("Noor", "2026-12-01", "sick")])],
  [R("Noor", "2026-12-01", "sick"), R("Sem", "2026-12-01", "sick")],
  {"day": ["vandaag"]}, "child corrected, then the other added back")

S("ka-corr-reason", ["correction", "appointment"], "2026-12-15T07:05", "Tue am", KA,
  [G("Sami is vandaag ziek.", [R("Sami", "2026-12-15", "sick")], ["Nee, Sami is vandaag ziek."]),
   G("Correctie: hij is eigenlijk niet ziek, hij heeft vandaag een MRI in het ziekenhuis en is de hele dag weg.",
     [R("Sami", "2026-12-15", "appointment")], ["Nee, niet ziek: Sami heeft vandaag een afspraak in het ziekenhuis, de hele dag."],
     [R("Sami", "2026-12-15", "sick")])],
  [R("Sami", "2026-12-15", "appointment")],
  {"day": ["vandaag"]}, "reason corrected sick -> appointment (whole day)")

S("em-second-corr", ["two-kids", "correction", "second-corr", "english", "appointment"], "2026-11-16T07:30", "Mon am", EM,
  [G("Emma won't be in on Wednesday, she has a hospital appointment in Rotterdam, it takes all day.",
     [R("Emma", "2026-11-18", "appointment")], ["No, Emma has a hospital appointment on Wednesday 18 November, all day."]),
   G("Sorry, my mistake, it's Thursday, not Wednesday.", [R("Emma", "2026-11-19", "appointment")],
     ["No, it's Thursday 19 November, not Wednesday."], [R("Emma", "2026-11-18", "appointment")]),
   G("And I got the child wrong as well, I'm so sorry - it's Oliver's appointment, not Emma's. Emma will be in school.",
     [R("Oliver", "2026-11-19", "appointment")], ["No, Oliver has the appointment on Thursday 19 November, all day. Not Emma."],
     [R("Emma", "2026-11-19", "appointment")])],
  [R("Oliver", "2026-11-19", "appointment")],
  {}, "day corrected, then child corrected")

S("lo-corr-day-after", ["correction", "range"], "2026-11-25T07:15", "Wed am", LO,
  [G("Tim is ziek vandaag en morgen, hij heeft griep.",
     [R("Tim", "2026-11-25", "sick"), R("Tim", "2026-11-26", "sick")], ["Nee, Tim is vandaag en morgen ziek."]),
   G("Ik heb net met de huisarts gebeld, hij moet tot en met vrijdag thuisblijven. Kan dat er nog bij?",
     [R("Tim", "2026-11-25", "sick"), R("Tim", "2026-11-26", "sick"), R("Tim", "2026-11-27", "sick")],
     ["Nee, Tim is ziek van woensdag 25 tot en met vrijdag 27 november."])],
  [R("Tim", "2026-11-25", "sick"), R("Tim", "2026-11-26", "sick"), R("Tim", "2026-11-27", "sick")],
  {"reason": ["ziek"]}, "extended to Friday after the receipt")

# ---------------------------------------------------------------- separate days, ranges
S("fa-wo-vr", ["days", "appointment"], "2026-12-14T07:40", "Mon am", FA,
  [G("Noor woensdag en vrijdag niet naar school. Zij moet naar ziekenhuis, voor haar oor.",
     [R("Noor", "2026-12-16", "appointment"), R("Noor", "2026-12-18", "appointment")],
     ["Nee. Noor woensdag 16 december en vrijdag 18 december ziekenhuis. Hele dag."])],
  [R("Noor", "2026-12-16", "appointment"), R("Noor", "2026-12-18", "appointment")],
  {"time": ["hele dag"]}, "two separate days")

S("ju-di-do-both", ["two-kids", "days"], "2026-11-09T07:55", "Mon am", JU,
  [G("Goedemorgen, Lucas en Mila zijn dinsdag en donderdag niet op school. Ze doen mee aan het NK schaken in Utrecht, daar hebben we vrij voor gekregen van de directeur.",
     [R("Lucas", "2026-11-10", "other"), R("Lucas", "2026-11-12", "other"),
      R("Mila", "2026-11-10", "other"), R("Mila", "2026-11-12", "other")],
     ["Nee, allebei dinsdag 10 en donderdag 12 november afwezig, andere reden (schaaktoernooi). Woensdag zijn ze er wel."])],
  [R("Lucas", "2026-11-10", "other"), R("Lucas", "2026-11-12", "other"),
   R("Mila", "2026-11-10", "other"), R("Mila", "2026-11-12", "other")],
  {"reason": ["andere reden, schaaktoernooi"]}, "two children, two separate days")

S("lo-tm", ["range", "no-ziek"], "2026-11-16T07:45", "Mon am", LO,
  [G("Tim heeft de waterpokken 😕 Hij blijft van vandaag t/m donderdag thuis.",
     [R("Tim", d, "sick") for d in ("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19")],
     ["Nee, Tim is ziek van maandag 16 tot en met donderdag 19 november."])],
  [R("Tim", d, "sick") for d in ("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19")],
  {"reason": ["ziek, waterpokken"]}, "t/m range Mon-Thu")

S("em-range-inclusive", ["range", "english", "doctor"], "2026-11-23T07:00", "Mon am", EM,
  [G("Emma has chickenpox. The GP says she should stay home up to and including Wednesday, she can go back on Thursday.",
     [R("Emma", d, "sick") for d in ("2026-11-23", "2026-11-24", "2026-11-25")],
     ["No, Emma is sick from Monday 23 up to and including Wednesday 25 November."])],
  [R("Emma", d, "sick") for d in ("2026-11-23", "2026-11-24", "2026-11-25")],
  {"reason": ["sick"]}, "range with GP mentioned")

S("fa-tem-both", ["two-kids", "range"], "2026-12-08T07:30", "Tue am", FA,
  [G("Noor en Sem tot en met donderdag niet naar school. Griep, allebei.",
     [R(k, d, "sick") for k in ("Noor", "Sem") for d in ("2026-12-08", "2026-12-09", "2026-12-10")],
     ["Nee. Noor en Sem ziek, dinsdag 8 tot en met donderdag 10 december."])],
  [R(k, d, "sick") for k in ("Noor", "Sem") for d in ("2026-12-08", "2026-12-09", "2026-12-10")],
  {"reason": ["ziek"]}, "both, today through Thursday")

S("ju-hele-week", ["range", "doctor"], "2026-11-30T07:20", "Mon am", JU,
  [G("Mila heeft longontsteking. De huisarts zegt dat ze de hele week thuis moet blijven.",
     [R("Mila", d, "sick") for d in ("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04")],
     ["Nee, Mila is ziek van maandag 30 november tot en met vrijdag 4 december."])],
  [R("Mila", d, "sick") for d in ("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04")],
  {"reason": ["ziek"]}, "'de hele week' said on Monday")

S("ka-rest-week-studiedag", ["range", "weekend-holi"], "2026-12-09T07:10", "Wed am", KA,
  [G("Sami heeft griep, hij blijft de rest van de week thuis.",
     [R("Sami", "2026-12-09", "sick"), R("Sami", "2026-12-10", "sick")],
     ["Nee, Sami is ziek op woensdag 9 en donderdag 10 december."])],
  [R("Sami", "2026-12-09", "sick"), R("Sami", "2026-12-10", "sick")],
  {"reason": ["ziek"]}, "rest of week; Fri 11 Dec is a study day")

S("em-both-until-friday", ["two-kids", "range", "english", "no-ziek"], "2027-01-06T07:25", "Wed am", EM,
  [G("Hi both kids have come down with flu over the holidays and aren't over it yet. The doctor said to keep them home until Friday, Friday included.",
     [R(k, d, "sick") for k in ("Emma", "Oliver") for d in ("2027-01-06", "2027-01-07", "2027-01-08")],
     ["No, Emma and Oliver are both sick from Wednesday 6 to Friday 8 January."])],
  [R(k, d, "sick") for k in ("Emma", "Oliver") for d in ("2027-01-06", "2027-01-07", "2027-01-08")],
  {"reason": ["sick"], "child": ["both"]}, "both kids today through Friday")

# ---------------------------------------------------------------- open-ended
S("lo-tot-beter", ["open-ended"], "2026-11-19T07:05", "Thu am", LO,
  [G("Tim is ziek, hij blijft thuis tot hij beter is. Ik laat het weten wanneer hij weer komt.",
     [R("Tim", "2026-11-19", "sick")], ["Nee, Tim is vandaag ziek, verder weet ik het nog niet."])],
  [R("Tim", "2026-11-19", "sick")],
  {"day": ["vandaag"]}, "until better, from today: today only")

S("ka-vanaf-morgen-avond", ["open-ended", "evening", "no-ziek"], "2026-11-29T21:10", "Sun pm", KA,
  [G("Sami heeft vanavond hoge koorts gekregen. Hij blijft vanaf morgen thuis tot hij weer beter is.",
     [R("Sami", "2026-11-30", "sick")], ["Nee, Sami is maandag 30 november ziek. Daarna zien we wel."])],
  [R("Sami", "2026-11-30", "sick")],
  {"reason": ["ziek"], "day": ["morgen"]}, "from tomorrow said the evening before: tomorrow only")

S("fa-sinds-maandag", ["open-ended", "past"], "2026-11-25T07:30", "Wed am", FA,
  [G("Sem is ziek sinds maandag. Nog steeds ziek. Vergeten te melden, sorry.",
     [R("Sem", d, "sick") for d in ("2026-11-23", "2026-11-24", "2026-11-25")],
     ["Nee. Sem ziek maandag 23, dinsdag 24 en woensdag 25 november."])],
  [R("Sem", d, "sick") for d in ("2026-11-23", "2026-11-24", "2026-11-25")],
  {}, "since Monday, still sick: Mon-today")

S("ju-both-tot-beter", ["two-kids", "open-ended"], "2027-01-14T07:15", "Thu am", JU,
  [G("Lucas en Mila hebben allebei de griep te pakken. Ze blijven thuis tot ze beter zijn.",
     [R("Lucas", "2027-01-14", "sick"), R("Mila", "2027-01-14", "sick")],
     ["Nee, Lucas en Mila zijn vandaag allebei ziek. Hoe lang weet ik nog niet."])],
  [R("Lucas", "2027-01-14", "sick"), R("Mila", "2027-01-14", "sick")],
  {"day": ["vandaag"]}, "both, until better: today only")

S("em-since-monday-en", ["open-ended", "past", "english", "two-kids", "one-not"], "2026-12-03T07:45", "Thu am", EM,
  [G("Hello, Emma has been off with tonsillitis since Monday and she's still not well enough for school. Sorry I didn't message earlier! Oliver is at school as normal.",
     [R("Emma", d, "sick") for d in ("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03")],
     ["No, Emma has been sick Monday 30 November to Thursday 3 December, today included."])],
  [R("Emma", d, "sick") for d in ("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03")],
  {"reason": ["sick"]}, "since Monday incl. today")

# ---------------------------------------------------------------- past days
S("lo-was-vrijdag", ["past"], "2026-12-07T07:35", "Mon am", LO,
  [G("Goedemorgen, ik ben vergeten door te geven dat Tim vrijdag ziek was. Vandaag is hij er gewoon weer.",
     [R("Tim", "2026-12-04", "sick")], ["Nee, Tim was vrijdag 4 december ziek. Vandaag is hij op school."])],
  [R("Tim", "2026-12-04", "sick")],
  {}, "past Friday recorded afterwards")

S("em-last-thursday", ["past", "english"], "2027-01-11T07:30", "Mon am", EM,
  [G("Hi, I never let you know that Oliver was off sick last Thursday, sorry! He's fine now.",
     [R("Oliver", "2027-01-07", "sick")], ["No, Oliver was sick on Thursday 7 January."])],
  [R("Oliver", "2027-01-07", "sick")],
  {}, "past Thursday")

S("ka-vorige-week-do", ["past"], "2026-11-17T07:50", "Tue am", KA,
  [G("Sami was vorige week donderdag ziek, dat had ik nog niet gemeld.",
     [R("Sami", "2026-11-12", "sick")], ["Nee, Sami was donderdag 12 november ziek."])],
  [R("Sami", "2026-11-12", "sick")],
  {}, "'vorige week donderdag'")

S("fa-gisteren-both", ["two-kids", "past"], "2027-01-12T07:20", "Tue am", FA,
  [G("Gisteren Noor en Sem niet op school geweest, ziek. Vandaag weer school.",
     [R("Noor", "2027-01-11", "sick"), R("Sem", "2027-01-11", "sick")],
     ["Nee. Noor en Sem maandag 11 januari ziek. Vandaag op school."])],
  [R("Noor", "2027-01-11", "sick"), R("Sem", "2027-01-11", "sick")],
  {}, "yesterday, both")

S("ju-gisteren-en-vandaag", ["two-kids", "past", "one-not"], "2026-11-20T07:10", "Fri am", JU,
  [G("Mila was gisteren al ziek en vandaag nog steeds, ze blijft thuis. Lucas gaat wel gewoon.",
     [R("Mila", "2026-11-19", "sick"), R("Mila", "2026-11-20", "sick")],
     ["Nee, alleen Mila: donderdag 19 en vrijdag 20 november ziek."])],
  [R("Mila", "2026-11-19", "sick"), R("Mila", "2026-11-20", "sick")],
  {}, "yesterday and today, Lucas not")

# ---------------------------------------------------------------- hedges
S("lo-hedge", ["hedge", "no-ziek"], "2026-11-24T07:00", "Tue am", LO,
  [G("Tim heeft buikgriep en blijft vandaag thuis. Morgen waarschijnlijk ook.",
     [R("Tim", "2026-11-24", "sick"), R("Tim", "2026-11-25", "sick")],
     ["Nee, Tim is vandaag en morgen ziek, dinsdag 24 en woensdag 25 november."])],
  [R("Tim", "2026-11-24", "sick"), R("Tim", "2026-11-25", "sick")],
  {"reason": ["ziek"]}, "hedge counts both days")

S("em-hedge-both", ["two-kids", "hedge", "english", "both-sick"], "2026-12-01T07:45", "Tue am", EM,
  [G("Emma and Oliver have both got the flu. They're off today and probably tomorrow too.",
     [R(k, d, "sick") for k in ("Emma", "Oliver") for d in ("2026-12-01", "2026-12-02")],
     ["No, both Emma and Oliver are sick today and tomorrow, 1 and 2 December."])],
  [R(k, d, "sick") for k in ("Emma", "Oliver") for d in ("2026-12-01", "2026-12-02")],
  {}, "hedge, both children")

S("fa-hedge-misschien", ["hedge"], "2026-12-17T07:05", "Thu am", FA,
  [G("Noor ziek vandaag. Morgen misschien ook, weet ik nog niet.",
     [R("Noor", "2026-12-17", "sick"), R("Noor", "2026-12-18", "sick")],
     ["Nee. Noor ziek donderdag 17 en vrijdag 18 december."])],
  [R("Noor", "2026-12-17", "sick"), R("Noor", "2026-12-18", "sick")],
  {}, "hedge 'misschien' before Christmas")

S("ka-hedge-evening", ["hedge", "evening", "no-ziek"], "2027-01-07T19:40", "Thu pm", KA,
  [G("Goedenavond, Sami is vanmiddag thuisgekomen met buikpijn en nu heeft hij ook diarree. Morgen blijft hij thuis en maandag waarschijnlijk ook nog.",
     [R("Sami", "2027-01-08", "sick"), R("Sami", "2027-01-11", "sick")],
     ["Nee, Sami is ziek op vrijdag 8 januari en maandag 11 januari."])],
  [R("Sami", "2027-01-08", "sick"), R("Sami", "2027-01-11", "sick")],
  {"reason": ["ziek"]}, "evening; tomorrow + hedged Monday")

# ---------------------------------------------------------------- dates as numbers
S("lo-datum-3-12", ["numbers", "appointment"], "2026-11-23T07:30", "Mon am", LO,
  [G("Tim heeft op 3/12 een afspraak in het ziekenhuis in Utrecht, hij is die dag de hele dag weg.",
     [R("Tim", "2026-12-03", "appointment")], ["Nee, Tim is donderdag 3 december de hele dag weg, ziekenhuis."])],
  [R("Tim", "2026-12-03", "appointment")],
  {"time": ["de hele dag"]}, "date as 3/12")

S("ju-numbers-both", ["two-kids", "numbers", "days"], "2026-12-02T07:25", "Wed am", JU,
  [G("Lucas en Mila zijn op 14-12 en 15-12 afwezig, we gaan naar de bruiloft van mijn broer in Spanje. Verlof is aangevraagd bij de directeur.",
     [R(k, d, "other") for k in ("Lucas", "Mila") for d in ("2026-12-14", "2026-12-15")],
     ["Nee, Lucas en Mila zijn maandag 14 en dinsdag 15 december afwezig, andere reden (bruiloft)."])],
  [R(k, d, "other") for k in ("Lucas", "Mila") for d in ("2026-12-14", "2026-12-15")],
  {"reason": ["andere reden, bruiloft"]}, "dates as 14-12 and 15-12")

S("ka-20-1-late", ["numbers", "late", "appointment", "doctor"], "2027-01-18T07:40", "Mon am", KA,
  [G("Sami moet op 20-1 om 9 uur naar de kinderarts. Ik breng hem daarna, rond 10.30 is hij op school.",
     [R("Sami", "2027-01-20", "appointment", None, "10:30")],
     ["Nee, Sami komt woensdag 20 januari later, om 10.30, hij heeft een afspraak bij de kinderarts."])],
  [R("Sami", "2027-01-20", "appointment", None, "10:30")],
  {"time": ["hij is er om 10.30"]}, "date 20-1, late arrival")

S("em-numbers-en", ["numbers", "english", "two-kids", "one-not"], "2026-11-10T07:50", "Tue am", EM,
  [G("Hi, just letting you know Emma has a hospital check-up on 17/11 and will miss the whole day. Oliver will be in school as usual.",
     [R("Emma", "2026-11-17", "appointment")], ["No, only Emma, Tuesday 17 November, hospital appointment, all day."])],
  [R("Emma", "2026-11-17", "appointment")],
  {"time": ["the whole day"]}, "date as 17/11")

# ---------------------------------------------------------------- typos in day words
S("lo-typo-morgn-vrydag", ["typo", "days"], "2026-11-11T07:15", "Wed am", LO,
  [G("Tim is morgn en vrydag er niet, hij gaat met zn vader mee naar een begrafenis in Groningen",
     [R("Tim", "2026-11-12", "other"), R("Tim", "2026-11-13", "other")],
     ["Nee, Tim is donderdag 12 en vrijdag 13 november afwezig, begrafenis."])],
  [R("Tim", "2026-11-12", "other"), R("Tim", "2026-11-13", "other")],
  {"reason": ["andere reden, begrafenis"]}, "typos 'morgn', 'vrydag'")

S("fa-typo-donderdach", ["typo", "late", "appointment"], "2027-01-06T07:30", "Wed am", FA,
  [G("Sem donderdach tandarts om 9 uur. Hij komt om 10 uur op school.",
     [R("Sem", "2027-01-07", "appointment", None, "10:00")],
     ["Nee. Sem donderdag 7 januari later, om 10 uur op school. Tandarts."])],
  [R("Sem", "2027-01-07", "appointment", None, "10:00")],
  {"time": ["10 uur"]}, "typo 'donderdach', late arrival")

S("em-typo-tomorow", ["typo", "english", "evening", "two-kids", "one-not", "no-ziek"], "2027-01-10T19:30", "Sun pm", EM,
  [G("Hi, Oliver has been throwing up this evening so he won't be in tomorow. Emma will be in.",
     [R("Oliver", "2027-01-11", "sick")], ["No, only Oliver, Monday 11 January, he's ill."])],
  [R("Oliver", "2027-01-11", "sick")],
  {"reason": ["he's ill"], "day": ["tomorrow"]}, "typo 'tomorow', Sunday evening")

S("ju-typo-dinsag", ["typo", "two-kids", "days"], "2027-01-04T07:05", "Mon am", JU,
  [G("Goedemorgen, Mila en Lucas zijn vandaag en dinsag ziek, ze hebben allebei keelontsteking.",
     [R(k, d, "sick") for k in ("Lucas", "Mila") for d in ("2027-01-04", "2027-01-05")],
     ["Nee, Lucas en Mila zijn allebei ziek op maandag 4 en dinsdag 5 januari."])],
  [R(k, d, "sick") for k in ("Lucas", "Mila") for d in ("2027-01-04", "2027-01-05")],
  {}, "typo 'dinsag'")

S("ka-typo-woensdg", ["typo", "early", "appointment"], "2026-11-16T07:10", "Mon am", KA,
  [G("Ik haal Sami woensdg om 11.15 op, hij moet naar de fysio. Daarna komt hij niet meer terug.",
     [R("Sami", "2026-11-18", "appointment", "11:15", None)],
     ["Nee, Sami gaat woensdag 18 november om 11.15 weg, afspraak bij de fysio."])],
  [R("Sami", "2026-11-18", "appointment", "11:15", None)],
  {"time": ["om 11.15, hij komt niet meer terug"]}, "typo 'woensdg', leaving early on a Wednesday")

# ---------------------------------------------------------------- weekend or holiday named next to a school day
S("ka-vr-za", ["weekend-holi"], "2026-11-19T07:25", "Thu am", KA,
  [G("Sami is vrijdag en zaterdag niet in Nederland, we vliegen vrijdagochtend vroeg naar Casablanca voor de bruiloft van mijn zus.",
     [R("Sami", "2026-11-20", "other")], ["Nee, Sami is vrijdag 20 november afwezig, andere reden: bruiloft."])],
  [R("Sami", "2026-11-20", "other")],
  {"reason": ["andere reden, bruiloft"]}, "Saturday not recorded")

S("ju-zo-ma", ["weekend-holi", "two-kids", "evening"], "2026-12-04T19:45", "Fri pm", JU,
  [G("Hoi, de kinderen zijn zondag en maandag in Zeeland voor de begrafenis van hun overgrootvader.",
     [R("Lucas", "2026-12-07", "other"), R("Mila", "2026-12-07", "other")],
     ["Nee, Lucas en Mila zijn maandag 7 december afwezig voor een begrafenis."])],
  [R("Lucas", "2026-12-07", "other"), R("Mila", "2026-12-07", "other")],
  {"child": ["allebei"], "reason": ["andere reden, begrafenis"]}, "Friday evening; Sunday not recorded")

S("lo-do-studiedag", ["weekend-holi"], "2026-12-09T07:20", "Wed am", LO,
  [G("Tim is morgen en vrijdag niet op school, hij gaat met zijn vader mee naar een familieweekend in België.",
     [R("Tim", "2026-12-10", "other")], ["Nee, Tim is donderdag 10 december afwezig, andere reden."])],
  [R("Tim", "2026-12-10", "other")],
  {"reason": ["andere reden, familieweekend"]}, "Fri 11 Dec is the study day")

S("em-xmas-monday", ["weekend-holi", "two-kids", "english"], "2026-12-16T07:40", "Wed am", EM,
  [G("Hi, we're flying back to the UK for Christmas early on Friday morning, so Emma and Oliver won't be in on Friday or on Monday.",
     [R("Emma", "2026-12-18", "other"), R("Oliver", "2026-12-18", "other")],
     ["No, Emma and Oliver are both absent on Friday 18 December, other reason (travelling)."])],
  [R("Emma", "2026-12-18", "other"), R("Oliver", "2026-12-18", "other")],
  {"reason": ["other reason, travelling"]}, "Mon 21 Dec is Christmas holiday")

S("ju-vlucht-geannuleerd", ["two-kids", "evening", "days"], "2027-01-03T20:00", "Sun pm", JU,
  [G("Goedenavond, wij zitten nog in Oostenrijk, onze vlucht is geannuleerd. Lucas en Mila zijn er morgen en dinsdag nog niet, woensdag zijn ze er weer.",
     [R(k, d, "other") for k in ("Lucas", "Mila") for d in ("2027-01-04", "2027-01-05")],
     ["Nee, Lucas en Mila zijn maandag 4 en dinsdag 5 januari afwezig, andere reden: vlucht geannuleerd."])],
  [R(k, d, "other") for k in ("Lucas", "Mila") for d in ("2027-01-04", "2027-01-05")],
  {"reason": ["andere reden, vlucht geannuleerd"]}, "Sunday evening at end of holiday")

S("sa-vr-zo-ziek", ["weekend-holi", "past", "no-ziek"], "2026-11-30T07:05", "Mon am", SA,
  [G("Bibi heeft van vrijdag tot en met zondag met koorts op de bank gelegen, vergeten door te geven. Vandaag gaat ze weer.",
     [R("Bibi", "2026-11-27", "sick")], ["Nee, Bibi was vrijdag 27 november ziek. Vandaag is ze op school."])],
  [R("Bibi", "2026-11-27", "sick")],
  {"reason": ["ziek"]}, "past range ending in weekend: only Friday")

# ---------------------------------------------------------------- illness words, doctor in a sickness message
S("sa-overgeven", ["no-ziek"], "2026-12-10T07:00", "Thu am", SA,
  [G("Bibi heeft vannacht drie keer overgegeven, ze blijft vandaag thuis.",
     [R("Bibi", "2026-12-10", "sick")], ["Nee, Bibi is vandaag ziek."])],
  [R("Bibi", "2026-12-10", "sick")],
  {"reason": ["ziek"]}, "overgeven")

S("sa-huisarts", ["doctor"], "2026-12-15T07:30", "Tue am", SA,
  [G("Bibi is ziek, ze heeft oorpijn en verhoging. Vanmiddag gaan we naar de huisarts.",
     [R("Bibi", "2026-12-15", "sick")], ["Nee, Bibi is vandaag de hele dag ziek thuis."])],
  [R("Bibi", "2026-12-15", "sick")],
  {"day": ["vandaag"]}, "GP mentioned, still a sick day")

S("fa-dokter-noor", ["doctor", "two-kids", "one-not"], "2027-01-15T07:10", "Fri am", FA,
  [G("Noor ziek, veel hoesten. Ik ga met haar naar dokter vandaag. Sem gaat wel school.",
     [R("Noor", "2027-01-15", "sick")], ["Nee. Alleen Noor ziek vandaag. Sem gaat naar school."])],
  [R("Noor", "2027-01-15", "sick")],
  {"reason": ["ziek"], "day": ["vandaag"]}, "doctor mentioned, Sem not")

S("em-gp-emma", ["doctor", "english", "two-kids", "one-not", "no-ziek"], "2026-12-10T07:20", "Thu am", EM,
  [G("Emma is poorly with a high temperature, I'm taking her to the GP this morning so she'll be at home today. Oliver is fine and coming in.",
     [R("Emma", "2026-12-10", "sick")], ["No, only Emma, sick today. Oliver is in school."])],
  [R("Emma", "2026-12-10", "sick")],
  {"reason": ["she's ill"], "day": ["today"]}, "GP visit inside sickness message")

S("lo-koorts-hoest", ["no-ziek", "doctor"], "2027-01-08T07:55", "Fri am", LO,
  [G("Tim heeft 39,5 koorts en hoest heel erg. We hebben om 11 uur een afspraak bij de huisarts maar hij gaat vandaag sowieso niet naar school.",
     [R("Tim", "2027-01-08", "sick")], ["Nee, Tim is vandaag de hele dag ziek thuis."])],
  [R("Tim", "2027-01-08", "sick")],
  {"reason": ["ziek"]}, "fever + GP appointment time, still a whole sick day")

S("fa-buikgriep-both", ["two-kids", "no-ziek", "both-sick"], "2026-11-27T07:35", "Fri am", FA,
  [G("Noor en Sem buikgriep. Thuis vandaag.",
     [R("Noor", "2026-11-27", "sick"), R("Sem", "2026-11-27", "sick")],
     ["Nee. Noor en Sem ziek. Vandaag."])],
  [R("Noor", "2026-11-27", "sick"), R("Sem", "2026-11-27", "sick")],
  {"reason": ["ziek"]}, "buikgriep, both")

# ---------------------------------------------------------------- late arrival, leaving early, appointments
S("lo-later-bloedprikken", ["late", "appointment"], "2026-11-20T07:45", "Fri am", LO,
  [G("Tim komt vandaag later, hij moet om 8.15 bloed laten prikken in het ziekenhuis. Rond 9.30 is hij op school.",
     [R("Tim", "2026-11-20", "appointment", None, "09:30")],
     ["Nee, Tim komt vandaag om 9.30, hij heeft een afspraak in het ziekenhuis."])],
  [R("Tim", "2026-11-20", "appointment", None, "09:30")],
  {"time": ["om half 10"]}, "late arrival until 09:30")

S("ka-later-misselijk", ["late", "no-ziek"], "2026-11-26T07:40", "Thu am", KA,
  [G("Sami was vannacht erg misselijk en heeft slecht geslapen. Hij slaapt nog even uit, ik breng hem om 10.30 naar school.",
     [R("Sami", "2026-11-26", "sick", None, "10:30")],
     ["Nee, Sami is vandaag ziek tot 10.30, dan breng ik hem naar school."])],
  [R("Sami", "2026-11-26", "sick", None, "10:30")],
  {"reason": ["ziek, misselijk"], "time": ["10.30"]}, "late arrival for sickness")

S("sa-fysio-1330", ["early", "appointment"], "2026-11-30T07:50", "Mon am", SA,
  [G("Bibi moet vanmiddag naar de fysiotherapeut, ik haal haar om 13.30 op en daarna gaan we naar huis.",
     [R("Bibi", "2026-11-30", "appointment", "13:30", None)],
     ["Nee, Bibi gaat vandaag om 13.30 weg voor de fysiotherapeut en komt niet meer terug."])],
  [R("Bibi", "2026-11-30", "appointment", "13:30", None)],
  {"time": ["13.30, ze komt niet terug"]}, "leaving early 13:30")

S("ju-mila-om-11", ["early", "two-kids", "one-not", "appointment"], "2027-01-13T07:15", "Wed am", JU,
  [G("Ik haal Mila vandaag om 11 uur op, ze moet naar de orthodontist. Lucas blijft gewoon tot het eind.",
     [R("Mila", "2027-01-13", "appointment", "11:00", None)],
     ["Nee, alleen Mila, vandaag vanaf 11.00 weg, orthodontist. Lucas blijft op school."])],
  [R("Mila", "2027-01-13", "appointment", "11:00", None)],
  {"time": ["11.00"]}, "leaving early on a Wednesday; Lucas not")

S("ka-tandarts-tussendoor", ["appointment"], "2026-12-04T07:30", "Fri am", KA,
  [G("Sami heeft om 10.30 een afspraak bij de tandarts. Ik haal hem om 10.15 op en breng hem rond 11.45 terug.",
     [R("Sami", "2026-12-04", "appointment", "10:15", "11:45")],
     ["Nee, Sami is vandaag weg van 10.15 tot 11.45, tandarts."])],
  [R("Sami", "2026-12-04", "appointment", "10:15", "11:45")],
  {"time": ["van 10.15 tot 11.45"]}, "appointment in the middle of the day")

S("em-eye-test", ["early", "english", "appointment"], "2026-12-14T07:25", "Mon am", EM,
  [G("Hi, Oliver has an eye test at the hospital at 1pm today. I'll pick him up at 12:30 and he won't come back afterwards.",
     [R("Oliver", "2026-12-14", "appointment", "12:30", None)],
     ["No, Oliver leaves at 12:30 today for a hospital appointment and won't be back."])],
  [R("Oliver", "2026-12-14", "appointment", "12:30", None)],
  {"time": ["12:30"]}, "leaving early 12:30")

S("fa-tandarts-both", ["two-kids", "appointment"], "2027-01-05T07:45", "Tue am", FA,
  [G("Noor en Sem morgen tandarts. Ik haal ze om 9.30 en breng om 10.30 terug.",
     [R("Noor", "2027-01-06", "appointment", "09:30", "10:30"), R("Sem", "2027-01-06", "appointment", "09:30", "10:30")],
     ["Nee. Noor en Sem woensdag 6 januari tandarts, weg van 9.30 tot 10.30."])],
  [R("Noor", "2027-01-06", "appointment", "09:30", "10:30"), R("Sem", "2027-01-06", "appointment", "09:30", "10:30")],
  {"time": ["9.30 tot 10.30"]}, "both, same appointment tomorrow")

S("ju-tandarts-eigen-tijd", ["two-kids", "appointment", "own-reason"], "2027-01-11T07:00", "Mon am", JU,
  [G("Lucas en Mila moeten vandaag allebei naar de tandarts. Lucas haal ik om 9.00 op, Mila om 9.30, en om 10.30 breng ik ze samen terug.",
     [R("Lucas", "2027-01-11", "appointment", "09:00", "10:30"), R("Mila", "2027-01-11", "appointment", "09:30", "10:30")],
     ["Nee: Lucas is weg van 9.00 tot 10.30 en Mila van 9.30 tot 10.30, allebei tandarts."])],
  [R("Lucas", "2027-01-11", "appointment", "09:00", "10:30"), R("Mila", "2027-01-11", "appointment", "09:30", "10:30")],
  {}, "each child its own leaving time")

S("em-own-reasons", ["two-kids", "own-reason", "english", "appointment", "no-ziek"], "2027-01-08T07:35", "Fri am", EM,
  [G("Emma's got an ear infection so she's staying home today. Oliver has an orthodontist appointment at 11 - I'll collect him at 10:45 and drop him back around 12:15.",
     [R("Emma", "2027-01-08", "sick"), R("Oliver", "2027-01-08", "appointment", "10:45", "12:15")],
     ["No: Emma is sick at home all day today. Oliver is out from 10:45 to 12:15 for the orthodontist."])],
  [R("Emma", "2027-01-08", "sick"), R("Oliver", "2027-01-08", "appointment", "10:45", "12:15")],
  {}, "one sick, one appointment")

S("fa-sem-ziek-noor-later", ["two-kids", "own-reason", "late", "appointment"], "2027-01-18T07:20", "Mon am", FA,
  [G("Sem ziek, blijft thuis. Noor komt later, zij moet om 8.30 naar ziekenhuis, om 10 uur is ze op school.",
     [R("Sem", "2027-01-18", "sick"), R("Noor", "2027-01-18", "appointment", None, "10:00")],
     ["Nee. Sem vandaag ziek, hele dag. Noor ziekenhuis, komt om 10 uur."])],
  [R("Sem", "2027-01-18", "sick"), R("Noor", "2027-01-18", "appointment", None, "10:00")],
  {}, "one sick, other late arrival")

S("em-late-both-en", ["two-kids", "late", "english"], "2026-11-12T07:55", "Thu am", EM,
  [G("Morning, our car won't start and we're waiting for the breakdown service. Emma and Oliver will be late, I expect to have them at school by 10 o'clock.",
     [R("Emma", "2026-11-12", "other", None, "10:00"), R("Oliver", "2026-11-12", "other", None, "10:00")],
     ["No, Emma and Oliver will both arrive at 10:00 today, other reason (car trouble)."])],
  [R("Emma", "2026-11-12", "other", None, "10:00"), R("Oliver", "2026-11-12", "other", None, "10:00")],
  {"reason": ["other reason, car broke down"], "time": ["10:00"]}, "both late, other reason")

S("ju-lucas-vroeg-weg", ["two-kids", "early", "one-not"], "2026-11-19T08:05", "Thu am", JU,
  [G("Lucas moet vandaag om 13.00 weg, hij speelt met zijn hockeyteam een toernooi en de bus vertrekt om kwart over één. Dit hebben we met meester Jeroen afgesproken. Mila blijft gewoon tot half drie.",
     [R("Lucas", "2026-11-19", "other", "13:00", None)],
     ["Nee, alleen Lucas, vandaag vanaf 13.00 weg, andere reden (hockeytoernooi)."])],
  [R("Lucas", "2026-11-19", "other", "13:00", None)],
  {"reason": ["andere reden, hockeytoernooi"], "time": ["13.00"]}, "leaving early, other reason; Mila not")

S("fa-evening-both-later", ["two-kids", "late", "evening", "appointment"], "2026-12-13T20:30", "Sun pm", FA,
  [G("Goedenavond. Morgen Noor en Sem later school. Afspraak bij GGD voor prik om 8.30, om 9.30 zijn ze op school.",
     [R("Noor", "2026-12-14", "appointment", None, "09:30"), R("Sem", "2026-12-14", "appointment", None, "09:30")],
     ["Nee. Noor en Sem maandag 14 december om 9.30 op school. Afspraak."])],
  [R("Noor", "2026-12-14", "appointment", None, "09:30"), R("Sem", "2026-12-14", "appointment", None, "09:30")],
  {"time": ["9.30"]}, "Sunday evening, both late")

# ---------------------------------------------------------------- checks + write
def tag_other():
    for s, _ in SC:
        if any(r["kind"] == "other" for r in s["expected"]) and "other-reason" not in s["groups"]:
            s["groups"].append("other-reason")

def check():
    ids = set()
    for s, intend in SC:
        assert s["id"] not in ids, s["id"]; ids.add(s["id"])
        now = dt.datetime.fromisoformat(s["now"])
        assert dt.datetime(2026, 11, 9) <= now <= dt.datetime(2027, 1, 18, 23, 59), s["id"]
        day, part = intend.split()
        assert WDN[now.weekday()] == day, (s["id"], "weekday", WDN[now.weekday()], intend)
        hm = now.strftime("%H:%M")
        if part == "am":
            assert school_day(now.date()) and "06:55" <= hm <= "08:10", (s["id"], "morning", hm)
        else:
            assert "18:00" <= hm <= "23:00", (s["id"], "evening", hm)
            nxt = now.date() + dt.timedelta(days=1)
            while not nxt.weekday() < 5: nxt += dt.timedelta(days=1)   # evening before the next weekday
            assert school_day(nxt), (s["id"], "evening before a school day", nxt)
        rows = list(s["expected"]) + [r for g in s["script"] for r in g["expect"] + g.get("receipt_ok", [])]
        for r in rows:
            d = dt.date.fromisoformat(r["date"])
            assert school_day(d), (s["id"], "not a school day", r)
            assert dt.date(2026, 11, 1) <= d <= dt.date(2027, 1, 31), (s["id"], r)
            assert r["child"] in KIDS[s["from"]], (s["id"], r)
            assert r["kind"] in KINDS, (s["id"], r)
            for t in (r["from"], r["until"]):
                if t: assert START < t < END[d.weekday()], (s["id"], "time outside school hours", r)
            if r["from"] and r["until"]: assert r["from"] < r["until"], (s["id"], r)
        keys = lambda rs: sorted((r["child"], r["date"]) for r in rs)
        assert len(keys(s["expected"])) == len(set(keys(s["expected"]))), (s["id"], "duplicate row")
        assert s["script"] and all(g["say"].strip() and g["fixes"] for g in s["script"]), s["id"]
        assert set(s["answers"]) <= {"reason", "child", "day", "time"}, s["id"]
    return len(SC)

if __name__ == "__main__":
    tag_other(); n = check()
    with open(os.path.join(HERE, "scenarios.jsonl"), "w") as f:
        for s, _ in SC: f.write(json.dumps(s, ensure_ascii=False) + "\n")
    two = sum(1 for s, _ in SC if "two-kids" in s["groups"])
    groups = {}
    for s, _ in SC:
        for g in s["groups"]: groups[g] = groups.get(g, 0) + 1
    print(f"{n} scenarios written ({two} with two children)")
    for g in sorted(groups): print(f"  {g:12s} {groups[g]}")
