"""Two processes, one store: the second waits for the store, then goes on or stops with one clean line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casus.store import Store, StoreBusy
from casus.store_lock import holder_path, this_command

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
# A tiny process that opens the store for writing and holds it until its stdin is closed.
HOLDER = """
import sys
from casus.store import Store
store = Store(sys.argv[1])
print("holding", flush=True)
sys.stdin.read()
store.close()
"""


@pytest.fixture
def held(tmp_path):
    script = tmp_path / "hold_store.py"
    script.write_text(HOLDER, encoding="utf-8")
    db = tmp_path / "news.duckdb"
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=ENV)
    assert proc.stdout.readline().strip() == "holding"
    yield db, proc
    if proc.poll() is None:
        proc.stdin.close()
        proc.wait(timeout=30)


def casus(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "casus.cli", *args], capture_output=True, text=True,
                          timeout=600, env=ENV)


def _docs(tmp_path: Path) -> Path:
    f = tmp_path / "docs.jsonl"
    f.write_text(json.dumps({"id": "w1", "text": "Chile and Peru signed a fishing accord on Tuesday.",
                             "date": "2019-05-08"}) + "\n", encoding="utf-8")
    return f


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("casus: error")]


def test_ingest_gives_up_naming_the_store_and_its_holder(tmp_path, held):
    db, holder = held
    r = casus("ingest", str(_docs(tmp_path)), "--db", str(db), "--wait", "1")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    [line] = _errors(r.stderr)
    assert str(db) in line and f"pid {holder.pid}" in line and "hold_store.py" in line
    holder.stdin.close()
    holder.wait(timeout=30)
    with Store(db, read_only=True) as store:  # nothing of the refused run was written
        assert store.count("articles") == 0
    assert not Path(str(db) + ".rejected.jsonl").exists() and not Path(holder_path(str(db))).exists()


def test_ingest_waits_for_the_holder_then_stores(tmp_path, held):
    db, holder = held
    proc = subprocess.Popen([sys.executable, "-m", "casus.cli", "ingest", str(_docs(tmp_path)), "--db", str(db),
                             "--wait", "300"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=ENV)
    first = proc.stderr.readline()
    assert "waiting" in first and str(db) in first
    holder.stdin.close()  # the first process finishes; the second goes on
    holder.wait(timeout=30)
    rest = proc.stderr.read()
    assert proc.wait(timeout=600) == 0, rest
    with Store(db, read_only=True) as store:
        assert store.count("articles") == 1 and store.count("events") >= 1


@pytest.mark.parametrize("command", [["query", "--format", "jsonl"], ["export", "--format", "csv", "--out", "x.csv"],
                                     ["serve", "--port", "0"]])
def test_readers_fail_with_one_line_while_a_writer_holds(tmp_path, held, command):
    db, holder = held
    r = casus(*command, "--db", str(db), "--wait", "0.5")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    [line] = _errors(r.stderr)
    assert str(db) in line and f"pid {holder.pid}" in line
    assert not (tmp_path / "x.csv").exists()


def test_a_reader_blocks_a_writer_in_the_same_words(tmp_path):
    db = tmp_path / "r.duckdb"
    Store(db).close()
    script = tmp_path / "read_store.py"
    script.write_text(HOLDER.replace("Store(sys.argv[1])", "Store(sys.argv[1], read_only=True)"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=ENV)
    try:
        assert proc.stdout.readline().strip() == "holding"
        with pytest.raises(StoreBusy, match=rf"pid {proc.pid} .*read_store\.py"):
            Store(db, wait=0.3)
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


def test_the_holder_file_lives_as_long_as_the_writer(tmp_path):
    db = str(tmp_path / "h.duckdb")
    store = Store(db, command="casus ingest a.jsonl")
    info = json.loads(Path(holder_path(db)).read_text(encoding="utf-8"))
    assert info["pid"] == os.getpid() and info["command"] == "casus ingest a.jsonl"
    store.close()
    assert not Path(holder_path(db)).exists()


def test_commands_are_named_as_typed():
    assert this_command(["/usr/bin/python3", "-m", "casus.cli", "ingest", "a.jsonl"]) == "casus ingest a.jsonl"
    assert this_command(["/home/u/.venv/bin/casus", "serve", "--db", "x"]) == "casus serve --db x"
    assert this_command(["/usr/bin/python3", "job.py", "x"]) == "python3 job.py x"
