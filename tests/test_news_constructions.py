"""Three constructions of real news (docs/CODING.md §1): criticism or accusation in a speaker's own words with a
'he' / 'she' / 'they' subject; an appeal or demand noun that names its asker under a verb reacting to it; and an
accusation told without an accuser ('stands accused of', 'X, accused of …')."""
from __future__ import annotations

import pytest

from casus.evaluate.sentences import Coded, Sentence, score


def _rows(events) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.cameo.code, e.source.country if e.source else None, e.target.country if e.target else None,
             e.trigger.text) for e in events]


# 1. criticism / accusation in the speaker's own words, with a pronoun subject

@pytest.mark.parametrize("text,code,source,trigger", [
    ('The Bolivian opposition leader said: "They have betrayed the tin miners."', "111", "BOL", "said"),
    ("The Bolivian opposition leader told reporters: they had failed the tin miners.", "111", "BOL", "told"),
    ('"They failed the tin miners," the Bolivian opposition leader said.', "111", "BOL", "said"),
    ('The Chilean interior minister claimed: "They lied about the border patrols."', "112", "CHL", "claimed"),
])
def test_a_pronoun_in_the_speakers_own_words_is_another_actor(code_rules, text, code, source, trigger):
    found = _rows(code_rules(text))
    assert any(c == code and s == source and t == trigger for c, s, _, t in found), found


def test_the_reason_names_the_quoted_rule(code_rules):
    events = [e for e in code_rules('The Bolivian opposition leader said: "They have betrayed the tin miners."')
              if e.cameo.code == "111"]
    assert events and any("own words" in r for r in events[0].reasons), events


@pytest.mark.parametrize("text", [
    # reported, not quoted: 'he' / 'they' is mostly the speaker
    "The Bolivian opposition leader said they had betrayed the tin miners.",
    # the speaker's own side
    'The Bolivian opposition leader said: "We have failed the tin miners."',
    # no ill word
    'The Bolivian opposition leader said: "They have opened a school for the tin miners."',
])
def test_no_quoted_criticism_without_another_actor_spoken_ill_of(code_rules, text):
    found = _rows(code_rules(text))
    assert not any(c == "111" and t == "said" for c, _, _, t in found), found


# 2. an appeal or demand noun naming its asker, under a verb that reacts to it

@pytest.mark.parametrize("text,reaction", [
    ("The Chilean government rejected Bolivia's calls for a new border treaty.", "12"),
    ("The Chilean government shunned the Bolivian opposition's demands for a new border treaty.", "12"),
])
def test_a_rejected_appeal_is_the_rejecters_rejection_toward_the_asker(code_rules, text, reaction):
    found = _rows(code_rules(text))
    assert any(c[:2] == reaction and s == "CHL" and t == "BOL" for c, s, t, _ in found), found
    assert not any(c[:2] in ("02", "10") for c, _, _, _ in found), found  # the asker's appeal is only the object


@pytest.mark.parametrize("text,code,trigger", [
    ("Serbia on Tuesday rejected Albania's calls for a ceasefire in the valley.", "1246", "rejected"),
    ("The Ugandan government dismissed Kenya's demands for the release of the detained traders.", "1243", "dismissed"),
])
def test_the_rejection_takes_the_class_of_the_act_asked(code_rules, text, code, trigger):
    found = _rows(code_rules(text))
    assert [(c, t) for c, _, _, t in found if c[:2] in ("02", "10", "12")] == [(code, trigger)], found


def test_the_reason_names_the_rejected_appeal_pass(code_rules):
    events = code_rules("Serbia on Tuesday rejected Albania's calls for a ceasefire in the valley.")
    assert any("passes: rejected_appeal" in r for e in events if e.cameo.code == "1246" for r in e.reasons), events


def test_an_appeal_welcomed_is_the_askers_appeal_not_the_welcomers(code_rules):
    found = _rows(code_rules("Peru welcomed Ecuador's appeal for talks on the river dispute."))
    assert any(c[:2] == "05" and s == "PER" for c, s, _, _ in found), found
    assert not any(c[:2] == "02" and s == "PER" for c, s, _, _ in found), found


def test_an_appeal_with_no_asker_named_is_nobodys(code_rules):
    found = _rows(code_rules("The Chilean government rejected calls for a new border treaty."))
    assert not any(c[:2] in ("02", "10") for c, _, _, _ in found), found


# 3. accused, with no accuser as subject

@pytest.mark.parametrize("text", [
    "The Bolivian army stands accused of torturing prisoners in Oruro.",
    "The Bolivian interior minister, accused of corruption, resigned on Tuesday.",
])
def test_one_who_stands_accused_is_the_target_and_the_accuser_unknown(code_rules, text):
    events = [e for e in code_rules(text) if e.cameo.code.startswith("112")]
    assert events, _rows(code_rules(text))
    e = events[0]
    assert e.target is not None and e.target.country == "BOL", _rows(events)
    assert e.source is not None and e.source.kind == "unknown" and e.source.country is None, _rows(events)


def test_a_by_phrase_names_the_accuser(code_rules):
    found = _rows(code_rules("The Bolivian army, accused by Chilean officials of abuses, denied the claims."))
    assert any(c.startswith("112") and s == "CHL" and t == "BOL" for c, s, t, _ in found), found


def test_an_active_accusation_is_unchanged(code_rules):
    found = _rows(code_rules("The Bolivian army accused Chile of torturing prisoners."))
    assert any(c.startswith("112") and s == "BOL" and t == "CHL" for c, s, t, _ in found), found


@pytest.mark.parametrize("gold_country", ["BOL", None])
def test_an_unknown_accuser_is_no_source_country_hit(gold_country):
    gold = [Sentence("d", 0, 10, [{"root": "11", "code": "112", "source_country": gold_country}])]
    row = score(gold, [Coded([("11", None)])])[0]
    assert row["recall root"] == 1.0 and row["recall root+source"] == 0.0


# 1b. a quoted sentence with no speech verb of its own: the quote's speaker criticises

def test_a_quoted_sentence_that_speaks_ill_of_another_is_the_quote_speakers_criticism(code_rules):
    text = ('The Bolivian opposition leader spoke to supporters in Sucre. "The government cannot be trusted," he said. '
            '"They have betrayed the tin miners."')
    found = _rows(code_rules(text))
    assert any(c == "111" and s == "BOL" and t == "betrayed" for c, s, _, t in found), found


@pytest.mark.parametrize("text", [
    # the speaker's own side
    'The Bolivian opposition leader spoke in Sucre. "We have failed the tin miners," he said. "We have betrayed them."',
    # no ill word
    'The Bolivian opposition leader spoke in Sucre. "The vote is on Sunday," he said. "They have opened new schools."',
])
def test_no_quote_criticism_without_another_actor_spoken_ill_of(code_rules, text):
    found = _rows(code_rules(text))
    assert not any(c == "111" for c, _, _, _ in found), found
