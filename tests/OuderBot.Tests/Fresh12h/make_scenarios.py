#!/usr/bin/env python3
"""Fresh12h: hand-typed absence conversations of families (OBS De Driehoek) + their gold, with checks.

Every message below was typed by hand, one at a time. Gold rows are written with a weekday label that is checked
against the date ("di 24-11" must be a Tuesday), so a slip in a date is caught.

    python3 make_scenarios.py          # checks everything, prints a listing, writes scenarios.jsonl
"""
import datetime as dt, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "scenarios.jsonl")

SANNE, LOTTE, EMILY, FATMA, KARIM, JULIA = ("+31611111111", "+31622222222", "+31633333333",
                                            "+31644444444", "+31655555555", "+31666666666")
FAMILY = {SANNE: ["Bibi"], LOTTE: ["Tim"], EMILY: ["Emma", "Oliver"], FATMA: ["Noor", "Sem"], KARIM: ["Sami"],
          JULIA: ["Lucas", "Mila"]}
LANGS = {SANNE: {"nl"}, LOTTE: {"nl"}, EMILY: {"en"}, FATMA: {"nl"}, KARIM: {"nl", "en"}, JULIA: {"nl"}}
START = {0: "08:30", 1: "08:30", 2: "08:30", 3: "08:30", 4: "08:30"}
END = {0: "14:30", 1: "14:30", 2: "12:30", 3: "14:30", 4: "14:30"}
NO_SCHOOL = [("2026-12-11", "2026-12-11"), ("2026-12-19", "2027-01-03")]
GROUPS = ["two", "dy", "tm", "rs", "ad", "co", "wd"]
WDAY = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
KINDS = {"sick", "appointment", "other"}


def school_day(d):
    s = d.isoformat()
    return d.weekday() < 5 and not any(a <= s <= b for a, b in NO_SCHOOL)


def D(label):
    """'di 24-11' -> '2026-11-24', asserting the weekday; months 11/12 are 2026."""
    wd, dm = label.split()
    day, mon = (int(x) for x in dm.split("-"))
    d = dt.date(2026 if mon >= 8 else 2027, mon, day)
    assert d.weekday() == WDAY[wd], f"{label}: {d} is a {d.strftime('%A')}"
    return d.isoformat()


def r(child, label, kind, frm=None, until=None):
    return {"child": child, "date": D(label), "kind": kind, "from": frm, "until": until}


def seg(say, expect, fixes, receipt_ok=None):
    s = {"say": say, "expect": expect, "fixes": fixes}
    if receipt_ok:
        s["receipt_ok"] = receipt_ok
    return s


def A(child=(), reason=(), time=(), day=()):
    return {"child": list(child), "reason": list(reason), "time": list(time), "day": list(day)}


SC = []


def S(id, now, frm, lang, answers, *script):
    SC.append({"id": id, "groups": [id.split("-")[0]], "now": now + ":00", "from": frm, "lang": lang,
               "answers": answers, "script": list(script), "expected": script[-1]["expect"]})


# ---------------------------------------------------------------- two-: both children in one message
S("two-01-fatma-koorts", "2026-11-24T07:05", FATMA, "nl",
  A(child=["allebei"], reason=["ziek"], day=["vandaag"]),
  seg("Goedemorgen. Noor en Sem ziek vandaag. koorts",
      [r("Noor", "di 24-11", "sick"), r("Sem", "di 24-11", "sick")],
      ["Nee. Noor en Sem allebei ziek. Alleen vandaag"]))

S("two-02-emily-stomach-bug", "2026-11-29T20:40", EMILY, "en",
  A(child=["Both of them"], reason=["They're sick"], day=["Tomorrow"]),
  seg("Hi, both kids have caught the stomach bug that's going round, so Emma and Oliver won't be in tomorrow. "
      "Sorry! Emily",
      [r("Emma", "ma 30-11", "sick"), r("Oliver", "ma 30-11", "sick")],
      ["No, it's both of them: Emma and Oliver are both sick tomorrow, Monday."]))

S("two-03-julia-griep", "2026-12-02T07:20", JULIA, "nl",
  A(child=["Allebei"], reason=["griep"], day=["vandaag"]),
  seg("Goedemorgen, Lucas en Mila blijven vandaag allebei thuis, ze hebben flinke griep. Donderdag zijn ze er "
      "hopelijk weer. Groet, Julia Visser",
      [r("Lucas", "wo 02-12", "sick"), r("Mila", "wo 02-12", "sick")],
      ["Nee, het gaat om vandaag, woensdag. Lucas en Mila zijn allebei ziek."]))

S("two-04-fatma-ziek-en-ziekenhuis", "2026-11-30T19:30", FATMA, "nl",
  A(child=["allebei"], reason=["Noor ziek, Sem ziekenhuis"], time=["hele dag"], day=["morgen"]),
  seg("Goedenavond juf. Noor morgen niet school, ziek. Sem morgen naar ziekenhuis hele dag",
      [r("Noor", "di 01-12", "sick"), r("Sem", "di 01-12", "appointment")],
      ["Nee. Noor morgen ziek. Sem morgen ziekenhuis, hele dag niet school."]))

S("two-05-emily-sick-and-orthodontist", "2026-12-01T07:10", EMILY, "en",
  A(child=["Both, Emma and Oliver"], reason=["Emma is sick, Oliver has the orthodontist"], time=["10:30"],
    day=["Emma today, Oliver on Thursday"]),
  seg("Morning! Emma is off sick today with a temperature. Oliver is fine but he has the orthodontist on Thursday "
      "morning, so he'll be late that day, around 10:30.",
      [r("Emma", "di 01-12", "sick"), r("Oliver", "do 03-12", "appointment", "10:30", None)],
      ["No. Emma is sick today (Tuesday). Oliver has the orthodontist on Thursday and comes in at 10:30."]))

