# Writes scenarios.jsonl beside this file: a second fresh set of absence conversations (Fresh12b), written without
# looking at the bot's code, prompts, understanding data or tests. Same format and simulated parent as Fresh12
# (measure.py / botctl.py are copies). Groups: "two" (a family with two children, message about both or about one
# of them while the other is mentioned), "one" (one child), "days", "past", and descriptive tags.
# Conventions for the expected rows (what a school secretary records):
#   whole school day -> from/until null; late arrival -> until = arrival time; leaving early -> from = leaving time;
#   hedge ("morgen waarschijnlijk ook") -> both days; open-ended ("tot ze beter is") -> from the first day up to
#   today, or only the first day when it lies in the future; past days -> those days; weekend/study day/holiday -> no row;
#   appointment whose time the parent does not know -> whole day.
#   Follow-up segment "expect": what that message means (the new/changed rows; after a withdrawal: the rows that remain
#   for the children it is about); "receipt_ok": rows a receipt may mention besides (the old or withdrawn ones).
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))
NSF, EOF, LMF, SAMI, TIM, BIBI = "+31644444444", "+31633333333", "+31666666666", "+31655555555", "+31622222222", "+31611111111"

def r(child, date, kind="sick", f=None, u=None): return {"child": child, "date": date, "kind": kind, "from": f, "until": u}
def rows(children, dates, kind="sick", f=None, u=None): return [r(c, d, kind, f, u) for c in children for d in dates]
NS, EO, LM = ["Noor", "Sem"], ["Emma", "Oliver"], ["Lucas", "Mila"]
NL = {"reason": ["ziek", "1"], "child": ["allebei", "1 en 2"], "day": ["vandaag"]}
EN = {"reason": ["sick", "1"], "child": ["both", "1 and 2"], "day": ["today"]}
out = []

def sc(id, groups, now, frm, script, expected, notes, answers=None, lang="nl"):
    a = dict(NL if lang == "nl" else EN); a.update(answers or {})
    segs = [s if isinstance(s, dict) else {"say": s} for s in script]
    if len(segs) == 1 and "expect" not in segs[0]: segs[0]["expect"] = expected
    assert all("expect" in s for s in segs), id
    out.append({"id": id, "groups": groups, "now": now, "from": frm, "lang": lang, "script": segs, "answers": a,
                "expected": expected, "notes": notes})

# dates (school year 2026-2027; Wednesday ends 12:30; Fri 11 Dec study day; Christmas holiday 19 Dec - 3 Jan)
N13, N16, N17, N18, N19, N20 = "2026-11-13", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"
N23, N24, N25, N26, N27, N30 = "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30"
D01, D02, D03, D04, D07, D08, D09, D10 = "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"
D14, D15, D16, D17 = "2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17"
J04 = "2027-01-04"

# ======================= two children =======================
sc("b01-beide-hoge-koorts", ["two"], "2026-11-24T07:20", LMF,
   [{"say": "goedemorgen, mila en lucas liggen allebei op bed met hoge koorts dus vandaag geen school", "fixes": ["nee lucas en mila allebei, vandaag"]}],
   rows(LM, [N24]), "both named, sick today, before school")
sc("b02-keel-en-kinderarts", ["two", "appointment", "late"], "2026-11-26T07:50", NSF,
   [{"say": "sem heeft keelontsteking en blijft thuis. noor moet om kwart over 10 naar de kinderarts, ik breng haar daarna terug rond 12 uur",
     "fixes": ["nee, sem is ziek en noor heeft de kinderarts van 10.15 tot 12.00"]}],
   [r("Sem", N26), r("Noor", N26, "appointment", "10:15", "12:00")], "different reasons per child, appointment with times",
   answers={"time": ["van kwart over 10 tot 12 uur"], "reason": ["sem ziek, noor kinderarts"]})
