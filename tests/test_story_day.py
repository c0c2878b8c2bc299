"""A past act with no time of its own takes the story's day: its paragraph's last named day, else the lead's."""
from __future__ import annotations

import datetime as dt

from casus.model import Article

REPORT = dt.date(2024, 5, 2)  # a Thursday: Tuesday is 30 April, Monday 29 April


def dated(pipeline, text: str) -> dict[str, tuple[str, str]]:
    saved = pipeline.min_confidence
    pipeline.min_confidence = 0.0
    try:
        art = Article(id="story", text=text, report_date=REPORT, report_date_basis="given")
        [(_, events)] = list(pipeline.code([art]))
    finally:
        pipeline.min_confidence = saved
    return {e.trigger.text: (e.date.value, e.date.basis) for e in events}


def test_a_later_paragraph_takes_the_leads_day(pipeline):
    got = dated(pipeline, "Chile's foreign minister said on Tuesday that the talks with Peru had gone well.\n\n"
                          "The two governments signed a fishing accord on Monday, according to officials.\n\n"
                          "The minister praised the Peruvian negotiators.")
    assert got.get("praised") == ("2024-04-30", "relative"), got


def test_the_same_paragraph_takes_its_last_named_day(pipeline):
    got = dated(pipeline, "Chile's foreign minister said on Tuesday that the talks with Peru had gone well.\n\n"
                          "The two governments signed a fishing accord on Monday. The minister praised the Peruvian "
                          "negotiators.")
    assert got.get("praised") == ("2024-04-29", "relative"), got


def test_a_day_named_as_another_acts_is_no_story_day(pipeline):
    got = dated(pipeline, "Kenya condemned last Friday's raid on its border post. Kenya recalled its envoy.")
    assert got.get("recalled") == ("2024-05-02", "report"), got


def test_a_paragraph_opening_with_a_quote_goes_on_with_the_one_before(pipeline):
    text = ("Chile's foreign minister said on Tuesday that the talks with Peru had gone well.\n\n"
            "Peru's president spoke about the border dispute on Wednesday in Lima.\n\n"
            "\"Our coast is not for sale,\" the president said, and he accused Chile of bad faith.\n\n"
            "The Chilean minister praised the Peruvian negotiators.")
    got = dated(pipeline, text)
    assert got.get("accused") == ("2024-05-01", "relative"), got
    assert got.get("praised") == ("2024-04-30", "relative"), got
