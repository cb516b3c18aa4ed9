#!/usr/bin/env python3
"""Builder for /work/fresh17g/dates.jsonl (brief W17GD, Fresh17g dates).

Every message below is typed by hand. Gold dates are written as RELATIVE specs and are
resolved here with datetime against the message's `now`:

  today / tomorrow / overmorgen / yesterday
  this:DAY   DAY (mon..fri) in the ISO week of now's date
  next:DAY   the first DAY strictly after now's date (used for "donderdag" said on a Monday, or on a Sunday evening)
  nw:DAY     DAY in the ISO week after now's week ("volgende week dinsdag", "Tuesday next week")
  last:DAY   the most recent DAY strictly before now's date ("afgelopen dinsdag", "last Friday", "was woensdag ziek")
  YYYY-MM-DD:DAY   an explicit date named in the message; DAY asserts the weekday the parent wrote (or '-' if none)

  D(spec, t=, te=, part=)  one day (optionally with a clock time / interval / half day)
  R(a, b)                   a range a..b inclusive; split into runs of consecutive school days

Output entries: one per run of calendar-consecutive school days (whole-day entries that touch are merged,
never over a weekend, the study day or the holiday). Run:  python3 src/dates_build.py  (writes dates.jsonl and
prints a check listing).
"""
import datetime as dt
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(HERE, "dates.jsonl")

STUDY = {dt.date(2026, 12, 11)}
HOLIDAY = (dt.date(2026, 12, 19), dt.date(2027, 1, 3))
WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WDNL = ["ma", "di", "wo", "do", "vr", "za", "zo"]


def school_day(d):
    return d.weekday() < 5 and d not in STUDY and not (HOLIDAY[0] <= d <= HOLIDAY[1])


def school_end(d):
    return "12:30" if d.weekday() == 2 else "14:30"


FAM = {  # key: phone, default lang, children
    "S": ("+31611111111", "nl", ["Bibi"]),
    "L": ("+31622222222", "nl", ["Tim"]),
    "E": ("+31633333333", "en", ["Emma", "Oliver"]),
    "F": ("+31644444444", "nl", ["Noor", "Sem"]),
    "K": ("+31655555555", "nl", ["Sami"]),
    "J": ("+31666666666", "nl", ["Lucas", "Mila"]),
}

NOWS = {
    # week 1
    "N01": "2026-11-23T07:45:00",  # Mon morning
    "N02": "2026-11-23T20:15:00",  # Mon evening
    "N03": "2026-11-24T07:20:00",  # Tue morning
    "N04": "2026-11-25T08:05:00",  # Wed morning
    "N05": "2026-11-25T19:30:00",  # Wed evening
    "N06": "2026-11-26T07:10:00",  # Thu morning
    "N07": "2026-11-26T21:00:00",  # Thu evening
    "N08": "2026-11-27T07:50:00",  # Fri morning
    "N09": "2026-11-29T19:00:00",  # Sun evening
    # week 2
    "N10": "2026-11-30T07:35:00",  # Mon morning
    "N11": "2026-12-01T18:45:00",  # Tue evening
    "N12": "2026-12-02T07:15:00",  # Wed morning
    "N13": "2026-12-03T07:55:00",  # Thu morning
    "N14": "2026-12-03T20:30:00",  # Thu evening
    "N15": "2026-12-04T08:10:00",  # Fri morning
    "N16": "2026-12-06T20:00:00",  # Sun evening
    # week 3 (Fri 11 Dec study day)
    "N17": "2026-12-07T07:30:00",  # Mon morning
    "N18": "2026-12-07T21:30:00",  # Mon evening
    "N19": "2026-12-08T07:05:00",  # Tue morning
    "N20": "2026-12-09T07:40:00",  # Wed morning
    "N21": "2026-12-09T19:15:00",  # Wed evening
    "N22": "2026-12-10T07:25:00",  # Thu morning
    "N23": "2026-12-13T18:30:00",  # Sun evening
    # week 4
    "N24": "2026-12-14T07:50:00",  # Mon morning
    "N25": "2026-12-14T19:45:00",  # Mon evening
    "N26": "2026-12-15T08:00:00",  # Tue morning
    "N27": "2026-12-15T21:15:00",  # Tue evening
    "N28": "2026-12-16T07:10:00",  # Wed morning
    "N29": "2026-12-17T07:40:00",  # Thu morning
    "N30": "2026-12-18T07:55:00",  # Fri morning
}


