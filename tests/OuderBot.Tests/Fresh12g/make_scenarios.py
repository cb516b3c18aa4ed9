#!/usr/bin/env python3
"""Hand-typed blind absence scenarios (brief W12G). Every message below was typed by hand, one at a time.

  python3 make_scenarios.py      # checks the gold, writes scenarios.jsonl next to this file
"""
import json, os, re, datetime as dt

HERE = os.path.dirname(os.path.abspath(__file__))

FAM = {"+31644444444": ("Fatma", ["Noor", "Sem"], "nl"),
       "+31633333333": ("Emily", ["Emma", "Oliver"], "en"),
       "+31666666666": ("Julia", ["Lucas", "Mila"], "nl"),
       "+31655555555": ("Karim", ["Sami"], "nl"),
       "+31622222222": ("Lotte", ["Tim"], "nl"),
       "+31611111111": ("Sanne", ["Bibi"], "nl")}
PHONE = {v[0]: k for k, v in FAM.items()}
GROUP = {"tc": "two", "dy": "days", "tm": "times", "rs": "reasons", "ad": "add", "co": "correct", "wd": "withdraw"}
START = "08:30"
END = {0: "14:30", 1: "14:30", 2: "12:30", 3: "14:30", 4: "14:30"}


def R(child, md, kind, f=None, u=None):
    """one absence row; md = 'MM-DD' in 2026."""
    return {"child": child, "date": "2026-" + md, "kind": kind, "from": f, "until": u}


def seg(say, expect, fixes=(), ok=()):
    s = {"say": say, "expect": list(expect), "fixes": list(fixes)}
    if ok:
        s["receipt_ok"] = list(ok)
    return s


SCEN = []


def S(sid, now, parent, segs, child=(), reason=(), time=(), day=(), past=False):
    frm = PHONE[parent]
    SCEN.append({"id": sid, "groups": [GROUP[sid[:2]]], "now": now, "from": frm, "lang": FAM[frm][2],
                 "answers": {"child": list(child), "reason": list(reason), "time": list(time), "day": list(day)},
                 "script": segs, "expected": segs[-1]["expect"], "_past": past})


# ---------------------------------------------------------------- two (tc-): both children in one message
S("tc-01-noor-ziek-sem-tandarts", "2026-11-23T07:15:00", "Fatma", [
    seg("goedemorgen. Noor is ziek vandaag. Sem heeft tandarts om 11 uur, ik haal hem 10.30 en breng terug 12 uur",
        [R("Noor", "11-23", "sick"), R("Sem", "11-23", "appointment", "10:30", "12:00")],
        ["Nee, Noor is vandaag de hele dag ziek. Sem gaat naar de tandarts: ik haal hem om 10.30 op en om 12.00 is hij weer op school."])],
  child=["Noor en Sem"], reason=["Noor ziek, Sem tandarts"], time=["10.30 halen, 12 uur terug"], day=["vandaag"])

S("tc-02-both-fever", "2026-11-24T07:05:00", "Emily", [
    seg("Morning! Both Emma and Oliver woke up with a fever so they'll both be staying home today. Sorry!",
        [R("Emma", "11-24", "sick"), R("Oliver", "11-24", "sick")],
        ["No, Emma and Oliver are both sick today, the whole day."])],
  child=["Both of them"], reason=["They're sick"], day=["Today"])

S("tc-03-lucas-griep-mila-komt", "2026-11-25T07:20:00", "Julia", [
    seg("Goedemorgen, Lucas heeft griep en blijft vandaag thuis. Mila komt gewoon hoor.",
        [R("Lucas", "11-25", "sick")],
        ["Nee, alleen Lucas is vandaag ziek. Mila komt gewoon naar school."])],
  child=["Lucas"], reason=["griep"], day=["vandaag"])

S("tc-04-begrafenis-de-kinderen", "2026-11-29T20:30:00", "Fatma", [
    seg("Hallo juf. Morgen de kinderen niet naar school. Wij gaan naar begrafenis van mijn oom in belgie. Sorry",
        [R("Noor", "11-30", "other"), R("Sem", "11-30", "other")],
        ["Nee, Noor en Sem zijn allebei morgen, maandag 30 november, niet op school. Begrafenis van familie."])],
  child=["Noor en Sem allebei"], reason=["begrafenis"], day=["maandag"])

S("tc-05-mila-ortho-lucas-buik", "2026-11-26T07:10:00", "Julia", [
    seg("Goedemorgen! Mila moet vanochtend naar de orthodontist, ze is er rond 10 uur. Lucas heeft erge buikpijn en blijft vandaag thuis.",
        [R("Mila", "11-26", "appointment", None, "10:00"), R("Lucas", "11-26", "sick")],
        ["Nee, Mila komt vandaag om 10 uur op school, ze heeft eerst de orthodontist. Lucas is ziek en blijft de hele dag thuis."])],
  child=["Lucas en Mila"], reason=["Mila orthodontist, Lucas ziek"], time=["Mila om 10 uur"], day=["vandaag"])

S("tc-06-oliver-sick-emma-early", "2026-11-30T07:25:00", "Emily", [
    seg("Hi, Oliver's been throwing up most of the night so he's staying home today. Emma is fine and will be in as normal, but I'm picking her up at 2 for the dentist and she won't come back after.",
        [R("Oliver", "11-30", "sick"), R("Emma", "11-30", "appointment", "14:00", None)],
        ["No, Oliver is sick and off all day today. Emma comes in as normal but leaves at 14:00 for the dentist, she won't be back."])],
  child=["Oliver and Emma"], reason=["Oliver is sick, Emma has the dentist"], time=["Emma leaves at 2pm"], day=["Today"])

S("tc-07-allebei-koorts-2-dagen", "2026-12-01T07:00:00", "Fatma", [
    seg("Noor en Sem allebei ziek. Koorts. vandaag en morgen thuis",
        [R("Noor", "12-01", "sick"), R("Noor", "12-02", "sick"), R("Sem", "12-01", "sick"), R("Sem", "12-02", "sick")],
        ["Nee, Noor en Sem zijn allebei ziek, vandaag dinsdag en morgen woensdag."])],
  child=["allebei"], reason=["ziek, koorts"], day=["vandaag en morgen"])

