"""Import of PETRARCH/TABARI actor dictionaries with dated codes."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.actors import petrarch
from casus.actors.kb import COUNTRY, PERSON, KnowledgeBase, fold

SAMPLE = """# a hand-written sample in the PETRARCH format
ARNOR_  [ARN]
+ARNORIAN_
+FORNOST_

JOHN_KERRY_ # just KERRY is somewhat vague...
+SECRETARY_OF_STATE_JOHN_KERRY_
\t[USAGOVLEG 850103-130201]
\t[USAGOV >130201]

ELROND_HALFELVEN_  # CountryInfo.txt
+ELROND_
\t[RIVELI 700101-990809]
\t[RIVGOV 990810-080507]
\t[RIVELI]

SIR_JOHN_KAPUTIN_\t[IGO 050301-100228]\t# one-line dated record
BAD_DATES_
\t[XXXGOV 2004017-20061201]
"""


@pytest.fixture()
def sample(tmp_path):
    f = tmp_path / "sample.actors.txt"
    f.write_text(SAMPLE, encoding="utf-8")
    return f


def test_dates_and_codes():
    assert petrarch.parse_pdate("130201") == dt.date(2013, 2, 1)
    assert petrarch.parse_pdate("450703") == dt.date(1945, 7, 3)
    assert petrarch.parse_pdate("18970101") == dt.date(1897, 1, 1)
    assert petrarch.split_code("USAGOVLEG") == ("USA", ("GOV", "LEG"))
    s = petrarch.parse_restriction("RUSGOV", ">080508")
    assert s.start == dt.date(2008, 5, 8) and s.end is None


def test_sample_records(sample):
    skipped: list[str] = []
    recs = {e.name: (aliases, e) for aliases, e in petrarch.read_actors(sample, skipped)}
    aliases, arnor = recs["Arnor"]
    assert arnor.category == COUNTRY and arnor.country == "ARN" and "fornost" in aliases
    kerry = recs["John Kerry"][1]
    assert kerry.category == PERSON
    assert kerry.at(dt.date(2010, 1, 1))[:2] == ("USA", ("GOV", "LEG"))
    assert kerry.at(dt.date(2014, 1, 1))[:2] == ("USA", ("GOV",))
    elrond = recs["Elrond Halfelven"][1]
    assert elrond.at(dt.date(2001, 1, 1))[:2] == ("RIV", ("GOV",))
    assert elrond.at(dt.date(2015, 1, 1))[:2] == ("RIV", ("ELI",))  # the undated default code
    assert recs["Sir John Kaputin"][1].at(dt.date(2006, 1, 1))[0] == "IGO"
    assert skipped and "sample.actors.txt:" in skipped[0]


def test_kb_loads_petrarch_file(sample):
    kb = KnowledgeBase.load(extra=[sample])
    assert kb.lookup(fold("Fornost"))[0].country == "ARN"
    assert any(e.category == PERSON for e in kb.lookup("secretary of state john kerry"))


def test_phoenix_country_dictionary(shared):
    path = shared / "reference" / "petrarch2_dictionaries" / "dictionaries" / "Phoenix.Countries.actors.txt"
    if not path.exists():
        pytest.skip("Phoenix dictionaries absent")
    recs = {e.name: e for _, e in petrarch.read_actors(path)}
    assert len(recs) > 10000
    putin = recs["Vladimir Putin"]
    assert putin.at(dt.date(2005, 1, 1))[:2] == ("RUS", ("GOV",))
    assert putin.at(dt.date(2010, 1, 1))[:2] == ("RUS", ("GOV",))
    assert putin.at(dt.date(1995, 1, 1))[:2] == ("RUS", ("ELI",))
    assert recs["Afghanistan"].country == "AFG"
