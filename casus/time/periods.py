"""Builders for periods longer than a month: years, fiscal years, decades, centuries, quarters, halves, seasons."""
from __future__ import annotations

import re

from casus.time.anchor import to_date_range
from casus.time.context import Context
from casus.time.lexicon import Lexicon
from casus.time.usage import OF_LONGER, in_a_match

Result = tuple[str, str] | None  # (type, value)


def _year2(y: str) -> int:
    n = int(y.lstrip("'"))
    return n if n >= 100 else (1900 + n if n > 30 else 2000 + n)


def _season_year(ctx: Context, code: str, rel: str) -> int:
    """The year of a season named without one, counted from the anchor as news count it.

    "last spring" is the latest spring that has ended ("last spring" in October is this year's),
    "next spring" the first one to begin after the report, "this winter" the winter the report falls
    in; a bare "the spring" is the latest begun in a past sentence, the next one not yet over in a
    future one, else the calendar year's (a winter named in January or February is the one going on).
    """
    a = ctx.anchor
    spans = {y: to_date_range(f"{y}-{code}") for y in (a.year - 2, a.year - 1, a.year, a.year + 1)}
    ended = [y for y, (_, end) in spans.items() if end < a]
    begun = [y for y, (start, _) in spans.items() if start <= a]
    ahead = [y for y, (start, _) in spans.items() if start > a]
    current = [y for y, (start, end) in spans.items() if start <= a <= end]
    if rel in ("last", "this past"):
        return max(ended)
    if rel in ("next", "this coming"):
        return min(ahead)
    if rel in ("", "the") and ctx.tense == "past":
        return max(begun)
    if rel in ("", "the") and ctx.tense == "future":
        return min(current + ahead)
    return current[0] if current else a.year


class PeriodRules:
    """The year, decade, century, quarter and season builders of the grammar; each returns (type, value) or None."""

    lex: Lexicon

    def _yr(self, text: str) -> int | None:
        """A year written in digits ("1994", "'94") or words ("nineteen ninety-four")."""
        return _year2(text) if text[-1].isdigit() else self.lex.year_value(text)

    def _year(self, m: re.Match, ctx: Context) -> Result:
        y = self._yr(m["year"])
        if not m.groupdict().get("fy"):
            before = m.string[max(0, m.start() - 5):m.start()]
            slash = re.match(r"/(\d{4})\b", m.string[m.end():m.end() + 6])  # "resolution 1430/2019", not "2004/2005"
            if re.search(r"(?:[$#\u00a7]|\bNos?\.?\s*)$", before) or (slash and abs(int(slash[1]) - y) > 1) \
                    or y > (ctx.anchor.year + 30 if ctx.anchor else 2100) or self._labelled(m.string, m.start()):
                return None
        return "DATE", str(y)

    def _fiscal_span(self, m: re.Match, ctx: Context) -> Result:
        """'fiscal 2025-26', 'the 2025/26 financial year', 'FY27': the year the fiscal year ends in."""
        if m["yy"]:
            return "DATE", str(2000 + int(m["yy"]))
        first, second = m["y1"] or m["y1b"], m["y2"] or m["y2b"]
        end = int(second) if len(second) == 4 else int(first[:2] + second)
        return ("DATE", str(end)) if end == int(first) + 1 else None

    def _labelled(self, text: str, at: int) -> bool:
        """True if the number at `at` follows a noun it names ("Section 1201", "U.S. Code \u00a7 1201", "Room 2010")."""
        word = re.search(r"([A-Za-z]+)\.?\s+(?:\u00a7+\s*)?$", text[max(0, at - 20):at])
        return word is not None and word[1].lower() in self.lex.label

    def _year_words(self, m: re.Match, ctx: Context) -> Result:
        y = self.lex.year_value(m["year"])
        if y is None or (not m["the"] and re.fullmatch(r"two\s+thousand", m["year"], re.I)):
            return None  # a bare "two thousand" is a number
        return "DATE", str(y)

    def _decade(self, m: re.Match, ctx: Context) -> Result:
        if m["dec"] and m["dec"].endswith("0") and m["dec"] != "200":
            return "DATE", m["dec"][:-1]  # "the 1800s", "the early 1900s": the century ("the 2000s" is a decade)
        if m["dec"]:
            return "DATE", m["dec"]
        return "DATE", f"19{m['dec2']}"

    def _century(self, m: re.Match, ctx: Context) -> Result:
        if m["cnum"]:
            return "DATE", f"{int(m['cnum']) - 1:02d}"
        if re.match(r"the\s+(?:past|last)$", m["rel"], re.I):
            return "DURATION", "P100Y"  # "the past century": the last hundred years, as "the past decade" is ten
        if ctx.anchor is None:
            return None
        c = ctx.anchor.year // 100 + {"this": 0, "next": 1}.get(m["rel"].lower(), -1)
        return "DATE", f"{c:02d}"

    def _quarter(self, m: re.Match, ctx: Context) -> Result:
        n = 2 if m["latter"] else self.lex.ordinal[m["ord"].lower()]
        half = m["q"].lower() == "half"
        if OF_LONGER.match(m.string, m.end()):  # "the last half of the '80s": a part of a decade, not of a year
            return None
        if half and n > 2:
            return None
        year = m["year"] or m["y2"]
        if not (year or m["rel"] or m["rel0"] or m["fy"]) and in_a_match(m):
            return None  # "early in the second half", "the final quarter" of a game: a period of play, not of the year
        if year:
            y = int(year)
        elif ctx.anchor is None:
            return "DATE", f"XXXX-{'H' if half else 'Q'}{n}"
        else:
            y = ctx.anchor.year + {"last": -1, "next": 1}.get((m["rel"] or m["rel0"] or "").lower(), 0)
            first_month = 6 * n - 5 if half else 3 * n - 2
            if not m["rel"] and ctx.tense == "past" and first_month > ctx.anchor.month:
                y -= 1
        if m["ago"]:
            y -= 1
        return "DATE", f"{y}-{'H' if half else 'Q'}{n}"

    def _q_abbrev(self, m: re.Match, ctx: Context) -> Result:
        """'Q3 2017', 'Q2', '1H': a quarter or half written the financial-press way."""
        half = (m["qh"] or m["qh2"]) == "H"
        n = int(m["n"] or m["n2"])
        if half and n > 2:
            return None
        if m["year"]:
            y = self._yr(m["year"])
        elif ctx.anchor is None:
            return "DATE", f"XXXX-{'H' if half else 'Q'}{n}"
        else:
            y = ctx.anchor.year - (1 if ctx.tense == "past" and (6 * n - 5 if half else 3 * n - 2) > ctx.anchor.month else 0)
        return "DATE", f"{y}-{'H' if half else 'Q'}{n}"

    def _season(self, m: re.Match, ctx: Context) -> Result:
        rel = (m["rel"] or "").lower()
        code = self.lex.season[m["season"].lower()]
        if m["season"].lower() == "fall" and not m["year"] and rel in ("the", ""):
            return None
        if m["year"]:
            return "DATE", f"{self._yr(m['year'])}-{code}"
        if ctx.anchor is None:
            return "DATE", f"XXXX-{code}"
        return "DATE", f"{_season_year(ctx, code, rel)}-{code}"
