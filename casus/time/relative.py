"""Builders for relative expressions, durations, sets and vague references ("last week", "three years ago", "every day", "now")."""
from __future__ import annotations

import datetime as dt
import re

from casus.time.anchor import add_months, at_unit, iso_week, precision_of, shift, to_date_range
from casus.time.context import Context
from casus.time.lexicon import Lexicon

Result = tuple[str, str] | None  # (type, value)

_PAST_REFS = {"recently", "recent", "previously", "formerly", "the past", "in the past", "lately",
              "once", "earlier", "then"}
_PRESENT_REFS = {"now", "currently", "current", "nowadays", "these days", "the present", "at present",
                 "presently", "right now", "today's"}
_FUTURE_REFS = {"the future", "future", "in the future", "soon", "later", "the coming years"}

_NEAR = 300  # characters within which "a year earlier" follows the period last mentioned
_FAR = 1500  # characters within which "a year earlier" follows the quarter last mentioned
_PERIOD_END = re.compile(r"\s+(?:ended|ending|that\s+(?:ended|ends))\b", re.I)
_SOMEDAY_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must|he|she|they|we|I|you|to)\s+$", re.I)
_RATE_BEFORE = re.compile(r"(?:\d%?|\b(?:million|billion|thousand|hundred|percent|cents?|dollars|once|twice|thrice|[a-z]{3,}s))\s+$")
_FRACTION_OF = re.compile(r",?\s+of\s+(?!(?:a\s+|the\s+)?(?:century|year|fiscal|calendar)\b)", re.I)
_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<day>[0-3]?\d)\b(?:,?\s+(?P<year>\d{4}))?")
_FRACTION = re.compile(r"(?:^|\s)(?:a|one|three)[\s-]+quarters?$", re.I)
_OFFSET_AFTER = re.compile(r"\s+(?:after|before|later|earlier|ago|since|into|from)\b", re.I)
_THAN = re.compile(r"\s+than\b", re.I)  # "a day earlier than scheduled": an amount of delay or advance
_AGE = re.compile(r"[\s-]+old\b|\s+of\s+age\b", re.I)  # "a 6-year-old": an age, not a duration


