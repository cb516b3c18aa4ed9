#!/usr/bin/env python3
"""Label helper: lists lines where a child of the sender is named in the text but CHILD is '-' (or differs
from the first-named one), and any child of another family named. With --fill, sets '-' to the first-named child."""
import re, glob, sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
KIDS = {"S": ["Bibi"], "L": ["Tim"], "E": ["Emma", "Oliver"], "F": ["Noor", "Sem"], "K": ["Sami"]}
ALL = [k for v in KIDS.values() for k in v]
fill = "--fill" in sys.argv
for fn in sorted(glob.glob(os.path.join(HERE, "messages_*.txt"))):
    out = []
    for n, l in enumerate(open(fn, encoding="utf-8"), 1):
        if l.startswith("#") or not l.strip(): out.append(l); continue
        L, s, c, t = l.rstrip("\n").split(" ; ", 3); s0 = s.split("=")[0]
        found = sorted((m.start(), k) for k in ALL for m in re.finditer(r"\b%s\b" % k, t, re.I))
        own = [k for _, k in found if k in KIDS[s0]]; other = [k for _, k in found if k not in KIDS[s0]]
        exp = own[0] if own else "-"
        if exp != c.strip() or other:
            print(os.path.basename(fn), n, "child:", c, "named:", exp, "other:", other, "|", t[:60])
            if fill and c.strip() == "-": c = exp
        out.append(" ; ".join([L, s, c, t]) + "\n")
    if fill: open(fn, "w", encoding="utf-8").writelines(out)
