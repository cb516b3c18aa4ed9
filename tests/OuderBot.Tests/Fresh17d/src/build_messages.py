#!/usr/bin/env python3
"""Builds ../messages.jsonl from the hand-written src/messages*.txt files.
Line format:  LABEL | SENDER[:lang] | CHILD | text
  LABEL  = intent[/topic][+intent2[/topic2]]   (second request after '+')
  SENDER = S Sanne, L Lotte, E Emily, F Fatma, K Karim; lang defaults to en for E, nl otherwise
  CHILD  = child name or '-'
Lines starting with '#' and blank lines are ignored."""
import glob, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
PHONE = {"S": "+31611111111", "L": "+31622222222", "E": "+31633333333", "F": "+31644444444", "K": "+31655555555"}
def lab(s):
    i, _, t = s.strip().partition("/")
    return i, (t or None)
out = []
for fn in sorted(glob.glob(os.path.join(HERE, "messages*.txt"))):
    for n, line in enumerate(open(fn, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(" | ", 3)
        assert len(parts) == 4, (fn, n, line)
        label, snd, child, text = parts
        first, _, sec = label.partition("+")
        intent, faq = lab(first)
        snd, _, lang = snd.strip().partition(":")
        lang = lang or ("en" if snd == "E" else "nl")
        out.append({"text": text.strip(), "intent": intent, "faq": faq, "lang": lang, "from": PHONE[snd],
                    "child": None if child.strip() == "-" else child.strip(),
                    "second": ({"intent": lab(sec)[0], "faq": lab(sec)[1]} if sec else None)})
with open(os.path.join(HERE, "..", "messages.jsonl"), "w", encoding="utf-8") as f:
    for m in out:
        f.write(json.dumps(m, ensure_ascii=False) + "\n")
print("wrote", len(out))
# sanity warnings: the first own child named in the text should be the child label
import re as _re
KIDN = {"+31611111111":["Bibi"],"+31622222222":["Tim"],"+31633333333":["Emma","Oliver"],"+31644444444":["Noor","Sem"],"+31655555555":["Sami"]}
PAT = {"Bibi": r"\bbibi", "Tim": r"\btim\b|\btimm", "Emma": r"\bem+a\b", "Oliver": r"\bol+iv", "Noor": r"\bno+r\b", "Sem": r"\bsem\b|\bsemm", "Sami": r"\bsam+i\b|\bsamy"}
for m in out:
    found = []
    for k in KIDN[m["from"]]:
        mm = _re.search(PAT[k], m["text"].lower())
        if mm: found.append((mm.start(), k))
    first = min(found)[1] if found else None
    if first != m["child"]:
        print("CHECK child:", m["child"], "| found:", first, "|", m["text"])
