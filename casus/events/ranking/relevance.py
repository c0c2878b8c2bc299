"""Is a text about politics? A linear bag-of-words model over words, read from `data/relevance.json`.

The weights are built by `scripts/train_relevance.py` from labelled text in ../shared/corpus (BBC's
politics section against its business, entertainment, sport and tech sections) and the judged
real-news training documents; format in `data/FORMAT.md` ("Relevance model").
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from casus.events.ranking.model_file import read_model

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "relevance.json"
FORMAT = "casus-relevance/1"
WORD = re.compile(r"[a-z][a-z'-]+")
MIN_WORDS = 60  # a shorter text (a sentence, a headline) is too little to call


def bag_of_words(text: str) -> dict[str, float]:
    """Word features of a text: log(1 + count) per lower-cased word, scaled to unit length."""
    counts = Counter(WORD.findall(text.lower()))
    vec = {w: math.log1p(n) for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


@dataclass
class RelevanceModel:
    """Word weights and a bias; a text scores the probability that it reports politics."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5  # below it a text is called non-political
    meta: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | str | None = None) -> "RelevanceModel":
        """Read a model file (the package's own when no path is given)."""
        data, weights = read_model(path, DEFAULT_PATH, FORMAT)
        return cls(weights, float(data["bias"]),
                   float(data.get("threshold", 0.5)), data.get("meta", {}))

    def save(self, path: Path | str) -> None:
        """Write the model as JSON, words sorted so rebuilds diff cleanly."""
        data = {"format": FORMAT, "bias": round(self.bias, 4), "threshold": self.threshold, "meta": self.meta,
                "weights": {k: round(v, 3) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-3}}
        Path(path).write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")

    def probability(self, text: str) -> float:
        """P(the text reports politics)."""
        z = self.bias + sum(self.weights.get(w, 0.0) * v for w, v in bag_of_words(text).items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def judge(self, text: str) -> float | None:
        """P(politics) of a document, or None when it is shorter than MIN_WORDS words."""
        return self.probability(text) if len(text.split()) >= MIN_WORDS else None

    def political(self, text: str) -> bool:
        """True when the model calls the text political."""
        return self.probability(text) >= self.threshold
