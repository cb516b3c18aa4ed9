#!/usr/bin/env python3
"""Black-box measurement of OuderBot on the fresh-eval2 set.

Runs  `dotnet <DLL> nlu --now <ISO> --from <phone>`  (cwd = --repo), one process per
(from, now) group, messages on stdin one per line, one JSON answer line per message.

  python3 measure.py [--dll PATH] [--repo DIR] [--out results.json]
  python3 measure.py --fake            # no bot: a subprocess echoes the gold labels
  python3 measure.py --fake --fake-noise 0.3   # echo gold but corrupt ~30% (tests the metrics)

Only reads messages.jsonl / dates.jsonl next to this script (or --messages/--dates).
"""
import argparse, json, os, random, re, subprocess, sys, threading, time
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DLL = "/work/main/src/OuderBot/bin/Debug/net10.0/OuderBot.dll"
DEFAULT_REPO = "/work/main"
DEFAULT_NOW = "2026-11-23T07:45"   # "today" for messages.jsonl (no per-message now)
KNOWN_KEYS = {"intent", "confidence", "faq", "action", "child", "dates", "lang", "candidates"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


# ---------------------------------------------------------------- fake bot
def fake_bot(goldfile, noise, seed):
    """Subprocess mode: read stdin lines, answer with the gold labels (optionally corrupted)."""
    gold = {}
    for g in load(goldfile):
        gold[(g["from"], g.get("now", DEFAULT_NOW), g["text"])] = g
    now = os.environ["FAKE_NOW"]; frm = os.environ["FAKE_FROM"]
    rnd = random.Random(seed + frm + now)
    for line in sys.stdin:
        text = line.rstrip("\n")
        g = gold.get((frm, now, text))
        if g is None:
            print("not json: unknown message", flush=True); continue
        intent = g.get("intent", "absence")
        out = {"intent": intent, "confidence": 0.9, "faq": g.get("faq"),
               "action": "answer" if intent == "faq" else ("abstain" if intent == "unknown" else "answer"),
               "child": g.get("child"), "dates": g.get("dates", []), "lang": g["lang"],
               "candidates": [{"intent": intent, "faq": g.get("faq"), "score": 0.9}]}
        if rnd.random() < noise:
            out["intent"] = rnd.choice(["faq", "unknown", "help", "absence"])
            out["faq"] = rnd.choice(["gym", "klacht", None])
            out["action"] = rnd.choice(["answer", "clarify", "abstain"])
            out["child"] = None
            out["dates"] = []
        time.sleep(0.001)
        print(json.dumps(out, ensure_ascii=False), flush=True)


# ---------------------------------------------------------------- running
def run_group(cmd, cwd, env, texts, timeout):
    """Start one process, feed all lines, collect output lines with arrival times."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)
    def feed():
        try:
            for t in texts:
                p.stdin.write(t.replace("\n", " ") + "\n")
            p.stdin.close()
        except (BrokenPipeError, OSError):
            pass
    err_chunks = []
    def drain_err():
        for l in p.stderr:
            err_chunks.append(l)
    threading.Thread(target=feed, daemon=True).start()
    threading.Thread(target=drain_err, daemon=True).start()
    lines, stamps = [], []
    timer = threading.Timer(timeout, lambda: p.kill())
    timer.start()
    try:
        for l in p.stdout:
            l = l.strip()
            if not l:
                continue
            lines.append(l); stamps.append(time.monotonic())
            if len(lines) >= len(texts):
                break
    finally:
        timer.cancel()
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
    return {"lines": lines, "stamps": stamps, "t0": t0, "rc": p.returncode,
            "stderr": "".join(err_chunks)[-2000:]}


def parse(line):
    try:
        o = json.loads(line)
        return o if isinstance(o, dict) else None
    except Exception:
        return None


def run_all(items, args, goldfile):
    """items: list of dicts with text/from/now. Returns list of (pred or None, ms or None)."""
    groups = defaultdict(list)
    for i, it in enumerate(items):
        key = (it["from"], it.get("now", DEFAULT_NOW))
        groups[key + ((i,) if args.isolate else ())].append(i)
    preds = [None] * len(items); ms = [None] * len(items); raw = [None] * len(items)
    meta = {"groups": len(groups), "first_line_ms": [], "errors": []}
    for key, idx in sorted(groups.items()):
        frm, now = key[0], key[1]
        texts = [items[i]["text"] for i in idx]
        env = dict(os.environ)
        if args.fake:
            cmd = [sys.executable, os.path.abspath(__file__), "--_fakebot", goldfile,
                   "--fake-noise", str(args.fake_noise)]
            env.update(FAKE_NOW=now, FAKE_FROM=frm); cwd = HERE
        else:
            cmd = ["dotnet", args.dll, "nlu", "--now", now, "--from", frm]; cwd = args.repo
        r = run_group(cmd, cwd, env, texts, args.timeout)
        if len(r["lines"]) != len(texts):
            meta["errors"].append({"from": frm, "now": now, "expected": len(texts),
                                   "got": len(r["lines"]), "rc": r["rc"], "stderr": r["stderr"]})
        if r["stamps"]:
            meta["first_line_ms"].append(round((r["stamps"][0] - r["t0"]) * 1000, 1))
        for k, i in enumerate(idx):
            if k < len(r["lines"]):
                raw[i] = r["lines"][k]; preds[i] = parse(r["lines"][k])
                if k > 0:
                    ms[i] = (r["stamps"][k] - r["stamps"][k - 1]) * 1000
    return preds, ms, raw, meta


# ---------------------------------------------------------------- metrics
def pct(a, b):
    return round(100.0 * a / b, 1) if b else None


def cand_labels(p):
    """All label strings mentioned in candidates (format unknown: dicts or strings)."""
    out = []
    for c in (p or {}).get("candidates") or []:
        if isinstance(c, str):
            out.append(c)
        elif isinstance(c, dict):
            for k in ("intent", "faq", "topic", "label", "id", "name"):
                v = c.get(k)
                if isinstance(v, str):
                    out.append(v)
    return out


def norm_entry(e):
    if not isinstance(e, dict):
        return None
    return (e.get("start"), e.get("end") or e.get("start"), e.get("time"), e.get("time_end"), e.get("part"))


def merge_adjacent(entries):
    """Merge whole-day entries that touch (end+1 day == next start, or across a weekend)."""
    import datetime as dt
    es = sorted((e for e in entries if e), key=lambda t: tuple('' if v is None else str(v) for v in t))
    out = []
    for e in es:
        if out and e[2:] == (None, None, None) and out[-1][2:] == (None, None, None):
            try:
                pe = dt.date.fromisoformat(out[-1][1]); ns = dt.date.fromisoformat(e[0])
                gap = (ns - pe).days
                if 0 < gap <= 1 or (pe.weekday() == 4 and gap == 3):
                    out[-1] = (out[-1][0], max(out[-1][1], e[1]), None, None, None); continue
            except Exception:
                pass
        out.append(e)
    return out


def measure_messages(gold, preds, ms):
    n = len(gold)
    R = {"n": n}
    pi = [(p or {}).get("intent") for p in preds]
    R["parse_failures"] = sum(p is None for p in preds)
    R["intent_accuracy"] = pct(sum(pi[i] == g["intent"] for i, g in enumerate(gold)), n)
    labels = sorted(set(g["intent"] for g in gold) | set(x for x in pi if x))
    per = {}
    for lab in labels:
        tp = sum(1 for i, g in enumerate(gold) if g["intent"] == lab and pi[i] == lab)
        gn = sum(1 for g in gold if g["intent"] == lab)
        pn = sum(1 for x in pi if x == lab)
        per[lab] = {"gold": gn, "pred": pn, "recall": pct(tp, gn), "precision": pct(tp, pn)}
    R["per_intent"] = per
    conf = Counter((g["intent"], pi[i]) for i, g in enumerate(gold) if pi[i] != g["intent"])
    R["top_confusions"] = [{"gold": a, "pred": b, "n": c} for (a, b), c in conf.most_common(15)]

    fi = [i for i, g in enumerate(gold) if g["intent"] == "faq"]
    R["faq_n"] = len(fi)
    R["faq_topic_top1"] = pct(sum((preds[i] or {}).get("faq") == gold[i]["faq"] for i in fi), len(fi))
    R["faq_answered_right_at_once"] = pct(sum(
        (preds[i] or {}).get("action") == "answer" and (preds[i] or {}).get("intent") == "faq"
        and (preds[i] or {}).get("faq") == gold[i]["faq"] for i in fi), len(fi))
    R["faq_action_distribution"] = dict(Counter(str((preds[i] or {}).get("action")) for i in fi))
    per_t = {}
    for t in sorted(set(gold[i]["faq"] for i in fi)):
        ii = [i for i in fi if gold[i]["faq"] == t]
        per_t[t] = {"n": len(ii),
                    "top1": pct(sum((preds[i] or {}).get("faq") == t for i in ii), len(ii)),
                    "answered_right": pct(sum((preds[i] or {}).get("action") == "answer" and
                                              (preds[i] or {}).get("faq") == t for i in ii), len(ii))}
    R["per_topic"] = per_t

    ans = [i for i, p in enumerate(preds) if p and p.get("action") == "answer" and p.get("intent") == "faq"]
    wrong = [i for i in ans if gold[i]["intent"] != "faq" or gold[i]["faq"] != preds[i].get("faq")]
    R["confident_wrong"] = {"answered_faq": len(ans), "wrong": len(wrong), "share": pct(len(wrong), len(ans)),
                            "wrong_gold_intents": dict(Counter(gold[i]["intent"] for i in wrong))}

    ci = [i for i, g in enumerate(gold) if g.get("child")]
    R["child_accuracy"] = {"n": len(ci), "acc": pct(sum((preds[i] or {}).get("child") == gold[i]["child"] for i in ci), len(ci))}
    kids = {"Bibi", "Tim", "Emma", "Oliver", "Noor", "Sem", "Sami"}
    def named(g):
        t = g["text"].lower().replace("olliver", "oliver")
        return {k for k in kids if re.search(r"\b" + k.lower() + r"\b", t)}
    multi = [i for i in ci if len(named(gold[i])) > 1]
    R["child_accuracy"]["lenient_any_named_child"] = pct(sum(
        (preds[i] or {}).get("child") == gold[i]["child"] or
        ((preds[i] or {}).get("child") in named(gold[i]) and i in multi) for i in ci), len(ci))
    R["child_accuracy"]["messages_naming_two_children"] = len(multi)
    R["child_false_positive_share"] = pct(sum(1 for i, g in enumerate(gold) if not g.get("child") and (preds[i] or {}).get("child")),
                                          sum(1 for g in gold if not g.get("child")))
    R["lang_accuracy"] = pct(sum((p or {}).get("lang") == g["lang"] for p, g in zip(preds, gold)), n)

    ui = [i for i, g in enumerate(gold) if g["intent"] == "unknown"]
    R["unknown"] = {"n": len(ui),
                    "abstain_share": pct(sum((preds[i] or {}).get("action") == "abstain" for i in ui), len(ui)),
                    "pred_intent_unknown_share": pct(sum(pi[i] == "unknown" for i in ui), len(ui)),
                    "action_distribution": dict(Counter(str((preds[i] or {}).get("action")) for i in ui))}

    si = [i for i, g in enumerate(gold) if g.get("second")]
    extra_keys = Counter(k for i in si for k in (preds[i] or {}) if k not in KNOWN_KEYS)
    sec = {"n": len(si), "first_intent_correct": 0, "first_full_correct": 0,
           "second_label_in_candidates": 0, "extra_output_fields": dict(extra_keys), "items": []}
    for i in si:
        g, p = gold[i], preds[i] or {}
        s = g["second"]; cl = cand_labels(p)
        first_ok = p.get("intent") == g["intent"]
        full_ok = first_ok and (g["intent"] != "faq" or p.get("faq") == g["faq"])
        sec_lab = s["faq"] if s["intent"] == "faq" else s["intent"]
        in_c = sec_lab in cl
        sec["first_intent_correct"] += first_ok; sec["first_full_correct"] += full_ok
        sec["second_label_in_candidates"] += in_c
        sec["items"].append({"text": g["text"], "gold_first": [g["intent"], g["faq"]],
                             "gold_second": [s["intent"], s["faq"]], "pred": [p.get("intent"), p.get("faq"), p.get("action")],
                             "second_in_candidates": in_c,
                             "extra_fields": {k: p[k] for k in p if k not in KNOWN_KEYS}})
    sec["note"] = ("output has extra field(s) %s; inspect items" % sorted(extra_keys)) if extra_keys else \
        "output has no field for a second request; only the first intent and whether the second label appears in candidates can be checked"
    R["two_requests"] = sec

    m = [x for x in ms if x is not None]
    R["mean_ms_per_message"] = round(sum(m) / len(m), 1) if m else None
    R["median_ms_per_message"] = round(sorted(m)[len(m) // 2], 1) if m else None
    return R


def measure_dates(gold, preds, ms):
    n = len(gold)
    strict = ordered = merged = 0
    items = []
    for g, p in zip(gold, preds):
        ge = [norm_entry(e) for e in g["dates"]]
        pe = [norm_entry(e) for e in (p or {}).get("dates") or []]
        K = lambda t: tuple('' if v is None else str(v) for v in t)
        o = ge == pe; s = None not in pe and sorted(ge, key=K) == sorted((x for x in pe if x), key=K)
        mg = merge_adjacent(ge) == merge_adjacent(pe)
        ordered += o; strict += s; merged += mg
        if not s:
            items.append({"text": g["text"], "now": g["now"], "gold": g["dates"], "pred": (p or {}).get("dates")})
    day_ok = sum(sorted(((e[0] or '', e[1] or '') for e in [norm_entry(x) for x in g["dates"]])) ==
                 sorted(((e[0] or '', e[1] or '') for e in [norm_entry(x) for x in (p or {}).get("dates") or []] if e))
                 for g, p in zip(gold, preds))
    m = [x for x in ms if x is not None]
    return {"n": n,
            "exact_match": pct(strict, n),
            "exact_match_same_order": pct(ordered, n),
            "exact_match_after_merging_adjacent_days": pct(merged, n),
            "start_end_only_match": pct(day_ok, n),
            "intent_absence_share": pct(sum((p or {}).get("intent") == "absence" for p in preds), n),
            "parse_failures": sum(p is None for p in preds),
            "mean_ms_per_message": round(sum(m) / len(m), 1) if m else None,
            "mismatches_first_40": items[:40]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dll_pos", nargs="?", help="DLL path (same as --dll)")
    ap.add_argument("--dll", default=None)
    ap.add_argument("--repo", default=DEFAULT_REPO)
    ap.add_argument("--messages", default=os.path.join(HERE, "messages.jsonl"))
    ap.add_argument("--dates", default=os.path.join(HERE, "dates.jsonl"))
    ap.add_argument("--out", default=os.path.join(HERE, "results.json"))
    ap.add_argument("--pred-prefix", default=os.path.join(HERE, "predictions_"))
    ap.add_argument("--timeout", type=float, default=600, help="seconds per process group")
    ap.add_argument("--isolate", action="store_true",
                    help="one process per message (guards against session state, e.g. a language switch or 'stop')")
    ap.add_argument("--fake", action="store_true", help="no bot: echo gold through a subprocess")
    ap.add_argument("--fake-noise", type=float, default=0.0)
    ap.add_argument("--_fakebot", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._fakebot:
        return fake_bot(args._fakebot, args.fake_noise, "s")
    args.dll = args.dll or args.dll_pos or DEFAULT_DLL
    if not args.fake and not os.path.exists(args.dll):
        sys.exit("DLL not found: %s" % args.dll)

    results = {"dll": None if args.fake else args.dll, "repo": None if args.fake else args.repo,
               "fake": args.fake, "fake_noise": args.fake_noise if args.fake else None,
               "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    for name, path, fn in (("messages", args.messages, measure_messages), ("dates", args.dates, measure_dates)):
        gold = load(path)
        preds, ms, raw, meta = run_all(gold, args, path)
        res = fn(gold, preds, ms)
        res["run"] = {"groups": meta["groups"], "errors": meta["errors"],
                      "mean_first_line_ms_incl_startup": round(sum(meta["first_line_ms"]) / len(meta["first_line_ms"]), 1)
                      if meta["first_line_ms"] else None}
        results[name] = res
        with open(args.pred_prefix + name + ".jsonl", "w", encoding="utf-8") as f:
            for g, p, m, r in zip(gold, preds, ms, raw):
                f.write(json.dumps({"gold": g, "pred": p, "raw": None if p is not None else r,
                                    "ms": None if m is None else round(m, 1)}, ensure_ascii=False) + "\n")
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)

    M, D = results["messages"], results["dates"]
    print("== messages.jsonl (%d) ==" % M["n"])
    print("intent accuracy          %s%%" % M["intent_accuracy"])
    for k, v in M["per_intent"].items():
        print("  %-16s gold %3d pred %3d  recall %5s  precision %5s" % (k, v["gold"], v["pred"], v["recall"], v["precision"]))
    print("FAQ topic top-1          %s%%  (n=%d)" % (M["faq_topic_top1"], M["faq_n"]))
    print("FAQ answered right once  %s%%   actions %s" % (M["faq_answered_right_at_once"], M["faq_action_distribution"]))
    cw = M["confident_wrong"]
    print("confident wrong          %s%%  (%d of %d faq answers)" % (cw["share"], cw["wrong"], cw["answered_faq"]))
    print("child accuracy           %s%%  (n=%d)" % (M["child_accuracy"]["acc"], M["child_accuracy"]["n"]))
    print("lang accuracy            %s%%" % M["lang_accuracy"])
    print("unknown -> abstain       %s%%  (n=%d)" % (M["unknown"]["abstain_share"], M["unknown"]["n"]))
    t = M["two_requests"]
    print("two requests (n=%d): first intent ok %d, first full ok %d, second label in candidates %d" % (
        t["n"], t["first_intent_correct"], t["first_full_correct"], t["second_label_in_candidates"]))
    print("  " + t["note"])
    print("mean ms/message          %s (median %s; first line incl. startup %s)" % (
        M["mean_ms_per_message"], M["median_ms_per_message"], M["run"]["mean_first_line_ms_incl_startup"]))
    print("== dates.jsonl (%d) ==" % D["n"])
    print("dates exact match        %s%%  (same order %s%%, merged-adjacent %s%%, start/end only %s%%)" % (
        D["exact_match"], D["exact_match_same_order"], D["exact_match_after_merging_adjacent_days"], D["start_end_only_match"]))
    print("intent absence on dates  %s%%" % D["intent_absence_share"])
    for nm in ("messages", "dates"):
        e = results[nm]["run"]["errors"]
        pf = results[nm]["parse_failures"]
        if e or pf:
            print("!! %s: %d group errors, %d unparsable/missing lines (see results.json)" % (nm, len(e), pf))
    print("wrote", args.out)


if __name__ == "__main__":
    main()