S("two-06-julia-de-kinderen-begrafenis", "2026-11-26T21:10", JULIA, "nl",
  A(child=["Lucas en Mila allebei"], reason=["begrafenis van opa"], time=["de hele dag"], day=["morgen"]),
  seg("Hoi, de kinderen gaan morgen mee naar de begrafenis van hun opa in Groningen. Ze zijn er morgen dus de hele "
      "dag niet. Gr Julia",
      [r("Lucas", "vr 27-11", "other"), r("Mila", "vr 27-11", "other")],
      ["Nee, Lucas en Mila allebei, morgen (vrijdag) de hele dag. Ze gaan naar de begrafenis van hun opa."]))

S("two-07-fatma-allebei-zonder-namen", "2026-12-17T07:25", FATMA, "nl",
  A(child=["allebei", "Noor en Sem"], reason=["ziek"], day=["vandaag"]),
  seg("goedemorgen allebei ziek vandaag buikpijn en overgeven",
      [r("Noor", "do 17-12", "sick"), r("Sem", "do 17-12", "sick")],
      ["Nee. Noor en Sem. Allebei ziek vandaag"]))

S("two-08-emily-canada-range", "2026-12-13T19:05", EMILY, "en",
  A(child=["Both"], reason=["Family trip to Canada"], day=["Wednesday 16 to Friday 18 December"]),
  seg("Hello, Emma and Oliver will both be away from Wednesday 16 to Friday 18 December. We're flying out to my "
      "parents in Canada for Christmas a few days early. I know it's not ideal, sorry.",
      [r("Emma", "wo 16-12", "other"), r("Emma", "do 17-12", "other"), r("Emma", "vr 18-12", "other"),
       r("Oliver", "wo 16-12", "other"), r("Oliver", "do 17-12", "other"), r("Oliver", "vr 18-12", "other")],
      ["No, it's both Emma and Oliver, Wednesday 16 through Friday 18 December, for a family trip to Canada."]))

S("two-09-julia-ziek-en-later", "2026-12-18T07:10", JULIA, "nl",
  A(child=["allebei"], reason=["Lucas ziek, Mila huisarts"], time=["half 10"], day=["vandaag"]),
  seg("Goedemorgen! Lucas is ziek (keelpijn) en blijft thuis. Mila komt vandaag wat later, zij moet om kwart over 8 "
      "bij de huisarts zijn voor een controle. Ze is er rond half 10.",
      [r("Lucas", "vr 18-12", "sick"), r("Mila", "vr 18-12", "appointment", "09:30", None)],
      ["Nee: Lucas is vandaag ziek, de hele dag. Mila komt vandaag om half 10, eerst naar de huisarts."]))

# ---------------------------------------------------------------- dy-: day patterns
S("dy-01-lotte-waterpokken-tm-woensdag", "2026-11-30T07:12", LOTTE, "nl",
  A(child=["Tim"], reason=["waterpokken"], day=["vandaag t/m woensdag"]),
  seg("Goedemorgen, Tim heeft waterpokken 🙁 Volgens de huisarts moet hij thuisblijven tot alle blaasjes zijn "
      "ingedroogd, dus vandaag t/m woensdag is hij er niet. Groetjes, Lotte",
      [r("Tim", "ma 30-11", "sick"), r("Tim", "di 01-12", "sick"), r("Tim", "wo 02-12", "sick")],
      ["Nee, Tim is ziek van vandaag t/m woensdag: maandag, dinsdag en woensdag."]))

S("dy-02-karim-was-vrijdag-ziek", "2026-12-07T07:08", KARIM, "nl",
  A(child=["Sami"], reason=["ziek"], day=["afgelopen vrijdag"]),
  seg("Goedemorgen, Sami was vrijdag ziek, dat ben ik vergeten door te geven. Sorry! Vandaag is hij er gewoon weer.",
      [r("Sami", "vr 04-12", "sick")],
      ["Nee, alleen afgelopen vrijdag 4 december, toen was Sami ziek. Vandaag is hij er."]))

S("dy-03-sanne-8-december-kinderarts", "2026-12-02T20:15", SANNE, "nl",
  A(child=["Bibi"], reason=["afspraak kinderarts"], time=["de hele dag"], day=["dinsdag 8 december"]),
  seg("Hallo, Bibi heeft dinsdag 8 december een afspraak bij de kinderarts in het ziekenhuis in Utrecht. Dat duurt "
      "de hele dag, dus ze is er die dag niet.",
      [r("Bibi", "di 08-12", "appointment")],
      ["Nee, dinsdag 8 december. Bibi is dan de hele dag in het ziekenhuis."]))

S("dy-04-fatma-typos-morgn-woensdg", "2026-11-23T19:40", FATMA, "nl",
  A(child=["Sem"], reason=["ziek"], day=["dinsdag en woensdag"]),
  seg("Sem morgn niet school. woensdg ook niet. ziek",
      [r("Sem", "di 24-11", "sick"), r("Sem", "wo 25-11", "sick")],
      ["Nee. Sem ziek dinsdag en woensdag. 2 dagen"]))

S("dy-05-julia-morgen-waarschijnlijk-ook", "2026-12-03T07:18", JULIA, "nl",
  A(child=["Mila"], reason=["ziek"], day=["vandaag"]),
  seg("Goedemorgen, Mila heeft vannacht overgegeven en blijft vandaag thuis. Morgen waarschijnlijk ook, maar dat laat "
      "ik morgenochtend nog even weten. Lucas komt gewoon.",
      [r("Mila", "do 03-12", "sick")],
      ["Nee, alleen vandaag voor Mila. Over morgen laat ik het morgenochtend weten."]))

S("dy-06-emily-rest-of-the-week", "2026-11-25T07:14", EMILY, "en",
  A(child=["Oliver"], reason=["flu"], day=["today until Friday"]),
  seg("Hi, Oliver has the flu. The GP says to keep him home for the rest of the week, so no school for him today, "
      "Thursday or Friday. Emma seems fine so far. Thanks, Emily",
      [r("Oliver", "wo 25-11", "sick"), r("Oliver", "do 26-11", "sick"), r("Oliver", "vr 27-11", "sick")],
      ["No, only Oliver: sick today, Thursday and Friday (the rest of this week)."]))

