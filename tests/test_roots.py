"""`--roots`: users who drop public statements (or keep only some roots) get only those events."""
from __future__ import annotations

import subprocess
import sys

import pytest
from test_query import ids, store  # noqa: F401 — the small hand-made store

from casus.events.roots import parse_roots


def test_keep_and_drop():
    drop = parse_roots("-01")
    assert not drop.admits("010") and not drop.admits("0131") and drop.admits("111") and drop.admits("190")
    keep = parse_roots("11, 12")
    assert keep.admits("112") and keep.admits("1246") and not keep.admits("042")
    both = parse_roots("18,19,-19")
    assert both.admits("183") and not both.admits("190") and not both.admits("111")
    assert parse_roots("4").admits("042")  # one digit is the root written short
    assert parse_roots(None).admits("010") and parse_roots("").admits("200")


@pytest.mark.parametrize("bad", ["21", "00", "1a", "-x"])
def test_a_bad_root_is_named(bad):
    with pytest.raises(ValueError, match="not a CAMEO root"):
        parse_roots(bad)


def test_query_filter_by_roots(store):  # noqa: F811
    assert sorted(ids(store, roots="-11")) == ["bomb1", "bomb2", "visit"]
    assert sorted(ids(store, roots="18,04")) == ["bomb1", "bomb2", "visit"]
    assert ids(store, roots="11") == ["neg"]
    assert ids(store, roots="-18,-04,-11") == []


def test_code_drops_the_roots_asked(tmp_path):
    f = tmp_path / "news.txt"
    f.write_text("PARIS, March 3 (Reuters) - France condemned Iran on Monday for the arrest of two of its "
                 "diplomats. Iranian police arrested the two French diplomats in Tehran last week.\n")

    def roots(*extra: str) -> set[str]:
        r = subprocess.run([sys.executable, "-m", "casus.cli", "code", str(f), "--format", "csv", *extra],
                           capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stderr
        import csv
        import io

        return {row["cameo_code"][:2] for row in csv.DictReader(io.StringIO(r.stdout))}

    every = roots()
    assert {"11", "17"} <= every
    assert "11" not in roots("--roots", "-11") and "17" in roots("--roots", "-11")
    assert roots("--roots", "17") == {"17"}
    bad = subprocess.run([sys.executable, "-m", "casus.cli", "code", str(f), "--roots", "42"],
                         capture_output=True, text=True, timeout=600)
    assert bad.returncode != 0 and "--roots" in bad.stderr and "Traceback" not in bad.stderr
