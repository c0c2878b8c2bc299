"""Context the resolver reads beyond the phrase: 'we' in quotes, 'its' and its rivals, possessive pronouns."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.actors.kb import KnowledgeBase
from casus.actors.resolve import ActorResolver
from casus.model import Article

TEXTS = {
    "quote_after": '"We will never give up our land," Israeli Prime Minister Ehud Barak said.',
    "quote_before": 'Somalia\'s president said: "We will not negotiate with al-Shabaab."',
    "quote_pronoun": 'Japanese Prime Minister Shinzo Abe spoke on Friday.\n\n"We will continue talks with Russia," he said.',
    "quote_group": '"We control the road," Hezbollah said in a statement.',
    "quote_unattributed": '"We will win," the coach said.',
    "not_quoted": "We will win, the coach said.",
    "place_its": "Israel razed the village in 1948 and its former inhabitants now live in Jordan.",
    "state_its": "Iraq said its citizens would be evacuated.",
    "its_navy": "China criticised the decision and said its navy would respond.",
}


@pytest.fixture(scope="module")
def resolved():
    from casus.nlp import Parser

    resolver = ActorResolver(KnowledgeBase.load())
    arts = [Article(id=k, text=t, report_date=dt.date(2000, 1, 1)) for k, t in TEXTS.items()]
    return {d.article.id: resolver.resolve(d) for d in Parser().parse_many(arts)}


def codes(resolved, key):
    return {m.actor.text: m.actor.code for m in resolved[key]}


def test_we_in_a_quote_is_the_speakers_government(resolved):
    for key in ("quote_after", "quote_before", "quote_pronoun"):
        got = [m.actor for m in resolved[key] if m.actor.text == "We"]
        assert got and got[0].sector == ["GOV"] and got[0].kind == "state", key
        assert "quote by" in got[0].reason
    assert codes(resolved, "quote_after")["We"] == "ISRGOV"
    assert codes(resolved, "quote_after")["our"] == "ISRGOV"
    assert codes(resolved, "quote_before")["We"] == "SOMGOV"
    assert codes(resolved, "quote_pronoun")["We"] == "JPNGOV"


def test_we_of_a_group_is_the_group(resolved):
    assert codes(resolved, "quote_group")["We"] == "LBNREB"


def test_we_without_a_known_speaker_or_quote_is_no_one(resolved):
    assert "We" not in codes(resolved, "quote_unattributed")
    assert "We" not in codes(resolved, "not_quoted")


def test_its_after_a_nearer_place_is_not_the_state(resolved):
    assert "its" not in codes(resolved, "place_its")
    assert codes(resolved, "state_its")["its"] == "IRQ"


def test_possessive_pronoun_gives_its_noun_a_country(resolved):
    assert codes(resolved, "its_navy")["navy"] == "CHNMIL"
    assert codes(resolved, "state_its")["citizens"] == "IRQCVL"


def test_she_skips_a_man_for_a_woman():
    from casus.nlp import Parser

    text = ("Ms Hewitt met Tony Blair on Monday. She said the plan would go ahead.")
    doc = Parser().parse(Article(id="g", text=text, report_date=dt.date(2005, 1, 1)))
    she = [m.actor for m in ActorResolver(KnowledgeBase.load()).resolve(doc) if m.actor.text == "She"]
    assert she and she[0].name in ("Ms Hewitt", "Patricia Hewitt")  # as written, or as the people tables name her


def test_a_title_inside_an_event_name_is_no_person():
    from casus.nlp import Parser

    doc = Parser().parse(Article(id="e", text="Labour will fight the General Election on the economy."))
    people = [m.actor.text for m in ActorResolver(KnowledgeBase.load()).resolve(doc) if m.actor.kind == "person"]
    assert people == []
