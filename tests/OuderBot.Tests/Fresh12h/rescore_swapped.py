#!/usr/bin/env python3
"""The set's gold follows its brief's wrong reading of the row fields ("from = arrives at, until = leaves at"); the bot
and every earlier set read from = away from, until = away until. The conversations run the same either way (the
simulated parent compares times, not fields), so this re-scores a results file with from and until swapped in every
gold row and prints the same report:  python3 rescore_swapped.py results-X.jsonl > report-X-swapped.txt"""
import json, os, sys, runpy, tempfile
HERE = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1]
out = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
for line in open(src):
    r = json.loads(line)
    r["expected"] = sorted([c, d, k, u, f] for c, d, k, f, u in r["expected"])
    r["actual"] = sorted(list(a) for a in r["actual"])
    r["exact"] = r["actual"] == r["expected"]
    out.write(json.dumps(r, ensure_ascii=False) + "\n")
out.close()
sys.path.insert(0, os.path.join(HERE, "..", "Fresh12"))
import measure  # noqa: E402  (../Fresh12/measure.py, unchanged)
measure.RES = out.name
measure.report()