S("dy-07-lotte-bof-vanaf-morgen-tm-donderdag", "2026-12-06T20:30", LOTTE, "nl",
  A(child=["Tim"], reason=["de bof"], day=["maandag t/m donderdag"]),
  seg("Goedenavond. Tim heeft de bof 😷 hij mag vanaf morgen tot en met donderdag niet naar school (vrijdag is het "
      "toch studiedag).",
      [r("Tim", "ma 07-12", "sick"), r("Tim", "di 08-12", "sick"), r("Tim", "wo 09-12", "sick"),
       r("Tim", "do 10-12", "sick")],
      ["Nee, Tim is ziek van maandag 7 t/m donderdag 10 december."]))

S("dy-08-karim-tuesday-next-week", "2026-11-26T20:05", KARIM, "en",
  A(child=["Sami"], reason=["family wedding"], time=["the whole day"], day=["Tuesday 1 December"]),
  seg("Hi, Sami will miss school on Tuesday next week, we have a family wedding in Antwerp. Karim",
      [r("Sami", "di 01-12", "other")],
      ["No, Tuesday 1 December, the whole day, for a family wedding."]))

S("dy-09-karim-bruiloft-rond-studiedag", "2026-11-30T20:45", KARIM, "nl",
  A(child=["Sami"], reason=["bruiloft in Marokko"], day=["donderdag 10 t/m maandag 14 december"]),
  seg("Beste meester Daan, wij gaan naar een bruiloft in Marokko. Sami is er van donderdag 10 december t/m maandag "
      "14 december niet. Het verlof is aangevraagd bij de directeur en goedgekeurd. Met vriendelijke groet, Karim",
      [r("Sami", "do 10-12", "other"), r("Sami", "ma 14-12", "other")],
      ["Nee, Sami is afwezig op donderdag 10 december en maandag 14 december (vrijdag 11 is studiedag)."]))

S("dy-10-lotte-gisteren-en-vandaag", "2026-12-15T07:05", LOTTE, "nl",
  A(child=["Tim"], reason=["koorts"], day=["gisteren en vandaag"]),
  seg("Tim was gisteren ook al thuis met koorts, dat had ik nog niet doorgegeven. Vandaag blijft hij ook thuis.",
      [r("Tim", "ma 14-12", "sick"), r("Tim", "di 15-12", "sick")],
      ["Nee, Tim was gisteren (maandag) ziek en is vandaag (dinsdag) ook ziek."]))

# ---------------------------------------------------------------- tm-: times
S("tm-01-lotte-bloedprikken-half-10", "2026-11-24T07:22", LOTTE, "nl",
  A(child=["Tim"], reason=["bloedprikken bij de huisarts"], time=["half 10"], day=["vandaag"]),
  seg("Goedemorgen, Tim moet vanochtend om 8 uur bloed laten prikken bij de huisarts. Hij is er rond half 10.",
      [r("Tim", "di 24-11", "appointment", "09:30", None)],
      ["Nee, Tim komt vandaag om half 10 (9.30 uur), hij moet eerst bloed laten prikken."]))

S("tm-02-sanne-logopedie-13-15", "2026-12-03T07:28", SANNE, "nl",
  A(child=["Bibi"], reason=["logopedie"], time=["13.15"], day=["vandaag"]),
  seg("Hoi! Bibi moet vandaag om 13.15 opgehaald worden, ze heeft een afspraak bij de logopedist. Ik kom haar zelf "
      "halen bij de klas.",
      [r("Bibi", "do 03-12", "appointment", None, "13:15")],
      ["Nee, Bibi gaat vandaag om 13.15 uur weg voor de logopedist. Tot die tijd is ze gewoon op school."]))

S("tm-03-emily-dentist-pickup-and-back", "2026-11-30T20:10", EMILY, "en",
  A(child=["Emma"], reason=["dentist"], time=["I'll collect her at 10 and she'll be back at 11:30"],
    day=["tomorrow"]),
  seg("Hi, Emma has a dentist appointment tomorrow at 10:15. I'll pick her up at 10 and bring her back by about "
      "11:30.",
      [r("Emma", "di 01-12", "appointment", "11:30", "10:00")],
      ["No: tomorrow Emma leaves at 10:00 for the dentist and is back at school at 11:30."]))

S("tm-04-karim-car-trouble-late", "2026-12-09T07:29", KARIM, "en",
  A(child=["Sami"], reason=["car trouble"], time=["9:15"], day=["today"]),
  seg("Good morning, my car won't start and I'm waiting for the breakdown service, so Sami will be late today. "
      "Probably around 9:15. Sorry!",
      [r("Sami", "wo 09-12", "other", "09:15", None)],
      ["No, Sami comes in late today at 9:15 because of car trouble. He's not sick."]))

S("tm-05-julia-lucas-weg-woensdag", "2026-12-08T21:00", JULIA, "nl",
  A(child=["Lucas"], reason=["orthodontist"], time=["11.45"], day=["morgen"]),
  seg("Hoi juf Ingrid, morgen moet Lucas om 11.45 weg, hij heeft een afspraak bij de orthodontist in Zeist. Ik wacht "
      "bij het hek. Mila blijft gewoon tot het eind.",
      [r("Lucas", "wo 09-12", "appointment", None, "11:45")],
      ["Nee, alleen Lucas: morgen (woensdag) om 11.45 weg voor de orthodontist. Mila blijft gewoon."]))

S("tm-06-fatma-noor-10-uur", "2026-11-26T07:10", FATMA, "nl",
  A(child=["Noor"], reason=["dokter"], time=["10 uur"], day=["vandaag"]),
  seg("Goedemorgen. Noor komt 10 uur. Eerst dokter. Sem gewoon op tijd",
      [r("Noor", "do 26-11", "appointment", "10:00", None)],
      ["Nee. Noor vandaag om 10 uur school. Eerst dokter. Sem niet."]))

