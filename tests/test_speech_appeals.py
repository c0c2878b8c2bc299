"""A political speaker who says another actor or a public measure should or needs to do something makes an
appeal (020) to it ('the opposition said the mayor should step aside'); a forecast about no actor, a denied
'should', the speaker's own side and a speaker with no political side make none."""
from __future__ import annotations

import datetime as dt

from casus.model import Article

REPORT = dt.date(2023, 2, 14)
CHILE = "Congress met in Santiago on Monday to debate the pension bill. "


def _appeals(pipeline, text: str) -> list:
    (_a, events), = list(pipeline.code([Article(id="a", text=text, report_date=REPORT, report_date_basis="given")]))
    return [e for e in events if e.cameo.root == "02" and e.trigger.text in ("said", "says", "argued", "added")]


def _show(events) -> list:
    return [(e.cameo.code, e.source and e.source.text, e.target and e.target.text, e.trigger.text) for e in events]


def test_saying_another_actor_should_act_is_an_appeal_to_it(pipeline):
    events = _appeals(pipeline, CHILE + "The Argentine foreign minister said the Chilean government should be more open with its neighbours.")
    assert [e for e in events if e.source.country == "ARG" and e.target is not None and e.target.country == "CHL"], \
        _show(events)


def test_saying_a_measure_should_be_shelved_is_an_appeal(pipeline):
    events = _appeals(pipeline, CHILE + "The Chilean opposition said the pension bill should be shelved until June.")
    assert [e for e in events if e.source.country == "CHL"], _show(events)


def test_saying_another_actor_needed_to_act_is_an_appeal(pipeline):
    events = _appeals(pipeline, CHILE + "The Chilean opposition leader said the Chilean government needed to explain the delay.")
    assert events, _show(events)


def test_forecasts_denials_own_side_and_private_speakers_are_no_appeal(pipeline):
    for text in ("The Chilean finance minister said copper prices should rise next year.",
                 "The Argentine foreign minister said Chile should not worry.",
                 "The Chilean president said we should be proud of the vote.",
                 "A shopkeeper said the pension bill should be shelved."):
        assert not _appeals(pipeline, CHILE + text), text


def test_what_one_needs_to_be_is_no_appeal(pipeline):
    events = _appeals(pipeline, CHILE + "The Chilean justice minister said a judge needs to be a lawyer first.")
    assert not events, _show(events)
