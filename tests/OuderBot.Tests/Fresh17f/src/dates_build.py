#!/usr/bin/env python3
"""Builds ../dates.jsonl from the hand-written src/dates_msgs.txt.

Block format in dates_msgs.txt:
  @<now ISO> <family letter> <nl|en>
  <message text, one line, typed by hand>
  = <spec>
Spec: entries separated by ';'. Entry: DAY[..DAY] [@HH:MM[-HH:MM]] [am|pm]
DAY: today | +N / -N (calendar days after / before now's date) | mon..fri (next such weekday strictly after
today) | last-mon..last-fri (latest such weekday strictly before today) | nw-mon..nw-fri (that
weekday in the Monday-based week after now's week) | tw-mon..tw-fri (that weekday in now's own
week, must not be before today) | YYYY-MM-DD (explicit date said in the message).
Gold dates are only ever produced by resolve() below (Python datetime), never typed.
"""
import datetime as dt, json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
FAM = {"S": "+31611111111", "L": "+31622222222", "E": "+31633333333", "F": "+31644444444", "K": "+31655555555"}
WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
STUDY = {dt.date(2026, 12, 11)}
HOL_A, HOL_B = dt.date(2026, 12, 19), dt.date(2027, 1, 3)

def day(tok, today):
    if tok == "today": return today
    if re.fullmatch(r"[+-]\d+", tok): return today + dt.timedelta(days=int(tok))
    if re.fullmatch(r"\d{4}-\d\d-\d\d", tok): return dt.date.fromisoformat(tok)
    m = re.fullmatch(r"(last-|nw-|tw-)?(mon|tue|wed|thu|fri)", tok)
    if not m: raise ValueError("bad day token " + tok)
    w = WD.index(m.group(2)); pre = m.group(1)
    if pre is None:
        d = (w - today.weekday()) % 7 or 7; return today + dt.timedelta(days=d)
    if pre == "last-":
        d = (today.weekday() - w) % 7 or 7; return today - dt.timedelta(days=d)
    monday = today - dt.timedelta(days=today.weekday())
    if pre == "tw-":
        r = monday + dt.timedelta(days=w); assert r >= today, tok; return r
    return monday + dt.timedelta(days=7 + w)

def resolve(spec, now):
    out = []
    for ent in [e.strip() for e in spec.split(";")]:
        parts = ent.split(); rng = parts[0]; t = te = part = None
        for p in parts[1:]:
            if p.startswith("@"):
                tt = p[1:].split("-"); t = tt[0]; te = tt[1] if len(tt) > 1 else None
            elif p in ("am", "pm"): part = {"am": "morning", "pm": "afternoon"}[p]
            else: raise ValueError("bad spec part " + p)
        a, _, b = rng.partition("..")
        s = day(a, now.date()); e = day(b, now.date()) if b else s
        out.append({"start": s.isoformat(), "end": e.isoformat(), "time": t, "time_end": te, "part": part})
    return out

def check(rec):
    now = dt.datetime.fromisoformat(rec["now"]); d0 = now.date()
    ok_morning = d0.weekday() < 5 and d0 not in STUDY and dt.time(7, 0) <= now.time() <= dt.time(8, 15)
    nxt = d0 + dt.timedelta(days=1)
    ok_evening = dt.time(18, 0) <= now.time() <= dt.time(22, 0) and nxt.weekday() < 5 and nxt not in STUDY
    assert ok_morning or ok_evening, ("bad now", rec)
    assert dt.datetime(2026, 11, 23, 7, 0) <= now <= dt.datetime(2026, 12, 18, 8, 15), ("now window", rec)
    for e in rec["dates"]:
        a, b = dt.date.fromisoformat(e["start"]), dt.date.fromisoformat(e["end"])
        assert a <= b, rec
        x = a
        while x <= b:
            assert x.weekday() < 5, ("weekend", rec); assert x not in STUDY, ("study day", rec)
            assert not (HOL_A <= x <= HOL_B), ("holiday", rec); x += dt.timedelta(days=1)
        if e["part"] == "afternoon": assert a == b and a.weekday() != 2, ("wed afternoon", rec)
        if e["time"]:
            h = int(e["time"][:2]); assert 8 <= h <= 15, ("odd time", rec)
            last = "12:30" if a.weekday() == 2 else "14:30"
            assert "08:00" <= e["time"] <= last and (e["time_end"] or e["time"]) <= last, ("outside school hours", rec)
            assert e["time_end"] is None or e["time_end"] > e["time"], rec

def main():
    lines = [l.rstrip("\n") for l in open(os.path.join(HERE, "dates_msgs.txt"), encoding="utf-8")]
    lines = [l for l in lines if l.strip() and not l.startswith("#")]
    recs = []; i = 0
    while i < len(lines):
        h, text, sp = lines[i], lines[i + 1], lines[i + 2]; i += 3
        assert h.startswith("@") and sp.startswith("= "), (h, text, sp)
        nowiso, fam, lang = h[1:].split()
        now = dt.datetime.fromisoformat(nowiso)
        rec = {"text": text.strip(), "now": now.isoformat(timespec="seconds"), "lang": lang, "from": FAM[fam],
               "dates": resolve(sp[2:], now)}
        assert lang in ("nl", "en") and rec["text"]
        check(rec); recs.append(rec)
    texts = [r["text"] for r in recs]; assert len(texts) == len(set(texts)), "duplicate text"
    with open(os.path.join(HERE, "..", "dates.jsonl"), "w", encoding="utf-8") as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if "-v" in sys.argv:
        for n, r in enumerate(recs, 1):
            now = dt.datetime.fromisoformat(r["now"])
            ds = "; ".join(f'{dt.date.fromisoformat(e["start"]):%a %d %b}' + (f'..{dt.date.fromisoformat(e["end"]):%a %d %b}' if e["end"] != e["start"] else "")
                           + (f' {e["time"]}' if e["time"] else "") + (f'-{e["time_end"]}' if e["time_end"] else "")
                           + (f' {e["part"]}' if e["part"] else "") for e in r["dates"])
            print(f'{n:3} {now:%a %d %b %H:%M} {r["from"][-2:]} {r["lang"]} | {r["text"]}\n      -> {ds}')
    print("written", len(recs), file=sys.stderr)

if __name__ == "__main__":
    main()
