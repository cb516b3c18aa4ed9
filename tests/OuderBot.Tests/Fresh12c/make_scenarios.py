# Writes scenarios.jsonl: the third fresh set of absence reports (design, written without seeing the bot's code,
# prompts, rules, tests or earlier scenario files). The runner (../Fresh12/measure.py) adds "messages" after a run.
import json, os, datetime as dt
HERE = os.path.dirname(os.path.abspath(__file__))
F, E, J, K, L, S = "+31644444444", "+31633333333", "+31666666666", "+31655555555", "+31622222222", "+31611111111"
KIDS = {F: ["Noor", "Sem"], E: ["Emma", "Oliver"], J: ["Lucas", "Mila"], K: ["Sami"], L: ["Tim"], S: ["Bibi"]}
HOLI = [("2026-12-11", "2026-12-11"), ("2026-12-19", "2027-01-03")]   # from the school file, within Nov-Jan

def school_day(s):
    d = dt.date.fromisoformat(s)
    return d.weekday() < 5 and not any(a <= s <= b for a, b in HOLI)

def r(child, date, kind="sick", f=None, u=None):
    assert school_day(date), date
    return {"child": child, "date": date, "kind": kind, "from": f, "until": u}

def rows(children, dates, kind="sick", f=None, u=None): return [r(c, d, kind, f, u) for c in children for d in dates]

NL = {"reason": ["ziek", "1"], "child": ["allebei", "1 en 2"], "day": ["vandaag"], "time": ["de hele dag"]}
EN = {"reason": ["sick", "1"], "child": ["both", "1 and 2"], "day": ["today"], "time": ["the whole day"]}
out = []

def sc(id, groups, now, frm, script, expected, notes, answers=None, lang="nl", wd=None):
    n = dt.datetime.fromisoformat(now)
    if wd: assert n.strftime("%a") == wd, (id, now, n.strftime("%a"))
    a = dict(NL if lang == "nl" else EN)
    if frm in (K, L, S): a["child"] = [KIDS[frm][0]]
    a.update(answers or {})
    segs = [{"say": s} if isinstance(s, str) else s for s in script]
    if len(segs) == 1 and "expect" not in segs[0]: segs[0]["expect"] = expected
    for s in segs:
        for x in s.get("expect", []) + s.get("receipt_ok", []): assert x["child"] in KIDS[frm], (id, x)
    for x in expected: assert x["child"] in KIDS[frm], (id, x)
    out.append({"id": id, "groups": groups, "now": now, "from": frm, "lang": lang, "script": segs, "answers": a,
                "expected": expected, "notes": notes})

NS, EO, LM = ["Noor", "Sem"], ["Emma", "Oliver"], ["Lucas", "Mila"]
AP = "appointment"

# ======================= two children of one family =======================
sc("c2-01", ["two"], "2026-11-09T07:20", F,
   [{"say": "goedemorgen, noor en sem zijn allebei ziek 🤒 ze blijven vandaag thuis", "fixes": ["nee, noor en sem allebei, alleen vandaag"]}],
   rows(NS, ["2026-11-09"]), "both named, allebei, today", wd="Mon")
sc("c2-02", ["two", "illness", "times-reasons"], "2026-11-10T07:05", J,
   [{"say": "Goedemorgen juf, de kinderen hebben buikgriep en hebben vannacht allebei overgegeven. Ze blijven vandaag thuis", "fixes": ["nee, lucas en mila allebei, vandaag, ze zijn ziek"]}],
   rows(LM, ["2026-11-10"]), "'de kinderen', buikgriep/overgeven = sick", wd="Tue")
sc("c2-03", ["two", "english"], "2026-11-12T07:35", E,
   [{"say": "Hi, both kids are down with a fever so they're staying home today. Thanks!", "fixes": ["no, both Emma and Oliver, just today"]}],
   rows(EO, ["2026-11-12"]), "English 'both kids'", lang="en", wd="Thu")
