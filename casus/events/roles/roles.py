"""Who acted and towards whom: the source and target roles of an event predicate."""
from __future__ import annotations

from collections.abc import Sequence

from casus.events.roles.adjuncts import aimed_at, background
from casus.events.roles.arguments import ActorIndex, Arg, agent_of, governing_verb, object_of, prep_objects, subject_of
from casus.events.roles.borrow import (
    aim_of_object, compound_head_target, nested_prep_target, purpose_object, shifted_object, under_judging_noun,
)
from casus.events.triggers.constructions import RECEIVE_VERBS, construed_object, giver, joined_by, stray_subject
from casus.events.roles.reported import attribution, speaker_source
from casus.events.triggers.triggers import FORCE_ROOTS
from casus.model import ActorMention, ParsedDoc, Quote, Token

JUDGING_ROOTS = frozenset({"09", "11", "12"})  # investigate, disapprove, reject
STATIVE_IN = frozenset({"engage", "involve", "implicate"})  # "were engaged in": doers, not victims
PARTAKING = frozenset({"participate", "join", "take", "lead", "continue", "persist", "engage", "use", "fire",
                       "open", "kill", "wound", "injure"})  # "joined in the attack", "fired shots during the clashes"
SCENE_ROOTS = frozenset({"14", "18", "19", "20"})  # acts whose doer a verb of another kind does not share
COERCION = frozenset({"17", "18", "19", "20"})
AIM_FRAMES = frozenset({"protest", "defiance", "response", "retaliation", "solidarity", "opposition"})
OWN = " (a possessive only)"
WARNING = frozenset({"warn", "caution"})  # "warned that police will no longer tolerate …": a warning to them
# "Israel is opposed to X", "Japan was alarmed by …" without an agent: a state of the subject, who is the source
STATIVE_PASSIVE = frozenset({"oppose", "concern", "worry", "alarm", "disappoint", "dismay", "outrage", "anger",
                             "satisfy", "please", "delight", "dedicate", "devote"})
WHERE = "country where it happened"
FALLBACK_TARGET_PREPS = ("to", "with", "against", "on", "for", "toward", "towards", "at", "into", "from")