# ---------------------------------------------------------------- spec resolution
def resolve(spec, d0):
    if spec == "today":
        return d0
    if spec == "tomorrow":
        return d0 + dt.timedelta(1)
    if spec == "overmorgen":
        return d0 + dt.timedelta(2)
    if spec == "yesterday":
        return d0 - dt.timedelta(1)
    m = re.fullmatch(r"(this|next|nw|last):(mon|tue|wed|thu|fri)", spec)
    if m:
        kind, wd = m.group(1), WD.index(m.group(2))
        monday = d0 - dt.timedelta(d0.weekday())
        if kind == "this":
            return monday + dt.timedelta(wd)
        if kind == "nw":
            return monday + dt.timedelta(7 + wd)
        if kind == "next":
            k = (wd - d0.weekday()) % 7 or 7
            return d0 + dt.timedelta(k)
        if kind == "last":
            k = (d0.weekday() - wd) % 7 or 7
            return d0 - dt.timedelta(k)
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d):(mon|tue|wed|thu|fri|-)", spec)
    if m:
        d = dt.date.fromisoformat(m.group(1))
        if m.group(2) != "-":
            assert WD[d.weekday()] == m.group(2), ("weekday mismatch", spec)
        return d
    raise ValueError("bad spec %r" % spec)


class D:
    def __init__(self, spec, t=None, te=None, part=None):
        self.spec, self.t, self.te, self.part = spec, t, te, part


class R:
    def __init__(self, a, b):
        self.a, self.b = a, b


MSGS = []


def m(now, fam, text, *entries, lang=None, past=False, typo=False):
    MSGS.append(dict(now=now, fam=fam, text=text, entries=entries, lang=lang, past=past, typo=typo))


def hm(s):
    assert re.fullmatch(r"\d\d:\d\d", s), s
    h, mi = map(int, s.split(":"))
    assert 0 <= h < 24 and mi in (0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55), s
    return h * 60 + mi


def build_entries(msg):
    now = dt.datetime.fromisoformat(NOWS[msg["now"]])
    d0 = now.date()
    whole, timed = [], []
    for e in msg["entries"]:
        if isinstance(e, R):
            a, b = resolve(e.a, d0), resolve(e.b, d0)
            assert a <= b, ("range backwards", msg["text"])
            assert school_day(a), ("range starts on a non-school day", msg["text"], a)
            days = [a + dt.timedelta(i) for i in range((b - a).days + 1)]
            days = [x for x in days if school_day(x)]
            assert days, msg["text"]
            whole.extend(days)
        else:
            d = resolve(e.spec, d0)
            assert school_day(d), ("not a school day", msg["text"], d)
            if e.t is None and e.te is None and e.part is None:
                whole.append(d)
            else:
                assert e.part in (None, "morning", "afternoon"), e.part
                assert not (e.part and (e.t or e.te)), "part and time both set"
                if e.part == "afternoon":
                    assert d.weekday() != 2, ("no school on Wednesday afternoon", msg["text"])
                if e.t:
                    assert hm("08:30") < hm(e.t) < hm(school_end(d)), ("time outside school hours", msg["text"], e.t)
                if e.te:
                    assert e.t and hm(e.t) < hm(e.te) <= hm(school_end(d)), ("bad interval", msg["text"])
                timed.append((d, e.t, e.te, e.part))
    assert len(set(whole)) == len(whole), ("duplicate day", msg["text"])
    whole.sort()
    runs = []
    for d in whole:
        if runs and (d - runs[-1][1]).days == 1:
            runs[-1][1] = d
        else:
            runs.append([d, d])
    out = [dict(start=a.isoformat(), end=b.isoformat(), time=None, time_end=None, part=None) for a, b in runs]
    for d, t, te, p in timed:
        assert all(not (a <= d <= b) for a, b in runs), ("timed day inside whole-day run", msg["text"])
        out.append(dict(start=d.isoformat(), end=d.isoformat(), time=t, time_end=te, part=p))
    assert len(set(o["start"] for o in out)) == len(out), ("two entries on one day", msg["text"])
    out.sort(key=lambda o: o["start"])
    # rules on every output entry
    for o in out:
        a, b = dt.date.fromisoformat(o["start"]), dt.date.fromisoformat(o["end"])
        for i in range((b - a).days + 1):
            assert school_day(a + dt.timedelta(i)), ("entry contains a non-school day", msg["text"])
    # past / future
    evening = now.hour >= 18
    days = [dt.date.fromisoformat(o["start"]) for o in out] + [dt.date.fromisoformat(o["end"]) for o in out]
    if msg["past"]:
        assert any(x < d0 or (evening and x == d0) for x in days), ("past flag but no past day", msg["text"])
    else:
        for x in days:
            assert x > d0 or (x == d0 and not evening), ("past day without past flag", msg["text"], x)
    return out


