"""Named holidays (data/holidays.tsv) and the day each falls on in a given year."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "holidays.tsv"
_RULE = re.compile(r"^(?:fixed\s+(\d\d)-(\d\d)|nth\s+(\d{1,2})\s+([1-7])\s+(-?\d)(?:\s+([+-]\d+))?|easter(?:\s+([+-]\d+))?)$")


def load(path: Path = DATA) -> dict[str, str]:
    """Holiday name (lower case) → rule, from a holidays.tsv file (see its header for the format)."""
    table: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not _RULE.match(parts[1].strip()):
            raise ValueError(f"{path}:{n}: expected 'name<TAB>rule' with a rule 'fixed MM-DD', 'nth M W N [+D]' or 'easter [+D]'")
        table[parts[0].strip().lower()] = parts[1].strip()
    return table


@lru_cache(maxsize=2)
def default() -> dict[str, str]:
    """The holidays shipped with casus."""
    return load(DATA)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The day a holiday rule gives in `year`, or None if the rule is malformed or the day does not exist."""
    m = _RULE.match(rule.strip())
    if not m:
        return None
    try:
        if m[1]:
            return dt.date(year, int(m[1]), int(m[2]))
        if m[3]:
            month, weekday, nth = int(m[3]), int(m[4]), int(m[5])
            if nth > 0:
                first = dt.date(year, month, 1)
                d = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
            else:
                last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
                d = last - dt.timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))
            if d.month != month:
                return None
            return d + dt.timedelta(days=int(m[6] or 0))
        return easter(year) + dt.timedelta(days=int(m[7] or 0))
    except ValueError:
        return None