class RoleFinder:
    """Finds the source and target of verb and noun predicates from the parse and the lexicon entry."""

    def __init__(self, lexicon):
        self.lexicon = lexicon

    def verb_args(self, doc: ParsedDoc, verb: Token, entry, index: ActorIndex) -> tuple[Arg, Arg]:
        source, target = Arg(), Arg()
        if verb.lemma.lower() in RECEIVE_VERBS and getattr(entry, "trigger", "") == "provide":
            return self._received(doc, verb, index)
        subj, passive = subject_of(doc, verb)
        if subj is None:  # "USAID deployed teams": the parser took the actor for an adverb
            subj = stray_subject(doc, verb, lambda i: index.at(i) is not None)
        if passive and (verb.lemma.lower() in STATIVE_PASSIVE or getattr(entry, "pos", "") == "ADJ") and agent_of(doc, verb) is None:
            passive = False  # "is opposed to French mediation": Israel opposes
        if passive:
            agent = agent_of(doc, verb)
            if agent is not None:
                source = Arg(index.for_phrase(agent.i), agent, "passive agent")
            if subj is not None:
                target = Arg(index.for_phrase(subj.i), subj, "passive subject")
        elif subj is not None:
            act = self.lexicon.lookup(subj.lemma.lower(), "NOUN") is not None  # "a bombing near X killed …"
            source = Arg(index.for_phrase(subj.i, where=not act), subj, "subject")
        if not target:
            target = self.target(doc, verb, entry, index)
        if not target or target.via.startswith(WHERE):  # "blocked streets in Hong Kong in defiance of Beijing"
            target = self.complement_target(doc, verb, index) or target
        if not target:
            target = self.shared_target(doc, verb, entry, index)
        if not target:
            target = purpose_object(doc, verb, index, source)
        return source, target

    def _received(self, doc: ParsedDoc, verb: Token, index: ActorIndex) -> tuple[Arg, Arg]:
        """'Refugees received food thanks to Islamic Relief': the giver is the source, the receiver the target."""
        subj, passive = subject_of(doc, verb)
        given_by = giver(doc, verb)
        source = Arg(index.for_phrase(given_by.i), given_by, "giver") if given_by is not None else Arg()
        target = Arg(index.for_phrase(subj.i), subj, "receiver") if subj is not None and not passive else Arg()
        if not any(m.actor.code for m in source.mentions + target.mentions):
            source = Arg()  # "a firm obtained a credit line from a bank": no state, organisation or coded group
        return (source if source else Arg([], verb, "no giver named")), target  # not the one who reports it

    def shared_target(self, doc: ParsedDoc, verb: Token, entry, index: ActorIndex) -> Arg:
        """'donated and delivered goods to X', 'established ties with and opened an embassy in X': a conjunct's."""
        kids = doc.children(verb.i)
        dangling = any(c.dep == "prep" and not doc.children(c.i) for c in kids)
        if object_of(doc, verb) is not None and not dangling:
            return Arg()  # "condemned the attack and called on Ukraine …": two acts, two targets
        for sib in (c for c in kids if c.dep == "conj" and c.pos == "VERB"):
            preps = tuple(p for p in entry.target if p not in ("dobj", "-")) or FALLBACK_TARGET_PREPS
            for pobj in prep_objects(doc, sib, preps):
                found = index.for_phrase(pobj.i)
                if found and all(m.actor.country or m.actor.code for m in found):
                    return Arg(found, pobj, f"'{doc.tokens[pobj.head].text}' object shared with '{sib.text}'")
        return Arg()

    def complement_target(self, doc: ParsedDoc, head: Token, index: ActorIndex) -> Arg:
        """The target of the act's complement or stated aim.

        'threatened to cut off electricity to X', 'staged rallies to demand reforms by X's government',
        'a demonstration calling for the removal of X', 'a hunger strike in protest of X's decision'.
        """
        subj = subject_of(doc, head)[0] if head.pos in ("VERB", "AUX") else None
        for c in doc.children(head.i):
            if c.pos == "VERB" and _is_aim(doc, c) and (c.dep != "xcomp" or subject_of(doc, c)[0] is subj):
                obj = object_of(doc, c)
                found = index.for_phrase(obj.i) if obj is not None else []
                own = bool(found) and _own_word(doc, obj, found, subj, index)
                found = [] if own else found  # "to show their anger at X": X, not the subject's own 'their'
                if found and all(m.actor.country or m.actor.code for m in found):
                    return Arg(found, obj, f"object of '{c.text}'")
                found = self.fallback_target(doc, c, obj, index, own_object=own)
                if found:
                    return Arg(found.mentions, found.token, f"{found.via} of '{c.text}'")
            if c.dep == "prep" and c.text.lower() == "in":  # "in protest at", "in defiance of", "in response to"
                for frame in (g for g in doc.children(c.i) if g.dep == "pobj" and g.lemma.lower() in AIM_FRAMES):
                    for pobj in prep_objects(doc, frame, ("of", "at", "against", "to", "over")):
                        found = index.for_phrase(pobj.i)
                        if found and all(m.actor.country or m.actor.code for m in found):
                            return Arg(found, pobj, f"'in {frame.text}' object")
        return Arg()

    def target(self, doc: ParsedDoc, tok: Token, entry, index: ActorIndex) -> Arg:
        targets = tuple(entry.target)
        obj = object_of(doc, tok) or construed_object(doc, tok)  # "let free X", "called X a liar"
        if obj is None and tok.pos == "VERB":
            obj = shifted_object(doc, tok)
        if "dobj" in targets and obj is not None:
            found = index.for_phrase(obj.i, where=False)
            if found and not any(m.actor.country for m in found):  # "expelled 23 diplomats from Russia"
                for pobj in prep_objects(doc, obj, ("from", "of")) + prep_objects(doc, tok, ("from",)):
                    origin = [m for m in index.for_phrase(pobj.i) if m.actor.country]
                    if origin:
                        return Arg(origin, pobj, f"where the object is from ('{doc.tokens[pobj.head].text}')")
            if found:
                return Arg(found, obj, "object")
            for c in doc.children(obj.i):  # "hit bases used by Hizbollah", "shelled areas held by the rebels"
                agent = agent_of(doc, c) if c.dep == "acl" and c.tag == "VBN" else None
                holders = index.for_phrase(agent.i) if agent is not None else []
                if holders:
                    return Arg(holders, agent, f"holder of the object ('{c.text} by')")
            found = index.for_phrase(obj.i)
            if found:  # "blocked streets in Hong Kong": where it happened, which a stated aim outranks
                return Arg(found, obj, f"{WHERE} (in the object)")
        for c in doc.children(tok.i):
            if c.dep == "dative":  # "gave the Ivory Coast aid": the recipient
                found = index.for_phrase(c.i)
                if found:
                    return Arg(found, c, "indirect object")
        preps = tuple(p for p in targets if p not in ("dobj", "-"))
        own = Arg()
        for pobj in prep_objects(doc, tok, preps):
            found = index.for_phrase(pobj.i)
            if found and _pronoun_only(doc, pobj, found):
                own = own or Arg(found, pobj, f"'{doc.tokens[pobj.head].text}' object{OWN}")  # "on its labour market"
            elif found:
                return Arg(found, pobj, f"'{doc.tokens[pobj.head].text}' object")
        if targets == ("-",):
            return own
        means = entry.code[:2] == "15" or entry.code[:3] == "074"  # "deployed peacekeepers in Iraq": forces sent
        return self.fallback_target(doc, tok, obj, index, means=means) or own

    def fallback_target(self, doc: ParsedDoc, tok: Token, obj: Token | None, index: ActorIndex,
                        own_object: bool = False, means: bool = False) -> Arg:
        """Weaker readings: any preposition, the object's own phrase, a demanded clause's subject, the country where.

        own_object: the object is the source's own ('its forces'), so the actor named in it is not the target.
        means: the lexicon names the target by preposition, so the object itself ('sent troops') is not it.
        """
        holders = [tok] + ([obj] if obj is not None else [])
        aimed = aimed_at(doc, holders, index)
        if aimed:
            return aimed
        for holder in holders:  # "granted asylum to X", "shared evidence with the U.S.", "blockade of the U.K."
            preps = FALLBACK_TARGET_PREPS + (("of",) if holder is obj and not own_object else ())
            for pobj in prep_objects(doc, holder, preps):
                found = index.for_phrase(pobj.i)
                if found and holder is tok and (_own_word(doc, pobj, found, subject_of(doc, tok)[0], index) or (
                        tok.pos == "NOUN" and _pronoun_only(doc, pobj, found))):
                    continue  # "reneged on his commitment to X", "restrictions on its market for X": aimed at X
                if found and all(m.actor.country or m.actor.code for m in found):
                    return Arg(found, pobj, f"'{doc.tokens[pobj.head].text}' object (any preposition)")
        if obj is not None and not own_object:  # "demanding a U.N. military presence", "denounced Serbia's suppression"
            found = [m for m in index.for_phrase(obj.i) if (m.actor.country or m.actor.code) and not (
                means and m.head == obj.i)]
            if found:
                return Arg(found, obj, "actor named in the object")
            found = aim_of_object(doc, obj, index)  # "rejected an invitation to attend a meeting of X"
            if found:
                return found
        nouns = [h for h in [obj] + prep_objects(doc, tok, ("on", "to", "for")) if h is not None]
        clauses = list(doc.children(tok.i)) + [c for n in nouns for c in doc.children(n.i) if c.dep == "acl"]
        for c in clauses:  # "demanded that the US cancel …", "its demand that Israel ease …", "insisted on its demands that X"
            if c.dep == "ccomp" or c.dep == "acl" and any(g.dep == "mark" and g.text.lower() == "that" for g in doc.children(c.i)):
                subj = next((g for g in doc.children(c.i) if g.dep in ("nsubj", "nsubjpass")), None)
                found = index.for_phrase(subj.i) if subj is not None else []
                if found and tok.lemma.lower() in WARNING and _own_side(found, subject_of(doc, tok)[0], index):
                    warned = object_of(doc, c)  # "warned that police will not tolerate rallies by X": X is warned
                    found = index.for_phrase(warned.i) if warned is not None else []
                    if found and all(m.actor.country or m.actor.code for m in found):
                        return Arg(found, warned, f"object of the clause '{c.text}'")
                    continue
                if found and (c.head != tok.i or tok.lemma.lower() in WARNING or not self.lexicon.is_speech(tok.lemma.lower())):
                    return Arg(found, subj, f"subject of the clause '{c.text}'")
        for holder in holders:  # "reneged on his commitment to X", "accepted a formula for ending its dispute with X"
            found = nested_prep_target(doc, holder, index, FALLBACK_TARGET_PREPS + ("about", "over"))
            if found:
                return found
        wheres = [p for h in holders for p in prep_objects(doc, h, ("in", "inside"))]
        for pobj in wheres:  # "lifted a curfew in Montenegro", "strengthened its forces in Lebanon"
            found = [m for m in index.for_phrase(pobj.i) if m.actor.kind == "state" and m.actor.country and (
                m.actor.code == m.actor.country or doc.tokens[m.head].ent_type in ("GPE", "LOC"))]  # or a capital
            if found:
                return Arg(found, pobj, f"{WHERE} ('{doc.tokens[pobj.head].text}')")
        return Arg()

    def noun_args(self, doc: ParsedDoc, noun: Token, entry, index: ActorIndex) -> tuple[Arg, Arg]:
        source, target = Arg(), Arg()
        for c in doc.children(noun.i):
            m = index.at(c.i) if c.dep in ("poss", "amod", "compound", "nmod") else None
            if m is not None and c.dep == "compound" and entry.code[:2] in FORCE_ROOTS and (
                    m.actor.kind == "state" and not m.actor.sector and c.pos == "PROPN"):
                continue  # "the Bali bombing", "the Syria strike": where it was, not who did it
            if m is not None and (m.actor.country or m.actor.code or m.actor.sector or c.dep == "poss"):
                # an adjective read as a nameless person ('Humanitarian aid') is no doer
                source = Arg(index.for_phrase(c.i), c, f"modifier '{c.text}'")
                break
        if not source:
            # "an offer from Kabul": the sender; but "withdrawal from Panama": the place left, a target
            for pobj in prep_objects(doc, noun, tuple(p for p in ("by", "from") if p not in entry.target)):
                found = index.for_phrase(pobj.i)
                if found:
                    source = Arg(found, pobj, f"'{doc.tokens[pobj.head].text}' object")
                    break
        between = prep_objects(doc, noun, ("between", "among"))
        if between and not source:
            found = index.for_phrase(between[0].i)
            if len(found) >= 2:
                return Arg(found[:1], between[0], "'between' pair"), Arg(found[1:2], between[0], "'between' pair")
        target = self.target(doc, noun, entry, index) or compound_head_target(doc, noun, entry, index)
        own = target if target.via.endswith(OWN) else Arg()  # "restrictions on its market for EU members": keep looking
        target = Arg() if own else target
        verb = governing_verb(doc, noun)
        if verb is not None and background(doc, noun):
            verb = None  # "blocked a road after the bombing": the clause's doer did not do the bombing
        if verb is not None and self._scene_of(doc, noun, verb, entry):
            verb = None  # "was interviewed by police during the killings": the killings are not the police's
        if not source and verb is not None:
            source = self._engaged_in(doc, noun, verb, index)
        if verb is not None and (self._judges(doc, verb, noun) or under_judging_noun(
                doc, noun, verb, self.lexicon, JUDGING_ROOTS)):
            verb = None  # "condemned the attack", "rejected the offer": the judge did not do what is judged
        hops = 0
        while verb is not None and hops < 3 and not source:
            hops += 1
            vs, vt = self.verb_args(doc, verb, _PrepsOnly(entry), index)
            if vs and self.lexicon.is_speech(verb.lemma.lower()) and attribution(vs):
                break  # "killed in an attack, the Xinhua news agency reported": the agency did not attack
            if vs or vs.token is not None:
                source = Arg(vs.mentions, vs.token, f"subject of '{verb.text}'")
            if not target and vt and (noun.dep == "dobj" or hops == 1):
                target = Arg(vt.mentions, vt.token, f"'{verb.text}' object")
            if vs.token is None:  # "following a meeting with Abe, Putin said": go up to the clause
                verb = governing_verb(doc, verb)
        if verb is not None and source and not target:
            target = self.target(doc, verb, _PrepsOnly(entry), index)
            if target.token is not None and _inside(doc, target.token, noun):
                target = Arg()  # "in a joint statement by Egypt, Greece and Cyprus, …": the act's own authors
        if not target:
            target = self.complement_target(doc, noun, index)
        if not target and verb is not None:
            target = self.complement_target(doc, verb, index)
        joiner = joined_by(doc, noun) if entry.code[:3] == "062" and source.via.startswith("modifier") else None
        if joiner is not None:  # "refused to join NATO exercises": the joiner acts with the exercises' owner
            js, _ = self.verb_args(doc, joiner, _PrepsOnly(entry), index)
            if js:
                source, target = Arg(js.mentions, js.token, f"subject of '{joiner.text}'"), source
        return source, target or own

    def condition_target(self, doc: ParsedDoc, tok: Token, index: ActorIndex) -> Arg:
        """'threatened to launch an offensive unless Baghdad accepted …': the one the threat's condition names."""
        cur = tok
        for _ in range(4):
            for c in doc.children(cur.i):
                if c.dep == "advcl" and any(g.dep == "mark" and g.text.lower() in ("unless", "if") for g in doc.children(c.i)):
                    subj = next((g for g in doc.children(c.i) if g.dep in ("nsubj", "nsubjpass")), None)
                    found = index.for_phrase(subj.i) if subj is not None else []
                    if found and all(m.actor.country or m.actor.code for m in found):
                        return Arg(found, subj, f"subject of the condition '{c.text}'")
            if cur.head == cur.i or cur.dep not in ("xcomp", "dobj", "pobj", "prep", "ccomp", "conj"):
                break
            cur = doc.tokens[cur.head]
        return Arg()

    def _judges(self, doc: ParsedDoc, verb: Token, noun: Token) -> bool:
        """True if the noun is in the object of a verb that judges, probes or refuses it: someone else's act."""
        cur = noun
        while cur.head != verb.i:  # up to the verb's own child: the object phrase holding the noun
            if cur.head == cur.i:
                return False
            cur = doc.tokens[cur.head]
        about = cur.dep == "prep" and cur.text.lower() in ("over", "about", "for", "against")  # "complained over raids"
        if cur.dep != "dobj" and not about:
            return False
        obj = object_of(doc, verb) if about else cur
        entry = self.lexicon.lookup(verb.lemma.lower(), "VERB", obj.lemma.lower() if obj is not None else None)
        return entry is not None and entry.code[:2] in JUDGING_ROOTS

    def _scene_of(self, doc: ParsedDoc, noun: Token, verb: Token, entry) -> bool:
        """True for an act of force or protest named as the scene ('in/during the attack') of a verb of another kind."""
        prep = doc.tokens[noun.head]
        if entry.code[:2] not in SCENE_ROOTS or noun.dep != "pobj" or prep.text.lower() not in ("in", "during"):
            return False
        if prep.head != verb.i or verb.lemma.lower() in STATIVE_IN | PARTAKING or _light(verb):
            return False  # "took part in the protest", "were engaged in fighting": the subject's own act
        own = self.lexicon.lookup(verb.lemma.lower(), "VERB")
        if entry.code[:2] not in FORCE_ROOTS:  # "threw stones during demonstrations": the protesters; not "police arrested"
            return subject_of(doc, verb)[1] or own is not None and own.code[:2] in COERCION
        return own is None or own.code[:2] not in FORCE_ROOTS  # "killed five in an air strike": the same act

    def _engaged_in(self, doc: ParsedDoc, noun: Token, verb: Token, index: ActorIndex) -> Arg:
        """'Serb forces were engaged in ethnic cleansing': a stative passive's subject does the act it is in."""
        prep = doc.tokens[noun.head]
        if (noun.dep != "pobj" or prep.text.lower() != "in" or prep.head != verb.i or verb.lemma.lower() not in STATIVE_IN
                or agent_of(doc, verb) is not None):
            return Arg()
        subj, passive = subject_of(doc, verb)
        if subj is None or not passive:
            return Arg()
        return Arg(index.for_phrase(subj.i), subj, f"subject of '{verb.text} in'")

    # -- building events ----------------------------------------------------------------------

    def speaker_fallback(self, doc: ParsedDoc, tok: Token, source: Arg, index: ActorIndex,
                          quotes: Sequence[Quote] = ()) -> Arg:
        """'We plan …', he said: a first-person or missing source inside reported speech is the speaker."""
        return speaker_source(doc, tok, source, index, self.lexicon.is_speech, quotes)


