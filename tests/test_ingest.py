"""Reading documents: the worked example, every input format, stdin, and the errors users see."""
import datetime as dt
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from casus.ingest import read_inputs
from casus.ingest.chrome import Chrome
from casus.model import InputError

SHARED = Path(os.environ.get("CASUS_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
EXAMPLE = SHARED / "docs" / "examples" / "tass-japan-russia.txt"

TASS_LIKE = (
    "All news\n\nTokyo hopes to expand cooperation with Moscow\n\n"
    "Japan also plans to continue consultations with Russia\n\n"
    "TOKYO, January 26. /TASS/. Japan plans to speed up cooperation, Abe said Friday.\n\n"
    "Share\n\nThe two met on September 7, 2017 in Vladivostok.\n"
)


def read_one(path, **kw):
    articles = list(read_inputs([str(path)], **kw))
    assert len(articles) == 1
    return articles[0]


def paragraph_texts(article):
    return [(p.role, article.text[p.start:p.end]) for p in article.paragraphs]


def assert_offsets(article):
    joined = "\n\n".join(article.text[p.start:p.end] for p in article.paragraphs)
    assert joined == article.text
    if article.dateline:
        assert article.text[article.dateline.start:article.dateline.end] == article.dateline.text


@pytest.fixture
def write(tmp_path):
    def _write(name, content):
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path
    return _write


def test_worked_example():
    if not EXAMPLE.exists():
        pytest.skip("../shared is not here")
    article = read_one(EXAMPLE)
    assert article.id == "tass-japan-russia"
    assert "All news" not in article.text
    roles = [p.role for p in article.paragraphs]
    assert roles[:3] == ["headline", "deck", "body"] and set(roles[3:]) == {"body"}
    body = paragraph_texts(article)[2][1]
    assert body.startswith("TOKYO, January 26. /TASS/. Japan plans")
    assert article.title == "Tokyo hopes to expand cooperation with Moscow on North Korea"
    d = article.dateline
    assert (d.place, d.publisher, d.month, d.day, d.year) == ("Tokyo", "TASS", 1, 26, None)
    assert article.report_date == dt.date(2018, 1, 26) and article.report_date_basis == "inferred"
    assert "said Friday" in article.report_date_reason
    assert "Shinzo Abe said Friday." in article.text and "’" in article.text  # text kept as written
    assert_offsets(article)


def test_text_file_chrome_paragraphs_and_date(write):
    article = read_one(write("tass.txt", TASS_LIKE.replace("\n", "\r\n")))
    assert "\r" not in article.text and "Share" not in article.text and "All news" not in article.text
    assert [p.role for p in article.paragraphs] == ["headline", "deck", "body", "body"]
    assert article.report_date == dt.date(2018, 1, 26)
    assert_offsets(article)


def test_given_date_wins_and_bad_date_is_an_error(write):
    path = write("tass.txt", TASS_LIKE)
    article = read_one(path, date="2020-05-01")
    assert (article.report_date, article.report_date_basis) == (dt.date(2020, 5, 1), "given")
    with pytest.raises(InputError, match="invalid date"):
        list(read_inputs([str(path)], date="01/05/2020"))


def test_plain_text_without_dateline_guesses_headline_only_when_it_looks_like_one(write):
    article = read_one(write("bbc.txt", "Labour plans maternity pay rise\n\nMaternity pay is to rise.\n\n"
                                         "It would mean paid leave would rise.\n"))
    assert [p.role for p in article.paragraphs] == ["headline", "body", "body"]
    assert article.title == "Labour plans maternity pay rise"
    assert article.report_date is None and article.report_date_basis == "none"
    single = read_one(write("one.txt", "Just one sentence of news."))
    assert [p.role for p in single.paragraphs] == ["body"]


def test_jsonl_records_ids_titles_and_dates(write):
    lines = [
        {"id": "a1", "title": "Talks resume", "text": "MOSCOW (Reuters) - Russia and Japan met.", "date": "2018-01-26",
         "url": "http://x", "source": "Reuters", "extra": [1, 2]},
        {"text": "Talks resume\n\nThey met again.", "title": "Talks resume"},
    ]
    path = write("docs.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n\n")
    first, second = list(read_inputs([str(path)]))
    assert (first.id, first.source, first.url, first.report_date_basis) == ("a1", "Reuters", "http://x", "given")
    assert paragraph_texts(first)[0] == ("headline", "Talks resume")
    assert first.dateline.place == "Moscow"
    assert second.id == "docs-2" and second.text.count("Talks resume") == 1
    for a in (first, second):
        assert_offsets(a)


def test_jsonl_dateline_key_goes_in_front_of_the_body(write):
    record = {"id": "r1", "title": "BAHIA COCOA REVIEW", "dateline": "SALVADOR, Feb 26 -",
              "text": "Showers continued throughout\nthe week."}
    article = read_one(write("r.jsonl", json.dumps(record)))
    assert article.text == "BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued throughout\nthe week."
    assert (article.dateline.place, article.dateline.month, article.dateline.day) == ("Salvador", 2, 26)
    assert_offsets(article)


def test_gzip_jsonl_streams(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(3):
            f.write(json.dumps({"text": f"Document number {i} says hello."}) + "\n")
    stream = read_inputs([str(path)])
    assert next(stream).id == "docs-1"
    assert [a.id for a in stream] == ["docs-2", "docs-3"]


@pytest.mark.parametrize("content, cause, line", [
    ('{"id": 1, "text": "ok text here"}\n{"id": 2, "text": "broken"\n', "malformed JSON", 2),
    ('{"id": 1, "title": "no text"}\n', "no 'text'", 1),
    ('[1, 2]\n', "not an object", 1),
    ('{"text": "fine", "date": "yesterday"}\n', "invalid date", 1),
    ('\n\n', "empty", None),
])
def test_jsonl_errors_name_the_line(write, content, cause, line):
    with pytest.raises(InputError, match=cause) as err:
        list(read_inputs([str(write("bad.jsonl", content))]))
    assert err.value.line == line and err.value.file.endswith("bad.jsonl")


def test_json_array_and_object(write):
    arr = write("a.json", json.dumps([{"text": "First piece of news."}, {"id": "x", "text": "Second."}]))
    assert [a.id for a in read_inputs([str(arr)])] == ["a-1", "x"]
    obj = write("b.json", json.dumps({"text": "Only one."}))
    assert [a.id for a in read_inputs([str(obj)])] == ["b"]


def test_csv_with_multiline_fields(write):
    content = 'url,date,title,text\nhttp://a,2019-01-04,"Building collapses","Friday, January 4, 2019\n\n\nAn apartment building collapsed."\nhttp://b,,Second,"Plain body."\n'
    first, second = list(read_inputs([str(write("wiki.csv", content))]))
    assert first.id == "wiki-2" and second.id == "wiki-6"
    assert [p.role for p in first.paragraphs] == ["headline", "dateline", "body"]
    assert first.report_date == dt.date(2019, 1, 4) and first.report_date_basis == "given"
    assert second.report_date is None
    assert_offsets(first)
    with pytest.raises(InputError, match="no 'text'"):
        list(read_inputs([str(write("nocol.csv", "id,body\n1,hello\n"))]))


def test_date_line_paragraph_dates_the_report(write):
    article = read_one(write("w.txt", "Building collapses\n\nFriday, January 4, 2019\n\nA building collapsed."))
    assert [p.role for p in article.paragraphs] == ["headline", "dateline", "body"]
    assert (article.report_date, article.report_date_basis) == (dt.date(2019, 1, 4), "dateline")


def test_html_file_and_record(write):
    html = ("<html><head><title>Talks | Site</title></head><body><nav><a>Home</a> | <a>World</a></nav><article>"
            "<h1>Japan and Russia to hold talks</h1><p>MOSCOW (Reuters) - Japan and Russia will hold talks on "
            "the islands, officials said on Friday in a statement to reporters.</p>"
            "<p>The talks follow a meeting of the two leaders in Sochi earlier in the year, officials added.</p>"
            "</article></body></html>")
    article = read_one(write("page.html", html))
    assert article.paragraphs[0].role == "headline"
    assert article.text.startswith("Japan and Russia to hold talks\n\nMOSCOW (Reuters) -")
    assert article.dateline.publisher == "Reuters"
    assert_offsets(article)
    from_record = read_one(write("h.jsonl", json.dumps({"id": "h", "html": html})))
    assert from_record.text == article.text


def test_stdin_sniffs_jsonl_html_and_text():
    jsonl = io.BytesIO(b'\n{"id": "s", "text": "From stdin."}\n')
    assert [a.id for a in read_inputs(["-"], stdin=jsonl)] == ["s"]
    text = io.StringIO(TASS_LIKE)
    article = next(read_inputs(["-"], stdin=text))
    assert article.id == "stdin" and article.dateline.publisher == "TASS"
    with pytest.raises(InputError, match="empty"):
        list(read_inputs(["-"], stdin=io.BytesIO(b"  \n\n")))


@pytest.mark.parametrize("content, cause", [
    (b"\x00\x01\x02binary\x00", "binary"),
    (b"", "empty"),
    (b"All news\n\nShare\n", "empty"),
    (b"\x81\x8d\x8f\x90\x9d" * 10, "undecodable"),
])
def test_bad_text_files(write, content, cause):
    with pytest.raises(InputError, match=cause):
        list(read_inputs([str(write("bad.txt", content))]))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.txt")]))
    with pytest.raises(InputError, match="directory"):
        list(read_inputs([str(tmp_path)]))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings(write, encoding):
    text = "Café talks\n\nPARIS (AFP) - Ministers met at the café, “officials” said."
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"')
    article = read_one(write("enc.txt", text.encode(encoding)))
    assert article.text == text.replace("\r\n", "\n")
    assert article.dateline.place == "Paris"


def test_users_can_extend_the_chrome_list(write, tmp_path):
    extra = tmp_path / "mine.txt"
    extra.write_text("line\tpromoted content\n", encoding="utf-8")
    chrome = Chrome.load(Path(__file__).resolve().parents[1] / "casus" / "ingest" / "data" / "chrome.txt", extra)
    article = read_one(write("p.txt", "Promoted content\n\nReal news about talks."), chrome=chrome)
    assert article.text == "Real news about talks."


def test_on_error_skips_bad_records_and_files(write, tmp_path):
    good_and_bad = write("mixed.jsonl", '{"text": "First news."}\n{"text": \n{"title": "no text"}\n{"text": "Last."}\n')
    errors = []
    articles = list(read_inputs([str(good_and_bad), str(tmp_path / "missing.txt"), str(write("ok.txt", "Fine."))],
                                on_error=errors.append))
    assert [a.id for a in articles] == ["mixed-1", "mixed-4", "ok"]
    assert [(e.line, "missing" in e.file) for e in errors] == [(2, False), (3, False), (None, True)]


def test_error_message_names_file_and_line_once(write):
    path = write("blank.jsonl", '{"text": "ok"}\n{"text": "All news"}\n')
    with pytest.raises(InputError) as err:
        list(read_inputs([str(path)]))
    assert str(err.value) == f"{path}:2: empty document (no text after removing page chrome)"
    article = read_one(write("one.jsonl", '{"text": "Fine news."}'))
    assert article.origin.endswith("one.jsonl:1")
