"""Constructions the parse or the lexicon used to miss: each gives its event, and near misses give none."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Article

REPORT = dt.date(2018, 1, 26)


def _code(pipeline, text: str) -> list:
    (_a, events), = list(pipeline.code([Article(id="c", text=text, report_date=REPORT, report_date_basis="given")]))
    return [e for e in events if e.mode not in ("negated", "alleged", "reported_denial")]


def _has(events, prefix: str, src: str | None = None, tgt: str | None = None) -> bool:
    return any(e.cameo.code.startswith(prefix) and (src is None or e.source is not None and e.source.country == src)
               and (tgt is None or e.target is not None and e.target.country == tgt) for e in events)


def _show(events) -> list:
    return [(e.cameo.code, e.mode, e.source and e.source.text, e.target and e.target.text, e.trigger.text) for e in events]


@pytest.mark.parametrize("text, prefix, src, tgt", [
    # an organisation acronym the tagger took for an adverb is the subject
    ("UNICEF deployed medical teams to Yemen.", "07", "IGO", "YEM"),
    # the subject hung on the auxiliary of a stative participle
    ("The Kenyan president said his government is committed to building new roads.", "03", "KEN", None),
    # causatives of release: the freed one is the target
    ("Iran set free 15 British sailors on Wednesday.", "084", "IRN", "GBR"),
    ("Iran let the British sailors go after two weeks.", "084", "IRN", "GBR"),
    # naming as criticism
    ("The Turkish president called the Dutch prime minister a fascist.", "111", "TUR", "NLD"),
    # a thing given through a free relative
    ("Japan has provided Vietnam with what amounts to $2 billion in loans.", "071", "JPN", "VNM"),
    # a team of medical staff sent is aid
    ("Cuba sent a team of medical experts to Haiti.", "073", "CUB", "HTI"),
    # cultural property returned
    ("Germany returned ancient artefacts to Greece.", "0842", "DEU", "GRC"),
    ("A stolen sarcophagus was returned to Egypt by French police.", "0842", "FRA", "EGY"),
    # expertise provided, as an intention
    ("Canada is willing to provide its expertise to the African Union.", "03", "CAN", None),
    # the object of a declaration the parser made an infinitive's subject
    ("Thai authorities declared a state of emergency to take effect at midnight.", "172", "THA", None),
    # what a political speaker says another must do is a demand
    ("The German chancellor said the Russian government must ensure the safety of the monitors.", "10", "DEU", "RUS"),
    ("The French president said the persecution of the Rohingya must end.", "10", "FRA", None),
    # what it says another should do is an appeal to it (CAMEO 02), not a demand
    ("The Dutch foreign minister said the Turkish government should free the two reporters.", "02", "NLD", "TUR"),
    ("The Kenyan president said Uganda should pull its troops back from the border.", "02", "KEN", "UGA"),
    # joining another's exercises is military cooperation with it; refusing to is a rejection
    ("Sweden joined the NATO exercise in Norway.", "062", "SWE", "IGO"),
    ("India refused to take part in the Chinese naval drills.", "12", "IND", "CHN"),
    # making clear is saying: 'it' is the one who makes it clear
    ("Japan has made it clear it will not lift the sanctions on Russia.", "12", "JPN", None),
    # the doer's own claim is a claim of responsibility
    ("The rebels claimed that they had attacked the army base near Aleppo.", "015", None, None),
    # a state act without agent on a named person: the state of the one country named
    ("Pavel Ivanov was arrested in Belarus on Monday.", "173", "BLR", None),
    # helping an actor is aid, as assisting it is
    ("Japan has agreed to help the Philippines rebuild its coast guard.", "03", "JPN", "PHL"),
    ("Russia helped rebuild the Syrian army after the war.", "07", "RUS", "SYR"),
    # what one receives from another, the other gave
    ("Ukraine received anti-tank weapons from Britain.", "072", "GBR", "UKR"),
    ("Flood victims in Pakistan received food and tents thanks to the Red Crescent.", "073", None, "PAK"),
])
def test_construction_gives_its_event(pipeline, text, prefix, src, tgt):
    events = _code(pipeline, text)
    assert _has(events, prefix, src, tgt), _show(events)


@pytest.mark.parametrize("text", [
    "The company let go 200 workers last year.",  # no political actor
    "Russia let go of its plans for a new pipeline.",  # letting go of a plan frees nobody
    "The Labour party will set its best campaigner loose on the Conservative leader.",  # unleashed, not freed
    "The coach called the referee a fool.",  # no political actor
    "The Russian president said Russia must ensure its own security.",  # one's own side: no demand on another
    "The ministers said the new rules must ensure fair competition.",  # nobody named is obliged
    "The committee was committed to a psychiatric hospital.",  # no actor in that state
    "Students called for Egyptians to join the mobilization against army rule.",  # joining a protest is no drill
])
def test_near_misses_give_no_new_event(pipeline, text):
    events = _code(pipeline, text)
    assert not [e for e in events if e.cameo.root in ("03", "08", "10", "11")], _show(events)


def test_naming_without_insult_is_still_no_event(pipeline):
    events = _code(pipeline, "The Chinese foreign ministry called the agreement a framework for cooperation.")
    assert not [e for e in events if e.cameo.code in ("041", "111")], _show(events)


def test_an_arrest_with_no_country_gives_no_event(pipeline):
    # unnamed people arrested in a named country are that state's arrest (test_agentless_arrest_of_people.py)
    for text in ("A man was arrested on Monday.", "John Smith was arrested on Monday."):
        events = _code(pipeline, text)
        assert not [e for e in events if e.cameo.root == "17"], (text, _show(events))


def test_a_claim_about_another_stays_alleged(pipeline):
    # the claim is an accusation of the other (112, speech.py); the attack itself is told, alleged, kept at any floor
    saved = pipeline.min_confidence
    pipeline.min_confidence = 0.0
    try:
        (_a, events), = list(pipeline.code([Article(id="c", text="Israel claimed that Hamas had attacked the crossing.",
                                                    report_date=REPORT)]))
    finally:
        pipeline.min_confidence = saved
    assert not [e for e in events if e.cameo.code == "015"], _show(events)
    assert any(e.cameo.root in ("18", "19") and e.mode == "alleged" for e in events), _show(events)
    assert any(e.cameo.code == "112" and e.source.country == "ISR" for e in events), _show(events)


def test_a_receiver_with_no_giver_named_gives_no_giver(pipeline):
    events = _code(pipeline, "The Iraqi minister said Basra received 200 tonnes of food last week.")
    assert not [e for e in events if e.cameo.root == "07"], _show(events)


@pytest.mark.parametrize("text", [
    "Confidence in OPEC helped push oil prices higher.",  # no actor helps
    "South Korea will open its market to help cut its trade surplus with the United States.",  # a purpose
    "The weak yen played a big role in helping Singapore recover.",  # who helps is not said
    "The deal will help Australian beef sales.",  # sales are helped, not an actor
])
def test_help_needs_an_actor_helping_an_actor(pipeline, text):
    events = _code(pipeline, text)
    assert not [e for e in events if e.trigger.text.lower().startswith("help")], _show(events)


def test_an_arrest_of_a_named_person_in_a_story_set_in_one_country_is_that_state_s(pipeline):
    # the sentence names no place, the story does: the state that arrests is the story's
    events = _code(pipeline, "Thousands marched through Lagos and Abuja on Thursday. Ahmed Okafor was arrested on Friday.")
    assert any(e.cameo.root == "17" and e.source is not None and e.source.country == "NGA" for e in events), _show(events)
    # the same arrest in a story that names no country stays uncoded
    events = _code(pipeline, "Thousands marched on Thursday. Ahmed Okafor was arrested on Friday.")
    assert not [e for e in events if e.cameo.root == "17"], _show(events)
