"""The CAMEO ontology tables and their loader."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from casus.events.ontology import Ontology
from casus.model import InputError

SHARED = Path(os.environ.get("CASUS_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
CODEBOOK = SHARED / "eval" / "events" / "cameo_codebook_examples.jsonl"
CROSSWALK = SHARED / "eval" / "events" / "CAMEO2PLOVER-2021.txt"


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def _norm(name: str) -> str:
    name = name.lower().replace("&", "and")
    name = re.sub(r",?\s*not (otherwise )?specified( below)?", "", name)
    return re.sub(r"[^a-z0-9]+", " ", name).strip()


def test_codes_are_strings_with_roots(onto):
    codes = onto.codes()
    assert len(codes) > 280
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    assert "010" in codes and "10" in codes and onto.get("010").name != onto.get("10").name
    assert all(isinstance(c, str) and 2 <= len(c) <= 4 and c.isdigit() for c in codes)


def test_get_record_fields(onto):
    c = onto.get("042")
    assert (c.code, c.root, c.quad) == ("042", "04", 1)
    assert c.name == "Make a visit"
    assert c.goldstein == pytest.approx(1.9)
    assert onto.get("1823").root == "18" and onto.get("1823").goldstein == -10.0
    with pytest.raises(KeyError):
        onto.get("999")
    with pytest.raises(KeyError):
        onto.get(42)  # codes are never ints
    assert not onto.is_valid("42") and onto.is_valid("042")


@pytest.mark.parametrize("code,quad,penta", [
    ("01", 1, 0), ("0211", 1, 0), ("036", 1, 1), ("057", 1, 1), ("061", 2, 2), ("0874", 2, 2),
    ("093", 3, 3), ("1123", 3, 3), ("139", 3, 3), ("141", 4, 4), ("154", 4, 4), ("163", 4, 3),
    ("173", 4, 4), ("186", 4, 4), ("195", 4, 4), ("2042", 4, 4),
])
def test_quad_and_penta(onto, code, quad, penta):
    assert onto.quad(code) == quad
    assert onto.penta(code) == penta


def test_goldstein_sign_follows_quad(onto):
    for code in onto.codes():
        c = onto.get(code)
        if c.quad == 2:
            assert c.goldstein > 0, code
        if c.quad == 4:
            assert c.goldstein < 0, code


def test_plover_every_code(onto):
    for code in onto.codes():
        p = onto.plover(code)
        assert set(p) == {"type", "mode", "context"}
        if code[:2] not in ("01",):
            assert p["type"], code
    assert onto.plover("042") == {"type": "CONSULT", "mode": "visit", "context": None}
    assert onto.plover("1823")["type"] == "ASSAULT"
    assert onto.plover("0871")["type"] == "RETREAT"


@pytest.mark.parametrize("code,mode,expected", [
    ("061", "intended", "0311"), ("062", "intended", "0312"), ("064", "intended", "0314"),
    ("060", "intended", "031"), ("040", "intended", "036"), ("042", "intended", "036"),
    ("051", "intended", "032"), ("071", "intended", "0331"), ("0841", "intended", "0353"),
    ("081", "intended", "0351"), ("0811", "intended", "0351"),
    ("061", "requested", "0211"), ("046", "requested", "026"), ("073", "requested", "0233"),
    ("0871", "requested", "0256"), ("190", "threat", "1384"), ("163", "threat", "1312"),
    ("163", "intended", "1312"), ("173", "threat", "137"), ("145", "intended", "133"),
    ("2041", "threat", "1385"), ("191", "intended", "1381"),
    ("111", "intended", "111"), ("120", "requested", "120"), ("042", "asserted", "042"),
    ("190", "negated", "190"), ("190", "requested", "190"), ("036", "intended", "036"),
])
def test_for_mode(onto, code, mode, expected):
    assert onto.for_mode(code, mode) == expected


def test_for_mode_results_are_valid(onto):
    for code in onto.codes():
        for mode in ("intended", "requested", "threat"):
            assert onto.is_valid(onto.for_mode(code, mode))


def test_user_file_adds_and_overrides(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my codes\ncode\tname\tgoldstein\tquad\n"
                     "0215\tAppeal for cyber cooperation\t3.4\t1\n"
                     "042\tPay a visit\t2.0\t1\n", encoding="utf-8")
    onto = Ontology.load([extra])
    assert onto.get("0215").name == "Appeal for cyber cooperation"
    assert onto.get("042").name == "Pay a visit" and onto.get("042").goldstein == 2.0
    assert onto.plover("0215")["type"] == "REQUEST"  # inherited from 021
    assert Ontology.load().get("042").name == "Make a visit"  # no shared state between instances


@pytest.mark.parametrize("row,cause", [
    ("42\tBad\t1.0\t1", "bad CAMEO code"),
    ("0421\tBad\tlots\t1", "goldstein"),
    ("0421\tBad\t1.0\t7", "quad"),
    ("0421\tBad\t12.0\t1", "outside"),
])
def test_bad_row_names_file_and_line(tmp_path, row, cause):
    bad = tmp_path / "bad.tsv"
    bad.write_text(f"# comment\ncode\tname\tgoldstein\tquad\n0421\tFine\t1.0\t1\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        Ontology.load([bad])
    assert err.value.line == 4 and err.value.file.endswith("bad.tsv") and cause in err.value.cause


def test_matches_codebook():
    if not CODEBOOK.exists():
        pytest.skip("shared codebook examples absent")
    onto = Ontology.load()
    book = {}
    for line in CODEBOOK.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        book[r["cameo_code"]] = r
    assert set(onto.codes()) == set(book), (sorted(set(onto.codes()) - set(book)), sorted(set(book) - set(onto.codes())))
    names = [(c, onto.get(c).name, r["name"]) for c, r in book.items() if _norm(onto.get(c).name) != _norm(r["name"])]
    assert not names, "\n".join(f"{c}: {a!r} != {b!r}" for c, a, b in sorted(names))
    scores = [(c, onto.get(c).goldstein, r["goldstein"]) for c, r in book.items()
              if abs(onto.get(c).goldstein - float(r["goldstein"])) > 1e-6]
    assert not scores, sorted(scores)


def _crosswalk() -> dict[str, str]:
    out = {}
    for line in CROSSWALK.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def test_plover_agrees_with_official_crosswalk():
    if not CROSSWALK.exists():
        pytest.skip("shared CAMEO2PLOVER crosswalk absent")
    onto = Ontology.load()
    official = _crosswalk()
    common = [c for c in official if onto.is_valid(c)]
    assert len(common) > 250
    wrong = [(c, onto.plover(c)["type"], official[c]) for c in common if onto.plover(c)["type"] != official[c]]
    share = 1 - len(wrong) / len(common)
    assert share >= 0.95, f"{share:.1%} agree; disagreements (code, ours, official): {wrong}"
