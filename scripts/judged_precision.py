"""Judged precision of today's casus on one split, every event covered: an earlier judgment of the same
act, else the annotated sentence it falls in, else a verdict on it from eval/judged/candidates-final.jsonl.

    python scripts/judged_precision.py --gold ../shared/eval/events/judged_realnews --gold /tmp/judged_casus
        [--lexicon ../shared/reference/petrarch2_dictionaries/dictionaries/CAMEO.2.0.txt]

Run scripts/judge_unjudged.py first (same --cache) and judge its candidates; events still uncovered are
counted and left out. Documents are coded keeping every event (as `casus eval judged` does); the figures
are printed for all of them and for those kept at --min-confidence (default: the event filter's default).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.judged import code_docs, in_split, load_gold, match, sentence_label, sentences_of  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="append", required=True)
    ap.add_argument("--split", default="check")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/casus-judged-cache"))
    ap.add_argument("--lexicon", type=Path, action="append", default=[],
                    help="an extra lexicon or PETRARCH verb dictionary (e.g. CAMEO.2.0.txt), as casus code --lexicon")
    ap.add_argument("--min-confidence", type=float, default=None)
    a = ap.parse_args()
    from casus.events import EventFilter
    from casus.pipeline import Pipeline

    floor = EventFilter.load().threshold if a.min_confidence is None else a.min_confidence

    final = ROOT / "eval" / "judged"
    cands = {(c["doc_id"], c["trigger"][0], c["coded"]["cameo"]): c["cand_id"]
             for c in map(json.loads, open(final / "candidates-final.jsonl", encoding="utf-8"))}
    verdicts: dict[str, float] = {}
    for path in final.glob("verdicts-*-final.jsonl"):
        for r in map(json.loads, open(path, encoding="utf-8")):
            verdicts[r["cand_id"]] = float(r["verdict"])
    pairs, uncovered = [], 0
    for folder in a.gold:
        gold = load_gold(folder)
        sents = gold.sentences_by_doc
        coded = code_docs(gold, lambda: Pipeline.load((), a.lexicon, min_confidence=0.0), a.split,
                          a.cache / Path(folder).name, variant="-".join(p.stem for p in a.lexicon))
        for doc in gold.docs:
            if not in_split(doc["id"], a.split):
                continue
            for e in coded.get(doc["id"], []):
                j = match(e, gold.by_doc.get(doc["id"], []))
                labels = [sentence_label(e, s) for s in sentences_of(e, sents.get(doc["id"], []))]
                cand = cands.get((doc["id"], e["trigger"]["start"], e["cameo"]["code"]))
                v = (float(j["verdict"]) if j is not None else max(labels) if labels
                     else verdicts.get(cand) if cand else None)
                if v is None:
                    uncovered += 1
                else:
                    pairs.append((e["confidence"], v))
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    print(f"{a.split}: {len(pairs)} events judged, {uncovered} uncovered")
    for t in sorted({0.0, floor}):
        kept = [(c, v) for c, v in pairs if c >= t]
        print(f"kept at confidence ≥ {t:.2f}: {len(kept)} events, judged precision {mean([v for _, v in kept]):.3f}; "
              f"conf ≥ 0.5: {mean([v for c, v in kept if c >= 0.5]):.3f} ({sum(c >= 0.5 for c, _ in kept)}), "
              f"< 0.5: {mean([v for c, v in kept if c < 0.5]):.3f}; right events kept "
              f"{sum(v for _, v in kept):.1f} of {sum(v for _, v in pairs):.1f}")
    for lo, hi in ((0, .2), (.2, .4), (.4, .5), (.5, .6), (.6, .8), (.8, 1.01)):
        vs = [v for c, v in pairs if lo <= c < hi]
        print(f"  confidence {lo:.1f}–{min(hi, 1):.1f}: {len(vs):4d} events, mean verdict {mean(vs):.3f}")

if __name__ == "__main__":
    main()
