"""Reading documents into Articles: text, HTML, JSON Lines, CSV files and stdin."""
from __future__ import annotations

import datetime as _dt
import io
import sys
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import IO

from casus.ingest.chrome import Chrome
from casus.ingest.csv import articles_from_csv_lines, read_csv_file
from casus.ingest.dateline import parse_dateline
from casus.ingest.decode import decode
from casus.ingest.html import article_from_html, read_html_file
from casus.ingest.jsonl import articles_from_lines, read_json_file, read_jsonl_file
from casus.ingest.record import OnError
from casus.ingest.reportdate import infer_report_date
from casus.ingest.source import check_file, open_binary, text_lines
from casus.ingest.text import Given, article_from_text, parse_date, read_text_file
from casus.model import Article, InputError

__all__ = ["read_inputs", "parse_dateline", "infer_report_date", "Chrome", "FORMATS"]

FORMATS = {"text": "text", "txt": "text", "html": "html", "htm": "html", "jsonl": "jsonl", "json": "json",
           "csv": "csv"}
STDIN_NAME = "-"


def read_inputs(paths: Sequence[str], date: str | None = None, *, stdin: IO | None = None,
                fmt: str | None = None, chrome: Chrome | None = None,
                on_error: OnError | None = None) -> Iterator[Article]:
    """Stream Articles from files ('-' is stdin); `date` (YYYY-MM-DD) is the report date of every one.

    Bad input raises InputError; given `on_error`, each error is handed to it instead and reading goes on
    with the next record (JSONL, JSON arrays, CSV) or, when the file itself is bad, the next file.
    """
    given_date = parse_date(date, "--date") if date is not None else None
    if fmt is not None and fmt.lower() not in FORMATS:
        raise InputError("--format", f"unknown input format {fmt!r} (want one of {', '.join(sorted(FORMATS))})")
    kind = FORMATS[fmt.lower()] if fmt else None
    chrome = chrome if chrome is not None else Chrome.load()
    for path in paths:
        try:
            if path == STDIN_NAME:
                stream = stdin if stdin is not None else sys.stdin.buffer
                yield from _read_stream(_byte_lines(stream), STDIN_NAME, "stdin", kind, chrome, given_date, on_error)
            else:
                yield from _read_file(path, kind, chrome, given_date, on_error)
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)


def _read_file(path: str, kind: str | None, chrome: Chrome, date: _dt.date | None,
               on_error: OnError | None) -> Iterator[Article]:
    p = check_file(path)
    suffixes = [s.lower() for s in p.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    ext = suffixes[-1].lstrip(".") if suffixes else ""
    stem = p.name.split(".")[0] or p.name
    kind = kind or FORMATS.get(ext)
    if kind == "jsonl":
        return read_jsonl_file(path, stem=stem, chrome=chrome, date=date, on_error=on_error)
    if kind == "json":
        return read_json_file(path, stem=stem, chrome=chrome, date=date, on_error=on_error)
    if kind == "csv":
        return read_csv_file(path, stem=stem, chrome=chrome, date=date, on_error=on_error)
    given = _given(date)
    if kind == "html":
        return iter([read_html_file(path, chrome, given, stem)])
    if kind == "text":
        return iter([read_text_file(path, chrome, given, stem)])
    return _sniff_file(path, stem, chrome, date, on_error)


def _sniff_file(path: str, stem: str, chrome: Chrome, date: _dt.date | None,
                on_error: OnError | None) -> Iterator[Article]:
    """A file whose name does not say its format: look at the content, as for stdin."""
    with open_binary(path) as stream:
        yield from _read_stream(iter(stream.readline, b""), path, stem, None, chrome, date, on_error)


def _read_stream(byte_lines: Iterator[bytes], file: str, stem: str, kind: str | None, chrome: Chrome,
                 date: _dt.date | None, on_error: OnError | None) -> Iterator[Article]:
    """Articles from a stream of byte lines, sniffing the format from the first non-blank character."""
    head: list[bytes] = []
    for raw in byte_lines:
        head.append(raw)
        if raw.strip(b" \t\r\n\f\v\xef\xbb\xbf"):
            break
    lines = chain(head, byte_lines)
    if head and head[0][:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16: decode first, then sniff
        text = decode(b"".join(lines), file)
        numbered: Iterator[tuple[int, str]] = enumerate(text.splitlines(keepends=True), 1)
        first = text.lstrip()[:1]
    else:
        first = (head[-1].strip(b" \t\r\n\f\v\xef\xbb\xbf")[:1].decode("latin-1") if head else "")
        numbered = text_lines(lines, file)
    kind = kind or ("jsonl" if first == "{" else "html" if first == "<" else "text")
    if kind in ("jsonl", "json"):
        yield from articles_from_lines(numbered, file=file, stem=stem, chrome=chrome, date=date, on_error=on_error)
    elif kind == "csv":
        yield from articles_from_csv_lines(numbered, file=file, stem=stem, chrome=chrome, date=date,
                                           on_error=on_error)
    else:
        whole = "".join(line for _, line in numbered)
        if not whole.strip():
            raise InputError(file, "empty document")
        if kind == "html":
            yield article_from_html(whole, doc_id=stem, file=file, chrome=chrome, given=_given(date))
        else:
            yield article_from_text(whole, doc_id=stem, file=file, chrome=chrome, given=_given(date))


def _byte_lines(stream: IO) -> Iterator[bytes]:
    """Byte lines from a binary or text stream."""
    if isinstance(stream, io.TextIOBase) or isinstance(stream.read(0), str):
        return (line.encode("utf-8") for line in iter(stream.readline, ""))
    return iter(stream.readline, b"")


def _given(date: _dt.date | None) -> Given:
    return Given(date=date, date_reason="date given by the caller (--date)" if date else None)
