"""Accusations told without a verb of accusing (docs/CODING.md §1, accusation constructions): 'held X
responsible (for …)', 'blamed … on X', and an actor's own claim or allegation that another did wrong."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Article


def _triples(events) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo.code[:3], e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events]


@pytest.mark.parametrize("text,source,target", [
    ("The Chilean foreign ministry held the Bolivian navy responsible for the sinking of two fishing boats.",
     "CHL", "BOL"),
    ("Armenia holds Azerbaijan fully responsible for the shelling of border villages.", "ARM", "AZE"),
    ("The Thai prime minister said he held the Cambodian authorities responsible.", "THA", "KHM"),
])
def test_holding_another_responsible_accuses_it(code_rules, text, source, target):
    found = _triples(code_rules(text, dt.date(2022, 6, 9)))
    assert ("112", source, target) in found, found


def test_the_reason_names_the_construction(code_rules):
    events = [e for e in code_rules("Greece held Turkey responsible for the incident.", dt.date(2022, 6, 9))
              if e.cameo.code == "112"]
    assert events and any("responsible" in r for r in events[0].reasons), events


@pytest.mark.parametrize("text", [
    # 'responsible' of someone's duty, not an accusation
    "The Danish minister was responsible for the border talks with Germany.",
    # 'held' a meeting; 'responsible' describes something else
    "Norway held talks with Sweden on the responsible use of fishing grounds.",
])
def test_no_accusation_without_someone_held_responsible(code_rules, text):
    assert not any(code == "112" for code, _, _ in _triples(code_rules(text, dt.date(2022, 6, 9))))


@pytest.mark.parametrize("text,source,target,not_target", [
    ("The shelling of the Chadian border post was blamed on Sudanese rebels.", None, "SDN", "TCD"),
    ("The killing of the two journalists was blamed by Mexico on Guatemalan gangs.", "MEX", "GTM", None),
    ("Beijing blamed the failure of the talks on Tokyo.", "CHN", "JPN", None),
])
def test_the_one_a_wrong_is_blamed_on_is_accused(code_rules, text, source, target, not_target):
    found = [(code, s, t) for code, s, t in _triples(code_rules(text, dt.date(2022, 6, 9))) if code == "112"]
    assert ("112", source, target) in found, found
    assert not any(t == not_target for _, _, t in found if not_target), found  # not the thing blamed


@pytest.mark.parametrize("text,source,target", [
    ("Ghana's claim that Togolese soldiers raided a border village was repeated on Tuesday.", "GHA", "TGO"),
    ("The Peruvian president's allegation that Chilean agents spied on his cabinet angered Santiago.", "PER", "CHL"),
])
def test_an_actors_claim_that_another_did_wrong_is_its_accusation(code_rules, text, source, target):
    events = code_rules(text, dt.date(2022, 6, 9))
    assert ("112", source, target) in _triples(events), _triples(events)
    claimed = [e for e in events if e.cameo.code[:3] != "112" and e.source and e.source.country == target]
    assert all(e.mode == "alleged" for e in claimed), [(e.cameo.code, e.mode) for e in claimed]


@pytest.mark.parametrize("text", [
    # a claim in passing, with no one accused
    "Despite Zambia's claims of fraud, the count went ahead.",
    # a claim about one's own record, no wrong of another
    "The Italian minister's claim that the economy was growing was mocked by economists.",
])
def test_no_accusation_from_a_claim_that_accuses_no_one(code_rules, text):
    assert not any(code == "112" for code, _, _ in _triples(code_rules(text, dt.date(2022, 6, 9))))


@pytest.mark.parametrize("text,source,target", [
    ("The Kenyan High Court denied the opposition's appeal against the election result.", "KEN", "KEN"),
    ("A federal judge in Ohio denied the motion by the Justice Department.", "USA", "USA"),
])
def test_denying_a_motion_or_appeal_rejects_it_and_denies_no_wrong(code_rules, text, source, target):
    found = _triples(code_rules(text, dt.date(2022, 6, 9)))
    assert ("120", source, target) in found, found
    assert not any(code == "016" for code, _, _ in found), found


def test_denying_an_allegation_stays_a_denial(code_rules):
    found = _triples(code_rules("The Israeli army denied the allegations made by Lebanon.", dt.date(2022, 6, 9)))
    assert any(code == "016" and source == "ISR" for code, source, _ in found), found


def test_the_learned_detector_keeps_a_construction_as_it_keeps_the_lexicons_acts(pipeline):
    """The detector judges only a user's lexicon; the package's constructions stand as its lexicon rows do."""
    saved = pipeline.min_confidence
    pipeline.min_confidence = 0.0
    try:
        art = Article(id="d", text='"We hold the smugglers responsible for the deaths," the Italian interior ministry '
                                   "said.", report_date=dt.date(2022, 6, 9), report_date_basis="given")
        events = [e for _, evs in pipeline.code([art]) for e in evs]
    finally:
        pipeline.min_confidence = saved
    assert any(e.cameo.code == "112" and e.trigger.text == "hold" for e in events), _triples(events)
