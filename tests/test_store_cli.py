"""casus ingest / query / export through the command line."""
from __future__ import annotations

import csv
import json

import pytest
from test_store_ingest import FakeCoder, doc, jsonl
from typer.testing import CliRunner

cli = pytest.importorskip("casus.cli")
cli_store = pytest.importorskip("casus.cli_store")
runner = CliRunner()


@pytest.fixture
def fake_coder(monkeypatch):
    monkeypatch.setattr(cli_store, "Coder", lambda workers=1, **options: FakeCoderWithClose())


class FakeCoderWithClose(FakeCoder):
    def start(self):
        pass

    def close(self):
        pass


def test_ingest_query_export(tmp_path, fake_coder):
    db = str(tmp_path / "c.duckdb")
    good = jsonl(tmp_path / "good.jsonl", doc(1), doc(2))
    r = runner.invoke(cli.app, ["ingest", good, "--db", db])
    assert r.exit_code == 0, r.output
    assert "2 documents stored" in r.output and "1 incidents" in r.output
    r = runner.invoke(cli.app, ["query", "--db", db, "--code", "18", "--format", "jsonl"])
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["event_id"] for x in recs] == ["ev-d1", "ev-d2"]
    r = runner.invoke(cli.app, ["query", "--db", db, "--level", "incidents", "--format", "csv"])
    [row] = list(csv.DictReader(r.stdout.splitlines()))
    assert (row["n_events"], row["n_articles"], row["n_sources"]) == ("2", "2", "2")
    out = tmp_path / "e.tsv"
    r = runner.invoke(cli.app, ["export", "--db", db, "--format", "gdelt", "--out", str(out), "--header"])
    assert r.exit_code == 0 and len(out.read_text().splitlines()) == 3


def test_bad_input_is_one_line_nonzero_and_store_untouched(tmp_path, fake_coder):
    db = str(tmp_path / "c.duckdb")
    bad = jsonl(tmp_path / "bad.jsonl", doc(1), "{oops")
    r = runner.invoke(cli.app, ["ingest", bad, "--db", db])
    assert r.exit_code != 0
    [line] = r.stderr.strip().splitlines()
    assert "bad.jsonl:2" in line and "Traceback" not in r.output
    r = runner.invoke(cli.app, ["query", "--db", db, "--format", "jsonl"])
    assert r.stdout == ""
    r = runner.invoke(cli.app, ["ingest", bad, "--db", db, "--skip-bad"])
    assert r.exit_code == 0 and "1 rejected" in r.stderr
    [rej] = [json.loads(x) for x in open(db + ".rejected.jsonl")]
    assert rej["line"] == 2 and rej["record"] == "{oops"


def test_query_errors_are_one_line(tmp_path):
    r = runner.invoke(cli.app, ["query", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code != 0 and "no such store" in r.stderr
    r = runner.invoke(cli.app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format", "xml", "--out", "x"])
    assert r.exit_code != 0 and len(r.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def loaded_pipeline():
    try:
        from casus.pipeline import Pipeline

        return Pipeline.load()
    except Exception as err:  # the pipeline lands in parallel; skip until it loads
        pytest.skip(f"casus.pipeline not loadable yet: {err}")


def test_end_to_end_two_text_documents(tmp_path, loaded_pipeline, monkeypatch):
    real = cli_store.Coder
    monkeypatch.setattr(cli_store, "Coder", lambda workers=1, **options: real(pipeline=loaded_pipeline))
    (tmp_path / "a.txt").write_text(
        "Russian President Vladimir Putin met Japanese Prime Minister Shinzo Abe in Sochi on May 6, 2016.\n")
    (tmp_path / "b.txt").write_text(
        "Japan's Prime Minister Shinzo Abe met Russian President Vladimir Putin in Sochi on Friday.\n")
    db = str(tmp_path / "e.duckdb")
    r = runner.invoke(cli.app, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                "--db", db, "--date", "2016-05-07"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli.app, ["query", "--db", db, "--code", "04", "--level", "incidents", "--format", "jsonl"])
    incidents = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(incidents) == 1 and incidents[0]["n_articles"] == 2