sc("b03-en-cold-probably-tomorrow", ["two", "days", "hedge", "english"], "2026-11-30T08:05", EOF,
   [{"say": "Hi, Emma and Oliver both have a nasty cold, they'll stay home today and probably tomorrow as well", "fixes": ["no, both of them, today and tomorrow"]}],
   rows(EO, [N30, D01]), "English hedge for two children", lang="en")
sc("b04-zondag-noor-wel-sem-niet", ["two", "present", "evening", "weekend"], "2026-11-29T20:10", NSF,
   [{"say": "noor heeft net overgegeven, ze gaat morgen niet. sem gaat gewoon", "fixes": ["nee alleen noor, morgen maandag. sem komt wel"]}],
   rows(["Noor"], [N30]), "Sunday evening; one child absent, the other explicitly present", answers={"child": ["noor", "1"], "day": ["morgen"]})
sc("b05-woensdagmiddag-beide-later-tandarts", ["two", "appointment", "late", "after-school"], "2026-11-25T13:40", LMF,
   [{"say": "morgen komen lucas en mila later, we moeten naar de tandarts. rond 10 uur zijn ze er", "fixes": ["nee allebei, morgen, tandarts, om 10 uur zijn ze op school"]}],
   rows(LM, [N26], "appointment", None, "10:00"), "Wednesday after school; both arrive late tomorrow",
   answers={"time": ["om 10 uur zijn ze er"], "reason": ["tandarts", "2"], "day": ["morgen"]})
sc("b06-en-oliver-pickup-emma-stays", ["two", "present", "appointment", "early", "english", "during"], "2026-12-03T12:45", EOF,
   [{"say": "Hello, I need to pick up Oliver at 1.45 today for a hospital check-up, he won't come back after. Emma stays until the end of the day",
     "fixes": ["no, only Oliver, today from 1.45pm, hospital appointment"]}],
   [r("Oliver", D03, "appointment", "13:45", None)], "English, during school, one child leaves early, the other stays",
   lang="en", answers={"time": ["he leaves at 1.45pm and won't be back"], "child": ["Oliver", "2"], "reason": ["hospital appointment", "2"]})
sc("b07-ask-child-allebei", ["two", "child-answer"], "2026-12-07T07:40", NSF,
   [{"say": "goeiemorgen ik meld ze vandaag ziek, buikgriep hier in huis", "fixes": ["nee noor en sem allebei vandaag ziek"]}],
   rows(NS, [D07]), "no names; child question answered 'allebei'", answers={"child": ["allebei", "1 en 2"]})
sc("b08-ask-child-beide-vandaag-en-maandag", ["two", "days", "child-answer"], "2026-12-04T07:55", LMF,
   [{"say": "ziekmelding voor vandaag en maandag", "fixes": ["nee, lucas en mila, vandaag en maandag"]}],
   rows(LM, [D04, D07]), "no names; child question 'beide'; Friday + Monday", answers={"child": ["beide", "1 en 2"], "day": ["vandaag en maandag"]})
sc("b09-en-ask-child-both", ["two", "child-answer", "english"], "2026-12-01T07:35", EOF,
   [{"say": "Morning, can't make it to school today, flu going round the house", "fixes": ["no, Emma and Oliver, both sick today"]}],
   rows(EO, [D01]), "English, no names; child question answered 'both'", lang="en", answers={"child": ["both", "1 and 2"]})
sc("b10-ask-child-de-kinderen", ["two", "child-answer"], "2026-12-02T07:30", NSF,
   [{"say": "kunnen vandaag niet komen, koorts", "fixes": ["nee de kinderen allebei, noor en sem"]}],
   rows(NS, [D02]), "no names, no subject; child question answered 'de kinderen'", answers={"child": ["de kinderen", "1 en 2"]})
