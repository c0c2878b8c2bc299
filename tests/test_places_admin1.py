"""States and provinces outside the United States are places (casus/places/data/admin1.tsv)."""
from __future__ import annotations

import pytest

from casus.model import Article
from casus.places.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def grounded(pipeline):
    def run(text: str):
        return next(pipeline.grounded([Article(id="a1", text=text)]))
    return run


def test_a_province_and_its_kind_are_gazetteer_entries(gazetteer):
    for name, country in [("Borno", "NGA"), ("Borno State", "NGA"), ("Roraima", "BRA"), ("Mashonaland East", "ZWE")]:
        states = [c for c in gazetteer.candidates(name) if c.feature_code == "ADM1" and c.country == country]
        assert states, name


def test_a_state_named_after_its_city_is_only_found_with_its_kind(gazetteer):
    assert gazetteer.candidates("Lagos")[0].feature_class == "P"  # the city
    assert any(c.feature_code == "ADM1" for c in gazetteer.candidates("Lagos State"))


def test_a_division_does_not_take_a_bigger_towns_name_or_a_common_word(gazetteer):
    assert gazetteer.candidates("Manchester")[0].country == "GBR"  # not the parish of Jamaica
    assert not [c for c in gazetteer.candidates("Delta") if c.feature_code == "ADM1"]
    assert not [c for c in gazetteer.candidates("Tobago") if c.feature_code == "ADM1"]  # part of a country's name


def test_a_province_shares_its_towns_code(gazetteer):
    borno = next(c for c in gazetteer.candidates("Borno") if c.feature_code == "ADM1")
    town = next(c for c in gazetteer.candidates("Maiduguri") if c.country == "NGA")
    assert borno.admin1_code == town.admin1_code


def test_a_state_outside_the_us_is_found_and_placed(grounded):
    g = grounded("Gunmen burned two villages in Zamfara this week, and a clinic in Benue State ran out of vaccines.")
    found = {pm.place.text: pm.place for pm in g.places}
    assert "Zamfara" in found and found["Zamfara"].country == "NGA", found
    assert any(t.startswith("Benue") and p.country == "NGA" for t, p in found.items()), found


def test_a_division_name_the_ner_calls_a_person_stays_a_person(grounded):
    g = grounded("Her daughter Brittany moved to Ohio last spring.")
    assert "Brittany" not in [pm.place.text for pm in g.places]


def test_each_entry_says_which_table_it_comes_from(gazetteer):
    """A division of admin1.tsv says so itself, with or without a GeoNames code of its towns."""
    borno = next(c for c in gazetteer.candidates("Borno") if c.feature_code == "ADM1")
    uncoded = next(c for c in gazetteer.candidates("Daykundi Province") if c.feature_code == "ADM1")
    assert (borno.table, uncoded.table, uncoded.admin1_code) == ("admin1", "admin1", None)
    assert next(c for c in gazetteer.candidates("Ohio") if c.feature_code == "ADM1").table == "geonames"
    assert next(c for c in gazetteer.candidates("Kent") if c.country == "GBR").table == "counties"
