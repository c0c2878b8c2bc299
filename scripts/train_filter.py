"""Build casus/events/data/filter.json: the confidence that an event is right on real news.

Data (read from ../shared, never copied): the judged real-news folder. casus codes its documents
(with the ranker, without the filter); each event is labelled by the judged event it matches (same
document, overlapping trigger, same root: the verdict 1 / 0.5 / 0) or, failing that, by an annotated
sentence it falls in (no annotated event of its root: 0; the root with the doer's country or none
given: 1; the root with another country: 0.5). Events with neither are not used. The sentences of
the dev gold files (plover_gsr, cameo_codebook_examples, penta_dev: each holds an event, coded alone)
add events labelled by their class (1 when the gold root or penta class, else 0), weighed
--dev-weight; they teach the model what a sentence given alone looks like (feature `short_text`).
A logistic model (casus.events.ranking.ranker.fit) is fitted on the train split of the judged documents
and those sentences; the default threshold is chosen on the judged dev split: the highest one that
keeps at least --keep-recall of dev's unfiltered annotated-event recall and loses no more than
0.02 of coverage or accuracy on the dev gold files against casus without gates and filter. Figures
for train, dev and check are printed (check is only scored).

    python scripts/train_filter.py [--shared ../shared] [--out casus/events/data/filter.json]
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate import events as gold_events  # noqa: E402
from casus.evaluate import judged  # noqa: E402
from casus.evaluate.splits import split_of  # noqa: E402
from casus.events.ranking.filter import EventFilter, features  # noqa: E402
from casus.events.precision.gates import GATES  # noqa: E402
from casus.events.ranking.ranker import fit  # noqa: E402

POLITICAL_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "IGO", "REB", "OPP", "SPY", "INS", "SEP", "UAF",
                     "ELI", "NGO", "IGM", "SPY", "MOD", "RAD", "PRI")


def label(event: dict, gold: judged.JudgedGold, sentences: list[dict]) -> float | None:
    """The verdict of the matched judged event, else the label its annotated sentence gives, else None."""
    j = judged.match(event, gold.by_doc.get(event["doc_id"], []))
    if j is not None:
        return float(j["verdict"])
    labels = [judged.sentence_label(event, s) for s in judged.sentences_of(event, sentences)]
    return max(labels) if labels else None


DEV_FILES = ("plover_gsr.jsonl", "cameo_codebook_examples.jsonl", "penta_dev.jsonl")
DEV_FIGURES = ("coverage", "root acc", "penta acc", "plover acc")


def dev_sentences(shared: Path, pipe) -> list[tuple[str, list, list]]:
    """(file, gold items, grounded sentence) per dev gold file."""
    out = []
    for name in DEV_FILES:
        items = gold_events.load_gold(shared / "eval" / "events" / name)
        articles = [judged.Article(id=i.id, text=i.text, report_date=None, report_date_basis="none") for i in items]
        out.append((name, items, [pipe.ground(d) for d in pipe.parser.parse_many(articles)]))
    return out


def dev_label(item, event, ontology) -> float:
    """1 when the event carries the gold sentence's root (or penta class where only that is given), else 0."""
    if item.code:
        return float(event.cameo.root == item.code[:2])
    return float(ontology.penta(event.cameo.code) == item.penta)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "casus" / "events" / "data" / "filter.json")
    ap.add_argument("--cache", type=Path, default=ROOT / ".casus-cache")
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--keep-recall", type=float, default=0.9)
    ap.add_argument("--dev-weight", type=float, default=0.5)
    ap.add_argument("--threshold", type=float, default=0.0,
                    help="The default --min-confidence to ship (the one chosen on dev is recorded in meta).")
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
        p = relevance.judge(doc.article.text)
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
    ontology = pipe.extractor.ontology
    devs = dev_sentences(args.shared, pipe)
    dev_rows, dev_labels, dev_events = [], [], {}
    for name, items, gs in devs:
        pipe.gates_off = {n for n, _ in GATES}
        bare = [pipe.events(g) for g in gs]
        pipe.gates_off = set()
        gated = [pipe.events(g) for g in gs]
        dev_events[name] = (items, gs, bare, gated)
        for item, g, events in zip(items, gs, gated):
            for e in events:
                dev_rows.append(features(g.doc, e, [o for o in events if o.sentence == e.sentence], None))
                dev_labels.append(dev_label(item, e, ontology))
    print(f"{len(dev_rows)} events of dev gold sentences, mean label {sum(dev_labels) / len(dev_labels):.3f}")
    weights = fit([rows[i] for i in train] + dev_rows, [labels[i] for i in train] + dev_labels, l2=args.l2,
                  sample_weights=[1.0] * len(train) + [args.dev_weight] * len(dev_rows))
    model = EventFilter(weights, 0.0, frozenset(POLITICAL_SECTORS))

    def coded(threshold_model: EventFilter) -> dict[str, list[dict]]:
        out = {}
        for doc, events, p in coded_docs:
            kept = threshold_model.rescore(doc, events, p, p is None or p >= relevance.threshold)
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

    def dev_files_hold(t: float) -> bool:
        for name, (items, gs, bare, gated) in dev_events.items():
            before = gold_events.score(items, bare, ontology)
            kept = [[e for e in model.rescore(g.doc, evs) if e.confidence >= t] for g, evs in zip(gs, gated)]
            after = gold_events.score(items, kept, ontology)
            lost = {k: before[k] - after[k] for k in DEV_FIGURES if before.get(k) is not None}
            print(f"  t={t:.2f} {name}: " + ", ".join(f"{k} {after[k]:.3f} ({-v:+.3f})" for k, v in lost.items()))
            if any(v > 0.02 for v in lost.values()):
                return False
        return True

    threshold = 0.0
    for t, r in sweep:
        if r["recall root"] >= floor and dev_files_hold(t):
            threshold = t
    model.threshold = args.threshold
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
                  "chosen_on_dev": threshold,
                  "before_after": report}
    model.save(args.out)
    print(f"wrote {args.out}, threshold chosen on dev {threshold}, shipped {args.threshold}")


if __name__ == "__main__":
    main()
