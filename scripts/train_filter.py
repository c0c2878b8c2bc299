"""Build casus/events/data/filter.json: the confidence that an event is right on real news.

Data (read from ../shared, never copied): three judged sets, ../shared/eval/events/judged_realnews
(events of an older casus, and annotated sentences), this project's eval/judged/candidates.jsonl
with its verdicts (texts read from ../shared/corpus by scripts/judged_folder.py) and this project's
annotated sentences, eval/annotated/sentences.jsonl (every sentence of 62 documents; texts read from
../shared/corpus). Today's casus codes
their documents (with the ranker, without the filter); each of its events is labelled by the judged
event it matches (same document, overlapping trigger, same root: the mean verdict 1 / 0.5 / 0) or,
failing that, by an annotated sentence it falls in (no annotated event of its root: 0; the root with
the doer's country or none given: 1; the root with another country: 0.5). Events with neither are
not used; how many match is printed and kept in the model's meta. The sentences of the dev gold
files (plover_gsr, cameo_codebook_examples, penta_dev: each holds an event, coded alone) add events
labelled by their class (1 when the gold root or penta class, else 0), weighed --dev-weight; they
teach the model what a sentence given alone looks like (feature `short_text`).

A logistic model (casus.events.ranking.ranker.fit) is fitted on the TRAIN split of the three judged sets
and those sentences. The default threshold is chosen on the DEV split: the one with the best F0.5
on dev's labelled events (precision: mean label of the events kept; recall: the kept share of the
labels' sum), among thresholds that lose no more than 0.02 of coverage or accuracy on the dev gold
files against casus without gates and filter. Figures for train, dev and check are printed (check
is only scored). Deterministic: the same data and code give the same file.

    python scripts/train_filter.py [--shared ../shared] [--cache /tmp/casus-judged-cache]
        [--out casus/events/data/filter.json]
"""
from __future__ import annotations

import argparse
import sys
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


def gold_sets(shared: Path) -> list[tuple[str, judged.JudgedGold]]:
    """(name, gold) of the three judged sets: ../shared's judged_realnews, this project's eval/judged and eval/annotated."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from judged_folder import project_gold

    docs, rows = project_gold()
    return [("judged_realnews", judged.load_gold(shared / "eval" / "events" / "judged_realnews")),
            ("judged_casus", judged.JudgedGold(list(docs.values()), rows, [])),
            ("annotated_casus", annotated_gold(ROOT / "eval" / "annotated" / "sentences.jsonl"))]


def annotated_gold(path: Path) -> judged.JudgedGold:
    """This project's annotated sentences (references into ../shared/corpus) as a judged set without judged events."""
    from casus.evaluate.sentences import documents, load_sentences

    sentences, articles = documents(path, load_sentences(path))
    return judged.JudgedGold([{"id": a.id, "text": a.text} for a in articles], [],
                             [{"doc_id": s.doc_id, "sentence": [s.start, s.end], "events": s.events} for s in sentences])


