"""Intergovernmental bodies keep their identity: country IGO, and a code that says which body."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.export.countries import Countries
from casus.export.plover import _party
from casus.model import Article


@pytest.fixture(scope="module")
def coded(pipeline):
    def run(text: str) -> dict[str, tuple[str | None, str | None]]:
        doc = pipeline.parser.parse(Article(id="igo", text=text, report_date=dt.date(2019, 5, 2)))
        return {m.actor.text: (m.actor.country, m.actor.code) for m in pipeline.actor_resolver.resolve(doc)}
    return run


@pytest.mark.parametrize("text, phrase, code", [
    ("The World Health Organization sent doctors to the camps.", "The World Health Organization", "IGOUNOHLHWHO"),
    ("Members of the Security Council argued late into the night.", "the Security Council", "IGOUNO"),
    ("The African Union suspended the country after the coup.", "The African Union", "IGOAFRAFU"),
    ("Interpol issued a notice for the banker.", "Interpol", "IGOCOPITP"),
    ("The IMF cut its forecast again.", "The IMF", "IGOBUSIMF"),
])
def test_a_named_body_gets_its_own_code(coded, text, phrase, code):
    assert coded(text)[phrase] == ("IGO", code)


def test_a_sector_noun_of_a_body_adds_its_sector_to_the_bodys_code(coded):
    got = coded("NATO warplanes patrolled the border while EU diplomats waited.")
    assert got["NATO warplanes"][1].startswith("IGOWSTNAT")
    assert got["EU diplomats"] == ("IGO", "IGOEUREEC")  # diplomats of the EU: the EU's own code


def test_a_body_without_a_code_of_its_own_stays_plain_igo(coded):
    # the G20 has no CAMEO body code in the sources: country and code stay IGO
    assert coded("The G20 agreed on a tax floor.")["The G20"] == ("IGO", "IGO")


def test_plover_export_names_the_body_of_an_igo_actor():
    countries = Countries()
    un = _party({"text": "the UN", "name": "United Nations", "code": "IGOUNO", "country": "IGO", "sector": ["IGO"]},
                countries)
    state = _party({"text": "France", "code": "FRA", "country": "FRA", "sector": []}, countries)
    assert un["country"] == "IGO" and un["igo"] == "IGOUNO"
    assert state["igo"] is None
