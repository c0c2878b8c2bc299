"""Bad input through the command line: one clear line, non-zero exit, nothing half-written."""
from __future__ import annotations

import subprocess
import sys

import pytest


def casus(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "casus.cli", *args], capture_output=True, text=True,
                          input=stdin, timeout=600)


@pytest.mark.parametrize("content,cause", [
    (b"\x00\x01\x02binary\xff\xfe\x00", "binary"),
    (b"", "empty"),
])
def test_bad_text_files(tmp_path, content, cause):
    f = tmp_path / "doc.txt"
    f.write_bytes(content)
    out = tmp_path / "events.jsonl"
    r = casus("code", str(f), "--out", str(out))
    assert r.returncode != 0
    assert "doc.txt" in r.stderr and cause in r.stderr.lower()
    assert "Traceback" not in r.stderr
    assert not out.exists() and not list(tmp_path.glob(".events.jsonl*"))


def test_malformed_jsonl_names_the_line(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": "a", "text": "Japan and Russia held talks."}\n{"id": "b", "text": \n', encoding="utf-8")
    out = tmp_path / "events.jsonl"
    r = casus("code", str(f), "--out", str(out))
    assert r.returncode != 0
    assert "docs.jsonl:2" in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


def test_missing_text_field(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": "a", "title": "no body"}\n', encoding="utf-8")
    r = casus("code", str(f))
    assert r.returncode != 0 and "docs.jsonl:1" in r.stderr and "text" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_file():
    r = casus("code", "/nonexistent/news.txt")
    assert r.returncode != 0 and "/nonexistent/news.txt" in r.stderr
    assert "Traceback" not in r.stderr


def test_existing_output_survives_a_failed_run(tmp_path):
    out = tmp_path / "events.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": "a", "text": "Japan and Russia held talks."}\nnot json\n', encoding="utf-8")
    r = casus("code", str(f), "--out", str(out))
    assert r.returncode != 0
    assert out.read_text(encoding="utf-8") == "previous results\n"


def test_stdin_and_bad_date():
    r = casus("code", "-", "--format", "csv", stdin="Russia attacked Ukraine on Monday.", )
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith("event_id,")
    r = casus("code", "-", "--date", "2018-13-45", stdin="Russia attacked Ukraine.")
    assert r.returncode != 0 and "date" in r.stderr.lower() and "Traceback" not in r.stderr


def test_an_internal_failure_names_the_document_and_leaves_no_file(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import casus.cli as cli

    class Broken:
        def code(self, articles):
            for article in articles:
                raise RuntimeError(f"cannot code {article.id}")
                yield article, []

    monkeypatch.setattr(cli, "_pipeline", lambda *a, **k: Broken())
    monkeypatch.delenv("CASUS_DEBUG", raising=False)
    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": "a", "text": "Japan and Russia held talks."}\n', encoding="utf-8")
    out = tmp_path / "events.jsonl"
    r = CliRunner().invoke(cli.app, ["code", str(f), "--out", str(out)])
    assert r.exit_code == 3
    assert "docs.jsonl:1" in r.output and "internal error" in r.output and "Traceback" not in r.output
    assert not out.exists()


def test_a_negative_error_count_is_refused_before_any_scoring(tmp_path):
    r = casus("eval", "times", "--gold", str(tmp_path), "--errors", "-3")
    assert r.returncode != 0
    assert "--errors must be 0 or more" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("kind", ["times", "dates"])
def test_a_gold_folder_with_no_timeml_documents_is_named_and_refused(tmp_path, kind):
    (tmp_path / "notes.txt").write_text("not an annotated document\n", encoding="utf-8")
    r = casus("eval", kind, "--gold", str(tmp_path))
    assert r.returncode != 0
    assert str(tmp_path) in r.stderr and "no TimeML documents" in r.stderr
    assert "Traceback" not in r.stderr and "dataset" not in r.stdout  # no empty table


def test_a_time_gold_that_is_a_file_is_refused(tmp_path):
    f = tmp_path / "gold.txt"
    f.write_text("plain text\n", encoding="utf-8")
    r = casus("eval", "times", "--gold", str(f))
    assert r.returncode != 0 and "gold.txt" in r.stderr and "not a folder" in r.stderr
    assert "Traceback" not in r.stderr
