"""The actor knowledge base: data files, lookups, dated people, user files."""
from __future__ import annotations

import datetime as dt

import pycountry
import pytest

from casus.actors.kb import COUNTRY, ORGANIZATION, PERSON, Entry, KnowledgeBase, Spell, fold, make_code
from casus.model import InputError


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


# ISO short names that news use for another state: plain "Congo" has meant the DRC since 1997
# (former.tsv keeps it Congo-Brazzaville before then), so COG is found by its official name
NEWS_USAGE = {"COG": "Republic of the Congo"}


def test_every_iso_country_resolves_by_name(kb):
    def names(c):
        if c.alpha_3 in NEWS_USAGE:
            return [NEWS_USAGE[c.alpha_3]]
        n = getattr(c, "common_name", None) or c.name
        if "," not in n:
            return [n]
        head, rest = (p.strip() for p in n.split(",", 1))
        return [getattr(c, "official_name", n), head, f"{rest} {head}"]

    missing = [c.alpha_3 for c in pycountry.countries
               if not any(e.category == COUNTRY and e.country == c.alpha_3 for n in names(c) for e in kb.lookup(fold(n)))]
    assert not missing


def test_short_capitals_only_match_in_capitals(kb):
    assert [e.country for e in kb.lookup("us", "US")] == ["USA"]
    assert kb.lookup("us", "us") == []
    assert kb.lookup("who", "who") == []
    assert any(e.name == "World Health Organization" for e in kb.lookup("who", "WHO"))


def test_accents_and_quotes_fold(kb):
    assert kb.lookup(fold("Côte d’Ivoire"))[0].country == "CIV"
    assert kb.lookup(fold("Türkiye"))[0].country == "TUR"


@pytest.mark.parametrize("day,role,sectors", [
    ("2005-01-01", "president", ("GOV",)), ("2010-01-01", "prime minister", ("GOV",)),
    ("2020-01-01", "president", ("GOV",))])
def test_putin_by_report_date(kb, day, role, sectors):
    putin = next(e for e in kb.lookup("putin") if e.category == PERSON)
    country, sec, why = putin.at(dt.date.fromisoformat(day))
    assert country == "RUS" and sec == sectors and role in why


def test_former_officials_become_elites(kb):
    obama = next(e for e in kb.lookup("obama") if e.category == PERSON)
    assert obama.at(dt.date(2020, 1, 1))[:2] == ("USA", ("ELI",))


def test_people_table_covers_g20_leaders_with_dates(kb):
    for name in ("vladimir putin", "xi jinping", "narendra modi", "angela merkel", "emmanuel macron", "joe biden"):
        e = next(e for e in kb.lookup(name) if e.category == PERSON)
        assert all(s.start is not None for s in e.spells)


def test_make_code():
    assert make_code("JPN", ["GOV"]) == "JPNGOV"
    assert make_code("IGO", ["IGO", "MIL"]) == "IGOMIL"
    assert make_code(None, ["GOV"]) is None


def test_user_file_extends_kb(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("# name\tcountry\tsectors\tkind\taliases\nFreedom Front\tMLI\tREB\tgroup\tFF rebels\n", encoding="utf-8")
    kb = KnowledgeBase.load(extra=[f])
    e = kb.lookup("freedom front")[0]
    assert (e.country, e.sectors, e.kind) == ("MLI", ("REB",), "group")


def test_person_listed_twice_has_all_spells_under_every_alias():
    kb = KnowledgeBase()
    kb.add(["Ana Ruiz", "A. Ruiz"], Entry("Ana Ruiz", PERSON, spells=(
        Spell("ESP", ("GOV",), dt.date(2000, 1, 1), dt.date(2004, 12, 31), "minister"),)))
    kb.add(["Ana María Ruiz"], Entry("Ana Ruiz", PERSON, spells=(
        Spell("ESP", ("LEG",), dt.date(2005, 1, 1), None, "deputy"),)))
    for alias in ("ana ruiz", "a. ruiz", "ana maria ruiz"):
        (e,) = kb.lookup(alias)
        assert e.at(dt.date(2002, 6, 1))[1] == ("GOV",) and e.at(dt.date(2006, 6, 1))[1] == ("LEG",)


def test_alias_added_later_is_found_by_word():
    kb = KnowledgeBase()
    kb.add(["Red Star"], Entry("Red Star", ORGANIZATION, "XYZ", ("MIL",), "group"))
    assert kb.word_keys("Red")[2] and not kb.word_keys("Blue")[2]
    kb.add(["Blue Star"], Entry("Blue Star", ORGANIZATION, "XYZ", ("REB",), "group"))
    assert kb.word_keys("Blue") == ("blue", "blue", True)
    assert kb.word_keys("NATO") == ("nato", "NATO", False)


def test_user_file_without_header_names_file_and_line(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("Freedom Front\tMLI\tREB\tgroup\t\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        KnowledgeBase.load(extra=[f])
    assert "bad.tsv:1" in str(e.value)


def test_shipped_people_dates_agree_with_reign(kb, shared):
    """Cross-check: our head-of-government spells overlap REIGN's leader spells for the same country."""
    import csv

    path = shared / "reference" / "reign_leaders" / "leaderlist_3_21.csv"
    if not path.exists():
        pytest.skip("REIGN absent")
    rows = list(csv.DictReader(path.open(encoding="utf-8", errors="replace")))
    cols = rows[0].keys()
    name_col = next((c for c in cols if "leader" in c.lower()), None)
    if name_col is None:
        pytest.skip("unexpected REIGN columns")
    names = {fold(r[name_col]) for r in rows}
    for person in ("putin", "merkel", "modi", "abe", "erdogan"):
        assert any(person in n for n in names), person


def test_places_take_the_state_of_the_report_date(kb):
    """former.tsv: a place whose state changed belongs to the earlier state before the change, to none after."""
    import datetime as dt

    assert kb.state_then("Juba", dt.date(2011, 7, 8)) == "SDN"
    assert kb.state_then("juba", dt.date(2011, 7, 9)) is None
    assert kb.state_then("Juba", None) is None
    assert kb.state_then("Khartoum", dt.date(1990, 1, 1)) is None
