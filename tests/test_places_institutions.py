"""Places inside the names of bodies and buildings: the town a council, court, school or airport is named after."""
from __future__ import annotations

import pytest

from casus.model import Article


@pytest.fixture(scope="module")
def grounded(pipeline):
    def run(text: str):
        return next(pipeline.grounded([Article(id="inst", text=text)]))
    return run


def institutions(g) -> dict[str, tuple[str | None, str | None]]:
    return {pm.place.text: (pm.place.admin1, pm.place.country) for pm in g.annotated_only
            if pm.place.form == "institution"}


def test_a_town_opening_its_council_or_centre_is_a_place_in_the_storys_state(grounded):
    g = grounded("Members of the Wallingford Town Council voted on Tuesday to repave roads across Connecticut, "
                 "and the Meriden Community Center will host the hearing.")
    found = institutions(g)
    assert found.get("Wallingford") == ("Connecticut", "USA"), found
    assert found.get("Meriden") == ("Connecticut", "USA"), found


def test_a_town_opening_a_building_the_ner_calls_a_facility_is_a_place(grounded):
    g = grounded("Flights left Nashville and landed at the Knoxville International Airport in Tennessee.")
    assert institutions(g).get("Knoxville") == ("Tennessee", "USA"), institutions(g)


def test_a_town_opening_a_name_the_ner_missed_is_placed_in_the_storys_state(grounded):
    g = grounded("The Moscow Volunteer Fire Department answered two calls on Sunday, the Idaho State Police said.")
    assert institutions(g).get("Moscow") == ("Idaho", "USA"), institutions(g)


def test_a_place_inside_a_name_is_a_mention_but_places_no_event(grounded):
    g = grounded("The Wallingford Town Council in Connecticut approved the budget on Monday.")
    assert "Wallingford" in institutions(g), institutions(g)
    assert "Wallingford" not in [pm.place.text for pm in g.places]  # where the body sits, not where it acted


def test_a_county_or_country_in_a_name_needs_no_other_sign(grounded):
    g = grounded("The Herts Air Ambulance flew the injured rider to a hospital.")
    assert institutions(g).get("Herts", (None, None))[1] == "GBR", institutions(g)


def test_each_place_of_a_hyphened_pair_in_a_name_is_a_place(grounded):
    g = grounded("A chemist at the University of Nebraska-Lincoln said the plant was safe.")
    found = institutions(g)
    assert found.get("Nebraska") == ("Nebraska", "USA") and found.get("Lincoln") == ("Nebraska", "USA"), found


@pytest.mark.parametrize("text, word", [
    pytest.param("Fans filled the Rogers Centre in Toronto as Ontario's team won.", "Rogers",
                 id="a town of another country bearing a sponsor's name"),
    pytest.param("Voters in Ohio asked the City Council and the Supreme Court for answers.", "City",
                 id="a word opening the name, not the town called City"),
    pytest.param("Voters in Ohio asked the City Council and the Supreme Court for answers.", "Supreme",
                 id="a word opening the name, not the town called Supreme"),
])
def test_a_name_the_story_does_not_back_as_a_place_is_not_one(grounded, text, word):
    g = grounded(text)
    found = [pm.place.text for pm in [*g.places, *g.annotated_only]]
    assert word not in found, found



def _without_ner(doc, first: str):
    """The document as if the NER had missed the name starting with `first` (the small model often does)."""
    k = next(t.i for t in doc.tokens if t.text == first)
    doc.entities = [e for e in doc.entities if not (e.start <= k < e.end)]
    for t in doc.tokens:
        if t.i >= k and t.ent_iob != "O" and t.text[:1].isupper():
            t.ent_iob = "O"
        elif t.i > k:
            break
    return doc


@pytest.fixture(scope="module")
def finder_on(pipeline):
    from casus.nlp import Parser
    from casus.places.find import ToponymFinder
    from casus.places.gazetteer import Gazetteer
    from casus.places.resolve import Weights

    parser, finder = Parser(), ToponymFinder(Gazetteer.load(), Weights())

    def run(text: str, first: str):
        doc = _without_ner(parser.parse(Article(id="u", text=text)), first)
        return [(" ".join(t.text for t in doc.tokens[m.start:m.end]), m.form) for m in finder.find(doc)]
    return run


def test_a_country_inside_a_name_the_ner_left_unlabelled_is_a_place_of_no_event(finder_on):
    found = finder_on("Speaking of Seedbank Malawi Limited, the minister praised its loans.", "Seedbank")
    assert ("Malawi", "institution") in found, found


def test_a_country_word_in_a_byline_is_not_a_place(finder_on):
    found = finder_on("Budget vote delayed\nBy Chad Korvald Staff Writer\nThe council met on Monday.", "By")
    assert not [t for t, _ in found if t == "Chad"], found
