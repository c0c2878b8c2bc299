"""Dump the events casus keeps on a judged split with their verdicts, sentences and reasons, to find error classes.

    python scripts/wrong_kept.py --gold ../shared/eval/events/judged_realnews --gold /tmp/judged_casus \
        --split train --split dev --out /tmp/wrong_kept.jsonl [--all]

Reads the train or dev split only (refuses check: it is only ever scored). Each kept event (confidence at or
above --min-confidence, default the event filter's) is covered as in scripts/judged_precision.py: an earlier
judgment of the same act, else the annotated sentence it falls in, else a verdict from eval/judged. Writes one
JSON line per event whose verdict is below 1 (every covered event with --all): verdict, where it came from,
the judge's error and note, the sentence, trigger, code, mode, source and target, confidence and casus's
reasons. Prints counts by CAMEO root, trigger part of speech, error and corpus. The output holds news text:
write it under /tmp, never into the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.judged import (code_docs, corpus_of, in_split, load_gold, match,  # noqa: E402
                                   sentence_label, sentences_of)


def _actor(a: dict | None) -> dict | None:
    if not a:
        return None
    return {k: a.get(k) for k in ("text", "code", "country", "sector", "kind")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="append", required=True)
    ap.add_argument("--split", action="append", choices=("train", "dev"), required=True)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/casus-judged-cache"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--all", action="store_true", help="every covered event, right ones too")
    ap.add_argument("--min-confidence", type=float, default=None)
    a = ap.parse_args()
    if not str(a.out.resolve()).startswith("/tmp/"):
        sys.exit(f"{a.out}: the dump holds news text; write it under /tmp")
    from casus.events import EventFilter
    from casus.pipeline import Pipeline

    floor = EventFilter.load().threshold if a.min_confidence is None else a.min_confidence
    final = ROOT / "eval" / "judged"
    cands = {(c["doc_id"], c["trigger"][0], c["coded"]["cameo"]): c["cand_id"]
             for c in map(json.loads, open(final / "candidates-final.jsonl", encoding="utf-8"))}
    verdicts = {r["cand_id"]: r for path in final.glob("verdicts-*-final.jsonl")
                for r in map(json.loads, open(path, encoding="utf-8"))}
    rows = []
    for folder in a.gold:
        gold = load_gold(folder)
        sents = gold.sentences_by_doc
        coded = code_docs(gold, lambda: Pipeline.load(min_confidence=0.0), "all", a.cache / Path(folder).name)
        for doc in gold.docs:
            split = next((s for s in a.split if in_split(doc["id"], s)), None)
            if split is None:
                continue
            for e in coded.get(doc["id"], []):
                if e["confidence"] < floor:
                    continue
                j = match(e, gold.by_doc.get(doc["id"], []))
                ss = sentences_of(e, sents.get(doc["id"], []))
                cand = cands.get((doc["id"], e["trigger"]["start"], e["cameo"]["code"]))
                if j is not None:
                    v, via, err, why = float(j["verdict"]), "judged", j.get("error"), j.get("why")
                elif ss:
                    v, via = max(sentence_label(e, s) for s in ss), "sentence"
                    gold_events = [g for s in ss for g in s["events"]]
                    err, why = ("ok" if v == 1 else "no_event" if not gold_events else "other"), json.dumps(
                        [(g["root"], g.get("source_country"), g.get("source_text")) for g in gold_events])
                elif cand in verdicts:
                    r = verdicts[cand]
                    v, via, err, why = float(r["verdict"]), "candidate", r.get("error"), r.get("why")
                else:
                    continue
                if v >= 1 and not a.all:
                    continue
                pos = "NOUN" if "(noun lexicon)" in e["reasons"][0] else "VERB" if "(verb lexicon)" in e[
                    "reasons"][0] else e["reasons"][0].split(":")[0]
                rows.append({"split": split, "corpus": corpus_of(doc["id"]), "doc_id": doc["id"], "verdict": v,
                             "via": via, "error": err, "why": why, "text": e["text"], "trigger": e["trigger"]["text"],
                             "trigger_start": e["trigger"]["start"], "pos": pos, "code": e["cameo"]["code"],
                             "name": e["cameo"].get("name"), "mode": e["mode"], "source": _actor(e.get("source")),
                             "target": _actor(e.get("target")), "confidence": e["confidence"],
                             "reasons": e["reasons"]})
    a.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    wrong = [r for r in rows if r["verdict"] == 0]
    print(f"{len(rows)} events written to {a.out}; verdict 0: {len(wrong)}, 0.5: "
          f"{sum(r['verdict'] == 0.5 for r in rows)}")
    for what in ("error", "corpus", "pos", "mode"):
        print(what, Counter(r[what] for r in wrong).most_common(12))
    print("root", Counter(r["code"][:2] for r in wrong).most_common(20))


if __name__ == "__main__":
    main()
