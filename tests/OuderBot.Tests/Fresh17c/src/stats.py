#!/usr/bin/env python3
"""Counts for the README. Style counts are heuristic (typos: hand-picked list in typo_lines.txt)."""
import json, re, os
from collections import Counter
H = os.path.dirname(os.path.abspath(__file__))
M = [json.loads(l) for l in open(H + "/../messages.jsonl", encoding="utf-8")]
D = [json.loads(l) for l in open(H + "/../dates.jsonl", encoding="utf-8")]
TYPO = {l.strip() for l in open(H + "/typo_lines.txt", encoding="utf-8") if l.strip() and not l.startswith("#")}
EN = set("the is a to and my he she i you can what when how it his her won't will be today tomorrow please with about for of".split())
NL = set("de het een en is ik hij zij ze mijn vandaag morgen niet op school wat hoe wanneer kan van met ook juf meester graag".split())
EMO = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
def styles(t, lang, frm):
    w = re.findall(r"[\w']+", t.lower()); s = set()
    if len(w) <= 4: s.add("short (1-4 words)")
    if len(w) >= 20: s.add("long (20+ words)")
    if len(w) >= 20 and not re.search(r"[.,!?;:]", t): s.add("voice run-on, no punctuation")
    if EMO.search(t): s.add("emoji")
    if re.search(r"\b(geachte|met vriendelijke groet|zou ik|wilt u|graag een telefonische)\b", t.lower()): s.add("formal")
    if frm == "+31644444444" and lang == "nl": s.add("limited Dutch (Fatma)")
    if lang == "en": s.add("English")
    en, nl = sum(x in EN for x in w), sum(x in NL for x in w)
    if en >= 2 and nl >= 2: s.add("mixed nl/en")
    if t in TYPO: s.add("heavy typos")
    return s
def report(items, name):
    c = Counter(x for m in items for x in styles(m["text"], m["lang"], m["from"]))
    print(name, dict(sorted(c.items())))
print("messages", len(M)); print("intents", dict(Counter(m["intent"] for m in M)))
print("topics", dict(sorted(Counter(m["faq"] for m in M if m["faq"]).items())))
print("lang", dict(Counter(m["lang"] for m in M)), "from", dict(Counter(m["from"] for m in M)))
print("second", sum(1 for m in M if m["second"]), dict(Counter((m["intent"], m["second"]["intent"]) for m in M if m["second"])))
print("child set", sum(1 for m in M if m["child"]))
report(M, "styles messages"); report(D, "styles dates")
print("intent x styles:")
for i in sorted(set(m["intent"] for m in M)):
    print("  ", i, dict(sorted(Counter(x for m in M if m["intent"] == i for x in styles(m["text"], m["lang"], m["from"])).items())))
print("typo lines found", sum(1 for t in TYPO if t in {m["text"] for m in M} | {d["text"] for d in D}), "of", len(TYPO))
