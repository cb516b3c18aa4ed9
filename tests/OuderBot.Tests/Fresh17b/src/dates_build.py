import json, datetime as dt, re, sys
PH = {"S":"+31611111111","L":"+31622222222","E":"+31633333333","F":"+31644444444","K":"+31655555555"}
NOWS = {"A":"2026-11-23T07:45","B":"2026-11-24T08:10","C":"2026-11-25T07:30","D":"2026-11-26T12:15",
        "E":"2026-11-27T20:30","F":"2026-11-29T19:00","G":"2026-12-01T07:50","H":"2026-12-03T08:20",
        "I":"2026-12-07T07:40","J":"2026-12-10T13:00","K":"2026-12-13T21:15","M":"2026-12-04T06:55"}
WD = ["mon","tue","wed","thu","fri","sat","sun"]
def rd(tok, today):
    if tok=="0": return today
    if re.fullmatch(r"[+-]\d+", tok): return today+dt.timedelta(days=int(tok))
    if tok in WD:
        d=(WD.index(tok)-today.weekday())%7; return today+dt.timedelta(days=d)
    if tok.startswith("n:"):
        mon=today-dt.timedelta(days=today.weekday())+dt.timedelta(days=7)
        return mon+dt.timedelta(days=WD.index(tok[2:]))
    if tok.startswith("l:"):
        d=(today.weekday()-WD.index(tok[2:]))%7 or 7; return today-dt.timedelta(days=d)
    if tok=="eow": return today+dt.timedelta(days=4-today.weekday())
    if re.fullmatch(r"\d\d-\d\d", tok): return dt.date(2026,int(tok[:2]),int(tok[3:]))
    raise ValueError(tok)
def entry(s, today):
    part=None; t1=t2=None
    if "#" in s: s,p=s.split("#"); part={"m":"morning","a":"afternoon"}[p]
    if "@" in s:
        s,t=s.split("@"); t1,_,t2=t.partition("-"); t2=t2 or None
    a,_,b=s.partition("..")
    st=rd(a,today); en=rd(b,today) if b else st
    assert en>=st and st.weekday()<5 and en.weekday()<5 or en.weekday()<5, s
    for x in (t1,t2): assert x is None or re.fullmatch(r"\d\d:\d\d",x)
    return {"start":st.isoformat(),"end":en.isoformat(),"time":t1,"time_end":t2,"part":part}
out=[]; show="-v" in sys.argv
for ln,line in enumerate(open("src/dates.txt",encoding="utf-8"),1):
    line=line.rstrip("\n")
    if not line.strip() or line.startswith("#"): continue
    head,text,spec=[x.strip() for x in line.split(" | ")]
    n,p,lang=head.split()[:3]
    now=dt.datetime.fromisoformat(NOWS[n]); today=now.date()
    ds=[entry(e.strip(),today) for e in spec.split(";")]
    for d in ds:
        for k in ("start","end"):
            w=dt.date.fromisoformat(d[k]).weekday()
            if w>=5: print("WEEKEND", ln, text, d)
    out.append({"text":text,"now":NOWS[n],"lang":lang,"from":PH[p],"dates":ds})
    if show:
        print(f"{ln:3} {now:%a %d %b %H:%M} | {text}\n      -> "+"; ".join(
          f"{dt.date.fromisoformat(d['start']):%a %d %b}"+(f"..{dt.date.fromisoformat(d['end']):%a %d %b}" if d['end']!=d['start'] else "")
          +(f" @{d['time']}" if d['time'] else "")+(f"-{d['time_end']}" if d['time_end'] else "")+(f" [{d['part']}]" if d['part'] else "") for d in ds))
with open("dates.jsonl","w",encoding="utf-8") as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+"\n")
print(len(out))
