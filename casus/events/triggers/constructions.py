"""Constructions the parser or the lexicon miss: stray subjects, causatives, naming, free relatives, demands."""
from __future__ import annotations

from casus.model import ParsedDoc, Token

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
STRAY_DEPS = frozenset({"advmod", "npadvmod", "dep", "nmod", "compound", "amod"})
CAUSATIVE_HEADS = frozenset({"let", "set"})
RELEASE_RESULTS = frozenset({"free", "go", "loose"})
NAMING_VERBS = frozenset({"call", "label", "brand", "dub"})
# what one calls another to criticise or insult them: "called the minister a liar", "called the move a mistake"
PEJORATIVE = frozenset({
    "stupid", "idiot", "fool", "foolish", "liar", "lying", "criminal", "terrorist", "thug", "dictator", "tyrant",
    "disgrace", "disgraceful", "shameful", "mistake", "failure", "nasty", "incompetent", "corrupt", "racist",
    "murderer", "butcher", "hypocrite", "hypocritical", "clown", "traitor", "puppet", "outrageous", "unacceptable",
    "irresponsible", "absurd", "ridiculous", "provocation", "provocative", "dangerous", "reckless", "illegal",
    "illegitimate", "disaster", "disastrous", "pathetic", "weak", "dumb", "crazy", "insane", "evil", "enemy",
    "threat", "fascist", "nazi", "bully", "gangster", "crook", "loser", "coward", "cowardly", "barbaric",
    "barbarian", "savage", "insult", "farce", "sham", "hoax", "fraud", "lie", "lies",
})
OBLIGATION = frozenset({"must", "should", "ought"})


def stray_subject(doc: ParsedDoc, verb: Token, is_actor) -> Token | None:
    """The subject of a verb the parser hung elsewhere.

    'his government is committed to': on the auxiliary; 'USAID deployed teams': an actor left of a finite
    verb with no subject, taken for a modifier.
    """
    kids = doc.children(verb.i)
    if any(c.dep in ("nsubj", "nsubjpass", "csubj", "expl") for c in kids):
        return None
    for aux in (c for c in kids if c.dep in ("aux", "auxpass") and c.i < verb.i):
        subj = next((g for g in doc.children(aux.i) if g.dep in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    if verb.tag not in FINITE_TAGS:
        return None
    for c in kids:
        if c.i < verb.i and c.dep in STRAY_DEPS and c.pos in ("PROPN", "NOUN", "ADV") and is_actor(c.i):
            return c
    return None


def release_result(doc: ParsedDoc, verb: Token) -> Token | None:
    """'set free 200 prisoners', 'let the sailors go', 'let free X': the result word of a causative release."""
    if verb.lemma.lower() not in CAUSATIVE_HEADS or any(
            c.dep == "prep" and c.text.lower() in ("on", "upon", "against") and not any(
                g.ent_type in ("DATE", "TIME") for g in doc.children(c.i)) for c in doc.children(verb.i)):
        return None  # "set loose on the opposition leader": unleashed to attack, not freed ("on Monday" is a date)
    for c in doc.children(verb.i):
        if c.lemma.lower() in RELEASE_RESULTS and c.dep in ("ccomp", "xcomp", "advcl", "acomp", "oprd", "prt", "advmod"):
            if any(g.dep == "prep" and g.text.lower() in ("of", "on", "upon", "against") or g.lemma.lower() in (
                    "ahead", "forward", "on")
                   for g in doc.children(c.i)):
                return None  # "let go of its plans", "let the talks go ahead": permission, not release
            return c
    obj = next((c for c in doc.children(verb.i) if c.dep == "dobj"), None)
    if obj is not None:  # "set free 200 prisoners": the parser made 'free' the object's adjective
        return next((c for c in doc.children(obj.i) if c.lemma.lower() == "free" and c.i == verb.i + 1), None)
    return None


STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "REB", "INS", "UAF"})


def frees_captives(doc: ParsedDoc, verb: Token, result: Token, index) -> bool:
    """'let go' frees captives only when a state or armed group lets go; a firm letting go of workers dismisses."""
    if result.lemma.lower() != "go":
        return True
    subj = next((c for c in doc.children(verb.i) if c.dep == "nsubj"), None)
    found = index.for_phrase(subj.i) if subj is not None else []
    return any(m.actor.kind in ("state", "igo") or set(m.actor.sector) & STATE_SECTORS for m in found)


