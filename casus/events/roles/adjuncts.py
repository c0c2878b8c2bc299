"""Adjuncts around a predicate that say whose an act is not, or what it is aimed at."""
from __future__ import annotations

from casus.events.roles.arguments import ActorIndex, Arg, prep_objects
from casus.model import ParsedDoc, Token

AIMING = frozenset({"target", "aim", "direct"})  # "missiles targeting / aimed at / directed at X"
BACKGROUND_PREPS = frozenset({"after", "following", "amid", "amidst", "despite", "since", "before"})
REACTION_NOUNS = frozenset({"wake", "aftermath", "response", "retaliation", "reprisal", "revenge", "protest",
                            "reaction"})  # "in retaliation for the killing": the killing is the other side's
CHARGING_VERBS = frozenset({"arrest", "detain", "jail", "imprison", "charge", "sentence", "convict", "indict", "try",
                            "prosecute", "punish", "blame", "fine", "execute", "hang", "extradite", "accuse",
                            "question", "investigate", "sanction"})  # "arrested two men for the bombing"


def background(doc: ParsedDoc, noun: Token) -> bool:
    """True for an act named in a time, reaction or charge adjunct ('after the bombing', 'arrested for the attack')."""
    if any(c.dep == "prep" and c.text.lower() == "with" for c in doc.children(noun.i)):
        return False  # "following a meeting with Abe, Putin said": the clause's subject was the other side
    tok = noun
    for _ in range(4):
        if tok.head == tok.i:
            return False
        head = doc.tokens[tok.head]
        if tok.dep in ("pobj", "pcomp", "dobj") and head.text.lower() in BACKGROUND_PREPS:
            return True
        if tok.dep == "pobj" and head.dep == "prep" and doc.tokens[head.head].lemma.lower() in REACTION_NOUNS:
            return True
        if tok.dep == "pobj" and head.text.lower() in ("for", "with") and (  # "charged two men with murder"
                doc.tokens[head.head].lemma.lower() in CHARGING_VERBS):
            return True  # the charge: done by the one charged, if by anyone
        if tok.dep not in ("conj", "compound"):
            return False
        tok = head
    return False


def aimed_at(doc: ParsedDoc, holders: list[Token], index: ActorIndex) -> Arg:
    """'fired missiles targeting US troops', 'rockets aimed at Israeli towns': what the act is aimed at."""
    for holder in holders:
        for c in doc.children(holder.i):
            if c.dep not in ("acl", "advcl", "xcomp") or c.lemma.lower() not in AIMING:
                continue
            heads = [g for g in doc.children(c.i) if g.dep == "dobj"] + prep_objects(doc, c, ("at", "against"))
            for h in heads:
                found = [m for m in index.for_phrase(h.i) if m.actor.country or m.actor.code]
                if found:
                    return Arg(found, h, f"aimed at ('{c.text}')")
    return Arg()
