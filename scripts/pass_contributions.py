"""What each named pass of the sieve (and each gate) contributes on the judged check split (only scored).

    python scripts/pass_contributions.py --gold ../shared/eval/events/judged_realnews --gold /tmp/judged_casus

For each optional pass: the events it makes or changes (coded with it, not without it; all judged, as every
check event of today's casus is) and the events it stops or changes away (coded without it, not with it; judged
where an earlier judgment, annotated sentence or candidate verdict covers them), with mean verdicts, and judged
precision with everything on vs with the pass off. Every event is kept (--min-confidence 0) unless told.
Documents are parsed and grounded once (--cache as in scripts/judged_precision.py; /tmp/judged_casus is
written by scripts/judged_folder.py).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.judged import in_split, load_gold, match, parsed_docs, sentence_label, sentences_of  # noqa: E402


def _key(e: dict) -> tuple:
    return (e["doc_id"], e["trigger"]["start"], e["cameo"]["code"], (e.get("source") or {}).get("code"),
            (e.get("target") or {}).get("code"), e["mode"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="append", required=True)
    ap.add_argument("--split", default="check")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/casus-judged-cache"))
    ap.add_argument("--only", nargs="*", help="these passes or gates only")
    ap.add_argument("--min-confidence", type=float, default=0.0,
                    help="drop events below this confidence (default 0: every event, as the table in docs/CODING.md)")
    a = ap.parse_args()
    from casus.events import ANTECEDENT_RULES, GATES
    from casus.events.sieve import pass_names
    from casus.pipeline import Pipeline

    final = ROOT / "eval" / "judged"
    cands = {(c["doc_id"], c["trigger"][0], c["coded"]["cameo"]): c["cand_id"]
             for c in map(json.loads, open(final / "candidates-final.jsonl", encoding="utf-8"))}
    verdicts = {r["cand_id"]: float(r["verdict"]) for path in final.glob("verdicts-*-final.jsonl")
                for r in map(json.loads, open(path, encoding="utf-8"))}
    pipe = Pipeline.load(min_confidence=a.min_confidence)
    grounded, judge = [], {}
    for folder in a.gold:
        gold = load_gold(folder)
        sents = gold.sentences_by_doc
        for doc in parsed_docs(gold, pipe, a.cache / Path(folder).name):
            if in_split(doc.article.id, a.split):
                grounded.append(pipe.ground(doc))
                judge[doc.article.id] = (gold.by_doc.get(doc.article.id, []), sents.get(doc.article.id, []))

    def verdict(e: dict) -> float | None:
        judged, sentences = judge[e["doc_id"]]
        j = match(e, judged)
        if j is not None:
            return float(j["verdict"])
        labels = [sentence_label(e, s) for s in sentences_of(e, sentences)]
        labels = [v for v in labels if v is not None]
        if labels:
            return max(labels)
        cand = cands.get((e["doc_id"], e["trigger"]["start"], e["cameo"]["code"]))
        return verdicts.get(cand) if cand else None

    def coded(off: set[str]) -> dict[tuple, dict]:
        pipe.gates_off = off
        return {_key(d): d for g in grounded for d in (e.to_dict() for e in pipe.events(g))}

    def summary(events) -> tuple[int, int, float]:
        vs = [v for v in map(verdict, events) if v is not None]
        return len(events), len(vs), (sum(vs) / len(vs) if vs else float("nan"))

    base = coded(set())
    n, nj, p = summary(base.values())
    print(f"{a.split}: {len(grounded)} documents, {n} events ({nj} judged), judged precision {p:.3f}")
    print("| pass | makes or changes (n, mean verdict) | stops or changes away (n, judged, mean verdict) "
          "| precision off | events off |")
    print("|---|---|---|---|---|")
    names = a.only or [*pass_names(), *ANTECEDENT_RULES, *(name for name, _ in GATES)]
    for name in names:
        off = coded({name})
        made = [base[k] for k in base.keys() - off.keys()]
        stopped = [off[k] for k in off.keys() - base.keys()]
        mn, _, mp = summary(made)
        sn, sj, sp = summary(stopped)
        _, _, po = summary(off.values())
        print(f"| {name} | {mn}, {mp:.2f} | {sn}, {sj}, {sp:.2f} | {po:.3f} | {len(off)} |", flush=True)


if __name__ == "__main__":
    main()
