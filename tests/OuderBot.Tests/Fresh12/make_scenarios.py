# Writes scenarios.jsonl: the fresh absence-report scenarios (design). The runner (measure.py) adds "messages"
# (exactly what was sent) after the one measured run.
import json
F, E, J, K, L, S = "+31644444444", "+31633333333", "+31666666666", "+31655555555", "+31622222222", "+31611111111"
MON, TUE, WED, WED_LATE, THU, FRI = "2026-11-23T07:45", "2026-11-24T07:30", "2026-11-25T07:40", "2026-11-25T10:15", "2026-11-26T07:50", "2026-11-27T07:40"
SUN_EVE, MON2, MON3, THU4 = "2026-11-29T20:30", "2026-11-30T07:45", "2026-12-07T07:45", "2026-12-17T07:45"
def r(child, date, kind="sick", f=None, u=None): return {"child": child, "date": date, "kind": kind, "from": f, "until": u}
def rows(children, dates, kind="sick", f=None, u=None): return [r(c, d, kind, f, u) for c in children for d in dates]
NL = {"reason": ["ziek", "1"], "child": ["allebei", "1 en 2"], "day": ["vandaag"]}
EN = {"reason": ["sick", "1"], "child": ["both", "1 and 2"], "day": ["today"]}
out = []
def sc(id, groups, now, frm, script, expected, notes, answers=None, lang="nl"):
    a = dict(NL if lang == "nl" else EN); a.update(answers or {})
    segs = []
    for s in script:
        if isinstance(s, str): s = {"say": s}
        segs.append(s)
    if len(segs) == 1 and "expect" not in segs[0]: segs[0]["expect"] = expected
    out.append({"id": id, "groups": groups, "now": now, "from": frm, "lang": lang, "script": segs, "answers": a,
                "expected": expected, "notes": notes})
N23, N24, N25, N26, N27, N30, D01 = "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01"
NS = ["Noor", "Sem"]; EO = ["Emma", "Oliver"]; LM = ["Lucas", "Mila"]

# ---------------- two children ----------------
sc("tc01-names-allebei", ["two", "illness"], MON, F, [{"say": "Noor en Sem zijn allebei ziek vandaag", "fixes": ["nee, Noor en Sem allebei, vandaag ziek"]}],
   rows(NS, [N23]), "both named, 'allebei'")
sc("tc02-reverse-buikgriep", ["two", "illness"], TUE, F, [{"say": "Sem en Noor hebben buikgriep, ze blijven vandaag thuis", "fixes": ["nee, allebei: Sem en Noor"]}],
   rows(NS, [N24]), "reverse order, buikgriep, no word 'ziek'")
sc("tc03-de-kinderen-allebei-noday", ["two"], THU, F, [{"say": "De kinderen zijn allebei ziek", "fixes": ["nee, allebei, Noor en Sem"]}],
   rows(NS, [N26]), "no names, no day; parent answers the day question with 'vandaag'")
sc("tc04-beide-koorts-2days", ["two", "days", "illness"], MON, J, [{"say": "Beide kinderen hebben koorts, ze blijven vandaag en morgen thuis", "fixes": ["nee, Lucas en Mila allebei, vandaag en morgen"]}],
   rows(LM, [N23, N24]), "'beide kinderen', two days, same group")
sc("tc05-de-kinderen", ["two"], FRI, F, [{"say": "De kinderen zijn vandaag ziek", "fixes": ["nee, allebei, Noor en Sem"]}],
   rows(NS, [N27]), "'de kinderen' = both")
sc("tc06-en-both-kids", ["two", "english", "illness"], MON, E, [{"say": "Both kids have a fever, they won't be in today", "fixes": ["no, both Emma and Oliver, today"]}],
   rows(EO, [N23]), "English, 'both kids', fever", lang="en")
sc("tc07-en-names-both", ["two", "english"], "2026-11-25T07:30", E, [{"say": "Emma and Oliver are both sick today, stomach bug", "fixes": ["no, both of them, Emma and Oliver"]}],
   rows(EO, [N25]), "English, both named, Wednesday", lang="en")
sc("tc08-diff-reasons-dentist", ["two", "appointment"], TUE, F,
   [{"say": "Noor is ziek en Sem moet om 11 uur naar de tandarts, hij is om 12 uur terug", "fixes": ["nee, Noor is ziek, Sem heeft om 11 uur de tandarts en is om 12 uur terug"]}],
   [r("Noor", N24), r("Sem", N24, "appointment", "11:00", "12:00")], "different reason per child, times", answers={"time": ["van 11 tot 12 uur"]})
