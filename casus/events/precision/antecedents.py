"""Pronouns re-pointed within their own sentence: to a coded mention before them, or to a subject casus cannot code.

Coreference (casus/actors/coref.py) may tie 'it' or 'they' to an actor of an earlier sentence. Within the pronoun's
own sentence a subject of a verb above it is a nearer reading ('Rebels said they …', 'Acme said it would sue …'):
`nearer_antecedents` takes it. Its rule `uncoded_antecedent` (docs/CODING.md §10, switched off by `--ablate`) covers
a subject that is no coded actor — a company, a storm, a report —: the pronoun is then that uncoded thing, not the
state or body of the sentence before. Its rule `uncoded_previous_subject` does the same for 'it' or 'its' opening a
sentence when the subject of the sentence before is such a thing ('Harrowgate Mills cut 200 jobs. It said …').
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from casus.model import Actor, ActorMention, ParsedDoc, Token

PLURAL_PRONOUNS = frozenset({"they", "their", "them", "theirs"})
ARMED = frozenset({"REB", "INS", "MIL", "COP", "RAD", "UAF", "SPY"})
NEUTER_PRONOUNS = frozenset({"it", "its"})
ANTECEDENT_RULES = ("uncoded_antecedent", "uncoded_previous_subject")  # switchable by `casus eval … --ablate NAME`
NOT_NOUNS = frozenset({"PRP", "PRP$", "WP", "WDT", "EX", "DT"})  # pronouns and determiners: no subject to re-point to


def nearer_antecedents(doc: ParsedDoc, actors: list[ActorMention], off: Iterable[str] = ()) -> list[ActorMention]:
    """Pronouns resolved to an actor of an earlier sentence re-pointed to a fitting mention before them in their own.

    'MANILA - Communist rebels said they destroyed a station': 'they' is the rebels, not the coded actor of the
    story before; 'Hindus staged their biggest rally': 'their' is the Hindus'. With `uncoded_antecedent` on, a
    subject before the pronoun that binds it but is no coded actor ('Acme Corp said it would sue') takes the
    pronoun too: it becomes that subject, with no code.
    """
    off = set(off)
    uncoded, previous = "uncoded_antecedent" not in off, "uncoded_previous_subject" not in off
    taken = {i for o in actors if o.actor.code or o.actor.kind == "person" or set(o.actor.sector) & ARMED
             for i in range(o.start, o.end)}  # tokens of actors a pronoun may already mean
    out = []
    repointed: dict[int, Actor] = {}  # pronoun token -> the uncoded subject it was given: 'It said it would sue'

    for m in actors:
        tok = doc.tokens[m.head]
        low = tok.text.lower()
        if not (m.actor.reason or "").startswith("coref") or low not in PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            out.append(m)
            continue
        before = [o for o in actors if o is not m and o.end <= m.start and doc.tokens[o.head].sent == tok.sent
                  and doc.tokens[o.head].tag not in ("PRP", "PRP$")]
        if any(o.actor.code and o.actor.code == m.actor.code for o in before):
            out.append(m)  # the antecedent is in the sentence itself
            continue
        fit = [o for o in before if (o.actor.code or ARMED & set(o.actor.sector)) and _binds(doc, o.head, tok) and (
            _plural(doc.tokens[o.head]) if low in PLURAL_PRONOUNS
            else doc.tokens[o.head].tag in ("NN", "NNP") and o.actor.kind != "person")]
        binder = _uncoded_binder(doc, taken, tok) if uncoded else None
        if binder is None and not fit and previous and low in NEUTER_PRONOUNS:
            binder = _uncoded_previous_subject(doc, taken, tok)
        if fit and (binder is None or max(o.head for o in fit) > binder.i):
            near = max(fit, key=lambda o: o.end).actor
            actor = replace(near, text=m.actor.text, start=m.actor.start, end=m.actor.end,
                            reason=f"pronoun '{tok.text}' → {near.text}, the fitting mention before it in its sentence")
        elif binder is not None:
            name = " ".join(t.text for t in doc.subtree(binder.i) if t.i <= binder.i and t.dep != "punct")
            actor = Actor(text=m.actor.text, start=m.actor.start, end=m.actor.end, name=name, kind="organization",
                          reason=f"pronoun '{tok.text}' → {name}, an uncoded subject before it")
            repointed[tok.i] = actor
        elif (outer := _bound_by_repointed(doc, repointed, tok)) is not None:
            actor = replace(outer, text=m.actor.text, start=m.actor.start, end=m.actor.end,
                            reason=f"pronoun '{tok.text}' → {outer.name}, as the pronoun that binds it")
            repointed[tok.i] = actor
        else:
            out.append(m)
            continue
        out.append(ActorMention(m.start, m.end, m.head, actor))
    return out


def _bound_by_repointed(doc: ParsedDoc, repointed: dict[int, Actor], pronoun: Token) -> Actor | None:
    """The uncoded subject given to a pronoun that is the subject of a verb above this one ('It said it …')."""
    sent = doc.sentences[pronoun.sent]
    for o in reversed(doc.tokens[sent.start:pronoun.i]):
        if o.i in repointed and _binds(doc, o.i, pronoun):
            return repointed[o.i]
    return None


def _uncoded_binder(doc: ParsedDoc, taken: set[int], pronoun: Token) -> Token | None:
    """The nearest subject before the pronoun, in its sentence, of a verb above it, that agrees with it in number and
    is no coded actor, no person and no pronoun ('Acme said it …', 'the unions said they …'), if any."""
    plural = pronoun.text.lower() in PLURAL_PRONOUNS
    sent = doc.sentences[pronoun.sent]
    for o in reversed(doc.tokens[sent.start:pronoun.i]):
        if o.dep not in ("nsubj", "nsubjpass") or o.tag in NOT_NOUNS:
            continue
        if o.head == pronoun.head and pronoun.dep not in ("poss", "nsubj", "nsubjpass"):
            continue  # 'the firm asked it to …': a verb's object is not its own subject
        if not _binds(doc, o.i, pronoun) or o.ent_type == "PERSON" or not (_plural(o) if plural else _singular(o)):
            continue
        return None if o.i in taken else o
    return None


def _uncoded_previous_subject(doc: ParsedDoc, taken: set[int], pronoun: Token) -> Token | None:
    """For 'it'/'its' as the subject, or the subject's possessor, of its sentence: the subject of the sentence
    before, when that is a singular noun no coded actor, no person and no pronoun ('Harrowgate Mills cut 200 jobs.
    It said …'), if any."""
    holder = doc.tokens[pronoun.head] if pronoun.dep == "poss" else pronoun
    if pronoun.sent == 0 or holder.dep != "nsubj":
        return None  # not 'it was agreed that …', 'it has not been proposed': an empty 'it'
    sent = doc.sentences[pronoun.sent]
    if any(t.tag in ("``", "''") or t.text in ('"', "\u201c", "\u201d") for t in doc.tokens[sent.start:pronoun.i]):
        return None  # 'he said, "It happened under my watch"': a quote's 'it' is the speaker's matter
    head = doc.tokens[holder.head]
    if head.head != head.i and head.dep not in ("conj",):  # the subject of the sentence's main verb only
        return None
    prev = doc.sentences[pronoun.sent - 1]
    root = next((t for t in doc.tokens[prev.start:prev.end] if t.head == t.i), None)
    subject = next((c for c in doc.children(root.i) if c.dep in ("nsubj", "nsubjpass")), None) if root else None
    if subject is None or subject.ent_type == "PERSON" or not _singular(subject) or subject.i in taken:
        return None
    return subject


def _singular(tok: Token) -> bool:
    """A singular noun, or a plural-looking firm's name the NER calls an organisation ('Brantwell Holdings said it')."""
    return tok.tag in ("NN", "NNP") or tok.tag == "NNPS" and tok.ent_type == "ORG"


def _plural(tok: Token) -> bool:
    """A plural noun, or a name the tagger left singular that reads plural ('Hindus')."""
    low = tok.text.lower()
    return tok.tag in ("NNS", "NNPS") or tok.tag == "NNP" and low.endswith("s") and not low.endswith("ss")


def _binds(doc: ParsedDoc, subject: int, pronoun: Token) -> bool:
    """True if token `subject` is the subject of a verb above the pronoun ('Rebels said they …', 'X staged their
    rally')."""
    subj = doc.tokens[subject]
    if subj.dep not in ("nsubj", "nsubjpass") or subj.head == subj.i:
        return False
    cur = pronoun
    for _ in range(12):
        if cur.head == cur.i:
            return False
        cur = doc.tokens[cur.head]
        if cur.i == subj.head:
            return True
    return False
