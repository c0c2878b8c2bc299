"""Places as places: a state after its town is a mention of its own, and a town named again is found again."""
from __future__ import annotations

import pytest

from casus.model import Article


@pytest.fixture(scope="module")
def grounded(pipeline):
    def run(text: str):
        return next(pipeline.grounded([Article(id="p", text=text)]))
    return run


def spans(g) -> list[tuple[str, str | None]]:
    return [(pm.place.text, pm.place.feature) for pm in g.places]


def test_a_state_after_its_town_is_a_place_of_its_own(grounded):
    g = grounded("Deputies in Athens, Georgia, detained a suspect, and the sheriff of Dover, Delaware, said little.")
    found = spans(g)
    assert ("Georgia", "ADM1") in found and ("Delaware", "ADM1") in found, found
    athens = next(pm.place for pm in g.places if pm.place.text == "Athens")
    assert athens.country == "USA", athens  # the state placed the town


def test_a_town_named_again_is_found_each_time(grounded):
    text = ("Shelling hit Mosul on Tuesday. Residents of Mosul said water ran out. "
            "By evening Mosul was dark, and aid agencies on Mosul Street waited.")
    g = grounded(text)
    towns = [pm.place.start for pm in g.places if pm.place.text == "Mosul"]
    assert len(towns) == 3, spans(g)  # not the street


@pytest.mark.parametrize("text, towns", [
    pytest.param("Firefighters from the Laurel County Sheriff's Office and the Hartford Hospital staff helped.",
                 ["Laurel County", "Hartford"], id="a town opening an organisation"),
    pytest.param("Police arrested Dana Whitfield, 34, of Grovetown, and charged Lee Harmon of Ravenel with theft.",
                 ["Grovetown", "Ravenel"], id="where a named person lives"),
    pytest.param("Roselle police ticketed drivers, and Vicksburg residents asked for a new exit.",
                 ["Roselle", "Vicksburg"], id="a town before its police or residents"),
])
def test_a_town_named_in_these_constructions_is_a_place(grounded, text, towns):
    g = grounded(text)
    found = [t for t, _ in spans(g)]
    assert all(town in found for town in towns), spans(g)


def test_common_words_that_name_small_towns_do_not_open_organisations(grounded):
    g = grounded("The Federal Reserve and the Central Bank of Nigeria met the Supreme Court clerk.")
    found = [t for t, _ in spans(g)]
    assert "Federal" not in found and "Central" not in found and "Supreme" not in found, spans(g)
    assert "Nigeria" in found, spans(g)


def test_a_small_town_in_capitals_opening_a_line_is_a_dateline_place(grounded):
    g = grounded("Council trims budget\nHARWINTON — The selectmen met on Monday to cut spending.")
    harwinton = [pm.place for pm in g.places if pm.place.text == "HARWINTON"]
    assert harwinton and harwinton[0].country == "USA", spans(g)


def test_names_listed_before_counties_are_counties(grounded):
    g = grounded("Schools in Barrow, Jackson and Madison counties cut staff, officials in Georgia said.")
    got = {pm.place.text: pm.place.feature for pm in g.places}
    assert got.get("Barrow") == "ADM2" and got.get("Jackson") == "ADM2" and got.get("Madison") == "ADM2", got


def test_a_smaller_town_repeats_unless_a_person_bears_its_name(grounded):
    g = grounded("A fire broke out in Greer on Monday. Greer firefighters said Greer had no water.")
    assert len([1 for pm in g.places if pm.place.text == "Greer"]) == 3, spans(g)
    h = grounded("Greer firefighters were called on Monday. Fire chief Tom Greer said Greer had no water.")
    assert len([1 for pm in h.places if pm.place.text == "Greer"]) == 1, spans(h)


def test_a_name_a_place_noun_introduces_is_a_place(grounded):
    g = grounded("Three children fell ill in the lakeside town of Kisumu, health workers reported.")
    kisumu = [pm.place for pm in g.places if pm.place.text == "Kisumu"]
    assert kisumu and kisumu[0].country == "KEN", spans(g)