sc("tc09-en-diff-reasons", ["two", "english", "appointment"], THU, E,
   [{"say": "Oliver has a dentist appointment at 9:30 and will be back at 11. Emma is ill and stays home.", "fixes": ["no, Emma is sick, Oliver has the dentist from 9:30 to 11"]}],
   [r("Oliver", N26, "appointment", "09:30", "11:00"), r("Emma", N26)], "English, different reasons", lang="en", answers={"time": ["from 9:30 to 11"]})
sc("tc10-followup-en-sem-ook", ["two", "followup"], MON, F,
   [{"say": "Noor is vandaag ziek", "expect": rows(["Noor"], [N23])}, {"say": "en Sem ook", "expect": rows(["Sem"], [N23])}],
   rows(NS, [N23]), "follow-up 'en Sem ook' after the receipt")
sc("tc11-followup-lucas-ook", ["two", "followup", "illness"], TUE, J,
   [{"say": "Mila heeft koorts, ze blijft vandaag thuis", "expect": rows(["Mila"], [N24])}, {"say": "Lucas ook trouwens", "expect": rows(["Lucas"], [N24])}],
   rows(LM, [N24]), "follow-up 'Lucas ook trouwens'")
sc("tc12-en-followup-too", ["two", "followup", "english"], FRI, E,
   [{"say": "Emma is sick today", "expect": rows(["Emma"], [N27])}, {"say": "Oliver too, sorry", "expect": rows(["Oliver"], [N27])}],
   rows(EO, [N27]), "English follow-up 'Oliver too'", lang="en")
sc("tc13-ask-child-allebei", ["two"], MON, F, [{"say": "Ik wil ziekmelden", "fixes": ["nee, allebei, Noor en Sem"]}],
   rows(NS, [N23]), "generic start; child question answered 'allebei'; day question 'vandaag'")
sc("tc14-ask-child-beide-2days", ["two", "days"], THU, J, [{"say": "Ziekmelding", "fixes": ["nee, Lucas en Mila allebei, vandaag en morgen"]}],
   rows(LM, [N26, N27]), "child question answered 'beide'; day 'vandaag en morgen'", answers={"child": ["beide", "1 en 2"], "day": ["vandaag en morgen"]})
sc("tc15-both-tm-woensdag", ["two", "days", "illness"], MON, F, [{"say": "Noor en Sem hebben de griep, ze zijn t/m woensdag thuis", "fixes": ["nee, allebei ziek, Noor en Sem, vandaag t/m woensdag"]}],
   rows(NS, [N23, N24, N25]), "both, range t/m woensdag")
sc("tc16-both-wo-vr-orthodontist", ["two", "days", "appointment"], MON, J,
   [{"say": "Lucas en Mila hebben woensdag en vrijdag allebei een afspraak bij de orthodontist, van 9 tot 10 uur", "fixes": ["nee, Lucas en Mila, woensdag en vrijdag, van 9 tot 10 uur orthodontist"]}],
   rows(LM, [N25, N27], "appointment", "09:00", "10:00"), "both, separate days, appointment with times", answers={"time": ["van 9 tot 10 uur"], "reason": ["orthodontist", "2"]})
sc("tc17-sick-and-late", ["two", "appointment"], WED, F,
   [{"say": "Sem is ziek. Noor komt vandaag later, om 10 uur, ze moet eerst naar de huisarts", "fixes": ["nee, Sem is ziek en Noor heeft de huisarts, ze komt om 10 uur"]}],
   [r("Sem", N25), r("Noor", N25, "appointment", None, "10:00")], "different reasons, late arrival", answers={"time": ["ze komt om 10 uur"]})
sc("tc18-past-friday-both", ["two", "days", "past"], MON2, F, [{"say": "Noor en Sem waren vrijdag allebei ziek, vergeten door te geven", "fixes": ["nee, Noor en Sem allebei, afgelopen vrijdag"]}],
   rows(NS, [N27]), "past tense on Monday: last Friday", answers={"day": ["afgelopen vrijdag"]})
sc("tc19-hedge-both", ["two", "days", "hedge"], MON, J, [{"say": "Lucas en Mila zijn vandaag ziek, morgen waarschijnlijk ook", "fixes": ["nee, allebei, vandaag en morgen"]}],
   rows(LM, [N23, N24]), "hedge counts both days")
