"""Targets a predicate borrows from the construction around it when its own phrase names none."""
from __future__ import annotations

from casus.events.roles.arguments import ActorIndex, Arg, object_of, prep_objects
from casus.model import ParsedDoc, Token

# "summoned the ambassador to protest": the parser's xcomp, yet the subject protests, to the one summoned
RECEIVING = frozenset({"summon", "meet", "receive", "visit", "host"})


def _named(found: list) -> bool:
    return bool(found) and all(m.actor.country or m.actor.code for m in found)


def _countries(arg: Arg) -> set[str]:
    return {m.actor.country or m.actor.code for m in arg.mentions}


def purpose_object(doc: ParsedDoc, verb: Token, index: ActorIndex, source: Arg) -> Arg:
    """'summoned Niger's ambassador to complain': a purpose clause's act is aimed at the matrix verb's object.

    Not the source's own people or forces ('sent its troops to help'): those are the means, not the target.
    """
    purpose = verb.dep == "advcl" or verb.dep == "xcomp" and doc.tokens[verb.head].lemma.lower() in RECEIVING
    if not purpose or verb.head == verb.i or not any(
            c.dep == "aux" and c.text.lower() == "to" for c in doc.children(verb.i)):
        return Arg()
    obj = object_of(doc, doc.tokens[verb.head])
    found = index.for_phrase(obj.i) if obj is not None else []
    if not _named(found) or (source and _countries(Arg(found)) & _countries(source)):
        return Arg()
    return Arg(found, obj, f"object of '{doc.tokens[verb.head].text}', whose purpose '{verb.text}' states")


def shifted_object(doc: ParsedDoc, verb: Token) -> Token | None:
    """'denounced as a crime Serbia's suppression of …': the object shifted after an 'as' phrase, parsed as apposition."""
    for c in doc.children(verb.i):
        if c.dep == "prep" and c.text.lower() == "as":
            for pobj in (g for g in doc.children(c.i) if g.dep == "pobj"):
                appos = next((g for g in doc.children(pobj.i) if g.dep == "appos"), None)
                if appos is not None:
                    return appos
    return None


def compound_head_target(doc: ParsedDoc, noun: Token, entry, index: ActorIndex) -> Arg:
    """'a mediation effort between X and Y', 'peace talks with X': the head noun carries the act's preposition."""
    if noun.dep != "compound" or noun.head == noun.i or doc.tokens[noun.head].pos != "NOUN":
        return Arg()
    preps = tuple(p for p in entry.target if p not in ("dobj", "-"))
    for pobj in prep_objects(doc, doc.tokens[noun.head], preps):
        found = index.for_phrase(pobj.i)
        if _named(found):
            return Arg(found, pobj, f"'{doc.tokens[pobj.head].text}' object of '{doc.tokens[noun.head].text}'")
    return Arg()


def under_judging_noun(doc: ParsedDoc, noun: Token, verb: Token, lexicon, roots: frozenset[str]) -> bool:
    """True if the noun lies in the phrase of a noun that judges it ('an investigation of arms sales').

    The doer of the investigation, condemnation or rejection did not do what it is about.
    """
    cur = noun
    for _ in range(6):
        if cur.head == cur.i or cur.head == verb.i:
            return False
        cur = doc.tokens[cur.head]
        if cur.pos == "NOUN":
            entry = lexicon.lookup(cur.lemma.lower(), "NOUN")
            if entry is not None and entry.code[:2] in roots:
                return True
    return False


def nested_prep_target(doc: ParsedDoc, tok: Token, index: ActorIndex, preps: tuple[str, ...]) -> Arg:
    """'reneged on his commitment to the Zambian people', 'commit to assistance to the US-led war'.

    A preposition of the verb governing a noun that is no actor (or only the possessive 'his'): that noun's own
    preposition.
    """
    inner_nouns = prep_objects(doc, tok, preps) + [  # "a formula for ending its dispute with X": the act's object
        o for c in doc.children(tok.i) if c.dep == "prep" and c.text.lower() in preps
        for v in doc.children(c.i) if v.dep == "pcomp" for o in [object_of(doc, v)] if o is not None]
    for pobj in inner_nouns:
        if index.at(pobj.i) is not None:
            continue
        for inner in prep_objects(doc, pobj, tuple(p for p in preps if p != "from")):
            found = index.for_phrase(inner.i)
            if _named(found):
                return Arg(found, inner, f"'{doc.tokens[inner.head].text}' object of '{pobj.text}'")
    return Arg()


def aim_of_object(doc: ParsedDoc, obj: Token, index: ActorIndex) -> Arg:
    """'rejected an invitation to attend a meeting of Palestinian factions': the object's stated aim names the target.

    Not when the object has an author ('the Lib Dems' call to open the government's books'): the author is aimed at.
    """
    if any(c.dep == "poss" or c.dep == "prep" and c.text.lower() in ("by", "from") for c in doc.children(obj.i)):
        return Arg()
    for c in doc.children(obj.i):
        if c.dep == "acl" and c.pos == "VERB" and any(g.dep == "aux" and g.text.lower() == "to" for g in doc.children(c.i)):
            inner = object_of(doc, c)
            found = index.for_phrase(inner.i) if inner is not None else []
            if _named(found):
                return Arg(found, inner, f"object of '{c.text}', the aim of '{obj.text}'")
    return Arg()