class RelativeRules:
    """The relative, duration, set and reference builders of the grammar; each returns (type, value) or None."""

    lex: Lexicon

    def _rel_unit(self, m: re.Match, ctx: Context) -> Result:
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        unit = self.lex.unit[m["unit"].lower()]
        a = ctx.anchor
        if unit in ("H", "MIN", "S") or a is None:
            return None
        last = rel.split()[-1]
        if rel in ("that", "the same") or (rel.startswith(("earlier", "later")) and last == "that"):
            r = _reference_start(ctx, unit)
            return ("DATE", at_unit(r, unit)) if r else None
        if rel in ("the following", "the previous") or (rel == "the next" and unit == "D"):
            r = _reference_start(ctx, unit)  # counted from the time last mentioned ("the next day" too), not from today
            if r:
                return "DATE", at_unit(shift(r, unit, -1 if rel == "the previous" else 1), unit)
        if rel in ("the past", "the last") and unit in ("DE", "CE"):
            return "DURATION", duration_value("1", unit)
        if last in ("past", "last", "previous", "latest", "recent"):
            if rel.startswith("the past") and unit in ("D",):
                return None
            n = -1
        elif last in ("next", "coming", "following"):
            n = 1
        else:
            n = 0
        if unit == "D":
            return ("DATE", shift(a, "D", n).isoformat()) if rel in ("the next", "the following", "the previous") else None
        return "DATE", at_unit(shift(a, unit, n), unit)

    def _unit_before(self, m: re.Match, ctx: Context) -> Result:
        """'the year before', 'the day after': a step from the time last mentioned (else from the report date)."""
        unit = self.lex.unit[m["unit"].lower()]
        base = _reference_start(ctx, unit) or ctx.anchor
        if base is None:
            return None
        return "DATE", at_unit(shift(base, unit, 1 if m["dir"].lower() == "after" else -1), unit)

    def _ago(self, m: re.Match, ctx: Context) -> Result:
        n = 0.5 if m["halfa"] else self.lex.number_value(m["num"])
        unit = self.lex.unit[m["unit"].lower()]
        if ctx.anchor is None or unit in ("H", "MIN", "S", "WE"):
            return None
        sign = 1 if m["dir"].lower() in ("later", "hence", "from now") else -1
        if n is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        n += 0.5 if m["half"] else 0
        if m["dir"].lower() in ("earlier", "later") and _THAN.match(m.string, m.end()):
            # "arrives on November 11, three days later than planned": the time just named, not three days after it
            if ctx.ref_value and ctx.ref_value[:4].isdigit() and 0 <= ctx.pos - ctx.ref_end < 60:
                return "DATE", ctx.ref_value
            return "DURATION", duration_value(str(n).removesuffix(".0"), unit)  # "two months earlier than planned"
        if n != int(n):  # "a year and a half ago", "half a century ago": count in the next smaller unit
            n, unit = {"CE": (n * 100, "Y"), "DE": (n * 10, "Y"), "Y": (n * 12, "M")}.get(unit, (n, unit))
            if n != int(n):
                return None
        base = ctx.anchor
        if m["dir"].lower() in ("earlier", "later"):  # counted from the time last named, if it is fine enough for the unit
            base = _reference_start(ctx, unit) or ctx.ref_day or ctx.anchor  # "jailed in 2019 and freed two years later"
        closing_day = ctx.ref_quarter and 0 < ctx.ref_end - ctx.quarter_end < 30  # "the quarter ended Sept. 30"
        if unit == "Y" and n == 1 and ctx.ref_value and precision_of(ctx.ref_value) in ("quarter", "month", "day") \
                and not closing_day and ctx.pos - ctx.ref_end < _NEAR and m["dir"].lower() in ("earlier", "ago"):
            start = _range_start(ctx.ref_value)
            return "DATE", at_unit(shift(start, "Y", sign * int(n)), precision_unit(ctx.ref_value))
        if unit == "Y" and n == 1 and m["dir"].lower() in ("earlier", "ago") and ctx.ref_quarter \
                and ctx.pos - ctx.quarter_end < _FAR:  # "a year earlier" in a report on a quarter
            return "DATE", at_unit(shift(_range_start(ctx.ref_quarter), "Y", -1), "Q")
        d = shift(base, unit, sign * int(n))
        gran = {"W": "D" if n < 3 else "W", "FN": "D", "DE": "Y", "CE": "Y"}.get(unit, unit)
        return "DATE", at_unit(d, gran)

    def _year_period(self, m: re.Match, ctx: Context) -> Result:
        """'the 1988 quarter': that year's instance of the quarter being reported."""
        if ctx.ref_quarter and ctx.pos - ctx.quarter_end < _FAR:
            return "DATE", f"{m['year']}{ctx.ref_quarter[4:]}"
        return "DATE", m["year"]

    def _same_period(self, m: re.Match, ctx: Context) -> Result:
        """'the same month a year ago': the period last mentioned, a year back."""
        if ctx.anchor is None:
            return None
        what = (m["what"] or m["what2"] or m["what3"]).lower()
        ref = ctx.ref_value if ctx.ref_value and precision_of(ctx.ref_value) in ("day", "week", "month", "quarter") else None
        if what in ("quarter", "period") and ctx.ref_quarter and ctx.pos - ctx.quarter_end < _FAR:
            ref = ctx.ref_quarter
        if ref is None:
            unit = {"month": "M", "week": "W"}.get(what, "Q")
            return "DATE", at_unit(shift(ctx.anchor, "Y", -1), unit)
        unit = {"month": "M", "week": "W"}.get(what, precision_unit(ref))
        return "DATE", at_unit(shift(_range_start(ref), "Y", -1), unit)

    def _year_ago(self, m: re.Match, ctx: Context) -> Result:
        if ctx.anchor is None:
            return None
        unit = self.lex.unit[m["unit"].lower()]
        ref = ctx.ref_value if ctx.ref_value and precision_of(ctx.ref_value) in ("quarter", "month") else None
        if unit == "Y" and not ref and ctx.ref_quarter and ctx.pos - ctx.quarter_end < _FAR:
            ref = ctx.ref_quarter
        if (m["what"] or "").lower() in ("quarter", "period") and not ref:
            ref = at_unit(add_months(ctx.anchor, -3), "Q")
        if ref:
            r = _range_start(ref)
            return "DATE", at_unit(shift(r, unit, -1), precision_unit(ref))
        return "DATE", at_unit(shift(ctx.anchor, unit, -1), unit)

    def _the_quarter(self, m: re.Match, ctx: Context) -> Result:
        rel = (m["rel"] or "").strip().lower()
        if m["q"].lower() == "period":
            if rel == "same" and ctx.ref_value and precision_of(ctx.ref_value) == "quarter":
                return "DATE", ctx.ref_value
            if rel not in ("latest", "most recent", "current") or not (ctx.ref_quarter or ctx.anchor):
                return None  # "the latest period" of a report is its quarter
        ended = self._quarter_ended(m, ctx) if m["q"].lower() == "quarter" else None
        if ended:
            return "DATE", ended
        if ctx.ref_value and precision_of(ctx.ref_value) == "quarter" and rel != "current":
            return "DATE", ctx.ref_value
        if ctx.anchor is None:
            return None
        d = ctx.anchor if rel == "current" else add_months(ctx.anchor, -3)
        return "DATE", at_unit(d, "Q")

    def _quarter_ended(self, m: re.Match, ctx: Context) -> str | None:
        """'the quarter ended July 31': the three months up to that day, named by the calendar quarter of their middle month."""
        e = _ENDED.match(m.string, m.end())
        month = self.lex.month.get(e["mon"].lower()) if e else None
        if month is None or ctx.anchor is None:
            return None
        year = int(e["year"]) if e["year"] else ctx.anchor.year - (1 if (month, int(e["day"])) > (ctx.anchor.month, ctx.anchor.day) else 0)
        return at_unit(add_months(dt.date(year, month, 1), -1), "Q")

    def _duration(self, m: re.Match, ctx: Context) -> Result:
        if _AGE.match(m.string, m.end()) or "\n" in m.group(0):  # a line break inside: a table's figure and heading
            return None
        unit = self.lex.unit[m["unit"].lower()]
        num = m["num"].lower()
        if re.fullmatch(r"one\s+day", m.group(0), re.I) and _SOMEDAY_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
            return "DATE", "FUTURE_REF"  # "Islam will one day be ...": some day
        if re.fullmatch(r"(?:a|an|per)\s+\w+", m.group(0), re.I) and _RATE_BEFORE.search(m.string, max(0, m.start() - 30), m.start()) \
                and not _OFFSET_AFTER.match(m.string, m.end()):  # "comes a week after the summit": an offset, not a rate
            return "SET", duration_value("1", unit)  # "$2 million a year", "four flights a week": a rate
        if unit == "WE" or (unit == "S" and num in ("a", "an")) or (unit == "Q" and "-" in m.group(0)):
            return None
        if unit == "Q" and _FRACTION.search(m.group(0)) and _FRACTION_OF.match(m.string, m.end()):  # "a quarter of the dealers": a fraction
            return None
        n = self.lex.number_value(num)
        if n is None:
            if unit == "Q" and re.fullmatch(r"(?:some|certain|many|other|various)\s+quarters", m.group(0), re.I) \
                    and re.search(r"\b(?:in|from|among)\s+$", m.string[max(0, m.start() - 7):m.start()]):
                return None  # "fears in some quarters": among some people, not a time
            return "DURATION", duration_value("X", unit)
        if n >= 100000:
            return None  # "5,719,000 year": a figure, no length of time
        if m["half"]:
            n += 0.5
        if n != int(n):
            return mixed_duration(n, unit)
        return "DURATION", duration_value(str(int(n)), unit)

    def _range_duration(self, m: re.Match, ctx: Context) -> Result:
        if _AGE.match(m.string, m.end()):
            return None
        return "DURATION", duration_value("X", self.lex.unit[m["unit"].lower()])

    def _range_first(self, m: re.Match, ctx: Context) -> Result:
        n = self.lex.number_value(m["num"].lower())
        if n is None or n != int(n):
            return None
        return "DURATION", duration_value(str(int(n)), self.lex.unit[m["unit"].lower()])

    def _vague(self, m: re.Match, ctx: Context) -> Result:
        if _AGE.match(m.string, m.end()):
            return None
        if re.fullmatch(r"the\s+\w+", m.group(0), re.I) and re.match(r"\s+(?:before|after|since|following|leading|preceding|of)\b",
                                                                    m.string[m.end():m.end() + 12], re.I):
            return None  # "in the days before the attack": a time tied to an event, not a length
        if re.search(r"\b(?:early|small|wee|late)\s+$", m.string[max(0, m.start() - 6):m.start()], re.I):
            return None  # "the early hours of Thursday": a part of a day, not a length
        return "DURATION", duration_value("X", self.lex.unit[m["unit"].lower()[:-1]])

    def _set(self, m: re.Match, ctx: Context) -> Result:
        g = m.groupdict()
        if g.get("adv"):
            unit = {"daily": "D", "nightly": "D", "weekly": "W", "monthly": "M", "yearly": "Y", "annually": "Y",
                    "hourly": "H", "quarterly": "Q", "biweekly": "2W", "semiannually": "6M"}[g["adv"].lower()]
            return "SET", "P" + ("T1H" if unit == "H" else (unit if unit[0].isdigit() else "1" + unit))
        if g.get("unit"):
            unit = self.lex.unit[g["unit"].lower()]
            n = self.lex.number_value(g["num"]) if g.get("num") else (2 if g.get("other") else 1)
            if n is None or n != int(n) or (g.get("num") is None and m.group(0).lower().endswith(g["unit"].lower() + "s")):
                return None  # "every years" is no set
            return "SET", duration_value(str(int(n)), unit)
        if g.get("wd"):
            return "SET", f"XXXX-WXX-{self._wd(g['wd'])}"
        if g.get("month"):
            return "SET", f"XXXX-{self._mon(g['month']):02d}"
        return "SET", f"XXXX-{self.lex.season[g['season'].lower()]}"

    def _ref(self, m: re.Match, ctx: Context) -> Result:
        word = re.sub(r"\s+", " ", m["ref"].lower())
        if word == "now" and m.string.startswith(",", m.end()) and re.search(r"(?:^|[.!?\"'`]\s*|\n)$", m.string[max(0, m.start() - 3):m.start()]):
            return None  # "Now, he says, ...": a discourse marker opening the sentence
        if word in _PRESENT_REFS:
            return "DATE", "PRESENT_REF"
        if word in _FUTURE_REFS:
            return "DATE", "FUTURE_REF"
        return "DATE", "PAST_REF"

    def _soon(self, m: re.Match, ctx: Context) -> Result:
        modal = _SOMEDAY_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
        if ctx.tense == "past" and not modal and not ctx.standalone:  # "a trickle that soon became a flood": narrative
            return None
        return "DATE", "FUTURE_REF"

    def _recent_unit(self, m: re.Match, ctx: Context) -> Result:
        unit = m["unit"].lower()
        ahead = re.search(r"coming|future", m.group(0), re.I)
        if unit in ("months", "weeks", "days"):  # "in recent days": a stretch of days before now
            return "DURATION", duration_value("X", self.lex.unit[unit[:-1]])
        return "DATE", "FUTURE_REF" if ahead else "PAST_REF"

    def _year_end(self, m: re.Match, ctx: Context) -> Result:
        if ctx.anchor is None:
            return None
        since = re.search(r"\bsince\s+$", m.string[max(0, m.start() - 8):m.start()], re.I)
        return "DATE", str(ctx.anchor.year - (1 if since or ctx.anchor.month == 1 and ctx.tense == "past" else 0))

    def _full_year(self, m: re.Match, ctx: Context) -> Result:
        if ctx.ref_value and precision_of(ctx.ref_value) in ("quarter", "month", "day") and ctx.pos - ctx.ref_end < _NEAR:
            return "DATE", ctx.ref_value[:4]  # "the fourth quarter of 2005 and the entire year"
        return ("DATE", str(ctx.anchor.year)) if ctx.anchor else None

    def _that_day(self, m: re.Match, ctx: Context) -> Result:
        what = re.sub(r"\s+", " ", m["what"].lower())
        base = ctx.ref_day or ctx.anchor
        if base is None:
            return None
        step = 1 if ("next" in what or "following" in what or "after" in what) else (
            -1 if ("previous" in what or "before" in what) else 0)
        if step == 0 and ("that" in what or "same" in what) and ctx.ref_value and re.fullmatch(r"\d{4}-\d\d", ctx.ref_value):
            # "killed last October ... crossed out that same day": a day of the month named last, not of an earlier day
            value = ctx.ref_value + "-XX"
            return ("TIME", value + ("TNI" if what.endswith("night") else "TMO")) if what.endswith(("night", "morning")) else ("DATE", value)
        d = base + dt.timedelta(days=step)
        if what.endswith(("night", "morning")):
            return "TIME", d.isoformat() + ("TNI" if what.endswith("night") else "TMO")
        return "DATE", d.isoformat()

    def _then(self, m: re.Match, ctx: Context) -> Result:
        """'until then', 'by that time': the time last named, when it was named just before (else no time)."""
        ref = ctx.ref_value
        if not ref or not ref[:4].isdigit() or ctx.pos - ctx.ref_end > _NEAR:
            return None
        return "DATE", ref

    def _weekend(self, m: re.Match, ctx: Context) -> Result:
        if ctx.anchor is None:
            return "DATE", "XXXX-WXX-WE"
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        a = ctx.anchor
        if rel == "next" or (rel in ("this coming",) and a.isoweekday() < 6):
            step = 1 if a.isoweekday() >= 6 else 0
        elif rel in ("last", "this past"):
            step = -1
        elif a.isoweekday() >= 6 or ctx.tense == "future":
            step = 0
        else:
            step = -1
        if rel == "next" and a.isoweekday() < 6:
            step = 1
        return "DATE", iso_week(a + dt.timedelta(weeks=step)) + "-WE"

    def _the_unit(self, m: re.Match, ctx: Context) -> Result:
        unit = self.lex.unit[m["unit"].lower()]
        if ctx.anchor is None:
            return None
        if m.group(0).lower().startswith("that"):
            r = _reference_start(ctx, unit)
            return ("DATE", at_unit(r, unit)) if r else None
        if unit != "Y":
            return None
        if _PERIOD_END.match(m.string, m.end()):  # "the year ended June 30": a twelve-month period
            return "DURATION", "P1Y"
        return "DATE", at_unit(ctx.anchor, unit)