def test_names_listed_beside_a_place_of_one_country_are_places(grounded):
    g = grounded("Dead birds were found in Cairo, Giza, and Al-Minya last week, officials in Egypt said.")
    got = {pm.place.text: pm.place.country for pm in g.places}
    assert got.get("Giza") == "EGY", got


def test_a_dateline_may_end_in_a_colon(pipeline):
    doc = pipeline.parser.parse(Article(id="d", text="Graves damaged near church\nBEIRUT: Unknown men broke "
                                                     "eight tombstones overnight, police said."))
    places = [pm.place for pm in pipeline.place_resolver.resolve(doc)]
    assert [(p.text, p.country) for p in places] == [("BEIRUT", "LBN")], places


def test_a_legislators_home_town_after_the_party_letter_is_a_place(grounded):
    g = grounded("The bill's sponsor, Rep. Nora Lindqvist, R-Elbow Lake, said it would pass.")
    assert "Elbow Lake" in [t for t, _ in spans(g)], spans(g)


def test_a_nationality_before_a_place_noun_is_not_a_town(pipeline):
    doc = pipeline.parser.parse(Article(id="n", text="Two people fell ill in the southern English city of Salisbury."))
    found = [pm.place.text for pm in pipeline.place_resolver.resolve(doc)]
    assert "Salisbury" in found and "English" not in found, found


@pytest.fixture(scope="module")
def toponyms(pipeline):
    def run(text: str):
        doc = pipeline.parser.parse(Article(id="adj", text=text))
        return [pm.place for pm in pipeline.place_resolver.resolve(doc)]
    return run


def test_a_country_adjective_before_a_noun_is_a_mention_of_the_country(toponyms):
    places = toponyms("Flooding closed a Peruvian highway, so a Kenyan runner trained near the Chilean border.")
    adjectives = {(p.text, p.country, p.feature) for p in places if p.form == "adjective"}
    assert adjectives == {("Peruvian", "PER", "PCLI"), ("Kenyan", "KEN", "PCLI"), ("Chilean", "CHL", "PCLI")}, places
    assert all(p.lat is not None for p in places)


def test_a_country_adjective_joined_to_another_is_found_too(toponyms):
    places = toponyms("Talks on the Greek-Turkish sea border resumed after Norwegian-backed mediation.")
    assert {p.text for p in places if p.form == "adjective"} == {"Greek", "Turkish", "Norwegian"}, places


@pytest.mark.parametrize("text, word", [
    pytest.param("The Nigerian scored twice before the break.", "Nigerian", id="a person, not a modifier"),
    pytest.param("The museum shows Native American pottery.", "American", id="the end of a longer name"),
    pytest.param("Reporters asked Mr French about the budget, and French said nothing.", "French", id="a surname"),
])
def test_a_country_adjective_that_names_no_country_is_not_a_place(toponyms, text, word):
    assert word not in [p.text for p in toponyms(text)]


def test_adjective_mentions_are_annotated_but_place_no_event(pipeline, grounded):
    text = "Egyptian officials met their hosts in Quito on Monday."
    g = grounded(text)
    assert [pm.place.text for pm in g.places] == ["Quito"]  # events read only names of places
    record = next(pipeline.annotate([Article(id="adj", text=text)]))
    forms = {p["text"]: p["form"] for p in record["places"]}
    assert forms == {"Egyptian": "adjective", "Quito": "name"}, record["places"]


def test_a_county_named_whole_is_a_place_wherever_it_stands(toponyms):
    places = toponyms("She toured the Greenville-Pickens County Heritage Center after she left "
                      "Clarke County High School in Athens.")
    counties = {p.text: p for p in places}
    assert {"Pickens County", "Clarke County"} <= set(counties), places  # inside a building's name
    assert counties["Clarke County"].admin1 == "Georgia", counties["Clarke County"]


def test_a_street_by_its_name_is_a_place_in_the_storys_town(toponyms):
    places = toponyms("A water main broke on Elkhorn Avenue near West 14th Street, Tulsa officials said, "
                      "and crews in Tulsa worked overnight.")
    streets = {p.text: p for p in places if p.form == "street"}
    assert set(streets) == {"Elkhorn Avenue", "West 14th Street"}, places
    tulsa = next(p for p in places if p.text == "Tulsa")
    assert all((s.lat, s.lon, s.country) == (tulsa.lat, tulsa.lon, "USA") for s in streets.values()), streets


