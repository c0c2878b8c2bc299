"""Ingest benchmark: code N Reuters-21578 documents into a fresh store and report throughput.

    python benchmarks/bench_ingest.py --n 300 [--workers 1] [--keep DB]

Prints documents/s, events, incidents, store size on disk and peak memory (this process
plus worker processes). The corpus is read from ../shared (or $CASUS_SHARED).
"""
from __future__ import annotations

import argparse
import gzip
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from casus.cli_store import ingest_files
from casus.coder import Coder
from casus.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASUS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "reuters21578.jsonl.gz"


def sample(n: int | None, dest: Path) -> int:
    """Copy the first n corpus lines (all when n is None) to a JSONL file; returns the count."""
    count = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            if n is not None and count >= n:
                break
            out.write(line)
            count += 1
    return count


def peak_mb() -> tuple[float, float]:
    """Peak resident memory in MB of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


SYNTHETIC = """
INSERT INTO events (event_id, doc_id, sentence, source_code, target_code, cameo_code, cameo_root, mode,
                    event_date, event_day, date_precision, date_basis, location_geonameid, location_country,
                    location_feature, mentions, confidence)
SELECT 'e' || i, 'd' || (i // 3), i % 3, 'A' || (hash(i, 1) % 200), 'B' || (hash(i, 2) % 200),
       lpad(((hash(i, 3) % 20) + 1)::VARCHAR, 2, '0') || '0', lpad(((hash(i, 3) % 20) + 1)::VARCHAR, 2, '0'),
       'asserted', NULL, DATE '2015-01-01' + (hash(i, 4) % 1000)::INTEGER, 'day', 'explicit',
       CASE WHEN hash(i, 5) % 3 = 0 THEN NULL ELSE hash(i, 6) % 50 END, 'C' || (hash(i, 7) % 5), 'PPL', 1, 0.5
FROM range(?) t(i)
"""


def synthetic(n: int) -> None:
    """Time incident folding alone on n generated events (no parsing)."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "syn.duckdb") as store:
        t0 = time.perf_counter()
        store.fetch(SYNTHETIC, [n])
        t1 = time.perf_counter()
        incidents = store.rebuild_incidents()
        t2 = time.perf_counter()
        own, _ = peak_mb()
        print(f"synthetic events {n} (generated in {t1 - t0:.1f} s)")
        print(f"incidents        {incidents} in {t2 - t1:.1f} s ({n / (t2 - t1):,.0f} events/s)")
        print(f"peak memory      {own:.0f} MB")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="documents (default: all 19,043)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--keep", help="write the store here instead of a temporary file")
    ap.add_argument("--synthetic", type=int, help="only time incident folding on this many generated events")
    args = ap.parse_args(argv)
    if args.synthetic:
        return synthetic(args.synthetic)
    if not CORPUS.exists():
        sys.exit(f"bench_ingest: {CORPUS} not found (set CASUS_SHARED)")
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "sample.jsonl"
        n = sample(args.n, docs)
        db = args.keep or str(Path(tmp) / "bench.duckdb")
        coder = Coder(args.workers)
        t0 = time.perf_counter()
        with Store(db) as store:
            load = time.perf_counter()
            stats = ingest_files(store, [str(docs)], coder)
            t_ingest = time.perf_counter() - load
            t1 = time.perf_counter()
            incidents = store.rebuild_incidents()
            t_fold = time.perf_counter() - t1
            mentions = store.count("mentions")
        coder.close()
        total = time.perf_counter() - t0
        size = os.path.getsize(db) + (os.path.getsize(db + ".wal") if os.path.exists(db + ".wal") else 0)
        own, kids = peak_mb()
        print(f"documents        {n} ({stats['documents']} stored)")
        print(f"workers          {args.workers}")
        print(f"time             {total:.1f} s (coding+store {t_ingest:.1f} s incl. model load, "
              f"incidents {t_fold:.2f} s)")
        print(f"documents/s      {n / t_ingest:.1f}")
        print(f"events           {stats['events']} ({mentions} mentions)")
        print(f"incidents        {incidents}")
        print(f"store on disk    {size / 1e6:.1f} MB")
        print(f"peak memory      {own:.0f} MB (largest worker {kids:.0f} MB)")


if __name__ == "__main__":
    main()