_FINER_OR_EQUAL = {"D": ("day",), "W": ("day", "week"), "M": ("day", "week", "month"),
                   "Q": ("day", "week", "month", "quarter"), "Y": ("day", "week", "month", "quarter", "half", "season", "year"),
                   "DE": ("day", "week", "month", "quarter", "half", "season", "year", "decade"),
                   "CE": ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century")}


def _reference_start(ctx: Context, unit: str) -> dt.date | None:
    """The first day of the time last mentioned, if it is precise enough to name a `unit` ("that day" needs a day)."""
    if ctx.ref_value and precision_of(ctx.ref_value) in _FINER_OR_EQUAL.get(unit, ()):
        return _range_start(ctx.ref_value)
    return None


def _range_start(value: str) -> dt.date | None:
    r = to_date_range(value)
    return r[0] if r else None


def precision_unit(value: str) -> str:
    """The anchor unit letter matching a value's precision."""
    return {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}.get(precision_of(value) or "", "Y")


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def mixed_duration(n: float, unit: str) -> Result:
    """A fractional duration in whole units plus the next smaller unit ("2 1/2 years" = P2Y6M), or None."""
    if unit in ("DE", "CE"):
        n, unit = n * (10 if unit == "DE" else 100), "Y"
        if n == int(n):
            return "DURATION", duration_value(str(int(n)), unit)
    whole, rest = int(n), n - int(n)
    if unit not in _SMALLER:
        return None
    small, per = _SMALLER[unit]
    part = rest * per
    if part != int(part):
        return None
    if not whole:
        return "DURATION", duration_value(str(int(part)), small)
    big, little = duration_value(str(whole), unit), duration_value(str(int(part)), small)
    if "T" in little and "T" not in big:
        return "DURATION", big + little[1:]
    return "DURATION", big + little.replace("PT", "").replace("P", "")


def duration_value(n: str, unit: str) -> str:
    """A TIMEX3 duration value: n units (n may be 'X')."""
    if unit in ("H", "MIN", "S"):
        return f"PT{n}{ {'H': 'H', 'MIN': 'M', 'S': 'S'}[unit] }"
    if unit == "DE":
        return f"P{int(n) * 10}Y" if n != "X" else "PXY"
    if unit == "CE":
        return f"P{int(n) * 100}Y" if n != "X" else "PXY"
    if unit == "FN":
        return f"P{int(n) * 2}W" if n != "X" else "PXW"
    return f"P{n}{unit}"
