"""Candidates for judging: the check-split events of today's casus that no judgment covers yet.

    python scripts/judge_unjudged.py --gold ../shared/eval/events/judged_realnews --gold /tmp/judged_casus \
        --out /tmp/cands.jsonl [--split check] [--min-confidence 0]

An event is covered when a judged event of its document has an overlapping trigger and the same
CAMEO root, when it falls in an annotated sentence (whose annotation judges it), or when an earlier
candidate of eval/judged/candidates-final.jsonl with a final verdict is the same act (document, trigger
start, code). Events below --min-confidence (default: the event filter's) are left out. The rest are
written as candidates (references, no text) for `scripts/judge_candidates.py show`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.judged import code_docs, in_split, load_gold, match, sentences_of  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="append", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--split", default="check")
    ap.add_argument("--min-confidence", type=float, default=None)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/casus-judged-cache"))
    a = ap.parse_args()
    from casus.events import EventFilter
    from casus.pipeline import Pipeline

    floor = EventFilter.load().threshold if a.min_confidence is None else a.min_confidence
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    judged = _judged_final()
    rows = []
    for folder in a.gold:
        gold = load_gold(folder)
        sents = gold.sentences_by_doc
        corpus = {j["doc_id"]: j.get("corpus") for j in gold.judged}
        # every confidence, as the cache shared with judged_precision.py holds them; the floor is applied below
        coded = code_docs(gold, lambda: Pipeline.load(min_confidence=0.0), a.split, a.cache / Path(folder).name)
        for doc in gold.docs:
            if not in_split(doc["id"], a.split):
                continue
            for e in coded.get(doc["id"], []):
                if e["confidence"] < floor:
                    continue
                if match(e, gold.by_doc.get(doc["id"], [])) or sentences_of(e, sents.get(doc["id"], [])):
                    continue
                if (doc["id"], e["trigger"]["start"], e["cameo"]["code"]) in judged:
                    continue
                t, s, g = e["trigger"], e.get("source") or {}, e.get("target") or {}
                start = doc["text"].rfind("\n", 0, t["start"]) + 1
                rows.append({"cand_id": f"f{len(rows):04d}", "doc_id": doc["id"], "corpus": corpus.get(doc["id"]),
                             "sentence": _sentence(doc["text"], e["text"], t["start"], start),
                             "trigger": [t["start"], t["end"]],
                             "coded": {"cameo": e["cameo"]["code"], "source": s.get("code"),
                                       "source_span": [s["start"], s["end"]] if s.get("start") is not None else None,
                                       "target": g.get("code"),
                                       "target_span": [g["start"], g["end"]] if g.get("start") is not None else None,
                                       "mode": e["mode"], "confidence": e["confidence"]},
                             "casus_commit": commit})
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    print(f"{len(rows)} unjudged events on the {a.split} split → {a.out}")


def _judged_final() -> set[tuple[str, int, str]]:
    """(document, trigger start, CAMEO code) of the earlier candidates a final verdict judges, as judged_precision.py
    matches them."""
    final = ROOT / "eval" / "judged"
    ids = set()
    for path in final.glob("verdicts-*-final.jsonl"):
        ids |= {json.loads(line)["cand_id"] for line in open(path, encoding="utf-8") if line.strip()}
    cands = (json.loads(line) for line in open(final / "candidates-final.jsonl", encoding="utf-8") if line.strip())
    return {(c["doc_id"], c["trigger"][0], c["coded"]["cameo"]) for c in cands if c["cand_id"] in ids}


def _sentence(text: str, sentence: str, at: int, line_start: int) -> list[int]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from judge_candidates import _sentence as find

    return find(text, sentence, at)


if __name__ == "__main__":
    main()
