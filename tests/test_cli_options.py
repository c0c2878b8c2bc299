"""One command line: every command that codes text reads the same --actors and --lexicon files."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# An invented person and an invented verb: only the user's files can give their codes.
PEOPLE = "# name\taliases\tcountry\tsectors\trole\tstart\tend\n" \
    "Talvi Orrasmaa\tOrrasmaa\tEST\tGOV\tprime minister\t2001-01-01\t\n"
VERBS = "trigger\tpos\tcode\ttarget\trequires\tnote\nzorble\tVERB\t036\t-\t-\tan invented verb of our own\n"
STORY = "Talvi Orrasmaa zorbled the Japanese government on Monday, officials said."


def casus(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "casus.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "people.tsv").write_text(PEOPLE, encoding="utf-8")
    (tmp_path / "verbs.tsv").write_text(VERBS, encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY + "\n", encoding="utf-8")
    return tmp_path


def _data(d: Path) -> list[str]:
    return ["--actors", str(d / "people.tsv"), "--lexicon", str(d / "verbs.tsv")]


def test_code_uses_both_files(files):
    r = casus("code", str(files / "story.txt"), "--date", "2020-03-03", *_data(files))
    assert r.returncode == 0, r.stderr
    events = [json.loads(x) for x in r.stdout.splitlines()]
    assert any(e["cameo"]["code"] == "036" and e["source"]["code"] == "ESTGOV" for e in events)


def test_annotate_takes_actors(files):
    r = casus("annotate", str(files / "story.txt"), "--date", "2020-03-03", *_data(files))
    assert r.returncode == 0, r.stderr
    record = json.loads(r.stdout)
    assert {"text": "Talvi Orrasmaa", "code": "ESTGOV"}.items() <= next(
        a for a in record["actors"] if "Orrasmaa" in a["text"]).items()


def test_ingest_takes_both_files(files):
    db = files / "s.duckdb"
    r = casus("ingest", str(files / "story.txt"), "--db", str(db), "--date", "2020-03-03", *_data(files))
    assert r.returncode == 0, r.stderr
    r = casus("query", "--db", str(db), "--actor", "EST", "--format", "jsonl")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert rows and rows[0]["cameo"]["code"] == "036" and rows[0]["source"]["code"] == "ESTGOV"


def test_eval_events_takes_the_lexicon(files):
    gold = files / "gold.jsonl"
    gold.write_text(json.dumps({"cameo_code": "036", "example": STORY}) + "\n", encoding="utf-8")
    r = casus("eval", "events", "--gold", str(gold), "--format", "jsonl", *_data(files))
    assert r.returncode == 0, r.stderr
    row = json.loads(r.stdout.splitlines()[0])
    assert row["root acc"] == 1.0


@pytest.mark.parametrize("command", ["code", "annotate", "ingest", "eval", "serve"])
def test_a_missing_data_file_is_one_line(files, command):
    args = {"code": ["code", str(files / "story.txt")], "annotate": ["annotate", str(files / "story.txt")],
            "ingest": ["ingest", str(files / "story.txt"), "--db", str(files / "x.duckdb")],
            "eval": ["eval", "events", "--gold", str(files / "story.txt")],
            "serve": ["serve", "--db", str(files / "x.duckdb"), "--token", "a-long-enough-token"]}[command]
    r = casus(*args, "--actors", str(files / "nowhere.tsv"))
    assert r.returncode != 0
    assert "nowhere.tsv" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not (files / "x.duckdb").exists()


def test_eval_refuses_data_files_it_would_ignore(files):
    r = casus("eval", "times", "--gold", str(files), "--actors", str(files / "people.tsv"))
    assert r.returncode != 0 and "--actors" in r.stderr and "Traceback" not in r.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_codes_posted_documents_with_the_files(files):
    pytest.importorskip("fastapi")
    port, token = _free_port(), "a-long-enough-token"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "casus.cli", "serve", "--db", str(files / "w.duckdb"),
                               "--port", str(port), "--token", token, *_data(files)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/", timeout=1)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(server.stderr.read().decode())
                time.sleep(0.2)
        body = json.dumps({"documents": [{"id": "k1", "text": STORY, "date": "2020-03-03"}]}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/documents", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=600).read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?actor=EST", timeout=60) as resp:
            events = json.loads(resp.read())
        assert any(e["cameo"]["code"] == "036" and e["source"]["code"] == "ESTGOV" for e in events["items"])
    finally:
        server.terminate()
        server.wait(timeout=30)
