"""Dask ingest: partitions, shards, resume, and the same store as one process gives."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from casus import scale
from casus.cli_store import ingest_files
from casus.coder import Coder
from casus.store import Store

pytest.importorskip("dask.distributed")

STORIES = [
    ("Russia", "Japan", "Russian troops shelled positions near the border with Japan on Monday."),
    ("Israel", "Egypt", "Israel's prime minister met Egypt's president in Cairo on Tuesday."),
    ("France", "Germany", "France criticised Germany over its budget plan, officials said."),
    ("China", "India", "China accused India of violating the agreement."),
    ("Iran", "Iraq", "Iran will send aid to Iraq after the floods, the ministry said."),
    ("Turkey", "Syria", "Turkish jets bombed Syrian targets overnight."),
    ("Brazil", "Argentina", "Brazil signed a trade agreement with Argentina in Buenos Aires."),
    ("Pakistan", "Afghanistan", "Pakistan closed its border with Afghanistan on Friday."),
    ("Kenya", "Somalia", "Kenya deployed troops to Somalia, the army said."),
    ("Britain", "Spain", "Britain rejected Spain's demand for talks on Gibraltar."),
    ("Canada", "Mexico", "Canada praised Mexico for its help."),
    ("Sweden", "Norway", "Sweden and Norway agreed to cooperate on energy."),
]


def corpus(folder: Path) -> list[str]:
    """Twelve short stories: eight in a JSONL file that gets split, four more in a second file."""
    first, second = folder / "a.jsonl", folder / "b.jsonl"
    rows = [{"id": f"s{i:02d}", "title": f"{a} and {b}", "text": text + "\n\n" + text.replace("on ", "late on "),
             "date": f"2016-05-{i + 1:02d}", "source": "Wire" if i % 2 else "Agency"}
            for i, (a, b, text) in enumerate(STORIES)]
    first.write_text("".join(json.dumps(r) + "\n" for r in rows[:8]), encoding="utf-8")
    second.write_text("".join(json.dumps(r) + "\n" for r in rows[8:]), encoding="utf-8")
    return [str(first), str(second)]


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, so two stores can be compared."""
    with Store(db, read_only=True) as store:
        return {t: sorted(store.fetch(f"SELECT * FROM {t}")[1], key=repr)
                for t in ("articles", "events", "mentions", "incidents", "incident_events")}


@pytest.fixture(scope="module")
def client():
    """A two-process local cluster for the whole module (the machine has two cores)."""
    c = scale.start_client(workers=2)
    yield c
    c.close()
    c.cluster.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory, pipeline):
    """The corpus ingested by one process, as `casus ingest --workers 1` does."""
    folder = tmp_path_factory.mktemp("one")
    files = corpus(folder)
    with Store(folder / "one.duckdb") as store:
        ingest_files(store, files, Coder(pipeline=pipeline))
        store.rebuild_incidents()
    return files, snapshot(folder / "one.duckdb")


def test_big_jsonl_is_split_on_line_boundaries_with_true_line_numbers(tmp_path):
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": "x" * (i % 7 + 20)}) + "\n" for i in range(50)]
    path.write_text("".join(lines), encoding="utf-8")
    parts = scale.plan([str(path)], partition_bytes=200)
    assert len(parts) > 5
    assert parts[0].start == 0 and parts[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(parts, parts[1:]))
    data = path.read_bytes()
    for p in parts:
        assert data[:p.start].count(b"\n") + 1 == p.first_line
    ids = [a.id for p in parts for a in scale.read_partition(p, scale.Options())]
    assert ids == [f"d{i}" for i in range(50)]


def test_records_without_ids_keep_their_whole_file_ids(tmp_path):
    path = tmp_path / "noid.jsonl"
    path.write_text("".join(json.dumps({"text": f"Story number {i} about Japan."}) + "\n" for i in range(9)))
    parts = scale.plan([str(path)], partition_bytes=60)
    assert len(parts) > 1
    from casus.ingest import read_inputs

    whole = [(a.id, a.origin) for a in read_inputs([str(path)])]
    split = [(a.id, a.origin) for p in parts for a in scale.read_partition(p, scale.Options())]
    assert split == whole


