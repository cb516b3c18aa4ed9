#!/usr/bin/env python3
"""Hand-written fresh absence conversations for OuderBot (brief W12E). Every message below is typed by hand.
Writes scenarios.jsonl in the harness format and checks: school days, family membership, `now` weekday and part of
day, kinds, times inside school hours, group counts."""
import json, datetime as dt, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FAMILY = {"+31644444444": ["Noor", "Sem"], "+31633333333": ["Emma", "Oliver"], "+31666666666": ["Lucas", "Mila"],
          "+31655555555": ["Sami"], "+31622222222": ["Tim"], "+31611111111": ["Bibi"]}
SANNE, LOTTE, EMILY, FATMA, KARIM, JULIA = ("+31611111111", "+31622222222", "+31633333333", "+31644444444",
                                            "+31655555555", "+31666666666")
HOLI = [("2026-12-11", "2026-12-11"), ("2026-12-19", "2027-01-03")]
END = {0: "14:30", 1: "14:30", 2: "12:30", 3: "14:30", 4: "14:30"}
WDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def school_day(s):
    d = dt.date.fromisoformat(s)
    return d.weekday() < 5 and not any(a <= s <= b for a, b in HOLI)


def R(child, date, kind, frm=None, until=None):
    return {"child": child, "date": date, "kind": kind, "from": frm, "until": until}


def rows(children, dates, kind, frm=None, until=None):
    return [R(c, d, kind, frm, until) for c in children for d in dates]


SC = []


def S(id, groups, now, frm, lang, wd, part, script, expected, answers=None, notes=""):
    SC.append(dict(id=id, groups=groups, now=now, **{"from": frm}, lang=lang, script=script,
                   answers=answers or {}, expected=expected, notes=notes, messages=[], _wd=wd, _part=part))


def seg(say, fixes, expect=None, receipt_ok=None):
    d = {"say": say, "fixes": fixes}
    if expect is not None: d["expect"] = expect
    if receipt_ok: d["receipt_ok"] = receipt_ok
    return d


NS, JL, EO = ["Noor", "Sem"], ["Lucas", "Mila"], ["Emma", "Oliver"]

# ---------------- two children sick in one message ----------------
S("two-sick-buikgriep", ["two-sick"], "2026-11-16T07:40:00", FATMA, "nl", "Mon", "morning",
  [seg("Noor en Sem zijn ziek. Buikgriep.", ["Nee. Noor en Sem allebei ziek vandaag."])],
  rows(NS, ["2026-11-16"], "sick"))
S("two-sick-koorts", ["two-sick"], "2026-11-17T07:50:00", JULIA, "nl", "Tue", "morning",
  [seg("Goedemorgen, Lucas en Mila hebben allebei koorts en blijven vandaag thuis.",
       ["Nee, Lucas en Mila zijn vandaag allebei ziek. Alleen vandaag."])],
  rows(JL, ["2026-11-17"], "sick"))
S("two-sick-en-stomach", ["two-sick", "english"], "2026-11-18T07:30:00", EMILY, "en", "Wed", "morning",
  [seg("Hi, Emma and Oliver both have a stomach bug and will stay home today.",
       ["No, Emma and Oliver are both sick today, only today."])],
  rows(EO, ["2026-11-18"], "sick"))
S("two-sick-waterpokken-tm", ["two-sick", "range"], "2026-11-23T07:40:00", JULIA, "nl", "Mon", "morning",
  [seg("Lucas en Mila hebben de waterpokken. Ze blijven thuis t/m woensdag.",
       ["Nee, Lucas en Mila zijn ziek van maandag tot en met woensdag."])],
  rows(JL, ["2026-11-23", "2026-11-24", "2026-11-25"], "sick"))
S("two-sick-doctor-inside", ["two-sick", "doctor-inside"], "2026-12-15T07:35:00", FATMA, "nl", "Tue", "morning",
  [seg("Noor en Sem ziek. Keelpijn. Om 10 uur gaan we naar de dokter.",
       ["Nee. Noor en Sem zijn de hele dag ziek vandaag. Geen afspraak, ze zijn ziek."])],
  rows(NS, ["2026-12-15"], "sick"), notes="doctor visit inside a sickness message: whole sick day")

# ---------------- each child its own reason or time ----------------
S("own-reason-ziek-tandarts", ["own-reason", "appointment"], "2026-11-19T07:45:00", FATMA, "nl", "Thu", "morning",
  [seg("Noor is ziek. Sem heeft om 11 uur de tandarts, hij is om 12 uur weer op school.",
       ["Nee. Noor ziek vandaag, hele dag. Sem tandarts van 11 tot 12 uur."])],
  [R("Noor", "2026-11-19", "sick"), R("Sem", "2026-11-19", "appointment", "11:00", "12:00")])
S("own-reason-keelpijn-orthodontist", ["own-reason", "appointment", "early"], "2026-11-23T07:35:00", JULIA, "nl",
  "Mon", "morning",
  [seg("Mila heeft keelpijn en blijft vandaag thuis. Lucas moet om 13:00 naar de orthodontist en komt daarna niet meer terug.",
       ["Nee, Mila is vandaag de hele dag ziek. Lucas heeft vandaag een afspraak bij de orthodontist vanaf 13:00 en komt niet terug."])],
  [R("Mila", "2026-11-23", "sick"), R("Lucas", "2026-11-23", "appointment", "13:00", None)])
