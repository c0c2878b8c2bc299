"""Toponym resolution on short sentences: the sense a reader would pick from context."""
from __future__ import annotations

import pytest

from casus.model import Article
from casus.places.gazetteer import Gazetteer
from casus.places.resolve import PlaceResolver

TEXTS = {
    "sochi": "Abe met Putin in Sochi on May 6, 2016.",
    "idaho": "The festival in Moscow, Idaho drew students from across the Palouse.",
    "us_georgia": "Storms hit Atlanta, Savannah and Augusta on Monday, and the governor of Georgia declared an emergency.",
    "caucasus": "Russian troops crossed into Georgia near Tbilisi, and officials in Armenia and Azerbaijan watched closely.",
    "metonym": "Moscow said it would respond to the new sanctions.",
    "demonym": "French officials met Italian diplomats in Rome on Tuesday.",
    "long_beach": "Police in Long Beach, California arrested two men.",
    "paris": "The summit in Paris ended without a deal.",
    "paris_tx": "Paris, Texas is a small city near the Oklahoma border.",
    "dateline": "By Matthew Daly, The Associated Press. WASHINGTON (AP) - An on-again, off-again effort to "
                "limit harmful emissions stalled in Wyoming.",
    "state_list": "Tech firms are leaving states such as California or Washington for Texas.",
    "landmark": "Fans packed the Rogers Centre and later toured St. Peter's Basilica.",
    "org_place": "Deputies from the Laurel County Sheriff's Office met the Texas Department of Transportation "
                 "in Austin. Mayor Smith thanked Congress.",
    "abbrev": "The EU and the WA government met in Perth.",
    "henry": "Paris and Henry County are rich in history, the mayor of Paris said.",
    "lima_dateline": "LIMA, March 3 - The United States criticised Peru on Tuesday, officials in Washington and "
                     "New York said. American diplomats in Texas, Florida and California said they would respond.",
    "lima_ohio": "LIMA, Ohio, March 3 - The county board met on Tuesday in Allen County.",
    "athens_local": "ATHENS — Clarke County commissioners met on Tuesday with officials from Watkinsville, "
                    "Winterville and Bogart.",
    "us_trip": "The White House said the president would fly from New York to Moscow, and senators in Washington "
               "and governors in Ohio and Florida backed the trip.",
    "kentucky_paris": "Paris police said the man was taken to a hospital in Lexington, and Bourbon County deputies "
                      "joined the search.",
    "wire_run_on": "TEXTILE ORDERS SLIP ST. PAUL, Sept 14 - A mill owner said orders fell in the summer.",
    "wire_state": "REFINERY TO CLOSE NEW LONDON, Conn., Jan 9 - The refinery will shut next year, its owner said.",
    "wire_day": "GRAIN FUTURES EASE LONDON, March 12 - Wheat prices eased on Thursday, traders said.",
    "geneva_talks": "Senators in Washington said the negotiators would sit down with their Soviet counterparts "
                    "in Geneva next week, and governors in Utah and Oregon welcomed the plan.",
    "geneva_local": "Geneva police closed a road on Friday, and Kane County deputies helped them near Batavia.",
    "former_state": "Prosecutors in West Germany questioned car makers in Brunswick, and envoys of the Soviet "
                    "Union and Czechoslovakia watched from West Berlin.",
    "frankfurt_wire": "FRANKFURT, May 4 - Share prices rose on Monday, dealers in Chicago and Boston said.",
    "uk_washington": "Police in London and Brighton said the diplomats the president had expelled flew home from "
                     "Washington on Friday.",
    "uk_richmond": "Councillors in Richmond met London officials on Monday about the new bus lanes.",
    "english_counties": "Grass fires spread in Kent and Surrey on Sunday, and crews from Norfolk and "
                        "Northamptonshire were sent south to help.",
    "us_kent": "Firefighters in Kent and Seattle searched the Green River on Sunday.",
    "minnesota": "The road north of Alexandria is closed, and another southwest of Brandon washed out "
                 "near Kensington, Douglas County officials said.",
}