def freed_one(doc: ParsedDoc, verb: Token) -> Token | None:
    """Who a causative release frees: the verb's object, else the subject the parser gave the result clause."""
    obj = next((c for c in doc.children(verb.i) if c.dep == "dobj"), None)
    if obj is not None:
        return obj
    result = release_result(doc, verb)
    if result is None:
        return None
    inner = [c for c in doc.children(result.i) if c.dep in ("nsubj", "dobj")]
    return inner[0] if inner else None


def caused_by_release(doc: ParsedDoc, tok: Token) -> bool:
    """True for 'free' in 'let free X': the causative verb above speaks for it."""
    return tok.dep in ("ccomp", "xcomp") and tok.head != tok.i and release_result(doc, doc.tokens[tok.head]) is tok


def naming_insult(doc: ParsedDoc, verb: Token) -> Token | None:
    """'called the ambassador a stupid guy', 'branded X a liar': the one named, when the name insults."""
    if verb.lemma.lower() not in NAMING_VERBS:
        return None
    kids = doc.children(verb.i)
    oprd = next((c for c in kids if c.dep == "oprd"), None)
    named = next((c for c in kids if c.dep == "dative"), None)  # 'branded X a traitor' parsed as two objects
    if oprd is None and named is not None:
        oprd = next((c for c in kids if c.dep == "dobj" and c.pos == "NOUN"), None)
    if oprd is None:
        return None
    words = [oprd] + [g for c in [oprd] + [c for c in doc.children(oprd.i) if c.dep == "appos"]
                      for g in [c] + doc.children(c.i) if g.dep in ("amod", "compound", "appos", "acomp") or g is c]
    if not any(w.lemma.lower() in PEJORATIVE or w.text.lower() in PEJORATIVE for w in words):
        return None
    obj = named if named is not None and oprd.dep == "dobj" else next((c for c in kids if c.dep == "dobj"), None)
    if obj is not None:
        return obj
    return oprd if oprd.pos in ("NOUN", "PROPN") else None  # "called Britain's ambassador a stupid guy": one phrase


HOLDING_VERBS = frozenset({"hold"})
RESPONSIBLE = frozenset({"responsible"})
BLAMING_VERBS = frozenset({"blame"})


def held_responsible(doc: ParsedDoc, verb: Token) -> Token | None:
    """'held the army responsible (for …)', 'holds Israel fully responsible': the one held responsible.

    Holding another responsible is accusing it (112); the parser hangs 'responsible' on the verb (a complement
    with its own subject, or 'oprd') or on the object (an adjective of it).
    """
    if verb.pos != "VERB" or verb.lemma.lower() not in HOLDING_VERBS:
        return None
    kids = doc.children(verb.i)
    obj = next((c for c in kids if c.dep == "dobj"), None)
    for c in kids:
        if c.lemma.lower() in RESPONSIBLE and c.dep in ("oprd", "ccomp", "xcomp", "acomp") and c.i > verb.i:
            inner = next((g for g in doc.children(c.i) if g.dep == "nsubj"), None)
            return inner if inner is not None else obj
    if obj is not None and any(c.lemma.lower() in RESPONSIBLE and c.dep == "amod" and c.i > obj.i
                               for c in doc.children(obj.i)):
        return obj
    return None


DETAINING_VERBS = frozenset({"hold", "keep"})
CUSTODY = {"in": frozenset({"custody", "detention", "prison", "jail", "gaol", "cell", "cells"}),
           "without": frozenset({"charge", "trial"}), "on": frozenset({"suspicion"}),
           "under": frozenset({"arrest"})}  # "held in custody", "held without charge", "held on suspicion of …"


def held_in_custody(doc: ParsedDoc, verb: Token) -> Token | None:
    """'were held in custody', 'has been held without charge', 'police held him on suspicion of …', 'kept in
    detention': holding a person in custody is detaining them (173); returns the custody word (the verb codes the act,
    not 'detention' apart). Not 'held talks', 'held in high regard', 'held the post', 'kept in the dark'."""
    if verb.pos != "VERB" or verb.lemma.lower() not in DETAINING_VERBS:
        return None
    kids = doc.children(verb.i)
    if not any(c.dep in ("dobj", "nsubjpass") for c in kids):
        return None
    return next((g for c in kids if c.dep == "prep" for g in doc.children(c.i)
                 if g.dep == "pobj" and g.lemma.lower() in CUSTODY.get(c.text.lower(), ())), None)