S("own-times-two-appointments", ["own-reason", "appointment"], "2026-12-10T07:30:00", JULIA, "nl", "Thu", "morning",
  [seg("Lucas moet om 10:00 naar de huisarts en is om 11:30 terug op school. Mila heeft om 13:15 de tandarts en gaat daarna naar huis.",
       ["Nee. Lucas heeft een afspraak van 10:00 tot 11:30. Mila heeft een afspraak vanaf 13:15 en komt niet terug."])],
  [R("Lucas", "2026-12-10", "appointment", "10:00", "11:30"), R("Mila", "2026-12-10", "appointment", "13:15", None)])
S("own-reason-en-sick-late", ["own-reason", "late", "english"], "2026-12-07T07:40:00", EMILY, "en", "Mon", "morning",
  [seg("Emma is sick today. Oliver will be late, he has a doctor's appointment and will arrive at 10:00.",
       ["No. Emma is sick all day today. Oliver has a doctor's appointment and arrives at 10:00."])],
  [R("Emma", "2026-12-07", "sick"), R("Oliver", "2026-12-07", "appointment", None, "10:00")])

# ---------------- "allebei"/"beide"/"de kinderen"/"both" as the answer to which child ----------------
S("both-answer-allebei", ["both-answer"], "2026-11-24T07:40:00", JULIA, "nl", "Tue", "morning",
  [seg("Vandaag ziek thuis, griep.", ["Nee, Lucas en Mila zijn allebei vandaag ziek."])],
  rows(JL, ["2026-11-24"], "sick"), answers={"child": ["allebei"]})
S("both-answer-beide", ["both-answer"], "2026-11-25T07:30:00", FATMA, "nl", "Wed", "morning",
  [seg("Vandaag niet naar school. Ziek.", ["Nee. Noor en Sem allebei ziek vandaag."])],
  rows(NS, ["2026-11-25"], "sick"), answers={"child": ["beide"]})
S("both-answer-en-both", ["both-answer", "english"], "2026-11-26T07:40:00", EMILY, "en", "Thu", "morning",
  [seg("Not coming in today, high temperature.", ["No, Emma and Oliver are both sick today."])],
  rows(EO, ["2026-11-26"], "sick"), answers={"child": ["both"]})
S("both-answer-de-kinderen", ["both-answer"], "2026-11-27T07:45:00", JULIA, "nl", "Fri", "morning",
  [seg("Vandaag thuis met koorts en verkoudheid.", ["Nee, Lucas en Mila zijn vandaag allebei ziek."])],
  rows(JL, ["2026-11-27"], "sick"), answers={"child": ["de kinderen"]})

# ---------------- one child away, the other explicitly not ----------------
S("one-not-sem", ["one-not"], "2026-11-30T07:40:00", FATMA, "nl", "Mon", "morning",
  [seg("Sem is ziek. Noor komt wel naar school.", ["Nee. Alleen Sem ziek vandaag. Noor komt wel."])],
  [R("Sem", "2026-11-30", "sick")])
S("one-not-en-oliver", ["one-not", "english"], "2026-12-01T07:35:00", EMILY, "en", "Tue", "morning",
  [seg("Oliver has an ear infection and stays home today. Emma is fine and will come to school.",
       ["No, only Oliver is sick today. Emma is at school."])],
  [R("Oliver", "2026-12-01", "sick")])
S("one-not-lucas", ["one-not"], "2026-12-02T07:30:00", JULIA, "nl", "Wed", "morning",
  [seg("Lucas is misselijk en blijft vandaag thuis, Mila gaat gewoon naar school.",
       ["Nee, alleen Lucas is vandaag ziek. Mila is op school."])],
  [R("Lucas", "2026-12-02", "sick")])

# ---------------- separate days ----------------
S("separate-days-ziekenhuis", ["separate-days", "appointment"], "2026-11-16T07:55:00", FATMA, "nl", "Mon", "morning",
  [seg("Noor en Sem moeten woensdag en vrijdag de hele dag naar het ziekenhuis in Utrecht voor onderzoek.",
       ["Nee. Noor en Sem woensdag 18 november en vrijdag 20 november hele dag ziekenhuis."])],
  rows(NS, ["2026-11-18", "2026-11-20"], "appointment"))
S("separate-days-en-hospital", ["separate-days", "appointment", "english"], "2026-12-14T07:50:00", EMILY, "en", "Mon",
  "morning",
  [seg("Emma and Oliver will be absent on Tuesday and Thursday, they have hospital appointments that take all day.",
       ["No, Emma and Oliver have a hospital appointment all day on Tuesday 15 December and Thursday 17 December."])],
  rows(EO, ["2026-12-15", "2026-12-17"], "appointment"))
S("separate-days-sami-ma-wo", ["separate-days", "appointment"], "2026-11-27T16:00:00", KARIM, "nl", "Fri", "afternoon",
  [seg("Sami heeft maandag en woensdag de hele dag een afspraak bij het revalidatiecentrum.",
       ["Nee, Sami heeft maandag 30 november en woensdag 2 december de hele dag een afspraak."])],
  [R("Sami", "2026-11-30", "appointment"), R("Sami", "2026-12-02", "appointment")])

