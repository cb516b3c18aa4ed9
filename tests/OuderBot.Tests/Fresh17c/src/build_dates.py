#!/usr/bin/env python3
"""Resolves the hand-written relative date specs in src/dates_*.txt into ../dates.jsonl and prints every resolved
entry with weekday names for checking by eye."""
import json, os, re, datetime as dt
HERE = os.path.dirname(os.path.abspath(__file__))
FROM = {"S": "+31611111111", "L": "+31622222222", "E": "+31633333333", "F": "+31644444444", "K": "+31655555555"}
NOWS = {"a": "2026-11-23T07:45", "b": "2026-11-24T07:30", "c": "2026-11-25T08:00", "d": "2026-11-26T07:50",
        "e": "2026-11-27T19:30", "f": "2026-11-29T20:15", "g": "2026-11-30T07:40", "h": "2026-12-02T07:15",
        "i": "2026-12-03T21:00", "j": "2026-12-04T07:45", "k": "2026-12-07T07:35", "l": "2026-12-08T08:05",
        "m": "2026-12-09T07:20", "n": "2026-12-13T19:45", "o": "2026-12-14T07:40", "p": "2026-12-15T07:55",
        "q": "2026-12-17T07:30", "r": "2026-12-18T07:45"}
WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
def day(spec, now):
    d0 = now.date()
    if re.fullmatch(r"[+-]?\d+", spec): return d0 + dt.timedelta(days=int(spec))
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", spec)
    if m: return dt.date(2026, int(m[2]), int(m[1]))
    m = re.fullmatch(r"(nw-|l-)?(mon|tue|wed|thu|fri)", spec)
    w = WD.index(m[2])
    if m[1] == "nw-":   # that weekday in the week after now's week
        return d0 - dt.timedelta(days=d0.weekday()) + dt.timedelta(days=7 + w)
    if m[1] == "l-":    # last such weekday before now
        k = (d0.weekday() - w) % 7 or 7; return d0 - dt.timedelta(days=k)
    k = (w - d0.weekday()) % 7 or 7; return d0 + dt.timedelta(days=k)
def entry(spec, now):
    part = None
    if "#" in spec: spec, p = spec.split("#"); part = {"m": "morning", "a": "afternoon"}[p]
    t = te = None
    if "@" in spec:
        spec, tt = spec.split("@"); t, _, te = tt.partition("-"); te = te or None
    a, _, b = spec.partition("..")
    s = day(a, now); e = day(b, now) if b else s
    return {"start": s.isoformat(), "end": e.isoformat(), "time": t, "time_end": te, "part": part}
out = []
for fn in ["dates_a.txt", "dates_b.txt", "dates_c.txt"]:
    for line in open(os.path.join(HERE, fn), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"): continue
        n, lang, fr, specs, text = [x.strip() for x in line.split(" | ", 4)]
        now = dt.datetime.fromisoformat(NOWS[n])
        es = [entry(s, now) for s in specs.split(";")]
        out.append({"text": text, "now": NOWS[n], "lang": {"n": "nl", "e": "en"}[lang], "from": FROM[fr], "dates": es})
        show = "; ".join(f"{dt.date.fromisoformat(e['start']):%a %d %b}" + (f"–{dt.date.fromisoformat(e['end']):%a %d %b}" if e['end'] != e['start'] else "")
                         + (f" {e['time']}" if e['time'] else "") + (f"-{e['time_end']}" if e['time_end'] else "") + (f" [{e['part']}]" if e['part'] else "") for e in es)
        print(f"{now:%a %d %b %H:%M} | {show:38} | {text}")
with open(os.path.join(HERE, "..", "dates.jsonl"), "w", encoding="utf-8") as o:
    for d in out: o.write(json.dumps(d, ensure_ascii=False) + "\n")
print(len(out), "date messages")
