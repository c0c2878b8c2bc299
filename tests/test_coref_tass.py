"""Coreference and metonymy on the worked example (docs/examples/tass-japan-russia.txt)."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.actors.kb import KnowledgeBase
from casus.actors.resolve import ActorResolver
from casus.model import Article


@pytest.fixture(scope="module")
def mentions(shared):
    from casus.nlp import Parser

    path = shared / "docs" / "examples" / "tass-japan-russia.txt"
    if not path.exists():
        pytest.skip("worked example absent")
    text = path.read_text(encoding="utf-8")
    doc = Parser().parse(Article(id="tass", text=text, report_date=dt.date(2018, 1, 26)))
    return text, ActorResolver(KnowledgeBase.load()).resolve(doc)


def find(mentions, text, after=0):
    return next(m.actor for m in mentions[1] if m.actor.text == text and m.actor.start >= after)


def test_the_countrys_prime_minister_is_japans(mentions):
    a = next(m.actor for m in mentions[1] if "the country’s Prime Minister" in m.actor.text)
    assert (a.country, a.sector, a.name, a.kind) == ("JPN", ["GOV"], "Shinzo Abe", "person")


def test_he_in_the_quote_is_abe(mentions):
    text = mentions[0]
    he = find(mentions, "he", after=text.index('," he said'))
    assert he.name == "Shinzo Abe" and he.code == "JPNGOV" and he.reason.startswith("coref")


def test_capitals_are_governments(mentions):
    text = mentions[0]
    start = text.index("Tokyo hopes")
    tokyo, moscow = find(mentions, "Tokyo", start), find(mentions, "Moscow", start)
    assert tokyo.code == "JPNGOV" and moscow.code == "RUSGOV"
    assert tokyo.kind == "state" and "Tokyo" in tokyo.reason


def test_dateline_city_is_not_an_actor(mentions):
    assert not any(m.actor.text == "TOKYO" for m in mentions[1])


def test_putin_and_abe_by_name(mentions):
    text = mentions[0]
    later = text.index("On September 7, 2017")
    assert find(mentions, "Putin", later).code == "RUSGOV"
    abe = find(mentions, "Abe", later)
    assert abe.code == "JPNGOV" and abe.name == "Shinzo Abe" and abe.reason.startswith("coref")


def test_japanese_analysts_are_not_government(mentions):
    a = find(mentions, "Japanese analysts")
    assert a.country == "JPN" and "GOV" not in a.sector


def test_north_korean_adjective_is_not_an_actor(mentions):
    assert not any(m.actor.text.startswith("North Korean") for m in mentions[1])


def test_two_sides_names_both_states(mentions):
    a = next(m.actor for m in mentions[1] if m.actor.text.lower() == "the two sides")
    assert a.kind == "group" and a.code is None and set(a.name.split("; ")) == {"Japan", "Russia"}


def test_mentions_sorted_and_offsets_exact(mentions):
    text, ms = mentions
    assert all(text[m.actor.start:m.actor.end] == m.actor.text for m in ms)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))
