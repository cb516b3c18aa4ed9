"""Helpers for hand-written date items: gold dates resolved with datetime from relative specs."""
import datetime as dt
WD = ["mon","tue","wed","thu","fri","sat","sun"]
PH = {"+31611111111":"S","+31622222222":"L","+31633333333":"E","+31644444444":"F","+31655555555":"K"}
FROM = {v: k for k, v in PH.items()}
STUDY = dt.date(2026, 12, 11); HOL = dt.date(2026, 12, 19)
def res(spec, now):
    d = now.date()
    if spec == "0": return d
    if spec in ("+1", "morgen"):
        r = d + dt.timedelta(1)
        assert r.weekday() < 5, "morgen not a school day"; return r
    if spec in ("-1", "gisteren"): return d - dt.timedelta(1)
    if spec in WD:  # next such weekday, never today
        k = (WD.index(spec) - d.weekday()) % 7 or 7; return d + dt.timedelta(k)
    if spec.startswith("last:"):
        k = (d.weekday() - WD.index(spec[5:])) % 7 or 7; return d - dt.timedelta(k)
    if spec.startswith("nw:"):  # weekday in the next calendar week
        mon = d + dt.timedelta(7 - d.weekday()); return mon + dt.timedelta(WD.index(spec[3:]))
    return dt.date.fromisoformat(spec)
def E(s, e=None, t=None, te=None, p=None):
    return (s, e, t, te, p)
def M(text, now, who, lang, *entries):
    n = dt.datetime.fromisoformat(now)
    out = []
    for s, e, t, te, p in entries:
        a = res(s, n); b = res(e, n) if e else a
        assert a <= b and a.weekday() < 5 and b.weekday() < 5, (text, a, b)
        assert not (a <= STUDY <= b) and b < HOL, (text, "study day/holiday")
        assert not (p == "afternoon" and a.weekday() == 2 and a == b), (text, "wed afternoon")
        out.append({"start": a.isoformat(), "end": b.isoformat(), "time": t, "time_end": te, "part": p})
    return {"text": text, "now": now, "lang": lang, "from": FROM[who], "dates": out}
