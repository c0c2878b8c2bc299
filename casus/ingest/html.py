"""HTML to Article: trafilatura keeps the article text and drops the page around it."""
from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import replace

from casus.ingest.chrome import Chrome
from casus.ingest.decode import decode
from casus.ingest.source import read_all
from casus.ingest.text import Given, article_from_text
from casus.model import Article, InputError

_DATE_PARAMS = {"extensive_search": False, "original_date": True}  # markup only: no guessing from URLs or text


def extract_html(html: str, file: str, line: int | None = None) -> tuple[str, str | None, _dt.date | None]:
    """(text with one paragraph a line, title, publication date) of an HTML page."""
    import trafilatura  # slow to import; only HTML input needs it

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          date_extraction_params=_DATE_PARAMS)
        text = (doc.text if doc is not None else None) or trafilatura.html2txt(html) or ""
    except (ValueError, TypeError, AttributeError) as exc:  # malformed markup trafilatura cannot walk
        raise InputError(file, f"cannot read HTML: {exc}", line) from None
    title = getattr(doc, "title", None) if doc is not None else None
    published = None
    if doc is not None and getattr(doc, "date", None):
        try:
            published = _dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
    return text, title, published


def article_from_html(html: str, *, doc_id: str, file: str, chrome: Chrome, given: Given,
                      line: int | None = None) -> Article:
    """Build an Article from an HTML page; the given title and date win over the page's own."""
    text, title, published = extract_html(html, file, line)
    if not text.strip():
        raise InputError(file, "empty document (no article text in the HTML)", line)
    given = replace(given, title=given.title or title)
    if given.date is None and published is not None:
        given = replace(given, date=published, date_reason="publication date in the HTML metadata")
    return article_from_text(text, doc_id=doc_id, file=file, chrome=chrome, given=given,
                             lines_are_paragraphs=True, line=line)


def read_html_file(path: str, chrome: Chrome, given: Given, doc_id: str) -> Article:
    """Read one HTML document from disk."""
    return article_from_html(decode(read_all(path), path), doc_id=doc_id, file=path, chrome=chrome, given=given)