S("tm-07-emily-oliver-leaves-12-30", "2026-12-17T07:20", EMILY, "en",
  A(child=["Oliver"], reason=["hospital check-up"], time=["12:30"], day=["today"]),
  seg("Hi, Oliver needs to leave at 12:30 today, he has a hospital check-up for his knee at 1:15 in Amersfoort. "
      "I'll collect him from reception. Thanks!",
      [r("Oliver", "do 17-12", "appointment", None, "12:30")],
      ["No, Oliver leaves today at 12:30 for his hospital check-up. He's in school this morning."]))

S("tm-08-sanne-kwart-over-10", "2026-12-15T20:00", SANNE, "nl",
  A(child=["Bibi"], reason=["consultatiebureau"], time=["kwart over 10"], day=["morgen"]),
  seg("Goedenavond, Bibi komt morgen pas om kwart over 10, we moeten eerst naar het consultatiebureau voor haar "
      "prikken.",
      [r("Bibi", "wo 16-12", "appointment", "10:15", None)],
      ["Nee, Bibi komt morgen (woensdag) om kwart over 10, eerst consultatiebureau."]))

S("tm-09-julia-fysio-ophalen-en-terug", "2026-12-07T07:25", JULIA, "nl",
  A(child=["Mila"], reason=["fysiotherapie"], time=["van kwart voor 10 tot kwart over 11"], day=["vandaag"]),
  seg("Goedemorgen, Mila heeft vandaag om 10 uur fysiotherapie. Ik haal haar om kwart voor 10 op bij de klas en breng "
      "haar om kwart over 11 weer terug.",
      [r("Mila", "ma 07-12", "appointment", "11:15", "09:45")],
      ["Nee: Mila gaat vandaag om kwart voor 10 weg voor de fysio en is om kwart over 11 weer op school."]))

# ---------------------------------------------------------------- rs-: reasons (and messages that are no report)
S("rs-01-lotte-overgegeven", "2026-11-23T07:02", LOTTE, "nl",
  A(child=["Tim"], reason=["ziek"], day=["vandaag"]),
  seg("Goedemorgen juf Fatima, Tim heeft de hele nacht overgegeven. Hij blijft vandaag lekker in bed. Groetjes Lotte",
      [r("Tim", "ma 23-11", "sick")],
      ["Nee, Tim is vandaag ziek, hij heeft overgegeven."]))

S("rs-02-fatma-ziek-naar-huisarts", "2026-11-25T07:15", FATMA, "nl",
  A(child=["Sem"], reason=["ziek"], day=["vandaag"]),
  seg("Sem ziek. Hoge koorts. Vandaag naar huisarts. Noor gaat wel school",
      [r("Sem", "wo 25-11", "sick")],
      ["Nee. Sem is ziek vandaag. Geen afspraak, huisarts omdat hij ziek is."]))

S("rs-03-emily-earache-doctor", "2026-12-03T07:06", EMILY, "en",
  A(child=["Emma"], reason=["She's ill"], day=["today"]),
  seg("Emma woke up with a really bad earache. I'm taking her to the doctor this morning so she won't be in today. "
      "Oliver will be in as normal.",
      [r("Emma", "do 03-12", "sick")],
      ["No, Emma is sick today (earache), the doctor is because she's ill. Oliver is not absent."]))

S("rs-04-karim-kno-arts-hele-dag", "2026-12-14T07:25", KARIM, "nl",
  A(child=["Sami"], reason=["afspraak ziekenhuis"], time=["de hele dag"], day=["vandaag"]),
  seg("Goedemorgen, Sami heeft vandaag om 11 uur een afspraak bij de KNO-arts in het ziekenhuis in Groningen. Dat is "
      "ver rijden, dus hij komt vandaag niet naar school.",
      [r("Sami", "ma 14-12", "appointment")],
      ["Nee, Sami is vandaag de hele dag afwezig voor een afspraak in het ziekenhuis."]))

S("rs-05-sanne-uitvaart", "2026-12-01T19:50", SANNE, "nl",
  A(child=["Bibi"], reason=["uitvaart van mijn oma"], time=["de hele dag"], day=["morgen"]),
  seg("Hoi, mijn oma is overleden en morgen is de uitvaart. Bibi gaat mee, dus ze is er morgen niet. Groetjes Sanne",
      [r("Bibi", "wo 02-12", "other")],
      ["Nee, Bibi is morgen (woensdag) de hele dag afwezig vanwege een uitvaart in de familie."]))

S("rs-06-julia-vraag-waterpokken", "2026-12-07T19:30", JULIA, "nl",
  A(),
  seg("Hoi, Mila heeft sinds vanmiddag rode vlekjes op haar buik, het lijkt op waterpokken. Mag ze dan gewoon naar "
      "school of moet ze thuisblijven? En zijn er meer kinderen in groep 8 met waterpokken?",
      [],
      ["Nee, ik meld haar niet ziek. Ik wil alleen weten of ze met waterpokken naar school mag."]))

S("rs-07-emily-call-back-headaches", "2026-11-24T19:45", EMILY, "en",
  A(),
  seg("Hi, could Oliver's teacher give me a call tomorrow? He's been getting headaches after school every day this "
      "week and I'd like to talk about whether something's going on in class.",
      [],
      ["No, Oliver isn't off sick, he's coming to school. I'd just like Mr Yusuf to call me."]))

S("rs-08-fatma-vraag-hoesten", "2026-11-30T07:10", FATMA, "nl",
  A(),
  seg("Noor hoest veel. Mag wel naar school?",
      [],
      ["Nee niet ziek melden. Ik vraag alleen. Noor komt school"]))

S("rs-09-karim-verhuizen", "2026-12-16T20:10", KARIM, "nl",
  A(child=["Sami"], reason=["verhuizing"], time=["de hele dag"], day=["morgen"]),
  seg("Goedenavond, Sami is morgen afwezig. We krijgen morgen de sleutel van ons nieuwe huis en gaan de hele dag "
      "verhuizen.",
      [r("Sami", "do 17-12", "other")],
      ["Nee, Sami is morgen (donderdag) de hele dag afwezig omdat we verhuizen."]))

S("rs-10-emily-poorly", "2026-12-04T07:12", EMILY, "en",
  A(child=["Emma"], reason=["She's poorly"], day=["today"]),
  seg("Emma's poorly today, she was up half the night coughing, so she's staying home with me.",
      [r("Emma", "vr 04-12", "sick")],
      ["No, Emma is sick today, Friday."]))

