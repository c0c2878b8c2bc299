"""One long document: casus codes a generated text of many megabytes in pieces, in flat memory.

    python benchmarks/bench_long.py [--mb 20] [--small-mb 1]

The document is Reuters-21578 stories from ../shared (or $CASUS_SHARED) joined by blank lines,
repeated until it has the size asked (spaCy alone refuses a text over 1,000,000 characters).
Each size runs in a fresh child process: model and data loading are not timed; prints seconds,
words/s, CPU seconds, events and the peak resident memory, first for a small document of the same kind,
then for the long one, so the two peaks can be compared (one run each; the machine may be shared).
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import CORPUS, ROOT  # noqa: E402


def long_text(megabytes: float) -> str:
    """Corpus stories joined by blank lines, cycled until the text has this many megabytes."""
    want, parts, size = int(megabytes * 1_000_000), [], 0
    while size < want:
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"].strip()
                parts.append(text)
                size += len(text) + 2
                if size >= want:
                    break
    return "\n\n".join(parts)


def measure(megabytes: float, parse_all: bool) -> dict:
    """Code one generated document of this size (in this process)."""
    sys.path.insert(0, str(ROOT))
    from casus.model import Article
    from casus.pipeline import Pipeline

    pipe = Pipeline.load(parse_all=parse_all)
    article = Article(id="long", text=long_text(megabytes))
    t0, c0 = time.perf_counter(), time.process_time()
    events = sum(len(ev) for _, ev in pipe.code([article]))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"chars": len(article.text), "words": len(article.text.split()), "seconds": seconds, "cpu_seconds": cpu,
            "events": events,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--small-mb", type=float, default=1.0)
    ap.add_argument("--sizes", type=float, nargs="*", default=[], help="sizes in between, MB")
    ap.add_argument("--parse-all", action="store_true")
    ap.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure(args.one, args.parse_all)))
        return
    if not CORPUS.exists():
        sys.exit(f"bench_long: {CORPUS} not found (set CASUS_SHARED)")
    for mb in (args.small_mb, *args.sizes, args.mb):
        cmd = [sys.executable, __file__, "--one", str(mb)] + (["--parse-all"] if args.parse_all else [])
        m = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        print(f"{m['chars'] / 1e6:6.1f} MB  {m['words']:>9} words  {m['seconds']:8.1f} s  "
              f"{m['words'] / m['seconds']:6.0f} words/s  {m['cpu_seconds']:8.1f} CPU-s  {m['events']:>6} events  peak {m['peak_mb']:6.0f} MB", flush=True)


if __name__ == "__main__":
    main()