S("tc-08-wedding-back-monday", "2026-12-02T19:40:00", "Emily", [
    seg("Hi there, just to let you know Emma and Oliver will both be off tomorrow and Friday – we've got a family wedding in Scotland. They'll be back on Monday x",
        [R("Emma", "12-03", "other"), R("Emma", "12-04", "other"), R("Oliver", "12-03", "other"), R("Oliver", "12-04", "other")],
        ["No, Emma and Oliver will both be off on Thursday 3 December and Friday 4 December for a family wedding. They're back Monday."])],
  child=["Both"], reason=["Family wedding"], day=["Thursday and Friday"])

S("tc-09-beide-ziekenhuis-later", "2026-12-07T07:30:00", "Julia", [
    seg("Goedemorgen, Lucas en Mila hebben vanochtend allebei een afspraak in het ziekenhuis voor de allergietest. Ze zijn om half 11 op school.",
        [R("Lucas", "12-07", "appointment", None, "10:30"), R("Mila", "12-07", "appointment", None, "10:30")],
        ["Nee, Lucas en Mila komen vandaag allebei om 10.30 op school, ze hebben eerst een afspraak in het ziekenhuis."])],
  child=["Lucas en Mila"], reason=["ziekenhuis afspraak"], time=["half 11"], day=["vandaag"])

S("tc-10-ingesproken-allebei-koorts", "2026-12-17T07:25:00", "Julia", [
    seg("goedemorgen ik wilde even laten weten dat Lucas en Mila vandaag allebei niet komen ze hebben vannacht allebei koorts gekregen en morgen waarschijnlijk ook niet maar dat laat ik morgenochtend nog even weten groetjes Julia",
        [R("Lucas", "12-17", "sick"), R("Mila", "12-17", "sick")],
        ["Nee, Lucas en Mila zijn allebei alleen vandaag, donderdag 17 december, ziek. Over morgen stuur ik morgenochtend een bericht."])],
  child=["Lucas en Mila"], reason=["koorts"], day=["vandaag"])

# ---------------------------------------------------------------- days (dy-)
S("dy-01-waterpokken-vanaf-vandaag-tm-do", "2026-11-23T07:10:00", "Sanne", [
    seg("Bibi heeft waterpokken 😩 ze blijft vanaf vandaag t/m donderdag thuis",
        [R("Bibi", "11-23", "sick"), R("Bibi", "11-24", "sick"), R("Bibi", "11-25", "sick"), R("Bibi", "11-26", "sick")],
        ["Nee, Bibi is ziek van maandag 23 november tot en met donderdag 26 november."])],
  child=["Bibi"], reason=["waterpokken"], day=["vandaag t/m donderdag"])

S("dy-02-vrijdag-vergeten", "2026-11-30T07:20:00", "Karim", [
    seg("Goedemorgen, Sami was vrijdag ziek maar ik ben vergeten dat door te geven, sorry. Vandaag is hij er gewoon weer.",
        [R("Sami", "11-27", "sick")],
        ["Nee, Sami was alleen afgelopen vrijdag 27 november ziek. Vandaag is hij gewoon op school."])],
  child=["Sami"], reason=["ziek"], day=["vrijdag 27 november"], past=True)

S("dy-03-vandag-morgn-waarschijnlijk", "2026-11-24T07:15:00", "Lotte", [
    seg("Tim is vandag ziek, buikgriep. morgn waarschijnlijk ook",
        [R("Tim", "11-24", "sick"), R("Tim", "11-25", "sick")],
        ["Nee, Tim is ziek vandaag, dinsdag, en morgen, woensdag, waarschijnlijk ook. Meld hem maar voor allebei de dagen."])],
  child=["Tim"], reason=["buikgriep"], day=["vandaag en morgen"])

S("dy-04-hospital-tue-thu", "2026-12-06T19:00:00", "Emily", [
    seg("Hi, Oliver has hospital appointments in Amsterdam on Tuesday the 8th and Thursday the 10th, so he'll be out all day on both days.",
        [R("Oliver", "12-08", "appointment"), R("Oliver", "12-10", "appointment")],
        ["No, Oliver has a hospital appointment on Tuesday 8 December and on Thursday 10 December, he's out the whole day both days. Not Wednesday."])],
  child=["Oliver"], reason=["Hospital appointment"], day=["Tuesday 8 and Thursday 10 December"])

S("dy-05-woensdag-en-vrijdag", "2026-11-30T07:25:00", "Julia", [
    seg("Hoi, Lucas moet deze week woensdag en vrijdag naar het ziekenhuis in Utrecht voor onderzoeken, hij is die twee dagen de hele dag weg. Mila komt gewoon.",
        [R("Lucas", "12-02", "appointment"), R("Lucas", "12-04", "appointment")],
        ["Nee, alleen Lucas is er niet, op woensdag 2 december en vrijdag 4 december, de hele dag voor het ziekenhuis. Donderdag is hij er wel."])],
  child=["Lucas"], reason=["ziekenhuis"], day=["woensdag en vrijdag"])

S("dy-06-uitvaart-14-15-dec", "2026-12-07T21:15:00", "Sanne", [
    seg("Goedenavond, Bibi is op 14 en 15 december afwezig. Haar opa is overleden en de uitvaart is in Groningen.",
        [R("Bibi", "12-14", "other"), R("Bibi", "12-15", "other")],
        ["Nee, Bibi is afwezig op maandag 14 december en dinsdag 15 december vanwege de uitvaart van haar opa."])],
  child=["Bibi"], reason=["uitvaart opa"], day=["14 en 15 december"])

S("dy-07-koorts-tot-en-met-woensdag", "2026-12-14T07:05:00", "Lotte", [
    seg("Goedemorgen. Tim heeft hoge koorts, de dokter zegt rust houden. Hij blijft vanaf vandaag tot en met woensdag thuis.",
        [R("Tim", "12-14", "sick"), R("Tim", "12-15", "sick"), R("Tim", "12-16", "sick")],
        ["Nee, Tim is ziek vanaf vandaag, maandag 14 december, tot en met woensdag 16 december."])],
  child=["Tim"], reason=["koorts"], day=["t/m woensdag"])

