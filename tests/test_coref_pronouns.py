"""Pronouns, surnames and definite descriptions resolved within an article."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.actors.kb import KnowledgeBase
from casus.actors.resolve import ActorResolver
from casus.model import Article

TEXTS = {
    "surname": "German Chancellor Olaf Scholz arrived in Paris on Monday. Scholz said the talks were useful.",
    "she": "Foreign Minister Annalena Baerbock flew to Kyiv. She said Germany would keep its support.",
    "it": "Iran rejected the offer on Tuesday. It said the terms were unfair.",
    "they": "Iraqi troops entered the town. They said the militants had fled.",
    "president": "Brazil's President Jair Bolsonaro met farmers. The president promised new loans.",
    "government": "Egypt announced new tariffs. The government said prices would rise.",
    "unknown": "Local businessman John Smallwood said he was worried.",
    "it_expletive": "Kenya held talks. It is unclear whether they will succeed.",
    "no_date": "Putin spoke on Friday.",
}


@pytest.fixture(scope="module")
def resolved():
    from casus.nlp import Parser

    resolver = ActorResolver(KnowledgeBase.load())
    arts = [Article(id=k, text=t, report_date=None if k == "no_date" else dt.date(2023, 3, 1))
            for k, t in TEXTS.items()]
    return {d.article.id: resolver.resolve(d) for d in Parser().parse_many(arts)}


def actor(resolved, key, text, nth=0):
    return [m.actor for m in resolved[key] if m.actor.text == text][nth]


def test_surname_takes_full_mention(resolved):
    a = actor(resolved, "surname", "Scholz")
    assert a.code == "DEUGOV" and a.name == "Olaf Scholz" and "coref" in a.reason


def test_she_is_the_minister(resolved):
    a = actor(resolved, "she", "She")
    assert a.name == "Annalena Baerbock" and a.country == "DEU"


def test_it_is_the_state(resolved):
    assert actor(resolved, "it", "It").code == "IRN"


def test_they_is_the_troops(resolved):
    assert actor(resolved, "they", "They").code == "IRQMIL"


def test_the_president_is_the_named_president(resolved):
    a = actor(resolved, "president", "The president")
    assert a.name == "Jair Bolsonaro" and a.code == "BRAGOV"


def test_the_government_is_the_countrys(resolved):
    assert actor(resolved, "government", "The government").code == "EGYGOV"


def test_unknown_name_has_no_country(resolved):
    a = next(m.actor for m in resolved["unknown"] if "Smallwood" in m.actor.text)
    assert a.kind == "person" and a.country is None and "Smallwood" in a.name


def test_expletive_it_is_not_an_actor(resolved):
    assert not any(m.actor.text == "It" for m in resolved["it_expletive"])


def test_no_report_date_uses_latest_spell(resolved):
    a = actor(resolved, "no_date", "Putin")
    assert a.code == "RUSGOV" and "latest" in a.reason
