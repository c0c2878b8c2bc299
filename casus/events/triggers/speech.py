"""What a speech verb reports, coded as the CAMEO codebook codes it: criticism of a named actor, an accusation.

A speech verb codes nothing by itself (its lexicon rows are `SPEECH`); four rules read what it reports:
- criticism (111): 'the opposition leader said the government had failed', 'X told MPs the minister was
  complacent' — the reported clause speaks ill (a `neg` word of evaluative.tsv or a criticism cue of
  speech_acts.tsv, not negated) of a political actor named as its subject, who is not the speaker;
- accusation (112): 'the ministry claims the rebels attacked the convoy', 'X believes the security services
  rigged the vote' — a verb of claiming reports a wrong (a lexicon act of roots 11-20, or a wrong of
  speech_acts.tsv) done by an actor other than the claimant;
- denial (016): 'the minister said his remarks were not racist', 'said the allegations were baseless' — a wrong of
  the speaker's own side denied, or an accusation called false;
- statement (010): a political speaker tells a political body ('told MPs').
Each gives a candidate on the speech verb whose target is the one spoken of (`Candidate.about`).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from casus.events.roles.arguments import FIRST_PERSON
from casus.events.triggers.detector import ORIGIN as LEARNED
from casus.events.triggers.lexicon import LexEntry
from casus.events.triggers.speech_clause import (
    SpeechAct, chain as _chain, clause as _clause, conjuncts as _conjuncts, cue_negated as _cue_negated,
    depth as _depth, in_quotes, negated as _negated, other_pronoun as _other_pronoun, others as _others, ours as _ours,
)
from casus.events.triggers.speech_denial import WRONG_ROOTS, denial
from casus.events.triggers.speech_rules import RULES, SpeechRules
from casus.events.triggers.triggers import Candidate
from casus.model import ParsedDoc, Quote, Token

CUE_DEPTH = 3  # an ill word at most this many heads below the predicate: "was a form of deception"
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
PRONOUNS = frozenset({"PRP", "WP", "WDT"})
GOVERNING = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
TAKING_PART = frozenset({"involve", "implicate", "engage"})
QUOTED_CRITICISM = "criticism in the speaker's own words"  # rule names in the reason of the act
QUOTED_ACCUSATION = "accusation in the speaker's own words"
QUOTE_SENTENCE = "criticism in a quote"
NESTED = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj"})  # clauses of their own inside the reported one


def speech_acts(doc: ParsedDoc, verbs: Iterable[Token], index, rules: SpeechRules,
                claimed: dict[int, str], inside: frozenset[int] = frozenset()) -> list[tuple[Token, SpeechAct]]:
    """The speech verbs of a sentence that criticise or accuse, with what each is about.

    `claimed` maps the sentence's other trigger tokens to their roots (the acts a claim may report); `inside` holds
    its tokens inside a direct quote (speech_clause.in_quotes).
    """
    out = []
    for verb in verbs:
        if verb.i in claimed or _negated(doc, verb) or verb.dep == "xcomp":
            continue  # "did not say", "refused to say"
        speaker = _speaker(doc, verb, index)
        if speaker is None:
            continue
        lemma = verb.lemma.lower()
        act = None
        for root in _reported(doc, verb):
            if lemma in rules.verbs["accusation"]:
                act = _accusation(doc, root, index, rules, claimed, speaker, verb, inside)
            if act is None and lemma in rules.verbs["criticism"]:
                act = _criticism(doc, root, index, rules, speaker, verb, inside=inside)
            if act is None and lemma in rules.verbs["denial"]:
                act = denial(doc, root, index, rules, claimed, speaker, inside)
            if act is not None:
                break
        if act is None and lemma in rules.verbs["statement"]:
            act = _statement(doc, verb, index, rules, speaker)
        if act is not None:
            out.append((verb, act))
    return out


def _statement(doc: ParsedDoc, verb: Token, index, rules: SpeechRules, speaker: list) -> SpeechAct | None:
    """010 when a political speaker tells a political body ('told MPs', 'told the Scottish Parliament that')."""
    if not any(m.actor.code or m.actor.country for m in speaker):
        return None
    heard = [c for c in doc.children(verb.i) if c.dep in ("dobj", "dative")] + [
        g for c in doc.children(verb.i) if c.dep == "prep" and c.text.lower() == "to"
        for g in doc.children(c.i) if g.dep == "pobj"]
    for h in heard:
        found = [m for m in index.for_phrase(h.i) if not _ours(m, speaker)]
        if any("MED" in m.actor.sector for m in found):
            continue  # "told reporters", "told the BBC": the press is no political addressee
        if any(m.actor.kind in ("state", "igo") or set(m.actor.sector) & GOVERNING for m in found) or (
                h.lemma.lower() in rules.cues["statement"] or h.text.lower() in rules.cues["statement"]):
            return SpeechAct("statement", RULES["statement"], h.i)
    return None


def _speaker(doc: ParsedDoc, verb: Token, index) -> list | None:
    """The actor mentions of the speech verb's own active subject ('the minister said', 'said the minister')."""
    subj = next((c for c in doc.children(verb.i) if c.dep == "nsubj"), None)
    if subj is None:
        return None
    found = index.for_phrase(subj.i)
    return found or None


