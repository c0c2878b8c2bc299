"""Where the time goes: spaCy's parse against everything casus does after it, on the same documents.

    python benchmarks/bench_stages.py [--n 200] [--repeat 2]

One process. For the first N Reuters-21578 documents: the spaCy pipeline alone, converting its
docs to casus records, grounding (actors, times, places, quotes) and events (extraction, folding,
ranking). Prints seconds per stage and the ratio (after the parse) ÷ (parse) — the figure
docs/SCALING.md reports (goal ≤ 0.25) — for the first run, which is the honest one (later runs
over the same documents find the resolvers' caches warm), and for each repeat after it.
The corpus is read from ../shared (or $CASUS_SHARED); exits 0 with a note if absent.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("CASUS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "reuters21578.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS}: not found; nothing to measure")
        return
    from casus.model import Article
    from casus.nlp import _convert as convert_doc  # the parse and its conversion are timed apart
    from casus.pipeline import Pipeline

    articles = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("text", "").strip():
                articles.append(Article(id=r["id"], text=r["text"], title=r.get("title")))
            if len(articles) == args.n:
                break
    pipe = Pipeline.load()
    for run in range(args.repeat):
        t0 = time.perf_counter()
        sdocs = list(pipe.parser.nlp.pipe([a.text for a in articles], batch_size=32))
        t1 = time.perf_counter()
        docs = [convert_doc(d, a) for d, a in zip(sdocs, articles)]
        t2 = time.perf_counter()
        grounded = [pipe.ground(d) for d in docs]
        t3 = time.perf_counter()
        n_events = sum(len(pipe.events(g)) for g in grounded)
        t4 = time.perf_counter()
        stages = {"parse": t1 - t0, "convert": t2 - t1, "ground": t3 - t2, "events": t4 - t3}
        after = stages["convert"] + stages["ground"] + stages["events"]
        if run == 0:
            words = sum(len(a.text.split()) for a in articles)
            print(f"{len(articles)} documents, {words:,} words, {n_events} events")
        label = "first run" if run == 0 else f"repeat {run} (caches warm)"
        print(f"{label}: " + "  ".join(f"{k} {v:.2f} s" for k, v in stages.items())
              + f"  after the parse ÷ parse {after / stages['parse']:.3f} (goal ≤ 0.25)")


if __name__ == "__main__":
    main()
