"""Train the learned event detector (casus/events/triggers/detector.py) on the train split of annotated real-news sentences.

    python scripts/train_detector.py [--gold ../shared/eval/events/judged_realnews/annotated_sentences.jsonl]
        [--extra eval/annotated/sentences.jsonl]
        [--out casus/events/data/detector.npz] [--cache /tmp/detector_docs.pkl] [--propose 0.12] [--beside 1.0] [--judge 0.8]

Parses and grounds the documents of the train and dev splits (never check), takes every token the
detector scores in each annotated sentence with its features, and labels the token an annotated
event's trigger names with the event's root (else 'none'; sentences whose events have no trigger are
left out). Fits a multinomial logistic regression (numpy, L2, full-batch Adam) on train, prints
token-level precision/recall on dev for several proposal thresholds, and writes the model with the
thresholds given (chosen on dev with `casus eval sentences --split dev`). Deterministic.
`--extra` adds the train-split sentences of more annotated files (e.g. this repository's reference
gold, whose texts are read from ../shared/corpus); their dev and check sentences are never used.
"""
from __future__ import annotations

import argparse
import os
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.sentences import documents, load_docs, load_sentences  # noqa: E402
from casus.evaluate.splits import split_of  # noqa: E402
from casus.events.roles.arguments import ActorIndex  # noqa: E402
from casus.events.triggers.detector import DEFAULT_PATH, NONE, Detector, load_evaluative, sentence_features  # noqa: E402
from casus.events.precision.antecedents import nearer_antecedents  # noqa: E402
from casus.events.triggers.triggers import find_candidates  # noqa: E402

SHARED = Path(os.environ.get("CASUS_SHARED", ROOT / ".." / "shared"))
GOLD = SHARED / "eval" / "events" / "judged_realnews" / "annotated_sentences.jsonl"
PETRARCH = SHARED / "reference" / "petrarch2_dictionaries" / "dictionaries" / "CAMEO.2.0.txt"
MIN_COUNT = 2  # a feature seen fewer times in train is left out


def annotated(gold: Path, splits: tuple[str, ...], extras: tuple[Path, ...] = ()) -> tuple[list, list]:
    """The annotated sentences of these splits and their Articles; of each extra file, its train split only."""
    sentences = [s for s in load_sentences(gold) if split_of(s.doc_id) in splits]
    articles = load_docs(gold.parent / "docs.jsonl", {s.doc_id for s in sentences}) if sentences else []
    seen = {a.id for a in articles}
    for extra in extras:
        more = [s for s in load_sentences(extra) if split_of(s.doc_id) == "train" and s.doc_id not in seen]
        more, arts = documents(extra, more)
        sentences += more
        articles += arts
        seen |= {a.id for a in arts}
    return sentences, articles


def grounded(articles: list, cache: Path | None) -> list:
    """(parsed document, actor mentions, place mentions) of every annotated document."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from casus.pipeline import Pipeline

    pipe = Pipeline.load()
    out = [(g.doc, g.actors, g.places) for g in pipe.grounded(articles)]
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def examples(sentences: list, splits: tuple[str, ...], docs: list, lexicon_files: tuple[Path, ...] = ()
             ) -> dict[str, list[tuple[list[str], str, str]]]:
    """(features, label, sentence key) per scored token of the annotated sentences, per split."""
    from casus.events.ontology import Ontology
    from casus.pipeline import load_lexicon

    by_doc: dict[str, list] = {}
    for s in sentences:
        by_doc.setdefault(s.doc_id, []).append(s)
    lexicon = load_lexicon(list(lexicon_files), Ontology.load())
    evaluative = load_evaluative()
    out: dict[str, list] = {sp: [] for sp in splits}
    missed = Counter()
    for doc, actors, places in docs:
        index = ActorIndex(doc, nearer_antecedents(doc, actors), places)
        text = doc.article.text
        for s in by_doc.get(doc.article.id, ()):
            if s.events and not all(e.get("trigger") for e in s.events):
                continue  # the first 200 sentences name no trigger: no token labels
            scored = []
            for sent in doc.sentences:
                if sent.char_end > s.start and sent.char_start < s.end:
                    cands = find_candidates(lexicon, doc, sent.start, sent.end, index)
                    scored.extend(sentence_features(doc, sent.start, sent.end, index, lexicon, cands,
                                                    evaluative))
            labels = {}
            for e in s.events:
                tok = _trigger_token(text, s, e["trigger"], [t for t, _ in scored], e.get("trigger_span"))
                if tok is None:
                    missed[e["root"]] += 1
                else:
                    labels[tok.i] = str(e["root"])[:2]
            key = f"{s.doc_id}@{s.start}"
            out[split_of(s.doc_id)].extend((f, labels.get(t.i, NONE), key) for t, f in scored)
    print(f"annotated triggers not on a scored token, by root: {dict(missed)}", file=sys.stderr)
    return out


def _trigger_token(text: str, s, trigger: str, toks: list, span: list[int] | None = None):
    """The scored token an annotated trigger names: the first verb, else the last noun, of its span."""
    if span is not None:
        inside = [t for t in toks if span[0] <= t.idx < span[1]]
        verbs = [t for t in inside if t.pos == "VERB"]
        return verbs[0] if verbs else (inside[-1] if inside else None)
    low = text[s.start:s.end].lower()
    at = low.find(trigger.lower())
    if at < 0:
        at = low.find(trigger.lower().split()[0]) if trigger.split() else -1
        if at < 0:
            return None
        span = (s.start + at, s.start + at + len(trigger.split()[0]))
    else:
        span = (s.start + at, s.start + at + len(trigger))
    inside = [t for t in toks if span[0] <= t.idx < span[1]]
    verbs = [t for t in inside if t.pos == "VERB"]
    return verbs[0] if verbs else (inside[-1] if inside else None)


def fit(rows: list[tuple[list[str], str, str]], l2: float = 1e-3, epochs: int = 300, seed: int = 0) -> Detector:
    """Multinomial logistic regression over the rows' features (full-batch Adam)."""
    counts = Counter(x for f, _, _ in rows for x in set(f))
    names = sorted(x for x, n in counts.items() if n >= MIN_COUNT)
    vocab = {x: i for i, x in enumerate(names)}
    classes = [NONE] + sorted({y for _, y, _ in rows if y != NONE})
    cls = {c: i for i, c in enumerate(classes)}
    ids = [[vocab[x] for x in f if x in vocab] for f, _, _ in rows]
    flat = np.array([i for r in ids for i in r], dtype=np.int64)
    owner = np.repeat(np.arange(len(ids)), [len(r) for r in ids])
    y = np.array([cls[lab] for _, lab, _ in rows])
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.01, (len(names), len(classes))).astype(np.float64)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    onehot = np.eye(len(classes))[y]
    for step in range(1, epochs + 1):
        scores = np.zeros((len(ids), len(classes)))
        np.add.at(scores, owner, w[flat])
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        d = (p - onehot) / len(ids)
        grad = np.zeros_like(w)
        np.add.at(grad, flat, d[owner])
        grad += l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    keep = np.abs(w).max(axis=1) >= 0.02  # features the model barely uses are left out of the file
    kept = [n for n, k in zip(names, keep) if k]
    return Detector({n: i for i, n in enumerate(kept)}, w[keep].astype(np.float32), classes, evaluative={})


