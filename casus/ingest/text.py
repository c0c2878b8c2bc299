"""Plain text to Article: drop page chrome, split headline, deck, dateline and body, set the report date."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace

from casus.ingest.chrome import Chrome
from casus.ingest.dateline import parse_dateline, parse_standalone_date
from casus.ingest.decode import decode
from casus.ingest.reportdate import infer_report_date
from casus.ingest.source import read_all
from casus.model import Article, Dateline, InputError, Paragraph

_SEARCH_BLOCKS = 4  # the dateline sits in one of the first blocks, after headline and deck
_MAX_HEADLINE = 200
_MAX_DECK = 400
_NOT_HEADLINE_END = tuple(".;,:")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Given:
    """What the caller or the record says about a document beyond its text."""

    title: str | None = None
    date: _dt.date | None = None
    date_reason: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None  # a dateline kept apart from the text, e.g. Reuters' DATELINE field


@dataclass
class Layout:
    """Article text as blocks joined by blank lines, with roles and datelines found in it."""

    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    dateline: Dateline | None = None  # the agency dateline, else a date line
    date_line: Dateline | None = None  # a paragraph that is only a date ("Friday, January 4, 2019")
    title: str | None = None


def parse_date(value: str, file: str, line: int | None = None) -> _dt.date:
    """A YYYY-MM-DD date (a longer ISO timestamp keeps its date part), else InputError."""
    value = str(value).strip()
    if _ISO_DATE.match(value):
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise InputError(file, f"invalid date {value!r} (want YYYY-MM-DD)", line)


def read_text_file(path: str, chrome: Chrome, given: Given, doc_id: str) -> Article:
    """Read one plain-text document from disk."""
    return article_from_text(decode(read_all(path), path), doc_id=doc_id, file=path, chrome=chrome, given=given)


def article_from_text(raw: str, *, doc_id: str, file: str, chrome: Chrome, given: Given,
                      lines_are_paragraphs: bool = False, line: int | None = None) -> Article:
    """Build an Article from document text (of `file`, record `line`); InputError if nothing is left."""
    layout = lay_out(raw, chrome, title=given.title, dateline_hint=given.dateline,
                     lines_are_paragraphs=lines_are_paragraphs)
    if not layout.text:
        raise InputError(file, "empty document (no text after removing page chrome)", line)
    article = Article(id=doc_id, text=layout.text, title=layout.title, source=given.source, url=given.url,
                      dateline=layout.dateline, paragraphs=layout.paragraphs,
                      origin=file if line is None else f"{file}:{line}")
    if given.date is not None:
        article.report_date, article.report_date_basis = given.date, "given"
        article.report_date_reason = given.date_reason or "date given"
    else:
        report_dateline = _report_dateline(layout)
        day, basis, reason = infer_report_date(layout.text, report_dateline)
        article.report_date, article.report_date_basis, article.report_date_reason = day, basis, reason
    return article


def lay_out(raw: str, chrome: Chrome, *, title: str | None = None, dateline_hint: str | None = None,
            lines_are_paragraphs: bool = False) -> Layout:
    """Split text into chrome-free blocks, give each a role and find the dateline."""
    blocks = _blocks(raw, chrome, lines_are_paragraphs)
    title = " ".join(title.split()) if title else None
    if title:
        _put_title_first(blocks, title)
    roles, agency, standalone = _roles(blocks, headline_known=bool(title))
    if agency is None and dateline_hint and "body" in roles:
        agency = _apply_hint(blocks, roles, dateline_hint)
    text, paragraphs, starts = _join(blocks, roles)

    def placed(found: tuple[int, Dateline] | None) -> Dateline | None:
        if found is None:
            return None
        block, dateline = found
        return replace(dateline, start=dateline.start + starts[block], end=dateline.end + starts[block])

    agency_dateline, date_line = placed(agency), placed(standalone)
    headline = next((blocks[i] for i, r in enumerate(roles) if r == "headline"), None)
    return Layout(text=text, paragraphs=paragraphs, dateline=agency_dateline or date_line,
                  date_line=date_line, title=title or headline)


def _report_dateline(layout: Layout) -> Dateline | None:
    """The dateline to date the report by: the agency dateline, or a date line when that has no year."""
    if layout.dateline is not None and layout.dateline.year is None and layout.date_line is not None:
        return layout.date_line
    return layout.dateline


def _blocks(raw: str, chrome: Chrome, lines_are_paragraphs: bool) -> list[str]:
    """Blocks of non-chrome lines; blank lines (or, for extracted HTML, line ends) separate blocks."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[str] = []
    current: list[str] = []
    for line in raw.split("\n"):
        blank = not line.strip()
        if blank or lines_are_paragraphs:
            if current:
                blocks.append("\n".join(current).strip())
                current = []
            if blank:
                continue
        if not chrome.is_chrome(line):
            current.append(line)
    if current:
        blocks.append("\n".join(current).strip())
    return [b for b in blocks if b]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _put_title_first(blocks: list[str], title: str) -> None:
    """Make the title the first block unless the text already opens with it."""
    if blocks:
        head, _, rest = blocks[0].partition("\n")
        first, want = _norm(head), _norm(title)
        if first == want or (len(first) >= 20 and want.startswith(first)):
            if rest.strip():
                blocks[0:1] = [head.strip(), rest.strip()]
            return
        after = blocks[0][len(title):]
        if blocks[0].startswith(title) and after[:1].isspace():
            blocks[0:1] = [title, after.strip()]
            return
    blocks.insert(0, title)