sc("c2-04", ["two", "appointment", "times-reasons"], "2026-11-18T07:30", F,
   [{"say": "sem is ziek hij blijft thuis. en noor heeft om 10.15 de tandarts, ik haal haar om 10.15 op en breng haar rond 11 uur weer terug",
     "fixes": ["nee, sem is ziek en noor is van 10.15 tot 11 uur bij de tandarts"]}],
   [r("Sem", "2026-11-18"), r("Noor", "2026-11-18", AP, "10:15", "11:00")], "sick + dentist with times, Wednesday",
   answers={"time": ["van 10.15 tot 11 uur"], "reason": ["tandarts", "2"]}, wd="Wed")
sc("c2-05", ["two", "appointment", "late", "times-reasons"], "2026-11-16T07:45", J,
   [{"say": "Mila is ziek (koorts). Lucas moet vanochtend eerst naar de huisarts en komt om 10 uur naar school",
     "fixes": ["nee, mila is ziek, lucas komt om 10 uur want hij moet naar de huisarts"]}],
   [r("Mila", "2026-11-16"), r("Lucas", "2026-11-16", AP, None, "10:00")], "sick + late arrival for the doctor",
   answers={"time": ["hij komt om 10 uur"], "reason": ["huisarts", "2"]}, wd="Mon")
sc("c2-06", ["two"], "2026-11-19T07:15", F,
   [{"say": "noor is ziek vandaag, sem komt gewoon naar school", "fixes": ["nee alleen noor, sem komt wel"]}],
   rows(["Noor"], ["2026-11-19"]), "one away, the other explicitly not", answers={"child": ["alleen noor", "1"]}, wd="Thu")
sc("c2-07", ["two", "english", "illness", "times-reasons"], "2026-11-20T07:50", E,
   [{"say": "Oliver has been throwing up since last night so he's staying home today. Emma is fine and will be in as usual",
     "fixes": ["no, only Oliver, he is sick today. Emma is coming in"]}],
   rows(["Oliver"], ["2026-11-20"]), "English, one away (vomiting = sick), other explicitly in", lang="en",
   answers={"child": ["only Oliver", "2"]}, wd="Fri")
sc("c2-08", ["two", "followup"], "2026-11-30T07:25", F,
   [{"say": "noor heeft koorts, ze blijft vandaag thuis", "expect": rows(["Noor"], ["2026-11-30"]), "fixes": ["nee, noor vandaag"]},
    {"say": "oh en sem ook, die is vannacht ook ziek geworden", "expect": rows(["Sem"], ["2026-11-30"]), "fixes": ["nee, sem is ook ziek vandaag"],
     "receipt_ok": rows(["Noor"], ["2026-11-30"])}],
   rows(NS, ["2026-11-30"]), "follow-up 'en sem ook' after the receipt", answers={"child": ["sem"]}, wd="Mon")
sc("c2-09", ["two", "followup"], "2026-12-01T07:10", J,
   [{"say": "Lucas is vandaag ziek", "expect": rows(["Lucas"], ["2026-12-01"]), "fixes": ["nee, lucas vandaag"]},
    {"say": "oh en mila ook 🙈", "expect": rows(["Mila"], ["2026-12-01"]), "fixes": ["nee, mila is ook ziek, vandaag"],
     "receipt_ok": rows(["Lucas"], ["2026-12-01"])}],
   rows(LM, ["2026-12-01"]), "follow-up 'oh en mila ook'", answers={"child": ["mila"]}, wd="Tue")
sc("c2-10", ["two", "followup", "english"], "2026-12-02T07:40", E,
   [{"say": "Emma is sick today, sore throat and a temperature", "expect": rows(["Emma"], ["2026-12-02"]), "fixes": ["no, Emma today"]},
    {"say": "Sorry, forgot to say Oliver is poorly as well so he's staying home too", "expect": rows(["Oliver"], ["2026-12-02"]),
     "fixes": ["no, Oliver is sick today as well"], "receipt_ok": rows(["Emma"], ["2026-12-02"])}],
   rows(EO, ["2026-12-02"]), "English follow-up for the other child", lang="en", answers={"child": ["Oliver"]}, wd="Wed")
