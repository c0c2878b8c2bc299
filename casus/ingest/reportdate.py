"""The report (publication) date of an article from its dateline, inferring a missing year from the text."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from casus.ingest.dateline import MONTH_RE, WEEKDAYS, month_number
from casus.model import Dateline

# A year needs a cue before it ("in 2017", "May 2016", "fiscal 1986") and no unit after ("1500 GMT", "2000 tonnes").
_YEAR = re.compile(
    rf"(?:\b(?:in|since|by|until|till|through|from|to|of|for|during|before|after|early|late|mid|end|fiscal|year|"
    rf"calendar|season|spring|summer|autumn|fall|winter|quarter|half){{1}}\s+(?:of\s+)?|{MONTH_RE}\s+(?:\d{{1,2}},?\s+)?|mid-|\d{{1,2}}\s+{MONTH_RE}\s+)"
    r"(?P<year>(?:1[89]|20)\d\d)(?![\d,])(?!\s*(?:GMT|EST|EDT|BST|CET|UTC|local|hours|hrs|tonnes|tons|barrels|bags|"
    r"shares|dlrs|dollars|people|men|troops|km|miles|feet|metres|meters|mln|billion|pct|percent|points|units)\b)",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(
    rf"\b(?:(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH_RE}),?\s+"
    rf"|(?P<month3>{MONTH_RE})\s+(?:of\s+)?)(?P<year>(?:1[89]|20)\d\d)\b"
)
_WEEKDAY = r"(?P<weekday>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")"
# "said Friday", "told reporters on Monday": a speech verb right before the weekday names the report day.
# Other verbs ("voted Tuesday") usually name an earlier day, so they are no evidence.
_SAID_WEEKDAY = re.compile(
    r"\b(?:said|says|told|stated|stressed|noted|added|declared)\s+(?:(?:reporters|journalists|the press)\s+)?"
    r"(?:on\s+|late\s+|early\s+)?"
    + _WEEKDAY + r"\b(?!,?\s+(?:" + MONTH_RE + r"|\d))"
)
# "Friday, January 4" or "Friday (Jan. 4)": a weekday pinned to a month and day.
_WEEKDAY_DATE = re.compile(
    _WEEKDAY + rf",?\s+\(?(?:(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_RE}))"
    r"(?!,?\s*\d{4})"
)
_LEAD_CHARS = 400
# Candidate years around the latest year named; three consecutive years never share a weekday for one date.
_YEARS_AROUND = (0, 1, -1)
_SCORE_NOT_BEFORE_LATEST = 2.0
_SCORE_LATEST = 0.5
_SCORE_LEAD_WEEKDAY = 3.0
_SCORE_PINNED_WEEKDAY = 1.5
_PENALTY_LATER_DATE = 1.5


@dataclass
class _Candidate:
    date: _dt.date
    score: float = 0.0
    evidence: str = ""  # what speaks for this date, for the reason
    against: str = ""  # what speaks against it
    weekday_fits: bool = False  # a weekday in the text agrees with this date


def infer_report_date(text: str, dateline: Dateline | None) -> tuple[_dt.date | None, str, str]:
    """(date, basis, reason) with basis 'dateline', 'inferred' (year guessed from the text) or 'none'."""
    if dateline is None:
        return None, "none", "no dateline"
    if dateline.month is None or dateline.day is None:
        return None, "none", f"dateline '{dateline.text}' has no date"
    if dateline.year is not None:
        try:
            day = _dt.date(dateline.year, dateline.month, dateline.day)
        except ValueError:
            return None, "none", f"dateline '{dateline.text}' is not a calendar date"
        return day, "dateline", f"dateline '{dateline.text}'"
    years = [int(m.group("year")) for m in _YEAR.finditer(text)]
    if not years:
        return None, "none", f"dateline '{dateline.text}' has no year and the text names none"
    latest = max(years)
    candidates = [_Candidate(d) for y in _YEARS_AROUND if (d := _safe_date(latest + y, dateline.month, dateline.day))]
    if not candidates:
        return None, "none", f"dateline '{dateline.text}' names no valid day near {latest}"
    lead = _lead(text, dateline)
    said = _SAID_WEEKDAY.search(lead)
    pinned = [(m.group("weekday"), _month_day(m), m.group(0)) for m in _WEEKDAY_DATE.finditer(text)]
    later = [(m.group(0), _dated(m)) for m in _FULL_DATE.finditer(text)]
    for cand in candidates:
        _score(cand, latest, said, pinned, later)
    best = max(candidates, key=lambda c: (c.score, -abs(c.date.year - latest), c.date.year == latest))
    if not best.weekday_fits:
        return None, "none", (f"no year for dateline '{dateline.text}': latest year in text {latest}, "
                              f"but no weekday in the text confirms {_show(best.date)}")
    reason = f"year {best.date.year} inferred: latest year in text {latest}" + best.evidence
    reason += "".join(c.against for c in candidates if c is not best and c.date.year == latest)
    return best.date, "inferred", reason


def _score(cand: _Candidate, latest: int, said: re.Match[str] | None,
           pinned: list[tuple[str, tuple[int, int] | None, str]],
           later: list[tuple[str, tuple[int, int, int] | None]]) -> None:
    d = cand.date
    if d.year >= latest:
        cand.score += _SCORE_NOT_BEFORE_LATEST
    if d.year == latest:
        cand.score += _SCORE_LATEST
    if said and _weekday_name(d) == said.group("weekday"):
        cand.score += _SCORE_LEAD_WEEKDAY
        cand.weekday_fits = True
        cand.evidence += f"; '{said.group(0)}' and {_show(d)} is a {_weekday_name(d)}"
    for weekday, month_day, phrase in pinned:
        pinned_day = _nearest(month_day, d)
        if pinned_day and _weekday_name(pinned_day) == weekday:
            cand.score += _SCORE_PINNED_WEEKDAY
            cand.weekday_fits = True
            cand.evidence += f"; '{phrase}' fits {pinned_day.year}"
            break
    for phrase, ymd in later:
        if ymd and ymd[0] == d.year and (ymd[1], ymd[2]) > (d.month, d.day):
            cand.score -= _PENALTY_LATER_DATE
            cand.against = f"; {_show(d)} would come before '{phrase}'"
            break


def _lead(text: str, dateline: Dateline) -> str:
    """The text right after the dateline, where 'said Friday' names the report day."""
    end = dateline.end if text[dateline.start:dateline.end] == dateline.text else text.find(dateline.text)
    if end < 0:
        return text[:_LEAD_CHARS]
    if end != dateline.end:
        end += len(dateline.text)
    lead = text[end:end + _LEAD_CHARS]
    stop = lead.find("\n\n")
    return lead if stop < 0 else lead[:stop]


def _month_day(m: re.Match[str]) -> tuple[int, int] | None:
    month = month_number(m.group("month") or m.group("month2"))
    return (month, int(m.group("day") or m.group("day2"))) if month else None


def _dated(m: re.Match[str]) -> tuple[int, int, int] | None:
    month = month_number(m.group("month") or m.group("month2") or m.group("month3"))
    if month is None:
        return None
    day = m.group("day") or m.group("day2")
    return int(m.group("year")), month, int(day) if day else 1


def _nearest(month_day: tuple[int, int] | None, around: _dt.date) -> _dt.date | None:
    """The date with this month and day closest to `around` (last, this or next year)."""
    if month_day is None:
        return None
    options = [d for y in (around.year - 1, around.year, around.year + 1) if (d := _safe_date(y, *month_day))]
    return min(options, key=lambda d: abs((d - around).days), default=None)


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_name(d: _dt.date) -> str:
    return WEEKDAYS[d.weekday()].capitalize()


def _show(d: _dt.date) -> str:
    return f"{d.day} {d:%b} {d.year}"
