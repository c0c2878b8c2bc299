"""Agency datelines ("TOKYO, January 26. /TASS/.", "MOSCOW (Reuters) -") and standalone date lines."""
from __future__ import annotations

import datetime as _dt
import re

from casus.model import Dateline

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTH_RE = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_RE = r"(?:" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
# Lower-case particles inside place names ("RIO DE JANEIRO" -> "Rio de Janeiro").
_PARTICLES = {"de", "da", "do", "dos", "das", "del", "la", "le", "les", "el", "of", "on", "upon", "au", "en", "es", "am"}

_UPPER_WORD = r"[A-Z][A-Z.'’\-]*"
_TITLE_WORD = r"[A-Z][A-Za-z.'’\-]*"
_PLACE_UP = rf"{_UPPER_WORD}(?:[ ]{_UPPER_WORD}){{0,4}}"
_PLACE_TITLE = rf"{_TITLE_WORD}(?:[ ]{_TITLE_WORD}){{0,3}}"
_REGION = rf"(?!{MONTH_RE}\s)[A-Z][A-Za-z.'’\-]*(?:[ ][A-Z][A-Za-z.'’\-]*){{0,2}}"
_DATE = rf"(?P<month>{MONTH_RE})\s?(?P<day>\d{{1,2}})(?:(?:,\s?|\s)(?P<year>(?:1[89]|20)\d\d))?\.?"
_PUBLISHER = r"[A-Za-z][A-Za-z0-9.&'’\- ]{0,24}?[A-Za-z.]"
_DASH = r"(?:--|-|—|–|:)"

_TAIL = (
    rf"(?:,\s?(?P<region>{_REGION}))?"
    rf"(?:,?\s(?P<date>{_DATE}))?"
    r"(?:"
    rf"\s?/(?P<slashpub>{_PUBLISHER})/\.?(?:\s?{_DASH})?"
    rf"|\s?\((?P<parenpub>{_PUBLISHER})\)\s?{_DASH}"
    rf"|\s{_DASH}"
    r")"
)
_UPPER_DATELINE = re.compile(rf"(?P<place>{_PLACE_UP}){_TAIL}(?![\-—–])")
_TITLE_DATELINE = re.compile(rf"(?P<place>{_PLACE_TITLE}){_TAIL}(?![\-—–])")

_STANDALONE_DATE = re.compile(
    rf"(?:{_WEEKDAY_RE},?\s+)?(?:"
    rf"(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH_RE}),?\s+(?P<year2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r")\s*",
    re.IGNORECASE,
)
_MAX_DATELINE = 160
# Upper-case story labels that look like a place before a dash ("BREAKING: ...").
_NOT_PLACES = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "ANALYSIS", "OPINION", "EDITORIAL",
               "FACTBOX", "CORRECTED", "REFILE", "LIVE", "VIDEO", "PHOTOS", "NOTE", "URGENT", "FLASH"}


def month_number(word: str) -> int | None:
    """The month number of a month name or abbreviation ("Jan.", "September"), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def title_place(raw: str) -> str:
    """Title-case an upper-case dateline place: "UNITED NATIONS" -> "United Nations"."""
    words = []
    for i, word in enumerate(raw.split()):
        parts = re.split(r"([\-'’])", word)
        cased = "".join(
            p if p in "-'’" else p.lower() if j and p.lower() in _PARTICLES else p[:1].upper() + p[1:].lower()
            for j, p in enumerate(parts))
        if i and word.lower() in _PARTICLES:
            cased = word.lower()
        words.append(cased)
    return " ".join(words)


def parse_dateline(text: str, offset: int = 0) -> Dateline | None:
    """Find an agency dateline at the start of `text` (the paragraph opening the body).

    Offsets in the result are `offset` plus positions in `text`.
    """
    head = text[:_MAX_DATELINE]
    lead = len(head) - len(head.lstrip())
    head = head[lead:]
    m = _UPPER_DATELINE.match(head)
    upper = m is not None
    if m is None:
        m = _TITLE_DATELINE.match(head)
        if m is None or not (m.group("date") or m.group("slashpub") or m.group("parenpub")):
            return None
    place = m.group("place")
    if len(place.replace(" ", "")) < 2 or place.rstrip(".").upper() in _NOT_PLACES:
        return None
    month = day = year = None
    if m.group("date"):
        month = month_number(m.group("month"))
        day = int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else None
        if not _valid_day(year, month, day):
            return None
    publisher = m.group("slashpub") or m.group("parenpub")
    span_text = m.group(0)
    start = offset + lead
    return Dateline(
        text=span_text, start=start, end=start + len(span_text),
        place=title_place(place) if upper else place,
        publisher=publisher.strip() if publisher else None,
        year=year, month=month, day=day,
    )


def parse_standalone_date(text: str, offset: int = 0) -> Dateline | None:
    """A paragraph that is only a date ("Friday, January 4, 2019") as a place-less Dateline."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60:
        return None
    m = _STANDALONE_DATE.fullmatch(stripped)
    if m is None:
        return None
    try:
        if m.group("iso"):
            d = _dt.date.fromisoformat(m.group("iso"))
            year, month, day = d.year, d.month, d.day
        else:
            year = int(m.group("year") or m.group("year2"))
            month = month_number(m.group("month") or m.group("month2"))
            day = int(m.group("day") or m.group("day2"))
    except ValueError:
        return None
    if not _valid_day(year, month, day):
        return None
    start = offset + text.index(stripped)
    return Dateline(text=stripped, start=start, end=start + len(stripped), year=year, month=month, day=day)


def _valid_day(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or day is None:
        return False
    try:
        _dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 Feb stays valid without a year
    except ValueError:
        return False
    return True