# ---------------------------------------------------------------- ad-: adding after the receipt
S("ad-01-fatma-sem-ook", "2026-12-01T07:05", FATMA, "nl",
  A(child=["Sem"], reason=["ziek"], day=["vandaag"]),
  seg("Noor ziek vandaag",
      [r("Noor", "di 01-12", "sick")],
      ["Nee. Noor ziek vandaag"]),
  seg("Sem ook ziek",
      [r("Noor", "di 01-12", "sick"), r("Sem", "di 01-12", "sick")],
      ["Nee. Sem ook ziek vandaag. Noor en Sem allebei"]))

S("ad-02-emily-emma-coughing-too", "2026-11-25T20:30", EMILY, "en",
  A(child=["Emma"], reason=["sick"], day=["tomorrow"]),
  seg("Hi, Oliver has a cold and a horrible cough so I'm keeping him home tomorrow.",
      [r("Oliver", "do 26-11", "sick")],
      ["No, Oliver is sick tomorrow, Thursday."]),
  seg("Actually Emma's just started coughing as well, so she'll be staying home tomorrow too.",
      [r("Oliver", "do 26-11", "sick"), r("Emma", "do 26-11", "sick")],
      ["No, Emma is also sick tomorrow, so both Emma and Oliver are off sick on Thursday."]))

S("ad-03-lotte-morgen-ook", "2026-11-23T07:10", LOTTE, "nl",
  A(child=["Tim"], reason=["ziek"], day=["morgen"]),
  seg("Tim is ziek, hij blijft vandaag thuis.",
      [r("Tim", "ma 23-11", "sick")],
      ["Nee, Tim is vandaag ziek."]),
  seg("Ik denk dat hij morgen ook nog thuisblijft, de koorts is nog lang niet weg. Zet u morgen er ook maar bij.",
      [r("Tim", "ma 23-11", "sick"), r("Tim", "di 24-11", "sick")],
      ["Nee, Tim is vandaag en morgen ziek."]))

S("ad-04-julia-mila-nu-ook", "2026-11-23T07:12", JULIA, "nl",
  A(child=["Mila"], reason=["ziek"], day=["vandaag"]),
  seg("Goedemorgen, Lucas heeft keelontsteking en blijft vandaag en morgen thuis.",
      [r("Lucas", "ma 23-11", "sick"), r("Lucas", "di 24-11", "sick")],
      ["Nee, Lucas is ziek vandaag en morgen (maandag en dinsdag)."]),
  seg("En Mila nu ook, die heeft het ook te pakken. Voor vandaag in ieder geval, morgen weet ik nog niet.",
      [r("Lucas", "ma 23-11", "sick"), r("Lucas", "di 24-11", "sick"), r("Mila", "ma 23-11", "sick")],
      ["Nee, Mila is alleen vandaag ziek. Lucas vandaag en morgen."]))

S("ad-05-karim-and-thursday-funeral", "2026-11-30T20:15", KARIM, "en",
  A(child=["Sami"], time=["10:30"]),
  seg("Hi, Sami has a dentist appointment tomorrow morning, he'll be in school around 10:30.",
      [r("Sami", "di 01-12", "appointment", "10:30", None)],
      ["No, tomorrow Sami comes in at 10:30 after the dentist."]),
  seg("Oh and on Thursday he won't be in at all, we have a family funeral in Rotterdam.",
      [r("Sami", "di 01-12", "appointment", "10:30", None), r("Sami", "do 03-12", "other")],
      ["No: tomorrow Sami comes at 10:30 (dentist), and on Thursday he is away all day for a family funeral."]))

S("ad-06-fatma-noor-tandarts-erbij", "2026-12-09T07:20", FATMA, "nl",
  A(child=["Noor"], reason=["Sem ziek, Noor tandarts"], time=["half 11"], day=["vandaag"]),
  seg("Sem vandaag ziek. Buikpijn",
      [r("Sem", "wo 09-12", "sick")],
      ["Nee. Sem ziek vandaag"]),
  seg("Noor ook weg vandaag. Half 11 ophalen, tandarts. Komt niet terug",
      [r("Sem", "wo 09-12", "sick"), r("Noor", "wo 09-12", "appointment", None, "10:30")],
      ["Nee. Noor gaat half 11 weg, tandarts. Sem ziek hele dag."]))

S("ad-07-emily-oliver-hospital-wednesday", "2026-12-07T07:15", EMILY, "en",
  A(reason=["sick"], time=["11:00"]),
  seg("Emma has conjunctivitis so she's off today.",
      [r("Emma", "ma 07-12", "sick")],
      ["No, Emma is sick today (Monday)."]),
  seg("Sorry, one more thing: Oliver has a hospital appointment on Wednesday morning, so he won't be in until "
      "about 11.",
      [r("Emma", "ma 07-12", "sick"), r("Oliver", "wo 09-12", "appointment", "11:00", None)],
      ["No: Emma sick today, and on Wednesday Oliver comes in at 11 after his hospital appointment."]))

S("ad-08-julia-lucas-ook-tandarts", "2026-11-29T21:00", JULIA, "nl",
  A(child=["Lucas"], reason=["tandarts"], time=["10 uur"], day=["morgen"]),
  seg("Goedenavond, Mila moet morgen om 9 uur naar de tandarts. Ze is er om 10 uur.",
      [r("Mila", "ma 30-11", "appointment", "10:00", None)],
      ["Nee, Mila komt morgen om 10 uur, eerst tandarts."]),
  seg("Lucas heeft direct na haar een afspraak bij dezelfde tandarts, dus hij komt morgen ook pas om 10 uur.",
      [r("Mila", "ma 30-11", "appointment", "10:00", None), r("Lucas", "ma 30-11", "appointment", "10:00", None)],
      ["Nee, Lucas en Mila komen allebei morgen om 10 uur, eerst naar de tandarts."]))

