"""CSV documents with a header row (id, text, title, date, url, source, html), streamed row by row."""
from __future__ import annotations

import csv
import datetime as _dt
import sys
from collections.abc import Iterable, Iterator

from casus.ingest.chrome import Chrome
from casus.ingest.record import OnError, article_from_record, skip_or_raise
from casus.ingest.source import open_binary, text_lines
from casus.model import Article, InputError

_MAX_FIELD = min(sys.maxsize, 2**31 - 1)  # whole articles sit in one field; csv's default cap is 128 KB


def articles_from_csv_lines(lines: Iterable[tuple[int, str]], *, file: str, stem: str, chrome: Chrome,
                            date: _dt.date | None, on_error: OnError | None = None) -> Iterator[Article]:
    """Articles from numbered CSV text lines; ids default to the stem and the row's first line number."""
    if csv.field_size_limit() < _MAX_FIELD:
        csv.field_size_limit(_MAX_FIELD)
    reader = csv.reader(line for _, line in lines)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(file, "empty file: no header row")
        columns = [name.strip().lstrip("\ufeff").lower() for name in header]
        if "text" not in columns and "html" not in columns:
            raise InputError(file, "CSV header has no 'text' (or 'html') column", 1)
        while True:
            start = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue
            article = skip_or_raise(lambda: article_from_record(
                dict(zip(columns, row)), file=file, line=start, default_id=f"{stem}-{start}",
                chrome=chrome, date=date), on_error)
            if article is not None:
                yield article
    except csv.Error as exc:
        raise InputError(file, f"malformed CSV: {exc}", reader.line_num) from None


def read_csv_file(path: str, *, stem: str, chrome: Chrome, date: _dt.date | None,
                  on_error: OnError | None = None) -> Iterator[Article]:
    """Stream Articles from a .csv (or .csv.gz) file."""
    with open_binary(path) as stream:
        yield from articles_from_csv_lines(text_lines(stream, path), file=path, stem=stem, chrome=chrome, date=date,
                                           on_error=on_error)