S("dy-08-flu-up-to-and-including-monday", "2026-12-03T07:15:00", "Emily", [
    seg("Emma's got the flu, poor thing. The GP said to keep her home up to and including Monday.",
        [R("Emma", "12-03", "sick"), R("Emma", "12-04", "sick"), R("Emma", "12-07", "sick")],
        ["No, Emma is sick from today, Thursday 3 December, up to and including Monday 7 December."])],
  child=["Emma"], reason=["She has the flu"], day=["Today up to and including Monday"])

S("dy-09-tm-maandag-over-studiedag", "2026-12-10T07:20:00", "Fatma", [
    seg("Goedemorgen. Noor ziek, dokter zegt thuis tot en met maandag. Sem gaat wel school",
        [R("Noor", "12-10", "sick"), R("Noor", "12-14", "sick")],
        ["Nee, alleen Noor is ziek, vandaag donderdag 10 december tot en met maandag 14 december. Sem gaat naar school."])],
  child=["Noor"], reason=["ziek"], day=["vandaag t/m maandag"])

S("dy-10-tmrw-temp-late-msg", "2026-12-16T21:50:00", "Emily", [
    seg("sorry late msg, Oliver wont be in tmrw hes got a temp of 39 🤒 will let u know about friday",
        [R("Oliver", "12-17", "sick")],
        ["No, Oliver is sick tomorrow, Thursday 17 December. I'll message about Friday separately."])],
  child=["Oliver"], reason=["sick, temperature"], day=["tomorrow"])

# ---------------------------------------------------------------- times (tm-)
S("tm-01-bloedprikken-later", "2026-11-23T07:25:00", "Lotte", [
    seg("Goedemorgen, Tim komt vandaag wat later. Hij moet om 8 uur bloed laten prikken in het ziekenhuis, hij is er rond 9.30.",
        [R("Tim", "11-23", "appointment", None, "09:30")],
        ["Nee, Tim komt vandaag om 9.30 op school, hij moet eerst bloed laten prikken."])],
  child=["Tim"], reason=["bloedprikken ziekenhuis"], time=["9.30"], day=["vandaag"])

S("tm-02-ortho-pickup-return", "2026-11-26T07:10:00", "Emily", [
    seg("Hi, Oliver has an orthodontist appointment today. I'll pick him up at 10:15 and have him back by 11:30.",
        [R("Oliver", "11-26", "appointment", "10:15", "11:30")],
        ["No, Oliver is away today from 10:15 to 11:30 for the orthodontist, the rest of the day he's at school."])],
  child=["Oliver"], reason=["Orthodontist"], time=["10:15 to 11:30"], day=["Today"])

S("tm-03-bruiloft-om-12-weg", "2026-11-27T07:00:00", "Karim", [
    seg("Goedemorgen meester, ik kom Sami vandaag om 12 uur ophalen. We vliegen vanmiddag naar Turkije voor de bruiloft van mijn broer. Maandag is hij er weer.",
        [R("Sami", "11-27", "other", "12:00", None)],
        ["Nee, Sami gaat vandaag om 12.00 weg voor de bruiloft en komt daarna niet meer terug. Maandag is hij er weer."])],
  child=["Sami"], reason=["bruiloft familie"], time=["12 uur"], day=["vandaag"])

S("tm-04-not-in-until-10", "2026-12-02T07:20:00", "Emily", [
    seg("Emma won't be in until 10, she has a check-up with the paediatrician at 9.",
        [R("Emma", "12-02", "appointment", None, "10:00")],
        ["No, Emma comes in at 10:00 today because of the paediatrician, she's there the rest of the morning."])],
  child=["Emma"], reason=["Paediatrician appointment"], time=["10am"], day=["Today"])

S("tm-05-kwart-over-1-tandarts", "2026-12-01T07:15:00", "Sanne", [
    seg("Hoi! Ik haal Bibi vandaag om kwart over 1 op, ze moet naar de tandarts. Ze komt daarna niet meer terug",
        [R("Bibi", "12-01", "appointment", "13:15", None)],
        ["Nee, Bibi gaat vandaag om 13.15 naar de tandarts en komt daarna niet meer terug op school."])],
  child=["Bibi"], reason=["tandarts"], time=["kwart over 1"], day=["vandaag"])

S("tm-06-kno-morgen-heen-terug", "2026-12-14T19:30:00", "Julia", [
    seg("Goedenavond, Lucas heeft morgen (dinsdag) om 11.00 een afspraak bij de KNO-arts. Ik haal hem om half 11 op en om 12.15 is hij weer terug op school.",
        [R("Lucas", "12-15", "appointment", "10:30", "12:15")],
        ["Nee, Lucas is morgen, dinsdag 15 december, weg van 10.30 tot 12.15 voor de KNO-arts."])],
  child=["Lucas"], reason=["KNO-arts"], time=["10.30 tot 12.15"], day=["dinsdag"])

S("tm-07-woensdag-11-uur-gemeente", "2026-12-09T07:10:00", "Fatma", [
    seg("Sem vandaag om 11 uur naar huis. Wij gaan naar gemeente voor paspoort. Ik haal hem 11 uur.",
        [R("Sem", "12-09", "other", "11:00", None)],
        ["Nee, Sem gaat vandaag om 11 uur weg, naar de gemeente voor paspoort. Hij komt niet terug vandaag."])],
  child=["Sem"], reason=["gemeente paspoort"], time=["11 uur"], day=["vandaag"])

S("tm-08-dentist-at-9-emma-normal", "2026-12-15T07:05:00", "Emily", [
    seg("Morning, Oliver has a dentist appointment at 9 so he'll be in by 10:30 at the latest. Emma will be in as normal 😊",
        [R("Oliver", "12-15", "appointment", None, "10:30")],
        ["No, only Oliver is late today, he comes in at 10:30 after the dentist. Emma comes as normal."])],
  child=["Oliver"], reason=["Dentist"], time=["10:30"], day=["Today"])