def blamed_on(doc: ParsedDoc, verb: Token) -> Token | None:
    """'blamed the collapse on Washington', 'the bombing was blamed on militants': the one blamed ('on' X)."""
    if verb.pos != "VERB" or verb.lemma.lower() not in BLAMING_VERBS:
        return None
    for c in doc.children(verb.i):
        if c.dep == "prep" and c.text.lower() == "on":
            return next((g for g in doc.children(c.i) if g.dep == "pobj"), None)
    return None


def free_relative_object(doc: ParsedDoc, prep: Token) -> Token | None:
    """'provided Egypt with what now totals $50 billion': the thing the free relative clause names."""
    for c in doc.children(prep.i):
        if c.dep == "pcomp" and c.pos in ("VERB", "AUX") and any(
                g.lemma.lower() == "what" and g.dep in ("nsubj", "nsubjpass", "dobj") for g in doc.children(c.i)):
            named = [g for g in doc.children(c.i) if g.dep in ("dobj", "attr") and g.lemma.lower() != "what"]
            named += [o for g in doc.children(c.i) if g.dep == "prep" and g.text.lower() == "to"  # "amounts to"
                      for o in doc.children(g.i) if o.dep == "pobj"]
            return named[0] if named else None
    return None


def ecm_object(doc: ParsedDoc, verb: Token) -> Token | None:
    """'declared a state of siege to begin at midnight': the object the parser made an infinitive's subject."""
    for c in doc.children(verb.i):
        if c.dep == "ccomp" and c.tag == "VB" and any(g.dep == "aux" and g.text.lower() == "to" for g in doc.children(c.i)):
            return next((g for g in doc.children(c.i) if g.dep == "nsubj" and g.pos == "NOUN"), None)
    return None


def construed_object(doc: ParsedDoc, verb: Token) -> Token | None:
    """The one acted on in a causative release or an insulting naming, where the parse has no direct object."""
    if verb.pos != "VERB":
        return None
    return freed_one(doc, verb) if release_result(doc, verb) is not None else naming_insult(doc, verb)


def obliged(doc: ParsedDoc, verb: Token) -> bool:
    """True if a verb carries 'must', 'should' or 'ought' ('the government must ensure security')."""
    return verb.pos == "VERB" and any(c.dep == "aux" and c.text.lower() in OBLIGATION for c in doc.children(verb.i))


def with_modifier(doc: ParsedDoc, noun: Token) -> str:
    """A noun's lemma with the adjective or noun right before it ('medical expert'), for object constraints."""
    prev = doc.tokens[noun.i - 1] if noun.i > 0 else None
    if prev is not None and prev.head == noun.i and prev.dep in ("amod", "compound") and prev.pos in ("ADJ", "NOUN"):
        return f"{prev.lemma.lower()} {noun.lemma.lower()}"
    return noun.lemma.lower()


def sentence_country(doc: ParsedDoc, tok: Token, place_at: dict, index) -> tuple[str, str] | None:
    """(country, name) of the one country named in tok's sentence ('… arrested … in Rwanda'), if only one is."""
    sent = doc.sentences[tok.sent]
    found = {p.country: p.name or p.text for i, p in place_at.items() if sent.start <= i < sent.end and p.country}
    for i in range(sent.start, sent.end):
        m = index.at(i)
        if m is not None and m.actor.kind == "state" and m.actor.country and m.actor.code == m.actor.country:
            found.setdefault(m.actor.country, m.actor.text)  # a country named as such, not only as a place
    return next(iter(found.items())) if len(found) == 1 else None


def named_person(doc: ParsedDoc, tok: Token | None) -> bool:
    """True for a proper name ('Ingabire', 'Victoire Ingabire, leader of …'), not 'a man' or 'two people'."""
    return tok is not None and tok.pos == "PROPN" and tok.ent_type in ("PERSON", "")


