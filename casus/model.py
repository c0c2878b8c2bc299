"""The plain records every stage passes along: Article in, mentions and events out."""
from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of the document text: `article.text[start:end] == text`."""

    text: str
    start: int
    end: int


@dataclass
class Paragraph:
    """One block of the article separated by blank lines, with its role."""

    start: int
    end: int
    role: str = "body"  # headline | deck | dateline | body


@dataclass
class Dateline:
    """An agency dateline such as 'TOKYO, January 26. /TASS/.'."""

    text: str
    start: int
    end: int
    place: str | None = None
    publisher: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None


@dataclass
class Article:
    """One news document as casus read it; all offsets point into `text`."""

    id: str
    text: str
    title: str | None = None
    report_date: _dt.date | None = None
    report_date_basis: str = "none"  # given | dateline | inferred | none
    report_date_reason: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: Dateline | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    origin: str | None = None  # file name (and line) the article came from


@dataclass(slots=True)
class Token:
    """One parsed token, copied out of the NLP library so no other stage depends on it."""

    i: int  # index in the document
    text: str
    idx: int  # character offset in the document
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # document index of the syntactic head (self for roots)
    sent: int  # sentence number
    ent_type: str = ""
    ent_iob: str = "O"
    ws: str = ""

    @property
    def end(self) -> int:
        return self.idx + len(self.text)


@dataclass
class Sentence:
    """A sentence as token range [start, end) and character range [char_start, char_end)."""

    index: int
    start: int
    end: int
    char_start: int
    char_end: int
    paragraph: int = 0


@dataclass
class Entity:
    """A named entity found by the NLP pipeline, as token range [start, end)."""

    start: int
    end: int
    label: str
    text: str
    char_start: int
    char_end: int


@dataclass
class ParsedDoc:
    """An article with its tokens, sentences and entities."""

    article: Article
    tokens: list[Token]
    sentences: list[Sentence]
    entities: list[Entity]

    def parsed_lines(self) -> tuple[int, int]:
        """The whole lines the parsed sentences cover: all of a short text, one piece of a long one."""
        text = self.article.text
        if not self.sentences:
            return 0, 0
        lo = text.rfind("\n", 0, self.sentences[0].char_start) + 1
        hi = text.find("\n", self.sentences[-1].char_end)
        return lo, len(text) if hi < 0 else hi

    def children(self, i: int) -> list[Token]:
        """Direct syntactic dependents of token i, in order."""
        try:
            return self._children[i]  # built once per document (called hundreds of thousands of times)
        except AttributeError:
            return self._kids()[i]

    def _kids(self) -> list[list[Token]]:
        """Every token's direct dependents, built once."""
        kids: list[list[Token]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t)
        self._children = kids
        return kids

    def subtree(self, i: int) -> list[Token]:
        """Token i and everything below it, in document order."""
        try:
            kids = self._children
        except AttributeError:
            kids = self._kids()
        found, stack = [i], [i]
        while stack:
            for c in kids[stack.pop()]:
                found.append(c.i)
                stack.append(c.i)
        found.sort()
        tokens = self.tokens
        return [tokens[j] for j in found]


@dataclass
class Actor:
    """A resolved actor mention."""

    text: str
    start: int
    end: int
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: list[str] = field(default_factory=list)
    kind: str | None = None  # state | person | organization | igo | group
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TimeRef:
    """A normalised time expression (TimeML TIMEX3 value)."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    precision: str | None = None  # day | month | year | ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Place:
    """A resolved toponym."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None
    basis: str | None = None
    form: str = "name"  # how the text names it: "name", "adjective" ("Ukrainian troops": no place of an act),
    # "people" ("Americans", "Ohioans"), "street" ("Wichita Drive"), "institution" (the town in "Groton Town
    # Council": where a body or building is, annotated, no event's place) or "site" (a place the gazetteer lacks,
    # "Torkula village", at the point of a place the story names; annotated, no event's place)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    """A direct or indirect quotation with its speaker."""

    text: str
    start: int
    end: int
    speaker: Actor | None = None
    direct: bool = True

    def to_dict(self) -> dict[str, Any]:
        d = {"text": self.text, "start": self.start, "end": self.end, "direct": self.direct}
        d["speaker"] = None if self.speaker is None else {
            "text": self.speaker.text, "start": self.speaker.start, "end": self.speaker.end,
            "name": self.speaker.name, "code": self.speaker.code, "country": self.speaker.country}
        return d


@dataclass
class Cameo:
    """A CAMEO code with its name, Goldstein score and quad class."""

    code: str
    root: str
    name: str
    goldstein: float
    quad: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EventDate:
    """When an event happened, and how casus knows."""

    value: str | None
    precision: str | None
    text: str | None
    basis: str  # explicit | relative | dateline | report
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One coded event in the output contract of DESIGN.md §4."""

    event_id: str
    doc_id: str
    sentence: int
    text: str
    trigger: Span
    source: Actor | None
    target: Actor | None
    cameo: Cameo
    plover: dict[str, Any]
    mode: str
    date: EventDate
    report_date: str | None
    location: Place | None
    mentions: int = 1
    confidence: float = 0.5
    reasons: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)  # every folded mention

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "text": self.text,
            "trigger": asdict(self.trigger),
            "source": None if self.source is None else self.source.to_dict(),
            "target": None if self.target is None else self.target.to_dict(),
            "cameo": self.cameo.to_dict(),
            "plover": dict(self.plover),
            "mode": self.mode,
            "date": self.date.to_dict(),
            "report_date": self.report_date,
            "location": None if self.location is None else self.location.to_dict(),
            "mentions": self.mentions,
            "confidence": round(self.confidence, 3),
            "reasons": list(self.reasons),
            "evidence": list(self.evidence),
        }


class InputError(Exception):
    """Bad input: carries the file, line (if any) and cause for a one-line message."""

    def __init__(self, file: str, cause: str, line: int | None = None):
        self.file, self.cause, self.line = file, cause, line
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {cause}")


@dataclass
class ActorMention:
    """An actor found in a parsed document: token range [start, end), its head token, the resolved actor."""

    start: int
    end: int
    head: int
    actor: Actor


@dataclass
class PlaceMention:
    """A toponym found in a parsed document: token range [start, end) and the resolved place."""

    start: int
    end: int
    place: Place


@dataclass
class TimeMention:
    """A time expression in a document, normalised against the report date."""

    ref: TimeRef
