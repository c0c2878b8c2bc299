"""Train the event re-ranker on the dev gold files and report held-out scores with and without it.

    python scripts/train_ranker.py [--gold ../shared/eval/events] [--out casus/events/data/ranker.json]

Codes every gold sentence with the current pipeline, then
  * pooled 5-fold: folds by a hash of the sentence text (so a sentence that appears in two
    files, as 107 plover_gsr sentences do in the codebook examples, is never on both sides);
  * leave-one-file-out: train on two files (minus any sentence of the third), test on the third;
and finally fits on everything and writes the model. Deterministic: same inputs, same file.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.events import FILES, GoldItem, load_gold, score  # noqa: E402
from casus.events.ranking.ranker import DEFAULT_PATH, Ranker, features, fit  # noqa: E402
from casus.model import Article  # noqa: E402

SHARED = Path(os.environ.get("CASUS_SHARED", ROOT / ".." / "shared"))
KEYS = ("root acc", "penta acc", "plover acc")
FOLDS = 5


def norm(text: str) -> str:
    """A sentence's identity across files: lower case, single spaces."""
    return " ".join(text.lower().split())


def code_gold(gold_dir: Path, cache: Path | None) -> dict[str, list[tuple]]:
    """(gold item, parsed doc, events) per gold sentence, per file; cached when asked."""
    if cache is not None and cache.exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    from casus.pipeline import Pipeline

    pipe = Pipeline.load()
    pipe.ranker = None  # train on the rules' own confidences, not a previous model's
    data = {}
    for name in FILES:
        if not (gold_dir / name).exists():
            continue
        items = load_gold(gold_dir / name)
        arts = [Article(id=it.id, text=it.text,
                        report_date=dt.date.fromisoformat(it.date) if it.date else None,
                        report_date_basis="given" if it.date else "none") for it in items]
        data[name] = [(it, g.doc, pipe.events(g)) for it, g in zip(items, pipe.grounded(arts))]
    if cache is not None:
        with open(cache, "wb") as fh:
            pickle.dump(data, fh)
    return data


def is_right(gold: GoldItem, event, ontology) -> int:
    """1 when the event carries the sentence's gold class: CAMEO root, else PLOVER type, else penta."""
    if gold.code:
        return int(event.cameo.root == gold.code[:2])
    if gold.plover:
        return int(event.plover.get("type") == gold.plover)
    return int(ontology.penta(event.cameo.code) == gold.penta)


def examples(rows: list[tuple], ontology) -> tuple[list[dict[str, float]], list[int]]:
    """Features and labels of every non-negated event of the given sentences."""
    xs, ys = [], []
    for gold, doc, events in rows:
        for e in events:
            if e.mode != "negated":
                xs.append(features(doc, e, events))
                ys.append(is_right(gold, e, ontology))
    return xs, ys


def top(events: list) -> object | None:
    live = [e for e in events if e.mode != "negated"]
    return max(live, key=lambda e: e.confidence) if live else None


def report(name: str, rows: list[tuple], rescored: list[list], ontology) -> dict:
    """Print and return before/after metrics and how many sentences the ranker fixed or broke."""
    items = [r[0] for r in rows]
    before = score(items, [r[2] for r in rows], ontology)
    after = score(items, rescored, ontology)
    fixed = broke = 0
    for (gold, _, events), new in zip(rows, rescored):
        a, b = top(events), top(new)
        if a is None or b is None:
            continue
        fixed += not is_right(gold, a, ontology) and is_right(gold, b, ontology)
        broke += is_right(gold, a, ontology) and not is_right(gold, b, ontology)
    cells = "  ".join(f"{k} {before[k]:.3f}→{after[k]:.3f}" for k in KEYS if before[k] is not None)
    print(f"  {name:32s} {cells}  (fixed {fixed}, broke {broke})")
    return {"file": name, "fixed": fixed, "broke": broke,
            **{f"{k} before": round(before[k], 3) for k in KEYS if before[k] is not None},
            **{f"{k} after": round(after[k], 3) for k in KEYS if after[k] is not None}}


def pooled_folds(data: dict, ontology, l2: float, blend: float = 1.0) -> list[dict]:
    """Held-out rescoring of every sentence by a model trained on the other text-hash folds."""
    fold = {name: [zlib.crc32(norm(r[0].text).encode()) % FOLDS for r in rows] for name, rows in data.items()}
    out = {name: [None] * len(rows) for name, rows in data.items()}
    for k in range(FOLDS):
        train = [r for name, rows in data.items() for r, f in zip(rows, fold[name]) if f != k]
        model = Ranker(fit(*examples(train, ontology), l2=l2), blend=blend)
        for name, rows in data.items():
            for i, r in enumerate(rows):
                if fold[name][i] == k:
                    out[name][i] = model.rescore(r[1], r[2])
    return [report(name, rows, out[name], ontology) for name, rows in data.items()]


def leave_one_file_out(data: dict, ontology, l2: float, blend: float = 1.0) -> list[dict]:
    """Train on the other files (without the held-out file's sentences), test on one file."""
    rows_out = []
    for name, rows in data.items():
        held = {norm(r[0].text) for r in rows}
        train = [r for other, rr in data.items() if other != name for r in rr if norm(r[0].text) not in held]
        model = Ranker(fit(*examples(train, ontology), l2=l2), blend=blend)
        rows_out.append(report(name, rows, [model.rescore(r[1], r[2]) for r in rows], ontology))
    return rows_out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "events")
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--blend", type=float, default=1.0, help="share of the model in the new confidence")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of coded gold sentences (reused if present)")
    ap.add_argument("--no-save", action="store_true", help="evaluate only")
    args = ap.parse_args(argv)
    if not args.gold.is_dir():
        print(f"{args.gold}: no gold folder", file=sys.stderr)
        return 2
    from casus.events.ontology import Ontology

    ontology = Ontology.load()
    data = code_gold(args.gold, args.cache)
    print(f"pooled {FOLDS}-fold (held-out, folds by sentence text):")
    pooled = pooled_folds(data, ontology, args.l2, args.blend)
    print("leave one file out:")
    lofo = leave_one_file_out(data, ontology, args.l2, args.blend)
    if args.no_save:
        return 0
    everything = [r for rows in data.values() for r in rows]
    xs, ys = examples(everything, ontology)
    model = Ranker(fit(xs, ys, l2=args.l2), blend=args.blend, meta={
        "trained_on": sorted(data), "sentences": len(everything), "events": len(xs), "l2": args.l2, "blend": args.blend,
        "heldout_pooled": pooled, "heldout_leave_one_file_out": lofo})
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {len(model.weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