sc("tc20-correct-child-after-receipt", ["two", "correction"], SUN_EVE, F,
   [{"say": "Noor en Sem hebben koorts, ze blijven morgen thuis", "expect": rows(NS, [N30]), "fixes": ["nee, allebei, morgen"]},
    {"say": "oh nee sorry, alleen Noor, Sem gaat wel gewoon", "expect": rows(["Noor"], [N30]), "receipt_ok": rows(["Sem"], [N30])}],
   rows(["Noor"], [N30]), "Sunday evening; after the receipt withdraws Sem; corrected report counts")
sc("tc21-en-the-children", ["two", "days", "english"], TUE, E, [{"say": "The children are both home sick today and tomorrow", "fixes": ["no, both Emma and Oliver, today and tomorrow"]}],
   rows(EO, [N24, N25]), "English, 'the children', two days", lang="en")
sc("tc22-lowercase-typo", ["two", "typo"], MON, F, [{"say": "noor en sem zijn ziek vandaaag", "fixes": ["nee, noor en sem allebei vandaag"]}],
   rows(NS, [N23]), "lowercase names, typo in day word")
sc("tc23-after-school-began", ["two", "late-report"], WED_LATE, F, [{"say": "Sorry te laat, Noor en Sem zijn vandaag ziek", "fixes": ["nee, allebei, Noor en Sem"]}],
   rows(NS, [N25]), "Wednesday 10:15, after school began", answers={"time": ["ze komen vandaag helemaal niet, ze zijn ziek"]})
sc("tc24-sick-and-other", ["two", "other"], FRI, J,
   [{"say": "Mila is ziek en Lucas blijft ook thuis want ik kan hem niet brengen", "fixes": ["nee, Mila is ziek en Lucas is er niet om een andere reden"]}],
   [r("Mila", N27), r("Lucas", N27, "other")], "different reasons: sick and other", answers={"reason": ["ik kan hem niet brengen", "3"]})
sc("tc25-both-open-vanaf-vandaag", ["two", "days", "open"], TUE, F,
   [{"say": "Noor en Sem hebben waterpokken, ze zijn vanaf vandaag thuis tot ze beter zijn", "fixes": ["nee, allebei, vanaf vandaag tot ze beter zijn"]}],
   rows(NS, [N24]), "open-ended from today: counts until today")
sc("tc26-both-sinds-gisteren", ["two", "days", "open", "past"], TUE, J, [{"say": "Lucas en Mila zijn sinds gisteren ziek", "fixes": ["nee, allebei, sinds gisteren"]}],
   rows(LM, [N23, N24]), "open-ended since yesterday: Monday and today")
sc("tc27-en-until-monday", ["two", "days", "english"], "2026-11-25T07:30", E,
   [{"say": "Emma and Oliver have the flu, they'll stay home until Monday and be back then", "fixes": ["no, both, today until Friday, back on Monday"]}],
   rows(EO, [N25, N26, N27]), "English 'until Monday ... back then' = Wed-Fri", lang="en")
sc("tc28-followup-other-day", ["two", "followup", "days"], MON, F,
   [{"say": "Sem is vandaag ziek", "expect": rows(["Sem"], [N23])}, {"say": "Noor is morgen ook ziek, ze heeft het nu ook", "expect": rows(["Noor"], [N24])}],
   [r("Sem", N23), r("Noor", N24)], "follow-up about the other child on another day")
sc("tc29-both-leave-early-dentist", ["two", "appointment"], THU, J,
   [{"say": "Lucas en Mila gaan vanmiddag naar de tandarts, ik haal ze om 13.15 uur op", "fixes": ["nee, allebei, vandaag om 13.15 uur weg voor de tandarts"]}],
   rows(LM, [N26], "appointment", "13:15", None), "both leave early for dentist", answers={"time": ["om 13.15 uur weg"]})
sc("tc30-en-followup-other-reason", ["two", "followup", "english", "appointment"], MON, E,
   [{"say": "Oliver is poorly today, he'll stay home", "expect": rows(["Oliver"], [N23])},
    {"say": "And Emma has a doctor's appointment tomorrow from 10 to 11", "expect": [r("Emma", N24, "appointment", "10:00", "11:00")]}],
   [r("Oliver", N23), r("Emma", N24, "appointment", "10:00", "11:00")], "English follow-up, other child, other reason", lang="en",
   answers={"time": ["from 10 to 11"]})

# ---------------- days, one child ----------------
sc("d01-wo-en-vr-ziekenhuis", ["days", "appointment"], MON, L,
   [{"say": "Tim moet woensdag en vrijdag de hele dag naar het ziekenhuis voor een behandeling", "fixes": ["nee, woensdag en vrijdag, de hele dag ziekenhuis"]}],
   rows(["Tim"], [N25, N27], "appointment"), "separate days, whole-day appointment", answers={"time": ["de hele dag"], "reason": ["ziekenhuis", "2"]})
