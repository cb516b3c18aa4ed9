#!/usr/bin/env python3
"""Checks messages.jsonl / dates.jsonl: parse, labels, counts, near-duplicates."""
import json, re, sys, datetime as dt
from collections import Counter
from difflib import SequenceMatcher
HERE = __file__.rsplit("/", 1)[0] or "."
INTENTS = {"absence","booking","booking_change","faq","feedback","handoff","greeting","help","privacy","language","unknown"}
TOPICS = {"schooltijden","vakanties","verlof","gym","contact","ouderbijdrage","mr","oudercommissie","overblijven","bso",
          "luizen","rapport","nieuwsbrief","ouderavond","betrokken-zijn","voordelen-samenwerking","thuis-helpen",
          "hoop-en-dromen-gesprek","tien-minutengesprek","oneens-met-leraar","klacht","talenten"}
KIDS = {"+31611111111":{"Bibi"},"+31622222222":{"Tim"},"+31633333333":{"Emma","Oliver"},
        "+31644444444":{"Noor","Sem"},"+31655555555":{"Sami"}}
err = []
def chk(c, m):
    if not c: err.append(m)
M = [json.loads(l) for l in open(HERE + "/messages.jsonl", encoding="utf-8")]
for i, m in enumerate(M, 1):
    chk(set(m) == {"text","intent","faq","lang","from","child","second"}, f"m{i} keys")
    chk(m["intent"] in INTENTS, f"m{i} intent"); chk(m["lang"] in ("nl","en"), f"m{i} lang")
    chk((m["faq"] in TOPICS) if m["intent"] == "faq" else m["faq"] is None, f"m{i} faq")
    chk(m["from"] in KIDS and (m["child"] is None or m["child"] in KIDS[m["from"]]), f"m{i} from/child")
    chk("\n" not in m["text"] and m["text"].strip() == m["text"] and m["text"], f"m{i} text")
    s = m["second"]
    if s is not None:
        chk(s["intent"] in INTENTS and ((s["faq"] in TOPICS) if s["intent"] == "faq" else s["faq"] is None), f"m{i} second")
        chk((s["intent"], s["faq"]) != (m["intent"], m["faq"]), f"m{i} second==first")
ci = Counter(m["intent"] for m in M); ct = Counter(m["faq"] for m in M if m["intent"] == "faq")
chk(len(M) >= 420, "total<420"); chk(ci["faq"] >= 230, "faq<230"); chk(ci["unknown"] >= 35, "unknown<35")
for k in INTENTS - {"faq"}: chk(ci[k] >= 18, f"{k}<18")
for t in TOPICS: chk(ct[t] >= 9, f"topic {t}<9")
chk(sum(1 for m in M if m["second"]) == 20, "second != 20")
D = [json.loads(l) for l in open(HERE + "/dates.jsonl", encoding="utf-8")]
for i, d in enumerate(D, 1):
    chk(set(d) == {"text","now","lang","from","dates"}, f"d{i} keys")
    now = dt.datetime.fromisoformat(d["now"]); chk(now.year == 2026 and now.month in (11, 12), f"d{i} now")
    chk(d["lang"] in ("nl","en") and d["from"] in KIDS and d["dates"], f"d{i} lang/from/dates")
    for e in d["dates"]:
        chk(set(e) == {"start","end","time","time_end","part"}, f"d{i} entry keys")
        a, b = dt.date.fromisoformat(e["start"]), dt.date.fromisoformat(e["end"])
        chk(a <= b and a.weekday() < 5 and b.weekday() < 5, f"d{i} range/weekend")
        for t in (e["time"], e["time_end"]): chk(t is None or re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", t), f"d{i} time")
        chk(e["time_end"] is None or e["time"] is not None, f"d{i} time_end without time")
        chk(e["part"] in (None, "morning", "afternoon"), f"d{i} part")
chk(len(D) >= 170, "dates<170")
# near-duplicates (within and across files)
def norm(t): return re.sub(r"[^\w ]", "", t.lower()).split()
texts = [m["text"] for m in M] + [d["text"] for d in D]
dups = []
for i in range(len(texts)):
    a = " ".join(norm(texts[i]))
    for j in range(i + 1, len(texts)):
        b = " ".join(norm(texts[j]))
        if abs(len(a) - len(b)) > 0.3 * max(len(a), len(b), 1): continue
        r = SequenceMatcher(None, a, b).ratio()
        if r >= 0.85: dups.append((round(r, 2), texts[i], texts[j]))
print("messages", len(M), dict(ci)); print("topics", dict(sorted(ct.items())))
print("lang", dict(Counter(m["lang"] for m in M)), "child set", sum(1 for m in M if m["child"]))
print("dates", len(D), "nows", dict(Counter(d["now"] for d in D)), "lang", dict(Counter(d["lang"] for d in D)))
print("entries/msg", dict(Counter(len(d["dates"]) for d in D)),
      "with time", sum(1 for d in D for e in d["dates"] if e["time"]), "with part", sum(1 for d in D for e in d["dates"] if e["part"]),
      "ranges", sum(1 for d in D for e in d["dates"] if e["start"] != e["end"]))
print("near-duplicates (ratio>=0.85):", len(dups))
for x in sorted(dups, reverse=True): print("  ", x)
print("ERRORS:", err if err else "none")
sys.exit(1 if err else 0)