sc("b11-followup-noor-nu-ook", ["two", "followup"], "2026-12-08T07:45", NSF,
   [{"say": "sem is vandaag ziek, hoofdpijn en koorts", "expect": rows(["Sem"], [D08]), "fixes": ["nee sem, vandaag ziek"]},
    {"say": "noor nu ook hoor, die blijft ook thuis", "expect": rows(["Noor"], [D08]), "fixes": ["nee noor, vandaag ook ziek"]}],
   rows(NS, [D08]), "after the receipt the other child too")
sc("b12-correction-volgende-week-vrijdag", ["two", "followup", "correction", "days", "appointment", "late", "evening"], "2026-11-26T19:00", LMF,
   [{"say": "lucas en mila hebben morgen om 9 uur een afspraak bij de orthodontist, om 10 uur zijn ze op school",
     "expect": rows(LM, [N27], "appointment", None, "10:00"), "fixes": ["nee allebei, morgen, tot 10 uur orthodontist"]},
    {"say": "o nee sorry het is niet morgen maar volgende week vrijdag, zelfde tijd",
     "expect": rows(LM, [D04], "appointment", None, "10:00"), "receipt_ok": rows(LM, [N27], "appointment", None, "10:00"),
     "fixes": ["nee, niet vrijdag 27 november maar vrijdag 4 december, allebei tot 10 uur"]}],
   rows(LM, [D04], "appointment", None, "10:00"), "evening; after the receipt the day is corrected for both",
   answers={"time": ["om 10 uur zijn ze er"], "reason": ["orthodontist", "2"], "day": ["vrijdag 4 december"]})
sc("b13-en-wrong-child-correction", ["two", "followup", "correction", "english"], "2026-11-23T07:30", EOF,
   [{"say": "oliver is sick today", "expect": rows(["Oliver"], [N23]), "fixes": ["no, Oliver, sick today"]},
    {"say": "Sorry wrong kid!! It's Emma who is sick, Oliver is going to school", "expect": rows(["Emma"], [N23]),
     "receipt_ok": rows(["Oliver"], [N23]), "fixes": ["no, Emma is sick today, not Oliver"]}],
   rows(["Emma"], [N23]), "English; after the receipt the child is swapped", lang="en", answers={"child": ["Emma", "1"]})
sc("b14-withdraw-sem", ["two", "followup", "withdraw"], "2026-12-01T07:20", NSF,
   [{"say": "noor en sem blijven vandaag thuis, allebei verkouden met koorts", "expect": rows(NS, [D01]), "fixes": ["nee allebei vandaag"]},
    {"say": "sem voelt zich toch beter hij gaat wel. alleen noor dus", "expect": rows(["Noor"], [D01]), "receipt_ok": rows(["Sem"], [D01])}],
   rows(["Noor"], [D01]), "after the receipt one child is withdrawn", answers={"child": ["noor", "1"]})
sc("b15-withdraw-lucas-from-tomorrow", ["two", "followup", "withdraw", "days", "range"], "2026-12-14T07:45", LMF,
   [{"say": "mila en lucas zijn ziek t/m woensdag", "expect": rows(LM, [D14, D15, D16]), "fixes": ["nee allebei, vandaag tot en met woensdag"]},
    {"say": "lucas zegt nu dat hij zich veel beter voelt, hij gaat morgen gewoon weer. mila blijft wel thuis t/m woensdag",
     "expect": rows(["Mila"], [D14, D15, D16]) + [r("Lucas", D14)], "receipt_ok": rows(["Lucas"], [D15, D16]),
     "fixes": ["nee, lucas alleen vandaag ziek, mila vandaag t/m woensdag"]}],
   rows(["Mila"], [D14, D15, D16]) + [r("Lucas", D14)], "range for both; then one child back from tomorrow",
   answers={"day": ["vandaag t/m woensdag"], "child": ["lucas", "1"]})
