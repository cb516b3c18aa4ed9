#!/usr/bin/env python3
"""Converts the hand-written src/*.txt lines into ../messages.jsonl (format conversion only)."""
import json, re, glob, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
FROM = {"S": "+31611111111", "L": "+31622222222", "E": "+31633333333", "F": "+31644444444", "K": "+31655555555"}
KIDS = {"S": ["Bibi"], "L": ["Tim"], "E": ["Emma", "Oliver"], "F": ["Noor", "Sem"], "K": ["Sami"]}
def lab(x):
    if x.startswith("faq:"): return "faq", x[4:]
    return x, None
out, warn = [], []
for fn in ["faq_a.txt", "faq_b.txt", "faq_c.txt", "intents_a.txt", "intents_b.txt", "intents_c.txt", "unknown.txt", "extra.txt", "extra2.txt", "second.txt"]:
    for ln, line in enumerate(open(os.path.join(HERE, fn), encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"): continue
        f = [x.strip() for x in line.split(" | ", 5)]
        assert len(f) == 6, (fn, ln, line)
        L, lang, fr, child, sec, text = f
        i, faq = lab(L)
        s = None
        if sec != "-":
            si, sf = lab(sec); s = {"intent": si, "faq": sf}
        child = None if child == "-" else child
        # check: a named own child in the text must be the child label (first named)
        low = text.lower().replace("olliver", "oliver")
        pos = sorted((m.start(), k) for k in KIDS[fr] for m in [re.search(r"\b" + k.lower() + r"\b", low)] if m)
        first = pos[0][1] if pos else None
        if first != child: warn.append(f"{fn}:{ln} child={child} named={first}: {text}")
        out.append({"text": text, "intent": i, "faq": faq, "lang": {"n": "nl", "e": "en"}[lang], "from": FROM[fr],
                    "child": child, "second": s})
with open(os.path.join(HERE, "..", "messages.jsonl"), "w", encoding="utf-8") as o:
    for m in out: o.write(json.dumps(m, ensure_ascii=False) + "\n")
print(len(out), "messages"); print("\n".join(warn))