# ---------------------------------------------------------------- reasons (rs-)
S("rs-01-overgeven", "2026-11-25T07:05:00", "Lotte", [
    seg("Tim heeft vannacht 3x overgegeven, hij blijft vandaag thuis",
        [R("Tim", "11-25", "sick")],
        ["Nee, Tim is vandaag ziek, hij heeft overgegeven. Hij blijft de hele dag thuis."])],
  child=["Tim"], reason=["ziek, overgeven"], day=["vandaag"])

S("rs-02-koorts-huisarts", "2026-11-26T07:15:00", "Karim", [
    seg("Sami heeft hoge koorts, ik ga vanochtend met hem naar de huisarts. Hij blijft vandaag thuis.",
        [R("Sami", "11-26", "sick")],
        ["Nee, Sami is vandaag ziek, hij heeft koorts. De huisarts is omdat hij ziek is."])],
  child=["Sami"], reason=["ziek, koorts"], day=["vandaag"])

S("rs-03-hoofdpijn-vraag-geen-melding", "2026-12-01T07:10:00", "Sanne", [
    seg("Goedemorgen, Bibi heeft een beetje hoofdpijn maar geen koorts. Mag ze gewoon komen of kan ik haar beter thuishouden?",
        [],
        ["Nee, ik meld haar niet ziek. Ik wil alleen weten of ze met een beetje hoofdpijn naar school mag."])],
  child=["Bibi"])

S("rs-04-stomach-ache-call-back", "2026-12-07T07:20:00", "Emily", [
    seg("Hi, Oliver has been complaining about stomach ache for a few days now, mostly before school. Could his teacher give me a call sometime today? He is coming in today.",
        [],
        ["No, Oliver is not absent, he's coming to school. I'd just like his teacher to call me about his stomach aches."])],
  child=["Oliver"])

S("rs-05-waterpokken-huisarts", "2026-12-02T07:25:00", "Julia", [
    seg("Mila heeft waterpokken. Volgens de huisarts moet ze thuisblijven tot de blaasjes zijn ingedroogd, dus vandaag en morgen in ieder geval niet.",
        [R("Mila", "12-02", "sick"), R("Mila", "12-03", "sick")],
        ["Nee, Mila is ziek (waterpokken), vandaag woensdag 2 december en morgen donderdag 3 december."])],
  child=["Mila"], reason=["waterpokken"], day=["vandaag en morgen"])

S("rs-06-opa-ziekenhuis-turkije", "2026-12-03T07:00:00", "Fatma", [
    seg("Goedemorgen. Sem vandaag niet school. Opa is in ziekenhuis in Turkije, wij gaan vandaag naar hem. Vrijdag ook niet. Noor blijft bij tante en gaat wel school",
        [R("Sem", "12-03", "other"), R("Sem", "12-04", "other")],
        ["Nee, Sem is er vandaag donderdag en vrijdag niet, familie: opa is ziek in Turkije. Sem is zelf niet ziek. Noor gaat naar school."])],
  child=["Sem"], reason=["familie, opa ziek"], day=["donderdag en vrijdag"])

S("rs-07-buikpijn-diarree", "2026-12-08T07:20:00", "Karim", [
    seg("Goedemorgen, Sami heeft buikpijn en diarree. Hij blijft vandaag thuis. Als het morgen niet beter is laat ik het weten",
        [R("Sami", "12-08", "sick")],
        ["Nee, Sami is alleen vandaag, dinsdag 8 december, ziek. Morgen laat ik nog weten."])],
  child=["Sami"], reason=["buikpijn"], day=["vandaag"])

S("rs-08-allergy-test-hospital", "2026-12-16T07:10:00", "Emily", [
    seg("Hello, Emma has an allergy test at the hospital this morning and it takes hours, so she won't be in at all today.",
        [R("Emma", "12-16", "appointment")],
        ["No, Emma has a hospital appointment and is off the whole day today, Wednesday 16 December."])],
  child=["Emma"], reason=["Hospital appointment"], day=["Today"])

S("rs-09-oma-overleden-avond", "2026-11-29T21:40:00", "Lotte", [
    seg("Hallo, Tim kan morgen niet naar school komen. Zijn oma is vanmiddag overleden en we gaan morgen naar de familie in Zeeland.",
        [R("Tim", "11-30", "other")],
        ["Nee, Tim is morgen, maandag 30 november, afwezig omdat zijn oma is overleden. Hij is niet ziek."])],
  child=["Tim"], reason=["overlijden oma"], day=["maandag"])

S("rs-10-griep-typos", "2026-12-15T07:30:00", "Karim", [
    seg("Goedemorgn, Sami heeft griep en blijft vandaaag thuis. Gr Karim",
        [R("Sami", "12-15", "sick")],
        ["Nee, Sami is vandaag, dinsdag 15 december, ziek. Griep."])],
  child=["Sami"], reason=["griep"], day=["vandaag"])

# ---------------------------------------------------------------- add (ad-): after the receipt
S("ad-01-en-sem-ook", "2026-11-23T07:05:00", "Fatma", [
    seg("Noor is ziek vandaag. Koorts.",
        [R("Noor", "11-23", "sick")],
        ["Nee, Noor is vandaag ziek."]),
    seg("en Sem ook",
        [R("Noor", "11-23", "sick"), R("Sem", "11-23", "sick")],
        ["Nee, Sem is ook ziek vandaag. Noor en Sem allebei ziek vandaag."])],
  child=["Noor", "Sem"], reason=["ziek", "ziek"], day=["vandaag", "vandaag"])

S("ad-02-oh-and-tomorrow", "2026-11-24T07:15:00", "Emily", [
    seg("Oliver's got a temperature so I'm keeping him home today.",
        [R("Oliver", "11-24", "sick")],
        ["No, Oliver is sick today, Tuesday."]),
    seg("Oh and tomorrow as well actually, the doctor said 48 hours without fever before he goes back.",
        [R("Oliver", "11-24", "sick"), R("Oliver", "11-25", "sick")],
        ["No, Oliver is sick today, Tuesday 24 November, and tomorrow, Wednesday 25 November."])],
  child=["Oliver", "Oliver"], reason=["Sick", "Sick"], day=["Today", "Tomorrow"])

