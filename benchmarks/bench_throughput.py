"""Throughput: spaCy's own pipeline, then casus, over the same Reuters-21578 documents.

    python benchmarks/bench_throughput.py --n 300 [--workers 1 2]

Each measurement runs in a fresh child process (so peak memory is its own): the model is
loaded first and not timed; with k workers, a pool of k processes each loads it and the
documents go out in chunks of 16, the same way for spaCy alone and for casus (`Coder`).
The two alternate `--repeat` times and the best time of each is kept (the machine may be shared).
Prints docs/s, words/s, peak resident memory per process and the ratio casus ÷ spaCy.
The corpus is read from ../shared (or $CASUS_SHARED).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASUS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "reuters21578.jsonl.gz"
CHUNK = 16


def sample(n: int, dest: Path) -> Path:
    """The first n corpus records as a JSONL file."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= n:
                break
            out.write(line)
    return dest


def peak_mb() -> tuple[float, float]:
    """Peak RSS in MB of this process, and of its largest finished child process."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


# ---------------------------------------------------------------- spaCy alone, in a pool like casus's

_NLP = None


def _load_spacy() -> None:
    global _NLP  # one model per pool process, as casus does
    import spacy

    from casus.nlp import MODEL

    _NLP = spacy.load(MODEL)


def _spacy_chunk(texts: list[str]) -> int:
    return sum(len(d) for d in _NLP.pipe(texts, batch_size=32))


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run_spacy(texts: list[str], workers: int) -> float:
    """Seconds for spaCy alone to parse the texts (model loading not counted)."""
    if workers == 1:
        _load_spacy()
        t0 = time.perf_counter()
        _spacy_chunk(texts)
        return time.perf_counter() - t0
    import multiprocessing

    from casus.coder import _ready

    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_load_spacy) as pool, context.Manager() as manager:
        pool.map(_ready, [manager.Barrier(workers)] * workers, chunksize=1)  # every model loaded
        t0 = time.perf_counter()
        sum(pool.imap(_spacy_chunk, _chunks(texts, CHUNK)))
        seconds = time.perf_counter() - t0
        pool.close()
        pool.join()
    return seconds


def run_casus(articles: list, workers: int) -> tuple[float, int]:
    """Seconds for casus to code the articles (model and data loading not counted), and the events."""
    from casus.coder import Coder

    coder = Coder(workers, chunk=CHUNK)
    coder.start()  # with workers > 1, returns once every pool process has loaded the pipeline
    t0 = time.perf_counter()
    events = sum(len(ev) for _, ev in coder.code(articles))
    seconds = time.perf_counter() - t0
    coder.close()
    return seconds, events


def measure(kind: str, path: str, workers: int) -> dict:
    """One measurement, meant to run in its own process."""
    from casus.ingest import read_inputs

    articles = list(read_inputs([path]))
    words = sum(len(a.text.split()) for a in articles)
    events = None
    if kind == "spacy":
        seconds = run_spacy([a.text for a in articles], workers)
    else:
        seconds, events = run_casus(articles, workers)
    own, child = peak_mb()
    return {"kind": kind, "workers": workers, "docs": len(articles), "words": words, "seconds": seconds,
            "events": events, "peak_mb": own if workers == 1 else child, "parent_mb": own}


def in_child(kind: str, path: str, workers: int) -> dict:
    """Run `measure` in a fresh Python process and read its JSON answer."""
    out = subprocess.run([sys.executable, __file__, "--one", kind, "--file", path, "--workers", str(workers)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def row(m: dict) -> str:
    """One line of the report."""
    return (f"{m['kind']:<6} workers={m['workers']}  {m['docs']:>5} docs  {m['seconds']:7.1f} s  "
            f"{m['docs'] / m['seconds']:7.1f} docs/s  {m['words'] / m['seconds']:8.0f} words/s  "
            f"peak {m['peak_mb']:6.0f} MB/process")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="documents")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=2, help="alternate spaCy and casus this often, keep the best")
    ap.add_argument("--one", choices=["spacy", "casus"], help=argparse.SUPPRESS)
    ap.add_argument("--file", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one, args.file, args.workers[0])))
        return
    if not CORPUS.exists():
        sys.exit(f"bench_throughput: {CORPUS} not found (set CASUS_SHARED)")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = str(sample(args.n, Path(tmp) / "sample.jsonl"))
        for k in args.workers:
            runs = [(in_child("spacy", path, k), in_child("casus", path, k)) for _ in range(args.repeat)]
            spacy_m = min((r[0] for r in runs), key=lambda m: m["seconds"])
            casus_m = min((r[1] for r in runs), key=lambda m: m["seconds"])
            print(row(spacy_m), flush=True)
            print(row(casus_m) + f"  {casus_m['events']} events", flush=True)
            print(f"ratio  workers={k}  casus ÷ spaCy = {spacy_m['seconds'] / casus_m['seconds']:.2f} "
                  f"(throughput; goal ≥ 0.80)", flush=True)


if __name__ == "__main__":
    main()