sc("b16-logopedie-en-tandarts-tijden", ["two", "appointment", "late", "early"], "2026-12-10T07:30", NSF,
   [{"say": "noor heeft om 9 uur de logopedist en is er om 10 uur, sem moet om 13.00 weg voor de tandarts",
     "fixes": ["nee, noor komt om 10 uur en sem gaat om 13.00 weg, allebei een afspraak"]}],
   [r("Noor", D10, "appointment", None, "10:00"), r("Sem", D10, "appointment", "13:00", None)], "different times per child: late and leaving early",
   answers={"time": ["noor is er om 10 uur, sem gaat om 13.00 weg"], "reason": ["afspraak", "2"]})
sc("b17-tijdens-school-lucas-thuis-mila-wel", ["two", "present", "during"], "2026-11-17T11:15", LMF,
   [{"say": "sorry vergeten te melden, lucas is vandaag thuis ziek. mila is er wel", "fixes": ["nee alleen lucas, vandaag ziek"]}],
   rows(["Lucas"], [N17]), "during school; one child sick, the other present", answers={"child": ["lucas", "1"]})
sc("b18-past-vandaag-en-vrijdag", ["two", "days", "past", "after-school"], "2026-11-16T16:00", NSF,
   [{"say": "noor en sem waren vandaag en vrijdag ziek, vergeten door te geven sorry", "fixes": ["nee allebei, vrijdag 13 en vandaag maandag 16 november"]}],
   rows(NS, [N13, N16]), "after school; today and last Friday, both", answers={"day": ["vrijdag en vandaag"]})
sc("b19-en-rest-of-the-week", ["two", "days", "range", "english"], "2026-11-24T08:00", EOF,
   [{"say": "the doctor says emma and oliver have strep throat, they need to stay home the rest of the week", "fixes": ["no, both, today until Friday"]}],
   rows(EO, [N24, N25, N26, N27]), "English 'the rest of the week' for both", lang="en", answers={"day": ["today until Friday"]})
sc("b20-beide-tot-weer-fit", ["two", "days", "open"], "2026-12-03T07:35", LMF,
   [{"say": "lucas en mila hebben roodvonk. ze blijven thuis totdat ze weer fit zijn", "fixes": ["nee allebei, vanaf vandaag tot ze beter zijn"]}],
   rows(LM, [D03]), "open-ended from today for both: today")
sc("b21-beide-vanaf-morgen-open", ["two", "days", "open", "evening"], "2026-12-15T19:00", NSF,
   [{"say": "noor en sem hebben allebei corona, vanaf morgen thuis. ik laat weten wanneer ze weer komen", "fixes": ["nee allebei, vanaf morgen woensdag"]}],
   rows(NS, [D16]), "evening; open-ended from tomorrow for both: the first day", answers={"day": ["vanaf morgen"]})
sc("b22-maandag-en-woensdag-ziekenhuis-hele-dag", ["two", "days", "appointment", "time-unknown", "evening"], "2026-11-20T20:30", NSF,
   [{"say": "maandag en woensdag zijn noor en sem er niet, ze moeten allebei naar het ziekenhuis voor onderzoek", "fixes": ["nee allebei, maandag 23 en woensdag 25, ziekenhuis de hele dag"]}],
   rows(NS, [N23, N25], "appointment"), "Friday evening; separate days, both, hospital; time question -> whole day",
   answers={"time": ["de hele dag"], "reason": ["ziekenhuis", "2"], "day": ["maandag en woensdag"]})
sc("b23-beide-om-12-weg-familie", ["two", "other", "early"], "2026-12-17T08:00", LMF,
   [{"say": "ik haal lucas en mila vandaag om 12 uur op, we vliegen vanmiddag naar familie in portugal", "fixes": ["nee allebei vandaag vanaf 12 uur weg, andere reden"]}],
   rows(LM, [D17], "other", "12:00", None), "both leave early for another reason",
   answers={"time": ["om 12 uur"], "reason": ["familiebezoek", "3"]})
