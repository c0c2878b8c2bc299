"""Actor memory on a corpus read in date order: how many people casus learns, and a sample to judge by reading.

    python scripts/measure_memory.py ../shared/corpus/reuters21578.jsonl.gz --out learnt.jsonl [--limit N]
        [--sample 100 --sample-out sample.tsv]

Each document is parsed and its actors resolved with one ActorMemory, oldest first (the corpus's
`date_raw`, else `date`), as `casus ingest` would in one process. Prints the counts; writes every
learnt row (references only: doc id, offsets, name, code, role, dates, count) to --out, and a random
sample of learnt people whose example document is not in the check split to --sample-out, with an
empty verdict column for a reader to fill in (see benchmarks/data/memory_judgments.tsv).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
import time
from pathlib import Path


def _day(record: dict) -> dt.date | None:
    raw = record.get("date_raw") or record.get("date") or ""
    for fmt in ("%d-%b-%Y %H:%M:%S.%f", "%d-%b-%Y %H:%M:%S", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(raw.strip()[:24], fmt).date()
        except ValueError:
            continue
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--sample-out")
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args(argv)

    from casus.actors.memory import LEARNT, ActorMemory
    from casus.evaluate.splits import split_of
    from casus.model import Article
    from casus.pipeline import Pipeline

    opener = gzip.open if args.corpus.endswith(".gz") else open
    with opener(args.corpus, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    records = [r for r in records if r.get("text", "").strip()]
    records.sort(key=lambda r: (_day(r) or dt.date.min, r["id"]))
    if args.limit:
        records = records[:args.limit]
    memory = ActorMemory()
    pipe = Pipeline.load(memory=memory)
    articles = (Article(id=r["id"], text=r["text"], title=r.get("title"), report_date=_day(r)) for r in records)
    recalled = learnt_docs = 0
    start = time.perf_counter()
    for n, doc in enumerate(pipe.parser.parse_many(articles), 1):
        before = len(memory.changed)
        mentions = pipe.actor_resolver.resolve(doc)
        recalled += sum(1 for m in mentions if (m.actor.reason or "").startswith(LEARNT))
        learnt_docs += len(memory.changed) > before
        if n % 1000 == 0:
            print(f"{n} docs, {len(memory)} learnt rows, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    rows = list(memory.entries())
    people = {r.key for r in rows}
    recallable = sum(1 for k in people if memory.winner(k) is not None)
    with open(args.out, "w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r.to_row(), default=str) + "\n")
    print(json.dumps({"documents": len(records), "people learnt": len(people), "learnt rows (name, code)": len(rows),
                      "people with a clear code": recallable, "seen in 2+ documents": sum(r.count > 1 for r in rows),
                      "mentions recalled from memory": recalled, "seconds": round(time.perf_counter() - start)}))
    if args.sample_out:
        pool = [memory.winner(k) for k in sorted(people)]
        pool = [r for r in pool if r is not None and split_of(r.doc_id) != "check"]
        random.Random(args.seed).shuffle(pool)
        with open(args.sample_out, "w", encoding="utf-8") as out:
            out.write("# doc_id\tstart\tend\tname\tcode\trole\tcount\tverdict\n")
            for r in pool[:args.sample]:
                out.write(f"{r.doc_id}\t{r.start}\t{r.end}\t{r.name}\t{r.code}\t{r.role}\t{r.count}\t\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
