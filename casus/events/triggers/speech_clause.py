"""What the speech-act rules share: the act they code, and readings of a reported clause and of whose side an actor
is on (the speaker's own or another's)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from casus.events.roles.arguments import FIRST_PERSON
from casus.model import ParsedDoc, Quote, Token

CLAUSE_CAP = 40  # tokens of a reported clause read
NEGATIONS = frozenset({"not", "n't", "never", "no"})
THIRD_PERSON = frozenset({"he", "she", "they"})
CONJ, CONJ_XCOMP = frozenset({"conj"}), frozenset({"conj", "xcomp"})
PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ"})
CHAIN_PREPS = frozenset({"in", "of"})  # "were involved in the attacks", "accused of rigging"


@dataclass(frozen=True)
class SpeechAct:
    """A speech verb coded by what it reports: the rule, its code and the token of the one spoken of."""

    rule: str
    code: str
    about: int | None


def clause(doc: ParsedDoc, root: Token, skip: int | None = None) -> list[Token]:
    """The tokens of a reported clause, without the speech verb's own phrase (for a parenthesis)."""
    own = {x.i for x in doc.subtree(skip)} if skip is not None else set()
    return [x for x in doc.subtree(root.i) if x.i not in own][:CLAUSE_CAP]


def negated(doc: ParsedDoc, tok: Token) -> bool:
    """True if the token carries a negation ('not', 'never', 'no')."""
    return any(c.dep == "neg" or (c.dep in ("advmod", "det") and c.text.lower() in NEGATIONS)
               for c in doc.children(tok.i))


def same(a, b) -> bool:
    """True for two mentions of one coded actor (same code and name)."""
    return a.actor.code is not None and a.actor.code == b.actor.code and a.actor.name == b.actor.name


def others(doc: ParsedDoc, index, tok: Token, speaker: list, persons: bool = False) -> list:
    """Political actors of a phrase that are not the speaker's side: not the speaker, not 'we' or 'our …', not
    'its / their fighters' (a possessive pronoun that is the speaker's or unresolved), not a body of its code."""
    poss = next((c for c in doc.children(tok.i) if c.dep == "poss" and c.tag == "PRP$"), None)
    if tok.text.lower() in FIRST_PERSON or (poss is not None and (
            poss.text.lower() in FIRST_PERSON or index.at(poss.i) is None or ours(index.at(poss.i), speaker))):
        return []
    return [m for m in index.for_phrase(tok.i) if (m.actor.code or m.actor.country or (
        persons and m.actor.kind == "person" and m.actor.name)) and m.actor.kind != "unknown" and not ours(m, speaker)]


def ours(m, speaker: list) -> bool:
    """True for the speaker itself, or a body of its code ('the Russian army' of 'Moscow'); two people who share
    a code ('GBRGOV') are two, not one."""
    return any(m is s or same(m, s) or (within(m, s) and "person" not in (m.actor.kind, s.actor.kind))
               for s in speaker)


def within(m, s) -> bool:
    """True for the same body or one inside the other ('RUSGOV' and 'RUSGOVMIL')."""
    a, b = m.actor.code or "", s.actor.code or ""
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def depth(doc: ParsedDoc, tok: Token, pred: Token) -> int:
    """How many heads up from the token the predicate is (99 when it is not above it)."""
    cur, n = tok, 0
    while cur.i != pred.i and n < 99:
        if cur.head == cur.i:
            return 99
        cur, n = doc.tokens[cur.head], n + 1
    return n


def predicates(doc: ParsedDoc, root: Token, deps: frozenset[str], cap: int, pos: frozenset[str] | None = None,
               preps: frozenset[str] = frozenset()) -> list[Token]:
    """A clause's root and the predicates reached from it by `deps` (of a part of speech in `pos`, if given) and by
    the 'pcomp' of a preposition in `preps`, depth first, at most `cap` of them."""
    out, stack = [], [root]
    while stack and len(out) < cap:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in doc.children(t.i) if c.dep in deps and (pos is None or c.pos in pos))
        stack.extend(g for c in doc.children(t.i) if c.dep == "prep" and c.text.lower() in preps
                     for g in doc.children(c.i) if g.dep == "pcomp")
    return out


def conjuncts(doc: ParsedDoc, root: Token) -> list[Token]:
    """A clause's root and the predicates coordinated with it."""
    return predicates(doc, root, CONJ, 6, PREDICATE_POS)


def chain(doc: ParsedDoc, root: Token) -> list[Token]:
    """The reported clause's own predicates: its root, verbs joined to it, their infinitives and prepositions."""
    return predicates(doc, root, CONJ_XCOMP, 8, preps=CHAIN_PREPS)


def in_quotes(doc: ParsedDoc, start: int, end: int, quotes: Sequence[Quote]) -> frozenset[int]:
    """The tokens of a sentence (token indices start..end) inside a direct quote, by the quote detector's spans
    (casus.events.quotes: attributed quotes, not scare quotes, also a quote opened in an earlier sentence)."""
    spans = [(q.start, q.end) for q in quotes if q.direct]
    return frozenset(t.i for t in doc.tokens[start:end] if any(a <= t.idx < b for a, b in spans))


def direct(doc: ParsedDoc, tok: Token, verb: Token, inside: frozenset[int] = frozenset()) -> bool:
    """True if the token is in the speaker's own words: inside a direct quote (`inside`, from `in_quotes`), or after
    the speech verb's colon ('said: they have failed')."""
    return tok.i in inside or (verb.i < tok.i and any(
        t.text == ":" and t.head == verb.i for t in doc.tokens[verb.i + 1:tok.i]))


def other_pronoun(doc: ParsedDoc, index, tok: Token, verb: Token | None, speaker: list,
                  inside: frozenset[int] = frozenset()) -> bool:
    """True for 'he', 'she' or 'they' in a speaker's own words, where the speaker says 'I' or 'we' of itself
    ('said: "They have betrayed the workers"'), unless coreference ties it to the speaker's side. With no verb, the
    token is known to be in a quote."""
    if tok.text.lower() not in THIRD_PERSON or (verb is not None and not direct(doc, tok, verb, inside)):
        return False
    found = index.for_phrase(tok.i)
    return not found or not all(ours(m, speaker) for m in found)


def cue_negated(doc: ParsedDoc, cue: Token, root: Token) -> bool:
    """True when the clause denies the cue: 'the plan was not a failure', 'never failed'."""
    cur = cue
    for _ in range(6):
        if negated(doc, cur):
            return True
        if cur.i == root.i or cur.head == cur.i:
            return False
        cur = doc.tokens[cur.head]
    return False