def own_claim(doc: ParsedDoc, cue: Token | None, doer, index) -> bool:
    """True if the one who claims an act is its doer: 'the rebels claimed that they had attacked …'."""
    if cue is None or cue.lemma.lower() != "claim" or not doer:
        return False
    subj = next((c for c in doc.children(cue.i) if c.dep == "nsubj"), None)
    claimants = index.for_phrase(subj.i) if subj is not None else []
    def key(m):
        return m.actor.code, m.actor.country, tuple(m.actor.sector)
    keys = {key(m) for m in claimants if m.actor.code or m.actor.sector}
    return bool(keys) and all(key(m) in keys for m in doer.mentions)


def wh_clause(doc: ParsedDoc, verb: Token) -> bool:
    """True for a clause a wh-word opens ('what teachers are concerned about'): a topic, not a stance taken."""
    near = [c for c in doc.children(verb.i)] + [c for a in doc.children(verb.i) if a.dep in ("aux", "auxpass")
                                                 for c in doc.children(a.i)]
    return any(g.tag in ("WP", "WDT") for c in near for g in [c] + doc.children(c.i))


JOIN_VERBS = frozenset({"join", "participate"})
EXERCISES = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "game", "wargame"})  # joined: done together


def joined_by(doc: ParsedDoc, noun: Token) -> Token | None:
    """The verb by which one joins another's act: 'join (in) the NATO exercises', 'take part in drills'."""
    head = doc.tokens[noun.head]
    if noun.dep == "dobj" and head.lemma.lower() == "join":
        return head
    if noun.dep == "pobj" and head.text.lower() == "in" and head.head != head.i:
        verb = doc.tokens[head.head]
        if verb.lemma.lower() in JOIN_VERBS or verb.lemma.lower() == "take" and any(
                c.dep == "dobj" and c.lemma.lower() == "part" for c in doc.children(verb.i)):
            return verb
        if verb.lemma.lower() == "part" and verb.head != verb.i and doc.tokens[verb.head].lemma.lower() == "take":
            return doc.tokens[verb.head]  # "take part in"
    return None


def makes_clear(doc: ParsedDoc, verb: Token, clause: Token) -> bool:
    """'Europe has made it clear it will not …': making clear is saying."""
    return verb.lemma.lower() == "make" and clause.lemma.lower() in ("clear", "plain")


RECEIVE_VERBS = frozenset({"receive", "obtain", "get"})  # "Ukraine received weapons from the US": given to it


def giver(doc: ParsedDoc, verb: Token) -> Token | None:
    """Who gave what a receiving verb's subject received: 'from X', 'thanks to X'."""
    holders = [verb] + [c for c in doc.children(verb.i) if c.dep == "dobj"]
    holders += [g for c in holders[1:] for g in doc.children(c.i) if g.dep == "acl"]  # "loans totalling $5m from X"
    for h in holders:
        for c in doc.children(h.i):
            if c.dep == "prep" and c.text.lower() == "from":
                pobj = next((g for g in doc.children(c.i) if g.dep == "pobj"), None)
                if pobj is not None:
                    return pobj
    for c in doc.children(verb.i):  # "thanks to Islamic Relief", the 'to' on 'thanks' or right after it
        if c.text.lower() == "thanks":
            for p in doc.children(c.i) + [t for t in doc.children(verb.i) if t.i == c.i + 1]:
                if p.dep == "prep" and p.text.lower() == "to":
                    return next((g for g in doc.children(p.i) if g.dep == "pobj"), None)
    return None


def received_gift(doc: ParsedDoc, verb: Token, obj: Token | None) -> bool:
    """True if a receiving verb tells of a gift: active, and not 'received support from' (backing, not aid)."""
    passive = any(c.dep in ("nsubjpass", "auxpass") for c in doc.children(verb.i))
    return not passive and (obj is None or obj.lemma.lower() not in ("support", "backing", "endorsement"))