@pytest.mark.parametrize("text", [
    pytest.param("The Wall Street Journal and the Elm Street Church both raised money.", id="opening a longer name"),
    pytest.param("Deputy Carla M. Lane testified on Monday.", id="a surname after an initial"),
])
def test_a_street_word_in_another_name_is_no_street(toponyms, text):
    assert [p.text for p in toponyms(text) if p.form == "street"] == []


def test_streets_place_no_event(grounded):
    g = grounded("Protesters marched down Elkhorn Avenue in Tulsa on Monday.")
    assert [pm.place.text for pm in g.places] == ["Tulsa"]


def test_a_regions_adjective_names_the_region(toponyms):
    places = toponyms("European carriers and Central American exporters asked for lower fees.")
    found = {(p.text, p.name, p.feature) for p in places if p.form == "adjective"}
    assert found == {("European", "Europe", "CONT"), ("Central American", "Central America", "RGN")}, places


def test_an_abbreviation_in_capitals_names_its_place(toponyms):
    places = toponyms("Exporters in T&T and the EU watched as FrontDesk B.C. opened an office.")
    found = {p.text: p.name for p in places}
    assert found.get("T&T") == "Trinidad and Tobago" and found.get("EU") == "European Union", places
    assert found.get("B.C.") == "British Columbia", places


def test_a_word_in_a_headline_in_capitals_is_no_abbreviation(pipeline):
    from casus.places.find import ToponymFinder

    doc = pipeline.parser.parse(Article(id="caps", text="FARM AID FOR EU GROWERS\nThe EU paid growers."))
    found = [doc.tokens[k].idx for k in ToponymFinder._abbreviations(doc)]
    assert found == [doc.article.text.index("EU", 20)], found


def test_a_country_inside_an_organisations_name_is_a_place(toponyms):
    found = [p.text for p in toponyms("Flights by Air Namibia resumed, Agence France-Presse reported, and the "
                                      "Bank of New England Review said so too.")]
    assert "Namibia" in found, found
    assert not [t for t in found if t.startswith("France") or t == "England"], found


def test_a_country_adjective_after_an_article_in_a_name_is_found(toponyms):
    found = [p.text for p in toponyms("By Jo Marsh, The Canadian Press, with files from Reuters.") if p.form == "adjective"]
    assert found == ["Canadian"], found


def test_a_small_town_after_a_preposition_of_place_is_a_place(grounded):
    g = grounded("The couple drove to Lanexa on Sunday, and a bunkhouse in Atalissa burned overnight.")
    found = [t for t, _ in spans(g)]
    assert "Lanexa" in found and "Atalissa" in found, spans(g)


def test_a_person_or_a_firm_after_a_preposition_is_not_a_town(grounded):
    g = grounded("Officer Hayes chased Bell down the block. Bell ran past a store, and Hayes caught up with "
                 "Bell near the corner. Later she ate at McDonald's and drove to Loop 286.")
    found = [t for t, _ in spans(g)]
    assert "Bell" not in found and "McDonald" not in found and "Loop" not in found, spans(g)


def test_a_town_before_its_people_or_a_based_firm_is_a_place(grounded):
    g = grounded("A Crafton man sued the station, and the Northbrook-based retailer opened a store. "
                 "The Whitaker family declined to comment.")
    found = [t for t, _ in spans(g)]
    assert "Crafton" in found and "Northbrook" in found, spans(g)
    assert "Whitaker" not in found, spans(g)


def test_a_found_town_repeats_inside_its_own_bodies_and_parts(grounded):
    text = ("Flooding closed roads in Chiefland on Friday. Chiefland Police Chief Ann Moss said crews worked "
            "overnight, and shops in Historic Chiefland reopened.")
    g = grounded(text)
    towns = [pm.place.start for pm in g.places if pm.place.text == "Chiefland"]
    assert len(towns) == 3, spans(g)


