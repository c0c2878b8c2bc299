"""Holidays: the rules in data/holidays.tsv, the days they give, and holiday names in text."""
import datetime as dt

import pytest

from casus.time.holidays import default, easter, holiday_date, load
from casus.time.tagger import find_times

D = dt.date


@pytest.mark.parametrize("year,day", [(2000, D(2000, 4, 23)), (2019, D(2019, 4, 21)), (2024, D(2024, 3, 31)),
                                      (1998, D(1998, 4, 12))])
def test_easter(year, day):
    assert easter(year) == day


@pytest.mark.parametrize("name,year,day", [
    ("thanksgiving", 1999, D(1999, 11, 25)),      # fourth Thursday of November
    ("memorial day", 1998, D(1998, 5, 25)),       # last Monday of May
    ("election day", 1998, D(1998, 11, 3)),       # the Tuesday after the first Monday of November
    ("labor day", 2018, D(2018, 9, 3)),
    ("good friday", 2019, D(2019, 4, 19)),
    ("christmas eve", 2018, D(2018, 12, 24)),
])
def test_rules_give_the_day(name, year, day):
    assert holiday_date(default()[name], year) == day


def test_malformed_rule_is_reported(tmp_path):
    p = tmp_path / "holidays.tsv"
    p.write_text("# comment\nfounders day\tsometime in may\n")
    with pytest.raises(ValueError, match="holidays.tsv:2"):
        load(p)


def values(text, anchor):
    return [(t.text, t.value) for t in find_times(text, anchor)]


def test_holiday_year_follows_tense_and_modifiers():
    anchor = D(2000, 1, 7)
    assert values("Elian was found on Thanksgiving Day clinging to a tube.", anchor) == [("Thanksgiving Day", "1999-11-25")]
    assert values("He came home last Christmas.", anchor) == [("last Christmas", "1999-12-25")]
    assert values("They will wed on Valentine's Day.", anchor) == [("Valentine's Day", "2000-02-14")]
    assert values("Christmas 2005 was cold.", anchor) == [("Christmas 2005", "2005-12-25")]


def test_holiday_names_as_modifiers_or_lower_case_are_not_dates():
    anchor = D(2007, 1, 18)
    assert values("Sales were strong in the Christmas shopping season.", anchor) == []
    assert values("They sold christmas trees.", anchor) == []
