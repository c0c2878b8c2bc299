"""Events lost or changed by parsing fully only the chosen sentences (`--parse-less`) instead of every one (`--parse-all`).

    python benchmarks/parse_less_loss.py [--reuters 2000] [--bbc 500] [--lost FILE]

Codes the first N Reuters-21578 records with text and M BBC News articles (spread over the five
sections, as benchmarks/source_share.py takes them) both ways with one loaded pipeline, and compares
the events. An act is the document, the trigger's offsets and the CAMEO code: an act coded with
`--parse-all` and not with `--parse-less` is **lost**, one coded only with it is **new**; an act coded both
ways is **changed** if any other field differs, counted per field (sentence number, source, target,
date, place, confidence …). `--lost` writes the lost acts as JSON lines (document id, trigger
offsets, code; no text). Also prints the share of characters and sentences parsed fully and the CPU
seconds of each way (one run: the ratio moves with the machine's load). Reads
../shared (or $CASUS_SHARED); exits 0 with a note when it is absent.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from source_share import BBC, REUTERS, bbc, reuters  # noqa: E402


def _act(doc_id: str, e: dict) -> tuple:
    return doc_id, e["trigger"]["start"], e["trigger"]["end"], e["cameo"]["code"]


def _code(pipe, articles) -> tuple[dict[tuple, dict], float]:
    """Every event of the articles, keyed by act (a second event of one act gets a longer key), and the CPU seconds."""
    out: dict[tuple, dict] = {}
    clock = time.process_time()
    for article, events in pipe.code(articles):
        for e in events:
            d = e.to_dict()
            key = _act(article.id, d)
            while key in out:
                key = (*key, "+")
            out[key] = d
    return out, time.process_time() - clock


def compare(before: dict[tuple, dict], after: dict[tuple, dict]) -> tuple[list[tuple], list[tuple], Counter, int]:
    """Lost acts, new acts, changed fields (count per field) and the number of changed acts."""
    lost = sorted(k for k in before if k not in after)
    new = sorted(k for k in after if k not in before)
    fields: Counter = Counter()
    changed = 0
    for key in before.keys() & after.keys():
        diff = [f for f in before[key].keys() | after[key].keys()
                if f != "event_id" and before[key].get(f) != after[key].get(f)]
        if diff:
            changed += 1
            fields.update(diff)
    return lost, new, fields, changed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuters", type=int, default=2000)
    ap.add_argument("--bbc", type=int, default=500)
    ap.add_argument("--before", type=int, default=None,
                    help="sentences before a chosen one parsed with it (default: the selector's)")
    ap.add_argument("--lost", type=Path, help="write the lost acts here (JSON lines: doc, trigger offsets, code)")
    args = ap.parse_args()
    if not REUTERS.exists() or not BBC.exists():
        print(f"{REUTERS} or {BBC}: not found; nothing to measure")
        return
    from casus.ingest.chrome import Chrome
    from casus.ingest.record import article_from_record
    from casus.pipeline import Pipeline

    chrome = Chrome.load()

    lean = Pipeline.load(parse_all=False)
    full = lean.parsing_all()
    if args.before is not None:
        lean.selector.before = args.before
    lost_all = []
    for name, records in (("reuters", reuters(args.reuters)), ("bbc", bbc(args.bbc))):
        articles = [article_from_record(r, file=name, line=k, default_id=r["id"], chrome=chrome, date=None)
                    for k, r in enumerate(records, 1)]
        chars = sum(len(a.text) for a in articles)
        chosen = sentences = picked = 0
        for a in articles:
            choice = lean.selector.choose(a.text)
            sentences += len(choice)
            picked += sum(c for *_, c in choice)
            chosen += sum(hi - lo for lo, hi, c in choice if c)
        (before, full_cpu), (after, lean_cpu) = _code(full, articles), _code(lean, articles)
        lost, new, fields, changed = compare(before, after)
        lost_all += lost
        print(f"{name}: {len(articles)} documents; parsed fully {chosen / max(chars, 1):.3f} of characters, "
              f"{picked / max(sentences, 1):.3f} of cheap sentences")
        print(f"  events --parse-all {len(before)}, default {len(after)}; lost {len(lost)} "
              f"({len(lost) / max(len(before), 1):.2%}), new {len(new)}, changed {changed} "
              f"(fields: {dict(fields.most_common())})")
        print(f"  CPU seconds coding: --parse-all {full_cpu:.1f}, --parse-less {lean_cpu:.1f} "
              f"(ratio {lean_cpu / max(full_cpu, 1e-9):.2f}; one run, the machine shared)")
    if args.lost is not None:
        with args.lost.open("w", encoding="utf-8") as out:
            for doc, start, end, code, *_ in lost_all:
                out.write(json.dumps({"doc": doc, "trigger_start": start, "trigger_end": end, "cameo": code}) + "\n")


if __name__ == "__main__":
    main()
