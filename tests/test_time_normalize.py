"""Normalisation of single time expressions against a fixed report date (Friday 2018-01-26, ISO week 4)."""
import datetime as dt

import pytest

from casus.time.normalize import normalize

ANCHOR = dt.date(2018, 1, 26)

CASES = [
    # absolute dates
    ("May 6, 2016", None, "DATE", "2016-05-06"),
    ("6 May 2016", None, "DATE", "2016-05-06"),
    ("on May 6, 2016", None, "DATE", "2016-05-06"),
    ("March 2013", None, "DATE", "2013-03"),
    ("2010", None, "DATE", "2010"),
    ("in 2010", None, "DATE", "2010"),
    ("the 1990s", None, "DATE", "199"),
    ("the early 1980s", None, "DATE", "198"),
    ("Jan. 5", None, "DATE", "2018-01-05"),
    ("Jan. 5, 2017", None, "DATE", "2017-01-05"),
    ("2016-05-06", None, "DATE", "2016-05-06"),
    ("12/25/2017", None, "DATE", "2017-12-25"),
    ("the 5th of November 2015", None, "DATE", "2015-11-05"),
    ("Sept. 30", None, "DATE", "2017-09-30"),
    ("December", "past", "DATE", "2017-12"),
    ("March", "future", "DATE", "2018-03"),
    ("January", None, "DATE", "2018-01"),
    ("last October", None, "DATE", "2017-10"),
    ("next April", None, "DATE", "2018-04"),
    ("June last year", None, "DATE", "2017-06"),
    ("fiscal 1989", None, "DATE", "1989"),
    ("the 20th century", None, "DATE", "19"),
    # weekdays and deictic days
    ("Friday", None, "DATE", "2018-01-26"),
    ("Wednesday", None, "DATE", "2018-01-24"),
    ("Monday", "past", "DATE", "2018-01-22"),
    ("Monday", "future", "DATE", "2018-01-29"),
    ("next Tuesday", None, "DATE", "2018-01-30"),
    ("last Friday", None, "DATE", "2018-01-19"),
    ("yesterday", None, "DATE", "2018-01-25"),
    ("today", None, "DATE", "2018-01-26"),
    ("tomorrow", None, "DATE", "2018-01-27"),
    ("tonight", None, "TIME", "2018-01-26TNI"),
    ("this morning", None, "TIME", "2018-01-26TMO"),
    ("last night", None, "TIME", "2018-01-25TNI"),
    ("Thursday evening", "past", "TIME", "2018-01-25TEV"),
    # relative periods
    ("last week", None, "DATE", "2018-W03"),
    ("this week", None, "DATE", "2018-W04"),
    ("next week", None, "DATE", "2018-W05"),
    ("next month", None, "DATE", "2018-02"),
    ("last month", None, "DATE", "2017-12"),
    ("last year", None, "DATE", "2017"),
    ("this year", None, "DATE", "2018"),
    ("earlier this year", None, "DATE", "2018"),
    ("two days ago", None, "DATE", "2018-01-24"),
    ("three months ago", None, "DATE", "2017-10"),
    ("five years ago", None, "DATE", "2013"),
    ("a year ago", None, "DATE", "2017"),
    ("almost four years ago", None, "DATE", "2014"),
    ("a week or so ago", None, "DATE", "2018-01-19"),
    ("41 years ago", None, "DATE", "1977"),
    ("six weeks ago", None, "DATE", "2017-W50"),
    ("nineteen ninety-four", None, "DATE", "1994"),
    ("the year two thousand", None, "DATE", "2000"),
    ("January nineteen ninety-seven", None, "DATE", "1997-01"),
    ("mid-1996", None, "DATE", "1996"),
    ("the nineties", None, "DATE", "199"),
    ("the first quarter", None, "DATE", "2018-Q1"),
    ("the third quarter of 2016", None, "DATE", "2016-Q3"),
    ("fourth-quarter", "past", "DATE", "2017-Q4"),
    ("the first half of 2017", None, "DATE", "2017-H1"),
    ("this summer", None, "DATE", "2018-SU"),
    ("last winter", None, "DATE", "2016-WI"),  # 2017-WI (Dec 2017 - Feb 2018) is the winter the report falls in
    ("the spring of 2015", None, "DATE", "2015-SP"),
    # refs
    ("now", None, "DATE", "PRESENT_REF"),
    ("currently", None, "DATE", "PRESENT_REF"),
    ("recent years", None, "DATE", "PAST_REF"),
    ("the past", None, "DATE", "PAST_REF"),
    ("the future", None, "DATE", "FUTURE_REF"),
    ("recently", None, "DATE", "PAST_REF"),
    # durations
    ("a month", None, "DURATION", "P1M"),
    ("three years", None, "DURATION", "P3Y"),
    ("two weeks", None, "DURATION", "P2W"),
    ("the past five years", None, "DURATION", "P5Y"),
    ("the next six months", None, "DURATION", "P6M"),
    ("five hours", None, "DURATION", "PT5H"),
    ("30 minutes", None, "DURATION", "PT30M"),
    ("16-hour", None, "DURATION", "PT16H"),
    ("two decades", None, "DURATION", "P20Y"),
    ("twenty-five years", None, "DURATION", "P25Y"),
    ("two and a half years", None, "DURATION", "P2Y6M"),
    ("several weeks", None, "DURATION", "PXW"),
    ("5 1/2 hours", None, "DURATION", "PT5H30M"),
    ("a minute and a half", None, "DURATION", "PT1M30S"),
    ("a decade and a half", None, "DURATION", "P15Y"),
    ("the last twenty four hours", None, "DURATION", "PT24H"),
    ("just over an hour", None, "DURATION", "PT1H"),
    ("an additional year", None, "DURATION", "P1Y"),
    ("the first nine months", None, "DURATION", "P9M"),
    # sets
    ("every week", None, "SET", "P1W"),
    ("each year", None, "SET", "P1Y"),
    ("annually", None, "SET", "P1Y"),
    ("weekly", None, "SET", "P1W"),
    ("daily", None, "SET", "P1D"),
    ("every Monday", None, "SET", "XXXX-WXX-1"),
    # clock times
    ("3 p.m.", None, "TIME", "2018-01-26T15:00"),
    ("10:35 a.m.", None, "TIME", "2018-01-26T10:35"),
    ("18:00 UTC", None, "TIME", "2018-01-26T18:00Z"),
    ("noon Thursday", None, "TIME", "2018-01-25T12:00"),
    ("midnight", None, "TIME", "2018-01-26T24:00"),
]