S("ad-03-mila-morgen-ziekenhuis", "2026-11-26T07:05:00", "Julia", [
    seg("Lucas is vandaag ziek, hij heeft keelpijn en verhoging.",
        [R("Lucas", "11-26", "sick")],
        ["Nee, Lucas is vandaag donderdag ziek."]),
    seg("Oja, Mila is morgen ook afwezig trouwens. Dan heeft ze een afspraak in het ziekenhuis, dat duurt de hele dag.",
        [R("Lucas", "11-26", "sick"), R("Mila", "11-27", "appointment")],
        ["Nee, Lucas is vandaag ziek en Mila is morgen, vrijdag 27 november, de hele dag afwezig voor het ziekenhuis."])],
  child=["Lucas", "Mila"], reason=["ziek", "ziekenhuis"], day=["vandaag", "vrijdag"])

S("ad-04-tim-ook-donderdag-ortho", "2026-12-01T07:20:00", "Lotte", [
    seg("Tim blijft vandaag thuis, hij is ziek",
        [R("Tim", "12-01", "sick")],
        ["Nee, Tim is vandaag dinsdag ziek."]),
    seg("O en nog iets, donderdag heeft hij om 9 uur de orthodontist. Hij is er dan om 10 uur.",
        [R("Tim", "12-01", "sick"), R("Tim", "12-03", "appointment", None, "10:00")],
        ["Nee, Tim is vandaag ziek, en donderdag 3 december komt hij om 10 uur op school na de orthodontist."])],
  child=["Tim", "Tim"], reason=["ziek", "orthodontist"], time=["10 uur"], day=["vandaag", "donderdag"])

S("ad-05-oliver-thursday-birthday", "2026-12-07T19:15:00", "Emily", [
    seg("Hi, Emma won't be in tomorrow. She's got the dentist in the morning and then a check-up at the hospital in the afternoon, so it's a long day.",
        [R("Emma", "12-08", "appointment")],
        ["No, Emma is off all day tomorrow, Tuesday 8 December, for appointments."]),
    seg("Oh and Oliver is going with his dad to his grandad's 80th in London on Thursday, so he'll be off Thursday.",
        [R("Emma", "12-08", "appointment"), R("Oliver", "12-10", "other")],
        ["No, Emma is off on Tuesday 8 December for appointments, and Oliver is off on Thursday 10 December for his grandad's birthday."])],
  child=["Emma", "Oliver"], reason=["Appointments", "Family birthday"], day=["Tomorrow", "Thursday"])

S("ad-06-oh-en-morgen-ook", "2026-12-09T07:15:00", "Karim", [
    seg("Sami is ziek hij blijft thuis vandaag",
        [R("Sami", "12-09", "sick")],
        ["Nee, Sami is vandaag woensdag ziek."]),
    seg("oh en morgen ook, de huisarts zei 2 dagen rust",
        [R("Sami", "12-09", "sick"), R("Sami", "12-10", "sick")],
        ["Nee, Sami is ziek vandaag woensdag 9 december en morgen donderdag 10 december."])],
  child=["Sami", "Sami"], reason=["ziek", "ziek"], day=["vandaag", "morgen"])

S("ad-07-sem-tandarts-noor-ook-ziek", "2026-12-14T07:25:00", "Fatma", [
    seg("Sem heeft tandarts vandaag om 9 uur. Hij komt 10 uur school",
        [R("Sem", "12-14", "appointment", None, "10:00")],
        ["Nee, Sem komt vandaag om 10 uur op school, eerst tandarts."]),
    seg("Noor ook vandaag niet. Zij is ziek buikpijn",
        [R("Sem", "12-14", "appointment", None, "10:00"), R("Noor", "12-14", "sick")],
        ["Nee, Sem komt vandaag om 10 uur na de tandarts, en Noor is vandaag de hele dag ziek."])],
  child=["Sem", "Noor"], reason=["tandarts", "ziek"], time=["10 uur"], day=["vandaag", "vandaag"])

S("ad-08-lucas-pas-om-10", "2026-12-15T07:10:00", "Julia", [
    seg("Mila blijft vandaag thuis, ze heeft 39 graden koorts.",
        [R("Mila", "12-15", "sick")],
        ["Nee, Mila is vandaag ziek."]),
    seg("En Lucas komt pas om 10 uur, hij moet eerst naar de tandarts want er is een stukje van zijn kies afgebroken",
        [R("Mila", "12-15", "sick"), R("Lucas", "12-15", "appointment", None, "10:00")],
        ["Nee, Mila is vandaag ziek en Lucas komt vandaag om 10 uur, na de tandarts."])],
  child=["Mila", "Lucas"], reason=["koorts", "tandarts"], time=["10 uur"], day=["vandaag", "vandaag"])

# ---------------------------------------------------------------- correct (co-): after the receipt
S("co-01-ik-bedoel-morgen", "2026-11-24T07:10:00", "Fatma", [
    seg("Noor heeft vandaag dokter om 10 uur. Ik haal haar 9.30 en breng terug 11 uur",
        [R("Noor", "11-24", "appointment", "09:30", "11:00")],
        ["Nee, Noor gaat vandaag naar de dokter, ik haal haar 9.30 en om 11 uur is ze terug."]),
    seg("oh nee sorry ik bedoel morgen! vandaag gaat ze gewoon school",
        [R("Noor", "11-25", "appointment", "09:30", "11:00")],
        ["Nee, niet vandaag. Noor gaat morgen, woensdag 25 november, naar de dokter: weg 9.30, terug 11 uur."],
        ok=[R("Noor", "11-24", "appointment", "09:30", "11:00")])],
  child=["Noor", "Noor"], reason=["dokter", "dokter"], time=["9.30 tot 11 uur", "9.30 tot 11 uur"], day=["vandaag", "morgen"])

