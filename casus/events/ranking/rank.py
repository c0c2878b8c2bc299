"""Confidence of a coded event: how sure casus is, and which event of a sentence a coder would pick."""
from __future__ import annotations

from casus.model import ActorMention, ParsedDoc, Token

MODE_WEIGHT = {"asserted": 0.0, "intended": -0.03, "requested": -0.03, "threatened": -0.03,
               "hypothetical": -0.15, "negated": -0.3, "alleged": -0.25, "reported_denial": -0.3}
SUBORDINATE = frozenset({"relcl", "acl", "advcl", "pcomp", "csubj"})


def clause_position(doc: ParsedDoc, tok: Token, is_speech) -> str:
    """'main' when the predicate heads the sentence (or what its speaker says), else 'subordinate' or 'phrase'."""
    cur, noun_in_phrase = tok, False
    for _ in range(12):
        if cur.head == cur.i:
            return "phrase" if noun_in_phrase else "main"
        if cur.dep in ("relcl", "acl") and doc.tokens[cur.head].pos in ("NOUN", "PROPN"):
            return "background"  # "a soldier killed in Afghanistan": said in passing about a noun
        if cur.dep in SUBORDINATE:
            return "subordinate"
        if cur.pos in ("NOUN", "PROPN") and cur.dep == "pobj":
            noun_in_phrase = True
        parent = doc.tokens[cur.head]
        if cur.dep == "ccomp" and is_speech(parent.lemma.lower()):
            return "phrase" if noun_in_phrase else "main"
        cur = parent
    return "subordinate"


def confidence(doc: ParsedDoc, tok: Token, pos: str, code: str, mode: str, source: ActorMention,
               target: ActorMention | None, position: str) -> float:
    """A score in (0, 1): resolved actors, main-clause verbs and specific codes score higher."""
    conf = 0.45
    conf += 0.2 if source.actor.country or source.actor.code else 0.0
    conf += 0.15 if target is not None and (target.actor.country or target.actor.code) else 0.0
    conf += {"main": 0.1, "phrase": -0.05, "subordinate": -0.1, "background": -0.2}[position]
    conf += 0.05 if pos == "VERB" else 0.0
    conf += 0.02 * (len(code) - 2)
    conf += MODE_WEIGHT.get(mode, -0.1)
    if code.startswith("01"):
        conf -= 0.05  # a bare statement is the weakest reading of a sentence
    if source.actor.reason and source.actor.reason.startswith("coref"):
        conf -= 0.03
    return max(0.05, min(conf, 0.99))
