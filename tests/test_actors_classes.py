"""Phrases that name no actor, or no country: 'a state of emergency', 'pro-Iranian', 'anti-American'."""
from __future__ import annotations

import pytest

from casus.actors.kb import KnowledgeBase
from casus.actors.resolve import ActorResolver
from casus.model import Article


@pytest.fixture(scope="module")
def resolve():
    from casus.nlp import Parser

    parser, resolver = Parser(), ActorResolver(KnowledgeBase.load())

    def run(text: str) -> list:
        doc = next(iter(parser.parse_many([Article(id="x", text=text)])))
        return [m.actor for m in resolver.resolve(doc)]
    return run


@pytest.mark.parametrize("text", ["The president declared a state of emergency in the capital.",
                                  "Parliament extended the state of national emergency for a month.",
                                  "The army lifted a state of siege on Friday."])
def test_state_of_a_condition_is_not_an_actor(resolve, text):
    assert not [a for a in resolve(text) if a.text.lower().endswith("state")]


def test_state_of_a_named_country_is_still_an_actor(resolve):
    assert "ISR" in {a.country for a in resolve("The State of Israel rejected the proposal.")}


@pytest.mark.parametrize("text, stance", [("Pro-Iranian militiamen fired rockets at the base.", "IRN"),
                                          ("Anti-American protesters burned flags.", "USA"),
                                          ("A pro-Moscow party won the vote.", "RUS")])
def test_pro_and_anti_give_no_country(resolve, text, stance):
    assert stance not in {a.country for a in resolve(text)}


def test_pro_x_does_not_count_as_the_articles_one_state(resolve):
    """'anti-Indian protesters in Dhaka': Bangladesh is the one state named, not India."""
    got = {a.text: a.country for a in resolve("Anti-Indian protesters clashed with police in Dhaka on Friday.")}
    assert got.get("Anti-Indian protesters", got.get("protesters")) == "BGD"


def test_a_persons_name_beginning_with_a_country_is_not_that_country(resolve):
    assert "JOR" not in {a.country for a in resolve("Jordan Peterson criticised the law on Monday.")}


def test_the_word_movement_alone_is_not_an_actor(resolve):
    assert not [a for a in resolve("The movement of troops near the border worried Kenya.") if "movement" in a.text]


def test_a_capital_that_is_also_a_first_name_does_not_make_an_organisation(resolve):
    text = "The film directed by Sofia Coppola won the award, and the Douglas Hickox Award went to a newcomer."
    assert not {"BGR", "IMN"} & {a.country for a in resolve(text)}


def test_a_pronoun_does_not_refer_to_a_region(resolve):
    got = resolve("Shares fell across Europe. The company said it would cut jobs.")
    assert all(a.country != "EUR" for a in got if a.text.lower() in ("it", "its"))