S("co-02-i-mean-oliver", "2026-11-25T07:15:00", "Emily", [
    seg("Emma's poorly, she's staying home today",
        [R("Emma", "11-25", "sick")],
        ["No, Emma is sick today."]),
    seg("Sorry!! I meant Oliver, not Emma. Emma is fine and is on her way to school.",
        [R("Oliver", "11-25", "sick")],
        ["No, it's Oliver who is sick today, not Emma. Emma is at school."],
        ok=[R("Emma", "11-25", "sick")])],
  child=["Emma", "Oliver"], reason=["Sick", "Sick"], day=["Today", "Today"])

S("co-03-toch-tm-dinsdag", "2026-11-30T07:10:00", "Julia", [
    seg("Lucas is ziek, hij blijft t/m woensdag thuis.",
        [R("Lucas", "11-30", "sick"), R("Lucas", "12-01", "sick"), R("Lucas", "12-02", "sick")],
        ["Nee, Lucas is ziek van vandaag maandag 30 november tot en met woensdag 2 december."]),
    seg("Correctie: t/m dinsdag. De dokter zegt dat hij woensdag weer naar school kan.",
        [R("Lucas", "11-30", "sick"), R("Lucas", "12-01", "sick")],
        ["Nee, Lucas is ziek van maandag 30 november tot en met dinsdag 1 december. Woensdag gaat hij weer naar school."],
        ok=[R("Lucas", "12-02", "sick")])],
  child=["Lucas", "Lucas"], reason=["ziek", "ziek"], day=["t/m woensdag", "t/m dinsdag"])

S("co-04-half-11-niet-10", "2026-12-03T07:05:00", "Karim", [
    seg("Sami komt vandaag om 10 uur, hij moet naar de tandarts.",
        [R("Sami", "12-03", "appointment", None, "10:00")],
        ["Nee, Sami komt vandaag om 10 uur op school, eerst tandarts."]),
    seg("Sorry het wordt half 11, niet 10 uur. De tandarts belde net dat de afspraak later is.",
        [R("Sami", "12-03", "appointment", None, "10:30")],
        ["Nee, Sami komt vandaag om 10.30 op school, niet om 10 uur. Hij is bij de tandarts."])],
  child=["Sami", "Sami"], reason=["tandarts", "tandarts"], time=["10 uur", "half 11"], day=["vandaag", "vandaag"])

S("co-05-sem-gaat-toch", "2026-12-07T07:20:00", "Fatma", [
    seg("Noor en Sem ziek vandaag",
        [R("Noor", "12-07", "sick"), R("Sem", "12-07", "sick")],
        ["Nee, Noor en Sem zijn allebei vandaag ziek."]),
    seg("Sem gaat toch naar school. Hij is beter. Alleen Noor ziek",
        [R("Noor", "12-07", "sick")],
        ["Nee, alleen Noor is vandaag ziek. Sem gaat naar school."],
        ok=[R("Sem", "12-07", "sick")])],
  child=["Noor en Sem", "Noor"], reason=["ziek", "ziek"], day=["vandaag", "vandaag"])

S("co-06-not-appointment-sick", "2026-12-08T07:25:00", "Emily", [
    seg("Oliver has a doctor's appointment today, he'll be out all day.",
        [R("Oliver", "12-08", "appointment")],
        ["No, Oliver is out all day today for a doctor's appointment."]),
    seg("Actually sorry, that's not right – it isn't an appointment, he's ill. He's got a high temperature and I'm just taking him to the GP because of it.",
        [R("Oliver", "12-08", "sick")],
        ["No, Oliver is sick today, that's the reason. He's not at school all day."])],
  child=["Oliver", "Oliver"], reason=["Appointment", "He's sick"], day=["Today", "Today"])

S("co-07-pas-om-13-30-terug", "2026-12-09T20:00:00", "Lotte", [
    seg("Goedenavond, Tim heeft morgen een afspraak in het ziekenhuis. Ik haal hem om 11 uur op en om 13.00 is hij weer terug.",
        [R("Tim", "12-10", "appointment", "11:00", "13:00")],
        ["Nee, Tim is morgen, donderdag 10 december, weg van 11.00 tot 13.00 voor het ziekenhuis."]),
    seg("Oeps, hij is pas om half 2 terug, de afspraak duurt langer dan ik dacht",
        [R("Tim", "12-10", "appointment", "11:00", "13:30")],
        ["Nee, Tim is morgen weg van 11.00 tot 13.30, ziekenhuis."])],
  child=["Tim", "Tim"], reason=["ziekenhuis", "ziekenhuis"], time=["11.00 tot 13.00", "11.00 tot 13.30"], day=["morgen", "morgen"])

S("co-08-up-to-tuesday-not-wednesday", "2026-12-14T07:10:00", "Emily", [
    seg("Emma and Oliver have both got the flu, they'll be home up to and including Wednesday.",
        [R("Emma", "12-14", "sick"), R("Emma", "12-15", "sick"), R("Emma", "12-16", "sick"),
         R("Oliver", "12-14", "sick"), R("Oliver", "12-15", "sick"), R("Oliver", "12-16", "sick")],
        ["No, Emma and Oliver are both sick from today, Monday 14 December, up to and including Wednesday 16 December."]),
    seg("Sorry, I meant up to and including Tuesday – they'll be back on Wednesday.",
        [R("Emma", "12-14", "sick"), R("Emma", "12-15", "sick"),
         R("Oliver", "12-14", "sick"), R("Oliver", "12-15", "sick")],
        ["No, Emma and Oliver are both sick on Monday 14 and Tuesday 15 December. They are back at school on Wednesday."],
        ok=[R("Emma", "12-16", "sick"), R("Oliver", "12-16", "sick")])],
  child=["Both", "Both"], reason=["Flu", "Flu"], day=["Today up to and including Wednesday", "Up to and including Tuesday"])