sc("c2-11", ["two", "correction", "days", "appointment", "times-reasons"], "2026-12-14T07:40", J,
   [{"say": "Lucas en Mila hebben donderdag om 9 uur de tandarts, ze zijn om 10 uur weer op school",
     "expect": rows(LM, ["2026-12-17"], AP, "09:00", "10:00"), "fixes": ["nee, allebei donderdag van 9 tot 10 uur tandarts"]},
    {"say": "oeps het is woensdag, niet donderdag! zelfde tijd",
     "expect": rows(LM, ["2026-12-16"], AP, "09:00", "10:00"), "fixes": ["nee, woensdag van 9 tot 10 uur, niet donderdag"],
     "receipt_ok": rows(LM, ["2026-12-17"], AP, "09:00", "10:00")}],
   rows(LM, ["2026-12-16"], AP, "09:00", "10:00"), "correction of the day after the receipt",
   answers={"time": ["van 9 tot 10 uur"], "reason": ["tandarts", "2"], "day": ["woensdag"]}, wd="Mon")
sc("c2-12", ["two", "correction"], "2026-12-08T07:20", F,
   [{"say": "sem is ziek vandaag", "expect": rows(["Sem"], ["2026-12-08"]), "fixes": ["nee, sem vandaag"]},
    {"say": "sorry!! ik bedoel noor, niet sem. sem is gewoon op school", "expect": rows(["Noor"], ["2026-12-08"]),
     "fixes": ["nee, noor is ziek vandaag en sem niet"], "receipt_ok": rows(["Sem"], ["2026-12-08"])}],
   rows(["Noor"], ["2026-12-08"]), "wrong child corrected after the receipt", answers={"child": ["noor"]}, wd="Tue")
sc("c2-13", ["two", "correction", "appointment", "late", "times-reasons"], "2026-12-09T07:30", J,
   [{"say": "Lucas en Mila zijn vandaag ziek", "expect": rows(LM, ["2026-12-09"]), "fixes": ["nee, allebei vandaag"]},
    {"say": "sorry klopt niet helemaal, mila is ziek maar lucas is niet ziek, die moet om 9 uur naar de orthodontist en is er om half 11",
     "expect": [r("Mila", "2026-12-09"), r("Lucas", "2026-12-09", AP, None, "10:30")],
     "fixes": ["nee, mila ziek, lucas orthodontist en hij komt om half 11"], "receipt_ok": rows(["Lucas"], ["2026-12-09"])}],
   [r("Mila", "2026-12-09"), r("Lucas", "2026-12-09", AP, None, "10:30")], "wrong reason for one child corrected after the receipt",
   answers={"time": ["hij komt om 10.30 uur"], "reason": ["orthodontist", "2"], "child": ["lucas"]}, wd="Wed")
sc("c2-14", ["two", "days"], "2026-12-14T07:30", F,
   [{"say": "sem en noor hebben allebei griep. sem blijft vandaag thuis, noor vandaag en morgen",
     "fixes": ["nee, sem alleen vandaag en noor vandaag en morgen"]}],
   [r("Sem", "2026-12-14"), r("Noor", "2026-12-14"), r("Noor", "2026-12-15")], "both sick, different days per child", wd="Mon")
sc("c2-15", ["two", "days"], "2026-11-17T07:00", J,
   [{"say": "Beide kinderen hebben waterpokken, ze blijven t/m vrijdag thuis", "fixes": ["nee, lucas en mila allebei, vandaag t/m vrijdag"]}],
   rows(LM, ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]), "'beide', range t/m vrijdag from Tuesday", wd="Tue")
sc("c2-16", ["two", "days", "english"], "2027-01-11T07:30", E,
   [{"say": "Both Emma and Oliver have the flu, they'll be off until Wednesday, hopefully back on Thursday",
     "fixes": ["no, both of them, today until Wednesday, back Thursday"]}],
   rows(EO, ["2027-01-11", "2027-01-12", "2027-01-13"]), "English range 'until Wednesday, back Thursday'", lang="en", wd="Mon")