@pytest.fixture(scope="module")
def resolved():
    from casus.nlp import Parser

    parser = Parser()
    resolver = PlaceResolver(Gazetteer.load())
    articles = [Article(id=k, text=t) for k, t in TEXTS.items()]
    return {d.article.id: (d, resolver) for d in parser.parse_many(articles)}


def places(resolved, key, actor_spans=()):
    doc, resolver = resolved[key]
    return {pm.place.text: pm.place for pm in resolver.resolve(doc, actor_spans)}


def test_sochi_resolves_to_russia_with_offsets(resolved):
    p = places(resolved, "sochi")["Sochi"]
    assert p.country == "RUS" and p.geonameid == 491422
    assert TEXTS["sochi"][p.start:p.end] == "Sochi"
    assert round(p.lat, 1) == 43.6


def test_moscow_idaho_is_in_the_united_states(resolved):
    found = places(resolved, "idaho")
    assert found["Moscow"].country == "USA" and found["Moscow"].admin1 == "Idaho"
    assert "qualified by 'Idaho'" in found["Moscow"].basis


def test_georgia_among_us_cities_is_the_state(resolved):
    found = places(resolved, "us_georgia")
    assert found["Georgia"].country == "USA" and found["Georgia"].feature == "ADM1"
    assert found["Savannah"].admin1 == "Georgia"


def test_georgia_in_the_caucasus_is_the_country(resolved):
    found = places(resolved, "caucasus")
    assert found["Georgia"].country == "GEO"


def test_actor_spans_are_not_places(resolved):
    doc, _ = resolved["metonym"]
    assert "Moscow" in places(resolved, "metonym")
    assert places(resolved, "metonym", actor_spans=[(0, 6)]) == {}


def test_demonyms_are_country_mentions_of_their_own_form(resolved):
    found = places(resolved, "demonym")
    assert {t for t, p in found.items() if p.form == "name"} == {"Rome"} and found["Rome"].country == "ITA"
    assert {(t, p.country) for t, p in found.items() if p.form == "adjective"} == {("French", "FRA"), ("Italian", "ITA")}


def test_long_beach_california(resolved):
    p = places(resolved, "long_beach")["Long Beach"]
    assert p.country == "USA" and p.admin1 == "California"


def test_bare_paris_is_france_but_paris_texas_is_not(resolved):
    assert places(resolved, "paris")["Paris"].country == "FRA"
    p = places(resolved, "paris_tx")["Paris"]
    assert p.country == "USA" and p.admin1 == "Texas"


def test_token_ranges_match_character_offsets(resolved):
    doc, resolver = resolved["us_georgia"]
    for pm in resolver.resolve(doc):
        assert doc.tokens[pm.start].idx == pm.place.start
        assert doc.tokens[pm.end - 1].end == pm.place.end


def test_a_town_and_its_county_resolve_together(resolved):
    found = places(resolved, "henry")
    assert found["Paris"].admin1 == "Tennessee"
    assert found["Henry County"].admin1 == "Tennessee"
    assert found["Henry County"].lat is not None


def test_small_towns_go_to_the_state_they_share(resolved):
    found = places(resolved, "minnesota")
    assert {found[n].admin1 for n in ("Alexandria", "Brandon", "Kensington")} == {"Minnesota"}


def test_a_dateline_is_the_city(resolved):
    p = places(resolved, "dateline")["WASHINGTON"]
    assert p.feature == "PPLC" and p.admin1 == "District of Columbia"


def test_a_toponym_listed_with_states_is_a_state(resolved):
    p = places(resolved, "state_list")["Washington"]
    assert p.feature == "ADM1" and p.name == "Washington"


def test_landmarks_do_not_yield_the_town_they_start_with(resolved):
    found = places(resolved, "landmark")
    assert "Rogers" not in found and "St. Peter" not in found


def test_places_opening_organisation_names_are_found(resolved):
    found = places(resolved, "org_place")
    assert found["Laurel County"].admin1 == "Kentucky" and found["Laurel County"].feature == "ADM2"
    assert found["Texas"].feature == "ADM1"
    assert "Congress" not in found  # a tiny town named Congress does not make the legislature a place