S("co-09-lucas-niet-mila", "2026-12-17T07:05:00", "Julia", [
    seg("Mila heeft vandaag om 9 uur een afspraak bij de orthodontist, ze is er om 10 uur.",
        [R("Mila", "12-17", "appointment", None, "10:00")],
        ["Nee, Mila komt vandaag om 10 uur op school, eerst orthodontist."]),
    seg("Oh wacht, het is Lucas die naar de orthodontist moet, niet Mila! Mila komt gewoon om half 9. Sorry, het is nog vroeg 🙈",
        [R("Lucas", "12-17", "appointment", None, "10:00")],
        ["Nee, niet Mila maar Lucas komt vandaag om 10 uur, hij heeft de orthodontist. Mila komt gewoon."],
        ok=[R("Mila", "12-17", "appointment", None, "10:00")])],
  child=["Mila", "Lucas"], reason=["orthodontist", "orthodontist"], time=["10 uur", "10 uur"], day=["vandaag", "vandaag"])

# ---------------------------------------------------------------- withdraw (wd-): after the receipt
S("wd-01-toch-beter-morgen-wel", "2026-11-23T07:10:00", "Karim", [
    seg("Sami is ziek, vandaag en morgen blijft hij thuis.",
        [R("Sami", "11-23", "sick"), R("Sami", "11-24", "sick")],
        ["Nee, Sami is ziek vandaag maandag 23 november en morgen dinsdag 24 november."]),
    seg("Oh wacht, mijn vrouw zegt dat het alweer veel beter gaat met hem. Hij wil morgen graag naar school, dus alleen vandaag thuis.",
        [R("Sami", "11-23", "sick")],
        ["Nee, Sami is alleen vandaag, maandag 23 november, ziek. Morgen gaat hij naar school."],
        ok=[R("Sami", "11-24", "sick")])],
  child=["Sami", "Sami"], reason=["ziek", "ziek"], day=["vandaag en morgen", "morgen"])

S("wd-02-never-mind-she-goes", "2026-11-24T07:05:00", "Emily", [
    seg("Emma has a sore throat and a bit of a temperature, I'll keep her home today.",
        [R("Emma", "11-24", "sick")],
        ["No, Emma is sick today."]),
    seg("Never mind, she's perked up after some paracetamol and really wants to go. I'll bring her in, please cancel that.",
        [],
        ["No, Emma is not absent today after all, she is coming to school. Please cancel the sick report."],
        ok=[R("Emma", "11-24", "sick")])],
  child=["Emma", "Emma"], reason=["Sick"], day=["Today", "Today"])

S("wd-03-laat-maar-voor-noor", "2026-11-26T07:15:00", "Fatma", [
    seg("Sem vandaag en morgen niet school. ziek. Noor ook vandaag ziek",
        [R("Sem", "11-26", "sick"), R("Sem", "11-27", "sick"), R("Noor", "11-26", "sick")],
        ["Nee, Sem ziek donderdag en vrijdag. Noor ziek alleen vandaag donderdag."]),
    seg("Laat maar voor Noor, ze gaat gewoon. Sem blijft thuis",
        [R("Sem", "11-26", "sick"), R("Sem", "11-27", "sick")],
        ["Nee, Noor gaat naar school, niet ziek. Alleen Sem ziek, donderdag en vrijdag."],
        ok=[R("Noor", "11-26", "sick")])],
  child=["Sem en Noor", "Noor"], reason=["ziek", "ziek"], day=["vandaag en morgen", "vandaag"])

S("wd-04-alleen-morgen-begrafenis", "2026-12-02T18:30:00", "Julia", [
    seg("Goedenavond, Lucas en Mila zijn morgen en vrijdag afwezig. We moeten naar een begrafenis in Friesland.",
        [R("Lucas", "12-03", "other"), R("Lucas", "12-04", "other"), R("Mila", "12-03", "other"), R("Mila", "12-04", "other")],
        ["Nee, Lucas en Mila zijn allebei afwezig op donderdag 3 december en vrijdag 4 december vanwege een begrafenis."]),
    seg("Het is toch alleen morgen, we rijden donderdagavond al terug. Vrijdag zijn ze gewoon op school.",
        [R("Lucas", "12-03", "other"), R("Mila", "12-03", "other")],
        ["Nee, Lucas en Mila zijn alleen morgen, donderdag 3 december, afwezig. Vrijdag zijn ze op school."],
        ok=[R("Lucas", "12-04", "other"), R("Mila", "12-04", "other")])],
  child=["Lucas en Mila", "Lucas en Mila"], reason=["begrafenis", "begrafenis"], day=["donderdag en vrijdag", "donderdag"])

S("wd-05-tandarts-afgebeld", "2026-12-08T07:20:00", "Sanne", [
    seg("Bibi heeft om 11 uur tandarts. Ik haal haar om kwart voor 11 en breng haar om 12 uur terug.",
        [R("Bibi", "12-08", "appointment", "10:45", "12:00")],
        ["Nee, Bibi is vandaag weg van 10.45 tot 12.00 voor de tandarts."]),
    seg("Laat maar, de tandarts heeft net afgebeld. Bibi blijft gewoon de hele dag op school.",
        [],
        ["Nee, Bibi is vandaag niet weg, de tandarts gaat niet door. Ze is de hele dag op school."],
        ok=[R("Bibi", "12-08", "appointment", "10:45", "12:00")])],
  child=["Bibi", "Bibi"], reason=["tandarts"], time=["10.45 tot 12.00"], day=["vandaag", "vandaag"])

S("wd-06-koorts-gezakt-alleen-morgen", "2026-12-13T20:45:00", "Lotte", [
    seg("Hoi, Tim heeft koorts. Hij blijft morgen en dinsdag thuis.",
        [R("Tim", "12-14", "sick"), R("Tim", "12-15", "sick")],
        ["Nee, Tim is ziek op maandag 14 december en dinsdag 15 december."]),
    seg("Ik heb net nog een keer gemeten en de koorts is al gezakt. Dinsdag gaat hij gewoon naar school, dus alleen morgen.",
        [R("Tim", "12-14", "sick")],
        ["Nee, Tim is alleen morgen, maandag 14 december, ziek. Dinsdag gaat hij naar school."],
        ok=[R("Tim", "12-15", "sick")])],
  child=["Tim", "Tim"], reason=["koorts", "koorts"], day=["maandag en dinsdag", "maandag"])