def helps_actor(doc: ParsedDoc, verb: Token, index) -> bool:
    """'helped Iraq', 'helped establish an Afghan government': an actor is helped, named as such.

    Not 'helped push the dollar up', 'help Australian sales', nor a purpose ('cut tariffs to help narrow its
    surplus', 'a loan to help Morocco …'), where the act that serves the aim is the event.
    """
    if verb.lemma.lower() != "help":
        return True
    infinitive = any(c.dep == "aux" and c.text.lower() == "to" for c in doc.children(verb.i))
    head = doc.tokens[verb.head]
    if verb.tag == "VBG" and verb.dep in ("pcomp", "conj", "advcl", "acl"):
        return False  # "a role in helping Singapore recover": who helps is not said
    if infinitive and (verb.dep in ("advcl", "acl") or verb.dep == "xcomp" and any(
            c.dep == "dobj" for c in doc.children(head.i))):  # "relaxing controls to help …": a purpose
        return False
    holder = verb if verb.dep not in ("xcomp", "conj") else head
    subj = next((c for c in doc.children(holder.i) if c.dep == "nsubj"), None)
    if subj is not None and index.at(subj.i) is None:
        return False  # "confidence in OPEC helped …", "it might help register students": no actor helps
    comps = [c for c in doc.children(verb.i) if c.dep in ("xcomp", "ccomp") and c.i > verb.i]
    comps += [cj for c in comps for cj in doc.children(c.i) if cj.dep == "conj"]
    heads = [c for c in doc.children(verb.i) if c.dep in ("dobj", "dative")]
    heads += [o for c in comps for o in doc.children(c.i) if o.dep in ("dobj", "nsubj")]
    return any(index.at(h.i) is not None and index.at(h.i).actor.code for h in heads)


ACCUSING_VERBS = frozenset({"accuse"})
STANDING_VERBS = frozenset({"stand", "remain", "stay"})  # "stands accused of", "remains accused of"


def accused_without_verb_subject(doc: ParsedDoc, verb: Token) -> Token | None:
    """'X stands / remains accused of …', 'X, accused of …': the accused, told with no accuser as subject.

    The participle hangs on a verb of standing (its subject is the accused) or on the accused noun itself (a reduced
    relative); the parser would otherwise give the accused as the accusation's doer. A plain passive ('X was
    accused of') is read as every agentless passive is.
    """
    if verb.lemma.lower() not in ACCUSING_VERBS or verb.tag != "VBN" or verb.head == verb.i:
        return None
    if any(c.dep in ("nsubj", "nsubjpass", "auxpass", "dobj") for c in doc.children(verb.i)):
        return None
    head = doc.tokens[verb.head]
    if verb.dep in ("xcomp", "acomp", "oprd") and head.lemma.lower() in STANDING_VERBS:
        return next((c for c in doc.children(head.i) if c.dep == "nsubj"), None)
    if verb.dep == "acl" and head.pos in ("NOUN", "PROPN", "PRON"):
        return head
    return None


def accuser_named(doc: ParsedDoc, verb: Token) -> Token | None:
    """The 'by' phrase of an accusation told without an accuser as subject ('accused by rights groups of …', or the
    parser's 'accused of torturing detainees by rights groups')."""
    for c in doc.children(verb.i):
        if c.dep == "agent" or (c.dep == "prep" and c.text.lower() == "by"):
            return next((g for g in doc.children(c.i) if g.dep == "pobj"), None)
    for c in doc.children(verb.i):
        if c.dep == "prep" and c.text.lower() == "of":
            for g in doc.children(c.i):
                by = next((x for x in doc.children(g.i) if x.dep == "prep" and x.text.lower() == "by"), None)
                if by is not None:
                    return next((x for x in doc.children(by.i) if x.dep == "pobj" and x.pos in ("NOUN", "PROPN")), None)
    return None


ASKING_NOUNS = frozenset({"call", "appeal", "demand", "request", "plea"})


def own_asker(doc: ParsedDoc, noun: Token) -> Token | None:
    """Who an appeal or demand noun says asks: its possessor ('welcomed Germany's calls for …'), or a 'by' phrase
    ('dismissed calls by the unions for …'); the verb that takes the noun reacts to it, it does not ask. ('from' is
    left to the lexicon, which reads 'a demand from X' as one made of X.)"""
    if noun.pos != "NOUN" or noun.lemma.lower() not in ASKING_NOUNS:
        return None
    for c in doc.children(noun.i):
        if c.dep == "poss":
            return c
        if c.dep == "prep" and c.text.lower() == "by":
            pobj = next((g for g in doc.children(c.i) if g.dep == "pobj"), None)
            if pobj is not None:
                return pobj
    return None
