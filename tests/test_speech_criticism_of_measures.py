"""A political speaker who speaks ill of a public measure ('the new levy would be useless') criticises (111), as
one who speaks ill of an actor does; the speaker's own measure, a thing no one decided, a word of praise and a
speaker with no political side give no criticism."""
from __future__ import annotations

import datetime as dt

from casus.model import Article

REPORT = dt.date(2022, 5, 10)
GHANA = "Parliament met in Accra on Monday to debate the budget. "


def _criticism(pipeline, text: str) -> list:
    (_a, events), = list(pipeline.code([Article(id="m", text=text, report_date=REPORT, report_date_basis="given")]))
    return [e for e in events if e.cameo.code == "111"]


def _show(events) -> list:
    return [(e.cameo.code, e.source and e.source.text, e.trigger.text) for e in events]


def test_an_ill_word_about_a_public_measure_is_criticism_by_the_speaker(pipeline):
    events = _criticism(pipeline, GHANA + "The opposition leader said the fuel levy was a shambolic mess.")
    assert [e for e in events if e.trigger.text == "said" and e.source.country == "GHA"], _show(events)


def test_the_judgement_told_before_the_speaker_is_criticism_too(pipeline):
    events = _criticism(pipeline, GHANA + "The new licensing rules are a farce, the opposition leader said.")
    assert [e for e in events if e.source is not None and e.source.country == "GHA"], _show(events)


def test_the_speaker_s_own_measure_a_thing_and_praise_are_no_criticism(pipeline):
    for text in ("The finance minister said our budget was not a failure.",
                 "The finance minister said the harvest was a disaster.",
                 "The opposition leader said the fuel levy was a success."):
        assert not _criticism(pipeline, GHANA + text), text


def test_a_speaker_with_no_political_side_gives_no_criticism(pipeline):
    assert not _criticism(pipeline, GHANA + "A taxi driver said the fuel levy was a shambolic mess.")
