#!/usr/bin/env python3
"""Builds ../messages.jsonl from the hand-written batch files src/messages_*.txt.

Line format (one message per line, '#' = comment, blank lines ignored):
  LABEL ; SENDER ; CHILD ; TEXT
  LABEL  = intent[/faq]            e.g. faq/gym, absence, unknown
           or intent[/faq] + intent[/faq] for two requests (first request first)
  SENDER = S L E F K (Sanne, Lotte, Emily, Fatma, Karim), optionally '=en' / '=nl'
           to override the default language (Emily -> en, others -> nl)
  CHILD  = child's name or '-'
  Style tags (not in the output, only counted): words starting with '!' after the label, e.g.
  '!typo' heavy typos, '!voice' voice-dictated run-on, '!indirect' indirect question, '!story' question inside a story.
"""
import glob, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
PH = {"S": "+31611111111", "L": "+31622222222", "E": "+31633333333", "F": "+31644444444", "K": "+31655555555"}
def lab(s):
    s = s.strip()
    if "/" in s:
        i, f = s.split("/", 1); return i.strip(), f.strip()
    return s, None
out = []; bad = 0; styles = {}
for fn in sorted(glob.glob(os.path.join(HERE, "messages_*.txt"))):
    for n, line in enumerate(open(fn, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"): continue
        parts = line.split(" ; ", 3)
        if len(parts) != 4:
            print(f"{os.path.basename(fn)}:{n}: bad line", file=sys.stderr); bad += 1; continue
        L, snd, ch, text = parts
        tags = [w for w in L.split() if w.startswith("!")]
        L = " ".join(w for w in L.split() if not w.startswith("!"))
        for t in tags: styles[t] = styles.get(t, 0) + 1
        snd = snd.strip()
        lang = None
        if "=" in snd: snd, lang = snd.split("=")
        lang = lang or ("en" if snd == "E" else "nl")
        if "+" in L:
            a, b = L.split("+"); (i1, f1), (i2, f2) = lab(a), lab(b)
            second = {"intent": i2, "faq": f2}
        else:
            i1, f1 = lab(L); second = None
        out.append({"text": text.strip(), "intent": i1, "faq": f1, "lang": lang, "from": PH[snd],
                    "child": None if ch.strip() == "-" else ch.strip(), "second": second})
with open(os.path.join(HERE, "..", "messages.jsonl"), "w", encoding="utf-8") as f:
    for m in out: f.write(json.dumps(m, ensure_ascii=False) + "\n")
print("built", len(out), "messages", "bad lines", bad, "style tags", styles)
sys.exit(1 if bad else 0)