def _roles(blocks: list[str], headline_known: bool):
    """Roles for the blocks, and the (block, Dateline) of the agency dateline and of a date line."""
    roles = ["body"] * len(blocks)
    agency = standalone = None
    first = 1 if headline_known else 0
    for i in range(first, min(len(blocks), _SEARCH_BLOCKS)):
        if standalone is None and (date_line := parse_standalone_date(blocks[i])):
            roles[i], standalone = "dateline", (i, date_line)
            continue
        if dateline := parse_dateline(blocks[i]):
            agency = (i, dateline)
            break
    if agency is not None:
        for j in range(agency[0]):
            if roles[j] != "dateline":
                roles[j] = "deck" if "headline" in roles[:j] else "headline"
        return roles, agency, standalone
    if blocks and (headline_known or (len(blocks) > 1 and _looks_like_headline(blocks[0]))):
        roles[0] = "headline"
        nxt = next((i for i in range(1, len(blocks)) if roles[i] == "body"), None)
        if nxt is not None and nxt < len(blocks) - 1 and _looks_like_deck(blocks[nxt]):
            roles[nxt] = "deck"
    return roles, agency, standalone


def _looks_like_headline(block: str) -> bool:
    return "\n" not in block and len(block) <= _MAX_HEADLINE and not block.endswith(_NOT_HEADLINE_END)


def _looks_like_deck(block: str) -> bool:
    return "\n" not in block and len(block) <= _MAX_DECK and not block.endswith(_NOT_HEADLINE_END)


def _apply_hint(blocks: list[str], roles: list[str], hint: str):
    """Put a dateline kept apart from the text in front of the first body block."""
    hint = " ".join(hint.split())
    i = roles.index("body")
    if parse_dateline(hint) is None or blocks[i].startswith(hint):
        found = parse_dateline(blocks[i])
        return (i, found) if found else None
    joined = f"{hint} {blocks[i]}"
    found = parse_dateline(joined)
    if found is None:
        return None
    blocks[i] = joined
    return i, found


def _join(blocks: list[str], roles: list[str]) -> tuple[str, list[Paragraph], list[int]]:
    """Join blocks with blank lines, returning the text, its paragraphs and each block's start."""
    paragraphs, starts, pos = [], [], 0
    for block, role in zip(blocks, roles):
        starts.append(pos)
        paragraphs.append(Paragraph(start=pos, end=pos + len(block), role=role))
        pos += len(block) + 2
    return "\n\n".join(blocks), paragraphs, starts
