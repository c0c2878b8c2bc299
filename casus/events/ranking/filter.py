"""Confidence that an event is right on real news, and the events kept by default.

A logistic model over named features of each coded event (its root and mode, the trigger's part of
speech and frame, what the source is and how it was found, where in the document the event sits,
the ranker's score, how political the document reads) gives the probability that an analyst keeps
the event. It is trained by `scripts/train_filter.py` on casus's events on real news judged by
reading and on events in sentences annotated with every event they hold (most hold none), so it
has seen negatives. Weights, the default threshold and the political-sector list live in
`data/filter.json` (format in `data/FORMAT.md`, "Event filter").

Two gates run before the model (docs/CODING.md §8):
- *political doer in non-political text*: when the relevance model (`relevance.py`) calls the
  document non-political, an event survives only if a coded political actor does it;
- the model's probability becomes the event's `confidence`; `Pipeline` drops events below the
  threshold (`--min-confidence`, 0 keeps all).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from casus.events.extract import LIGHT_VERBS as EXTRACT_LIGHT_VERBS
from casus.events.ranking.model_file import read_model
from casus.events.ranking.ranker import _logit, _sigmoid, trigger_token
from casus.model import Actor, Event, ParsedDoc, Token

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "filter.json"
FORMAT = "casus-filter/1"
# verbs whose subject does the act their object names: the extractor's light verbs and these
LIGHT_VERBS = EXTRACT_LIGHT_VERBS | frozenset({
    "undertake", "renew", "broker", "declare", "stop", "stag", "escalate", "intensify", "complete", "accept",
    "reject", "table", "submit", "issue", "file", "lodge", "call", "confirm", "attempt", "join", "attend", "tell",
    "lay", "face", "release", "second", "host", "convene", "organise", "organize", "lead", "unveil", "present",
    "perform", "approve", "adopt", "pass"})
ARG_PREPS = frozenset({"of", "between", "with", "by", "to", "against", "on", "from"})
POLITICAL_KINDS = frozenset({"state", "igo"})
QUOTED = re.compile(r"'[^']*'")


def _political_actor(actor: Actor | None, sectors: frozenset[str]) -> bool:
    """A coded state, IGO or an actor whose sector CAMEO codes as political."""
    if actor is None or not actor.code:
        return False
    return actor.kind in POLITICAL_KINDS or bool(set(actor.sector) & sectors)


def noun_frame(doc: ParsedDoc, tok: Token) -> str:
    """How an eventive noun stands: done by a light verb's subject, with its own arguments, or in passing.

    Its own arguments: a possessor ("Peru's visit"), a name before it ("a Trump lawsuit", "Tory demands"),
    or a preposition naming a party ("talks between X and Y", "an appeal by X").
    A noun that modifies, renames or is listed with another ("a mediation mission", "the intifada
    (uprising)", "aid and assistance") stands as that noun does.
    """
    for _ in range(3):
        if tok.dep not in ("compound", "appos", "nmod", "conj") or tok.head == tok.i:
            break
        tok = doc.tokens[tok.head]
    head = doc.tokens[tok.head]
    kids = doc.children(tok.i)
    if tok.dep in ("dobj", "nsubjpass") and head.i != tok.i and head.lemma.lower() in LIGHT_VERBS:
        return "light_verb"
    if any(c.dep == "poss" or c.dep in ("compound", "amod") and c.pos == "PROPN" for c in kids) or any(
            c.dep == "prep" and c.text.lower() in ARG_PREPS and any(g.dep == "pobj" for g in doc.children(c.i))
            for c in kids):
        return "own_args"
    if tok.dep in ("nsubj", "ROOT") or head.i == tok.i:
        return "subject"
    if tok.dep == "pobj":
        return "prep_object"
    return "passing"


def months_before_report(event: Event, report: date | None) -> int | None:
    """Whole months from the end of the period the event is dated to until the report date (None when either is unknown).

    Only dates the text gives (explicit or relative) count: an event dated to the report itself is 0 or None.
    """
    d = event.date
    if report is None or d is None or d.basis not in ("explicit", "relative") or not d.value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?", d.value)
    if m is None:
        return None
    end = int(m.group(1)) * 12 + (int(m.group(2)) if m.group(2) else 12)
    return report.year * 12 + report.month - end


def _via(reasons: list[str], role: str) -> str | None:
    for r in reasons:
        if r.startswith(role + " ("):
            return QUOTED.sub("W", r[len(role) + 2:].split("):", 1)[0])[:40]
    return None


def features(doc: ParsedDoc, event: Event, sentence_events: list[Event], relevance: float | None) -> dict[str, float]:
    """Named feature values of one event: what it is, how it was found (the sieve passes that shaped it), where it
    stands, how political its text is."""
    root = event.cameo.root
    f: dict[str, float] = {"bias": 1.0, "rank_logit": _logit(event.confidence), f"root={root}": 1.0,
                           f"mode={event.mode}": 1.0, f"codelen={len(event.cameo.code)}": 1.0}
    tok = trigger_token(doc, event)
    if tok is not None:
        f[f"pos={tok.pos}"] = 1.0
        f[f"lemma={tok.lemma.lower()}"] = 1.0
        f[f"dep={tok.dep}"] = 1.0
        if tok.pos == "NOUN":
            f[f"noun_frame={noun_frame(doc, tok)}"] = 1.0
        sent = doc.sentences[tok.sent]
        f["headline"] = float(tok.sent == 0)
        f["sentence_rank"] = min(tok.sent, 20) / 20
        f["in_quote"] = float('"' in doc.article.text[sent.char_start:tok.idx] or
                              "\u201c" in doc.article.text[sent.char_start:tok.idx])
    src, tgt = event.source, event.target
    f[f"src_kind={src.kind if src else None}"] = 1.0
    f["src_code"] = float(bool(src and src.code))
    f["src_country"] = float(bool(src and src.country))
    for s in (src.sector if src else [])[:3]:
        f[f"src_sector={s}"] = 1.0
    f[f"src_via={_via(event.reasons, 'source')}"] = 1.0
    f[f"tgt_via={_via(event.reasons, 'target')}"] = 1.0
    f["tgt_code"] = float(bool(tgt and tgt.code))
    for r in event.reasons:  # the sieve's optional passes that shaped the event: a class of construction
        if r.startswith("passes: "):
            for name in r[len("passes: "):].split(", "):
                f[f"pass={name}"] = 1.0
    f["src_coref"] = float(bool(src and src.reason and src.reason.startswith("coref")))
    f[f"date={event.date.basis if event.date else None}/{event.date.precision if event.date else None}"] = 1.0
    before = months_before_report(event, doc.article.report_date)
    if before is not None and before >= 6:
        f["dated_before_report"] = 1.0  # told as background: six months or more before the report
    f["folded"] = min(event.mentions - 1, 3) / 3
    f["n_sentence_events"] = min(len(sentence_events), 5) / 5
    if relevance is not None:
        f["relevance_logit"] = _logit(relevance)
    else:
        f["short_text"] = 1.0  # a sentence or headline coded alone: no document to read
    return f


@dataclass
class EventFilter:
    """The trained model, its default threshold and the sectors counted as political."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.0
    political_sectors: frozenset[str] = frozenset()
    meta: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | str | None = None) -> "EventFilter":
        """Read a model file (the package's own when no path is given)."""
        data, weights = read_model(path, DEFAULT_PATH, FORMAT)
        return cls(weights, float(data.get("threshold", 0.0)),
                   frozenset(data.get("political_sectors", [])), data.get("meta", {}))

    def save(self, path: Path | str) -> None:
        """Write the model as JSON, weights sorted by name so rebuilds diff cleanly."""
        data = {"format": FORMAT, "threshold": self.threshold, "political_sectors": sorted(self.political_sectors),
                "meta": self.meta,
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}
        Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def probability(self, feats: dict[str, float]) -> float:
        """P(an analyst keeps the event)."""
        return _sigmoid(sum(self.weights.get(k, 0.0) * v for k, v in feats.items()))

    def political_doer(self, event: Event) -> bool:
        """True when a coded political actor does the event."""
        return _political_actor(event.source, self.political_sectors)

    def rescore(self, doc: ParsedDoc, events: list[Event], relevance: float | None = None,
                political_text: bool = True) -> list[Event]:
        """The events with confidence = P(right) and a reason; in non-political text only political doers' events.

        Within a sentence the ranker's order stands: a lower-ranked reading is never more likely right than
        the one above it (its confidence is capped just below that one's).
        """
        if not political_text:
            events = [e for e in events if self.political_doer(e)]
        by_sentence: dict[int, list[Event]] = defaultdict(list)
        for e in events:
            by_sentence[e.sentence].append(e)
        new: dict[int, float] = {}
        for group in by_sentence.values():
            cap = 0.99
            for e in sorted(group, key=lambda e: -e.confidence):
                p = max(0.01, min(self.probability(features(doc, e, group, relevance)), cap))
                new[id(e)] = p
                cap = max(0.01, p - 0.001)
        out = []
        for e in events:
            p = new[id(e)]
            why = f"filter: P(right on real news) {p:.2f}" + ("" if political_text else "; non-political text, political doer")
            out.append(replace(e, confidence=p, reasons=[*e.reasons, why]))
        return out
