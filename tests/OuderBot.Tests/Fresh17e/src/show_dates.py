#!/usr/bin/env python3
"""Prints each item with now and resolved dates with weekday names, for checking by eye."""
import glob, os, runpy, sys, datetime as dt
here = os.path.dirname(os.path.abspath(__file__))
fs = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "dates_*.py")))
for f in fs:
    for it in runpy.run_path(f)["ITEMS"]:
        n = dt.datetime.fromisoformat(it["now"])
        ds = "; ".join(f'{dt.date.fromisoformat(e["start"]):%a %d %b}' + (f'–{dt.date.fromisoformat(e["end"]):%a %d %b}' if e["end"] != e["start"] else "")
                       + (f' {e["time"]}' if e["time"] else "") + (f'-{e["time_end"]}' if e["time_end"] else "") + (f' [{e["part"]}]' if e["part"] else "") for e in it["dates"])
        print(f'{n:%a %d %b %H:%M} | {it["text"]}\n      -> {ds}')