def test_short_capitals_are_abbreviations_of_big_places_only(resolved):
    found = places(resolved, "abbrev")
    assert "EU" not in found or found["EU"].feature == "RGN"  # not the French town Eu


def test_an_unqualified_dateline_naming_a_capital_is_the_capital(resolved):
    # a story full of one country's places does not pull a foreign capital's dateline to a town of that name
    text = TEXTS["lima_dateline"]
    acting = [(text.index(w), text.index(w) + len(w)) for w in ("The United States", "Peru")]
    assert places(resolved, "lima_dateline", acting)["LIMA"].country == "PER"
    # a state after the dateline's town qualifies it
    assert places(resolved, "lima_ohio")["LIMA"].country == "USA"
    # a local paper's dateline with no date after it is left to the story's other places
    assert places(resolved, "athens_local")["ATHENS"].country == "USA"


def test_a_world_city_is_not_a_small_us_namesake_on_the_stories_country_alone(resolved):
    # a US story names US places, but nothing near Moscow, Idaho: the capital it is
    found = places(resolved, "us_trip")
    assert found["Moscow"].country == "RUS"
    assert "namesake" in found["Moscow"].basis


def test_a_namesake_with_a_local_sign_stays_the_town(resolved):
    found = places(resolved, "kentucky_paris")
    assert found["Paris"].country == "USA" and found["Paris"].admin1 == "Kentucky"


def test_a_wire_dateline_after_a_headline_in_capitals_is_named_whole(resolved):
    # the headline runs into the dateline; the town is the longest name before the comma and the day
    found = places(resolved, "wire_run_on")
    assert "ST. PAUL" in found and found["ST. PAUL"].admin1 == "Minnesota"
    assert "PAUL" not in found and "dateline" in found["ST. PAUL"].basis
    found = places(resolved, "wire_state")
    assert found["NEW LONDON"].country == "USA" and "LONDON" not in found


def test_a_month_beside_a_day_is_a_date_not_a_town(resolved):
    found = places(resolved, "wire_day")
    assert found["LONDON"].country == "GBR"
    assert "March" not in found  # not the fenland town of that name


def test_a_city_abroad_of_some_size_is_not_a_small_namesake_on_the_stories_country_alone(resolved):
    # neither a capital nor a city of a million, but eight times the US town of its name: the story gives
    # that town no state, county or qualifier, only its country
    found = places(resolved, "geneva_talks")
    assert found["Geneva"].country == "CHE" and "namesake" in found["Geneva"].basis
    # a story naming the town's county and a neighbour keeps the town
    found = places(resolved, "geneva_local")
    assert found["Geneva"].country == "USA" and found["Geneva"].admin1 == "Illinois"


def test_former_states_are_places_of_their_successor(resolved):
    found = places(resolved, "former_state")
    assert found["West Germany"].country == "DEU" and found["West Germany"].feature == "PCLI"
    assert found["Czechoslovakia"].country == "CZE"
    assert found["West Berlin"].country == "DEU"
    # the story's country decides a name it shares with US towns: the German city
    assert found["Brunswick"].country == "DEU"


def test_an_unqualified_wire_dateline_is_a_city_eight_times_its_namesakes(resolved):
    # neither a capital nor a city of a million, but agencies would qualify its small namesakes
    found = places(resolved, "frankfurt_wire")
    assert found["FRANKFURT"].country == "DEU"
    assert found["FRANKFURT"].name == "Frankfurt am Main"


def test_a_state_that_is_most_of_its_country_is_no_local_sign_far_away(resolved):
    # England holds most of Britain's people: London named is no sign of an English Washington 400 km north
    assert places(resolved, "uk_washington")["Washington"].country == "USA"
    # but a town of England near the places the story names keeps its name from a bigger city abroad
    assert places(resolved, "uk_richmond")["Richmond"].country == "GBR"


def test_english_counties_are_counties_in_england_not_american_towns(resolved):
    found = places(resolved, "english_counties")
    for county in ("Kent", "Surrey", "Norfolk", "Northamptonshire"):
        assert found[county].country == "GBR" and found[county].feature == "ADM2", county
    # a story of Washington state keeps its own Kent
    assert places(resolved, "us_kent")["Kent"].country == "USA"
