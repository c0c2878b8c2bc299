"""Gazetteer index: names (with alternates and folded spellings) to GeoNames candidates."""
from __future__ import annotations

import pytest

from casus.places.gazetteer import Gazetteer, distance_km, normalise


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_normalise_folds_case_diacritics_dots_and_article():
    assert normalise("Québec") == normalise("QUEBEC") == "quebec"
    assert normalise("the U.S.") == normalise("US")
    assert normalise("St. Louis") == normalise("Saint Louis")
    assert normalise("Bosnia-Herzegovina") == "bosnia herzegovina"


def test_sochi_is_the_russian_city(gaz):
    [sochi] = [c for c in gaz.candidates("Sochi") if c.country == "RUS"]
    assert sochi.geonameid == 491422
    assert round(sochi.lat, 1) == 43.6 and round(sochi.lon, 1) == 39.7
    assert sochi.feature_class == "P"


def test_paris_largest_first_and_capital(gaz):
    cands = gaz.candidates("paris")
    assert cands[0].country == "FRA" and cands[0].feature_code == "PPLC"
    assert any(c.country == "USA" and c.admin1 == "Texas" for c in cands)


def test_country_and_state_share_a_name(gaz):
    kinds = {(c.country, c.feature_code) for c in gaz.candidates("Georgia")}
    assert {("GEO", "PCLI"), ("USA", "ADM1")} <= kinds


def test_informal_country_names_and_regions(gaz):
    assert gaz.candidates("U.S.")[0].country == "USA"
    assert gaz.candidates("Britain")[0].country == "GBR"
    assert gaz.candidates("the Kuril Islands")[0].country == "RUS"
    assert gaz.candidates("Gaza Strip")[0].country == "PSE"
    assert gaz.candidates("Crimea")[0].country == "UKR"
    usa = gaz.candidates("United States")[0]
    assert distance_km(usa.lat, usa.lon, 39.8, -98.5) < 100  # a country point, not its capital


def test_us_counties_and_alternate_names(gaz):
    [parish] = gaz.candidates("Rapides Parish")
    assert parish.admin1 == "Louisiana" and parish.feature_code == "ADM2"
    assert any(c.name == "Munich" for c in gaz.candidates("München"))


def test_us_counties_have_points_and_towns_know_their_county(gaz):
    [henry] = [c for c in gaz.candidates("Henry County") if c.admin1_code == "TN"]
    [paris] = [c for c in gaz.candidates("Paris") if c.admin1_code == "TN"]
    assert paris.admin2 == "Henry County"
    assert henry.lat is not None and distance_km(henry.lat, henry.lon, paris.lat, paris.lon) < 40


def test_airport_codes_are_not_town_names(gaz):
    assert not any(c.name == "Paris" for c in gaz.candidates("PRX"))
    assert gaz.candidates("US")[0].country == "USA"  # codes from our own data files stay


def test_unknown_name_has_no_candidates(gaz):
    assert gaz.candidates("Xqzzyville") == []
    assert "Xqzzyville" not in gaz


def test_index_is_cached_to_a_file_and_reloaded(tmp_path):
    first = Gazetteer.load(cache_dir=tmp_path, min_population=15000)
    files = list(tmp_path.glob("gazetteer-*.pickle"))
    assert len(files) == 1
    again = Gazetteer.load(cache_dir=tmp_path, min_population=15000)
    assert len(again.records) == len(first.records)
    assert again.candidates("Sochi")[0].geonameid == 491422
