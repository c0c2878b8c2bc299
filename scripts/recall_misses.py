"""Why casus misses the events analysts annotated: each missed event of the annotated real-news sentences
classified by the stage that lost it, with counts per class and per root.

    PYTHONPATH=$PWD python scripts/recall_misses.py --split train [--out misses.jsonl]

Reads `../shared/eval/events/judged_realnews/annotated_sentences.jsonl` and its `docs.jsonl`; never run it
on the check split to write rules (it refuses unless --score-only, which prints counts and no text).
Stages, first that holds decides (an annotated event = root R with source country C in sentence S):
  found                     a coded event of R with source country C in S
  source: none/unknown      an event of R in S whose doer is missing or unknown
  source: no country        ... whose doer has no country (kind shown: person, organization, …)
  source: other country     ... whose doer's country is not C
  filter: below threshold   an event of R before the event filter's floor, not after it
  filter: non-political     an event of R removed by the filter in a text judged non-political
  fold/locate               an event of R after the gates, lost in folding
  gate: NAME                an extracted event of R stopped by that gate
  extract: candidate dropped  a trigger of R in S, no extracted event of R (no political side, frames, …)
  root: other root only     triggers in S, none of R
  trigger: none             no trigger at all in S
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD = ROOT.parent / "shared" / "eval" / "events" / "judged_realnews" / "annotated_sentences.jsonl"


def _starts(e) -> list[int]:
    return [m["trigger"]["start"] for m in e.evidence] if e.evidence else [e.trigger.start]


def _in(s, events) -> list:
    return [e for e in events if any(s.start <= st < s.end for st in _starts(e))]


def classify(s, g: dict, stages: dict) -> tuple[str, dict]:
    """The class of one annotated event and what casus had for it."""
    root, country = str(g.get("root") or g.get("code", ""))[:2], g.get("source_country")
    final = [e for e in _in(s, stages["final"]) if e.cameo.root == root]
    if any(e.source is not None and e.source.country == country for e in final):
        return "found", {}
    if final:
        e = final[0]
        src = e.source
        info = {"casus_source": None if src is None else src.text, "kind": None if src is None else src.kind,
                "casus_country": None if src is None else src.country}
        if src is None or src.kind == "unknown":
            return "source: none/unknown", info
        if not src.country:
            return f"source: no country ({src.kind})", info
        return "source: other country", info
    if any(e.cameo.root == root for e in _in(s, stages["scored"])):
        return "filter: below threshold", {}
    if any(e.cameo.root == root for e in _in(s, stages["folded"])):
        return "filter: non-political", {}
    if any(e.cameo.root == root for e in _in(s, stages["gated"])):
        return "fold/locate", {}
    raw = [e for e in _in(s, stages["raw"]) if e.cameo.root == root]
    if raw:
        return f"gate: {stages['stopped'].get(raw[0].event_id, '?')}", {}
    cands = [c for c in stages["cands"] if s.start <= c.token.idx < s.end]
    mine = [c for c in cands if c.entry.code[:2] == root]
    if mine:
        c = mine[0]
        return "extract: candidate dropped", {"trigger": c.token.text, "origin": "model" if c.entry.origin == "model"
                                              else "lexicon"}
    if cands:
        return "root: other root only", {"casus_roots": sorted({c.entry.code[:2] for c in cands}),
                                          "triggers": [c.token.text for c in cands][:5]}
    return "trigger: none", {}


def instrument(pipe):
    """Record each stage's events per document (candidates, raw, gated, folded, scored, final)."""
    from casus.events.precision import gates

    log: dict[str, dict] = defaultdict(lambda: {k: [] for k in ("cands", "raw", "gated", "folded", "scored")}
                                       | {"stopped": {}})
    ex = pipe.extractor
    cur = {}
    orig_cands, orig_extract = ex._candidates, ex.extract

    def cands(doc, start, end, index, quotes=()):
        out = orig_cands(doc, start, end, index, quotes)
        log[doc.article.id]["cands"].extend(out)
        return out

    def extract(doc, *a, **k):
        cur["id"] = doc.article.id
        out = orig_extract(doc, *a, **k)
        log[doc.article.id]["raw"].extend(out)
        return out

    orig_apply = gates.apply

    def apply(doc, events, off=(), counts=None):
        events = list(events)
        kept = orig_apply(doc, events, off, counts)
        ids = {id(e) for e in kept}
        for e in events:
            if id(e) not in ids:
                tok = gates.trigger_token(doc, e)
                log[doc.article.id]["stopped"][e.event_id] = next(
                    (n for n, gate in gates.GATES if n not in set(off) and tok is not None and gate(doc, e, tok)), "?")
        log[doc.article.id]["gated"].extend(kept)
        return kept

    flt = pipe.event_filter
    orig_rescore = flt.rescore

    def rescore(doc, events, relevance=None, political=True):
        log[doc.article.id]["folded"].extend(events)
        out = orig_rescore(doc, events, relevance, political)
        log[doc.article.id]["scored"].extend(out)
        return out

    ex._candidates, ex.extract, flt.rescore, gates.apply = cands, extract, rescore, apply
    return log


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--out", help="write one JSON line per missed event (not for the check split)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--lexicon", action="append", default=[], help="extra lexicon file(s), e.g. CAMEO.2.0.txt")
    ap.add_argument("--no-detector", action="store_true")
    args = ap.parse_args()
    if args.split == "check" and args.out:
        sys.exit("the check split is only scored: no --out with --split check")
    from casus.evaluate.sentences import documents, load_sentences
    from casus.pipeline import Pipeline

    sentences = load_sentences(Path(args.gold), args.split)
    ids = sorted({s.doc_id for s in sentences})[: args.limit] if args.limit else sorted({s.doc_id for s in sentences})
    sentences = [s for s in sentences if s.doc_id in set(ids)]
    sentences, articles = documents(Path(args.gold), sentences)  # docs.jsonl beside the gold, or the corpus
    pipe = Pipeline.load([], [Path(p) for p in args.lexicon], min_confidence=0.0)
    if args.no_detector:
        pipe.extractor.detector = None
    floor = pipe.event_filter.threshold
    log = instrument(pipe)
    final = {a.id: [e for e in events if e.confidence >= floor] for a, events in pipe.code(articles)}
    texts = {a.id: a.text for a in articles}
    by_class: Counter = Counter()
    by_root: dict[str, Counter] = defaultdict(Counter)
    rows = []
    empty = false = 0
    for s in sentences:
        stages = dict(log[s.doc_id], final=final.get(s.doc_id, []))
        if not s.events:
            empty += 1
            wrong = _in(s, stages["final"])
            false += bool(wrong)
            rows.extend({"doc_id": s.doc_id, "sentence": [s.start, s.end], "class": "false event",
                         "code": e.cameo.code, "trigger": e.trigger.text, "casus_source": e.source and e.source.text,
                         "source_reason": e.source and e.source.reason, "confidence": e.confidence,
                         **({"text": texts[s.doc_id][s.start:s.end]} if args.split != "check" else {})}
                        for e in wrong)
            continue
        for g in s.events:
            cls, info = classify(s, g, stages)
            root = str(g.get("root") or g.get("code", ""))[:2]
            by_class[cls] += 1
            by_root[root][cls] += 1
            if cls != "found":
                rows.append({"doc_id": s.doc_id, "sentence": [s.start, s.end], "class": cls, "root": root,
                             "code": g.get("code"), "gold_trigger": g.get("trigger"),
                             "source_text": g.get("source_text"), "source_country": g.get("source_country"),
                             "mode": g.get("mode"), **info,
                             **({"text": texts[s.doc_id][s.start:s.end]} if args.split != "check" else {})})
    total = sum(by_class.values())
    print(f"{args.split}: {total} annotated events, {empty} sentences without one (false events "
          f"{false / max(empty, 1):.3f})")
    for cls, n in by_class.most_common():
        print(f"  {n:4d}  {n / total:.3f}  {cls}")
    print("per root (ten most frequent):")
    for root, c in sorted(by_root.items(), key=lambda kv: -sum(kv[1].values()))[:10]:
        n = sum(c.values())
        parts = ", ".join(f"{k} {v}" for k, v in c.most_common() if k != "found")
        print(f"  {root} ({n}): found {c['found']} ({c['found'] / n:.2f}); {parts}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
