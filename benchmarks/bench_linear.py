"""Linear cost, flat memory: casus codes 1×, 4× and 16× a small base of Reuters-21578 documents.

    python benchmarks/bench_linear.py [--base 25] [--factors 1 4 16] [--workers 1]

Each size runs in a fresh child process (see bench_throughput.py): the time per 1,000 words
should stay about the same and the peak memory should not grow with the number of documents.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import CORPUS, in_child, sample  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, default=25, help="documents at 1×")
    ap.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        sys.exit(f"bench_linear: {CORPUS} not found (set CASUS_SHARED)")
    print(f"{'size':>5} {'docs':>6} {'words':>8} {'seconds':>8} {'s/1k words':>11} {'docs/s':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for f in args.factors:
            path = str(sample(args.base * f, Path(tmp) / f"x{f}.jsonl"))
            m = in_child("casus", path, args.workers)
            print(f"{f:>4}× {m['docs']:>6} {m['words']:>8} {m['seconds']:>8.1f} "
                  f"{1000 * m['seconds'] / m['words']:>11.3f} {m['docs'] / m['seconds']:>7.1f} {m['peak_mb']:>8.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