@pytest.mark.parametrize("expr,tense,typ,value", CASES, ids=[c[0] + ("/" + c[1] if c[1] else "") for c in CASES])
def test_normalize(expr, tense, typ, value):
    got = normalize(expr, ANCHOR, tense)
    assert got is not None, f"{expr!r} not recognised"
    assert (got[0], got[1]) == (typ, value)


def test_enough_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize("expr,precision", [
    ("May 6, 2016", "day"), ("March 2013", "month"), ("2010", "year"), ("last week", "week"),
    ("the first quarter", "quarter"), ("the 1990s", "decade"), ("this summer", "season"),
    ("3 p.m.", "time"), ("three years", None), ("now", None)])
def test_precision(expr, precision):
    assert normalize(expr, ANCHOR)[2] == precision


def test_relative_without_anchor_is_unresolved_or_underspecified():
    assert normalize("yesterday", None) is None
    assert normalize("May 6", None)[1] == "XXXX-05-06"
    assert normalize("May 6, 2016", None)[1] == "2016-05-06"


@pytest.mark.parametrize("expr", ["the", "may", "We", "1,500", "$2000", "a 6-year-old", "march", "hello world",
                                  "two thousand", "52 years old"])
def test_not_time(expr):
    assert normalize(expr, ANCHOR) is None


def test_anchor_moves_relative_values():
    other = dt.date(2020, 3, 4)  # a Wednesday
    assert normalize("yesterday", other)[1] == "2020-03-03"
    assert normalize("last year", other)[1] == "2019"
    assert normalize("Friday", other)[1] == "2020-02-28"