sc("d02-tm-vrijdag", ["days", "illness"], MON, S, [{"say": "Bibi heeft griep, ze blijft t/m vrijdag thuis", "fixes": ["nee, vandaag t/m vrijdag"]}],
   rows(["Bibi"], [N23, N24, N25, N26, N27]), "range t/m vrijdag")
sc("d03-was-vrijdag-ziek", ["days", "past"], MON2, K, [{"say": "Sami was vrijdag ziek, vergeten te melden", "fixes": ["nee, afgelopen vrijdag"]}],
   rows(["Sami"], [N27]), "past tense on Monday", answers={"day": ["afgelopen vrijdag"]})
sc("d04-vanaf-morgen-open", ["days", "open"], SUN_EVE, L,
   [{"say": "Tim heeft vanavond koorts gekregen, hij blijft vanaf morgen thuis tot hij beter is", "expect": rows(["Tim"], [N30]), "fixes": ["nee, vanaf morgen tot hij beter is"]}],
   [], "open-ended from tomorrow said on Sunday: by the convention no row yet (counts until the now day); receipt must name Monday 30")
sc("d05-tot-maandag", ["days"], WED, S, [{"say": "Bibi is ziek, ze blijft thuis tot maandag", "fixes": ["nee, vandaag tot en met vrijdag, maandag gaat ze weer"]}],
   rows(["Bibi"], [N25, N26, N27]), "'tot maandag' = Wed-Fri, back Monday")
sc("d06-hedge", ["days", "hedge"], THU, L, [{"say": "Tim is vandaag ziek, morgen waarschijnlijk ook", "fixes": ["nee, vandaag en morgen"]}],
   rows(["Tim"], [N26, N27]), "hedge counts both days")
sc("d07-typo-donderdg", ["days", "typo", "appointment"], MON, K, [{"say": "Sami moet donderdg naar de tandarts van 10 tot 11", "fixes": ["nee, donderdag van 10 tot 11 tandarts"]}],
   [r("Sami", N26, "appointment", "10:00", "11:00")], "typo 'donderdg'", answers={"day": ["donderdag"], "time": ["van 10 tot 11"]})
sc("d08-typo-morgn", ["days", "typo", "illness"], SUN_EVE, S, [{"say": "Bibi heeft koorts, ze gaat morgn niet naar school", "fixes": ["nee, morgen, maandag"]}],
   rows(["Bibi"], [N30]), "typo 'morgn', Sunday evening", answers={"day": ["morgen"]})
sc("d09-correction-after-receipt", ["days", "correction"], MON, L,
   [{"say": "Tim is vandaag ziek", "expect": rows(["Tim"], [N23])},
    {"say": "oh nee ik bedoel morgen", "expect": rows(["Tim"], [N24]), "receipt_ok": rows(["Tim"], [N23])}],
   rows(["Tim"], [N24]), "correction after the receipt: today -> tomorrow")
sc("d10-range-over-weekend", ["days"], THU, K, [{"say": "Sami is ziek, vandaag t/m dinsdag", "fixes": ["nee, vandaag t/m dinsdag"]}],
   rows(["Sami"], [N26, N27, N30, D01]), "range over a weekend")