S("wd-07-oliver-stays-after-all", "2026-12-16T07:10:00", "Emily", [
    seg("Hi, both kids will be off today and tomorrow, we're flying to the UK for a funeral.",
        [R("Emma", "12-16", "other"), R("Emma", "12-17", "other"), R("Oliver", "12-16", "other"), R("Oliver", "12-17", "other")],
        ["No, Emma and Oliver are both off on Wednesday 16 and Thursday 17 December for a funeral."]),
    seg("Change of plan – Oliver is staying with a friend and will go to school as normal. Only Emma's coming with us.",
        [R("Emma", "12-16", "other"), R("Emma", "12-17", "other")],
        ["No, only Emma is off on Wednesday 16 and Thursday 17 December for the funeral. Oliver is at school both days."],
        ok=[R("Oliver", "12-16", "other"), R("Oliver", "12-17", "other")])],
  child=["Both", "Oliver"], reason=["Funeral", "Funeral"], day=["Today and tomorrow", "Today and tomorrow"])

S("wd-08-tandarts-verzet", "2026-11-30T07:25:00", "Fatma", [
    seg("Sem morgen tandarts 9 uur. komt 10 uur school",
        [R("Sem", "12-01", "appointment", None, "10:00")],
        ["Nee, Sem komt morgen dinsdag om 10 uur op school, eerst tandarts."]),
    seg("Sorry tandarts is niet morgen, is verzet naar januari. Sem komt gewoon 8.30",
        [],
        ["Nee, Sem komt morgen gewoon om 8.30, geen tandarts. Niet afwezig."],
        ok=[R("Sem", "12-01", "appointment", None, "10:00")])],
  child=["Sem", "Sem"], reason=["tandarts"], time=["10 uur"], day=["morgen", "morgen"])


# ================================================================ checks
def tmin(t):
    h, m = t.split(":"); return int(h) * 60 + int(m)


def school_day(d):
    s = d.isoformat()
    return d.weekday() < 5 and s != "2026-12-11" and not ("2026-12-19" <= s <= "2027-01-03")


DAYWORD = r"(maandag|dinsdag|woensdag|donderdag|vrijdag|morgen|monday|tuesday|wednesday|thursday|friday|tomorrow)"


def check():
    ids = set()
    for s in SCEN:
        sid = s["id"]; assert sid not in ids, sid; ids.add(sid)
        assert sid[:3] in {p + "-" for p in GROUP}, sid
        name, kids, lang = FAM[s["from"]]
        assert s["lang"] == lang, sid
        now = dt.datetime.fromisoformat(s["now"])
        assert dt.date(2026, 11, 23) <= now.date() <= dt.date(2026, 12, 18), sid
        morning = school_day(now.date()) and dt.time(7, 0) <= now.time() <= dt.time(7, 30)
        evening = school_day(now.date() + dt.timedelta(days=1)) and dt.time(18, 0) <= now.time() <= dt.time(22, 0)
        assert morning or evening, (sid, "now")
        first_day = now.date() if morning else now.date() + dt.timedelta(days=1)
        assert s["script"] and s["expected"] == s["script"][-1]["expect"], sid
        if sid[:2] in ("ad", "co", "wd"):
            assert len(s["script"]) >= 2, (sid, "needs a follow-up")
        for g in s["script"]:
            assert g["say"].strip() and g["fixes"], sid
            for f in g["fixes"]:
                assert f.startswith("Nee,") if lang == "nl" else f.startswith("No,"), (sid, f)
            # never bare tot/until for days
            for txt in [g["say"]] + g["fixes"]:
                assert not re.search(rf"(?<!en met )\btot {DAYWORD}", txt, re.I), (sid, txt)
                assert not re.search(rf"(?<!to and including )\buntil {DAYWORD}", txt, re.I), (sid, txt)
            for rows in (g["expect"], g.get("receipt_ok", [])):
                seen = set()
                for r in rows:
                    assert set(r) == {"child", "date", "kind", "from", "until"}, sid
                    assert r["child"] in kids, (sid, r)
                    assert r["kind"] in ("sick", "appointment", "other"), (sid, r)
                    d = dt.date.fromisoformat(r["date"])
                    assert school_day(d), (sid, r)
                    assert d >= first_day or s["_past"], (sid, "past day", r)
                    key = (r["child"], r["date"]); assert key not in seen, (sid, "double", r); seen.add(key)
                    lo, hi = tmin(START), tmin(END[d.weekday()])
                    for t in (r["from"], r["until"]):
                        if t is not None:
                            assert re.fullmatch(r"\d\d:\d\d", t) and lo < tmin(t) < hi, (sid, r)
                    if r["from"] and r["until"]:
                        assert tmin(r["from"]) < tmin(r["until"]), (sid, r)
            for r in g.get("receipt_ok", []):
                assert r not in g["expect"], (sid, r)
        if s["_past"]:
            assert any(dt.date.fromisoformat(r["date"]) < first_day for g in s["script"] for r in g["expect"]), sid
    cnt = {}
    for s in SCEN:
        for g in s["groups"]:
            cnt[g] = cnt.get(g, 0) + 1
    assert all(cnt.get(g, 0) >= 6 for g in GROUP.values()), cnt
    assert len(SCEN) >= 48, len(SCEN)
    both = [s["id"] for s in SCEN if len(FAM[s["from"]][1]) == 2 and (
        all(re.search(rf"\b{k}\b", " ".join(g["say"] for g in s["script"])) for k in FAM[s["from"]][1]) or
        re.search(r"\b(allebei|beide|both|kinderen|kids)\b", " ".join(g["say"] for g in s["script"]), re.I))]
    assert len(both) >= 24, (len(both), both)
    en = sum(s["lang"] == "en" for s in SCEN)
    assert 0.20 <= en / len(SCEN) <= 0.32, en
    ev = sum(dt.datetime.fromisoformat(s["now"]).hour >= 18 for s in SCEN)
    return cnt, both, en, ev


if __name__ == "__main__":
    cnt, both, en, ev = check()
    with open(os.path.join(HERE, "scenarios.jsonl"), "w") as f:
        for s in SCEN:
            f.write(json.dumps({k: v for k, v in s.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
    print(f"{len(SCEN)} scenarios; groups {cnt}; both children {len(both)}; English {en}; evenings {ev}")
