"""The cheap first pass: which sentences of an article can hold an event, so that only they are parsed fully.

An event needs a trigger, and every trigger is a lexicon lemma (or one of the few verbs the
constructions read). The pass lists the word forms the lemmatizer could turn into a live trigger
("met" for meet, "talks" for talk; every word of "air strike"; for a row that needs a certain
object, one of its objects too), cuts the text cheaply into sentences (`sentence_spans`) and reads
each sentence's words. A sentence without such a form cannot hold an event; it is chosen only as
the context of the next one (a pronoun's antecedent). Sentences not chosen are still read by the
entity recogniser, for the story's names (casus/nlp.py). See docs/SCALING.md.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from casus.pieces import paragraph_starts

CONTEXT_BEFORE = 1  # sentences before a chosen one parsed with it (a pronoun's antecedent, a date's anchor)

_WORDS = re.compile(r"[A-Za-z]+")
# words of multiword triggers that never decide on their own ("call for", "according to")
_PARTICLES = frozenset({"a", "an", "the", "of", "to", "for", "on", "off", "up", "down", "out", "over", "back",
                        "forward", "in", "into", "with", "away", "by", "at", "from", "as", "and", "s"})
_MONTHS = frozenset({"March", "May", "MARCH", "MAY"})  # capitalised, the month, not the act


def trigger_phrases(lexicon, extra: Iterable[str] = ()) -> set[tuple[tuple[str, ...], ...]]:
    """What must occur for each live trigger the extractor can code: its content words, each a tuple of
    alternatives, and for a row that needs a certain object one of its object words (speech rows code
    nothing alone)."""
    phrases: set[tuple[tuple[str, ...], ...]] = {((w,),) for w in extra}
    for entry in lexicon.entries():
        if entry.pos == "SPEECH":
            continue
        words = _WORDS.findall(entry.trigger.lower())
        phrase = tuple((w,) for w in words if w not in _PARTICLES) or tuple((w,) for w in words)
        if entry.requires:
            phrase += (tuple(sorted({w for obj in entry.requires for w in _WORDS.findall(obj.lower())})),)
        phrases.add(phrase)
    return phrases


@dataclass
class Selector:
    """Word forms that may make a trigger: chooses the sentences of a text to parse fully.

    `single` maps a form of a one-word trigger (or cue) to the trigger; `multi` maps a form of the
    first word of a multiword trigger to (trigger, form sets of all its words).
    """

    single: dict[str, str]
    multi: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]]
    before: int = CONTEXT_BEFORE  # sentences before a chosen one parsed with it

    @classmethod
    def build(cls, parser, extractor) -> "Selector":
        """The forms of the extractor's lexicon triggers and attribution verbs, of the verbs its constructions
        read, and of the words that let a verb outside the lexicon code ('must' for a demand, 'refused to say',
        'let … go')."""
        from casus.events.triggers.constructions import (
            CAUSATIVE_HEADS, EXERCISES, JOIN_VERBS, OBLIGATION, RECEIVE_VERBS, RELEASE_RESULTS,
        )
        from casus.events.modality.modality import REFUSE_HEADS
        from casus.events.triggers.triggers import PHONING

        extra = {*RECEIVE_VERBS, *JOIN_VERBS, *EXERCISES, *PHONING, *REFUSE_HEADS, *OBLIGATION,
                 "free", "release", "criticize", "provide", "demand"}
        # attribution verbs: the learned detector may code a statement (010) on one ('announced', 'told')
        extra |= {e.trigger.lower() for e in extractor.lexicon.entries() if e.pos == "SPEECH" and " " not in e.trigger}
        rules = getattr(extractor, "speech_rules", None)  # speech verbs that criticise or accuse (speech.py)
        extra |= {v for verbs in (rules.verbs.values() if rules is not None else ()) for v in verbs}
        single: dict[str, str] = {}
        multi: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}
        release = (tuple(sorted(CAUSATIVE_HEADS)), tuple(sorted(RELEASE_RESULTS)))  # "let the sailors go"
        for phrase in sorted(trigger_phrases(extractor.lexicon, extra) | {release}):
            forms = tuple(parser.surface_forms(alternatives) for alternatives in phrase)
            name = " ".join(a[0] for a in phrase)
            if len(forms) == 1:
                for form in forms[0]:
                    single.setdefault(form, name)
                continue
            for form in forms[0]:
                multi.setdefault(form, []).append((name, forms))
        return cls(single, multi)

    def triggers(self, words: list[str]) -> set[str]:
        """The triggers whose forms occur among these words."""
        low = {w.lower() for w in words if w not in _MONTHS}
        found = {self.single[w] for w in low if w in self.single}
        for w in low:
            for name, forms in self.multi.get(w, ()):
                if all(not low.isdisjoint(f) for f in forms[1:]):
                    found.add(name)
        return found

    def holds(self, text: str) -> bool:
        """True if the text has a word, or all the words of a phrase, that could be a trigger."""
        return bool(self.triggers(_WORDS.findall(text)))

    def choose(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, bool]]:
        """The cheap sentences of text[start:end], each (start, end, chosen): chosen if it or one of the
        `before` sentences after it has a trigger form, i.e. it holds an event or the context one needs."""
        before = self.before
        spans = sentence_spans(text, start, end)
        hot = [bool(self.triggers(_WORDS.findall(text, lo, hi))) for lo, hi in spans]
        chosen = [any(hot[i:i + before + 1]) for i in range(len(spans))]
        return [(lo, hi, c) for (lo, hi), c in zip(spans, chosen)]


# a sentence ends at . ! or ? (with closing quotes or brackets) before white space and a capital, digit or quote;
# not after a title or a single capital ("Mr. Smith", "U.S. officials", "John F. Kennedy")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_NO_END_BEFORE = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Maj|Sen|Rep|Gov|Pres|Prof|Rev|"
                            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|No|Nos|vs|etc|approx|"
                            r"Ft|Mt|Jr|Sr)|\.[A-Za-z])$")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Cheap sentences of text[start:end]: within each paragraph, cut after a full stop, question or
    exclamation mark before a capital; each span is trimmed of white space at both ends."""
    end = len(text) if end is None else end
    bounds = [b for b in paragraph_starts(text) if start < b < end]
    spans: list[tuple[int, int]] = []
    for lo, hi in zip([start, *bounds], [*bounds, end]):
        cut = lo
        for m in _SENTENCE_END.finditer(text, lo, hi):
            stop = m.start()  # the mark itself
            if _NO_END_BEFORE.search(text, max(lo, stop - 6), stop):
                continue
            spans.append((cut, m.end()))
            cut = m.end()
        spans.append((cut, hi))
    out = []
    for lo, hi in spans:
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            out.append((lo, hi))
    return out