# ---------------------------------------------------------------- co-: corrections (after the receipt / at the confirmation)
S("co-01-lotte-niet-woensdag-maar-donderdag", "2026-11-24T19:30", LOTTE, "nl",
  A(child=["Tim"], reason=["ziekenhuis, onderzoek oren"], time=["de hele dag"]),
  seg("Tim gaat morgen met opa naar het ziekenhuis in Nijmegen voor een onderzoek aan zijn oren. Hij is de hele dag "
      "weg.",
      [r("Tim", "wo 25-11", "appointment")],
      ["Nee, Tim is morgen (woensdag) de hele dag weg voor het ziekenhuis."]),
  seg("Oei, ik zie het nu pas, het onderzoek is donderdag en niet morgen! Morgen is hij er gewoon, donderdag de hele "
      "dag niet.",
      [r("Tim", "do 26-11", "appointment")],
      ["Nee, niet woensdag maar donderdag. Tim is donderdag de hele dag weg voor het ziekenhuis, woensdag is hij er "
       "gewoon."],
      receipt_ok=[r("Tim", "wo 25-11", "appointment")]))

S("co-02-fatma-niet-noor-maar-sem", "2026-11-26T07:10", FATMA, "nl",
  A(child=["Sem"], reason=["ziek"], day=["vandaag"]),
  seg("Noor ziek vandaag",
      [r("Noor", "do 26-11", "sick")],
      ["Nee. Noor ziek vandaag"]),
  seg("sorry fout. niet Noor. Sem is ziek. Noor gaat school",
      [r("Sem", "do 26-11", "sick")],
      ["Nee. Sem ziek vandaag. Noor niet ziek, Noor gaat school."],
      receipt_ok=[r("Noor", "do 26-11", "sick")]))

S("co-03-emily-not-ill-family-reason", "2026-12-08T07:12", EMILY, "en",
  A(child=["Oliver"], day=["today"]),
  seg("Oliver's sick today, he'll be staying at home.",
      [r("Oliver", "di 08-12", "sick")],
      ["No, Oliver is sick today."]),
  seg("Sorry, I should have been clearer. He isn't actually ill – his grandad has been taken into hospital and we're "
      "all driving up to see him today. So it's a family reason.",
      [r("Oliver", "di 08-12", "other")],
      ["No, not sick: Oliver is away today for a family reason, we're visiting his grandad."],
      receipt_ok=[r("Oliver", "di 08-12", "sick")]))

S("co-04-julia-bedoelt-mila-bij-bevestiging", "2026-12-14T07:20", JULIA, "nl",
  A(child=["Mila"], reason=["ziek"], day=["vandaag"]),
  seg("Goedemorgen, Lucas heeft koorts en blijft vandaag thuis.",
      [r("Mila", "ma 14-12", "sick")],
      ["Nee sorry, ik bedoel Mila! Mila heeft koorts en is vandaag ziek. Lucas komt gewoon naar school."]))

S("co-05-karim-niet-morgen-maar-vrijdag", "2026-12-02T20:00", KARIM, "nl",
  A(child=["Sami"], reason=["kaakchirurg"], time=["de hele dag"], day=["vrijdag"]),
  seg("Sami kan morgen niet naar school, hij moet naar de kaakchirurg in het ziekenhuis.",
      [r("Sami", "vr 04-12", "appointment")],
      ["Nee, sorry, ik vergis me: niet morgen maar vrijdag 4 december. Dan is Sami de hele dag weg voor de "
       "kaakchirurg."]))

S("co-06-emily-appointment-moved-to-tuesday", "2026-12-06T19:40", EMILY, "en",
  A(child=["Emma"], reason=["doctor's appointment"], time=["10"]),
  seg("Hi, Emma has a doctor's appointment tomorrow at 9, she'll be in school by 10.",
      [r("Emma", "ma 07-12", "appointment", "10:00", None)],
      ["No, Emma comes in at 10 tomorrow after the doctor."]),
  seg("Sorry, the surgery just texted, they've moved her appointment to Tuesday, same time. So Emma will be in as "
      "normal tomorrow and at 10 on Tuesday.",
      [r("Emma", "di 08-12", "appointment", "10:00", None)],
      ["No: not Monday. Emma comes in at 10 on Tuesday after the doctor, and is in school normally on Monday."],
      receipt_ok=[r("Emma", "ma 07-12", "appointment", "10:00", None)]))

S("co-07-sanne-half-12-in-plaats-van-11", "2026-12-16T07:05", SANNE, "nl",
  A(child=["Bibi"], reason=["musical van haar broertje"], day=["vandaag"]),
  seg("Goedemorgen, mag Bibi vandaag om 11 uur opgehaald worden? Haar broertje heeft zijn kerstmusical op de "
      "middelbare school en ze wil heel graag kijken.",
      [r("Bibi", "wo 16-12", "other", None, "11:00")],
      ["Nee, Bibi gaat vandaag om 11 uur weg, voor de musical van haar broertje."]),
  seg("Correctie: ik haal haar om half 12, de musical begint later dan gedacht.",
      [r("Bibi", "wo 16-12", "other", None, "11:30")],
      ["Nee, Bibi gaat vandaag om half 12 weg, niet om 11 uur."],
      receipt_ok=[r("Bibi", "wo 16-12", "other", None, "11:00")]))

S("co-08-emily-meant-oliver", "2026-12-10T07:00", EMILY, "en",
  A(child=["Oliver"], reason=["sick"], day=["today"]),
  seg("Emma's got a temperature, keeping her off today.",
      [r("Emma", "do 10-12", "sick")],
      ["No, Emma is sick today."]),
  seg("Oops, I meant Oliver, not Emma! Emma's fine and on her way to school, it's Oliver who's ill.",
      [r("Oliver", "do 10-12", "sick")],
      ["No, Oliver is sick today, not Emma. Emma is at school."],
      receipt_ok=[r("Emma", "do 10-12", "sick")]))

