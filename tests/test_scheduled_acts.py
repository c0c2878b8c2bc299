"""Acts on a schedule are told as intended, not done; an act one goes on to do is done; "neither X nor Y" negates
(docs/CODING.md §3)."""
from __future__ import annotations

import pytest

from casus.model import Article


@pytest.mark.parametrize("text,trigger", [
    ("The Kenyan president is due to visit Tanzania on Thursday.", "visit"),
    ("The Belgian king is to visit Congo later this year.", "visit"),
    ("The Peruvian foreign minister meets his Bolivian counterpart next week.", "meets"),
])
def test_a_scheduled_act_is_intended_not_done(code_all, text, trigger):
    events = [e for e in code_all(text) if e.trigger.text == trigger]
    assert events and all(e.mode == "intended" and e.cameo.root == "03" for e in events), [
        (e.cameo.code, e.mode) for e in events]


def test_a_scheduled_meeting_reads_as_intended(pipeline):
    from casus.events.modality.modality import modality

    doc = pipeline.parser.parse(Article(id="t", text="The Danish premier is scheduled to meet the Estonian president."))
    meet = next(t for t in doc.tokens if t.text == "meet")
    assert modality(doc, meet).mode == "intended"


def test_a_visit_told_as_done_stays_done(code_all):
    events = code_all("The Kenyan president visited Tanzania last week.")
    assert any(e.cameo.root == "04" and e.mode == "asserted" for e in events)


def test_going_on_to_accuse_is_the_accusation_done(code_all):
    text = "The Greek opposition leader criticised the budget and went on to accuse the finance minister of lying."
    events = [e for e in code_all(text) if e.trigger.text == "accuse"]
    assert events and all(e.mode == "asserted" and e.cameo.root == "11" for e in events)


def test_being_to_blame_is_no_schedule(code_all):
    events = code_all("The Iraqi government said Iran is to blame for the raid on the border post.")
    assert not any(e.mode == "intended" and e.trigger.text == "blame" for e in events)


@pytest.mark.parametrize("text,word", [
    ("The central bank's mandate is to fight inflation.", "fight"),
    ("Funds are needed if the union was to meet its climate target.", "meet"),
])
def test_what_a_plan_is_or_a_condition_is_no_schedule(pipeline, text, word):
    from casus.events.modality.modality import modality

    doc = pipeline.parser.parse(Article(id="t", text=text))
    tok = next(t for t in doc.tokens if t.text == word)
    assert modality(doc, tok).mode != "intended"


def test_neither_nor_would_comment_declines_comment(code_all):
    text = "Neither the Dutch foreign ministry nor the Belgian government would comment on the report."
    codes = {e.cameo.code for e in code_all(text)}
    assert "011" in codes and "010" not in codes, codes


def test_neither_nor_negates_the_act(code_all):
    events = code_all("Neither France nor Germany attended the summit in Oslo.")
    assert events and all(e.mode == "negated" for e in events if e.cameo.root == "04")
