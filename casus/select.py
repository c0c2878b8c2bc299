"""The cheap first pass: how much of an article can hold an event, so that only that much is parsed.

An event needs a trigger, and every trigger is a lexicon lemma (or one of the few verbs the
constructions read). The pass lists the word forms the lemmatizer could turn into a live trigger
("met" for meet, "talks" for talk; every word of "air strike"; for a row that needs a certain
object, one of its objects too) and reads each paragraph's words. A paragraph without such a
form cannot hold an event. Among paragraphs with one, a small logistic model over cheap features
(which triggers, actor names from the knowledge base, pronouns, capitals, digits, frequent words)
keeps those that may (`data/selector.json`, built by `scripts/train_selector.py`); a document of
one paragraph keeps any paragraph with a trigger form, so short texts are never cut.

The text is parsed from its start to the end of the last paragraph kept, plus the first words
of the next paragraph as the parser's right context (events found there are dropped); a text
with no paragraph kept is not parsed. Parsing a prefix keeps every earlier sentence, so
coreference, dates and sentence numbers are those of the whole text. See docs/SCALING.md.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casus.model import Article
from casus.pieces import paragraph_starts

MODEL_PATH = Path(__file__).parent / "events" / "data" / "selector.json"
FORMAT = "casus-selector/1"
TAIL_WORDS = 12  # words of the next paragraph parsed as right context

_WORDS = re.compile(r"[A-Za-z]+")
_TAIL = re.compile(r"\S+\s*")
# words of multiword triggers that never decide on their own ("call for", "according to")
_PARTICLES = frozenset({"a", "an", "the", "of", "to", "for", "on", "off", "up", "down", "out", "over", "back",
                        "forward", "in", "into", "with", "away", "by", "at", "from", "as", "and", "s"})
_MONTHS = frozenset({"March", "May", "MARCH", "MAY"})  # capitalised, the month, not the act
_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def trigger_phrases(lexicon, extra: Iterable[str] = ()) -> set[tuple[tuple[str, ...], ...]]:
    """What must occur for each live trigger the extractor can code: its content words, each a tuple of
    alternatives, and for a row that needs a certain object one of its object words (speech rows code
    nothing alone)."""
    phrases: set[tuple[tuple[str, ...], ...]] = {((w,),) for w in extra}
    for entry in lexicon.entries():
        if entry.pos == "SPEECH":
            continue
        words = _WORDS.findall(entry.trigger.lower())
        phrase = tuple((w,) for w in words if w not in _PARTICLES) or tuple((w,) for w in words)
        if entry.requires:
            phrase += (tuple(sorted({w for obj in entry.requires for w in _WORDS.findall(obj.lower())})),)
        phrases.add(phrase)
    return phrases


@dataclass
class SelectorModel:
    """Logistic weights over paragraph features and the probability a paragraph must reach to be parsed."""

    weights: dict[str, float]
    threshold: float
    vocabulary: frozenset[str]
    meta: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> "SelectorModel":
        """Read a model file written by scripts/train_selector.py."""
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("format") != FORMAT:
            raise ValueError(f"{path}: not a {FORMAT} model file")
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]),
                   frozenset(data["vocabulary"]), data.get("meta", {}))

    def save(self, path: Path | str) -> None:
        """Write the model as JSON (weights sorted by name)."""
        data = {"format": FORMAT, "threshold": self.threshold, "vocabulary": sorted(self.vocabulary),
                "meta": self.meta, "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}
        Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    def probability(self, feats: dict[str, float]) -> float:
        """P(the paragraph holds an event)."""
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@dataclass
class Selector:
    """Word forms that may make a trigger, and the model choosing among paragraphs that have one.

    `single` maps a form of a one-word trigger (or cue) to the trigger; `multi` maps a form of the
    first word of a multiword trigger to (trigger, form sets of all its words).
    """

    single: dict[str, str]
    multi: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]]
    is_name: object = None  # word -> True if some actor name is or begins with it
    model: SelectorModel | None = None

    @classmethod
    def build(cls, parser, extractor, kb=None, model: SelectorModel | None | str = "package") -> "Selector":
        """The forms of the extractor's lexicon triggers, of the verbs its constructions read, and of
        the words that let a verb outside the lexicon code ('must' for a demand, 'refused to say')."""
        from casus.events.constructions import EXERCISES, JOIN_VERBS, OBLIGATION, RECEIVE_VERBS
        from casus.events.modality import REFUSE_HEADS
        from casus.events.triggers import PHONING

        extra = {*RECEIVE_VERBS, *JOIN_VERBS, *EXERCISES, *PHONING, *REFUSE_HEADS, *OBLIGATION,
                 "free", "release", "criticize", "provide", "demand"}
        single: dict[str, str] = {}
        multi: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}
        for phrase in sorted(trigger_phrases(extractor.lexicon, extra)):
            forms = tuple(parser.surface_forms(alternatives) for alternatives in phrase)
            name = " ".join(a[0] for a in phrase)
            if len(forms) == 1:
                for form in forms[0]:
                    single.setdefault(form, name)
                continue
            for form in forms[0]:
                multi.setdefault(form, []).append((name, forms))
        if model == "package":
            model = SelectorModel.load() if MODEL_PATH.exists() else None
        is_name = None if kb is None else (lambda w: kb.word_keys(w)[2])
        return cls(single, multi, is_name, model)

    def triggers(self, words: list[str]) -> set[str]:
        """The triggers whose forms occur among these words."""
        low = {w.lower() for w in words if w not in _MONTHS}
        found = {self.single[w] for w in low if w in self.single}
        for w in low:
            for name, forms in self.multi.get(w, ()):
                if all(not low.isdisjoint(f) for f in forms[1:]):
                    found.add(name)
        return found

    def holds(self, text: str) -> bool:
        """True if the text has a word, or all the words of a phrase, that could be a trigger."""
        return bool(self.triggers(_WORDS.findall(text)))

    def features(self, text: str, words: list[str], found: set[str], first: bool) -> dict[str, float]:
        """Named feature values of one paragraph with trigger forms."""
        f: dict[str, float] = {"bias": 1.0, f"n_trig={min(len(found), 3)}": 1.0, "headline": float(first)}
        for name in found:
            f[f"t={name}"] = 1.0
        low = [w.lower() for w in words]
        vocab = self.model.vocabulary if self.model is not None else frozenset()
        for w in set(low):
            if w in _PRONOUNS:
                f["pronoun"] = 1.0
            if w in vocab:
                f[f"w={w}"] = 1.0
        caps = sum(1 for i in range(1, len(words)) if words[i][0].isupper() and words[i - 1][0].islower())
        f[f"caps={min(caps, 4)}"] = 1.0
        if self.is_name is not None:
            names = sum(1 for w in set(words) if len(w) > 1 and self.is_name(w))
            f[f"names={min(names, 4)}"] = 1.0
        tokens = text.split()
        digits = sum(1 for t in tokens if any(c.isdigit() for c in t)) / max(len(tokens), 1)
        f[f"digits={0 if digits == 0 else 1 if digits < 0.1 else 2 if digits < 0.25 else 3}"] = 1.0
        f["quote"] = float('"' in text or "\u201c" in text)
        return f

    def paragraphs(self, text: str) -> list[tuple[int, int, dict[str, float] | None]]:
        """(start, end, features) per paragraph; features None where no trigger form occurs."""
        starts = paragraph_starts(text)
        ends = [*starts[1:], len(text)]
        out = []
        for k, (start, end) in enumerate(zip(starts, ends)):
            words = _WORDS.findall(text, start, end)
            found = self.triggers(words)
            out.append((start, end, self.features(text[start:end], words, found, k == 0) if found else None))
        return out

    def __call__(self, article: Article) -> int:
        """Characters of the text that can hold an event: to the end of the last paragraph kept; 0 for none."""
        paragraphs = self.paragraphs(article.text)
        model = self.model if len(paragraphs) > 1 else None
        for start, end, feats in reversed(paragraphs):
            if feats is not None and (model is None or model.probability(feats) >= model.threshold):
                return end
        return 0


def parse_end(text: str, end: int, words: int = TAIL_WORDS) -> int:
    """Where to stop parsing a prefix ending at `end`: a few words further, as the parser's right context."""
    pos = end
    for _ in range(words):
        m = _TAIL.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return pos
