"""Speakers of quotes over one parsed document: speech verbs, their subjects, names behind pronouns.

Also finds indirect speech ("X said that ...", "according to X, ...") outside quotation marks.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from casus.events.quotes.speakers_people import People
from casus.model import Actor, ActorMention, Entity, ParsedDoc, Quote, Token

SUBJECTS = ("nsubj", "nsubjpass")
NAME_PARTS = ("compound", "det", "amod", "poss", "case", "flat", "nmod", "nummod")
HE_SHE = frozenset("he she him her i".split())
GROUP_PRONOUNS = frozenset("they we it".split())
PERSONISH = ("PERSON",)
GROUPISH = ("ORG", "NORP", "GPE")
DASHES = ("―", "—", "–", "-")


class Speakers:
    """Speaker finding over one document: speech verbs, their subjects and name resolution."""

    def __init__(self, doc: ParsedDoc, actors: Sequence[ActorMention], verbs: frozenset[str],
                 names: dict[str, str], quoted: list[tuple[int, int]]):
        self.doc, self.text, self.verbs = doc, doc.article.text, verbs
        self.starts = [t.idx for t in doc.tokens]
        self.quoted = quoted
        self.in_quote = [False] * len(doc.tokens)
        for lo, hi in quoted:
            for i in self.tokens_in(lo, hi):
                self.in_quote[i] = True
        self.mention = {i: m.actor for m in actors for i in range(m.start, m.end)}
        self.entity: dict[int, Entity] = {i: e for e in doc.entities for i in range(e.start, e.end)}
        self.people = People(doc, self.in_quote, verbs, names)

    def tokens_in(self, lo: int, hi: int) -> range:
        """Indices of tokens starting in the character range [lo, hi)."""
        return range(bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi))

    def is_verb(self, t: Token) -> bool:
        return t.lemma.lower() in self.verbs and t.pos in ("VERB", "AUX") and not self.in_quote[t.i]

    def for_quote(self, open_at: int, close_at: int | None, end: int) -> Actor | None:
        """The speaker of the quote opened at open_at: a speech verb's subject nearby, 'X:', '— X'."""
        text = self.text
        line_lo = text.rfind("\n", 0, open_at) + 1
        line_hi = text.find("\n", end) if text.find("\n", end) >= 0 else len(text)
        prev_close = max((hi for lo, hi in self.quoted if line_lo <= hi <= open_at), default=line_lo)
        if close_at is not None:
            after = self.tokens_in(close_at + 1, line_hi)
            nxt = min((lo for lo, _ in self.quoted if close_at < lo < line_hi), default=line_hi)
            after = [i for i in after if self.starts[i] < nxt]
            if after:
                sent = self.doc.tokens[after[0]].sent
                after = [i for i in after if self.doc.tokens[i].sent == sent or i < after[0] + 3]
                found = self._from_region(after, first=True) or self._after_dash(close_at, after)
                if found:
                    return found
        before = list(self.tokens_in(prev_close, open_at))
        found = self._from_region(before, first=False) or self._before_colon(before)
        if found:
            return found
        if not text[line_lo:open_at].strip() and text[:line_lo].strip():
            prev_hi = len(text[:line_lo].rstrip())
            prev_lo = text.rfind("\n", 0, prev_hi) + 1
            if text[prev_lo:prev_hi].endswith(":"):
                region = list(self.tokens_in(prev_lo, prev_hi))
                return self._from_region(region, first=False) or self._before_colon(region)
        return None

    def _from_region(self, region: Sequence[int], first: bool) -> Actor | None:
        tokens = [self.doc.tokens[i] for i in region if not self.in_quote[i]]
        order = tokens if first else list(reversed(tokens))
        for t in order:
            subj = self.subject(t) if self.is_verb(t) else None
            if subj is not None:
                return self.actor(subj)
        for t in order:
            obj = self._according_object(t) if t.text.lower() == "according" else None
            if obj is not None:
                return self.actor(obj)
        return None

    def _according_object(self, t: Token) -> Token | None:
        for to in self.doc.children(t.i):
            if to.text.lower() == "to":
                for obj in self.doc.children(to.i):
                    if obj.dep == "pobj":
                        return obj
        return None

    def _before_colon(self, region: Sequence[int]) -> Actor | None:
        toks = [self.doc.tokens[i] for i in region]
        if len(toks) < 2 or toks[-1].text != ":" or len(toks) > 8:
            return None
        head = toks[-2]
        if head.pos in ("PROPN", "PRON") or head.ent_type or head.text.isupper():
            return self.actor(head)
        return None

    def _after_dash(self, close_at: int, region: Sequence[int]) -> Actor | None:
        toks = [self.doc.tokens[i] for i in region[:6]]
        lead = self.text[close_at + 1:close_at + 4].lstrip(" \xa0")
        if toks and lead[:1] in DASHES:
            for t in toks:
                if t.i in self.entity and self.entity[t.i].start < t.i:
                    continue
                if t.pos == "PROPN" or t.ent_type == "PERSON":
                    ent = self.entity.get(t.i)
                    return self.actor(self.doc.tokens[ent.end - 1] if ent else t)
        return None

    def subject(self, verb: Token, depth: int = 0) -> Token | None:
        """The subject of a speech verb, or of the verb it is chained to ('…, adding', 'and said')."""
        for c in self.doc.children(verb.i):
            if c.dep in SUBJECTS and not self.in_quote[c.i]:
                return c
        head = self.doc.tokens[verb.head]
        if depth < 3 and head.i != verb.i and verb.dep in ("conj", "advcl", "xcomp", "ccomp", "parataxis", "relcl"):
            if verb.dep == "relcl" and head.pos in ("PROPN", "NOUN", "PRON"):
                return head
            return self.subject(head, depth + 1)
        return None

    def span(self, head: Token) -> tuple[int, int]:
        """Token range [lo, hi] of the noun phrase headed by `head`, without clauses or appositions."""
        lo = hi = head.i
        stack = [head.i]
        while stack:
            for c in self.doc.children(stack.pop()):
                if c.dep in NAME_PARTS and c.i < head.i + 3:
                    lo, hi = min(lo, c.i), max(hi, c.i if c.dep != "case" else hi)
                    stack.append(c.i)
        ent = self.entity.get(head.i)
        if ent is not None:
            lo, hi = min(lo, ent.start), max(hi, ent.end - 1)
        toks = self.doc.tokens
        while lo < hi and not toks[lo].text[:1].isalnum():
            lo += 1
        while hi > lo and not toks[hi].text[-1:].isalnum() and toks[hi].text != ".":
            hi -= 1
        return lo, hi

    def actor(self, head: Token) -> Actor:
        """An Actor for the speaker mention headed by `head`, with its resolved name."""
        lo, hi = self.span(head)
        a, b = self.doc.tokens[lo].idx, self.doc.tokens[hi].end
        name, reason = self.resolve(head)
        return Actor(self.text[a:b], a, b, name=name, kind="person" if name else None, reason=reason)

    def resolve(self, head: Token) -> tuple[str | None, str]:
        """The name behind a speaker mention: given mention, entity, appositive, antecedent."""
        known = self.mention.get(head.i)
        if known is not None and known.name:
            return known.name, "speaker: resolved actor mention"
        ent = self.entity.get(head.i)
        if ent is not None and ent.label in PERSONISH + GROUPISH:
            return self.full_name(ent.text), f"speaker: {ent.label} entity"
        low = head.text.lower()
        if low in HE_SHE:
            person = self.people.resolve(head)
            return (self.full_name(person.name), f"speaker: '{head.text}' -> {person.name} (salient person before it)") if person else (None, "speaker: unresolved pronoun")
        if head.pos == "PRON" or low in GROUP_PRONOUNS:
            labels = GROUPISH if low in GROUP_PRONOUNS else PERSONISH
            if low in ("they", "we"):
                labels = GROUPISH + PERSONISH
            ante = self.antecedent(head, labels)
            return (self.full_name(ante.text), f"speaker: '{head.text}' -> nearest {ante.label} before it") if ante else (None, "speaker: unresolved pronoun")
        for c in self.doc.children(head.i):
            if c.dep == "appos" and c.i in self.entity and self.entity[c.i].label == "PERSON":
                return self.full_name(self.entity[c.i].text), "speaker: appositive name"
        if head.pos == "NOUN":
            person = self.people.resolve(head)
            if person is not None:
                return self.full_name(person.name), f"speaker: '{head.text}' -> {person.name} (salient person before it)"
        if head.pos == "PROPN":
            lo, hi = self.span(head)
            return self.full_name(self.text[self.doc.tokens[lo].idx:self.doc.tokens[hi].end]), "speaker: proper name"
        return None, "speaker: unnamed"

    def antecedent(self, pron: Token, labels: tuple[str, ...]) -> Entity | None:
        """Nearest suitable entity before the pronoun outside quotes, preferring sentence subjects."""
        for s in range(pron.sent, max(0, pron.sent - 8) - 1, -1):
            sent = self.doc.sentences[s]
            cands = [e for e in self.doc.entities
                     if sent.start <= e.start and e.end <= min(sent.end, pron.i)
                     and e.label in labels and not self.in_quote[e.start]]
            if cands:
                subj = [e for e in cands if self.doc.tokens[e.end - 1].dep in SUBJECTS]
                return (subj or cands)[-1]
        return None

    def full_name(self, name: str) -> str:
        """The longest person name in the document ending with the same word ('Trump' -> 'Donald Trump')."""
        name = re.sub(r"(’s|'s)$", "", re.sub(r"^\W+|[^\w.]+$", "", name))
        last = name.split()[-1] if name.split() else name
        longer = [e.text for e in self.doc.entities if e.label == "PERSON" and e.text.split()[-1:] == [last]]
        return max(longer + [name], key=len)

    def indirect(self, direct: Sequence[tuple[int, int]]) -> list[Quote]:
        """Reported speech outside quotation marks: 'X said (that) ...', 'according to X, ...'."""
        out: list[Quote] = []
        for t in self.doc.tokens:
            if self.in_quote[t.i]:
                continue
            if t.text.lower() == "according":
                obj = self._according_object(t)
                if obj is not None:
                    sent = self.doc.sentences[t.sent]
                    skip = {x.i for x in self.doc.subtree(t.i)}
                    rest = [i for i in range(sent.start, sent.end) if i not in skip]
                    out.extend(self._indirect_quote(rest, obj, direct))
                continue
            if not self.is_verb(t):
                continue
            comp = next((c for c in self.doc.children(t.i) if c.dep == "ccomp" and c.i > t.i), None)
            subj = self.subject(t)
            if comp is None or subj is None:
                continue
            out.extend(self._indirect_quote([x.i for x in self.doc.subtree(comp.i)], subj, direct))
        return out

    def _indirect_quote(self, idxs: list[int], subj: Token, direct) -> list[Quote]:
        runs: list[list[int]] = []
        for i in sorted(idxs):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        idxs = max(runs, key=len, default=[])
        if not idxs:
            return []
        toks = [self.doc.tokens[i] for i in idxs if self.doc.tokens[i].pos != "PUNCT" or i != idxs[-1]]
        toks = [t for t in toks if not (t.pos == "PUNCT" and t.i in (idxs[0], idxs[-1]))]
        if len(toks) < 3 or any(self.in_quote[t.i] for t in toks):
            return []
        lo, hi = toks[0].idx, toks[-1].end
        if any(a < hi and lo < b for a, b in direct):
            return []
        return [Quote(self.text[lo:hi], lo, hi, self.actor(subj), False)]

