"""Who 'he', 'she' and 'the senator' are outside quotes: salience-ranked person mentions with genders."""
from __future__ import annotations

import re
from dataclasses import dataclass

from casus.model import Entity, ParsedDoc, Token

SUBJECTS = ("nsubj", "nsubjpass")
MALE, FEMALE = frozenset("he him his himself mr mr.".split()), frozenset("she her hers herself mrs mrs. ms ms. miss".split())



@dataclass
class Person:
    """A person mention outside quotes: a PERSON entity or a resolved he/she."""

    i: int
    sent: int
    key: str
    name: str
    rank: int  # 0 subject of the main or a speech verb, 1 other subject, 2 elsewhere
    gender: str | None = None


class People:
    """Salience-based person resolution for he/she and titles, with genders read off the document."""

    def __init__(self, doc: ParsedDoc, in_quote: list[bool], verbs: frozenset[str], names: dict[str, str]):
        self.doc, self.in_quote, self.verbs = doc, in_quote, verbs
        self.votes: dict[str, list[int]] = {}
        self.mentions: list[Person] = []
        ents = {e.end - 1: e for e in doc.entities if e.label == "PERSON" and not in_quote[e.start]}
        for e in ents.values():
            self._vote_title(e)
        for text in {e.text for e in doc.entities if e.label == "PERSON"}:
            given = [w.lower() for w in text.split() if w.lower().rstrip(".") not in MALE | FEMALE]
            if given and given[0] in names:
                self.votes.setdefault(surname_key(text), [0, 0])[names[given[0]] == "f"] += 2
        for sent in doc.sentences:
            self._vote_sentence(sent, [e for i, e in ents.items() if sent.start <= i < sent.end])
        for t in doc.tokens:
            if t.i in ents:
                e = ents[t.i]
                key = surname_key(e.text)
                self.mentions.append(Person(t.i, t.sent, key, e.text, self._rank(t), self.gender(key)))
            elif t.text.lower() in ("he", "she") and t.dep in SUBJECTS and not in_quote[t.i]:
                found = self.resolve(t)
                if found is not None:
                    g = "m" if t.text.lower() == "he" else "f"
                    self.mentions.append(Person(t.i, t.sent, found.key, found.name, self._rank(t), g))

    def _rank(self, t: Token) -> int:
        if t.dep not in SUBJECTS:
            return 2
        head = self.doc.tokens[t.head]
        return 0 if head.dep == "ROOT" or head.lemma.lower() in self.verbs else 1

    def _vote_title(self, e: Entity) -> None:
        before = self.doc.tokens[e.start - 1].text.lower() if e.start else ""
        first = e.text.split()[0].lower()
        for word in (before, first):
            if word in MALE or word in FEMALE:
                self.votes.setdefault(surname_key(e.text), [0, 0])[word in FEMALE] += 3

    def _vote_sentence(self, sent, ents: list[Entity]) -> None:
        keys = {surname_key(e.text) for e in ents}
        if len(keys) != 1:
            return
        key, first = keys.pop(), min(e.start for e in ents)
        for t in self.doc.tokens[first:sent.end]:
            low = t.text.lower()
            if not self.in_quote[t.i] and t.pos == "PRON" and (low in MALE or low in FEMALE):
                self.votes.setdefault(key, [0, 0])[low in FEMALE] += 1

    def gender(self, key: str) -> str | None:
        """'m', 'f' or None for the person whose last name is `key`."""
        m, f = self.votes.get(key, (0, 0))
        return None if m == f else ("m" if m > f else "f")

    def resolve(self, t: Token) -> Person | None:
        """The most salient compatible person mentioned before token t (within 8 sentences)."""
        low = t.text.lower()
        want = "m" if low in MALE else "f" if low in FEMALE else None
        best, best_score = None, None
        for m in reversed(self.mentions):
            if m.i >= t.i:
                continue
            if t.sent - m.sent > 8:
                break
            g = m.gender or self.gender(m.key)
            if want and g and g != want:
                continue
            score = 2 * (t.sent - m.sent) + m.rank + (0 if g == want else 1.5)
            if best_score is None or score < best_score:
                best, best_score = m, score
        return best


def surname_key(name: str) -> str:
    words = re.sub(r"(’s|'s)$", "", name.strip()).split()
    return words[-1].lower() if words else ""
