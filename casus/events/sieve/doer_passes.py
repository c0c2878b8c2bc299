"""Doer passes: a doer the verb's subject does not give — an unknown doer (an agentless passive, an accusation with
no accuser named) and the asker an appeal or demand noun names (docs/CODING.md §10)."""
from __future__ import annotations

from casus.events.roles.arguments import Arg
from casus.events.roles.doers import state_of_named, state_of_people
from casus.events.sieve.draft import Draft
from casus.events.triggers.constructions import accused_without_verb_subject, accuser_named, named_person, own_asker
from casus.model import Actor, ActorMention, ParsedDoc, Token


def accused_standing(ex, d: Draft) -> None:
    """'X stands accused of …', 'X, accused of …': X is the accusation's target; its source is the 'by' phrase, else
    unknown (no source country), as an agentless passive's is."""
    accused = accused_without_verb_subject(d.doc, d.tok) if d.cand.pos == "VERB" else None
    if accused is None or not d.entry.code.startswith("112"):
        return
    by = accuser_named(d.doc, d.tok)
    found = d.index.for_phrase(by.i) if by is not None else []
    d.source = (Arg(found, by, "'by' agent") if found
                else Arg([unknown_source(d.tok)], None, "accused, no accuser named"))
    d.target = Arg(d.index.for_phrase(accused.i), accused, "the one who stands accused")


def passive_unknown_doer(ex, d: Draft) -> None:
    """A passive without agent has an unknown doer; an arrest of a named person, the state of the sentence or story."""
    if not d.source and d.target and _passive(d.doc, d.tok):
        d.source = Arg([unknown_source(d.tok)], None, "passive without agent")
        if d.entry.code[:2] == "17" and (not is_political(d.target) or named_person(d.doc, d.target.token)):
            # "Ingabire was arrested … in Rwanda"; a politician named too ("the party leader Nick Griffin was
            # arrested": the state of the sentence or story arrests), not a pronoun tied to a political body
            d.source = state_of_named(d.doc, d.tok, d.target, ex.place_at, d.index, ex.story) or d.source
    elif not d.source and not d.target and d.entry.code[:2] == "17" and d.cand.pos == "VERB":
        d.source = state_of_people(d.doc, d.tok, ex.place_at, d.index, ex.story)  # "two suspects were arrested"


def appeal_passive_doer(ex, d: Draft) -> None:
    """An act called for in the passive has an unknown doer; the one who asks becomes the source later."""
    if not d.source and d.mod.appeal_head is not None and _passive(d.doc, d.tok):
        d.source = Arg([unknown_source(d.tok)], None, "passive without agent")


def asked_in_noun(ex, d: Draft) -> None:
    """An act asked for in an appeal or demand noun that names its asker is asked by that asker, whatever verb takes the
    noun ('welcomed Germany's calls for sanctions': Germany asks for sanctions; France welcomes; a rejected appeal is
    the rejection's object, candidate pass `rejected_appeal`). The act's own subject, or a doer inside the noun's
    phrase, stays: it is the one asked ('its demand that the army withdraw …')."""
    head = d.mod.appeal_head
    if head is None or own_asker(d.doc, head) is None:
        return
    own = d.source.token is not None and (d.source.token.head == d.tok.i or any(
        x.i == d.source.token.i for x in d.doc.subtree(head.i)))
    if not own:  # a doer borrowed from the reacting verb is not the asker; the act's own subject is the one asked
        asker, _ = ex.roles.noun_args(d.doc, head, d.entry, d.index)
        if asker:
            d.source = asker


def is_political(arg: Arg) -> bool:
    """True if some actor of the argument is a state, a known organisation or a group with a sector."""
    return any(m.actor.country or m.actor.code or m.actor.sector for m in arg.mentions)


def _passive(doc: ParsedDoc, tok: Token) -> bool:
    if tok.pos != "VERB":
        return False
    kids = doc.children(tok.i)
    return any(c.dep in ("nsubjpass", "auxpass") for c in kids) and not any(c.dep == "agent" for c in kids)


def unknown_source(tok: Token) -> ActorMention:
    """A doer the text does not name, at the trigger: kind 'unknown', no code, no country."""
    actor = Actor("", tok.idx, tok.idx, name=None, code=None, country=None, sector=[], kind="unknown",
                  reason="passive without agent: the text does not say who acted")
    return ActorMention(tok.i, tok.i, tok.i, actor)
