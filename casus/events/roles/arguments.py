"""Source and target arguments of an event predicate, read from the dependency parse."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from casus.events.triggers.constructions import ecm_object, free_relative_object
from casus.model import Actor, ActorMention, ParsedDoc, PlaceMention, Token

SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
STATEMENTS = frozenset({"statement", "declaration", "communique", "communiqué", "resolution", "letter", "decree",
                        "decision", "ruling", "vote", "report"})  # "was condemned in a statement by X"
CONTROL_DEPS = ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "acomp")
FIRST_PERSON = frozenset({"we", "i", "us", "our", "my"})


@dataclass
class Arg:
    """An argument slot filled by one or more actor mentions (coordination)."""

    mentions: list[ActorMention] = field(default_factory=list)
    token: Token | None = None
    via: str = ""  # the rule that found it, for the reasons list

    def __bool__(self) -> bool:
        return bool(self.mentions)


class ActorIndex:
    """Maps tokens to the actor mentions that cover them."""

    def __init__(self, doc: ParsedDoc, mentions: list[ActorMention], places: Sequence[PlaceMention] = ()):
        self.doc = doc
        self.place_at = {i: pm.place for pm in places for i in range(pm.start, pm.end) if pm.place.country}
        self.by_token: dict[int, ActorMention] = {}
        self._by_char: dict[int, ActorMention] | None = None
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.pairs = {id(m): members for m in mentions if (members := _pair_members(m, mentions))}
        self._phrases: dict[tuple[int, bool], list[ActorMention]] = {}  # for_phrase's answers (the index is fixed)

    def at(self, i: int) -> ActorMention | None:
        """The mention covering token i, if any."""
        return self.by_token.get(i)

    def at_char(self, offset: int) -> ActorMention | None:
        """The mention whose text starts at a character offset, if any."""
        if self._by_char is None:
            self._by_char = {m.actor.start: m for m in self.by_token.values()}
        return self._by_char.get(offset)

    def for_phrase(self, i: int, where: bool = True) -> list[ActorMention]:
        """Actor mentions of the noun phrase headed by token i, with its conjuncts.

        where=False: a place after 'in', 'near' … under a head that is no actor is where, not who
        ('a bombing near Kandahar killed …' has no doer Afghanistan).
        """
        known = self._phrases.get((i, where))
        if known is None:  # asked again and again by the detector's features and the role rules
            known = self._phrases[i, where] = self._for_phrase(i, where)
        return list(known)

    def _for_phrase(self, i: int, where: bool) -> list[ActorMention]:
        found: list[ActorMention] = []
        for head in self._conjuncts(i):
            m = self._phrase_actor(head, where)
            for one in self.pairs.get(id(m), [m]) if m is not None else ():
                if one not in found:  # "the two countries": each of the two states
                    found.append(one)
        return found

    def _crowd(self, i: int) -> ActorMention | None:
        """'Tens of thousands of students', 'a group of asylum-seekers': the people the quantity counts."""
        cur = self.doc.tokens[i]
        for _ in range(4):
            if cur.lemma.lower().rstrip("s") not in QUANTITY_HEADS and cur.lemma.lower() not in QUANTITY_HEADS:
                return None
            of = next((c for c in self.doc.children(cur.i) if c.dep == "prep" and c.text.lower() == "of"), None)
            pobj = next((g for g in self.doc.children(of.i) if g.dep == "pobj"), None) if of is not None else None
            if pobj is None:
                return None
            m = self.at(pobj.i)
            if m is not None:
                return m
            cur = pobj
        return None

    def _based_in(self, i: int) -> ActorMention | None:
        """'its allies in southern Lebanon': a relational group located in a country belongs to it."""
        for c in self.doc.children(i):
            if c.dep == "prep" and c.text.lower() == "in":
                for g in (g for g in self.doc.children(c.i) if g.dep == "pobj"):
                    place, m = self.place_at.get(g.i), self.at(g.i)
                    country = place.country if place is not None else (
                        m.actor.country if m is not None and m.actor.kind == "state" else None)
                    if country:
                        t = self.doc.tokens[i]
                        actor = Actor(t.text, t.idx, t.end, name=None, code=country, country=country, kind="group",
                                      reason=f"'{t.text}' based in {g.text}")
                        return ActorMention(i, i + 1, i, actor)
        return None

    def _from_place(self, m: ActorMention, i: int) -> ActorMention:
        """'police in Lagos', 'students from Mosul': an unplaced group takes the country of its place."""
        for c in self.doc.children(i):
            if c.dep == "prep" and c.text.lower() in ("in", "from", "of"):
                for g in self.doc.children(c.i):
                    names = [g] + [n for n in self.doc.children(g.i) if n.dep == "compound"]  # "of the Tyumen region"
                    place = next((self.place_at[n.i] for n in names if n.i in self.place_at), None) if (
                        g.dep == "pobj") else None
                    if place is not None:
                        return placed_in(m, place)
        return m

    def _agent_below(self, i: int) -> ActorMention | None:
        """'crimes committed by Croat forces', 'a plan drafted by France': the doer named in a participle."""
        for c in self.doc.children(i):
            if c.dep == "acl" and c.tag == "VBN":
                agent = agent_of(self.doc, c)
                m = self.at(agent.i) if agent is not None else None
                if m is not None and m.actor.code:
                    return m
        return None

    def _conjuncts(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(c.i for c in self.doc.children(j) if c.dep == "conj")
        return sorted(out)

    def _phrase_actor(self, i: int, where: bool = True) -> ActorMention | None:
        m = self.at(i)
        tok = self.doc.tokens[i]
        if m is None and tok.tag in ("VBG", "VBN") and tok.dep in ("nsubj", "nsubjpass"):
            # "The Red Cross operating in Iraq said": the parser made the participle the subject
            doer = next((self.at(c.i) for c in self.doc.children(i) if c.dep == "nsubj" and self.at(c.i)), None)
            if doer is not None:
                return doer
        if m is not None and not (m.actor.kind in ("person", "group") and not m.actor.country):
            return m
        for c in self.doc.children(i):  # "his Turkish counterpart, Recep Tayyip Erdogan"
            if c.dep == "appos" and self.at(c.i) is not None and self.at(c.i).actor.code:
                return self.at(c.i)
        crowd = self._crowd(i) if m is None else None
        if crowd is not None:
            return crowd
        # "the leaders of Russia", "Iraq's army": look below the head, nearest first, not into clauses
        best, best_depth = None, 99
        if self.doc.tokens[i].lemma.lower() in RELATIONAL_HEADS:
            body = next((self.at(c.i) for c in self.doc.children(i) if c.dep == "compound" and self.at(c.i) is not None
                         and self.at(c.i).actor.kind == "igo"), None)
            return m or body or self._based_in(i)  # "Ukraine's allies": not Ukraine; "its EU partners": the EU's
        stack = [(c, 1) for c in self.doc.children(i) if c.dep not in ("conj", "cc", "relcl", "acl", "appos", "advcl")
                 and (where or m is not None or c.text.lower() not in LOCATIVE_PREPS)]
        while stack:
            c, depth = stack.pop()
            if depth > 3:
                continue
            below = self.at(c.i)
            if below is not None and below.actor.code and depth < best_depth and c.dep in ("poss", "compound", "amod", "pobj", "nmod", "prep"):
                best, best_depth = below, depth
            if c.lemma.lower() in RELATIONAL_HEADS:
                based = self._based_in(c.i)  # "Israel's militia ally in southern Lebanon": Lebanese
                if based is not None and depth < best_depth:
                    best, best_depth = based, depth
                continue  # "Israel's militia ally", "the rebels' rivals": not the possessor itself
            if c.dep == "amod" and c.lemma.lower() == "lead":  # "the US-led war against Iraq": the US leads it
                leader = next((self.at(g.i) for g in self.doc.children(c.i) if g.dep in ("npadvmod", "compound", "nsubj")
                               and self.at(g.i) is not None and self.at(g.i).actor.code), None)
                if leader is not None and depth < best_depth:
                    best, best_depth = leader, depth
            stack.extend((g, depth + 1) for g in self.doc.children(c.i) if g.dep in ("prep", "pobj", "poss", "compound", "amod", "nmod"))
        if best is None:
            best = self._agent_below(i)
        if best is None and m is not None and m.actor.sector:
            return self._from_place(m, i)
        if best is None or m is None:
            return best or m
        return _placed(m, best)  # "doctors from two American aid groups": the country named below the head


def _placed(head: ActorMention, below: ActorMention) -> ActorMention:
    """A countryless head actor ('rebels', 'doctors') given the country named in its phrase, keeping its sector."""
    a, b = head.actor, below.actor
    if not b.country:
        return below  # an organisation named below ('officials of the UN'): it speaks for the head
    actor = Actor(a.text, a.start, a.end, name=a.name, code=b.country + "".join(a.sector) if a.sector else b.code,
                  country=b.country, sector=list(a.sector), kind=a.kind,
                  reason=f"{a.reason or a.text}; country from '{b.text}' in its phrase")
    return ActorMention(head.start, head.end, head.head, actor)


def _pair_members(m: ActorMention, mentions: list[ActorMention]) -> list[ActorMention]:
    """'the two sides' resolved by coreference to two states ('Japan; Russia'): a mention for each, at its span."""
    a = m.actor
    if a.kind != "group" or a.code or not a.name or "; " not in a.name or not (a.reason or "").startswith("coref:"):
        return []
    members = []
    for name in a.name.split("; "):
        ante = next((o for o in reversed(mentions) if o.start < m.start and o.actor.country
                     and name in (o.actor.name, o.actor.text, o.actor.country)), None)
        if ante is None:
            return []
        members.append(ActorMention(m.start, m.end, m.head, replace(
            ante.actor, text=a.text, start=a.start, end=a.end, reason=f"coref: '{a.text}' → {name}")))
    return members


def placed_in(m: ActorMention, place) -> ActorMention:
    """An unplaced group given the country of a place (a casus.model.Place with a country)."""
    where = Actor(place.text, place.start, place.end, name=place.name, code=place.country,
                  country=place.country, kind="state")
    return _placed(m, ActorMention(m.head, m.head + 1, m.head, where))


LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "within", "throughout"})
RELATIONAL_HEADS = frozenset({"ally", "rival", "enemy", "foe", "opponent", "neighbour", "neighbor", "proxy",
                              "adversary", "partner", "client", "surrogate"})
QUANTITY_HEADS = frozenset({"ten", "hundred", "thousand", "million", "dozen", "score", "group", "number", "crowd",
                            "batch", "band", "some", "many", "most", "all", "several", "few", "majority",
                            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})


CULPRIT_ADJS = frozenset({"guilty", "responsible", "culpable"})


def subject_of(doc: ParsedDoc, verb: Token) -> tuple[Token | None, bool]:
    """The subject token of a verb, following control and coordination upwards; (token, passive)."""
    tok = verb
    own_passive = any(c.dep == "auxpass" for c in doc.children(verb.i))  # "… and was condemned by X"
    for _ in range(6):
        kids = doc.children(tok.i)
        for c in kids:
            if c.dep in SUBJ:
                return c, own_passive and tok is not verb
        for c in kids:
            if c.dep in PASSIVE_SUBJ:
                return c, True
        if tok.dep == "relcl":  # "the country that attacked X": the head noun is the subject
            # "the third politician to be arrested": an infinitive passive relative acts on its noun
            return doc.tokens[tok.head], _passive_relative(doc, tok)
        if tok.dep == "acl" and tok.tag == "VBN" and tok.i > tok.head:  # "prisoners released by Israel"
            return doc.tokens[tok.head], True
        prep = doc.tokens[tok.head]
        if tok.dep == "pcomp" and prep.text.lower() in ("of", "for") and doc.tokens[prep.head].dep == "acomp" and (
                doc.tokens[prep.head].lemma.lower() in CULPRIT_ADJS):  # "X was guilty of violating": X did it
            tok = doc.tokens[doc.tokens[prep.head].head]
            continue
        if tok.dep not in CONTROL_DEPS or tok.head == tok.i:
            return None, False
        tok = doc.tokens[tok.head]
    return None, False


def _passive_relative(doc: ParsedDoc, verb: Token) -> bool:
    """True for a passive relative clause with no subject of its own ('the third politician to be arrested'), not a
    'for X to be …' clause the parser hung on X ('called for its forces to be deployed': X is its subject)."""
    noun = doc.tokens[verb.head]
    return any(c.dep == "auxpass" for c in doc.children(verb.i)) and not (
        noun.dep == "pobj" and doc.tokens[noun.head].text.lower() == "for") and not any(
        c.dep == "prep" and c.text.lower() == "for" and c.i < verb.i for c in doc.children(noun.i))


def agent_of(doc: ParsedDoc, verb: Token) -> Token | None:
    """The 'by' agent of a passive verb, or the author of the statement it was done in ('in a statement by X')."""
    for c in doc.children(verb.i):
        if c.dep == "agent":
            for g in doc.children(c.i):
                if g.dep == "pobj":
                    return g
    for c in doc.children(verb.i):
        if c.dep == "prep" and c.text.lower() in ("in", "through", "with"):
            for noun in doc.children(c.i):
                if noun.dep == "pobj" and noun.lemma.lower() in STATEMENTS:
                    by = [g for p in doc.children(noun.i) if p.dep in ("prep", "agent") and p.text.lower() == "by"
                          for g in doc.children(p.i) if g.dep == "pobj"]
                    if by:
                        return by[0]
    return None


def object_of(doc: ParsedDoc, verb: Token) -> Token | None:
    """The direct object of a verb; 'kidnapped up to 16 advisers': the counted noun the parser hung on 'up to'."""
    kids = doc.children(verb.i)
    for c in kids:
        if c.dep in ("dobj", "obj"):
            return c
    for c in kids:
        if c.dep == "prt" and c.text.lower() == "up":
            for p in doc.children(c.i):
                if p.dep == "prep" and p.text.lower() == "to":
                    for g in doc.children(p.i):
                        if g.dep == "pobj" and any(n.dep == "nummod" for n in doc.children(g.i)):
                            return g
    return None


def prep_objects(doc: ParsedDoc, tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions attached to tok ('with Russia', 'against the rebels').

    A preposition the parser left without an object takes the noun right after it
    ('asylum to five officers holed up …', where 'officers' was made the subject of 'holed').
    """
    out = []
    for c in doc.children(tok.i):
        if c.dep == "prep" and c.text.lower() in preps:
            pobjs = [g for g in doc.children(c.i) if g.dep == "pobj"]
            if not pobjs and not any(g.dep in ("pcomp", "prep") for g in doc.children(c.i)):
                stray = _next_noun(doc, c.i)
                pobjs = [stray] if stray is not None else []
            out.extend(pobjs)
    return out


