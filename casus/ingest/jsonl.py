"""JSON Lines (and .json) documents, streamed one record at a time."""
from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Iterator

from casus.ingest.chrome import Chrome
from casus.ingest.record import OnError, article_from_record, skip_or_raise
from casus.ingest.source import open_binary, read_all, text_lines
from casus.ingest.decode import decode
from casus.model import Article, InputError


def articles_from_lines(lines: Iterable[tuple[int, str]], *, file: str, stem: str, chrome: Chrome,
                        date: _dt.date | None, on_error: OnError | None = None) -> Iterator[Article]:
    """Articles from numbered JSONL lines; blank lines are skipped, a bad record raises InputError
    (or, given `on_error`, is handed to it and skipped)."""
    seen = False
    for number, line in lines:
        if not line.strip():
            continue
        seen = True
        article = skip_or_raise(lambda: article_from_record(
            _parse(line, file, number), file=file, line=number, default_id=f"{stem}-{number}",
            chrome=chrome, date=date), on_error)
        if article is not None:
            yield article
    if not seen:
        raise InputError(file, "empty file: no records")


def _parse(line: str, file: str, number: int) -> object:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        cause = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        raise InputError(file, f"malformed JSON: {cause}", number) from None


def read_jsonl_file(path: str, *, stem: str, chrome: Chrome, date: _dt.date | None,
                    on_error: OnError | None = None) -> Iterator[Article]:
    """Stream Articles from a .jsonl (or .jsonl.gz) file."""
    with open_binary(path) as stream:
        yield from articles_from_lines(text_lines(stream, path), file=path, stem=stem, chrome=chrome, date=date,
                                       on_error=on_error)


def read_json_file(path: str, *, stem: str, chrome: Chrome, date: _dt.date | None,
                   on_error: OnError | None = None) -> Iterator[Article]:
    """Articles from a .json file: one object, an array of objects (numbered from 1), or JSON Lines."""
    text = decode(read_all(path), path)
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        lines = enumerate(text.splitlines(), 1)
        yield from articles_from_lines(lines, file=path, stem=stem, chrome=chrome, date=date, on_error=on_error)
        return
    if isinstance(value, list):
        if not value:
            raise InputError(path, "empty file: no records")
        for number, record in enumerate(value, 1):
            article = skip_or_raise(lambda: article_from_record(
                record, file=path, line=number, default_id=f"{stem}-{number}", chrome=chrome, date=date), on_error)
            if article is not None:
                yield article
    else:
        yield article_from_record(value, file=path, line=1, default_id=stem, chrome=chrome, date=date)