sc("d11-hele-week-studiedag", ["days", "holiday"], MON3, L, [{"say": "Tim is ziek, hij blijft de hele week thuis", "fixes": ["nee, de hele week, t/m donderdag want vrijdag is studiedag"]}],
   rows(["Tim"], ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"]), "whole week; Friday 11 Dec is a study day")
sc("d12-tot-kerstvakantie", ["days", "holiday"], THU4, S, [{"say": "Bibi is ziek, ze blijft thuis tot de kerstvakantie", "fixes": ["nee, vandaag en morgen"]}],
   rows(["Bibi"], ["2026-12-17", "2026-12-18"]), "until the Christmas holiday: Thu and Fri")
sc("d13-late-report-wed", ["days", "late-report"], WED_LATE, K, [{"say": "Sami is vandaag ziek", "fixes": ["nee, vandaag"]}],
   rows(["Sami"], [N25]), "Wednesday 10:15 after school began")
sc("d14-en-monday-through-wednesday", ["days", "english"], MON, E, [{"say": "Oliver is sick, he'll be off Monday through Wednesday", "fixes": ["no, Oliver, today through Wednesday"]}],
   rows(["Oliver"], [N23, N24, N25]), "English range", lang="en")
sc("d15-past-two-days", ["days", "past"], WED, L, [{"say": "Tim was maandag en dinsdag ziek, sorry vergeten door te geven", "fixes": ["nee, afgelopen maandag en dinsdag"]}],
   rows(["Tim"], [N23, N24]), "past tense, two separate days")
sc("d16-volgende-week-dinsdag", ["days", "appointment"], THU, S, [{"say": "Bibi moet volgende week dinsdag naar het ziekenhuis, van 8.30 tot 12 uur", "fixes": ["nee, volgende week dinsdag 1 december van 8.30 tot 12"]}],
   [r("Bibi", D01, "appointment", None, "12:00")], "next week Tuesday; from 08:30 = school start", answers={"time": ["van 8.30 tot 12 uur"]})
sc("d17-en-past-friday", ["days", "past", "english"], MON2, E, [{"say": "Emma was off sick on Friday, sorry I forgot to let you know", "fixes": ["no, Emma, last Friday"]}],
   rows(["Emma"], [N27]), "English past tense", lang="en", answers={"day": ["last Friday"]})
sc("d18-typo-woensdg-vrijdg", ["days", "typo"], MON, K, [{"say": "Sami is ziek, hij blijft woensdg en vrijdg thuis, donderdag gaat hij wel", "fixes": ["nee, woensdag en vrijdag"]}],
   rows(["Sami"], [N25, N27]), "typos in two separate day words")

# ---------------- appointments, illness words ----------------
sc("a01-dentist-11", ["appointment"], MON, K, [{"say": "Sami moet vandaag om 11 uur naar de tandarts, om 12 uur is hij terug", "fixes": ["nee, vandaag van 11 tot 12 tandarts"]}],
   [r("Sami", N23, "appointment", "11:00", "12:00")], "dentist at 11, back at 12", answers={"time": ["van 11 tot 12"]})
sc("a02-leave-early", ["appointment"], FRI, L, [{"say": "Tim moet vandaag om 13.30 uur weg, hij heeft een afspraak bij de orthodontist", "fixes": ["nee, vandaag om half 2 weg"]}],
   [r("Tim", N27, "appointment", "13:30", None)], "leaving early", answers={"time": ["om 13.30 uur weg, hij komt niet meer terug"]})
sc("a03-late-arrival", ["appointment"], TUE, S, [{"say": "Bibi komt vanochtend later, ze moet bloed laten prikken, ze is er rond 9.30 uur", "fixes": ["nee, ze komt om 9.30 uur"]}],
   [r("Bibi", N24, "appointment", None, "09:30")], "arriving late", answers={"time": ["ze is er om 9.30 uur"], "reason": ["bloedprikken in het ziekenhuis", "2"]})
sc("i01-buikgriep-noday", ["illness"], THU, K, [{"say": "Sami heeft buikgriep en heeft vannacht overgegeven", "fixes": ["nee, vandaag"]}],
   rows(["Sami"], [N26]), "illness words only, no day; day question -> vandaag")
sc("i02-en-temperature", ["illness", "english"], MON, E, [{"say": "Emma has a temperature, keeping her home today", "fixes": ["no, Emma, today"]}],
   rows(["Emma"], [N23]), "English illness word, one of two children", lang="en")
sc("i03-koorts-morgen", ["illness"], TUE, S, [{"say": "Bibi heeft 39 graden koorts, ze blijft vandaag thuis", "fixes": ["nee, vandaag"]}],
   rows(["Bibi"], [N24]), "koorts with a number that is not a time or date")
sc("e01-en-orthodontist-tomorrow", ["appointment", "english"], TUE, E, [{"say": "Oliver has an orthodontist appointment tomorrow from 10:00 to 11:30", "fixes": ["no, Oliver, tomorrow 10:00 to 11:30"]}],
   [r("Oliver", N25, "appointment", "10:00", "11:30")], "English appointment with times", lang="en", answers={"time": ["from 10:00 to 11:30"]})
for s in out:
    s["messages"] = [seg["say"] for seg in s["script"]]  # replaced by the exact sent list after the run
with open("/work/fresh-eval-12/scenarios.jsonl", "w") as f:
    for s in out: f.write(json.dumps(s, ensure_ascii=False) + "\n")
two = sum("two" in s["groups"] for s in out); days = sum("days" in s["groups"] for s in out)
print(len(out), "scenarios;", two, "two-children;", days, "days")