sc("b24-hedge-denk-morgen-ook", ["two", "days", "hedge"], "2026-12-09T07:25", NSF,
   [{"say": "sem en noor zijn ziek vandaag. denk dat ze morgen ook nog thuis zijn", "fixes": ["nee allebei, vandaag en morgen"]}],
   rows(NS, [D09, D10]), "hedge for two children; Wednesday and Thursday")
sc("b25-typos-hedge-avond", ["two", "days", "hedge", "typo", "evening"], "2026-12-07T21:15", LMF,
   [{"say": "lucas en mila morgen nit naar school zijn alebei ziek. woensdg waarschijnlijk ook", "fixes": ["nee allebei, morgen dinsdag en woensdag"]}],
   rows(LM, [D08, D09]), "evening; typos incl. day word; hedge", answers={"day": ["dinsdag en woensdag"]})
sc("b26-en-followup-emma-too", ["two", "followup", "appointment", "late", "english", "after-school"], "2026-11-19T16:10", EOF,
   [{"say": "Oliver hurt his knee at football, doctor appointment tomorrow morning at 9, he'll be in school by 10.30",
     "expect": [r("Oliver", N20, "appointment", None, "10:30")], "fixes": ["no, Oliver, tomorrow, in school at 10.30"]},
    {"say": "oh and emma is staying home tomorrow too, she's got a bad cough", "expect": rows(["Emma"], [N20]), "fixes": ["no, Emma sick tomorrow, all day"]}],
   [r("Oliver", N20, "appointment", None, "10:30"), r("Emma", N20)], "English follow-up, other child, other reason",
   lang="en", answers={"time": ["he'll be in at 10.30"], "day": ["tomorrow"]})
sc("b27-sem-twee-dagen-noor-een", ["two", "days"], "2026-11-23T07:35", NSF,
   [{"say": "sem blijft vandaag en morgen thuis, noor alleen vandaag. ze zijn allebei grieperig", "fixes": ["nee, sem vandaag en morgen, noor alleen vandaag"]}],
   [r("Sem", N23), r("Sem", N24), r("Noor", N23)], "different days per child")

# ======================= one child =======================
sc("e01-tot-en-met-woensdag", ["one", "days", "range"], "2026-11-30T07:40", TIM,
   [{"say": "tim is ziek tot en met woensdag", "fixes": ["nee vandaag tot en met woensdag"]}],
   rows(["Tim"], [N30, D01, D02]), "range 'tot en met'")
sc("e02-rest-van-de-week-oor", ["one", "days", "range"], "2026-11-24T07:50", BIBI,
   [{"say": "bibi blijft de rest vd week thuis, oorontsteking", "fixes": ["nee vandaag t/m vrijdag"]}],
   rows(["Bibi"], [N24, N25, N26, N27]), "'de rest van de week' (abbreviated)", answers={"day": ["vandaag t/m vrijdag"]})
sc("e03-gisteren-en-vandaag-avond", ["one", "days", "past", "evening"], "2026-11-25T20:00", SAMI,
   [{"say": "sami is gisteren en vandaag ziek geweest, morgen gaat hij weer", "fixes": ["nee, gisteren dinsdag en vandaag woensdag"]}],
   rows(["Sami"], [N24, N25]), "evening; yesterday and today, back tomorrow", answers={"day": ["gisteren en vandaag"]})
sc("e04-afgelopen-do-vr-tijdens-school", ["one", "days", "past", "during"], "2026-11-23T12:10", TIM,
   [{"say": "tim was afgelopen donderdag en vrijdag ziek, vergeten te melden", "fixes": ["nee, donderdag 19 en vrijdag 20 november"]}],
   rows(["Tim"], [N19, N20]), "during school on Monday; two past days", answers={"day": ["donderdag en vrijdag"]})