def _own_side(found: list[ActorMention], subj: Token | None, index: ActorIndex) -> bool:
    """True if the actors are the subject's own side ('police' in what Cairo's security chief warns).

    Same country and the same code or a shared sector: not the opposition the minister warns.
    """
    mine = index.for_phrase(subj.i) if subj is not None else []
    return bool(mine) and all(any(m.actor.country == o.actor.country and (
        m.actor.code == o.actor.code or set(m.actor.sector) & set(o.actor.sector)) for o in mine) for m in found)


def _pronoun_only(doc: ParsedDoc, pobj: Token, found: list[ActorMention]) -> bool:
    """True if the phrase's only actor is a possessive pronoun ('its labour market'): the source's own, mostly."""
    return all(doc.tokens[m.head].tag == "PRP$" for m in found)


def _inside(doc: ParsedDoc, tok: Token, phrase: Token) -> bool:
    """True if tok is the phrase's head or hangs below it."""
    for _ in range(10):
        if tok.i == phrase.i:
            return True
        if tok.head == tok.i:
            return False
        tok = doc.tokens[tok.head]
    return False


def _light(verb: Token) -> bool:
    """True for a verb that carries the act it governs ('staged a protest during …' is not asked here)."""
    return verb.lemma.lower() in ("be", "have", "do", "stage", "hold", "carry", "conduct", "launch", "mount")


def _own_word(doc: ParsedDoc, obj: Token, found: list[ActorMention], subj: Token | None, index: ActorIndex) -> bool:
    """True if the object is the subject's own ('their anger'): its actors are the subject's."""
    if subj is None or not any(g.dep == "poss" and g.tag == "PRP$" for g in doc.children(obj.i)):
        return False
    mine = {m.actor.country or m.actor.code for m in index.for_phrase(subj.i)}
    return bool(mine) and all((m.actor.country or m.actor.code) in mine for m in found)


def _is_aim(doc: ParsedDoc, c: Token) -> bool:
    """An infinitival complement or purpose clause ('to demand …'), or a participle ('calling for …')."""
    if c.dep == "xcomp":
        return True
    if c.dep in ("advcl", "acl"):
        return c.tag == "VBG" or any(g.dep == "aux" and g.text.lower() == "to" for g in doc.children(c.i))
    return False


class _PrepsOnly:
    """A lexicon entry view whose target ignores the direct object (for light verbs)."""

    def __init__(self, entry):
        self.target = tuple(p for p in entry.target if p != "dobj") + ("dative",)
        self.code = entry.code
