"""Build casus/events/data/filter.json: the confidence that an event is right on real news.

Data (read from ../shared, never copied): the judged real-news folder. casus codes its documents
(with the ranker, without the filter); each event is labelled by the judged event it matches (same
document, overlapping trigger, same root: the verdict 1 / 0.5 / 0) or, failing that, by an annotated
sentence it falls in (no annotated event of its root: 0; the root with the doer's country or none
given: 1; the root with another country: 0.5). Events with neither are not used. A logistic model
(casus.events.ranker.fit) is fitted on the train split; the default threshold is chosen on dev
(the highest one that keeps at least --keep-recall of dev's unfiltered annotated-event recall);
figures for train, dev and check are printed (check is only scored).

    python scripts/train_filter.py [--shared ../shared] [--out casus/events/data/filter.json]
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate import judged  # noqa: E402
from casus.evaluate.splits import split_of  # noqa: E402
from casus.events.filter import EventFilter, features  # noqa: E402
from casus.events.ranker import fit  # noqa: E402

POLITICAL_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "IGO", "REB", "OPP", "SPY", "INS", "SEP", "UAF",
                     "ELI", "NGO", "IGM", "SPY", "MOD", "RAD", "PRI")


def label(event: dict, gold: judged.JudgedGold, sentences: list[dict]) -> float | None:
    """The verdict of the matched judged event, else the label its annotated sentence gives, else None."""
    j = judged.match(event, gold.by_doc.get(event["doc_id"], []))
    if j is not None:
        return float(j["verdict"])
    labels = [judged.sentence_label(event, s) for s in judged.sentences_of(event, sentences)]
    return max(labels) if labels else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "casus" / "events" / "data" / "filter.json")
    ap.add_argument("--cache", type=Path, default=ROOT / ".casus-cache")
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--keep-recall", type=float, default=0.9)
    ap.add_argument("--dump", type=Path, help="Also write (split, label, features) per labelled event here.")
    args = ap.parse_args()
    folder = args.shared / "eval" / "events" / "judged_realnews"
    if not folder.is_dir():
        sys.exit(f"{folder}: not found (pass --shared)")
    from casus.pipeline import Pipeline

    gold = judged.load_gold(folder)
    pipe = Pipeline.load(min_confidence=0.0)
    relevance, pipe.event_filter = pipe.relevance, None
    sents: dict[str, list[dict]] = {}
    for s in gold.sentences:
        sents.setdefault(s["doc_id"], []).append(s)
    rows, labels, splits, coded_docs = [], [], [], []
    for doc in judged.parsed_docs(gold, pipe, args.cache):
        g = pipe.ground(doc)
        events = pipe.events(g)
        p = relevance.probability(doc.article.text)
        coded_docs.append((doc, events, p))
        for e in events:
            y = label(e.to_dict(), gold, sents.get(doc.article.id, []))
            if y is None:
                continue
            same = [o for o in events if o.sentence == e.sentence]
            rows.append(features(doc, e, same, p))
            labels.append(y)
            splits.append(split_of(doc.article.id))
    if args.dump:
        import json

        with open(args.dump, "w", encoding="utf-8") as fh:
            for r, y, s in zip(rows, labels, splits):
                fh.write(json.dumps({"split": s, "label": y, "features": r}) + "\n")
    train = [i for i, s in enumerate(splits) if s == "train"]
    print(f"{len(rows)} labelled events ({len(train)} train), mean label {sum(labels) / len(labels):.3f}")
    weights = fit([rows[i] for i in train], [labels[i] for i in train], l2=args.l2)
    model = EventFilter(weights, 0.0, frozenset(POLITICAL_SECTORS))

    def coded(threshold_model: EventFilter) -> dict[str, list[dict]]:
        out = {}
        for doc, events, p in coded_docs:
            kept = threshold_model.rescore(doc, events, p, p >= relevance.threshold)
            out[doc.article.id] = [e.to_dict() for e in kept]
        return out

    rescored = coded(model)
    base = {doc.article.id: [e.to_dict() for e in events] for doc, events, _ in coded_docs}
    dev0 = judged.score(gold, base, "dev", 0.0)["row"]
    sweep = []
    for t in [x / 100 for x in range(0, 80, 5)]:
        r = judged.score(gold, rescored, "dev", t)["row"]
        sweep.append((t, r))
        print(f"dev t={t:.2f} events {r['events']:5d} precision {r['judged precision']:.3f} "
              f"recall root {r['recall root']:.3f} root+country {r['recall root+source country']:.3f} "
              f"false {r['false events there']}")
    floor = args.keep_recall * dev0["recall root"]
    threshold = max(t for t, r in sweep if r["recall root"] >= floor)
    model.threshold = threshold
    report = {}
    for split in ("train", "dev", "check"):
        before = judged.score(gold, base, split, 0.0)["row"]
        after = judged.score(gold, rescored, split, threshold)["row"]
        report[split] = {k: [round(before[k], 3), round(after[k], 3)] for k in
                         ("judged precision", "precision conf≥0.5", "recall root", "recall root+source country")
                         if before[k] is not None and after[k] is not None}
        print(split, report[split])
    model.meta = {"trained_on": "judged real-news events and annotated sentences, train split",
                  "labelled_events": len(train), "l2": args.l2, "threshold_rule":
                  f"highest threshold keeping {args.keep_recall} of dev recall (root)",
                  "before_after": report}
    model.save(args.out)
    print(f"wrote {args.out}, threshold {threshold}")


if __name__ == "__main__":
    main()
