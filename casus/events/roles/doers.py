"""Sources for acts whose text names no doer: the place where it happened says whose they are."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from casus.events.roles.arguments import LOCATIVE_PREPS, ActorIndex, Arg, prep_objects
from casus.events.triggers.constructions import named_person, sentence_country
from casus.events.roles.placing import country_place, place_actor
from casus.events.triggers.triggers import FORCE_ROOTS
from casus.events.ontology import read_words
from casus.model import Actor, ActorMention, ParsedDoc, Token

STATE_ROOTS = frozenset({"09", "17"})  # investigation and coercion: arrests, detentions, deportations
CAPTURE = frozenset({"capture", "seize", "take", "grab"})  # captured in a war zone: by fighters, not the state
PEOPLE_FILE = Path(__file__).resolve().parent.parent / "data" / "people_nouns.txt"
PERSONAL = frozenset({"he", "she", "him", "her", "they", "them"})  # not 'it': a thing or a company
RELATIVE = frozenset({"who", "whom", "that"})


@lru_cache(maxsize=4)
def people_nouns(path: str | Path = PEOPLE_FILE) -> frozenset[str]:
    """Load the nouns that name people in general (one lemma per line, '#' comments)."""
    return read_words(path)


def unnamed_doer(doc: ParsedDoc, tok: Token, code: str, source: Arg, place, place_at: dict, index: ActorIndex) -> Arg:
    """The source of an act with an unknown doer, from the place where it was done; else the source as is.

    'a roadside bombing near the town of X killed …': unidentified armed forces of X's country (UAF);
    'a missionary was arrested in Lebanon': the Lebanese state.
    """
    if len(source.mentions) != 1 or source.mentions[0].actor.kind != "unknown":
        return source
    where = place if place is not None and place.country else place_near(doc, tok, place_at)
    if where is not None and code[:2] in FORCE_ROOTS:
        return Arg([ActorMention(tok.i, tok.i, tok.i, _unidentified(tok, where))], None, source.via)
    if code[:2] in STATE_ROOTS and source.via == "passive without agent" and tok.lemma.lower() not in CAPTURE:
        state = place_actor(where, "state where it was done") if where is not None else _state_in(doc, tok, index)
        if state is not None:
            return Arg([ActorMention(tok.i, tok.i, tok.i, state)], None, "state of the place (agentless passive)")
    return source


def state_of_named(doc: ParsedDoc, tok: Token, target: Arg, place_at: dict, index: ActorIndex,
                   story: tuple[str, str] | None = None) -> Arg:
    """The state acting in an agentless coercive act on a named person: that of the one country the sentence names,
    else the story's country (`casus.actors.story.story_country`: code, why).

    'Ingabire was arrested for collaborating … in Rwanda'; 'Okafor was charged on Friday' in a Nigerian story.
    Runs before the check for a political actor, which the named person and the unknown doer would fail;
    `unnamed_doer` covers the other agentless state acts.
    """
    if not (named_person(doc, target.token) or _personal(target.token)):
        return Arg()
    return _state_acting(doc, tok, place_at, index, story, "a named person")


def state_of_people(doc: ParsedDoc, tok: Token, place_at: dict, index: ActorIndex,
                    story: tuple[str, str] | None = None) -> Arg:
    """The state acting in an agentless coercive act on people no actor names: 'two suspects were arrested',
    'activists who were detained', 'was arrested and charged' (the charge shares the arrest's subject).

    The people are a noun of people_nouns.txt or a personal pronoun; not a thing ('the ship was seized'), not
    a capture (by fighters as often as by the state), not a passive that keeps an object ('customers were
    charged a fee' is no charge at law). The state is that of the sentence's one country, else the story's.
    """
    if tok.lemma.lower() in CAPTURE or any(c.dep == "dobj" for c in doc.children(tok.i)):
        return Arg()
    patient = passive_patient(doc, tok)
    if patient is None or not (patient.lemma.lower() in people_nouns() or _personal(patient) or _people_actor(
            index, patient)):
        return Arg()
    return _state_acting(doc, tok, place_at, index, story, "people")


def passive_patient(doc: ParsedDoc, tok: Token) -> Token | None:
    """The one a passive verb acts on: its passive subject, the noun a relative 'who' stands for, or for a
    verb joined to a passive one with no subject of its own ('was arrested and charged'), that one's."""
    subj = next((c for c in doc.children(tok.i) if c.dep == "nsubjpass"), None)
    if subj is None and tok.dep == "conj" and tok.tag == "VBN" and tok.head != tok.i and not any(
            c.dep in ("nsubj", "nsubjpass", "agent") for c in doc.children(tok.i)):
        head = doc.tokens[tok.head]
        if head.pos == "VERB" and any(c.dep == "auxpass" for c in doc.children(head.i)) and not any(
                c.dep == "agent" for c in doc.children(head.i)):
            subj = next((c for c in doc.children(head.i) if c.dep == "nsubjpass"), None)
            tok = head
    if subj is not None and subj.text.lower() in RELATIVE and tok.dep == "relcl" and tok.head != tok.i:
        subj = doc.tokens[tok.head]  # "protesters who were arrested"
    return subj


def _people_actor(index: ActorIndex, tok: Token) -> bool:
    """True for people an actor table knows by a role of theirs ('activists', 'students'), not a body or a state."""
    m = index.at(tok.i)
    return m is not None and m.actor.kind in ("person", "group")


def _personal(tok: Token | None) -> bool:
    return tok is not None and tok.tag == "PRP" and tok.text.lower() in PERSONAL


def _state_acting(doc: ParsedDoc, tok: Token, place_at: dict, index: ActorIndex, story: tuple[str, str] | None,
                  whom: str) -> Arg:
    """The state of the sentence's one country, else of the story's country, as the doer of an agentless act."""
    where = sentence_country(doc, tok, place_at, index)
    if where is not None:
        why = f"a state act without agent: the state of {where[1]}, named in the sentence"
    elif story is not None:
        where, why = (story[0], story[0]), f"a state act without agent on {whom}: the story's country ({story[1]})"
    else:
        return Arg()
    state = Actor("", tok.idx, tok.idx, name=where[1], code=where[0], country=where[0], kind="state", reason=why)
    return Arg([ActorMention(tok.i, tok.i, tok.i, state)], None, "state of the country named")


def place_near(doc: ParsedDoc, tok: Token, place_at: dict):
    """A place with a country after 'in/near/outside (of) …' on the predicate or the verb it is the doer of.

    'a bombing near the town of X', 'killed by a bomb outside of X'.
    """
    if tok.dep == "compound" and tok.head != tok.i:  # "a car bomb explosion in X"
        tok = doc.tokens[tok.head]
    holders = [tok] + [doc.tokens[tok.head] for _ in [0] if tok.dep == "nsubj"]
    holders += [doc.tokens[doc.tokens[tok.head].head] for _ in [0] if tok.dep == "pobj" and (
        doc.tokens[tok.head].text.lower() in ("by", "in"))]
    holders += [c for c in doc.children(tok.i) if c.dep == "advcl" and any(  # "killed 23 … when they blew themselves up in X"
        g.dep == "advmod" and g.text.lower() == "when" or g.dep == "mark" and g.text.lower() in ("when", "as")
        for g in doc.children(c.i))]
    preps = [p for h in holders for p in prep_objects(doc, h, tuple(LOCATIVE_PREPS))]
    preps += [g for h in holders for c in doc.children(h.i) if c.dep == "prep" and c.text.lower() in LOCATIVE_PREPS
              for g in prep_objects(doc, c, ("of",))]  # "outside of the city of Basra"
    return country_place(place_at, (t for pobj in preps for t in [pobj] + prep_objects(doc, pobj, ("of",))))


def _state_in(doc: ParsedDoc, tok: Token, index: ActorIndex) -> Actor | None:
    """The country named after 'in' on a verb ('was arrested in Lebanon'), as the state acting there."""
    for pobj in prep_objects(doc, tok, ("in", "inside")):
        m = index.at(pobj.i)
        if m is not None and m.actor.kind == "state" and m.actor.country and m.actor.code == m.actor.country:
            a = m.actor
            return Actor(a.text, a.start, a.end, name=a.name, code=a.country, country=a.country, kind="state",
                         reason=f"state where it was done: {a.text}")
    return None


def _unidentified(tok: Token, place) -> Actor:
    """Unidentified armed forces of the country where an act of force with no named doer happened."""
    return Actor("", tok.idx, tok.idx, name=None, code=f"{place.country}UAF", country=place.country, sector=["UAF"],
                 kind="unknown", reason=f"no named doer: unidentified armed forces in {place.name}")
