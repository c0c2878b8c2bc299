"""A year opening a sentence sets the year of the months and days the sentence names without one."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.time.tagger import find_times

OCTOBER = dt.date(2026, 10, 14)


def values(text: str) -> dict[str, str]:
    return {t.text: t.value for t in find_times(text, OCTOBER)}


@pytest.mark.parametrize("text,word,expected", [
    ("In 2011, the militia seized the airport in March.", "March", "2011-03"),
    ("In 2011 the militia seized the airport on March 9.", "March 9", "2011-03-09"),
    ("Back in 2011 the militia took the port in March and lost it in June.", "June", "2011-06"),
    ("Last year, the junta dissolved the assembly in May.", "May", "2025-05"),
    ('"In 2019 we had a majority in June," the senator said.', "June", "2019-06"),
])
def test_a_month_in_a_sentence_that_opens_with_a_year_is_that_years(text, word, expected):
    assert values(text)[word] == expected


@pytest.mark.parametrize("text,word,expected", [
    ("Since 2019 the talks have stalled, and in May the envoy resigned.", "May", "2026-05"),
    ("The 2015 accord will be reviewed in May.", "May", "2027-05"),
    ("The accord was signed in 2015. In May, the envoy resigned.", "May", "2026-05"),
])
def test_a_year_not_opening_the_sentence_leaves_a_month_to_the_report(text, word, expected):
    assert values(text)[word] == expected
