"""People with a role keep a code: the story gives the country the text leaves out, the title gives the sector."""
from __future__ import annotations

from casus.model import Article


def _actors(pipeline, text: str) -> dict[str, str | None]:
    g = pipeline.ground(pipeline.parser.parse(Article(id="story", text=text)))
    return {m.actor.text: m.actor.code for m in g.actors}


def test_a_local_official_takes_the_country_of_the_places_in_the_story(pipeline):
    got = _actors(pipeline, "Councilwoman Maria Ostrowski voted against the budget at Toronto city hall on Friday.")
    assert got["Councilwoman Maria Ostrowski"] == "CANGOV"


def test_a_police_chief_and_a_union_take_the_one_country_of_the_story(pipeline):
    got = _actors(pipeline, "Sheriff Dale Korver said the union would be consulted before the fair in Cork opened.")
    assert got["Sheriff Dale Korver"] == "IRLCOP"


def test_a_story_spread_over_two_countries_gives_no_country(pipeline):
    got = _actors(pipeline, "Councilman Tobias Renner spoke in Lyon after a visit to Geneva.")
    assert got["Councilman Tobias Renner"] is None


def test_a_role_that_need_not_serve_the_story_state_is_left_alone(pipeline):
    # rebels may come from anywhere: the places of a story do not make them its state's
    assert _actors(pipeline, "Rebels ambushed a convoy near Goma on Sunday.")["Rebels"] is None


def test_a_first_name_before_a_known_surname_is_another_person(pipeline):
    got = _actors(pipeline, "Sheriff Alex Villanueva thanked the deputies.")
    assert got["Sheriff Alex Villanueva"] is None  # not the Guatemalan minister the tables call Villanueva


def test_a_story_told_mostly_in_one_country_gives_that_country_despite_a_stray_mention(pipeline):
    # British places and England against one France: the councillor is British, not left without a country
    got = _actors(pipeline, "Councillor Agnes Whitby opened the new library in Leeds, England, on Monday. She visited "
                            "Sheffield and Manchester the next day and will speak in Liverpool. A choir from France sang.")
    assert got["Councillor Agnes Whitby"] == "GBRGOV"


def test_a_story_with_few_country_mentions_needs_them_all_in_one_country(pipeline):
    # two Dutch places and one Belgian are too few to call the story Dutch
    got = _actors(pipeline, "Alderman Pieter Vos spoke in Utrecht and Leiden after a trip to Ghent.")
    assert got["Alderman Pieter Vos"] is None
