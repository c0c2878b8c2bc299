"""TIMEX3 values as calendar ranges and precisions."""
import datetime as dt

import pytest

from casus.time.anchor import precision_of, to_date_range

D = dt.date


@pytest.mark.parametrize("value,first,last", [
    ("2016-05-06", D(2016, 5, 6), D(2016, 5, 6)),
    ("2016-05-06T15:00", D(2016, 5, 6), D(2016, 5, 6)),
    ("2016-02", D(2016, 2, 1), D(2016, 2, 29)),
    ("2016", D(2016, 1, 1), D(2016, 12, 31)),
    ("2018-W03", D(2018, 1, 15), D(2018, 1, 21)),
    ("2018-W03-WE", D(2018, 1, 20), D(2018, 1, 21)),
    ("2018-Q1", D(2018, 1, 1), D(2018, 3, 31)),
    ("2017-Q4", D(2017, 10, 1), D(2017, 12, 31)),
    ("2017-H2", D(2017, 7, 1), D(2017, 12, 31)),
    ("2017-WI", D(2017, 12, 1), D(2018, 2, 28)),
    ("199", D(1990, 1, 1), D(1999, 12, 31)),
    ("19", D(1900, 1, 1), D(1999, 12, 31)),
])
def test_to_date_range(value, first, last):
    assert to_date_range(value) == (first, last)


@pytest.mark.parametrize("value", ["P3D", "PRESENT_REF", "PAST_REF", "XXXX-05", "2016-13", "2016-02-30", ""])
def test_no_range(value):
    assert to_date_range(value) is None


@pytest.mark.parametrize("value,precision", [
    ("2016-05-06", "day"), ("2016-05-06TMO", "time"), ("2016-05", "month"), ("2016", "year"),
    ("2018-W03", "week"), ("2018-Q1", "quarter"), ("2018-SU", "season"), ("199", "decade"),
    ("19", "century"), ("P3D", None), ("FUTURE_REF", None)])
def test_precision_of(value, precision):
    assert precision_of(value) == precision
