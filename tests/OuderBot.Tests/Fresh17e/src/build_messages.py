#!/usr/bin/env python3
"""Builds ../messages.jsonl from src/messages_*.txt.
Line format:  LABEL LANG SENDER CHILD SECOND | text
LABEL/SECOND = intent or faq/topic ; CHILD/SECOND '-' = null. '#' lines are comments."""
import glob, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
PHONE = {"Sanne": "+31611111111", "Lotte": "+31622222222", "Emily": "+31633333333",
         "Fatma": "+31644444444", "Karim": "+31655555555"}
def lab(x):
    if "/" in x:
        i, t = x.split("/", 1); return i, t
    return x, None
out = []
for f in sorted(glob.glob(os.path.join(HERE, "messages_*.txt"))):
    for n, line in enumerate(open(f, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"): continue
        head, text = line.split(" | ", 1)
        label, lang, sender, child, second = head.split()
        i, t = lab(label)
        sec = None
        if second != "-":
            si, st = lab(second); sec = {"intent": si, "faq": st}
        out.append({"text": text.strip(), "intent": i, "faq": t, "lang": lang, "from": PHONE[sender],
                    "child": None if child == "-" else child, "second": sec})
with open(os.path.join(HERE, "..", "messages.jsonl"), "w", encoding="utf-8") as w:
    for m in out: w.write(json.dumps(m, ensure_ascii=False) + "\n")
print(len(out), "messages written")
