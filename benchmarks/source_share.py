"""Share of asserted events that carry a source code, on Reuters-21578 and BBC News documents.

    python benchmarks/source_share.py [--n 1000] [--out FILE] [--min-confidence C]

Takes the first N/2 Reuters records with text (report date from the record's own date) and N/2 BBC
articles spread evenly over the five sections (no date: the corpus has none), codes them with the
package data, and prints, per corpus and pooled, how many events are asserted and the share of those
whose source has a code (and a country), at the event filter's default floor (--min-confidence C:
another; 0 keeps every event). `--out` writes one line per asserted event (doc, trigger,
source text, source code) so a before/after pair can be compared. Reads ../shared (or $CASUS_SHARED);
exits 0 with a note when it is absent.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("CASUS_SHARED", ROOT.parent / "shared"))
REUTERS = SHARED / "corpus" / "reuters21578.jsonl.gz"
BBC = SHARED / "corpus" / "bbc_news" / "bbc"
SECTIONS = ("business", "entertainment", "politics", "sport", "tech")


def reuters(n: int) -> list[dict]:
    """The first n Reuters records with text, dated by their own 'date_raw' (26-FEB-1987 15:01:01.79)."""
    out = []
    with gzip.open(REUTERS, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if not r.get("text", "").strip():
                continue
            rec = {"id": r["id"], "text": r["text"], "title": r.get("title")}
            try:
                rec["date"] = dt.datetime.strptime(r["date_raw"].split()[0], "%d-%b-%Y").date().isoformat()
            except (KeyError, ValueError, IndexError):
                pass
            out.append(rec)
            if len(out) == n:
                break
    return out


def bbc(n: int) -> list[dict]:
    """n BBC articles, the same number from each section, evenly spaced through it (headline = line 1)."""
    out, per = [], max(1, n // len(SECTIONS))
    for sec in SECTIONS:
        files = sorted((BBC / sec).glob("*.txt"))
        step = max(1, len(files) // per)
        for p in files[::step][:per]:
            raw = p.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
            title, _, body = text.partition("\n")
            out.append({"id": f"bbc-{sec}-{p.stem}", "text": body.strip(), "title": title.strip()})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--min-confidence", type=float, default=None,
                    help="drop events below this confidence (default: the event filter's; 0 keeps all)")
    args = ap.parse_args()
    if not REUTERS.exists() or not BBC.exists():
        print(f"{REUTERS} or {BBC}: not found; nothing to measure")
        return
    from casus.ingest.chrome import Chrome
    from casus.ingest.record import article_from_record
    from casus.pipeline import Pipeline

    chrome = Chrome.load()
    records = {"reuters": reuters(args.n // 2), "bbc": bbc(args.n - args.n // 2)}
    pipe = Pipeline.load(min_confidence=args.min_confidence)
    counts: dict[str, list[int]] = {}
    lines = []
    for corpus, recs in records.items():
        arts = [article_from_record(r, file=corpus, line=k, default_id=r["id"], chrome=chrome, date=None)
                for k, r in enumerate(recs, 1)]
        c = counts.setdefault(corpus, [0, 0, 0, len(arts)])
        for art, events in pipe.code(arts):
            for e in events:
                if e.mode != "asserted":
                    continue
                src = e.source
                c[0] += 1
                c[1] += bool(src is not None and src.code)
                c[2] += bool(src is not None and src.country)
                lines.append(f"{art.id}\t{e.trigger.text}\t{e.cameo.code}\t{src.text if src else ''}\t"
                             f"{(src.code or '') if src else ''}")
    total = [sum(v[i] for v in counts.values()) for i in range(4)]
    for name, (n, coded, country, docs) in [*counts.items(), ("pooled", total)]:
        print(f"{name:8s} docs {docs:5d}  asserted events {n:5d}  with source code {coded / n if n else 0:.3f}"
              f"  with source country {country / n if n else 0:.3f}")
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
