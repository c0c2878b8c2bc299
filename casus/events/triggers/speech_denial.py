"""The denial rule of the speech acts (016, deny responsibility): a political speaker's reported clause that denies a
wrong of its own side ('said his remarks were not racist') or calls an accusation false ('said the allegations were
baseless'). docs/CODING.md §1, "What a speech verb reports"."""
from __future__ import annotations

from casus.events.roles.arguments import FIRST_PERSON
from casus.events.triggers.speech_clause import (
    SpeechAct, clause as _clause, conjuncts as _conjuncts, cue_negated as _cue_negated, depth as _depth,
    negated as _negated, others as _others, ours as _ours, THIRD_PERSON,
)
from casus.events.triggers.speech_rules import RULES, SpeechRules
from casus.model import ParsedDoc, Token

WRONG_ROOTS = frozenset({"11", "12", "13", "15", "16", "17", "18", "19", "20"})  # acts one is accused of
CUE_DEPTH = 3  # an ill word at most this many heads below the predicate
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
MODALS = frozenset({"will", "would", "shall", "should", "could", "can", "may", "might", "must"})
NOBODY = frozenset({"nothing", "nobody", "none"})  # "had done nothing wrong": the wrong is denied


def denial(doc: ParsedDoc, root: Token, index, rules: SpeechRules, claimed: dict[int, str],
            speaker: list, inside: frozenset[int] = frozenset()) -> SpeechAct | None:
    """016 when a political speaker's clause denies a wrong of its own side ('said his remarks were not racist',
    'said he had done nothing wrong', 'said he was innocent') or calls an accusation false ('said the allegations
    were baseless'); not a promise ('would not attack'). The accuser, if the accusation names one, is the target.
    `inside`: the sentence's tokens inside a direct quote (speech_clause.in_quotes)."""
    if not any(m.actor.code or m.actor.country for m in speaker):
        return None
    cues, wrongs = rules.cues["denial"], rules.cues["criticism"] | rules.cues["accusation"]
    for pred in _conjuncts(doc, root):
        if _no_proof(doc, pred, index, rules, claimed, speaker, inside):
            return SpeechAct("denial", RULES["denial"], None)
        subj = next((c for c in doc.children(pred.i) if c.dep in SUBJECTS), None)
        if subj is None or any(c.dep == "aux" and c.lemma.lower() in MODALS for c in doc.children(pred.i)):
            continue
        charge = subj.lemma.lower() in rules.charges
        if not charge and not _own_side(doc, index, subj, speaker, inside):
            continue
        if _extraposed(doc, subj, pred) or _done_to_speaker(doc, index, pred, speaker):
            continue  # "said it had not been proven that …", "said it had not done him any damage"
        skip = {x.i for c in doc.children(pred.i) if c.dep == "conj" or c.i == subj.i for x in doc.subtree(c.i)}
        for x in _clause(doc, pred):
            if x.i in skip or _depth(doc, x, pred) > CUE_DEPTH:
                continue
            word = {x.lemma.lower(), x.text.lower()}
            denied = _cue_negated(doc, x, pred) or doc.tokens[x.head].text.lower() in NOBODY
            if word & cues and not denied or denied and (word & rules.truths if charge else (
                    word & wrongs or claimed.get(x.i, "") in WRONG_ROOTS)):
                return SpeechAct("denial", RULES["denial"], _accuser(doc, index, subj, speaker) if charge else None)
    return None


def _own_side(doc: ParsedDoc, index, subj: Token, speaker: list, inside: frozenset[int] = frozenset()) -> bool:
    """True for the speaker's own side as a clause's subject: 'I', 'we', a pronoun or noun coreference ties to the
    speaker, a noun the speaker's pronoun owns ('his comments', 'our troops'); not an untied 'he', nor a 'he', 'she'
    or 'they' inside a direct quote, where a speaker names itself 'I' or 'we' ('Milburn said: "He is not …"')."""
    low = subj.text.lower()
    own = index.at(subj.i)  # the subject itself, not an actor inside its phrase ('backing his party')
    if low in FIRST_PERSON:
        return True
    if low in THIRD_PERSON and subj.i in inside:
        return False
    if own is not None:
        return subj.pos in ("NOUN", "PROPN", "PRON") and _ours(own, speaker)
    poss = next((c for c in doc.children(subj.i) if c.dep == "poss" and c.tag == "PRP$"), None)
    owner = index.at(poss.i) if poss is not None else None
    return poss is not None and (poss.text.lower() in FIRST_PERSON or owner is not None and _ours(owner, speaker))