def _next_noun(doc: ParsedDoc, i: int) -> Token | None:
    """The first noun head within a few tokens after token i, before any verb or punctuation."""
    for t in doc.tokens[i + 1:i + 7]:
        if t.sent != doc.tokens[i].sent or t.pos in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ", "CCONJ"):
            return None
        if t.pos in ("NOUN", "PROPN", "PRON") and t.dep in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "ROOT", "dep", "npadvmod"):
            return t
    return None


def governing_verb(doc: ParsedDoc, noun: Token) -> Token | None:
    """The verb a noun predicate hangs from ('held talks', 'during his meeting' → put)."""
    tok = noun
    for _ in range(5):
        if tok.head == tok.i:
            return None
        tok = doc.tokens[tok.head]
        if tok.pos in ("VERB", "AUX"):
            return tok
    return None


def object_word(doc: ParsedDoc, verb: Token, obj: Token | None, index: ActorIndex) -> str | None:
    """The word that names what is acted on: 'money' for sums, the 'with' object after a recipient."""
    if obj is None:
        return None
    if obj.ent_type == "MONEY" or any(c.ent_type == "MONEY" for c in doc.children(obj.i) if c.dep == "nummod"):
        return "money"  # "gave 352.5 million euros"
    if index.at(obj.i) is not None:  # "provided the Lebanese army with aircraft", "accused Russia of war crimes"
        withs = prep_objects(doc, verb, ("with", "of")) or [  # "provided Egypt with what totals $50 billion"
            o for c in doc.children(verb.i) if c.dep == "prep" and c.text.lower() == "with"
            for o in [free_relative_object(doc, c)] if o is not None]
        if withs and withs[0].ent_type == "MONEY":
            return "money"
        if withs:
            obj = withs[0]
    comp = doc.tokens[obj.i - 1] if obj.i > 0 else None
    if comp is not None and comp.dep == "compound" and comp.head == obj.i:  # "war crimes": the lexicon may name both
        return f"{comp.lemma.lower()} {obj.lemma.lower()}"
    return obj.lemma.lower()