sc("e05-zaterdag-ziek-geworden-morgen-niet", ["one", "days", "past", "weekend"], "2026-11-29T17:00", BIBI,
   [{"say": "bibi is gisteren ziek geworden en gaat morgen nog niet", "fixes": ["nee alleen morgen maandag"]}],
   rows(["Bibi"], [N30]), "Sunday; sick since Saturday (no school): only Monday", answers={"day": ["morgen"]})
sc("e06-hedge-verwacht-morgen-ook", ["one", "days", "hedge"], "2026-12-01T07:45", SAMI,
   [{"say": "sami heeft koorts blijft vandaag thuis en ik verwacht morgen ook nog wel", "fixes": ["nee vandaag en morgen"]}],
   rows(["Sami"], [D01, D02]), "hedge with other wording")
sc("e07-typo-mrgn-avond", ["one", "days", "typo", "evening"], "2026-11-26T21:30", TIM,
   [{"say": "tim gaat mrgn niet naar school, buikpijn en koorts", "fixes": ["nee morgen vrijdag"]}],
   rows(["Tim"], [N27]), "evening; typo 'mrgn'", answers={"day": ["morgen"]})
sc("e08-typo-maandg-huisarts", ["one", "days", "typo", "appointment", "evening"], "2026-11-27T18:00", BIBI,
   [{"say": "bibi moet maandg om 10 uur naar de huisarts, is rond 11 uur terug op school", "fixes": ["nee maandag van 10 tot 11 huisarts"]}],
   [r("Bibi", N30, "appointment", "10:00", "11:00")], "Friday evening; typo 'maandg'; appointment with times",
   answers={"day": ["maandag"], "time": ["van 10 tot 11"], "reason": ["huisarts", "2"]})
sc("e09-ziekenhuis-weet-ik-niet", ["one", "appointment", "time-unknown"], "2026-12-07T08:10", SAMI,
   [{"say": "sami heeft vandaag een afspraak in het ziekenhuis", "fixes": ["nee vandaag ziekenhuis, de hele dag"]}],
   rows(["Sami"], [D07], "appointment"), "appointment without times; time question -> 'weet ik niet'",
   answers={"time": ["weet ik niet", "de hele dag dan maar"], "reason": ["ziekenhuis", "2"]})
sc("e10-kaakchirurg-hele-dag-woensdag", ["one", "appointment", "time-unknown"], "2026-12-09T07:30", TIM,
   [{"say": "tim moet vandaag naar de kaakchirurg", "fixes": ["nee vandaag de hele dag, kaakchirurg"]}],
   rows(["Tim"], [D09], "appointment"), "Wednesday; appointment; time question -> 'de hele dag'",
   answers={"time": ["de hele dag"], "reason": ["afspraak kaakchirurg", "2"]})
sc("e11-opa-haalt-op-1215", ["one", "appointment", "early", "during"], "2026-12-08T11:30", BIBI,
   [{"say": "bibi wordt om 12.15 opgehaald door opa, ze moet naar de dokter", "fixes": ["nee vandaag vanaf 12.15 weg, dokter"]}],
   [r("Bibi", D08, "appointment", "12:15", None)], "during school; leaving early",
   answers={"time": ["om 12.15 weg"], "reason": ["dokter", "2"]})
sc("e12-later-bloedprikken-kwart-voor-10", ["one", "appointment", "late"], "2026-12-03T07:55", SAMI,
   [{"say": "sami komt later vandaag ivm bloedprikken, ongeveer kwart voor 10", "fixes": ["nee vandaag, hij is er om 9.45"]}],
   [r("Sami", D03, "appointment", None, "09:45")], "late arrival with a time in words",
   answers={"time": ["hij is er om kwart voor 10"], "reason": ["bloedprikken", "2"]})
