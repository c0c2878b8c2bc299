"""Days named from other days: "the day before/after" a day, and "that day" after a month named without its day."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.time.tagger import find_times

THURSDAY = dt.date(2026, 10, 15)


def values(text: str, report: dt.date = THURSDAY) -> dict[str, str]:
    return {t.text: t.value for t in find_times(text, report)}


@pytest.mark.parametrize("text,expected", [
    ("The envoy flew home the day before yesterday.", {"the day before yesterday": "2026-10-13"}),
    ("The court will rule the day after tomorrow.", {"the day after tomorrow": "2026-10-17"}),
    ("Shops reopened the day after Christmas, the mayor said.", {"the day after Christmas": "2025-12-26"}),
    ("The day before Monday's vote, the senator withdrew.", {"The day before Monday": "2026-10-11"}),
    ("Troops crossed the river the day after Oct. 3, 2026.", {"the day after Oct. 3, 2026": "2026-10-04"}),
])
def test_the_day_before_or_after_a_day_is_its_neighbour(text, expected):
    assert values(text) == expected


def test_a_number_of_days_before_a_day_stays_a_span_and_a_day():
    got = values("Three days after Oct. 3, 2026, the troops left.")
    assert got == {"Three days": "P3D", "Oct. 3, 2026": "2026-10-03"}


def test_the_same_day_after_a_month_is_a_day_of_that_month():
    text = ("The ministry closed the border on Monday. Two ferries sank last March off the coast, "
            "and the port was shut that same day.")
    got = values(text)
    assert got["last March"] == "2026-03" and got["that same day"] == "2026-03-XX", got


def test_the_same_day_after_a_day_is_that_day():
    text = "Two ferries sank off the coast on March 4, and the port was shut that same day."
    assert values(text)["that same day"] == "2026-03-04"
    text = "Two ferries sank last March off the coast. On Monday the port was shut, and that day the mayor resigned."
    assert values(text)["that day"] == "2026-10-12"
