"""Places the gazetteer lacks (a village, a district, a venue) found by their kind noun or their region, placed
where a place the story names lies (casus/places/sites.py)."""
from __future__ import annotations

import pytest

from casus.model import Article


@pytest.fixture(scope="module")
def toponyms(pipeline):
    def run(text: str):
        doc = pipeline.parser.parse(Article(id="site", text=text))
        return [pm.place for pm in pipeline.place_resolver.resolve(doc)]
    return run


def sites(places) -> dict:
    return {p.text: p for p in places if p.form == "site"}


def test_a_village_by_its_kind_noun_lies_in_the_place_named_after_it(toponyms):
    places = toponyms("Flooding in northern India cut off the Quornby district of Lucknow, and farmers in "
                      "Kessapur village near Kanpur lost their crops.")
    found = sites(places)
    assert set(found) == {"Quornby", "Kessapur"}, places
    points = {p.text: (p.lat, p.lon) for p in places if p.form == "name"}
    assert (found["Quornby"].lat, found["Quornby"].lon) == points["Lucknow"], found
    assert (found["Kessapur"].lat, found["Kessapur"].lon) == points["Kanpur"], found


def test_a_site_tied_to_a_country_lies_at_the_storys_town_in_it(toponyms):
    places = toponyms("Police in Lagos said markets reopened. A curfew in the Ketunde area of Nigeria ended on Monday.")
    lagos = next(p for p in places if p.text == "Lagos")
    site = sites(places)["Ketunde"]
    assert (site.lat, site.lon, site.country) == (lagos.lat, lagos.lon, "NGA"), places  # not the country's point


def test_a_name_after_a_kind_noun_and_of_is_a_site(toponyms):
    places = toponyms("Health workers sealed off the hamlet of Ndoroka after three cases in Kenya.")
    assert "Ndoroka" in sites(places), places


def test_a_venue_before_a_county_that_closes_the_phrase_lies_in_the_county(toponyms):
    places = toponyms("The rally visits Wetherley Park, Cheshire. Later it moves to Ravensholt, Kent. "
                      "Fans from Manchester and Leeds are expected.")
    found = sites(places)
    assert set(found) == {"Wetherley Park", "Ravensholt"}, places
    kent = next(p for p in places if p.text == "Kent")
    assert (found["Ravensholt"].lat, found["Ravensholt"].country) == (kent.lat, "GBR"), found


@pytest.mark.parametrize("text", [
    pytest.param("According to Brenda Hollis, Ohio needs more judges.", id="after according to"),
    pytest.param("Tickets for the Velvet Owls, Queens of the Desert and others sold out.", id="the region's name goes on"),
    pytest.param("The school board of the K-8 district met in Dayton.", id="a number in the name"),
    pytest.param("Sales rose in the Lancaster district last year.", id="a name the gazetteer knows"),
    pytest.param("Flooding hit Nenagh on Monday, and homes in the Nenagh Rural Ward area were emptied.",
                 id="a run holding a town the story names"),
])
def test_no_site_where_the_construction_does_not_hold(toponyms, text):
    assert sites(toponyms(text)) == {}


def test_a_site_named_again_is_found_again_and_places_no_event(pipeline):
    text = "Gunmen attacked Tarkanda village in Benue State on Monday. Residents fled Tarkanda by night."
    g = next(pipeline.grounded([Article(id="site2", text=text)]))
    named = [pm.place for pm in g.annotated_only if pm.place.form == "site"]
    assert [p.text for p in named] == ["Tarkanda", "Tarkanda"], named
    assert all(p.country == "NGA" for p in named), named
    assert "Tarkanda" not in [pm.place.text for pm in g.places]  # annotated, no event's place