sc("e13-fysio-donderdag-en-dinsdag", ["one", "days", "appointment", "evening"], "2026-11-17T19:45", TIM,
   [{"say": "tim moet donderdag en dinsdag naar de fysio van 13.00 tot 14.00", "fixes": ["nee donderdag 19 en dinsdag 24 november, van 13.00 tot 14.00"]}],
   [r("Tim", N19, "appointment", "13:00", "14:00"), r("Tim", N24, "appointment", "13:00", "14:00")],
   "Tuesday evening; separate days incl. next Tuesday; times", answers={"time": ["van 13.00 tot 14.00"], "reason": ["fysio", "2"], "day": ["donderdag en dinsdag"]})
sc("e14-ziek-en-woensdag-ziekenhuis", ["one", "days", "appointment", "time-unknown"], "2026-12-14T07:30", BIBI,
   [{"say": "bibi is vandaag ziek en woensdag ook weg want dan moet ze naar het ziekenhuis", "fixes": ["nee vandaag ziek, woensdag ziekenhuis de hele dag"]}],
   [r("Bibi", D14), r("Bibi", D16, "appointment")], "two separate days, different kinds; time of the appointment unknown",
   answers={"time": ["weet ik nog niet", "de hele dag"], "reason": ["vandaag ziek, woensdag ziekenhuis"]})
sc("e15-zaterdag-correctie-dinsdag-donderdag", ["one", "followup", "correction", "days", "appointment", "early", "weekend"], "2026-11-28T10:30", SAMI,
   [{"say": "sami heeft dinsdag een afspraak bij de orthodontist om 14.00, hij moet om half 2 weg",
     "expect": [r("Sami", D01, "appointment", "13:30", None)], "fixes": ["nee dinsdag om half 2 weg"]},
    {"say": "sorry niet dinsdag maar donderdag, ik haalde het door elkaar", "expect": [r("Sami", D03, "appointment", "13:30", None)],
     "receipt_ok": [r("Sami", D01, "appointment", "13:30", None)], "fixes": ["nee donderdag 3 december om half 2 weg"]}],
   [r("Sami", D03, "appointment", "13:30", None)], "Saturday; after the receipt the day is corrected",
   answers={"time": ["om half 2 weg"], "reason": ["orthodontist", "2"]})
sc("e16-vrijdag-en-maandag-ook", ["one", "followup", "days"], "2026-12-04T07:45", TIM,
   [{"say": "tim is vandaag ziek", "expect": rows(["Tim"], [D04]), "fixes": ["nee vandaag"]},
    {"say": "en maandag ook, dokter zegt het duurt wel even", "expect": rows(["Tim"], [D07]), "receipt_ok": rows(["Tim"], [D04]),
     "fixes": ["nee maandag 7 december ook ziek"]}],
   rows(["Tim"], [D04, D07]), "Friday; after the receipt Monday added", answers={"day": ["maandag"]})
sc("e17-vanaf-morgen-tm-dinsdag-studiedag", ["one", "days", "range", "holiday", "evening"], "2026-12-10T19:30", BIBI,
   [{"say": "bibi heeft waterpokken, vanaf morgen tm dinsdag thuis", "fixes": ["nee maandag 14 en dinsdag 15, vrijdag is studiedag"]}],
   rows(["Bibi"], [D14, D15]), "Thursday evening; range over the study day and weekend", answers={"day": ["vanaf morgen t/m dinsdag"]})
sc("e18-laatste-vakantiedag", ["one", "days", "holiday", "weekend", "evening"], "2027-01-03T20:00", SAMI,
   [{"say": "sami is ziek, gaat morgen niet naar school", "fixes": ["nee morgen maandag 4 januari"]}],
   rows(["Sami"], [J04]), "last evening of the Christmas holiday", answers={"day": ["morgen"]})
sc("e19-woensdagmiddag-was-vandaag-ziek", ["one", "days", "past", "after-school"], "2026-11-18T15:00", TIM,
   [{"say": "tim was vandaag ziek, morgen gaat ie weer", "fixes": ["nee alleen vandaag woensdag"]}],
   rows(["Tim"], [N18]), "Wednesday afternoon; today (past tense), back tomorrow")
