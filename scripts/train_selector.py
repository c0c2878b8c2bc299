"""Train the paragraph model of the cheap first pass (casus/select.py) and write its data file.

    python scripts/train_selector.py [--events coded.jsonl] [--out casus/events/data/selector.json]

Training text: Reuters-21578 records 2,001–3,200 and BBC News files 101–160 of each of the five
sections, from ../shared (or $CASUS_SHARED) — none of them among the documents the speed figures
and the before/after comparison use (the first 2,000 Reuters records, the first 100 BBC files of each
section). Labels: casus's own output with `--parse-all` (a paragraph holds the trigger of an event or
not); `--events` reuses a file coded earlier with `casus code --parse-all` of the same records.
Rows are the paragraphs with a trigger form of documents of more than one paragraph. Two folds by
document give out-of-fold probabilities; the threshold is the highest that keeps RECALL of the events
(counted by their trigger paragraphs), then the model is fitted on all rows. Deterministic.
"""
from __future__ import annotations

import argparse
import bisect
import gzip
import io
import json
import os
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.events.ranker import fit  # noqa: E402
from casus.select import MODEL_PATH, SelectorModel  # noqa: E402

SHARED = Path(os.environ.get("CASUS_SHARED", ROOT / ".." / "shared"))
REUTERS = (2001, 3200)  # 1-based line numbers of the training records
BBC = (100, 160)  # file positions within each section, 0-based, end excluded
RECALL = 0.995
VOCABULARY = 300
L2 = 2.0


def training_records() -> list[dict]:
    """The training documents as {id, text} records."""
    records = []
    with gzip.open(SHARED / "corpus" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if REUTERS[0] <= n <= REUTERS[1]:
                records.append(json.loads(line))
    root = SHARED / "corpus" / "bbc_news" / "bbc"
    for section in ("business", "entertainment", "politics", "sport", "tech"):
        for path in sorted((root / section).glob("*.txt"))[BBC[0]:BBC[1]]:
            records.append({"id": f"bbc-{section}-{path.stem}", "text": path.read_text(encoding="latin-1")})
    return records


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=Path, help="events of the training records coded with --parse-all")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    from casus.ingest import read_inputs
    from casus.pipeline import Pipeline

    pipe = Pipeline.load(parse_all=True)
    raw = "".join(json.dumps(r) + "\n" for r in training_records())
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "train.jsonl"
        path.write_text(raw, encoding="utf-8")
        articles = list(read_inputs([str(path)]))
    triggers: dict[str, list[int]] = defaultdict(list)
    if args.events:
        for line in io.open(args.events, encoding="utf-8"):
            e = json.loads(line)
            triggers[e["doc_id"]].extend(ev["trigger"]["start"] for ev in e["evidence"])
    else:
        for article, events in pipe.code(articles):
            triggers[article.id].extend(ev["trigger"]["start"] for e in events for ev in e.to_dict()["evidence"])

    selector = pipe_selector(pipe)
    rows, labels, weights, docs = [], [], [], []
    for a in articles:
        paragraphs = selector.paragraphs(a.text)
        if len(paragraphs) < 2:
            continue
        starts = [p[0] for p in paragraphs]
        per = Counter(bisect.bisect_right(starts, t) - 1 for t in triggers.get(a.id, []))
        for k, (_, _, feats) in enumerate(paragraphs):
            if feats is None:
                continue
            rows.append(feats)
            labels.append(int(per[k] > 0))
            weights.append(per[k])
            docs.append(a.id)
    counts = Counter(w[2:] for r in rows for w in r if w.startswith("w="))
    vocabulary = frozenset(w for w, _ in counts.most_common(VOCABULARY))
    rows = [{k: v for k, v in r.items() if not k.startswith("w=") or k[2:] in vocabulary} for r in rows]
    print(f"{len(rows)} paragraphs with a trigger form, {sum(labels)} hold events ({sum(weights)} mentions)")

    fold = [zlib.crc32(d.encode()) % 2 for d in docs]
    oof = [0.0] * len(rows)
    for k in (0, 1):
        train = [i for i in range(len(rows)) if fold[i] != k]
        model = SelectorModel(fit([rows[i] for i in train], [labels[i] for i in train], l2=L2), 0.0, vocabulary)
        for i in range(len(rows)):
            if fold[i] == k:
                oof[i] = model.probability(rows[i])
    threshold = pick_threshold(oof, weights)
    kept = sum(1 for p in oof if p >= threshold) / len(rows)
    lost = sum(w for p, w in zip(oof, weights) if p < threshold)
    print(f"threshold {threshold:.4f}: keeps {kept:.3f} of the paragraphs, out-of-fold loses {lost} of "
          f"{sum(weights)} event mentions")
    model = SelectorModel(fit(rows, labels, l2=L2), threshold, vocabulary, meta={
        "training": f"Reuters-21578 lines {REUTERS[0]}-{REUTERS[1]}, BBC files {BBC[0] + 1}-{BBC[1]} per section",
        "paragraphs": len(rows), "positive": sum(labels), "l2": L2, "recall_target": RECALL,
        "out_of_fold_kept": round(kept, 4), "out_of_fold_lost_mentions": lost})
    model.save(args.out)
    print(f"wrote {args.out}")


def pipe_selector(pipe):
    """The pipeline's selector without a model (features use the vocabulary only once it is chosen)."""
    from casus.select import Selector

    sel = Selector.build(pipe.parser, pipe.extractor, pipe.actor_resolver.kb, model=None)
    sel.model = SelectorModel({}, 0.0, _Everything())  # every word is a feature until the vocabulary is chosen
    return sel


class _Everything(frozenset):
    """A vocabulary holding every word."""

    def __contains__(self, item) -> bool:
        return True


def pick_threshold(probabilities: list[float], weights: list[int]) -> float:
    """The highest threshold keeping RECALL of the weighted positives."""
    total = sum(weights)
    pairs = sorted(zip(probabilities, weights), reverse=True)
    kept = 0
    for p, w in pairs:
        kept += w
        if kept >= RECALL * total:
            return p
    return 0.0


if __name__ == "__main__":
    main()