def acted_on(doc: ParsedDoc, verb: Token) -> Token | None:
    """The direct object of a verb, the subject of a passive one ('the ban was lifted'), the noun a participle modifies."""
    obj = object_of(doc, verb)
    if obj is None and verb.pos == "VERB":
        obj = next((c for c in doc.children(verb.i) if c.dep == "nsubjpass"), None)
    if obj is None and verb.dep == "acl" and verb.tag == "VBN" and verb.head != verb.i:
        obj = doc.tokens[verb.head]  # "a report released on Wednesday", "the curfew imposed in Sudan"
    if obj is None and verb.dep == "relcl" and verb.head != verb.i and _passive_relative(doc, verb):
        obj = doc.tokens[verb.head]  # "the twelfth man to be arrested": the noun is the one arrested
    if obj is None and verb.pos == "VERB":
        obj = ecm_object(doc, verb)  # "declared a state of siege to begin at midnight"
    return obj


def object_words(doc: ParsedDoc, obj: Token | None) -> list[int]:
    """The object, the noun of its 'of' phrase ('a state of siege') and its conjuncts, which a verb's entry may code."""
    if obj is None:
        return []
    return [obj.i] + [c.i for c in doc.children(obj.i) if c.dep == "compound"] + [
        g.i for c in doc.children(obj.i) if c.dep == "prep" and c.text.lower() == "of"
                      for g in doc.children(c.i) if g.dep == "pobj"] + [
                          c.i for c in doc.children(obj.i) if c.dep == "conj"]


