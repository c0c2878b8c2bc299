"""TIMEX3 values as calendar ranges, their precision, and calendar arithmetic for anchoring."""
from __future__ import annotations

import calendar
import datetime as dt
import re

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_HALF_MONTHS = {"1": (1, 6), "2": (7, 12)}

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def to_date_range(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX3 date value covers; None for durations, sets, refs and unknowns."""
    try:
        if m := _DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), _month_end(y, mo)
        if m := _YEAR.match(value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        if m := _HALF.match(value):
            y, (a, b) = int(m[1]), _HALF_MONTHS[m[2]]
            return dt.date(y, a, 1), _month_end(y, b)
        if m := _SEASON.match(value):
            y, (a, b) = int(m[1]), _SEASON_MONTHS[m[2]]
            return dt.date(y, a, 1), _month_end(y + (1 if b < a else 0), b)
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
        if m := _CENTURY.match(value):
            y = int(m[1]) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    except ValueError:
        return None
    return None


def precision_of(value: str) -> str | None:
    """The granularity of a TIMEX3 value: time, day, week, month, quarter, season, year, decade, century, or None."""
    if not value:
        return None
    if _DAY.match(value):
        return "time" if "T" in value else "day"
    if re.match(r"^\d{4}-\d\d-\d\dT", value):
        return "time"
    for pattern, name in ((_WEEK, "week"), (_MONTH, "month"), (_QUARTER, "quarter"), (_HALF, "half"),
                          (_SEASON, "season"), (_YEAR, "year"), (_DECADE, "decade"), (_CENTURY, "century")):
        if pattern.match(value):
            return name
    return None


def iso_week(d: dt.date) -> str:
    """The TIMEX3 week value of a day, e.g. 2018-W04."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day `months` later (clipped to the month's end)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """Move a day by n units (Y, M, Q, W, D, DE, CE, FN, WE)."""
    if unit in ("D",):
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    if unit == "FN":
        return d + dt.timedelta(weeks=2 * n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    return add_months(d, n * months) if months else d


def at_unit(d: dt.date, unit: str) -> str:
    """The TIMEX3 value naming the unit-sized period that contains a day."""
    if unit == "D":
        return d.isoformat()
    if unit in ("W", "FN"):
        return iso_week(d)
    if unit == "WE":
        return iso_week(d) + "-WE"
    if unit == "M":
        return f"{d.year}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if unit == "DE":
        return str(d.year // 10)
    if unit == "CE":
        return str(d.year // 100)
    return str(d.year)