def f_beta(pairs: list[tuple[float, float]], t: float, beta: float = 0.5) -> tuple[float, float, float]:
    """(precision, recall, F-beta) of the labelled events kept at threshold t; recall against all of them."""
    kept = [y for p, y in pairs if p >= t]
    total = sum(y for _, y in pairs)
    if not kept or not total:
        return 0.0, 0.0, 0.0
    prec, rec = sum(kept) / len(kept), sum(kept) / total
    return prec, rec, (1 + beta ** 2) * prec * rec / (beta ** 2 * prec + rec) if prec + rec else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "casus" / "events" / "data" / "filter.json")
    ap.add_argument("--cache", type=Path, default=ROOT / ".casus-cache",
                    help="parsed documents are kept here, one folder per judged set")
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--dev-weight", type=float, default=0.5)
    ap.add_argument("--threshold", type=float, default=None,
                    help="Ship this default --min-confidence instead of the one chosen on dev.")
    ap.add_argument("--dump", type=Path, help="Also write (set, split, label, features) per labelled event here.")
    args = ap.parse_args()
    if not (args.shared / "eval" / "events" / "judged_realnews").is_dir():
        sys.exit(f"{args.shared}: no eval/events/judged_realnews (pass --shared)")
    from casus.pipeline import Pipeline

    golds = gold_sets(args.shared)
    pipe = Pipeline.load(min_confidence=0.0)
    relevance, pipe.event_filter = pipe.relevance, None
    rows, labels, splits, sets, coded_docs = [], [], [], [], {}
    matched: dict[str, dict[str, dict[str, int]]] = {}
    for name, gold in golds:
        sents = gold.sentences_by_doc
        coded_docs[name] = []
        counts = matched[name] = {sp: {"events": 0, "judged event": 0, "annotated sentence": 0, "neither": 0}
                                  for sp in ("train", "dev", "check")}
        for doc in judged.parsed_docs(gold, pipe, args.cache / name):
            g = pipe.ground(doc)
            events = pipe.events(g)
            p = relevance.judge(doc.article.text)
            coded_docs[name].append((doc, events, p))
            split = split_of(doc.article.id)
            for e in events:
                d = e.to_dict()
                j = judged.match(d, gold.by_doc.get(doc.article.id, []))
                y = label(d, gold, sents.get(doc.article.id, []))
                counts[split]["events"] += 1
                counts[split]["judged event" if j is not None else "neither" if y is None else "annotated sentence"] += 1
                if y is None:
                    continue
                same = [o for o in events if o.sentence == e.sentence]
                rows.append(features(doc, e, same, p))
                labels.append(y)
                splits.append(split)
                sets.append(name)
        for sp, c in counts.items():
            print(f"{name} {sp}: {c['events']} events of today's casus; matched a judged event {c['judged event']}, "
                  f"labelled by an annotated sentence {c['annotated sentence']}, neither {c['neither']}")
    if args.dump:
        import json

        with open(args.dump, "w", encoding="utf-8") as fh:
            for r, y, sp, st in zip(rows, labels, splits, sets):
                fh.write(json.dumps({"set": st, "split": sp, "label": y, "features": r}) + "\n")
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

    def rescored(name: str, gold: judged.JudgedGold) -> tuple[dict[str, list[dict]], list[tuple[float, float]]]:
        """Coded documents with the model's confidence, and (confidence, label) of dev's labelled events."""
        out, pairs = {}, []
        sents = gold.sentences_by_doc
        for doc, events, p in coded_docs[name]:
            kept = model.rescore(doc, events, p, p is None or p >= relevance.threshold)
            out[doc.article.id] = [e.to_dict() for e in kept]
            if split_of(doc.article.id) == "dev":
                for d in out[doc.article.id]:
                    y = label(d, gold, sents.get(doc.article.id, []))
                    if y is not None:
                        pairs.append((d["confidence"], y))
        return out, pairs

    after, base, dev_pairs = {}, {}, []
    for name, gold in golds:
        after[name], pairs = rescored(name, gold)
        dev_pairs += pairs
        base[name] = {doc.article.id: [e.to_dict() for e in events] for doc, events, _ in coded_docs[name]}

    def dev_files_hold(t: float) -> bool:
        for name, (items, gs, bare, gated) in dev_events.items():
            before = gold_events.score(items, bare, ontology)
            kept = [[e for e in model.rescore(g.doc, evs) if e.confidence >= t] for g, evs in zip(gs, gated)]
            now = gold_events.score(items, kept, ontology)
            lost = {k: before[k] - now[k] for k in DEV_FIGURES if before.get(k) is not None}
            print(f"  t={t:.2f} {name}: " + ", ".join(f"{k} {now[k]:.3f} ({-v:+.3f})" for k, v in lost.items()))
            if any(v > 0.02 for v in lost.values()):
                return False
        return True

    best = (f_beta(dev_pairs, 0.0)[2], 0.0)
    for t in [x / 100 for x in range(0, 80, 5)]:
        prec, rec, f = f_beta(dev_pairs, t)
        print(f"dev t={t:.2f}: {sum(p >= t for p, _ in dev_pairs)} of {len(dev_pairs)} labelled events kept, "
              f"precision {prec:.3f} recall {rec:.3f} F0.5 {f:.3f}")
        if f > best[0] + 1e-9 and dev_files_hold(t):
            best = (f, t)
    chosen = best[1]
    model.threshold = chosen if args.threshold is None else args.threshold
    report: dict[str, dict] = {}
    for name, gold in golds:
        for split in ("train", "dev", "check"):
            b = judged.score(gold, base[name], split, 0.0)["row"]
            a = judged.score(gold, after[name], split, model.threshold)["row"]
            report[f"{name} {split}"] = {k: [round(b[k], 3), round(a[k], 3)] for k in
                                         ("events", "judged precision", "precision conf≥0.5", "recall root",
                                          "recall root+source country") if b[k] is not None and a[k] is not None}
            print(name, split, report[f"{name} {split}"])
    model.meta = {"trained_on": "today's casus events on three judged sets (judged_realnews, eval/judged, eval/annotated), "
                                "labelled by matching judgments, train split; dev gold sentences",
                  "labelled_events": len(train), "matched": matched, "l2": args.l2,
                  "threshold_rule": "best F0.5 on dev's labelled events, dev gold files within 0.02",
                  "chosen_on_dev": chosen, "before_after (events, figures at 0 / at the threshold)": report}
    model.save(args.out)
    print(f"wrote {args.out}, threshold chosen on dev {chosen}, shipped {model.threshold}")


if __name__ == "__main__":
    main()
