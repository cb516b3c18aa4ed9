#!/usr/bin/env python3
"""Builds ../dates.jsonl from the hand-written sources src/dates_NN.py (each defines a string SRC).

Source format (one message per block, blank line between blocks, '#' lines are comments):
  @ 2026-11-23T07:12 L nl
  <message text, one line>
  = <spec>
Senders: S Sanne, L Lotte, E Emily, F Fatma, K Karim.
Spec: entries separated by ';'. Entry: DAY[..DAY] [@HH:MM[-HH:MM]] [morning|afternoon]
DAY: today | tomorrow | yesterday | mon..fri (next such weekday after now's date, never now's weekday)
     | past-mon..past-fri (last such weekday before now) | nw-mon..nw-fri (that weekday in the calendar week after now's)
     | dec3 / nov30 (explicit 2026 date) | week (Mon-Fri of now's week, Monday only, written as week..)
"""
import datetime as dt, glob, json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
PHONE = {"S": "+31611111111", "L": "+31622222222", "E": "+31633333333", "F": "+31644444444", "K": "+31655555555"}
WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MON = {"nov": 11, "dec": 12}
STUDY = dt.date(2026, 12, 11); HOLIDAY = dt.date(2026, 12, 19)
def school(d): return d.weekday() < 5 and d != STUDY and d < HOLIDAY
problems = []

def day(tok, now, msg):
    d0 = now.date()
    if tok == "today":
        if now.hour >= 17: problems.append((msg, "today in the evening"))
        return d0
    if tok == "tomorrow":
        d = d0 + dt.timedelta(1)
        if d.weekday() == 5: d += dt.timedelta(2)            # never used on Friday (checked below)
        if d0.weekday() == 4: problems.append((msg, "tomorrow on a Friday"))
        if d0.weekday() == 6: d = d0 + dt.timedelta(1)
        return d
    if tok == "yesterday":
        d = d0 - dt.timedelta(1)
        if not school(d): problems.append((msg, "yesterday not a school day"))
        return d
    m = re.fullmatch(r"(past-|nw-)?(mon|tue|wed|thu|fri)", tok)
    if m:
        w = WD.index(m.group(2))
        if m.group(1) is None:
            if w == d0.weekday(): problems.append((msg, "weekday name = now's weekday"))
            k = (w - d0.weekday()) % 7 or 7
            return d0 + dt.timedelta(k)
        if m.group(1) == "past-":
            k = (d0.weekday() - w) % 7 or 7
            return d0 - dt.timedelta(k)
        if d0.weekday() == 6: problems.append((msg, "volgende week on a Sunday"))
        monday = d0 - dt.timedelta(d0.weekday()) + dt.timedelta(7)
        return monday + dt.timedelta(w)
    m = re.fullmatch(r"(nov|dec)(\d{1,2})", tok)
    if m: return dt.date(2026, MON[m.group(1)], int(m.group(2)))
    raise ValueError(f"bad day token {tok!r} in {msg!r}")

def entry(spec, now, msg):
    parts = spec.split()
    rng = parts[0]; time = time_end = part = None
    for p in parts[1:]:
        if p.startswith("@"):
            t = p[1:].split("-"); time = t[0]; time_end = t[1] if len(t) > 1 else None
        elif p in ("morning", "afternoon"): part = p
        else: raise ValueError(f"bad spec {spec!r}")
    if rng == "week":
        if now.weekday() != 0: problems.append((msg, "de hele week not on a Monday"))
        a, b = now.date(), now.date() + dt.timedelta(4)
    elif ".." in rng:
        x, y = rng.split(".."); a, b = day(x, now, msg), day(y, now, msg)
    else:
        a = b = day(rng, now, msg)
    d = a
    while d <= b:
        if d.weekday() < 5 and not school(d): problems.append((msg, f"gold date {d} is study day/holiday"))
        d += dt.timedelta(1)
    if not (school(a) and school(b)) and not (a < dt.date(2026, 11, 23) and a.weekday() < 5): problems.append((msg, f"not a school day {a}..{b}"))
    if part == "afternoon" and a.weekday() == 2: problems.append((msg, "afternoon on a Wednesday"))
    if a > b: problems.append((msg, "range reversed"))
    for t in (time, time_end):
        if t and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", t): problems.append((msg, f"bad time {t}"))
    return {"start": a.isoformat(), "end": b.isoformat(), "time": time, "time_end": time_end, "part": part}

def main(show=True):
    out = []
    for f in sorted(glob.glob(os.path.join(HERE, "dates_*.py"))):
        ns = {}; exec(open(f, encoding="utf-8").read(), ns)
        blocks = [b for b in re.split(r"\n\s*\n", ns["SRC"])]
        for b in blocks:
            lines = [l for l in b.strip().split("\n") if l.strip() and not l.startswith("#")]
            if not lines: continue
            assert len(lines) == 3 and lines[0].startswith("@ ") and lines[2].startswith("= "), (f, lines)
            _, now_s, who, lang = lines[0].split()
            now = dt.datetime.fromisoformat(now_s); text = lines[1].strip()
            assert lang in ("nl", "en") and who in PHONE
            ok_time = (dt.time(7, 0) <= now.time() <= dt.time(8, 15) and school(now.date())) or \
                      (now.hour >= 18 and now.weekday() in (3, 4, 6) and school(now.date() + dt.timedelta(1 if now.weekday() != 4 else 3)))
            if not ok_time: problems.append((text, f"now {now_s} not a school morning / allowed evening"))
            if now.weekday() == 4 and now.hour >= 18 and not school(now.date()): problems.append((text, "friday evening of a non-school day"))
            ents = [entry(s.strip(), now, text) for s in lines[2][2:].split(";")]
            out.append({"text": text, "now": now_s, "lang": lang, "from": PHONE[who], "dates": ents})
            if show:
                def fmt(e):
                    a = dt.date.fromisoformat(e["start"]); z = dt.date.fromisoformat(e["end"])
                    s = a.strftime("%a %d %b") + ("" if a == z else " .. " + z.strftime("%a %d %b"))
                    return s + "".join(f" {k}={e[k]}" for k in ("time", "time_end", "part") if e[k])
                print(f"[{os.path.basename(f)}] now {now.strftime('%a %d %b %H:%M')} {who} {lang}\n   {text}\n   -> " + " | ".join(fmt(e) for e in ents))
    texts = [o["text"] for o in out]
    for t in set(texts):
        if texts.count(t) > 1: problems.append((t, "duplicate text"))
    with open(os.path.join(HERE, "..", "dates.jsonl"), "w", encoding="utf-8") as fh:
        for o in out: fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} messages")
    for p in problems: print("PROBLEM:", p)
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main("-q" not in sys.argv))
