"""A political speaker whose reported words name another political actor's wrong conduct through a possessive
or 'of' ('the ministry's incompetence', 'the lies of the ruling party') criticises that actor (111); one's own
conduct, a misfortune and a denied failing give no criticism."""
from __future__ import annotations

import datetime as dt

from casus.model import Article

REPORT = dt.date(2023, 3, 14)
KENYA = "Members of parliament met in Nairobi on Tuesday to debate the health budget. "


def _criticism(pipeline, text: str) -> list:
    (_a, events), = list(pipeline.code([Article(id="c", text=text, report_date=REPORT, report_date_basis="given")]))
    return [e for e in events if e.cameo.code == "111" and e.trigger.text in ("said", "told", "says")]


def _show(events) -> list:
    return [(e.cameo.code, e.source and e.source.text, e.target and e.target.text, e.trigger.text) for e in events]


def test_another_side_s_conduct_owned_by_a_possessive_is_criticism(pipeline):
    events = _criticism(pipeline, KENYA + "The opposition leader said patients were paying for the health "
                                          "ministry's incompetence.")
    assert events and events[0].source.country == "KEN", _show(events)
    assert events[0].target is not None and "ministry" in events[0].target.text, _show(events)


def test_conduct_owned_through_of_is_criticism_too(pipeline):
    events = _criticism(pipeline, KENYA + "The opposition leader said voters had seen enough of the arrogance "
                                          "of the ruling party.")
    assert events, _show(events)


def test_own_conduct_a_misfortune_or_a_denied_failing_is_no_criticism(pipeline):
    for text in ("The health minister said our mistakes were behind us.",
                 "The opposition leader said the ministry's crisis had deepened after the floods.",
                 "The opposition leader said the drop in cases was no failure of the health ministry."):
        assert not _criticism(pipeline, KENYA + text), text


def test_a_denied_promise_of_another_side_is_criticism(pipeline):
    events = _criticism(pipeline, KENYA + "The opposition leader said the health ministry had not delivered "
                                          "the clinics it promised.")
    assert events, _show(events)
