"""Find direct and indirect quotes in a parsed document and attribute them to speakers.

Direct quotes are runs of text between double quotation marks (" “ ” '' ``), or single
‘ ’ marks that open a paragraph or follow a colon. A quote whose paragraph ends before its
closing mark runs to the end of that paragraph (the next paragraph usually reopens it).
Quoted phrases embedded in a clause ("called it “a disaster” on Monday") are not quotes.
A quote split by its attribution ("We will," he said, "continue talks") gives two records
with the same speaker mention, which PolNeAR counts as one Content (see
casus.evaluate.quotes). Indirect speech ("X said that ...", "according to X, ...") gives
records with direct=False whose text is the reported clause.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from casus.events.speakers_people import People
from casus.model import Actor, ActorMention, Entity, ParsedDoc, Quote, Token

DATA = Path(__file__).resolve().parent / "data" / "speech_verbs.txt"
NAMES = Path(__file__).resolve().parent / "data" / "given_names.tsv"
DOUBLE = re.compile(r"''|``|[\"“”]")
SINGLE = re.compile(r"[‘’]")
TRANSCRIPT = re.compile(r"([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}):\s+")
_END_PUNCT = tuple(",.?!…—-:;")


@lru_cache(maxsize=4)
def speech_verbs(path: str | Path = DATA) -> frozenset[str]:
    """Load speech-verb lemmas from a data file (one per line, '#' comments)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (line.split("#", 1)[0].strip().lower() for line in lines) if w)


@lru_cache(maxsize=4)
def given_names(path: str | Path = NAMES) -> dict[str, str]:
    """Load given names with their gender ('f' or 'm') from a TSV data file."""
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        cols = line.split("#", 1)[0].strip().split("\t")
        if len(cols) == 2:
            out[cols[0].strip().lower()] = cols[1].strip()
    return out


@dataclass
class Marked:
    """A quoted run in the text: marks at open_at/close_at (close_at None when unclosed)."""

    open_at: int
    start: int
    end: int
    close_at: int | None