def test_a_found_town_does_not_repeat_closing_a_party_name(grounded):
    text = ("Heavy rain fell in Rockford on Monday. The campaign group United Rockford said turnout was low.")
    g = grounded(text)
    towns = [pm.place.start for pm in g.places if pm.place.text == "Rockford"]
    assert len(towns) == 1, spans(g)


def test_a_city_the_tagger_took_for_a_person_repeats_as_the_place(grounded):
    g = grounded("The band flew on to Albuquerque on Tuesday. By dusk, Albuquerque was dark and the hall had shut.")
    found = [pm.place.start for pm in g.places if pm.place.text == "Albuquerque"]
    assert len(found) == 2, spans(g)


def test_a_peoples_word_names_its_country_or_state(toponyms):
    places = toponyms("Relief checks will reach Ohioans in May, and many Canadians crossed the border. "
                      "A Texan rancher hosted them.")
    found = {p.text: (p.name, p.form) for p in places}
    assert found.get("Ohioans") == ("Ohio", "people"), found
    assert found.get("Canadians") == ("Canada", "people"), found
    assert found.get("Texan") == ("Texas", "adjective"), found


def test_a_peoples_word_inside_a_longer_name_is_not_a_place(toponyms):
    places = toponyms("The Houston Texans signed a kicker, and Native Americans held a powwow.")
    found = [p.text for p in places if p.form in {"people", "adjective"}]
    assert "Texans" not in found and "Americans" not in found, found


def test_a_town_before_its_shops_and_officers_is_a_place(grounded):
    g = grounded("Thieves hit a Crafton restaurant overnight, and a Hampton ward councillor asked for patrols.")
    found = [t for t, _ in spans(g)]
    assert "Crafton" in found and "Hampton" in found, spans(g)


def test_a_small_towns_name_that_is_a_named_persons_surname_is_the_person(grounded):
    text = ("Wrestling coach Darren Ripley was pleased on Saturday. \"We wrestled hard,\" said coach Ripley. "
            "The team travels to Cedar Falls next week.")
    g = grounded(text)
    found = [t for t, _ in spans(g)]
    assert "Ripley" not in found, spans(g)


def test_each_name_after_a_plural_place_noun_is_a_place(grounded):
    g = grounded("Matches were called off in the industrial cities of Ulsan and Changwon because of the smog.")
    found = [t for t, _ in spans(g)]
    assert "Ulsan" in found and "Changwon" in found, spans(g)


def test_a_malformed_demonym_endings_row_names_the_file_and_line(tmp_path):
    from casus.model import InputError
    from casus.places.forms import load_endings

    path = tmp_path / "endings.tsv"
    path.write_text("# ending, replacement\nian\ta\tFloridian\nian a Ontarian\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_endings(path)
    assert err.value.line == 3 and str(path) in str(err.value)
    path.write_text("ian\ta\tFloridian\nan\t\tOhioan\n", encoding="utf-8")
    assert load_endings(path) == [("ian", "a"), ("an", "")]


def test_a_county_after_a_venue_and_a_comma_is_a_place(grounded):
    g = grounded("The rally moves on to Hollowmere Raceway, Lincolnshire. After that comes Glenbarrow Park, Fife.")
    found = [t for t, _ in spans(g)]
    assert "Lincolnshire" in found and "Fife" in found, spans(g)


def test_a_county_name_in_a_list_of_people_is_not_a_place(grounded):
    g = grounded("Her sons Mason, Devon and Tyler were in the other car.")
    assert "Devon" not in [t for t, _ in spans(g)], spans(g)


def test_a_british_numbered_road_in_a_sentence_about_roads_is_a_street_of_the_story(pipeline):
    from casus.model import Article

    text = ("ABINGDON — The A34 northbound carriageway will shut overnight near the Milton interchange. "
            "Separately, the airline said its A380 fleet would fly again.")
    g = next(pipeline.grounded([Article(id="r", text=text)]))
    streets = {pm.place.text: pm.place.form for pm in g.annotated_only}
    assert streets.get("A34") == "street", streets
    assert "A380" not in streets, streets  # an airliner, not a road