def _reported(doc: ParsedDoc, verb: Token) -> list[Token]:
    """The predicates of what the verb reports: its clausal complement, or the clause it is a parenthesis of."""
    kids = [c for c in doc.children(verb.i) if c.dep == "ccomp"]
    if kids:
        return kids
    if verb.dep in ("parataxis", "ccomp") and verb.head != verb.i and verb.head < verb.i:  # "X has failed, Y said"
        return [doc.tokens[verb.head]]
    return []


def _criticism(doc: ParsedDoc, root: Token, index, rules: SpeechRules, speaker: list,
               verb: Token | None = None, in_quote: bool = False,
               inside: frozenset[int] = frozenset()) -> SpeechAct | None:
    """111 when a predicate of the clause has another political actor as subject and speaks ill of it.

    The clause's root and the clauses joined to it are read each with its own subject ('said the bill would
    help, but ministers had been complacent'); in the speaker's own words (a direct quote, or after 'said:') a
    'he', 'she' or 'they' is another actor ('said: "They have betrayed the workers"').
    """
    cues = rules.cues["criticism"]
    political = any(m.actor.code or m.actor.country for m in speaker)
    for pred in _conjuncts(doc, root):
        subj = next((c for c in doc.children(pred.i) if c.dep in SUBJECTS), None)
        own_words = (subj is not None and (verb is not None or in_quote) and political and subj.tag in PRONOUNS
                     and _other_pronoun(doc, index, subj, None if in_quote else verb, speaker, inside))
        if subj is None or not own_words and (subj.tag in PRONOUNS or not (
                _others(doc, index, subj, speaker, persons=True) or _public_measure(doc, index, subj, speaker, rules))):
            continue  # "said he had failed": a pronoun subject is mostly the speaker, whatever coreference says
        clause = _clause(doc, pred)
        skip = {x.i for c in doc.children(pred.i) if c.dep == "conj" or c.i == subj.i for x in doc.subtree(c.i)}
        skip |= {y.i for x in clause if x.dep in NESTED and x.i != pred.i for y in doc.subtree(x.i)}
        for x in clause:
            if x.i in skip or x.dep == "compound" or _depth(doc, x, pred) > CUE_DEPTH:
                continue  # "waste recycling" names a thing; a word deep in a list is no judgement of the subject
            ill = x.lemma.lower() in cues or x.text.lower() in cues
            praised = x.lemma.lower() in rules.praise or x.text.lower() in rules.praise
            if (ill or praised) and _cue_negated(doc, x, pred) != ill:  # "a failure", "not straightforward"
                return SpeechAct(QUOTED_CRITICISM if own_words else "criticism", RULES["criticism"], subj.i)
    return _owned_conduct(doc, root, index, rules, speaker)


def _owned_conduct(doc: ParsedDoc, root: Token, index, rules: SpeechRules, speaker: list) -> SpeechAct | None:
    """111 when the reported clause names another political actor's wrong conduct, owned by a possessive or an
    'of' ('would avoid the old parties' lies', 'the incompetence of the ministry'), not denied."""
    for x in _clause(doc, root):
        if x.pos != "NOUN" or x.lemma.lower() not in rules.conduct or _cue_negated(doc, x, root):
            continue
        owners = [c for c in doc.children(x.i) if c.dep == "poss"] + [
            g for c in doc.children(x.i) if c.dep == "prep" and c.text.lower() == "of"
            for g in doc.children(c.i) if g.dep == "pobj"]
        for o in owners:
            if o.tag not in PRONOUNS and _others(doc, index, o, speaker, persons=True):
                return SpeechAct("criticism", RULES["criticism"], o.i)
    return None


