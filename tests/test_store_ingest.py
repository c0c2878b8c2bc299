"""Ingest into the store: per-file atomicity, --skip-bad, idempotent re-runs (fake coder, real readers)."""
from __future__ import annotations

import json

import pytest
from test_fold_factory import make_event

from casus.model import InputError
from casus.store import Store

cli_store = pytest.importorskip("casus.cli_store")
pytest.importorskip("casus.ingest").read_inputs  # noqa: B018 - the readers must exist


class FakeCoder:
    """Codes each article into one hand-made kidnapping event (no model needed)."""

    def __init__(self):
        self.coded: list[str] = []

    def code(self, articles):
        for a in articles:
            self.coded.append(a.id)
            yield a, [make_event(f"ev-{a.id}", doc_id=a.id, source="IRQREB", target="IRQCVL", code="181",
                                 where="Mosul", date="2016-05-06")]


def jsonl(path, *records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))
    return str(path)


def doc(i: int) -> dict:
    return {"id": f"d{i}", "text": f"Insurgents kidnapped {i} aid workers in Mosul on Friday.",
            "date": "2016-05-07", "source": f"pub{i % 2}"}


def test_good_files_are_stored_and_rerun_codes_nothing(tmp_path):
    good = jsonl(tmp_path / "good.jsonl", doc(1), doc(2), doc(3))
    with Store(tmp_path / "s.duckdb") as store:
        coder = FakeCoder()
        stats = cli_store.ingest_files(store, [good], coder)
        assert stats["documents"] == 3 and store.count("events") == 3
        assert store.rebuild_incidents() == 1
        again = FakeCoder()
        stats = cli_store.ingest_files(store, [good], again)
        assert again.coded == [] and stats["unchanged"] == 3 and store.count("events") == 3


def test_a_bad_line_fails_its_file_and_leaves_the_store_untouched(tmp_path):
    good = jsonl(tmp_path / "good.jsonl", doc(1))
    bad = jsonl(tmp_path / "bad.jsonl", doc(2), '{"id": "d3", "text": broken', doc(4))
    with Store(tmp_path / "s.duckdb") as store:
        cli_store.ingest_files(store, [good], FakeCoder())
        with pytest.raises(InputError) as info:
            cli_store.ingest_files(store, [bad], FakeCoder())
        assert info.value.line == 2 and "bad.jsonl" in str(info.value)
        _, rows = store.fetch("SELECT id FROM articles ORDER BY id")
        assert rows == [("d1",)]


def test_skip_bad_stores_the_good_records_and_lists_the_rejected(tmp_path):
    bad = jsonl(tmp_path / "bad.jsonl", doc(2), '{"id": "d3", "text": broken', doc(4), "not json", doc(6))
    rejected: list[dict] = []
    with Store(tmp_path / "s.duckdb") as store:
        coder = FakeCoder()
        cli_store.ingest_files(store, [bad], coder, skip_bad=True, rejected=rejected)
        _, rows = store.fetch("SELECT id FROM articles ORDER BY id")
        assert rows == [("d2",), ("d4",), ("d6",)]
        assert sorted(coder.coded) == ["d2", "d4", "d6"]  # nothing coded twice
        _, origins = store.fetch("SELECT DISTINCT origin FROM articles")
        assert all(str(tmp_path) in (o or "") and ".casus-skip-" not in (o or "") for (o,) in origins)
    assert [(r["line"], r["file"]) for r in rejected] == [(2, bad), (4, bad)]
    assert all(r["cause"] for r in rejected) and rejected[1]["record"] == "not json"
