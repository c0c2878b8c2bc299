"""One document record (DESIGN.md §4 document input: id, text, title, date, url, source, html) to Article."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from casus.ingest.chrome import Chrome
from casus.ingest.html import article_from_html
from casus.ingest.text import Given, article_from_text, parse_date
from casus.model import Article, InputError

OnError = Callable[[InputError], None]


def skip_or_raise(build: Callable[[], Article], on_error: OnError | None) -> Article | None:
    """Build one record's Article; a bad record raises, or with `on_error` is handed to it (None back)."""
    try:
        return build()
    except InputError as err:
        if on_error is None:
            raise
        on_error(err)
        return None


def article_from_record(record: Any, *, file: str, line: int, default_id: str, chrome: Chrome,
                        date: _dt.date | None) -> Article:
    """Build an Article from a parsed record; `date` (from --date) wins over the record's own."""
    if not isinstance(record, dict):
        raise InputError(file, f"record is a JSON {type(record).__name__}, not an object", line)
    text, html = _field(record, "text", file, line), _field(record, "html", file, line)
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(file, "record has no 'text' (or 'html')", line)
    given = Given(title=_field(record, "title", file, line), source=_field(record, "source", file, line),
                  url=_field(record, "url", file, line), dateline=_field(record, "dateline", file, line))
    if date is not None:
        given.date, given.date_reason = date, "date given by the caller (--date)"
    elif record_date := _field(record, "date", file, line):
        given.date, given.date_reason = parse_date(record_date, file, line), "date field of the record"
    raw_id = record.get("id")
    doc_id = default_id if raw_id is None or str(raw_id).strip() == "" else str(raw_id)
    if text and text.strip():
        return article_from_text(text, doc_id=doc_id, file=file, chrome=chrome, given=given, line=line)
    return article_from_html(html, doc_id=doc_id, file=file, chrome=chrome, given=given, line=line)


def _field(record: dict, key: str, file: str, line: int) -> str | None:
    """A string field of the record; None when absent or null; numbers become text."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(file, f"field {key!r} is a {type(value).__name__}, not a string", line)