# ---------------------------------------------------------------- wd-: taking back after the receipt
S("wd-01-lotte-toch-opgeknapt", "2026-11-30T07:05", LOTTE, "nl",
  A(child=["Tim"], reason=["ziek"], day=["vandaag"]),
  seg("Tim voelt zich niet lekker, hij blijft vandaag thuis.",
      [r("Tim", "ma 30-11", "sick")],
      ["Nee, Tim is vandaag ziek."]),
  seg("Hij is toch opgeknapt na een paracetamolletje en wil graag naar school. Ik breng hem zo, hij is er gewoon op "
      "tijd.",
      [],
      ["Tim gaat vandaag toch gewoon naar school, de ziekmelding mag weg."],
      receipt_ok=[r("Tim", "ma 30-11", "sick")]))

S("wd-02-julia-morgen-toch-naar-school", "2026-11-24T07:15", JULIA, "nl",
  A(child=["Mila"], reason=["griep"], day=["vandaag"]),
  seg("Mila heeft griep, ze blijft vandaag en morgen thuis.",
      [r("Mila", "di 24-11", "sick"), r("Mila", "wo 25-11", "sick")],
      ["Nee, Mila is ziek vandaag en morgen."]),
  seg("Ze is al een stuk beter, morgen gaat ze toch gewoon naar school. Alleen vandaag dus.",
      [r("Mila", "di 24-11", "sick")],
      ["Mila is alleen vandaag ziek, morgen is ze er weer."],
      receipt_ok=[r("Mila", "wo 25-11", "sick")]))

S("wd-03-emily-oliver-fine-after-all", "2026-12-02T20:00", EMILY, "en",
  A(child=["Both"], reason=["sick"], day=["tomorrow"]),
  seg("Hi, Emma and Oliver will both be off tomorrow, they've got a sickness bug.",
      [r("Emma", "do 03-12", "sick"), r("Oliver", "do 03-12", "sick")],
      ["No, both Emma and Oliver are sick tomorrow."]),
  seg("Update: Oliver seems completely fine now, so he'll come in tomorrow after all. Emma is still staying home.",
      [r("Emma", "do 03-12", "sick")],
      ["Only Emma is sick tomorrow. Oliver is coming to school."],
      receipt_ok=[r("Oliver", "do 03-12", "sick")]))

S("wd-04-fatma-sem-toch-school", "2026-12-07T07:10", FATMA, "nl",
  A(child=["allebei"], reason=["ziek"], day=["vandaag"]),
  seg("Noor en Sem ziek vandaag",
      [r("Noor", "ma 07-12", "sick"), r("Sem", "ma 07-12", "sick")],
      ["Nee. Noor en Sem allebei ziek vandaag"]),
  seg("Sem toch school. Alleen Noor ziek",
      [r("Noor", "ma 07-12", "sick")],
      ["Alleen Noor ziek vandaag. Sem gaat school"],
      receipt_ok=[r("Sem", "ma 07-12", "sick")]))

S("wd-05-karim-trip-cancelled", "2026-12-13T20:30", KARIM, "en",
  A(child=["Sami"], reason=["family visit"], time=["the whole day"], day=["Monday and Tuesday"]),
  seg("Hi, Sami won't be in school tomorrow or Tuesday, we're visiting family in Brussels.",
      [r("Sami", "ma 14-12", "other"), r("Sami", "di 15-12", "other")],
      ["No, Sami is away Monday and Tuesday for a family visit."]),
  seg("Change of plan, the trip is cancelled. Sami will be in school both days as normal.",
      [],
      ["Sami is not absent at all, he comes to school on Monday and Tuesday."],
      receipt_ok=[r("Sami", "ma 14-12", "other"), r("Sami", "di 15-12", "other")]))

S("wd-06-sanne-koorts-weg", "2026-12-08T07:00", SANNE, "nl",
  A(child=["Bibi"], reason=["koorts"], day=["vandaag"]),
  seg("Goedemorgen, Bibi heeft vannacht koorts gehad, ik houd haar vandaag thuis.",
      [r("Bibi", "di 08-12", "sick")],
      ["Nee, Bibi is vandaag ziek."]),
  seg("Ze is weer helemaal vrolijk en de koorts is weg, dus ik breng haar toch gewoon naar school.",
      [],
      ["Bibi gaat vandaag toch naar school, ze is niet meer ziek."],
      receipt_ok=[r("Bibi", "di 08-12", "sick")]))

S("wd-07-emily-back-on-wednesday", "2026-12-14T07:10", EMILY, "en",
  A(child=["Oliver"], reason=["tonsillitis"], day=["today, Tuesday and Wednesday"]),
  seg("Oliver has tonsillitis, he has to stay home until Wednesday. So he'll be off today, Tuesday and Wednesday.",
      [r("Oliver", "ma 14-12", "sick"), r("Oliver", "di 15-12", "sick"), r("Oliver", "wo 16-12", "sick")],
      ["No, Oliver is sick today, Tuesday and Wednesday."]),
  seg("Good news, the antibiotics are working really well, so Oliver will be back on Wednesday. Just today and "
      "tomorrow then.",
      [r("Oliver", "ma 14-12", "sick"), r("Oliver", "di 15-12", "sick")],
      ["Oliver is only off today and tomorrow (Monday and Tuesday). He's back at school on Wednesday."],
      receipt_ok=[r("Oliver", "wo 16-12", "sick")]))

S("wd-08-julia-tandarts-gaat-niet-door", "2026-12-16T19:30", JULIA, "nl",
  A(child=["Lucas"], reason=["tandarts"], time=["kwart voor 1"], day=["morgen"]),
  seg("Lucas moet morgen om 13.00 naar de tandarts, ik haal hem om kwart voor 1 op.",
      [r("Lucas", "do 17-12", "appointment", None, "12:45")],
      ["Nee, Lucas gaat morgen om kwart voor 1 (12.45) weg voor de tandarts."]),
  seg("De tandarts belde net, de afspraak gaat niet door. Lucas blijft morgen gewoon de hele dag op school.",
      [],
      ["Lucas hoeft morgen niet weg, de tandarts gaat niet door."],
      receipt_ok=[r("Lucas", "do 17-12", "appointment", None, "12:45")]))


