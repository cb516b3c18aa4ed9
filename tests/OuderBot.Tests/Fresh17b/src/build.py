import json, re, sys
PH = {"S":"+31611111111","L":"+31622222222","E":"+31633333333","F":"+31644444444","K":"+31655555555"}
KIDS = {"S":["Bibi"],"L":["Tim"],"E":["Emma","Oliver"],"F":["Noor","Sem"],"K":["Sami"]}
out=[]; tags=[]
def nn(x): return None if x in ("-", None) else x
for fn in ["src/faq.txt","src/other.txt","src/two.txt","src/extra.txt"]:
    intent=faq=None
    for ln,line in enumerate(open(fn, encoding="utf-8"),1):
        line=line.rstrip("\n")
        if not line.strip(): continue
        if line.startswith("## "):
            p=line[3:].split(); intent=p[0]; faq=nn(p[1]) if len(p)>1 else None
            continue
        head,text=line.split(" | ",1)
        h=head.split()
        if intent=="two":
            it,fq=h[0],nn(h[1]); h=h[2:]
        else:
            it,fq=intent,faq
        p,child,lang=h[0],nn(h[1]),h[2]
        second=None; tg=""
        for x in h[3:]:
            if x.startswith(">"):
                a,b=x[1:].split(":"); second={"intent":a,"faq":nn(b)}
            else: tg+=x
        assert p in PH, (fn,ln); assert lang in ("nl","en"),(fn,ln)
        assert child is None or child in KIDS[p], (fn,ln,child)
        named=[k for k in KIDS[p] if re.search(r"\b"+k+r"\b", text, re.I)]
        if (named[:1] or [None])[0]!=child and not (child and child in named):
            print("CHILD?",fn,ln,child,named,text)
        out.append({"text":text,"intent":it,"faq":fq,"lang":lang,"from":PH[p],"child":child,"second":second})
        tags.append(tg)
with open("messages.jsonl","w",encoding="utf-8") as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+"\n")
with open("src/styles.json","w") as f: json.dump(tags,f)
print(len(out))
