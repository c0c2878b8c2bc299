"""Detention told without a verb of arresting (docs/CODING.md §1): holding or keeping a person in custody, without
charge or on suspicion is detention (173); the noun an infinitive passive relative modifies ('the fifth reporter to be
detained') is the one acted on, not the doer."""
from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2020, 11, 5)


@pytest.mark.parametrize("text", [
    "Four student leaders have been held without charge in Yangon since the weekend.",
    "Bolivian police kept the union organiser in custody for three days.",
    "Two aid workers are being held in detention in Asmara, the Swiss foreign ministry said.",
])
def test_holding_in_custody_is_detention(code_rules, text):
    events = code_rules(text, DAY)
    held = [e for e in events if e.trigger.text in ("held", "kept")]
    assert held and held[0].cameo.code == "173", [(e.cameo.code, e.trigger.text) for e in events]
    assert not any(e.trigger.text == "detention" for e in events)  # one act, coded by the verb


@pytest.mark.parametrize("text", [
    "The Peruvian president held talks with the Chilean foreign minister in Lima.",
    "The retired general was held in high esteem by Turkish voters.",
])
def test_other_holding_is_no_detention(code_rules, text):
    assert not any(e.cameo.code == "173" for e in code_rules(text, DAY))


def test_the_one_arrested_in_an_infinitive_relative_is_the_target(code_rules):
    events = [e for e in code_rules("She is the fifth opposition reporter to be detained this year in Caracas.", DAY)
              if e.cameo.code == "173"]
    assert events and events[0].target is not None and "reporter" in events[0].target.text, events
    assert events[0].source is None or "reporter" not in events[0].source.text, events


def test_an_agentless_arrest_of_a_named_politician_is_the_states(code_rules):
    # a politician is a political actor: the event survived before, but with an unknown doer; the state arrests
    events = [e for e in code_rules("The Green MP Anna Berg was arrested on Monday, police in Stockholm said.", DAY)
              if e.cameo.code == "173"]
    assert events and events[0].source is not None and events[0].source.country == "SWE", [
        (e.source and e.source.text, e.source and e.source.country) for e in events]