# ================================================================ checks
def hm(t):
    return int(t[:2]) * 60 + int(t[3:])


def check_row(s, row, where):
    kids = FAMILY[s["from"]]
    assert set(row) == {"child", "date", "kind", "from", "until"}, where
    assert row["child"] in kids, f"{where}: {row['child']} is not a child of {s['from']}"
    d = dt.date.fromisoformat(row["date"])
    assert school_day(d), f"{where}: {d} is no school day"
    assert row["kind"] in KINDS, where
    for k in ("from", "until"):
        t = row[k]
        if t is not None:
            assert re.fullmatch(r"\d\d:\d\d", t), where
            assert hm(START[d.weekday()]) < hm(t) < hm(END[d.weekday()]), f"{where}: {k} {t} outside school hours"


def both_come_up(s):
    kids = FAMILY[s["from"]]
    if len(kids) < 2:
        return False
    text = " ".join([g["say"] for g in s["script"]] + [f for g in s["script"] for f in g["fixes"]] +
                    [a for v in s["answers"].values() for a in v]).lower()
    named = all(re.search(rf"\b{k.lower()}\b", text) for k in kids)
    return named or bool(re.search(r"\ballebei\b|\bboth\b|de kinderen", text))


def check():
    ids = [s["id"] for s in SC]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(SC) >= 48, len(SC)
    for s in SC:
        i = s["id"]
        assert len(s["groups"]) == 1 and s["groups"][0] in GROUPS and i.startswith(s["groups"][0] + "-"), i
        assert s["from"] in FAMILY and s["lang"] in LANGS[s["from"]], i
        assert set(s["answers"]) == {"child", "reason", "time", "day"}, i
        now = dt.datetime.fromisoformat(s["now"])
        assert dt.datetime(2026, 11, 23) <= now <= dt.datetime(2026, 12, 18, 23, 59), i
        t = now.hour * 60 + now.minute
        if t < 12 * 60:
            assert 7 * 60 <= t <= 7 * 60 + 30 and school_day(now.date()), f"{i}: morning must be 07:00-07:30 of a school day"
        else:
            assert 18 * 60 <= t <= 22 * 60, f"{i}: evening must be 18:00-22:00"
            nxt = now.date() + dt.timedelta(days=1)
            assert school_day(nxt), f"{i}: evening not before a school day"
        assert s["script"] and s["expected"] == s["script"][-1]["expect"], i
        for n, g in enumerate(s["script"]):
            assert g["say"].strip() and g["fixes"] and all(f.strip() for f in g["fixes"]), i
            for row in g["expect"] + g.get("receipt_ok", []):
                check_row(s, row, f"{i} seg {n}")
                if t >= 12 * 60:
                    assert row["date"] != now.date().isoformat(), f"{i}: evening row for the evening's own day"
            keys = [(x["child"], x["date"]) for x in g["expect"]]
            assert len(keys) == len(set(keys)), f"{i}: two rows for one child and day"
        if len(s["script"]) > 1:
            assert s["groups"][0] in ("ad", "co", "wd"), f"{i}: follow-ups belong to ad/co/wd"
        if s["groups"][0] in ("ad", "wd"):
            assert len(s["script"]) >= 2, f"{i}: needs a follow-up after the receipt"
        if s["groups"][0] == "ad":
            a, b = s["script"][0]["expect"], s["script"][-1]["expect"]
            assert all(x in b for x in a) and len(b) > len(a), f"{i}: adding must keep the first rows"
        if s["groups"][0] == "wd":
            a, b = s["script"][0]["expect"], s["script"][-1]["expect"]
            assert all(x in a for x in b) and len(b) < len(a), f"{i}: taking back must remove rows"
            assert s["script"][-1].get("receipt_ok"), i
    counts = {g: sum(s["groups"][0] == g for s in SC) for g in GROUPS}
    assert all(c >= 6 for c in counts.values()), counts
    en = sum(s["lang"] == "en" for s in SC)
    assert en / len(SC) >= 0.20, en
    both = [s["id"] for s in SC if both_come_up(s)]
    assert len(both) >= 24, len(both)
    assert all(s["groups"][0] != "two" or s["id"] in both for s in SC)
    for s in SC:   # two-: both children in the first message
        if s["groups"][0] == "two":
            kids = FAMILY[s["from"]]
            assert len(kids) == 2 and len({x["child"] for x in s["script"][0]["expect"]}) == 2, s["id"]
    ev = sum(dt.datetime.fromisoformat(s["now"]).hour >= 18 for s in SC)
    mo = len(SC) - ev
    assert ev >= 10 and mo >= 10, (ev, mo)
    nonrep = [s["id"] for s in SC if not s["expected"]]
    return counts, en, both, ev, mo, nonrep


def listing():
    for s in SC:
        now = dt.datetime.fromisoformat(s["now"])
        print(f"== {s['id']}  {now:%a %d %b %H:%M}  {s['lang']}  {FAMILY[s['from']]}")
        for n, g in enumerate(s["script"]):
            print(f"   [{n}] > {g['say']}")
            for x in g["expect"]:
                d = dt.date.fromisoformat(x["date"])
                print(f"         {x['child']:6s} {d:%a %d %b} {x['kind']:11s} from={x['from']} until={x['until']}")
            if not g["expect"]:
                print("         (no rows)")
            for f in g["fixes"]:
                print(f"       fix: {f}")
            for x in g.get("receipt_ok", []):
                print(f"       receipt may mention: {x['child']} {x['date']} {x['kind']}")
        print(f"   answers: {s['answers']}")


if __name__ == "__main__":
    counts, en, both, ev, mo, nonrep = check()
    if "-q" not in sys.argv:
        listing()
    with open(OUT, "w") as f:
        for s in SC:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    print(f"\n{len(SC)} conversations; groups {counts}; English {en} ({en / len(SC):.0%}); both children come up in "
          f"{len(both)}; evenings {ev}, mornings {mo}; ending with no rows {len(nonrep)} {nonrep}; "
          f"multi-segment {sum(len(s['script']) > 1 for s in SC)}")
    print(f"wrote {OUT}")