def _no_proof(doc: ParsedDoc, pred: Token, index, rules: SpeechRules, claimed: dict[int, str], speaker: list,
              inside: frozenset[int]) -> bool:
    """True for 'there is no evidence / proof / sign that …' (or '… of …') whose clause tells a wrong (a lexicon act of
    roots 11-20 or a wrong word) done by nobody named (a passive with no agent) or by the speaker's own side: 'said
    there was no evidence that any detainee was abused'. Not another's wrong ('no evidence that Russia interfered')."""
    if pred.lemma.lower() != "be" or not any(c.dep == "expl" for c in doc.children(pred.i)):
        return False
    wrongs = rules.cues["criticism"] | rules.cues["accusation"]
    for noun in (c for c in doc.children(pred.i) if c.dep in ("attr", "dobj", "nsubj")):
        if noun.lemma.lower() not in rules.proofs or not (_negated(doc, noun) or _negated(doc, pred)):
            continue
        told = [c for c in doc.children(noun.i) if c.dep in ("acl", "ccomp")] + [
            g for c in doc.children(noun.i) if c.dep == "prep" and c.text.lower() in ("of", "in")
            for g in doc.children(c.i) if g.dep in ("pobj", "pcomp")]
        for clause in told:
            for x in _clause(doc, clause):
                if _depth(doc, x, clause) > CUE_DEPTH or _cue_negated(doc, x, clause):
                    continue
                if not ({x.lemma.lower(), x.text.lower()} & wrongs or claimed.get(x.i, "") in WRONG_ROOTS):
                    continue
                kids = doc.children(x.i) if x.pos in ("VERB", "AUX") else doc.children(clause.i)
                doer = next((c for c in kids if c.dep == "nsubj"), None)
                agent = next((g for c in kids if c.dep == "agent" for g in doc.children(c.i) if g.dep == "pobj"), None)
                who = doer if doer is not None else agent
                if who is None or _own_side(doc, index, who, speaker, inside):
                    return True  # "no evidence that any detainee was abused", "no sign that our troops fired"
    return False


def _extraposed(doc: ParsedDoc, subj: Token, pred: Token) -> bool:
    """True for an 'it' that stands for a clause of its predicate ('it had not been proven that …'): no one's side."""
    return subj.text.lower() == "it" and any(
        c.dep in ("ccomp", "csubj") and any(g.dep == "mark" for g in doc.children(c.i)) for c in doc.children(pred.i))


def _done_to_speaker(doc: ParsedDoc, index, pred: Token, speaker: list) -> bool:
    """True if the speaker is the one the denied harm is done to ('had not done him any lasting damage'): a denial of
    harm suffered is no denial of a wrong done."""
    for c in _clause(doc, pred):  # "I don't think it's done me any damage": the object of a verb below it too
        if c.dep in ("dobj", "dative") and c.tag == "PRP" and _depth(doc, c, pred) <= CUE_DEPTH:
            m = index.at(c.i)
            if c.text.lower() in FIRST_PERSON | {"me"} or (m is not None and _ours(m, speaker)):
                return True
    return False


def _accuser(doc: ParsedDoc, index, charge: Token, speaker: list) -> int | None:
    """The one who made the accusation: its possessor or 'by' agent ('the opposition's claims', 'claims by X')."""
    for c in doc.children(charge.i):
        who = c if c.dep == "poss" else next((g for g in doc.children(c.i) if g.dep == "pobj"), None) if (
            c.dep == "prep" and c.text.lower() in ("by", "from")) else None
        if who is not None and _others(doc, index, who, speaker):
            return who.i
    return None
