"""What casus costs after the parse: code N Reuters documents with their parses cached, CPU seconds and events.

    python benchmarks/bench_after_parse.py --n 400 --record    # parse once: CPU of the parse and of the rest
    python benchmarks/bench_after_parse.py --n 400             # replay the cached parses: CPU after the parse
    valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no \\
        python benchmarks/bench_after_parse.py --n 400 --callgrind   # instructions after the parse only

`--record` codes the documents as `casus code` does (`Pipeline.code`), timing the parse apart, and keeps
each parsed piece (pickled) in `--cache`; it prints the CPU seconds of the parse, of everything after it and
the share of the latter. Without it the cached parses are fed to `Pipeline.code` in place of the parser, so
only the work after the parse runs (actors, times, places, triggers, the detector, roles, ranking). Both
write the events as JSONL (`--events`), so two versions of the code can be compared byte for byte.
`--callgrind` (under valgrind) counts instructions only while coding: a tiny C helper using valgrind's
client requests is compiled on the fly (needs gcc and valgrind's headers). The cached parses are frozen
out of the garbage collector (`gc.freeze`): in a real run documents stream, and a collector walking 400
held parses would be a cost of this harness only. The corpus is read from ../shared (or $CASUS_SHARED).
"""
from __future__ import annotations

import argparse
import gc
import gzip
import io
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("CASUS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "reuters21578.jsonl.gz"
TOGGLE = r"""#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; CALLGRIND_TOGGLE_COLLECT; }
void cg_stop(void) { CALLGRIND_TOGGLE_COLLECT; CALLGRIND_DUMP_STATS; CALLGRIND_STOP_INSTRUMENTATION; }
"""


def _toggles():
    """(start, stop) of callgrind's collection, from a helper compiled now."""
    import ctypes

    folder = Path(tempfile.mkdtemp())
    (folder / "cg.c").write_text(TOGGLE)
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(folder / "cg.so"), str(folder / "cg.c")], check=True)
    lib = ctypes.CDLL(str(folder / "cg.so"))
    return lib.cg_start, lib.cg_stop


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--record", action="store_true", help="parse now and keep the parses")
    ap.add_argument("--cache", default=None, help="parses file (default: a file in the temp folder per N)")
    ap.add_argument("--events", default=None, help="write the events here (JSONL)")
    ap.add_argument("--callgrind", action="store_true", help="count instructions only while coding")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS}: not found; nothing to measure")
        return
    from casus.ingest import read_inputs
    from casus.output import EventWriter
    from casus.pipeline import Pipeline

    cache = Path(args.cache or Path(tempfile.gettempdir()) / f"casus_after_parse_{args.n}.pkl")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with gzip.open(CORPUS, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
            for _, line in zip(range(args.n), src):
                out.write(line)
        articles = list(read_inputs([str(sample)]))
    pipe = Pipeline.load()
    parse_spans = pipe.parser.parse_spans
    parse_cpu, kept = [0.0, 0.0], []
    if args.record:
        def spans(items):
            parsed = parse_spans(items)
            while True:
                t = time.process_time()
                try:
                    item = next(parsed)
                except StopIteration:
                    return
                parse_cpu[0] += time.process_time() - t
                t = time.process_time()
                kept.append(pickle.dumps(item[2]))  # before the stages add their caches to the doc
                parse_cpu[1] += time.process_time() - t
                yield item
    else:
        if not cache.exists():
            sys.exit(f"{cache}: no cached parses; run with --record first")
        docs = [pickle.loads(b) for b in pickle.loads(cache.read_bytes())]
        gc.collect()
        gc.freeze()

        def spans(items):
            for (article, tag, _), doc in zip(items, docs):
                if doc is not None:
                    doc.article = article
                yield article, tag, doc
    pipe.parser.parse_spans = spans
    start, stop = _toggles() if args.callgrind else (lambda: None, lambda: None)
    buf = io.StringIO()
    writer = EventWriter(buf, "jsonl")
    n = 0
    start()
    t0 = time.process_time()
    for _, events in pipe.code(articles):
        writer.write(events)
        n += len(events)
    total = time.process_time() - t0
    stop()
    if args.events:
        Path(args.events).write_text(buf.getvalue(), encoding="utf-8")
    if args.record:
        cache.write_bytes(pickle.dumps(kept))
        total -= parse_cpu[1]
        after = total - parse_cpu[0]
        print(f"{len(articles)} documents, {n} events: CPU {total:.2f} s, parse {parse_cpu[0]:.2f} s, "
              f"after the parse {after:.2f} s ({after / total:.3f} of the whole)")
    else:
        print(f"{len(articles)} documents, {n} events: CPU after the parse {total:.2f} s")


if __name__ == "__main__":
    main()