def test_a_bad_line_in_a_later_partition_is_reported_with_its_line_number(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = [json.dumps({"id": f"d{i}", "text": "Japan protested."}) + "\n" for i in range(8)]
    good[6] = "{not json\n"
    path.write_text("".join(good), encoding="utf-8")
    parts = scale.plan([str(path)], partition_bytes=80)
    errors = []
    for p in parts:
        list(scale.read_partition(p, scale.Options(skip_bad=True), errors.append))
    assert [e.line for e in errors] == [7]


def test_stdin_cannot_be_partitioned():
    from casus.model import InputError

    with pytest.raises(InputError, match="standard input"):
        scale.plan(["-"])


def test_two_workers_give_the_same_store_as_one_process(tmp_path, client, reference):
    files, expected = reference
    files = corpus(tmp_path)  # same content at another path: ids come from the records
    assert len(scale.plan(files, partition_bytes=600)) > 2
    with Store(tmp_path / "many.duckdb") as store:
        stats = scale.run(client, store, files, scale.Options(), tmp_path / "work", partition_bytes=600)
        store.rebuild_incidents()
    assert stats["documents"] == 12 and stats["error"] is None
    got = snapshot(tmp_path / "many.duckdb")
    assert expected["events"], "the corpus should yield events"
    for table in expected:
        assert got[table] == _relocated(expected[table], reference[0], files), table
    assert not (tmp_path / "work").exists(), "the work folder is removed once its shards are stored"


def test_a_killed_run_resumes_without_recoding_finished_partitions(tmp_path, client, reference, monkeypatch):
    files = reference[0]
    folder = tmp_path / "work"
    parts = scale.plan(files, partition_bytes=600)
    manifest = scale.Manifest(folder)
    manifest.record(scale.code_partition(parts[0], scale.Options(), str(manifest.shards)))
    with open(manifest.path, "a") as fh:
        fh.write('{"key": "cut sho')  # the line being written when the run was killed
    coded = []
    with Store(tmp_path / "resumed.duckdb") as store:
        stats = scale.run(client, store, files, scale.Options(), folder, partition_bytes=600,
                          on_partition=coded.append)
        store.rebuild_incidents()
    assert stats["resumed"] == 1
    assert sorted(r.index for r in coded) == list(range(1, len(parts)))
    assert snapshot(tmp_path / "resumed.duckdb") == reference[1]


def test_a_resumed_run_keeps_the_first_runs_partitions_whatever_the_workers(tmp_path, client, reference):
    files = reference[0]
    folder = tmp_path / "work"
    manifest = scale.Manifest(folder)
    size = manifest.partition_bytes(lambda: 600)  # what the first run (say, with 8 workers) chose
    parts = scale.plan(files, size)
    manifest.record(scale.code_partition(parts[0], scale.Options(), str(manifest.shards)))
    with Store(tmp_path / "resumed.duckdb") as store:  # resumed on the 2-worker cluster, size not given
        stats = scale.run(client, store, files, scale.Options(), folder)
        store.rebuild_incidents()
    assert stats["resumed"] == 1 and stats["partitions"] == len(parts)
    assert snapshot(tmp_path / "resumed.duckdb") == reference[1]


class FailsFirstTry:
    """Codes a partition like a worker does, but each partition's first try fails: it raises, or kills its worker."""

    def __init__(self, marks: Path, kill: set[int] = frozenset(), always: set[int] = frozenset()):
        self.marks, self.kill, self.always = str(marks), kill, always

    def __call__(self, part, options, shard_dir):
        mark = Path(self.marks) / str(part.index)
        if part.index in self.always or not mark.exists():
            mark.touch()
            if part.index in self.kill:
                os._exit(1)  # the worker process dies mid-partition
            raise RuntimeError(f"injected fault in partition {part.index}")
        return scale.code_partition(part, options, shard_dir)


@pytest.fixture
def by_value():
    """Workers cannot import this test module: send its classes by value."""
    import cloudpickle

    module = sys.modules[__name__]
    cloudpickle.register_pickle_by_value(module)
    yield
    cloudpickle.unregister_pickle_by_value(module)


def test_failed_partitions_are_retried_and_a_dead_worker_replaced(tmp_path, client, reference, by_value):
    files = reference[0]
    marks = tmp_path / "marks"
    marks.mkdir()
    with Store(tmp_path / "retried.duckdb") as store:
        stats = scale.run(client, store, files, scale.Options(), tmp_path / "work", partition_bytes=600,
                          task=FailsFirstTry(marks, kill={1}))
        store.rebuild_incidents()
    assert sorted(int(m.name) for m in marks.iterdir()) == list(range(stats["partitions"]))  # every one failed once
    assert snapshot(tmp_path / "retried.duckdb") == reference[1]


def test_a_partition_failing_every_try_stops_the_run_and_stores_nothing(tmp_path, client, reference, by_value):
    marks = tmp_path / "marks"
    marks.mkdir()
    db = tmp_path / "failed.duckdb"
    with Store(db) as store:
        with pytest.raises(scale.ScaleError, match="injected fault in partition 2"):
            scale.run(client, store, reference[0], scale.Options(), tmp_path / "work", partition_bytes=600,
                      task=FailsFirstTry(marks, always={2}))
    assert all(not rows for rows in snapshot(db).values())


def test_ingesting_again_stores_nothing_new(tmp_path, client, reference):
    files = reference[0]
    db = tmp_path / "again.duckdb"
    with Store(db) as store:
        scale.run(client, store, files, scale.Options(), tmp_path / "w1", partition_bytes=600)
        again = scale.run(client, store, files, scale.Options(), tmp_path / "w2", partition_bytes=600)
    assert again["documents"] == 0 and again["unchanged"] == 12


def test_a_bad_file_stops_there_as_with_one_process(tmp_path, client, reference):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "text": "Japan protested."}\n{oops\n', encoding="utf-8")
    files = [reference[0][0], str(bad), reference[0][1]]
    with Store(tmp_path / "bad.duckdb") as store:
        stats = scale.run(client, store, files, scale.Options(), tmp_path / "w", partition_bytes=600)
        ids = {r[0] for r in store.fetch("SELECT id FROM articles")[1]}
    assert stats["error"] and "bad.jsonl:2" in stats["error"]
    assert ids == {f"s{i:02d}" for i in range(8)}


def _relocated(rows: list[tuple], old: list[str], new: list[str]) -> list[tuple]:
    """Rows with the input paths of one run replaced by those of another (articles keep their origin)."""
    def fix(v):
        if isinstance(v, str):
            for o, n in zip(old, new):
                v = v.replace(o, n)
        return v
    return sorted((tuple(fix(v) for v in r) for r in rows), key=repr)


def test_cli_ingest_with_workers_uses_the_cluster_and_reports(tmp_path, client, reference, monkeypatch):
    from typer.testing import CliRunner

    from casus import cli_store
    from casus.cli import app

    monkeypatch.setattr(scale, "start_client", lambda workers, scheduler: client)
    monkeypatch.setattr(cli_store, "_close_client", lambda c: None)
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["ingest", *reference[0], "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "12 documents stored" in result.output
    assert snapshot(db) == reference[1]


def test_cli_ingest_refuses_stdin_with_workers(tmp_path):
    from typer.testing import CliRunner

    from casus.cli import app

    result = CliRunner().invoke(app, ["ingest", "-", "--db", str(tmp_path / "x.duckdb"), "--workers", "2"])
    assert result.exit_code == 2
    assert "standard input" in result.output