def check_now(key, s):
    n = dt.datetime.fromisoformat(s)
    assert dt.datetime(2026, 11, 23, 7, 0) <= n <= dt.datetime(2026, 12, 18, 8, 15), key
    mins = n.hour * 60 + n.minute
    if n.hour < 12:
        assert school_day(n.date()) and 7 * 60 <= mins <= 8 * 60 + 15, key
    else:
        assert 18 * 60 <= mins <= 22 * 60 and school_day(n.date() + dt.timedelta(1)), key


# ================================================================ the messages (typed by hand)
from messages_dates import add_all  # noqa: E402  (kept in a second file so this one stays readable)


def main():
    for k, v in NOWS.items():
        check_now(k, v)
    add_all(m, D, R)
    rows, texts = [], set()
    for msg in MSGS:
        assert msg["now"] in NOWS, msg
        assert msg["text"] not in texts, ("duplicate text", msg["text"])
        texts.add(msg["text"])
        phone, lang, kids = FAM[msg["fam"]]
        lang = msg["lang"] or lang
        assert lang in ("nl", "en")
        if msg["fam"] == "E":
            assert lang == "en"
        named = [k for k in ["Bibi", "Tim", "Emma", "Oliver", "Noor", "Sem", "Sami", "Lucas", "Mila"]
                 if re.search(r"\b" + k + r"\b", msg["text"], re.I)]
        assert all(k in kids for k in named), ("child of another family", msg["text"])
        ents = build_entries(msg)
        assert ents, msg["text"]
        rows.append({"text": msg["text"], "now": NOWS[msg["now"]], "lang": lang, "from": phone, "dates": ents})
    n = len(rows)
    assert n >= 220, n
    nows_used = Counter(r["now"] for r in rows)
    assert len(nows_used) == len(NOWS), "unused now"
    en = sum(r["lang"] == "en" for r in rows)
    ty = sum(x["typo"] for x in MSGS)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # ---------------------------------------------------------------- check listing
    if "-q" not in sys.argv:
        for i, (msg, r) in enumerate(zip(MSGS, rows), 1):
            now = dt.datetime.fromisoformat(r["now"])
            es = []
            for e in r["dates"]:
                a, b = dt.date.fromisoformat(e["start"]), dt.date.fromisoformat(e["end"])
                s = "%s %s" % (WDNL[a.weekday()], a.strftime("%d-%m"))
                if b != a:
                    s += "..%s %s" % (WDNL[b.weekday()], b.strftime("%d-%m"))
                if e["time"]:
                    s += " @" + e["time"] + ("-" + e["time_end"] if e["time_end"] else "")
                if e["part"]:
                    s += " [" + e["part"] + "]"
                es.append(s)
            print("%3d %s %s %s %s%s | %s\n      => %s" % (i, msg["now"], WDNL[now.weekday()], now.strftime("%d-%m %H:%M"),
                  msg["fam"], "/en" if r["lang"] == "en" and msg["fam"] != "E" else "", r["text"], " ; ".join(es)))
    ent_n = Counter(len(r["dates"]) for r in rows)
    print("\nmessages %d | distinct now %d | English %d (%.1f%%) | typo messages %d (%.1f%%)" % (
        n, len(nows_used), en, 100 * en / n, ty, 100 * ty / n))
    print("entries per message", dict(sorted(ent_n.items())),
          "| ranges", sum(1 for r in rows for e in r["dates"] if e["end"] != e["start"]),
          "| with time", sum(1 for r in rows for e in r["dates"] if e["time"]),
          "| with interval", sum(1 for r in rows for e in r["dates"] if e["time_end"]),
          "| with part", sum(1 for r in rows for e in r["dates"] if e["part"]),
          "| past-flag messages", sum(x["past"] for x in MSGS))
    print("per family", dict(Counter(x["fam"] for x in MSGS)))
    print("messages per now: min %d max %d" % (min(nows_used.values()), max(nows_used.values())))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