sc("c2-17", ["two", "days", "past"], "2027-01-18T07:45", F,
   [{"say": "goedemorgen, noor en sem waren vorige week vrijdag allebei ziek, ben vergeten het door te geven. vandaag zijn ze er gewoon weer",
     "fixes": ["nee, allebei vorige week vrijdag 15 januari"]}],
   rows(NS, ["2027-01-15"]), "past: last week's Friday said on Monday", answers={"day": ["vorige week vrijdag, 15 januari"]}, wd="Mon")
sc("c2-18", ["two", "days", "past"], "2027-01-12T08:10", J,
   [{"say": "Lucas en Mila waren gisteren ziek, vergeten te melden sorry. Vandaag zijn ze weer beter en gewoon op school",
     "fixes": ["nee, allebei gisteren, maandag"]}],
   rows(LM, ["2027-01-11"]), "past: yesterday, fine today", answers={"day": ["gisteren, maandag 11 januari"]}, wd="Tue")
sc("c2-19", ["two", "followup", "english", "appointment", "late", "times-reasons"], "2027-01-07T07:40", E,
   [{"say": "Oliver is off sick today, tummy bug", "expect": rows(["Oliver"], ["2027-01-07"]), "fixes": ["no, Oliver today"]},
    {"say": "Also Emma needs to leave at 1pm today for a dentist appointment, I'll pick her up from class. She won't come back after",
     "expect": [r("Emma", "2027-01-07", AP, "13:00", None)], "fixes": ["no, Emma leaves at 13:00 for the dentist"],
     "receipt_ok": rows(["Oliver"], ["2027-01-07"])}],
   [r("Oliver", "2027-01-07"), r("Emma", "2027-01-07", AP, "13:00", None)], "English follow-up: other child leaves early",
   lang="en", answers={"time": ["at 13:00, she won't be back that day"], "reason": ["dentist", "2"], "child": ["Emma"]}, wd="Thu")
sc("c2-20", ["two", "days", "hedge"], "2026-12-16T07:10", F,
   [{"say": "Noor en sem zijn ziek, vandaag thuis en morgen waarschijnlijk ook", "fixes": ["nee, allebei vandaag en morgen"]}],
   rows(NS, ["2026-12-16", "2026-12-17"]), "both, hedge for tomorrow (recorded)", wd="Wed")
sc("c2-21", ["two", "days", "holiday"], "2026-12-10T19:30", J,
   [{"say": "lucas en mila zijn ziek geworden, ze blijven morgen en maandag thuis",
     "fixes": ["nee, allebei maandag 14 december, morgen is toch studiedag"]}],
   rows(LM, ["2026-12-14"]), "evening before the study day: tomorrow is no school day, only Monday recorded",
   answers={"day": ["alleen maandag dan"]}, wd="Thu")
sc("c2-22", ["two", "followup", "appointment", "late", "days", "times-reasons"], "2027-01-05T07:30", F,
   [{"say": "sem is ziek vandaag", "expect": rows(["Sem"], ["2027-01-05"]), "fixes": ["nee, sem vandaag"]},
    {"say": "en noor moet donderdag om 11 uur naar het ziekenhuis voor controle, ik haal haar om kwart voor 11 op, ze komt daarna niet meer terug",
     "expect": [r("Noor", "2027-01-07", AP, "10:45", None)], "fixes": ["nee, noor donderdag vanaf 10.45 uur, ziekenhuis"],
     "receipt_ok": rows(["Sem"], ["2027-01-05"])}],
   [r("Sem", "2027-01-05"), r("Noor", "2027-01-07", AP, "10:45", None)], "follow-up: the other child, another day, leaves early",
   answers={"time": ["vanaf 10.45 uur, ze komt niet meer terug"], "reason": ["ziekenhuis", "2"], "child": ["noor"], "day": ["donderdag"]}, wd="Tue")
