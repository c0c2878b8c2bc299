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


@pytest.mark.parametrize("text,expected", [
    ("The colonel was jailed in 2019 and pardoned two years later.", "2021"),
    ("The border treaty, signed in 1994, lapsed a decade later.", "2004"),
    ("The dam burst in March 2020; six months later the engineer was charged.", "2020-09"),
    ("The party won in 2010; four years earlier it had no seats.", "2006"),
])
def test_units_later_or_earlier_count_from_the_time_last_named(text, expected):
    got = find_times(text, THURSDAY)
    assert got[-1].value == expected, [(t.text, t.value) for t in got]


def test_days_later_after_a_year_count_from_the_last_day_named():
    text = "Talks began on Monday. The 2015 accord was dropped, and three days later the truce ended."
    assert values(text)["three days later"] == "2026-10-15"


def test_the_next_day_counts_from_the_day_last_named():
    text = "The electoral board said on Monday that the recount would start the next day."
    assert values(text) == {"Monday": "2026-10-12", "the next day": "2026-10-13"}
    text = "Militias entered the port on Oct. 2 and withdrew the next day."
    assert values(text)["the next day"] == "2026-10-03"


def test_the_next_day_with_no_day_named_is_the_day_after_the_report():
    assert values("The recount will start the next day.") == {"the next day": "2026-10-16"}


@pytest.mark.parametrize("text", [
    "The curfew began at 10 p.m. local time on Monday.",
    "The curfew began at 10 p.m. (1900 GMT) on Monday.",
    "The curfew began at 10 p.m. local time (1900 GMT) on Monday.",
])
def test_a_clock_time_before_its_day_is_on_that_day(text):
    got = values(text)
    assert got["10 p.m."] == "2026-10-12T22:00" and got["Monday"] == "2026-10-12", got
    assert got.get("1900 GMT", "2026-10-12T19:00Z") == "2026-10-12T19:00Z"


def test_a_clock_time_not_tied_to_the_day_after_it_stays_on_the_report():
    got = values("The curfew began at 10 p.m. local time, when the army moved in on Monday.")
    assert got["10 p.m."] == "2026-10-15T22:00"
