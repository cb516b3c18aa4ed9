"""(Dev17g, copied from Dev17fd) Resolve hand-written absence messages (src/msgs*.txt) into ../dates.jsonl.
Line format:  DD HH:MM | FROM | LANG | SPEC | TEXT
DD>=23 -> November 2026, else December 2026.  FROM: S L E F K.
SPEC: entries separated by ';'. entry = START[..END][@HH:MM[-HH:MM]][#m|#a]
day words: today tom tom2 (overmorgen) wd:X (next X strictly after today) past:X (last X strictly before today)
 lw:X (X in previous week) nw:X (X in next week) tw:X (X in the current school week: week of today, or of next
 Monday if today is weekend) dm:D-M (explicit date 2026) yest
"""
import datetime as dt, json, glob, sys, difflib, re, os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
PH = {"S":"+31611111111","L":"+31622222222","E":"+31633333333","F":"+31644444444","K":"+31655555555"}
WD = {"mon":0,"tue":1,"wed":2,"thu":3,"fri":4}
HOL0, HOL1, STUDY = dt.date(2026,12,19), dt.date(2027,1,3), dt.date(2026,12,11)
def day(tok, today):
    if tok=="today": return today
    if tok=="tom": return today+dt.timedelta(1)
    if tok=="tom2": return today+dt.timedelta(2)
    if tok=="yest": return today-dt.timedelta(1)
    k,v = tok.split(":")
    if k=="dm":
        d,m = v.split("-"); return dt.date(2026,int(m),int(d))
    w = WD[v]
    if k=="wd":
        d = today+dt.timedelta(1)
        while d.weekday()!=w: d+=dt.timedelta(1)
        return d
    if k=="past":
        d = today-dt.timedelta(1)
        while d.weekday()!=w: d-=dt.timedelta(1)
        return d
    ref = today if today.weekday()<5 else today+dt.timedelta(7-today.weekday())
    mon = ref-dt.timedelta(ref.weekday())
    if k=="tw": return mon+dt.timedelta(w)
    if k=="lw": return mon+dt.timedelta(w-7)
    if k=="nw": return mon+dt.timedelta(w+7)
    raise ValueError(tok)
def hm(s): h,m=s.split(":"); return dt.time(int(h),int(m))
out=[]; errs=[]
for fn in sorted(glob.glob("msgs*.txt")):
    for n,line in enumerate(open(fn,encoding="utf8"),1):
        if not line.strip() or line.startswith("#"): continue
        parts=[p.strip() for p in line.rstrip("\n").split("|",4)]
        ds, fr, lang, spec, text = parts
        dd, t = ds.split()
        dd=int(dd); now=dt.datetime.combine(dt.date(2026,11 if dd>=23 else 12,dd), hm(t))
        today=now.date()
        # now checks
        if now.hour<12:
            assert today.weekday()<5 and today!=STUDY and dt.time(7,0)<=now.time()<=dt.time(8,15), (fn,n,now)
        else:
            nx=today+dt.timedelta(1)
            assert nx.weekday()<5 and nx!=STUDY and nx<HOL0 and dt.time(18,0)<=now.time()<=dt.time(22,0), (fn,n,now)
        assert dt.date(2026,11,23)<=today<=dt.date(2026,12,18), (fn,n)
        ents=[]
        for e in spec.split(";"):
            e=e.strip(); part=None; tm=None; te=None
            if "#" in e: e,p=e.split("#"); part={"m":"morning","a":"afternoon"}[p]
            if "@" in e:
                e,tt=e.split("@")
                if "-" in tt: tm,te=tt.split("-")
                else: tm=tt
            a,b=(e.split("..")+[None])[:2]
            s=day(a,today); en=day(b,today) if b else s
            assert s<=en,(fn,n)
            d=s
            while d<=en:
                if d.weekday()>=5 or d==STUDY or HOL0<=d<=HOL1: errs.append((fn,n,"bad day",d,text))
                d+=dt.timedelta(1)
            for x in (tm,te):
                if x:
                    lim = dt.time(12,30) if s.weekday()==2 else dt.time(14,30)
                    if not (dt.time(8,30)<=hm(x)<=lim) or s!=en: errs.append((fn,n,"bad time",x,text))
            if tm and te and hm(te)<=hm(tm): errs.append((fn,n,"interval",text))
            ents.append({"start":s.isoformat(),"end":en.isoformat(),"time":tm,"time_end":te,"part":part})
        out.append({"text":text,"now":now.strftime("%Y-%m-%dT%H:%M:%S"),"lang":lang,"from":PH[fr],"dates":ents})
        if "-v" in sys.argv:
            print(f"{now:%a %d %b %H:%M} [{fr} {lang}] {text}")
            for x in ents:
                s=dt.date.fromisoformat(x['start']); en=dt.date.fromisoformat(x['end'])
                print(f"    -> {s:%a %d %b}" + (f" .. {en:%a %d %b}" if en!=s else "") + (f" {x['time']}" if x['time'] else "") + (f"-{x['time_end']}" if x['time_end'] else "") + (f" {x['part']}" if x['part'] else ""))
# near-duplicates
norm=[re.sub(r"\W+"," ",o["text"].lower()).strip() for o in out]
for i in range(len(norm)):
    for j in range(i+1,len(norm)):
        if difflib.SequenceMatcher(None,norm[i],norm[j]).ratio()>0.85: errs.append(("dup",out[i]["text"],out[j]["text"]))
for e in errs: print("ERR",e)
with open("../dates.jsonl","w",encoding="utf8") as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+"\n")
print(len(out),"messages;", sum(o["lang"]=="en" for o in out),"en;", len(errs),"errors")