sc("c2-23", ["two", "days", "typo"], "2026-11-13T07:05", F,
   [{"say": "de kindjes zijn ziek vandag ze blijven thuis", "fixes": ["nee, noor en sem allebei vandaag"]}],
   rows(NS, ["2026-11-13"]), "'de kindjes', 'vandag' typo", wd="Fri")
sc("c2-24", ["two", "days", "english", "appointment", "late", "times-reasons"], "2026-11-30T19:45", E,
   [{"say": "Hi, Emma and Oliver have their vaccinations on 3 Dec first thing, so they'll both come in late, around 10:30",
     "fixes": ["no, both on Thursday 3 December, they arrive at 10:30"]}],
   rows(EO, ["2026-12-03"], AP, None, "10:30"), "English, date as '3 Dec', both late", lang="en",
   answers={"time": ["they'll arrive at 10:30"], "reason": ["vaccinations, a medical appointment", "2"], "day": ["Thursday 3 December"]}, wd="Mon")
sc("c2-25", ["two"], "2027-01-04T07:15", J,
   [{"say": "Goedemorgen, ik wil graag ziekmelden voor vandaag", "fixes": ["nee, allebei, lucas en mila"]}],
   rows(LM, ["2027-01-04"]), "generic start; child question answered 'allebei'; first day after the Christmas holiday",
   answers={"child": ["allebei", "1 en 2"], "reason": ["ze zijn allebei ziek", "1"]}, wd="Mon")

# ======================= one child: controls =======================
sc("c1-01", ["one", "control"], "2026-11-23T07:30", S, ["Goedemorgen, Bibi is ziek en blijft vandaag thuis. Groetjes Sanne"],
   rows(["Bibi"], ["2026-11-23"]), "plain report", wd="Mon")
sc("c1-02", ["one", "control"], "2026-11-24T07:45", L, ["Tim is vandaag ziek"], rows(["Tim"], ["2026-11-24"]), "plain report", wd="Tue")
sc("c1-03", ["one", "control"], "2026-11-26T07:20", K, ["Hallo, Sami is ziek en blijft vandaag thuis"],
   rows(["Sami"], ["2026-11-26"]), "plain report", wd="Thu")
sc("c1-04", ["one", "control"], "2026-12-02T07:55", S, ["bibi is ziek vandaag, gr sanne"], rows(["Bibi"], ["2026-12-02"]), "plain report", wd="Wed")
sc("c1-05", ["one", "control"], "2027-01-08T07:35", L, ["Goedemorgen, Tim is ziek vandaag. Hij heeft keelpijn."],
   rows(["Tim"], ["2027-01-08"]), "plain report", wd="Fri")

# ======================= one child: days =======================
sc("d-01", ["one", "days", "appointment", "times-reasons"], "2026-11-23T19:30", K,
   [{"say": "Sami moet woensdag en vrijdag naar het ziekenhuis voor onderzoeken, hij is die dagen de hele dag weg",
     "fixes": ["nee, woensdag en vrijdag, de hele dag ziekenhuis"]}],
   rows(["Sami"], ["2026-11-25", "2026-11-27"], AP), "separate days, whole-day appointment",
   answers={"time": ["de hele dag"], "reason": ["ziekenhuis", "2"], "day": ["woensdag en vrijdag"]}, wd="Mon")