def _role(text: str, at: int, mark: str) -> str:
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + len(mark)] if at + len(mark) < len(text) else "\n"
    opens = (before.isspace() or before in "([—-:/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if mark in ("“", "``"):
        return "close" if closes and not opens and before.isalnum() and after.isspace() else "open"
    if mark == "”":
        return "open" if opens and not closes else "close"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "toggle"


def _ends_here(text: str, at: int) -> bool:
    return at >= len(text) or text[at].isspace() or text[at] in ".,;:?!)—-―"


def quoted_runs(text: str) -> list[Marked]:
    """All runs of text between double quotation marks, line by line."""
    runs: list[Marked] = []
    for line in re.finditer(r"[^\n]+", text):
        open_at, mark_len = None, 0
        for m in DOUBLE.finditer(text, line.start(), line.end()):
            role = _role(text, m.start(), m.group())
            if open_at is None and role in ("open", "toggle"):
                open_at, mark_len = m.start(), len(m.group())
            elif open_at is not None and (role in ("close", "toggle") or _ends_here(text, m.end())):
                runs.append(Marked(open_at, open_at + mark_len, m.start(), m.start()))
                open_at = None
        if open_at is not None:
            runs.append(Marked(open_at, open_at + mark_len, line.end(), None))
        if not any(r.open_at >= line.start() for r in runs[-1:]):
            runs.extend(_single_runs(text, line.start(), line.end()))
    return runs


def _single_runs(text: str, lo: int, hi: int) -> list[Marked]:
    first = text[lo:hi].lstrip()
    at = hi - len(first)
    if not first.startswith("‘"):
        colon = text.find(": ‘", lo, hi)
        if colon < 0:
            return []
        at = colon + 2
    for m in SINGLE.finditer(text, at + 1, hi):
        nxt = text[m.end()] if m.end() < hi else " "
        if m.group() == "’" and not nxt.isalnum():
            return [Marked(at, at + 1, m.start(), m.start())]
    return []


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _is_standalone(text: str, run: Marked, prev_close: int, verbs: frozenset[str]) -> bool:
    """A quote, not a quoted phrase inside a clause: judged by what stands before and after it."""
    line_start = text.rfind("\n", 0, run.open_at) + 1
    lo = max(line_start, prev_close)
    prefix = text[lo:run.open_at]
    cuts = [m.end() for m in re.finditer(r"[.?!][\"”’']?\s", prefix)]
    prefix = prefix[cuts[-1]:].rstrip() if cuts else prefix.rstrip()
    words = re.findall(r"[A-Za-z]+", prefix[-20:])
    ok_before = (not prefix or prefix.endswith((":", ",", "—", "-", "―", "…"))
                 or (words and _says(words[-1], verbs)))
    if not ok_before:
        return False
    inner = text[run.start:run.end].strip(" '’\xa0…")
    if prefix and inner[:1].islower() and not any(_says(w, verbs) for w in re.findall(r"[A-Za-z]+", prefix)):
        return False  # the sentence began before the mark: a mixed quote
    words = inner.split()
    if len(words) <= 5 and all(w[:1].isupper() for w in words) and not inner.endswith((".", "?", "!")):
        return False  # a title: "Citizen Carly"
    if run.close_at is None:
        return True
    after = text[run.close_at:run.close_at + 40].lstrip("'\"”“`").lstrip(" \t\xa0")
    return inner.endswith(_END_PUNCT) or not after or after[:1] in "\n.,;:?!)—-―"


def _says(word: str, verbs: frozenset[str]) -> bool:
    w = word.lower()
    if w in ("said", "told", "wrote", "put"):
        return True
    forms = [w] + [w[: -len(s)] + r for s, r in (("ied", "y"), ("ies", "y"), ("ed", ""), ("es", ""), ("s", ""), ("d", "")) if w.endswith(s)]
    return any(f in verbs for f in forms)


def find_quotes(doc: ParsedDoc, actors: Sequence[ActorMention] = (), verbs: frozenset[str] | None = None,
                names: dict[str, str] | None = None, unattributed: bool = False) -> list[Quote]:
    """Direct quotes (direct=True) and indirect speech (direct=False) with resolved speakers.

    Quoted runs with no speaker found (titles, block quotes, scare quotes) are left out
    unless `unattributed` is true.
    """
    verbs = speech_verbs() if verbs is None else verbs
    names = given_names() if names is None else names
    text = doc.article.text
    runs = quoted_runs(text)
    speakers = _Speakers(doc, actors, verbs, names, [(r.open_at, (r.close_at if r.close_at is not None else r.end) + 1) for r in runs])
    found: list[tuple[Marked, int, int, Actor | None]] = []
    prev_close = 0
    for run in runs:
        standalone = _is_standalone(text, run, prev_close, verbs)
        prev_close = (run.close_at if run.close_at is not None else run.end) + 1
        start, end = _trim(text, run.start, run.end)
        if not standalone or start >= end:
            continue
        label = TRANSCRIPT.match(text, start, end)
        if label:
            speaker = Actor(label.group(1), start, label.end(1), name=label.group(1).title(), kind="person",
                            reason="speaker: transcript label 'NAME:'")
            start = label.end()
        else:
            speaker = speakers.for_quote(run.open_at, run.close_at, run.end)
        found.append((run, start, end, speaker))
    for k in range(len(found) - 2, -1, -1):  # an unclosed paragraph takes the speaker of the quote reopening after it
        run, start, end, speaker = found[k]
        nxt = found[k + 1]
        if speaker is None and run.close_at is None and not text[run.end:nxt[0].open_at].strip():
            found[k] = (run, start, end, nxt[3])
    quotes: list[Quote] = []
    for run, start, end, speaker in found:
        if speaker is None and quotes and _continues(text, quotes[-1], run):
            speaker = quotes[-1].speaker
        if speaker is not None or unattributed:
            quotes.append(Quote(text[start:end], start, end, speaker, True))
    quotes.extend(speakers.indirect([(q.start, q.end) for q in quotes]))
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _continues(text: str, prev: Quote, run: Marked) -> bool:
    """Whether a quote opening its paragraph continues the previous quote's speech."""
    line_start = text.rfind("\n", 0, run.open_at) + 1
    if text[line_start:run.open_at].strip():
        between = text[prev.end:run.open_at]
        return "\n" not in between
    gap = text[prev.end:line_start]
    return gap.count("\n") <= 3 and len(gap) < 400


SUBJECTS = ("nsubj", "nsubjpass")
NAME_PARTS = ("compound", "det", "amod", "poss", "case", "flat", "nmod", "nummod")
HE_SHE = frozenset("he she him her i".split())
GROUP_PRONOUNS = frozenset("they we it".split())
PERSONISH = ("PERSON",)
GROUPISH = ("ORG", "NORP", "GPE")
DASHES = ("―", "—", "–", "-")


class _Speakers:
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


