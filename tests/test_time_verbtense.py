"""A bare weekday on a verb in the present tense names the coming day: "the ministers meet Monday"."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Article

REPORT = dt.date(2024, 5, 2)  # a Thursday


def weekdays(pipeline, text: str, report: dt.date = REPORT) -> dict[str, str]:
    """Each weekday expression of the text and its value, as casus grounds them."""
    art = Article(id="wd", text=text, report_date=report, report_date_basis="given")
    [g] = list(pipeline.grounded([art]))
    return {t.text: t.value for t in g.times}


@pytest.mark.parametrize("text, expected", [
    ("The defence ministers of Chile and Peru meet in Lima on Monday.", "2024-05-06"),
    ("Negotiators for the dock workers resume talks with the port authority Tuesday.", "2024-05-07"),
    ("The Senate holds its final vote on the budget on Friday.", "2024-05-03"),
    ("Voters in Malawi are electing a new parliament on Saturday.", "2024-05-04"),
    ("The runoff is held on Sunday in the capital.", "2024-05-05"),
])
def test_present_tense_weekday_is_the_coming_day(pipeline, text, expected):
    assert expected in weekdays(pipeline, text).values(), weekdays(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    ("The defence ministers of Chile and Peru met in Lima on Monday.", "2024-04-29"),
    ("The port authority has suspended the talks since Tuesday.", "2024-04-30"),
    ("The spokesman says the envoy flew home on Saturday.", "2024-04-27"),
])
def test_past_tense_weekday_stays_in_the_past(pipeline, text, expected):
    assert expected in weekdays(pipeline, text).values(), weekdays(pipeline, text)


def test_the_reports_own_weekday_is_that_day(pipeline):
    assert "2024-05-02" in weekdays(pipeline, "The cabinet meets on Thursday to choose a new leader.").values()


def test_the_event_takes_the_coming_day(pipeline):
    art = Article(id="wd", text="The foreign ministers of Chile and Peru meet in Lima on Monday.",
                  report_date=REPORT, report_date_basis="given")
    [(_, events)] = list(pipeline.code([art]))
    assert events and {e.date.value for e in events} == {"2024-05-06"}, [(e.trigger.text, e.date.value) for e in events]
