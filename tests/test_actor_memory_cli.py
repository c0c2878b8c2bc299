"""Actor memory through the command line: ingest keeps what it learnt in the store; code uses it within a run."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
FIRST = "Mongolian Prime Minister Dorjiin Baatarsukh opened talks with China on Tuesday."
LATER = "Dorjiin Baatarsukh criticised Russia on Friday."


def casus(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "casus.cli", *args], capture_output=True, text=True,
                          timeout=600, env=ENV)


def jsonl(path: Path, *records: dict) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def sources(r: subprocess.CompletedProcess, doc_id: str) -> list[str]:
    assert r.returncode == 0, r.stderr
    return [e["source"]["code"] for e in map(json.loads, r.stdout.splitlines())
            if e["doc_id"] == doc_id and e["source"]]


def test_ingest_keeps_learnt_people_for_later_runs(tmp_path):
    db = str(tmp_path / "m.duckdb")
    one = jsonl(tmp_path / "one.jsonl", {"id": "a", "text": FIRST, "date": "2020-03-03"})
    two = jsonl(tmp_path / "two.jsonl", {"id": "b", "text": LATER, "date": "2020-05-01"})
    assert casus("ingest", one, "--db", db).returncode == 0
    r = casus("actors", "--db", db, "--format", "jsonl")
    [row] = [json.loads(x) for x in r.stdout.splitlines()]
    assert (row["name"], row["code"], row["doc_id"], row["count"]) == ("Dorjiin Baatarsukh", "MNGGOV", "a", 1)
    assert casus("ingest", two, "--db", db).returncode == 0  # a new process: memory comes from the store
    assert "MNGGOV" in sources(casus("query", "--db", db, "--format", "jsonl"), "b")
    exported = tmp_path / "learnt.tsv"
    assert casus("actors", "--db", db, "--format", "casus", "--out", str(exported)).returncode == 0
    r = casus("actors", "--db", db, "--reject", "Dorjiin Baatarsukh")
    assert r.returncode == 0 and "blocked" in r.stderr
    three = jsonl(tmp_path / "three.jsonl", {"id": "c", "text": LATER, "date": "2020-06-01"})
    assert casus("ingest", three, "--db", db).returncode == 0
    assert "MNGGOV" not in sources(casus("query", "--db", db, "--format", "jsonl"), "c")
    # the exported file is actor data like any other
    alone = tmp_path / "alone.txt"
    alone.write_text(LATER + "\n", encoding="utf-8")
    r = casus("code", str(alone), "--date", "2020-05-01", "--no-learn", "--actors", str(exported))
    assert "MNGGOV" in sources(r, "alone")


def test_code_uses_what_it_learnt_earlier_in_the_run(tmp_path):
    (tmp_path / "first.txt").write_text(FIRST + "\n", encoding="utf-8")
    (tmp_path / "second.txt").write_text(LATER + "\n", encoding="utf-8")
    files = [str(tmp_path / "first.txt"), str(tmp_path / "second.txt"), "--date", "2020-03-03"]
    r = casus("code", *files)
    assert "MNGGOV" in sources(r, "second")
    [event] = [e for e in map(json.loads, r.stdout.splitlines()) if e["doc_id"] == "second"]
    assert any("learnt from doc first" in x for x in event["reasons"])
    assert "MNGGOV" not in sources(casus("code", *files, "--no-learn"), "second")


def test_accept_needs_a_learnt_name(tmp_path):
    db = str(tmp_path / "e.duckdb")
    one = jsonl(tmp_path / "one.jsonl", {"id": "a", "text": FIRST, "date": "2020-03-03"})
    assert casus("ingest", one, "--db", db).returncode == 0
    r = casus("actors", "--db", db, "--accept", "Nobody Known")
    assert r.returncode != 0 and "no learnt actor 'Nobody Known'" in r.stderr and "Traceback" not in r.stderr
    r = casus("actors", "--db", db, "--accept", "Dorjiin Baatarsukh", "--correct", "MNGMIL")
    assert r.returncode == 0
    listed = casus("actors", "--db", db, "--format", "jsonl").stdout.splitlines()
    rows = {x["code"]: x["status"] for x in map(json.loads, listed)}
    assert rows == {"MNGGOV": "rejected", "MNGMIL": "accepted"}