def instruments(doc: ParsedDoc, verb: Token) -> list[Token]:
    """Nouns that may say how a verb of force was done: 'in/during/with' objects, a thing as subject or agent."""
    found = prep_objects(doc, verb, ("in", "during", "with"))
    found += [c for c in doc.children(verb.i) if c.dep == "nsubj"]
    agent = agent_of(doc, verb)
    return found + ([agent] if agent is not None else [])


AID_PURPOSES = frozenset({"help", "assist", "aid", "protect", "defend", "guard", "train", "support", "secure"})


def for_peacekeeping(doc: ParsedDoc, verb: Token) -> bool:
    """True if forces a verb sends serve peacekeeping or another's protection ('troops to help the Philippines army')."""
    obj = object_of(doc, verb)
    holders = [verb] + ([obj] if obj is not None else [])
    for h in holders:  # a stated aim of helping or protecting makes it military assistance (074), not a build-up
        if any(c.dep in ("advcl", "xcomp", "relcl", "acl") and c.lemma.lower() in AID_PURPOSES
               and any(a.dep == "aux" and a.text.lower() == "to" for a in doc.children(c.i))
               for c in doc.children(h.i)):
            return True
    subj, passive = subject_of(doc, verb)
    goers = [subj] + prep_objects(doc, subj, ("of",)) if subj is not None and not passive else []
    for pobj in [p for h in holders for p in prep_objects(doc, h, ("to", "for", "in", "with"))] + goers:
        words = [pobj] + [c for c in doc.children(pobj.i) if c.dep in ("compound", "amod", "nmod")]
        if any(w.lemma.lower().replace("-", "").startswith("peacekeep") for w in words):
            return True  # "to the UN peacekeeping force"; "a first batch of peacekeeping troops arrived"
    return False