def _public_measure(doc: ParsedDoc, index, subj: Token, speaker: list, rules: SpeechRules) -> bool:
    """True for a public act or measure a political speaker judges ('the tax', 'the current powers', 'the
    chancellor's plan'), not the speaker's own ('our plan', 'its policy') and not a thing ('the weather')."""
    if subj.pos != "NOUN" or subj.lemma.lower() not in rules.topics:
        return False
    if not any(m.actor.code or m.actor.country for m in speaker):
        return False
    poss = next((c for c in doc.children(subj.i) if c.dep == "poss"), None)
    owner = index.at(poss.i) if poss is not None else None
    if poss is not None and (poss.text.lower() in FIRST_PERSON or (poss.tag == "PRP$" and (
            owner is None or _ours(owner, speaker)))):
        return False  # "our plan", "its policy": the speaker's own measure, or one coreference cannot place
    found = index.for_phrase(subj.i)
    return not found or not all(_ours(m, speaker) for m in found)


def _accusation(doc: ParsedDoc, root: Token, index, rules: SpeechRules, claimed: dict[int, str],
                speaker: list, verb: Token | None = None, inside: frozenset[int] = frozenset()) -> SpeechAct | None:
    """112 when the clause tells a wrong (a lexicon act of roots 11-20 or a wrong word) done by another actor; in the
    speaker's own words a 'he', 'she' or 'they' is another actor ('claimed: "They rigged the vote"')."""
    cues = rules.cues["accusation"]
    for pred in _chain(doc, root):
        wrong = claimed.get(pred.i, "") in WRONG_ROOTS or pred.lemma.lower() in cues
        objects = [c for c in doc.children(pred.i) if c.dep == "dobj"] + [
            g for c in doc.children(pred.i) if c.dep == "prep" for g in doc.children(c.i) if g.dep == "pobj"]
        noun = next((c for c in objects if claimed.get(c.i, "") in WRONG_ROOTS), None) if not wrong else None
        # "ordered the killing", "carried out attacks", "were involved in the bombing"
        if not (wrong or noun is not None) or _negated(doc, pred):
            continue
        doer = _doer(doc, pred)
        if doer is not None and verb is not None and doer.tag in PRONOUNS and _other_pronoun(
                doc, index, doer, verb, speaker, inside) and any(m.actor.code or m.actor.country for m in speaker):
            return SpeechAct(QUOTED_ACCUSATION, RULES["accusation"], doer.i)
        if doer is None or doer.tag in PRONOUNS:
            continue  # "claimed he had been cheated": a pronoun doer is too often the claimant
        if _others(doc, index, doer, speaker):
            return SpeechAct("accusation", RULES["accusation"], doer.i)
    return None


def _doer(doc: ParsedDoc, pred: Token) -> Token | None:
    """Who did what the predicate tells: its active subject, or the 'by' agent of a passive."""
    kids = doc.children(pred.i)
    if pred.lemma.lower() in TAKING_PART:  # "the police were involved in the attacks": the subject took part
        return next((c for c in kids if c.dep in ("nsubj", "nsubjpass")), None)
    if any(c.dep == "auxpass" for c in kids) or any(c.dep == "nsubjpass" for c in kids):
        for c in kids:
            if c.dep == "agent":
                return next((g for g in doc.children(c.i) if g.dep == "pobj"), None)
        return None
    cur = pred
    for _ in range(4):
        subj = next((c for c in doc.children(cur.i) if c.dep == "nsubj"), None)
        if subj is not None:
            return subj
        if cur.dep not in ("conj", "xcomp") or cur.head == cur.i:
            return None
        cur = doc.tokens[cur.head]
    return None


ORIGIN = "speech"


