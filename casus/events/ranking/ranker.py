"""A trained re-ranker: which candidate event of a sentence a coder would pick.

A logistic regression over named features of each candidate (trigger lemma, CAMEO root,
mode, clause role, resolved actors, the rule confidence and the other candidates of the
sentence) gives the probability that the event carries the sentence's gold class. The
weights live in `data/ranker.json` (format in `data/ranker.md`), built by
`scripts/train_ranker.py` from the dev gold files only.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from casus.model import Event, ParsedDoc, Token

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "ranker.json"
FORMAT = "casus-ranker/1"


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def trigger_token(doc: ParsedDoc, event: Event) -> Token | None:
    """The token whose characters start the event's trigger."""
    for t in doc.tokens:
        if t.idx == event.trigger.start:
            return t
    return None


def _depth(doc: ParsedDoc, tok: Token) -> int:
    depth, cur = 0, tok
    while cur.head != cur.i and depth < 15:
        cur, depth = doc.tokens[cur.head], depth + 1
    return depth


def features(doc: ParsedDoc, event: Event, sentence_events: list[Event]) -> dict[str, float]:
    """Named feature values of one event among the events of its sentence."""
    f: dict[str, float] = {"bias": 1.0, "rule_logit": _logit(event.confidence)}
    root = event.cameo.root
    f[f"root={root}"] = 1.0
    f[f"mode={event.mode}"] = 1.0
    f[f"codelen={len(event.cameo.code)}"] = 1.0
    tok = trigger_token(doc, event)
    if tok is not None:
        lemma = tok.lemma.lower()
        f[f"lemma={lemma}"] = 1.0
        f[f"lemma_root={lemma}|{root}"] = 1.0
        f[f"pos={tok.pos}"] = 1.0
        f[f"dep={tok.dep}"] = 1.0
        f["depth"] = min(_depth(doc, tok), 6) / 6
        head = doc.tokens[tok.head]
        f[f"head_dep={head.dep}"] = 1.0 if head.i != tok.i else 0.0
        sent = doc.sentences[tok.sent]
        f["rel_position"] = (tok.i - sent.start) / max(sent.end - sent.start, 1)
    src, tgt = event.source, event.target
    f["src_country"] = float(bool(src and src.country))
    f["src_unknown"] = float(src is None or not (src.code or src.country or src.name))
    f[f"src_kind={src.kind if src else None}"] = 1.0
    f["tgt_present"] = float(tgt is not None)
    f["tgt_country"] = float(bool(tgt and tgt.country))
    f["src_is_tgt_country"] = float(bool(src and tgt and src.country and src.country == tgt.country))
    for s in (src.sector if src else [])[:3]:
        f[f"src_sector={s}"] = 1.0
    others = [e for e in sentence_events if e is not event and e.mode != "negated"]
    f["n_others"] = min(len(others), 4) / 4
    best_other = max((e.confidence for e in others), default=None)
    f["is_rule_top"] = float(best_other is None or event.confidence >= best_other)
    f["margin"] = event.confidence - best_other if best_other is not None else 0.0
    for r in sorted({e.cameo.root for e in others}):
        f[f"root={root}|other={r}"] = 1.0
    if others and tok is not None:
        f["first_trigger"] = float(all(tok.idx <= e.trigger.start for e in others))
    return f


@dataclass
class Ranker:
    """Logistic-regression weights over named features; rescores the events of a document."""

    weights: dict[str, float] = field(default_factory=dict)
    blend: float = 1.0  # share of the model's probability in the new confidence
    meta: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Ranker":
        """Read a model file (the package's own when no path is given)."""
        p = Path(path) if path is not None else DEFAULT_PATH
        with open(p, encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("format") != FORMAT:
            raise ValueError(f"{p}: not a {FORMAT} model file")
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data.get("blend", 1.0)),
                   data.get("meta", {}))

    def save(self, path: Path | str) -> None:
        """Write the model as JSON, weights sorted by name so rebuilds diff cleanly."""
        data = {"format": FORMAT, "blend": self.blend, "meta": self.meta,
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}
        Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def probability(self, feats: dict[str, float]) -> float:
        """P(event carries the class a coder would give the sentence)."""
        return _sigmoid(sum(self.weights.get(k, 0.0) * v for k, v in feats.items()))

    def rescore(self, doc: ParsedDoc, events: list[Event]) -> list[Event]:
        """The events with confidence blended with the model's probability and a reason added."""
        by_sentence: dict[int, list[Event]] = defaultdict(list)
        for e in events:
            by_sentence[e.sentence].append(e)
        out = []
        for e in events:
            p = self.probability(features(doc, e, by_sentence[e.sentence]))
            conf = max(0.01, min(self.blend * p + (1 - self.blend) * e.confidence, 0.99))
            why = f"ranker: p={p:.2f}, confidence {e.confidence:.2f} → {conf:.2f}"
            out.append(replace(e, confidence=conf, reasons=[*e.reasons, why]))
        return out


def fit(rows: list[dict[str, float]], labels: list[float], l2: float = 1.0, iters: int = 30,
        sample_weights: list[float] | None = None) -> dict[str, float]:
    """Weights of an L2-regularised logistic regression fitted by Newton's method (deterministic).

    Labels may be fractions (a half-right event); sample_weights weigh rows (default 1).
    """
    import numpy as np

    names = sorted({k for r in rows for k in r})
    col = {k: j for j, k in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r.items():
            x[i, col[k]] = v
    y = np.asarray(labels, dtype=float)
    sw = np.ones(len(rows)) if sample_weights is None else np.asarray(sample_weights, dtype=float)
    w = np.zeros(len(names))
    reg = np.full(len(names), l2)
    reg[col["bias"]] = 1e-6 if "bias" in col else reg[0]
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (sw * (p - y)) + reg * w
        hess = (x * (sw * p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {k: float(w[col[k]]) for k in names}
