"""Build casus/events/data/relevance.json: a bag-of-words model of political text.

Labelled text (read from ../shared, never copied): BBC News 2004–05, politics (1) against business,
entertainment, sport and tech (0); and the judged real-news documents of Reuters and Wikinews, political
(1) when a judged event of theirs was kept (verdict ≥ 0.5) or an annotated sentence holds an event, not
(0) when they were judged or annotated and nothing was. Documents are split by
casus.evaluate.splits.split_of: the model is fitted on train, its threshold chosen on dev, and its F1
reported on check (held back).

    python scripts/train_relevance.py [--shared ../shared] [--out casus/events/data/relevance.json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.splits import split_of  # noqa: E402
from casus.events.ranking.relevance import RelevanceModel, bag_of_words  # noqa: E402

SECTIONS = ("business", "entertainment", "politics", "sport", "tech")


def examples(shared: Path) -> list[tuple[str, str, int]]:
    """(document id, text, label) for every labelled document."""
    out = []
    bbc = shared / "corpus" / "bbc_news" / "bbc"
    for sec in SECTIONS:
        for p in sorted((bbc / sec).glob("*.txt")):
            out.append((f"bbc/{sec}/{p.name}", p.read_bytes().decode("utf-8", "replace"), int(sec == "politics")))
    judged = shared / "eval" / "events" / "judged_realnews"
    evidence: dict[str, int] = {}
    for line in open(judged / "judged_events.jsonl", encoding="utf-8"):
        r = json.loads(line)
        evidence[r["doc_id"]] = max(evidence.get(r["doc_id"], 0), int(r["verdict"] >= 0.5))
    for line in open(judged / "annotated_sentences.jsonl", encoding="utf-8"):
        r = json.loads(line)
        evidence[r["doc_id"]] = max(evidence.get(r["doc_id"], 0), int(bool(r["events"])))
    for line in open(judged / "docs.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if not r["id"].startswith("bbc/") and r["id"] in evidence:
            out.append((r["id"], r["text"], evidence[r["id"]]))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float, iters: int = 400) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by full-batch gradient descent with momentum (deterministic)."""
    w, b = np.zeros(x.shape[1], dtype=np.float64), 0.0
    vw, vb, lr, n = np.zeros_like(w), 0.0, 2.0, len(y)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w + b, -30, 30)))
        gw = x.T @ (p - y) / n + l2 * w
        gb = float((p - y).mean())
        vw, vb = 0.9 * vw - lr * gw, 0.9 * vb - lr * gb
        w, b = w + vw, b + vb
    return w, b


def f1(p: np.ndarray, y: np.ndarray, t: float) -> float:
    pred = p >= t
    tp = float((pred & (y == 1)).sum())
    prec = tp / max(pred.sum(), 1)
    rec = tp / max((y == 1).sum(), 1)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "casus" / "events" / "data" / "relevance.json")
    ap.add_argument("--vocab", type=int, default=6000)
    ap.add_argument("--l2", type=float, default=1e-4)
    args = ap.parse_args()
    if not (args.shared / "corpus" / "bbc_news").is_dir():
        sys.exit(f"{args.shared}: no corpus/bbc_news (pass --shared)")
    rows = examples(args.shared)
    bags = [bag_of_words(t) for _, t, _ in rows]
    split = [split_of(i) for i, _, _ in rows]
    df = Counter(w for b, s in zip(bags, split) if s == "train" for w in b)
    vocab = [w for w, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 3][: args.vocab]
    col = {w: j for j, w in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    for i, b in enumerate(bags):
        for w, v in b.items():
            if w in col:
                x[i, col[w]] = v
    y = np.array([lab for _, _, lab in rows], dtype=float)
    part = {s: np.array([sp == s for sp in split]) for s in ("train", "dev", "check")}
    w, b = fit(x[part["train"]], y[part["train"]], args.l2)
    prob = 1.0 / (1.0 + np.exp(-(x @ w + b)))
    dev = part["dev"]
    threshold = max((round(t, 2) for t in np.arange(0.1, 0.91, 0.05)), key=lambda t: f1(prob[dev], y[dev], t))
    report = {}
    for s in ("train", "dev", "check"):
        m = part[s]
        bbc = m & np.array([i.startswith("bbc/") for i, _, _ in rows])
        other = m & ~bbc
        report[s] = {"docs": int(m.sum()), "F1": round(f1(prob[m], y[m], threshold), 3),
                     "F1 BBC": round(f1(prob[bbc], y[bbc], threshold), 3),
                     "F1 Reuters+Wikinews": round(f1(prob[other], y[other], threshold), 3)}
        print(s, report[s])
    model = RelevanceModel(dict(zip(vocab, map(float, w))), float(b), float(threshold),
                           {"trained_on": "BBC sections (politics = 1) and judged Reuters/Wikinews train documents",
                            "vocab": len(vocab), "l2": args.l2, "scores": report})
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB), threshold {threshold}")


if __name__ == "__main__":
    main()