def claimed_wrongs(doc: ParsedDoc, nouns: Iterable[Token], index, rules: SpeechRules,
                   claimed: dict[int, str]) -> list[tuple[Token, SpeechAct]]:
    """Nouns of claiming whose owner accuses another: "Kenya's claim that Ugandan troops attacked a post" (112).

    The noun's own arguments make the act: a possessor that is a political actor (the one who claims) and a
    'that' clause of the noun telling a wrong done by another actor, read as a claiming verb's clause is. A
    claim in passing ("despite its claims of fraud", "the claims were repeated") names no one accused.
    """
    out = []
    for noun in nouns:
        poss = next((c for c in doc.children(noun.i) if c.dep == "poss"), None)
        owner = [m for m in index.for_phrase(poss.i) if m.actor.code or m.actor.country] if poss is not None else []
        if not owner or poss.text.lower() in FIRST_PERSON:
            continue
        for clause in (c for c in doc.children(noun.i) if c.dep in ("acl", "ccomp") and c.pos in ("VERB", "AUX")):
            if not any(g.dep == "mark" and g.text.lower() == "that" for g in doc.children(clause.i)):
                continue  # "its claim to have won": no other actor's wrong
            act = _accusation(doc, clause, index, rules, claimed, owner)
            if act is not None:
                out.append((noun, act))
                break
    return out


def quoted_criticism(doc: ParsedDoc, start: int, end: int, index, lexicon, rules: SpeechRules,
                     claimed: dict[int, str], quotes: Sequence[Quote]) -> tuple[Token, SpeechAct, object] | None:
    """Criticism in a quoted sentence with no speech verb of its own ('"He has made a mess of the talks."', its speaker
    named in the sentence before): the criticism rule reads the sentence as the quote speaker's reported clause, a 'he',
    'she' or 'they' being another actor. Returns the predicate (the trigger), the act and the speaker's mention."""
    root = next((t for t in doc.tokens[start:end] if t.head == t.i), None)
    if root is None or root.i in claimed or root.pos not in ("VERB", "AUX", "ADJ") or any(
            t.pos == "VERB" and lexicon.is_speech(t.lemma.lower()) for t in doc.tokens[start:end]):
        return None  # a speech verb of its own: the verb rules read it ('"…," he said')
    q = next((q for q in quotes if q.direct and q.speaker is not None and q.start <= root.idx < q.end), None)
    spk = index.at_char(q.speaker.start) if q is not None else None
    if spk is None or not (spk.actor.code or spk.actor.country):
        return None
    act = _criticism(doc, root, index, rules, [spk], in_quote=True)
    return (root, replace(act, rule=QUOTE_SENTENCE), spk) if act is not None else None


def with_speech_acts(doc: ParsedDoc, start: int, end: int, index, lexicon, rules: SpeechRules,
                     cands: list[Candidate], quotes: Sequence[Quote] = ()) -> list[Candidate]:
    """A sentence's candidates plus its speech verbs (and nouns of claiming) that criticise or accuse (replacing a
    learned guess, or a noun's plain lexicon row, on one), and a quoted sentence that criticises."""
    learned = {c.token.i for c in cands if c.entry.origin == LEARNED}
    claimed = {c.token.i: c.entry.code[:2] for c in cands if c.token.i not in learned}
    verbs = [t for t in doc.tokens[start:end] if t.pos == "VERB" and t.i not in claimed
             and lexicon.is_speech(t.lemma.lower())]
    found = speech_acts(doc, verbs, index, rules, claimed, in_quotes(doc, start, end, quotes)) if verbs else []
    nouns = [t for t in doc.tokens[start:end] if t.pos == "NOUN" and t.lemma.lower() in rules.claims]
    found += claimed_wrongs(doc, nouns, index, rules, claimed) if nouns else []
    speakers = {}
    if not found and quotes:
        quoted = quoted_criticism(doc, start, end, index, lexicon, rules, claimed, quotes)
        if quoted is not None:
            found, speakers = [quoted[:2]], {quoted[0].i: quoted[2]}
    if not found:
        return cands
    mine = {verb.i for verb, _ in found}
    out = [c for c in cands if c.token.i not in mine]
    for verb, act in found:
        of = f" of '{doc.tokens[act.about].text}'" if act.about is not None else ""
        note = f"speech act: '{verb.text}' reports {act.rule}{of} → {act.code}"
        pos = "NOUN" if verb.pos == "NOUN" else "VERB"
        entry = LexEntry(verb.lemma.lower(), pos, act.code, (), None, note, ORIGIN)
        out.append(Candidate(verb, entry, pos, about=act.about, speaker=speakers.get(verb.i)))
    return sorted(out, key=lambda c: c.token.i)