# ---------------- ranges ----------------
S("range-tot-en-met-sem", ["range"], "2026-11-24T07:45:00", FATMA, "nl", "Tue", "morning",
  [seg("Sem heeft griep. Thuis tot en met vrijdag.", ["Nee. Sem ziek van dinsdag tot en met vrijdag."])],
  [R("Sem", d, "sick") for d in ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]])
S("range-en-up-to-incl", ["range", "two-sick", "english"], "2026-11-30T07:30:00", EMILY, "en", "Mon", "morning",
  [seg("Emma and Oliver have the flu, they will stay home up to and including Wednesday.",
       ["No, Emma and Oliver are sick from Monday up to and including Wednesday."])],
  rows(EO, ["2026-11-30", "2026-12-01", "2026-12-02"], "sick"))
S("range-hele-week-studiedag", ["range", "doctor-inside"], "2026-12-07T07:40:00", JULIA, "nl", "Mon", "morning",
  [seg("Mila heeft bronchitis. De dokter zegt dat ze de hele week thuis moet blijven.",
       ["Nee, Mila is ziek van maandag 7 tot en met donderdag 10 december. Vrijdag is er geen school."])],
  [R("Mila", d, "sick") for d in ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"]],
  notes="hele week: Friday 11 Dec is a study day, left out")
S("range-rest-van-de-week", ["range"], "2026-12-16T07:45:00", KARIM, "nl", "Wed", "morning",
  [seg("Sami is erg verkouden en blijft de rest van de week thuis.",
       ["Nee, Sami is ziek van woensdag tot en met vrijdag."])],
  [R("Sami", d, "sick") for d in ["2026-12-16", "2026-12-17", "2026-12-18"]])
S("range-two-hele-week", ["range", "two-sick"], "2026-11-16T07:35:00", JULIA, "nl", "Mon", "morning",
  [seg("Lucas en Mila hebben kinkhoest, ze blijven de hele week thuis.",
       ["Nee, Lucas en Mila zijn allebei ziek van maandag tot en met vrijdag."])],
  rows(JL, ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"], "sick"))
S("range-en-weekend-named", ["range", "two-sick", "english"], "2026-12-04T07:40:00", EMILY, "en", "Fri", "morning",
  [seg("Emma and Oliver have chickenpox. They will be home Friday through Monday.",
       ["No, Emma and Oliver are sick today, Friday 4 December, and Monday 7 December."])],
  rows(EO, ["2026-12-04", "2026-12-07"], "sick"), notes="weekend inside the range left out")
S("range-numbers-marokko", ["range", "planned-other", "numeric-date"], "2026-12-07T15:00:00", KARIM, "nl", "Mon",
  "afternoon",
  [seg("Sami is van 14 t/m 22 december afwezig. We gaan naar familie in Marokko voor de bruiloft van mijn broer.",
       ["Nee, Sami is afwezig van maandag 14 tot en met vrijdag 18 december. Daarna is het vakantie."])],
  [R("Sami", d, "other") for d in ["2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18"]],
  answers={"reason": ["bruiloft in Marokko"]}, notes="holiday days named next to school days left out")

# ---------------- past days reported afterwards ----------------
S("past-ma-di", ["past", "two-sick"], "2026-11-18T08:10:00", FATMA, "nl", "Wed", "morning",
  [seg("Noor en Sem waren maandag en dinsdag ziek. Vergeten te melden. Vandaag zijn ze weer op school.",
       ["Nee. Noor en Sem ziek op maandag 16 en dinsdag 17 november."])],
  rows(NS, ["2026-11-16", "2026-11-17"], "sick"))
S("past-en-yesterday", ["past", "one-not", "english"], "2026-11-24T08:00:00", EMILY, "en", "Tue", "morning",
  [seg("Sorry, I forgot to let you know that Oliver was sick yesterday. He is back today, and Emma was at school as usual.",
       ["No, Oliver was sick on Monday 23 November. Only that day."])],
  [R("Oliver", "2026-11-23", "sick")])
S("past-sinds-maandag", ["past", "two-sick", "range"], "2026-11-26T07:40:00", JULIA, "nl", "Thu", "morning",
  [seg("Lucas en Mila zijn sinds maandag ziek en ze zijn nog steeds niet beter.",
       ["Nee, Lucas en Mila zijn allebei ziek van maandag 23 tot en met donderdag 26 november."])],
  rows(JL, ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"], "sick"))
S("past-gisteren-tim", ["past"], "2026-12-08T12:00:00", LOTTE, "nl", "Tue", "midday",
  [seg("Tim was gisteren ziek thuis, ik had het nog niet doorgegeven. Vandaag is hij er weer.",
       ["Nee, Tim was ziek op maandag 7 december. Alleen die dag."])],
  [R("Tim", "2026-12-07", "sick")])

# ---------------- open-ended ----------------
S("open-tot-hij-beter-is", ["open-ended"], "2026-11-17T07:30:00", KARIM, "nl", "Tue", "morning",
  [seg("Sami heeft griep, hij blijft thuis tot hij beter is.", ["Nee, Sami is vandaag ziek."])],
  [R("Sami", "2026-11-17", "sick")], notes="open-ended from today = today only")
S("open-two-tot-beter", ["open-ended", "two-sick"], "2026-12-10T07:40:00", FATMA, "nl", "Thu", "morning",
  [seg("Noor en Sem ziek. Hoesten veel. Thuis tot ze beter zijn.", ["Nee. Noor en Sem vandaag ziek."])],
  rows(NS, ["2026-12-10"], "sick"))
S("open-vanaf-morgen-evening", ["open-ended", "evening", "two-sick"], "2026-11-30T20:15:00", JULIA, "nl", "Mon",
  "evening",
  [seg("Lucas en Mila hebben vanavond koorts gekregen. Vanaf morgen blijven ze thuis tot ze beter zijn.",
       ["Nee, Lucas en Mila zijn morgen, dinsdag 1 december, ziek."])],
  rows(JL, ["2026-12-01"], "sick"), notes="vanaf morgen said the evening before = that next day only")
S("open-en-from-tomorrow", ["open-ended", "evening", "english"], "2026-12-13T19:30:00", EMILY, "en", "Sun", "evening",
  [seg("Oliver is coughing a lot. He will stay home from tomorrow until he feels better.",
       ["No, Oliver is sick tomorrow, Monday 14 December."])],
  [R("Oliver", "2026-12-14", "sick")])

# ---------------- hedges ----------------
S("hedge-noor-morgen-ook", ["hedge"], "2026-12-01T07:40:00", FATMA, "nl", "Tue", "morning",
  [seg("Noor ziek vandaag. Morgen waarschijnlijk ook.", ["Nee. Noor ziek dinsdag en woensdag."])],
  [R("Noor", "2026-12-01", "sick"), R("Noor", "2026-12-02", "sick")], notes="hedge counts both days")
S("hedge-en-probably-tomorrow", ["hedge", "two-sick", "english"], "2026-12-09T07:35:00", EMILY, "en", "Wed", "morning",
  [seg("Emma and Oliver have a bad cold. Home today and probably tomorrow too.",
       ["No, Emma and Oliver are sick on Wednesday 9 and Thursday 10 December."])],
  rows(EO, ["2026-12-09", "2026-12-10"], "sick"))
S("hedge-two-denk-ik", ["hedge", "two-sick"], "2026-11-19T07:40:00", JULIA, "nl", "Thu", "morning",
  [seg("Lucas en Mila hebben oorontsteking. Vandaag thuis en morgen waarschijnlijk ook nog.",
       ["Nee, Lucas en Mila zijn ziek op donderdag en vrijdag."])],
  rows(JL, ["2026-11-19", "2026-11-20"], "sick"))

# ---------------- late arrival / leaving early / appointments with times ----------------
S("late-two-huisarts", ["late", "appointment"], "2026-11-17T07:45:00", JULIA, "nl", "Tue", "morning",
  [seg("Lucas en Mila hebben vanochtend een controle bij de huisarts en komen om 10:30 op school.",
       ["Nee, Lucas en Mila hebben een afspraak en komen vandaag om 10:30 op school."])],
  rows(JL, ["2026-11-17"], "appointment", None, "10:30"))
S("late-tim-bloedprikken", ["late", "appointment"], "2026-11-19T07:50:00", LOTTE, "nl", "Thu", "morning",
  [seg("Tim komt vandaag later, om 10 uur. Hij moet eerst bloed laten prikken in het ziekenhuis.",
       ["Nee, Tim heeft vandaag een afspraak in het ziekenhuis en komt om 10:00 op school."])],
  [R("Tim", "2026-11-19", "appointment", None, "10:00")])
S("early-two-tandarts", ["early", "appointment"], "2026-11-20T07:40:00", FATMA, "nl", "Fri", "morning",
  [seg("Noor en Sem worden om 13:00 opgehaald. Ze gaan naar de tandarts. Daarna naar huis.",
       ["Nee. Noor en Sem tandarts vandaag vanaf 13:00. Niet terug."])],
  rows(NS, ["2026-11-20"], "appointment", "13:00", None))
S("early-en-wednesday-dentist", ["early", "appointment", "english"], "2026-11-25T07:45:00", EMILY, "en", "Wed",
  "morning",
  [seg("I'm picking up Emma and Oliver at 11:00 today, they both have a dentist appointment. They won't come back to school after.",
       ["No, Emma and Oliver have a dentist appointment today from 11:00 and will not come back."])],
  rows(EO, ["2026-11-25"], "appointment", "11:00", None))
S("appointment-tim-logopedie", ["appointment"], "2026-11-16T07:30:00", LOTTE, "nl", "Mon", "morning",
  [seg("Tim heeft vandaag van 9:30 tot 11:00 een afspraak bij de logopedist buiten school.",
       ["Nee, Tim heeft vandaag een afspraak van 09:30 tot 11:00."])],
  [R("Tim", "2026-11-16", "appointment", "09:30", "11:00")])
S("appointment-two-tandarts-times", ["appointment"], "2026-12-02T07:40:00", JULIA, "nl", "Wed", "morning",
  [seg("Lucas en Mila moeten vanochtend om 9 uur naar de tandarts. Ze zijn om 10:15 weer terug op school.",
       ["Nee, Lucas en Mila hebben vandaag een afspraak van 09:00 tot 10:15."])],
  rows(JL, ["2026-12-02"], "appointment", "09:00", "10:15"))
S("early-sami-time-question", ["early", "appointment"], "2026-12-14T07:45:00", KARIM, "nl", "Mon", "morning",
  [seg("Sami moet vandaag eerder weg voor de tandarts.",
       ["Nee, Sami heeft vandaag een afspraak bij de tandarts vanaf 13:30 en komt niet terug."])],
  [R("Sami", "2026-12-14", "appointment", "13:30", None)], answers={"time": ["om 13:30, hij komt daarna niet terug"]})
S("early-en-flight-and-tomorrow", ["early", "planned-other", "english"], "2026-12-17T07:50:00", EMILY, "en", "Thu",
  "morning",
  [seg("Emma needs to leave at 12:00 today, we are flying to Scotland to visit family. She will also be absent tomorrow. Oliver stays at school today and tomorrow.",
       ["No, Emma leaves at 12:00 today, Thursday 17 December, and is absent all day on Friday 18 December. Family visit, not sick."])],
  [R("Emma", "2026-12-17", "other", "12:00", None), R("Emma", "2026-12-18", "other")],
  answers={"reason": ["family visit in Scotland"]})
S("doctor-inside-tim", ["doctor-inside"], "2026-11-25T07:40:00", LOTTE, "nl", "Wed", "morning",
  [seg("Tim is ziek, hij heeft hoge koorts. Vanochtend om 10 uur gaan we naar de huisarts.",
       ["Nee, Tim is vandaag de hele dag ziek."])],
  [R("Tim", "2026-11-25", "sick")])

# ---------------- typos in day words ----------------
S("typo-dinsdga", ["typo", "two-sick"], "2026-11-23T07:50:00", FATMA, "nl", "Mon", "morning",
  [seg("Noor en Sem ziek. Vandaag en dinsdga.", ["Nee. Noor en Sem ziek maandag en dinsdag."])],
  rows(NS, ["2026-11-23", "2026-11-24"], "sick"))
S("typo-donderdga-sami", ["typo", "range"], "2026-12-08T07:45:00", KARIM, "nl", "Tue", "morning",
  [seg("Sami is ziek, hij blijft thuis tot en met donderdga.",
       ["Nee, Sami is ziek van dinsdag tot en met donderdag."])],
  [R("Sami", d, "sick") for d in ["2026-12-08", "2026-12-09", "2026-12-10"]])
S("typo-vrijdga-begrafenis-evening", ["typo", "planned-other", "evening"], "2026-11-26T19:00:00", JULIA, "nl", "Thu",
  "evening",
  [seg("Lucas en Mila zijn vrijdga de hele dag afwezig, we gaan naar de begrafenis van hun opa.",
       ["Nee, Lucas en Mila zijn vrijdag 27 november de hele dag afwezig voor een begrafenis."])],
  rows(JL, ["2026-11-27"], "other"), answers={"reason": ["begrafenis van opa"]})
S("typo-en-thursdya", ["typo", "two-sick", "english"], "2026-12-15T07:40:00", EMILY, "en", "Tue", "morning",
  [seg("Emma and Oliver are sick with the flu. They will stay home until Thursdya.",
       ["No, Emma and Oliver are sick from Tuesday up to and including Thursday."])],
  rows(EO, ["2026-12-15", "2026-12-16", "2026-12-17"], "sick"),
  notes="'until Thursday' read by an administrator as up to and including Thursday")

# ---------------- dates as numbers ----------------
S("numeric-bruiloft-turkije", ["numeric-date", "planned-other"], "2026-11-30T10:00:00", JULIA, "nl", "Mon", "morning",
  [seg("Lucas en Mila zijn op 8 en 9 december afwezig, we gaan naar de bruiloft van mijn zus in Turkije.",
       ["Nee, Lucas en Mila zijn dinsdag 8 en woensdag 9 december de hele dag afwezig voor een bruiloft."])],
  rows(JL, ["2026-12-08", "2026-12-09"], "other"), answers={"reason": ["bruiloft"]})
S("numeric-sem-operatie", ["numeric-date", "appointment"], "2026-12-02T12:00:00", FATMA, "nl", "Wed", "midday",
  [seg("Sem 7 december hele dag ziekenhuis. Operatie aan zijn amandelen.",
       ["Nee. Sem maandag 7 december hele dag afspraak ziekenhuis."])],
  [R("Sem", "2026-12-07", "appointment")])
S("numeric-en-funeral", ["numeric-date", "planned-other", "english"], "2026-12-14T08:00:00", EMILY, "en", "Mon",
  "morning",
  [seg("Emma and Oliver will be absent on 17 and 18 December, we are flying to England for a family funeral.",
       ["No, Emma and Oliver are absent all day on Thursday 17 and Friday 18 December for a funeral."])],
  rows(EO, ["2026-12-17", "2026-12-18"], "other"), answers={"reason": ["a family funeral"]})

# ---------------- evenings before a school day ----------------
S("evening-sami-overgegeven", ["evening"], "2026-11-22T21:00:00", KARIM, "nl", "Sun", "evening",
  [seg("Sami heeft vanavond overgegeven, morgen blijft hij thuis.", ["Nee, Sami is morgen, maandag 23 november, ziek."])],
  [R("Sami", "2026-11-23", "sick")])
S("evening-en-oliver-not-emma", ["evening", "one-not", "english"], "2026-12-01T20:30:00", EMILY, "en", "Tue",
  "evening",
  [seg("Oliver has been throwing up this evening, he won't come to school tomorrow. Emma will come as normal.",
       ["No, only Oliver is sick tomorrow, Wednesday 2 December."])],
  [R("Oliver", "2026-12-02", "sick")])
S("evening-two-morgen-ziek", ["evening", "two-sick"], "2026-12-08T21:10:00", FATMA, "nl", "Tue", "evening",
  [seg("Noor en Sem hebben koorts. Morgen niet naar school.", ["Nee. Noor en Sem morgen ziek. Woensdag 9 december."])],
  rows(NS, ["2026-12-09"], "sick"))

# ---------------- planned non-medical absences ----------------
S("planned-verhuizing-tim", ["planned-other", "numeric-date"], "2026-12-08T16:00:00", LOTTE, "nl", "Tue", "afternoon",
  [seg("Tim is donderdag 10 december de hele dag afwezig, we verhuizen naar ons nieuwe huis.",
       ["Nee, Tim is donderdag 10 december de hele dag afwezig vanwege de verhuizing."])],
  [R("Tim", "2026-12-10", "other")], answers={"reason": ["verhuizing"]})
S("planned-begrafenis-oma", ["planned-other"], "2026-12-09T13:00:00", JULIA, "nl", "Wed", "afternoon",
  [seg("Lucas en Mila zijn maandag de hele dag afwezig, we hebben de begrafenis van hun oma.",
       ["Nee, Lucas en Mila zijn maandag 14 december de hele dag afwezig voor een begrafenis."])],
  rows(JL, ["2026-12-14"], "other"), answers={"reason": ["begrafenis"]})
S("planned-bibi-familie-polen", ["planned-other", "separate-days"], "2026-11-17T18:30:00", SANNE, "nl", "Tue",
  "evening",
  [seg("Bibi is donderdag en vrijdag afwezig. We gaan bij familie in Polen op bezoek voor de doop van haar nichtje.",
       ["Nee, Bibi is donderdag 19 en vrijdag 20 november afwezig voor familiebezoek in Polen."])],
  [R("Bibi", "2026-11-19", "other"), R("Bibi", "2026-11-20", "other")], answers={"reason": ["familiebezoek"]})

# ---------------- corrections after the receipt ----------------
S("corr-day-bruiloft", ["correction", "planned-other"], "2026-11-16T18:00:00", FATMA, "nl", "Mon", "evening",
  [seg("Noor en Sem woensdag niet op school. Bruiloft in België.",
       ["Nee. Noor en Sem woensdag 18 november afwezig. Bruiloft."], expect=rows(NS, ["2026-11-18"], "other")),
   seg("Sorry fout. Niet woensdag, het is donderdag. Woensdag zijn ze gewoon op school.",
       ["Nee. Noor en Sem donderdag 19 november afwezig. Bruiloft. Woensdag niet."],
       expect=rows(NS, ["2026-11-19"], "other"), receipt_ok=rows(NS, ["2026-11-18"], "other"))],
  rows(NS, ["2026-11-19"], "other"), answers={"reason": ["bruiloft"]})
S("corr-child-mila", ["correction"], "2026-11-17T07:40:00", JULIA, "nl", "Tue", "morning",
  [seg("Lucas is ziek vandaag, hij heeft hoofdpijn.", ["Nee, alleen Lucas is vandaag ziek."],
       expect=[R("Lucas", "2026-11-17", "sick")]),
   seg("Oeps, ik vergis me. Het is Mila die ziek is, niet Lucas. Lucas is gewoon op school.",
       ["Nee, niet Lucas maar Mila is vandaag ziek."],
       expect=[R("Mila", "2026-11-17", "sick")], receipt_ok=[R("Lucas", "2026-11-17", "sick")])],
  [R("Mila", "2026-11-17", "sick")])
S("corr-en-reason-then-child", ["correction", "two-sick", "english"], "2026-11-18T07:30:00", EMILY, "en", "Wed",
  "morning",
  [seg("Emma and Oliver are sick today.", ["No, Emma and Oliver are both sick today."],
       expect=rows(EO, ["2026-11-18"], "sick")),
   seg("Sorry, I need to change the reason. They are not sick, we had to travel to London this morning for a family emergency.",
       ["No, Emma and Oliver are absent today for another reason, a family emergency. Not sick."],
       expect=rows(EO, ["2026-11-18"], "other"), receipt_ok=rows(EO, ["2026-11-18"], "sick")),
   seg("One more change, sorry: Oliver stayed with his dad and is at school today after all. Only Emma is away.",
       ["No, only Emma is absent today for a family emergency. Oliver is at school."],
       expect=[R("Emma", "2026-11-18", "other")],
       receipt_ok=rows(EO, ["2026-11-18"], "other") + rows(EO, ["2026-11-18"], "sick"))],
  [R("Emma", "2026-11-18", "other")], answers={"reason": ["family emergency"]}, notes="second correction")
S("corr-day-then-followup-noor", ["correction", "follow-up"], "2026-12-07T07:45:00", FATMA, "nl", "Mon", "morning",
  [seg("Sem ziek. Vandaag en morgen.", ["Nee. Sem ziek maandag en dinsdag."],
       expect=[R("Sem", "2026-12-07", "sick"), R("Sem", "2026-12-08", "sick")]),
   seg("Nee fout. Sem alleen vandaag ziek. Morgen gaat hij wel naar school.", ["Nee. Sem alleen maandag 7 december ziek."],
       expect=[R("Sem", "2026-12-07", "sick")], receipt_ok=[R("Sem", "2026-12-08", "sick")]),
   seg("Noor nu ook ziek. Vandaag.", ["Nee. Noor ook ziek vandaag, maandag."],
       expect=[R("Noor", "2026-12-07", "sick")], receipt_ok=[R("Sem", "2026-12-07", "sick")])],
  [R("Sem", "2026-12-07", "sick"), R("Noor", "2026-12-07", "sick")])
S("corr-day-two-corrections-karim", ["correction"], "2026-11-24T18:15:00", KARIM, "nl", "Tue", "evening",
  [seg("Sami heeft donderdag om 9 uur een afspraak bij de kinderarts, hij is om 11 uur terug op school.",
       ["Nee, Sami heeft donderdag 26 november een afspraak van 09:00 tot 11:00."],
       expect=[R("Sami", "2026-11-26", "appointment", "09:00", "11:00")]),
   seg("Sorry, de afspraak is verzet naar vrijdag, zelfde tijden.",
       ["Nee, Sami heeft vrijdag 27 november een afspraak van 09:00 tot 11:00. Donderdag niet."],
       expect=[R("Sami", "2026-11-27", "appointment", "09:00", "11:00")],
       receipt_ok=[R("Sami", "2026-11-26", "appointment", "09:00", "11:00")]),
   seg("Nog een wijziging: vrijdag is hij pas om 12 uur terug in plaats van 11 uur.",
       ["Nee, Sami heeft vrijdag 27 november een afspraak van 09:00 tot 12:00."],
       expect=[R("Sami", "2026-11-27", "appointment", "09:00", "12:00")],
       receipt_ok=[R("Sami", "2026-11-27", "appointment", "09:00", "11:00"),
                   R("Sami", "2026-11-26", "appointment", "09:00", "11:00")])],
  [R("Sami", "2026-11-27", "appointment", "09:00", "12:00")], notes="second correction (time)")
S("corr-en-child-swap", ["correction", "english"], "2026-12-03T07:35:00", EMILY, "en", "Thu", "morning",
  [seg("Emma has a sore throat and will stay home today. Oliver will be at school.",
       ["No, only Emma is sick today."], expect=[R("Emma", "2026-12-03", "sick")]),
   seg("Sorry, my mistake, it is Oliver who is sick, not Emma. Emma is going to school.",
       ["No, only Oliver is sick today, not Emma."],
       expect=[R("Oliver", "2026-12-03", "sick")], receipt_ok=[R("Emma", "2026-12-03", "sick")])],
  [R("Oliver", "2026-12-03", "sick")])

# ---------------- follow-ups after the receipt ----------------
S("followup-en-sem-ook", ["follow-up"], "2026-11-24T07:30:00", FATMA, "nl", "Tue", "morning",
  [seg("Noor is ziek vandaag. Oorpijn.", ["Nee. Alleen Noor ziek vandaag."], expect=[R("Noor", "2026-11-24", "sick")]),
   seg("En Sem ook.", ["Nee. Sem ook ziek vandaag."], expect=[R("Sem", "2026-11-24", "sick")],
       receipt_ok=[R("Noor", "2026-11-24", "sick")])],
  rows(NS, ["2026-11-24"], "sick"))
S("followup-en-put-her-down", ["follow-up", "english"], "2026-12-03T07:40:00", EMILY, "en", "Thu", "morning",
  [seg("Oliver has a fever and stays home today.", ["No, only Oliver is sick today."],
       expect=[R("Oliver", "2026-12-03", "sick")]),
   seg("Emma just woke up with a fever as well, can you put her down too?", ["No, Emma is also sick today."],
       expect=[R("Emma", "2026-12-03", "sick")], receipt_ok=[R("Oliver", "2026-12-03", "sick")])],
  rows(EO, ["2026-12-03"], "sick"))
S("followup-more-days-sami", ["follow-up"], "2026-11-30T07:40:00", KARIM, "nl", "Mon", "morning",
  [seg("Sami is ziek vandaag.", ["Nee, Sami is vandaag ziek."], expect=[R("Sami", "2026-11-30", "sick")]),
   seg("Hij blijft ook morgen en woensdag nog thuis, de dokter zegt dat hij rust nodig heeft.",
       ["Nee, Sami is ook ziek op dinsdag 1 en woensdag 2 december."],
       expect=[R("Sami", "2026-12-01", "sick"), R("Sami", "2026-12-02", "sick")],
       receipt_ok=[R("Sami", "2026-11-30", "sick")])],
  [R("Sami", d, "sick") for d in ["2026-11-30", "2026-12-01", "2026-12-02"]])
S("followup-mila-ook-morgen", ["follow-up", "two-sick"], "2026-12-16T07:40:00", JULIA, "nl", "Wed", "morning",
  [seg("Lucas en Mila zijn ziek, ze hebben allebei buikpijn en diarree.", ["Nee, Lucas en Mila zijn vandaag allebei ziek."],
       expect=rows(JL, ["2026-12-16"], "sick")),
   seg("Mila blijft morgen ook thuis. Lucas gaat morgen weer naar school.",
       ["Nee, Mila is morgen, donderdag 17 december, ook ziek. Lucas niet."],
       expect=[R("Mila", "2026-12-17", "sick")], receipt_ok=rows(JL, ["2026-12-16"], "sick"))],
  rows(JL, ["2026-12-16"], "sick") + [R("Mila", "2026-12-17", "sick")])
S("followup-en-oliver-too-late", ["follow-up", "late", "english"], "2026-11-20T07:35:00", EMILY, "en", "Fri",
  "morning",
  [seg("Emma has a migraine and will stay home today.", ["No, only Emma is sick today."],
       expect=[R("Emma", "2026-11-20", "sick")]),
   seg("Also, Oliver has an appointment at the dentist this morning and will arrive at school at 10:45.",
       ["No, Oliver has a dentist appointment today and arrives at 10:45."],
       expect=[R("Oliver", "2026-11-20", "appointment", None, "10:45")],
       receipt_ok=[R("Emma", "2026-11-20", "sick")])],
  [R("Emma", "2026-11-20", "sick"), R("Oliver", "2026-11-20", "appointment", None, "10:45")])
S("followup-january-after-holiday", ["follow-up", "past", "two-sick"], "2027-01-05T07:45:00", FATMA, "nl", "Tue",
  "morning",
  [seg("Noor en Sem waren gisteren ziek. Vandaag nog steeds ziek.", ["Nee. Noor en Sem ziek maandag 4 en dinsdag 5 januari."],
       expect=rows(NS, ["2027-01-04", "2027-01-05"], "sick")),
   seg("Morgen ook nog thuis. Allebei.", ["Nee. Noor en Sem ook ziek woensdag 6 januari."],
       expect=rows(NS, ["2027-01-06"], "sick"), receipt_ok=rows(NS, ["2027-01-04", "2027-01-05"], "sick"))],
  rows(NS, ["2027-01-04", "2027-01-05", "2027-01-06"], "sick"))

# ---------------- checks ----------------
def check():
    ids = set()
    for s in SC:
        assert s["id"] not in ids, s["id"]; ids.add(s["id"])
        now = dt.datetime.fromisoformat(s["now"])
        assert WDAY[now.weekday()] == s["_wd"], (s["id"], "weekday", now)
        part = {"morning": (6, 11), "midday": (11, 14), "afternoon": (13, 18), "evening": (18, 23)}[s["_part"]]
        assert part[0] <= now.hour < part[1], (s["id"], "part of day")
        assert s["lang"] in ("nl", "en") and (s["lang"] == "en") == (s["from"] == EMILY), s["id"]
        kids = FAMILY[s["from"]]
        allrows = list(s["expected"])
        for g in s["script"]:
            assert g["say"] and g["fixes"], (s["id"], "every segment needs a fix")
            allrows += g.get("expect", []) + g.get("receipt_ok", [])
        for r in allrows:
            assert r["child"] in kids, (s["id"], r)
            assert school_day(r["date"]), (s["id"], r)
            assert r["kind"] in ("sick", "appointment", "other"), (s["id"], r)
            wd = dt.date.fromisoformat(r["date"]).weekday()
            for t in (r["from"], r["until"]):
                if t: assert "08:30" < t < END[wd], (s["id"], r)
            if r["from"] and r["until"]: assert r["from"] < r["until"], (s["id"], r)
        keys = [(r["child"], r["date"]) for r in s["expected"]]
        assert len(keys) == len(set(keys)), (s["id"], "one row per child per day")
        if len(s["script"]) == 1: assert "expect" not in s["script"][0] or s["script"][0]["expect"] == s["expected"]
    n = len(SC); two = sum(len({r["child"] for r in s["expected"]} | {r["child"] for g in s["script"] for r in g.get("expect", [])}) >= 2
                         or any(k in g["say"] for g in s["script"] for k in ()) for s in SC)
    two = sum(1 for s in SC if len(FAMILY[s["from"]]) == 2 and (sum(k in " ".join(g["say"] for g in s["script"]) for k in FAMILY[s["from"]]) == 2
                                                             or len({r["child"] for r in s["expected"]}) == 2))
    en = sum(s["lang"] == "en" for s in SC)
    groups = {}
    for s in SC:
        for g in s["groups"]: groups[g] = groups.get(g, 0) + 1
    print(f"{n} scenarios, {two} naming two children, {en} English ({en / n:.0%})", file=sys.stderr)
    for g, c in sorted(groups.items()): print(f"  {g:14s} {c}", file=sys.stderr)
    assert n >= 44 and two >= 26


if __name__ == "__main__":
    check()
    with open(os.path.join(HERE, "scenarios.jsonl"), "w") as f:
        for s in SC:
            f.write(json.dumps({k: v for k, v in s.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
