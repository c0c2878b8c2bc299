"""The story's day for later pieces of a long document: CPU of `Pipeline._lead_day` over all piece starts.

    python benchmarks/bench_lead_day.py [--mb 0.5 2]

The document is bench_long.py's (Reuters-21578 stories joined by blank lines). For scale, the time
tagger's CPU over the whole text in one window is printed beside it. One run; no parsing.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_long import long_text  # noqa: E402
from bench_throughput import CORPUS, ROOT  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[0.5, 2.0])
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        sys.exit(f"bench_lead_day: {CORPUS} not found (set CASUS_SHARED)")
    sys.path.insert(0, str(ROOT))
    from casus.model import Article
    from casus.pieces import pieces
    from casus.pipeline import CONTEXT_CHARS, PIECE_CHARS, Pipeline
    from casus.time.tagger import find_times

    for mb in args.mb:
        text = long_text(mb)
        article = Article(id="long", text=text)
        cut = pieces(text, PIECE_CHARS, CONTEXT_CHARS, len(text))
        pipe = Pipeline.__new__(Pipeline)  # only the time tagger is needed
        pipe.find_times = find_times
        c0 = time.process_time()
        days = {d and d.value for d in (pipe._lead_day(article, p.start) for p in cut)}
        lead = time.process_time() - c0
        c1 = time.process_time()
        find_times(text, None)
        whole = time.process_time() - c1
        print(f"{len(text) / 1e6:5.1f} MB  {len(cut):4} pieces  lead-day CPU {lead:7.2f} s  "
              f"tagger over the whole text once {whole:7.2f} s  days {sorted(map(str, days))}", flush=True)


if __name__ == "__main__":
    main()
