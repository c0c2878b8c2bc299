"""Criticism, accusation and rejection in the words news uses (lexicon rows per the CAMEO codebook)."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Article


def _codes(pipeline, text: str) -> list[tuple[str, str | None]]:
    saved = pipeline.extractor.detector
    pipeline.extractor.detector = None  # the lexicon alone
    try:
        art = Article(id="c", text=text, report_date=dt.date(2020, 11, 9), report_date_basis="given")
        return [(e.cameo.code, e.source.country if e.source else None)
                for _, evs in pipeline.code([art]) for e in evs]
    finally:
        pipeline.extractor.detector = saved


@pytest.mark.parametrize("text,code,source", [
    ("The Spanish foreign minister ridiculed the Moroccan government's claims on Tuesday.", "111", "ESP"),
    ("Greek officials lambasted Turkey over the drilling ship.", "111", "GRC"),
    ("The Italian prime minister took a swipe at the European Commission in a speech in Rome.", "111", "ITA"),
    ("Polish President Andrzej Duda hit out at the European Union over the rule-of-law dispute.", "111", "POL"),
    ("Canadian lawmakers poured scorn on the Chinese embassy's statement.", "111", "CAN"),
    ("The Indian government implicated Pakistan in the border attack.", "112", "IND"),
    ("Iran snubbed the American offer of direct talks.", "12", "IRN"),
    ("The Kenyan parliament voted down the Ugandan proposal.", "120", "KEN"),
    # the idioms issue 15 names, already rows or constructions: kept working
    ("The Mexican president lashed out at the American ambassador over the water treaty.", "111", "MEX"),
    ("Slovak opposition leaders slammed the Hungarian government for the border closure.", "111", "SVK"),
    ("The Venezuelan foreign minister branded the Colombian president a traitor.", "111", "VEN"),
    # rejection, denial and criticism rows written from the annotated train sentences (issue 15 item 3)
    ("Hungarian lawmakers voted against the European Union's migration plan.", "120", "HUN"),
    ("The Danish government shunned the opposition's calls for an inquiry into the deal.", "120", "DNK"),
    ("A Brazilian federal judge dismissed the lawsuit brought by the opposition party.", "120", "BRA"),
    ("The Nigerian army refuted the allegations of abuse in the north.", "016", "NGA"),
    ("The Chilean interior minister rubbished the opposition's security plans.", "111", "CHL"),
])
def test_news_words_for_criticism_accusation_rejection(pipeline, text, code, source):
    codes = _codes(pipeline, text)
    assert any(c.startswith(code) and s == source for c, s in codes), codes


def test_taking_a_walk_is_no_swipe(pipeline):
    codes = _codes(pipeline, "The Italian prime minister took a walk with the French president in Rome.")
    assert not any(c.startswith("11") for c, _ in codes)


def test_a_prison_sentence_is_imprisonment_not_a_finding_of_guilt(pipeline):
    # CAMEO 173 (arrest, detain or charge with legal action); PETRARCH's dictionary codes SENTENCE under 17
    codes = _codes(pipeline, "A court in Bolivia sentenced the former Bolivian interior minister to six years in prison.")
    assert any(c.startswith("17") for c, _ in codes), codes
    assert not any(c.startswith("116") for c, _ in codes), codes


def test_a_vote_for_is_no_rejection_and_shunning_work_is_no_rejection(pipeline):
    codes = _codes(pipeline, "Hungarian lawmakers voted for the European Union's migration plan.")
    assert not any(c.startswith("12") for c, _ in codes), codes
    codes = _codes(pipeline, "Striking Chilean miners shunned work for a third day.")
    assert not any(c.startswith("12") for c, _ in codes), codes