def report(det: Detector, rows: list[tuple[list[str], str, str]], name: str) -> None:
    """Token-level precision and recall of proposals (any token, root right) at several thresholds."""
    probs = det.probabilities([f for f, _, _ in rows])
    gold = [lab for _, lab, _ in rows]
    n_gold = sum(g != NONE for g in gold)
    roots = np.array([c != NONE for c in det.classes])
    for th in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
        best = np.argmax(np.where(roots, probs, -1.0), axis=1)
        pred = [det.classes[k] if p[k] >= th else NONE for k, p in zip(best, probs)]
        tp = sum(p == g != NONE for p, g in zip(pred, gold))
        n_pred = sum(p != NONE for p in pred)
        print(f"{name} th {th}: proposed {n_pred}, right root {tp}, precision {tp / max(n_pred, 1):.2f}, "
              f"recall {tp / max(n_gold, 1):.2f} of {n_gold}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="another annotated-sentences file whose train split is added (repeatable)")
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the parsed documents (reused when present)")
    ap.add_argument("--propose", type=float, default=0.12)
    ap.add_argument("--drop", type=float, default=1.0)
    ap.add_argument("--judge", type=float, default=0.8, help="drop threshold for user / PETRARCH lexicon candidates")
    ap.add_argument("--beside", type=float, default=1.0, help="proposal threshold where the lexicon has a candidate")
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--petrarch", type=Path, default=PETRARCH,
                    help="a PETRARCH verb dictionary whose candidates the model also learns to weigh (if present)")
    args = ap.parse_args()
    if not args.gold.exists():
        sys.exit(f"{args.gold}: no annotated sentences (set CASUS_SHARED)")
    for extra in args.extra:
        if not extra.exists():
            sys.exit(f"{extra}: no such annotated-sentences file")
    sentences, articles = annotated(args.gold, ("train", "dev"), tuple(args.extra))
    docs = grounded(articles, args.cache)
    data = examples(sentences, ("train", "dev"), docs)
    rows = list(data["train"])
    if args.petrarch is not None and args.petrarch.exists():  # so that the model also weighs its proposals
        wide = examples(sentences, ("train", "dev"), docs, (args.petrarch,))
        rows += wide["train"]
    det = fit(rows, l2=args.l2)
    report(det, data["train"], "train")
    report(det, data["dev"], "dev")
    if args.petrarch is not None and args.petrarch.exists():
        report(det, wide["dev"], "dev, with PETRARCH's verbs")
    det.propose, det.drop, det.judge, det.beside = args.propose, args.drop, args.judge, args.beside
    det.save(args.out, {"trained_on": "annotated_sentences.jsonl train split"
                        + "".join(f" + {x.name} train split" for x in args.extra)
                        + (" (package lexicon, and with PETRARCH's CAMEO.2.0 verbs)" if len(rows) > len(data["train"])
                           else ""), "l2": args.l2, "tokens": len(rows)})
    print(f"wrote {args.out}: {len(det.vocab)} features × {len(det.classes)} classes", file=sys.stderr)


if __name__ == "__main__":
    main()
