"""Trigger finding: which tokens of a sentence are event predicates, and with which lexicon entry."""
from __future__ import annotations

from dataclasses import dataclass

from casus.events.roles.arguments import ActorIndex, acted_on, for_peacekeeping, object_word, object_words, subject_of
from casus.events.triggers.constructions import (
    EXERCISES, RECEIVE_VERBS, blamed_on, caused_by_release, frees_captives, held_in_custody, held_responsible,
    helps_actor, joined_by, naming_insult, received_gift, release_result, stray_subject, wh_clause, with_modifier,
)
from casus.events.triggers.lexicon import LexEntry
from casus.events.modality.demands import demanded_act
from casus.events.modality.modality import REFUSE_HEADS
from casus.model import ParsedDoc, Token

PREDICATE_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
NAME_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT",
                           "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
PARTICLES = frozenset({"for", "on", "off", "up", "down", "out", "over", "back", "forward", "in", "to", "with", "away"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
PHONING = frozenset({"call", "phone", "telephone", "ring"})  # verbs whose 041 (phone call) needs someone called
JOINT = frozenset({"joint", "combined", "bilateral", "trilateral"})
CONSTRUCTION = "construction"  # origin of an entry a construction makes ('held X responsible' → 112)
NAMED_BODIES = frozenset({"minister", "ministry", "secretary", "department", "commissioner", "commission",
                          "committee", "agency", "council", "office", "bureau", "envoy", "spokesman",
                          "spokeswoman", "spokesperson", "official", "worker", "organization", "organisation"})


@dataclass
class Candidate:
    """A predicate token with its lexicon entry."""

    token: Token
    entry: object  # casus.events.triggers.lexicon.LexEntry
    pos: str
    start: int | None = None  # character start when the trigger spans several tokens ("cease-fire")
    about: int | None = None  # a speech act's target: the token of the one spoken of (speech.py)
    speaker: object | None = None  # the quote speaker's ActorMention, for an act told in a quote with no speech verb


def find_candidates(lexicon, doc: ParsedDoc, start: int, end: int, index: ActorIndex) -> list[Candidate]:
    """Trigger tokens of one sentence with their lexicon entries: verbs, eventive nouns, predicate adjectives."""
    out = []
    taken: set[int] = set()  # custody words a verb of holding codes ("held in detention": one act)
    for t in doc.tokens[start:end]:
        pos = PREDICATE_POS.get(t.pos)
        if pos is None or t.i in taken or t.ent_type in NAME_ENTITIES or index.at(t.i) is not None:
            continue  # "Asia-Pacific Economic Cooperation", "Warsaw Pact" are names, not acts
        if pos == "NOUN" and _names_a_body(doc, t):
            continue  # "Investment Minister", "aid agencies": the portfolio or field of a body, not an act
        stative = t.tag == "VBN" and any(c.dep == "auxpass" for c in doc.children(t.i)) and (
            lexicon.lookup(t.lemma.lower(), "VERB") is None) and (
            doc.tokens[t.head].lemma.lower() != "far") and not wh_clause(doc, t)  # not "as far as / what X are concerned"
        adj = (t.dep == "acomp" or stative) and (
            lexicon.lookup(t.lemma.lower(), "ADJ") or lexicon.lookup(t.text.lower(), "ADJ"))
        if pos == "ADJ" or (t.tag == "VBN" and adj):  # "is skeptical of", "is committed to": after a copula
            entry = adj or None
            holder = (subject_of(doc, t)[0] or stray_subject(doc, t, lambda i: True)) if entry is not None else None
            if holder is not None and (index.at(holder.i) is not None or holder.tag == "PRP"):
                # "Germany is skeptical", "it is concerned"; not "the forecasts were too optimistic"
                out.append(Candidate(t, entry, "VERB"))
            continue
        if pos == "NOUN" and any(c.dep == "nsubj" for c in doc.children(t.i)) and any(
                c.dep in ("dobj", "prt") for c in doc.children(t.i)):
            pos = "VERB"  # "EU and UN hand over supplies": a verb the tagger took for a noun
        lemma = t.lemma.lower()
        entry, first_char = None, None
        if pos == "VERB":
            kids = doc.children(t.i)
            if naming_insult(doc, t) is not None:  # "called the ambassador a stupid guy": criticism (111)
                out.append(Candidate(t, lexicon.lookup("criticize", "VERB"), "VERB"))
                continue
            held = held_responsible(doc, t)
            if held is not None and (accuse := lexicon.lookup("accuse", "VERB")) is not None:
                note = f"construction: '{t.text} … responsible' accuses '{held.text}' → {accuse.code}"
                out.append(Candidate(t, LexEntry(t.lemma.lower(), "VERB", accuse.code, accuse.target, None, note,
                                                 CONSTRUCTION), "VERB", about=held.i))
                continue  # "held the army responsible for …": an accusation (112) of the one held responsible
            custody = held_in_custody(doc, t)
            if custody is not None and (detain := lexicon.lookup("detain", "VERB")) is not None:
                taken.add(custody.i)
                note = f"construction: '{t.text}' in custody detains → {detain.code}"
                out.append(Candidate(t, LexEntry(t.lemma.lower(), "VERB", detain.code, detain.target, None, note,
                                                 CONSTRUCTION), "VERB"))
                continue  # "were held without charge", "held in custody": detention (173)
            if any(c.dep == "oprd" and c.pos in ("NOUN", "PROPN") for c in kids):
                continue  # "called the move a mistake": naming, not the act ("shot dead" is the act)
            result = release_result(doc, t)
            if result is not None and frees_captives(doc, t, result, index):  # "set free 200 prisoners", "let X go"
                out.append(Candidate(t, lexicon.lookup("release", "VERB"), "VERB"))
                continue
            if caused_by_release(doc, t):
                continue  # "free" in "let free X": the causative verb speaks for it
            obj = acted_on(doc, t)  # "sanctions were lifted": the passive subject is what is acted on
            obj_lemma = object_word(doc, t, obj, index)
            nxt = doc.tokens[t.i + 1] if t.i + 1 < end else None
            parts = [c for c in kids if c.dep == "prt" or (c.dep == "prep" and c.i == t.i + 1)]
            if nxt is not None and nxt.text.lower() in PARTICLES and nxt not in parts:
                parts.append(nxt)
            for c in parts:
                pobj = obj_lemma or next((g.lemma.lower() for g in doc.children(c.i) if g.dep == "pobj"), None)
                entry = lexicon.lookup(f"{lemma} {c.text.lower()}", "VERB", pobj)
                if entry is not None:
                    break
            if entry is None:
                entry = lexicon.lookup(lemma, "VERB", obj_lemma)
            if entry is None and lemma in RECEIVE_VERBS and received_gift(doc, t, obj):  # "received food from X"
                entry = lexicon.lookup("provide", "VERB", obj_lemma)
            if obj is not None and obj.lemma.lower() != obj.text.lower() and (entry is None or entry.requires is None):
                # "evacuated the wounded": the tagger may lemmatise a nominalised participle away
                alt = lexicon.lookup(lemma, "VERB", obj.text.lower())
                entry = alt if alt is not None and alt.requires else entry
            if (entry is None or entry.requires is None) and obj is not None:
                # "returned dozens of artifacts", "lifted a state of emergency": the 'of' noun is the object;
                # "provided photographs and intelligence": so is each conjunct
                verb_trigger = entry.trigger if entry is not None else lemma  # "handed over 700 kg of medicine"
                verb_trigger = "provide" if entry is None and lemma in RECEIVE_VERBS and received_gift(
                    doc, t, obj) else verb_trigger
                for inner in object_words(doc, obj)[1:]:  # "a team of medical experts": 'medical expert'
                    inner_entry = lexicon.lookup(verb_trigger, "VERB", with_modifier(doc, doc.tokens[inner]))
                    if inner_entry is not None and inner_entry.requires:
                        entry = inner_entry
                        break
        else:
            prep = doc.tokens[t.head]
            if t.dep == "pobj" and prep.text.lower() == "as" and _labels(lexicon, doc.tokens[prep.head]):
                continue  # "denounced as a violation", "seen as an attack": a label given, not an act
            if t.i >= start + 2 and doc.tokens[t.i - 1].text == "-":  # "cease-fire": split by the tokenizer
                first = doc.tokens[t.i - 2].text.lower()
                entry = (lexicon.lookup(f"{first}-{lemma}", "NOUN")
                         or lexicon.lookup(f"{first}{lemma}", "NOUN"))
                first_char = doc.tokens[t.i - 2].idx if entry is not None else None
            off = False
            for c in doc.children(t.i) if entry is None else ():  # "peace talks", "air strike"
                if c.dep in ("compound", "amod") and c.i == t.i - 1:
                    entry = lexicon.lookup(f"{c.lemma.lower()} {lemma}", "NOUN")
                    off = lexicon.switched_off(f"{c.lemma.lower()} {lemma}", "NOUN")
                    if entry is not None or off:
                        break
            if off:
                continue  # "a cardiac arrest", "a country retreat": a '-' row for the compound
            if entry is None and t.i + 1 < end and doc.tokens[t.i + 1].text == "-":
                continue  # "cease" of "cease-fire": the second half speaks for the word
            if entry is None:
                entry = lexicon.lookup(lemma, "NOUN") or (
                    lexicon.lookup(t.text.lower(), "NOUN") if t.text.lower() != lemma else None)
        joint = entry is not None and pos == "NOUN" and entry.code[:2] == "15" and (
            any(c.dep == "amod" and c.lemma.lower() in JOINT for c in doc.children(t.i))
            or (t.lemma.lower() in EXERCISES and joined_by(doc, t) is not None))
        if joint:
            entry = lexicon.lookup("joint exercise", "NOUN") or entry  # "joint war games", "joined NATO drills": 062
        if entry is not None and pos == "VERB" and entry.code[:2] in ("15", "04") and for_peacekeeping(doc, t):
            # "sent 300 troops to the UN peacekeeping mission", "peacekeepers arrived": 074, not a build-up or visit
            entry = lexicon.lookup(entry.trigger, "VERB", "peacekeepers") or entry
        if entry is None and pos == "VERB" and t.dep == "xcomp" and lexicon.is_speech(lemma) and (
                doc.tokens[t.head].lemma.lower() in REFUSE_HEADS):  # "refused to say whether …": decline comment
            entry = lexicon.lookup(lemma, "SPEECH")
            out.append(Candidate(t, entry, "VERB"))
            continue
        if entry is not None and pos == "VERB" and entry.code[:2] not in FORCE_ROOTS and any(
                c.dep == "oprd" for c in doc.children(t.i)):
            entry = None  # "called the prime minister nasty": naming; "shot dead" is the act
        if entry is not None and pos == "VERB" and not helps_actor(doc, t, index):
            entry = None  # "the decision helped push the dollar higher": nobody is helped
        if entry is not None and pos == "VERB" and entry.code == "014" and any(
                c.dep in ("ccomp", "xcomp", "oprd") and c.lemma.lower() == "be" for c in doc.children(t.i)):
            entry = None  # "consider the projects to be a step towards peace": a view, not a policy option weighed
        if entry is not None and pos == "VERB" and entry.code == "041" and lemma in PHONING and not _calls_someone(
                doc, t, index):
            entry = None  # "firefighters were called to the building": summoned, not a phone call
        if entry is not None and entry.pos in ("VERB", "NOUN"):
            blamed = blamed_on(doc, t) if pos == "VERB" and entry.code[:3] == "112" else None
            out.append(Candidate(t, entry, entry.pos, first_char,  # "was blamed on militants": they are accused
                                 about=blamed.i if blamed is not None else None))
        elif entry is None and pos == "VERB" and (asked := demanded_act(lexicon, doc, t, index)):
            out.append(Candidate(t, lexicon.lookup(asked, "VERB"), "VERB"))  # "X said the government must ensure …"
    return out


def _names_a_body(doc: ParsedDoc, t: Token) -> bool:
    """True for a noun modifying an office or body noun ('Trade Minister', 'Planning and Investment Minister')."""
    for _ in range(3):
        if t.dep != "conj" or t.head == t.i:
            break
        t = doc.tokens[t.head]
    return t.dep in ("compound", "nmod") and t.head != t.i and doc.tokens[t.head].lemma.lower() in NAMED_BODIES


LABEL_VERBS = frozenset({"see", "view", "regard", "describe", "brand", "label", "term", "characterize",
                         "characterise", "portray", "depict", "consider", "treat", "denounce", "condemn"})


def _labels(lexicon, verb: Token) -> bool:
    """True for a verb that names or judges what it is about ('denounced … as a crime'), not one that acts."""
    if verb.pos != "VERB":
        return False
    lemma = verb.lemma.lower()
    entry = lexicon.lookup(lemma, "VERB")
    return lemma in LABEL_VERBS or lexicon.is_speech(lemma) or (entry is not None and entry.code[:2] in ("11", "12"))


def _calls_someone(doc: ParsedDoc, verb: Token, index: ActorIndex) -> bool:
    """True for a phone call: an active verb whose object is an actor ('Putin called Erdogan')."""
    kids = doc.children(verb.i)
    if any(c.dep in ("auxpass", "nsubjpass") for c in kids):
        return False
    return any(c.dep in ("dobj", "oprd") and index.for_phrase(c.i) for c in kids)  # 'oprd': a parser slip
