"""Where the parse's time goes: each component's share of CPU time, in spaCy's pipeline as shipped and in casus's.

    python benchmarks/bench_components.py [--n 300]

Parses the first n Reuters-21578 documents from ../shared (or $CASUS_SHARED) component by
component (batches of 32, CPU time of this process, one run; the model is loaded and warmed first),
once as spaCy ships the pipeline and once as casus's parser runs it (its attribute ruler matching
through an index, `casus/token_rules.py`, and its paragraph-break component), and prints seconds and shares. The shares say how much of the parse a
first pass could ever save by skipping a component on some of the text.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import CORPUS, ROOT, sample  # noqa: E402


def component_seconds(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds of each pipeline component over these texts."""
    docs = [nlp.make_doc(t) for t in texts]
    seconds = {}
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        seconds[name] = time.process_time() - t0
    return seconds


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    import json
    import tempfile

    import spacy

    sys.path.insert(0, str(ROOT))
    from casus.nlp import MODEL, Parser

    with tempfile.TemporaryDirectory() as tmp:
        path = sample(args.n, Path(tmp) / "docs.jsonl")
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    for label in ("spaCy as shipped", "casus's parser"):
        nlp = spacy.load(MODEL) if label == "spaCy as shipped" else Parser().nlp
        list(nlp.pipe(texts[:20]))  # warm up
        seconds = component_seconds(nlp, texts)
        total = sum(seconds.values())
        print(f"{label}: {len(texts)} documents, {words} words, {total:.2f} CPU-s ({words / total:,.0f} words/s)")
        for name, s in seconds.items():
            print(f"  {name:16s} {s:6.2f} s  {s / total:5.1%}")


if __name__ == "__main__":
    main()
