"""JSON Lines (and .json) documents, streamed one record at a time."""
from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Iterator

from casus.ingest.chrome import Chrome
from casus.ingest.record import article_from_record
from casus.ingest.source import open_binary, read_all, text_lines
from casus.ingest.decode import decode
from casus.model import Article, InputError


def articles_from_lines(lines: Iterable[tuple[int, str]], *, file: str, stem: str, chrome: Chrome,
                        date: _dt.date | None) -> Iterator[Article]:
    """Articles from numbered JSONL lines; blank lines are skipped, a bad line raises InputError."""
    seen = False
    for number, line in lines:
        if not line.strip():
            continue
        seen = True
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            cause = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            raise InputError(file, f"malformed JSON: {cause}", number) from None
        yield article_from_record(record, file=file, line=number, default_id=f"{stem}-{number}",
                                  chrome=chrome, date=date)
    if not seen:
        raise InputError(file, "empty file: no records")


def read_jsonl_file(path: str, *, stem: str, chrome: Chrome, date: _dt.date | None) -> Iterator[Article]:
    """Stream Articles from a .jsonl (or .jsonl.gz) file."""
    with open_binary(path) as stream:
        yield from articles_from_lines(text_lines(stream, path), file=path, stem=stem, chrome=chrome, date=date)


def read_json_file(path: str, *, stem: str, chrome: Chrome, date: _dt.date | None) -> Iterator[Article]:
    """Articles from a .json file: one object, an array of objects (numbered from 1), or JSON Lines."""
    text = decode(read_all(path), path)
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        lines = enumerate(text.splitlines(), 1)
        yield from articles_from_lines(lines, file=path, stem=stem, chrome=chrome, date=date)
        return
    if isinstance(value, list):
        if not value:
            raise InputError(path, "empty file: no records")
        for number, record in enumerate(value, 1):
            yield article_from_record(record, file=path, line=number, default_id=f"{stem}-{number}",
                                      chrome=chrome, date=date)
    else:
        yield article_from_record(value, file=path, line=1, default_id=stem, chrome=chrome, date=date)
