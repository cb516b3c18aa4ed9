#!/usr/bin/env python3
"""Builds ../dates.jsonl from src/dates_*.py (each defines ITEMS: list of dicts with text, now, lang, from, dates)."""
import glob, json, os, runpy
here = os.path.dirname(os.path.abspath(__file__))
items = []
for f in sorted(glob.glob(os.path.join(here, "dates_*.py"))):
    items += runpy.run_path(f)["ITEMS"]
with open(os.path.join(here, "..", "dates.jsonl"), "w", encoding="utf-8") as out:
    for it in items:
        out.write(json.dumps(it, ensure_ascii=False) + "\n")
print("dates built:", len(items))