sc("e20-en-emma-off-till-thursday", ["one", "days", "range", "english"], "2026-11-16T07:30", EOF,
   [{"say": "emma has the flu, she'll be off till thursday. back on friday hopefully", "fixes": ["no, Emma, today until Thursday"]}],
   rows(["Emma"], [N16, N17, N18, N19]), "English; one of two children; 'till thursday ... back on friday'",
   lang="en", answers={"child": ["Emma", "1"], "day": ["today until Thursday"]})
sc("e21-typo-tm-dondredag", ["one", "days", "range", "typo"], "2026-11-23T07:10", TIM,
   [{"say": "tim is ziek tm dondredag", "fixes": ["nee vandaag t/m donderdag"]}],
   rows(["Tim"], [N23, N24, N25, N26]), "range with a typo in the day word", answers={"day": ["vandaag t/m donderdag"]})
sc("e22-al-sinds-maandag", ["one", "days", "past", "open"], "2026-11-25T08:00", BIBI,
   [{"say": "bibi is al sinds maandag ziek, was vergeten het door te geven. vandaag ook nog thuis", "fixes": ["nee maandag dinsdag en vandaag"]}],
   rows(["Bibi"], [N23, N24, N25]), "since Monday, up to today")
sc("e23-eergisteren", ["one", "days", "past", "after-school"], "2026-11-26T16:00", SAMI,
   [{"say": "sami was eergisteren ziek, sorry dat ik het nu pas meld", "fixes": ["nee dinsdag 24 november"]}],
   rows(["Sami"], [N24]), "after school; 'eergisteren'", answers={"day": ["dinsdag"]})
sc("e24-later-huisarts-weet-niet", ["one", "appointment", "late", "time-unknown"], "2026-12-01T08:00", TIM,
   [{"say": "tim komt vandaag later hij moet eerst naar de huisarts", "fixes": ["nee vandaag, huisarts, tijd weet ik niet"]}],
   rows(["Tim"], [D01], "appointment"), "late arrival, time unknown -> whole day appointment",
   answers={"time": ["weet ik niet, zo snel mogelijk", "de hele dag"], "reason": ["huisarts", "2"]})
sc("e25-sem-alleen-orthodontist-1330", ["one", "appointment", "early"], "2026-11-20T07:40", NSF,
   [{"say": "ik haal sem vanmiddag om 13.30 op voor de orthodontist", "fixes": ["nee alleen sem, vandaag om 13.30 weg"]}],
   [r("Sem", N20, "appointment", "13:30", None)], "two-child family, about one child; leaving early",
   answers={"child": ["sem", "2"], "time": ["om 13.30 weg"], "reason": ["orthodontist", "2"]})
sc("e26-tot-hij-beter-is", ["one", "days", "open"], "2026-11-16T07:35", SAMI,
   [{"say": "sami heeft griep hij blijft thuis tot hij beter is", "fixes": ["nee vanaf vandaag"]}],
   rows(["Sami"], [N16]), "open-ended from today: today")
sc("e27-en-oliver-past-yesterday-better", ["one", "days", "past", "english", "during"], "2026-12-08T10:05", EOF,
   [{"say": "Oliver was sick yesterday, forgot to tell you. He's fine again today and in class", "fixes": ["no, only yesterday, Monday 7 December"]}],
   rows(["Oliver"], [D07]), "English, during school; sick yesterday only",
   lang="en", answers={"child": ["Oliver", "2"], "day": ["yesterday"]})

with open(os.path.join(HERE, "scenarios.jsonl"), "w") as f:
    for s in out: f.write(json.dumps(s, ensure_ascii=False) + "\n")
two = sum("two" in s["groups"] for s in out); days = sum("days" in s["groups"] for s in out); past = sum("past" in s["groups"] for s in out)
print(len(out), "scenarios;", two, "two-children;", len(out) - two, "one child;", days, "days;", past, "past")
