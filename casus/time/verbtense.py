"""Bare weekdays read by the tense of the verb the parse hangs them on: "the ministers meet Monday" is the coming Monday.

The tagger reads tense from nearby cue words (casus/time/tagger.py); a present tense that means the future
("meet", "resume", "is held", "are meeting", "the vote is Sunday") has no cue word, so the tagger takes the
weekday as the last one. Given the parse, a bare weekday whose verb is in the present tense names the
next such day (the report's own day when it is that weekday).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from casus.model import ParsedDoc, TimeRef, Token
from casus.time.lexicon import Lexicon, default

PRESENT = frozenset({"VBZ", "VBP"})
BE_NOW = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})
# reporting verbs in the present ("says Monday") tell of a past saying in news prose
SAYING = frozenset({"say", "tell", "report", "add", "write", "quote"})
_SHAPE_WORDS = ("on", "early", "late", "mid", "morning", "afternoon", "evening", "night")


def _bare_weekday(ref: TimeRef, lex: Lexicon) -> bool:
    """True if the expression is a weekday with no modifier ("Monday", "on Tuesday", "late Friday night")."""
    words = [w.rstrip(".").lower() for w in re.split(r"[\s-]+", ref.text.strip()) if w]
    return any(w in lex.weekday for w in words) and all(w in lex.weekday or w in _SHAPE_WORDS for w in words)


def _verb_of(doc: ParsedDoc, head: Token) -> Token | None:
    """The verb a time phrase's head hangs on: through its preposition ("on Monday"), directly ("Monday"),
    or through the verb's object it was attached to ("resume talks Tuesday")."""
    cur = head
    for _ in range(4):
        if cur.head == cur.i:
            return None
        up = doc.tokens[cur.head]
        if up.pos in ("VERB", "AUX"):
            return up
        if cur is not head and cur.dep not in ("dobj", "pobj", "prep"):
            return None
        cur = up
    return None


def _present(doc: ParsedDoc, verb: Token) -> bool:
    """True if the verb's clause is in the present tense: 'meet(s)', 'is meeting', 'is held', 'is (Sunday)'."""
    aux = [c for c in doc.children(verb.i) if c.dep in ("aux", "auxpass")]
    if any(c.tag in ("MD", "VBD") for c in aux) or verb.lemma in SAYING:
        return False
    if verb.tag in PRESENT:
        return not aux or all(c.tag in PRESENT for c in aux)  # "does not meet", not "has met"
    if verb.tag in ("VBG", "VBN") and aux:  # "are meeting", "is held", not "has met", "have been"
        return aux[0].text.lower() in BE_NOW and len(aux) == 1
    return False


def _head(doc: ParsedDoc, starts: list[int], ref: TimeRef) -> Token | None:
    """The token of the expression that hangs outside it."""
    i = max(0, bisect.bisect_right(starts, ref.start) - 1)
    toks = [t for t in doc.tokens[i:i + 12] if t.idx < ref.end and t.end > ref.start]
    inside = {t.i for t in toks}
    for t in toks:
        if t.head not in inside or t.head == t.i:
            return t
    return None


def read_by_verb(doc: ParsedDoc, times: list[TimeRef], report: dt.date | None,
                 lexicon: Lexicon | None = None) -> list[TimeRef]:
    """The times with each past bare weekday whose verb is in the present tense moved to the coming such day."""
    if report is None:
        return times
    lex = lexicon or default()
    starts = [t.idx for t in doc.tokens]
    out = []
    for ref in times:
        day = _day(ref.value)
        if day is not None and day < report and ref.type in ("DATE", "TIME") and _bare_weekday(ref, lex):
            head = _head(doc, starts, ref)
            verb = _verb_of(doc, head) if head is not None else None
            if verb is not None and _present(doc, verb):
                ahead = report + dt.timedelta(days=(day.isoweekday() - report.isoweekday()) % 7)
                ref = replace(ref, value=ahead.isoformat() + ref.value[10:])
        out.append(ref)
    return out


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
