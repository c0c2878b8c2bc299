"""Denials and court action in the words news uses (docs/CODING.md §1): an accusation, rumour or speculation waved
away is denied (016); 'there is no evidence that …' denies a wrong done by nobody named or by the speaker's own side;
a legal challenge or judicial review is court action (115); a direct quote is read from the quote detector's spans."""
from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2021, 3, 2)


def _codes(events) -> list[str]:
    return [e.cameo.code for e in events]


@pytest.mark.parametrize("text", [
    "The Portuguese finance minister rejected speculation that his ministry had hidden the deficit.",
    "The Czech prime minister shrugged off accusations from the opposition that his cabinet was corrupt.",
    "The Greek defence minister brushed aside allegations that the coast guard had pushed boats back.",
    "The Maltese interior minister dismissed rumours that the police had beaten the detainees.",
])
def test_a_waved_away_accusation_is_a_denial(code_rules, text):
    codes = _codes(code_rules(text, DAY))
    assert "016" in codes, codes


def test_rejecting_an_idea_stays_a_rejection(code_rules):
    codes = _codes(code_rules("The Slovak president rejected the idea of an early election.", DAY))
    assert "016" not in codes and any(c.startswith("12") for c in codes), codes


@pytest.mark.parametrize("text", [
    "The Chilean government said there was no evidence that demonstrators were beaten in Santiago.",
    "The Croatian interior ministry said there was no proof that migrants had been abused at the border.",
])
def test_no_evidence_of_a_wrong_by_nobody_named_denies_it(code_rules, text):
    events = [e for e in code_rules(text, DAY) if e.cameo.code == "016"]
    assert events and events[0].source is not None and events[0].source.country in ("CHL", "HRV"), events


@pytest.mark.parametrize("text", [
    # another actor's wrong: the speaker denies nothing of its own side
    "The Estonian foreign minister said there was no evidence that Russia had attacked the ship.",
    # no wrong in the clause
    "The Irish finance minister said there was no evidence that the economy was slowing.",
])
def test_no_evidence_of_something_else_is_no_denial(code_rules, text):
    codes = _codes(code_rules(text, DAY))
    assert "016" not in codes, codes


@pytest.mark.parametrize("text", [
    "The Austrian farmers' union launched a legal challenge to the government's pesticide ban.",
    "Environmental groups sought a judicial review of the Dutch government's decision to expand the airport.",
])
def test_a_legal_challenge_is_court_action(code_rules, text):
    codes = _codes(code_rules(text, DAY))
    assert "115" in codes, codes


def test_a_quote_opened_in_an_earlier_sentence_is_the_speakers_own_words(code_rules):
    # the quote opens in the sentence before: counting the marks of the second sentence alone would not see that
    # its 'they' stands in the speaker's own words, where a speaker names itself 'we'
    text = ('"We have waited long enough for answers. They have betrayed the miners and failed the farmers," '
            'the Labour leader Ed Miliband said.')
    events = code_rules(text, DAY)
    assert any(e.cameo.code.startswith("11") for e in events), _codes(events)
