"""Readers never crash or hang: any input gives Articles or an InputError."""
import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.ingest import read_inputs
from casus.ingest.chrome import Chrome
from casus.ingest.dateline import parse_dateline
from casus.ingest.reportdate import infer_report_date
from casus.model import InputError

CHROME = Chrome.load()
FUZZ = settings(max_examples=int(os.environ.get("CASUS_FUZZ_EXAMPLES", "60")), deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
EXTENSIONS = ["txt", "jsonl", "json", "csv", "html", "dat"]

news_text = st.text(alphabet=st.sampled_from(list("ABCDEFGHIJKLMNOP abcdefg,.-—()/\n\"“”’:0123456789")),
                    max_size=400)


def check(articles):
    for article in articles:
        assert article.text
        for p in article.paragraphs:
            assert 0 <= p.start <= p.end <= len(article.text)
        if article.dateline is not None:
            assert article.text[article.dateline.start:article.dateline.end] == article.dateline.text


def read(path, **kw):
    try:
        check(read_inputs([str(path)], chrome=CHROME, **kw))
    except InputError:
        pass


@FUZZ
@given(data=st.binary(max_size=2000), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes(tmp_path, data, ext):
    path = tmp_path / f"doc.{ext}"
    path.write_bytes(data)
    read(path)


@FUZZ
@given(text=st.text(max_size=1500), ext=st.sampled_from(EXTENSIONS),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_random_unicode(tmp_path, text, ext, encoding):
    path = tmp_path / f"doc.{ext}"
    path.write_bytes(text.encode(encoding, errors="surrogatepass"))
    read(path)


@FUZZ
@given(text=news_text, encoding=st.sampled_from(["latin-1", "cp1252", "utf-16", "utf-8-sig"]))
def test_odd_encodings_of_news_like_text(tmp_path, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    read(path)


@FUZZ
@given(text=news_text)
def test_stdin_random_text(text):
    try:
        check(read_inputs(["-"], stdin=io.BytesIO(text.encode("utf-8")), chrome=CHROME))
    except InputError:
        pass


@FUZZ
@given(text=news_text, offset=st.integers(0, 1000))
def test_dateline_and_report_date_on_any_text(text, offset):
    dateline = parse_dateline(text, offset)
    if dateline is not None:
        assert text[dateline.start - offset:dateline.end - offset] == dateline.text
        assert len(dateline.text) <= len(text)
    day, basis, reason = infer_report_date(text, dateline)
    assert basis in ("dateline", "inferred", "none") and (day is None) == (basis == "none") and reason


@pytest.mark.parametrize("ext, make", [
    ("txt", lambda n: "TOKYO, January 26. /TASS/. " + "word " * n),
    ("txt", lambda n: "A" * (5 * n)),
    ("jsonl", lambda n: '{"text": "' + "news " * n + '"}\n'),
    ("csv", lambda n: 'text\n"' + "x, " * n + '"\n'),
])
def test_huge_lines_finish(tmp_path, ext, make):
    path = tmp_path / f"big.{ext}"
    path.write_text(make(400_000), encoding="utf-8")
    articles = list(read_inputs([str(path)], chrome=CHROME))
    assert len(articles) == 1 and len(articles[0].text) >= 1_000_000