sc("d-02", ["one", "days"], "2026-12-07T07:20", S,
   [{"say": "bibi heeft griep 🤧 ze blijft tot en met donderdag thuis", "fixes": ["nee, vandaag tot en met donderdag"]}],
   rows(["Bibi"], ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"]), "range 'tot en met donderdag'", wd="Mon")
sc("d-03", ["one", "days"], "2027-01-11T07:10", L,
   [{"say": "Tim heeft de griep, de dokter zegt dat hij de hele week moet thuisblijven", "fixes": ["nee, de hele week, maandag t/m vrijdag"]}],
   rows(["Tim"], ["2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14", "2027-01-15"]), "'de hele week' (a sick word: griep)", wd="Mon")
sc("d-04", ["one", "days", "open"], "2026-11-11T19:00", K,
   [{"say": "Sami is vanmiddag ziek geworden, hij gaat vanaf morgen niet naar school tot hij beter is", "fixes": ["nee, vanaf morgen donderdag"]}],
   rows(["Sami"], ["2026-11-12"]), "open-ended from tomorrow said in the evening: the known day (tomorrow) is recorded",
   answers={"day": ["vanaf morgen, ik laat weten wanneer hij weer komt"]}, wd="Wed")
sc("d-05", ["one", "days", "open"], "2026-11-19T07:40", L,
   [{"say": "tim is ziek, hij blijft thuis tot hij beter is", "fixes": ["nee, vanaf vandaag"]}],
   rows(["Tim"], ["2026-11-19"]), "open-ended from today: today recorded", answers={"day": ["vanaf vandaag"]}, wd="Thu")
sc("d-06", ["one", "days", "past"], "2026-11-18T08:05", S,
   [{"say": "Bibi was gisteren ziek, vergeten door te geven sorry. Vandaag is ze er weer", "fixes": ["nee, gisteren dinsdag"]}],
   rows(["Bibi"], ["2026-11-17"]), "past: yesterday, here today", answers={"day": ["gisteren, dinsdag 17 november"]}, wd="Wed")
sc("d-07", ["one", "days", "past"], "2026-12-01T07:50", K,
   [{"say": "vorige vrijdag was sami ziek, dat had ik nog niet gemeld", "fixes": ["nee, vorige week vrijdag 27 november"]}],
   rows(["Sami"], ["2026-11-27"]), "past: 'vorige vrijdag' said on Tuesday", answers={"day": ["vrijdag 27 november"]}, wd="Tue")
sc("d-08", ["one", "days", "past"], "2026-12-17T08:00", L,
   [{"say": "Tim was afgelopen maandag ziek, vergeten te melden", "fixes": ["nee, afgelopen maandag 14 december"]}],
   rows(["Tim"], ["2026-12-14"]), "past: 'afgelopen maandag' said on Thursday", answers={"day": ["maandag 14 december"]}, wd="Thu")
sc("d-09", ["one", "days", "hedge", "illness", "times-reasons"], "2027-01-12T07:25", K,
   [{"say": "sami heeft buikgriep, vandaag thuis, morgen waarschijnlijk ook", "fixes": ["nee, vandaag en morgen"]}],
   rows(["Sami"], ["2027-01-12", "2027-01-13"]), "hedge for tomorrow (recorded); buikgriep = sick", wd="Tue")
sc("d-10", ["one", "days", "appointment", "late", "times-reasons"], "2026-11-30T20:00", S,
   [{"say": "bibi moet op 3-12 naar de kinderarts om 13.00 uur, ik haal haar om 12.30 op en ze komt daarna niet meer terug",
     "fixes": ["nee, donderdag 3 december vanaf 12.30 uur, kinderarts"]}],
   [r("Bibi", "2026-12-03", AP, "12:30", None)], "date written '3-12', leaves early for an appointment",
   answers={"time": ["vanaf 12.30 uur, ze komt niet meer terug"], "reason": ["kinderarts", "2"], "day": ["donderdag 3 december"]}, wd="Mon")
sc("d-11", ["one", "days", "appointment", "late", "times-reasons"], "2026-12-02T20:30", K,
   [{"say": "Sami heeft 4 dec om 9 uur een afspraak bij de orthodontist, hij is er om 10 uur", "fixes": ["nee, vrijdag 4 december, hij komt om 10 uur"]}],
   [r("Sami", "2026-12-04", AP, None, "10:00")], "date written '4 dec', late arrival",
   answers={"time": ["hij komt om 10 uur"], "reason": ["orthodontist", "2"], "day": ["vrijdag 4 december"]}, wd="Wed")
sc("d-12", ["one", "days", "typo"], "2026-11-15T20:40", L,
   [{"say": "tim heeft koorts, hij gaat morgn niet naar school", "fixes": ["nee, morgen maandag"]}],
   rows(["Tim"], ["2026-11-16"]), "'morgn' on Sunday evening", answers={"day": ["morgen, maandag"]}, wd="Sun")
sc("d-13", ["one", "days", "typo"], "2027-01-14T07:15", S,
   [{"say": "bibi is vnadaag ziek", "fixes": ["nee, vandaag"]}], rows(["Bibi"], ["2027-01-14"]), "'vnadaag' typo", wd="Thu")
sc("d-14", ["one", "days", "weekend"], "2026-11-20T07:30", K,
   [{"say": "Sami is ziek, hij blijft vandaag en morgen thuis", "fixes": ["nee, alleen vandaag dan, morgen is het zaterdag"]}],
   rows(["Sami"], ["2026-11-20"]), "Friday 'vandaag en morgen': tomorrow is Saturday, only Friday recorded",
   answers={"day": ["alleen vandaag dan"]}, wd="Fri")
sc("d-15", ["one", "days", "holiday"], "2026-12-18T07:20", L,
   [{"say": "Tim is ziek, hij blijft vandaag en maandag thuis", "fixes": ["nee, alleen vandaag, maandag is het vakantie"]}],
   rows(["Tim"], ["2026-12-18"]), "Monday is in the Christmas holiday: only today recorded", answers={"day": ["alleen vandaag dan"]}, wd="Fri")
sc("d-16", ["one", "days", "holiday", "appointment"], "2026-12-10T19:10", S,
   [{"say": "bibi moet morgen om 10 uur naar de tandarts, ze is er dan om 11 uur weer", "expect": []}],
   [], "tomorrow is the study day (no school): nothing to record", answers={"day": [], "time": [], "reason": [], "child": []}, wd="Thu")
sc("d-17", ["one", "days", "appointment", "times-reasons"], "2027-01-18T07:30", S,
   [{"say": "Bibi moet overmorgen naar het ziekenhuis, ze is de hele ochtend weg", "fixes": ["nee, woensdag 20 januari, de hele ochtend ziekenhuis"]}],
   rows(["Bibi"], ["2027-01-20"], AP), "'overmorgen' = Wednesday, whole morning = the whole Wednesday school day (ends 12:30)",
   answers={"time": ["de hele ochtend, ze komt die dag niet meer"], "reason": ["ziekenhuis", "2"], "day": ["woensdag 20 januari"]}, wd="Mon")
sc("d-18", ["one", "days", "english", "appointment", "late", "times-reasons"], "2027-01-15T19:00", E,
   [{"say": "Hi, Oliver has physio on Monday and Wednesday mornings, so he'll come in at 10:30 on both days",
     "fixes": ["no, Oliver, Monday and Wednesday, arriving at 10:30"]}],
   rows(["Oliver"], ["2027-01-18", "2027-01-20"], AP, None, "10:30"), "English, two separate days, late both days",
   lang="en", answers={"time": ["he'll arrive at 10:30"], "reason": ["physiotherapy appointment", "2"], "child": ["Oliver"], "day": ["Monday and Wednesday"]}, wd="Fri")
sc("d-19", ["one", "days"], "2027-01-05T07:30", S,
   [{"say": "bibi is ziek, ze blijft thuis t/m 8 januari", "fixes": ["nee, vandaag t/m vrijdag 8 januari"]}],
   rows(["Bibi"], ["2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"]), "range to a date written as a number", wd="Tue")
sc("d-20", ["one", "days", "past", "open"], "2027-01-13T07:20", L,
   [{"say": "Tim is sinds maandag ziek en blijft vandaag ook nog thuis, had het maandag en gisteren niet gemeld sorry",
     "fixes": ["nee, maandag, dinsdag en vandaag"]}],
   rows(["Tim"], ["2027-01-11", "2027-01-12", "2027-01-13"]), "since Monday, still sick on Wednesday: Mon-Wed", wd="Wed")

# ======================= one child: times and reasons =======================
sc("a-01", ["one", "appointment", "late", "times-reasons"], "2026-11-09T07:40", K,
   [{"say": "sami komt vandaag om 10 uur, hij moet eerst naar de tandarts", "fixes": ["nee, hij komt om 10 uur"]}],
   [r("Sami", "2026-11-09", AP, None, "10:00")], "late arrival for the dentist",
   answers={"time": ["hij komt om 10 uur"], "reason": ["tandarts", "2"]}, wd="Mon")
sc("a-02", ["one", "appointment", "late", "times-reasons"], "2026-11-12T07:50", S,
   [{"say": "ik haal bibi vandaag om 13:30 op voor de orthodontist", "fixes": ["nee, om 13.30 uur weg"]}],
   [r("Bibi", "2026-11-12", AP, "13:30", None)], "leaving early for the orthodontist",
   answers={"time": ["om 13.30 uur, ze komt niet meer terug"], "reason": ["orthodontist", "2"]}, wd="Thu")
sc("a-03", ["one", "appointment", "times-reasons"], "2026-11-10T07:30", L,
   [{"say": "Tim heeft vandaag om 11 uur een afspraak bij de kinderarts, ik haal hem om 10.45 op en breng hem om 12.15 terug",
     "fixes": ["nee, van 10.45 tot 12.15 uur"]}],
   [r("Tim", "2026-11-10", AP, "10:45", "12:15")], "appointment in the middle of the day",
   answers={"time": ["van 10.45 tot 12.15 uur"], "reason": ["kinderarts", "2"]}, wd="Tue")
sc("a-04", ["one", "illness", "times-reasons"], "2027-01-04T06:55", K,
   [{"say": "sami heeft vannacht 3x overgegeven, hij blijft vandaag thuis", "fixes": ["nee, vandaag, hij is ziek"]}],
   rows(["Sami"], ["2027-01-04"]), "'overgeven' = sick; '3x' is no time or date", wd="Mon")
sc("a-05", ["one", "english", "appointment", "late", "times-reasons"], "2026-11-24T07:30", E,
   [{"say": "Morning! Emma has a doctor's appointment at 8:45, she'll be in school around 9:45", "fixes": ["no, Emma arrives at 9:45 today"]}],
   [r("Emma", "2026-11-24", AP, None, "09:45")], "English late arrival", lang="en",
   answers={"time": ["she'll arrive at 9:45"], "reason": ["doctor", "2"], "child": ["Emma"]}, wd="Tue")
sc("a-06", ["one", "appointment", "late", "times-reasons"], "2027-01-06T07:45", L,
   [{"say": "tim moet vandaag om 11.30 uur weg, hij moet naar de fysio. ik haal hem op bij de klas", "fixes": ["nee, vanaf 11.30 uur, fysio"]}],
   [r("Tim", "2027-01-06", AP, "11:30", None)], "leaving early on a Wednesday (school ends 12:30)",
   answers={"time": ["om 11.30 uur, hij komt niet meer terug"], "reason": ["fysiotherapie", "2"]}, wd="Wed")
sc("a-07", ["one", "illness", "times-reasons"], "2026-12-15T07:10", S,
   [{"say": "bibi heeft buikgriep 🤢", "fixes": ["nee, vandaag"]}], rows(["Bibi"], ["2026-12-15"]),
   "illness word only, no day; day question answered 'vandaag'", wd="Tue")
sc("a-08", ["one", "illness", "times-reasons"], "2026-12-03T07:35", K,
   [{"say": "sami heeft 39,5 koorts dus hij blijft thuis vandaag", "fixes": ["nee, vandaag, hij is ziek"]}],
   rows(["Sami"], ["2026-12-03"]), "koorts with a number", wd="Thu")

with open(os.path.join(HERE, "scenarios.jsonl"), "w") as f:
    for s in out: f.write(json.dumps(s, ensure_ascii=False) + "\n")
from collections import Counter
c = Counter(g for s in out for g in s["groups"])
print(len(out), "scenarios;", dict(sorted(c.items())))
