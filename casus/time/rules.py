"""The time-expression grammar: one regex per form, each with a function giving its TIMEX3 type and value."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from casus.time.anchor import add_months, at_unit, iso_week, precision_of, shift
from casus.time.lexicon import Lexicon

_PAST_REFS = {"recently", "recent", "previously", "formerly", "the past", "in the past", "lately",
              "once", "earlier", "then"}
_PRESENT_REFS = {"now", "currently", "current", "nowadays", "these days", "the present", "at present",
                 "presently", "right now", "today's"}
_FUTURE_REFS = {"the future", "future", "in the future", "soon", "later", "the coming years"}


@dataclass
class Context:
    """What a value is anchored on: the report date, the tense around the expression, the last dates mentioned."""

    anchor: dt.date | None
    tense: str | None = None  # past | future | None
    ref_day: dt.date | None = None  # last day-precise date mentioned
    ref_value: str | None = None  # last date value mentioned
    ref_end: int = -10 ** 9  # where the reference mention ended
    pos: int = 0  # where the expression being normalised starts
    standalone: bool = False  # the text is known to be a time expression (no context checks)


Result = tuple[str, str] | None  # (type, value)
_NEAR = 300  # characters within which "a year earlier" follows the period last mentioned
_AGE = re.compile(r"[\s-]+old\b", re.I)  # "a 6-year-old": an age, not a duration


@dataclass(frozen=True)
class Rule:
    """A named regex and the function that turns its match into (type, value)."""

    name: str
    regex: re.Pattern
    build: Callable[[re.Match, Context], Result]
    sets_reference: bool = True  # False for values computed from an earlier mention ("a year earlier")


def _year2(y: str) -> int:
    n = int(y.lstrip("'"))
    return n if n >= 100 else (1900 + n if n > 30 else 2000 + n)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(ctx: Context, month: int, day: int | None) -> int | None:
    """The year of a month (and day) written without one: by tense, else the nearest to the anchor."""
    a = ctx.anchor
    if a is None:
        return None
    gap = month - a.month
    if ctx.tense == "future" and gap < -1:
        return a.year + 1
    if ctx.tense == "past" and gap > 2:
        return a.year - 1
    if ctx.tense is None and gap > 6:
        return a.year - 1
    return a.year


def _weekday_date(ctx: Context, wd: int, rel: str | None) -> dt.date | None:
    """The day a weekday name points at from the anchor, by its modifier or the tense."""
    a = ctx.anchor
    if a is None:
        return None
    rel = (rel or "").lower()
    diff = wd - a.isoweekday()
    if rel == "this":
        return a + dt.timedelta(days=diff)
    if rel in ("next", "coming"):
        return a + dt.timedelta(days=diff if diff > 0 else diff + 7)
    if not rel and ctx.tense == "future":
        return a + dt.timedelta(days=diff if diff >= 0 else diff + 7)
    if rel in ("last", "past"):
        return a + dt.timedelta(days=diff if diff < 0 else diff - 7)
    return a + dt.timedelta(days=diff if diff <= 0 else diff - 7)


class Grammar:
    """All rules over one lexicon; patterns are compiled once."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        L = lex
        MONTH = rf"(?P<month>{L.alternation('month', full=True)}|{L.alternation('month', full=False)}\.?)"
        WD = rf"(?P<wd>{L.alternation('weekday', full=True)}|{L.alternation('weekday', full=False)}\.?)"
        NUMW = L.alternation("number")
        NUM = rf"(?P<num>(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{NUMW}(?:-{NUMW})?)(?:\s+and\s+a\s+half)?)"
        UNIT = rf"(?P<unit>{L.alternation('unit')})"
        ORD = rf"(?P<ord>{L.alternation('ordinal')})"
        POD = rf"(?P<pod>{L.alternation('partofday')})"
        SEASON = rf"(?P<season>{L.alternation('season')})"
        DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        YEAR = r"(?P<year>1[0-9]\d\d|20\d\d|'\d\d)"
        B, E = r"(?<![\w$£€.,/-])", r"(?![\w])"
        self.rules: list[Rule] = []

        def add(name: str, pattern: str, build: Callable[[re.Match, Context], Result], flags: int = re.I,
                sets_reference: bool = True) -> None:
            self.rules.append(Rule(name, re.compile(B + pattern + E, flags), build, sets_reference))

        add("iso", r"(?P<year>\d{4})-(?P<m>[01]\d)-(?P<day>[0-3]\d)", self._ymd)
        add("slash", r"(?P<m>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)", self._ymd)
        add("mdy", rf"{MONTH}\s+{DAY},?\s+{YEAR}", self._ymd)
        add("dmy", rf"(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}", self._ymd)
        add("md", rf"{MONTH}\s+{DAY}(?!\s*,?\s*\d)", self._ymd)
        add("dm", rf"(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}", self._ymd)
        add("my", rf"(?:(?P<rel>last|next|this|early|late|mid-?)\s*)?{MONTH},?\s+(?:of\s+)?(?:{YEAR}|(?P<yrel>this|last|next)\s+year)", self._month)
        add("month", rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|early|late|mid-?)\s*)?{MONTH}", self._month)
        add("year", rf"(?:(?P<fy>fiscal|calendar|the\s+year|fy|model\s+year)\s*)?(?P<year>1[0-9]\d\d|20\d\d)(?![-–]\d|\s*%|\.\d|,\d|\s+(?:million|billion|percent|people|shares|troops)\b)", self._year)
        add("decade", r"(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<dec>1\d\d|20\d)0'?s|(?:the\s+|')(?P<dec2>[2-9])0'?s(?=\s+and\b|[\s,.;:)]|$)", self._decade)
        add("year2", r"(?<=\s)'(?P<year>\d\d)(?=[\s,.;:)]|$)", self._year)
        add("century", rf"(?:the\s+)?(?:(?P<cnum>\d{{1,2}})(?:st|nd|rd|th)|(?P<rel>this|last|next|the\s+past|the\s+last))\s+century", self._century)
        add("weekday", rf"(?:(?P<rel>last|next|this|coming|past)\s+)?{WD}(?:\s+{POD})?(?:\s*,?\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?)?", self._weekday)
        add("deictic", rf"(?:(?:early|earlier|late|later)\s+)?(?P<deictic>today|tonight|yesterday|tomorrow|overnight)(?:\s+{POD})?", self._deictic)
        add("this_pod", rf"(?P<rel>this|last|that|tomorrow|the)\s+{POD}", self._this_pod)
        add("rel_unit", rf"(?P<rel>last|next|this|this\s+past|coming|past|previous|current|following|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+current|the\s+following|the\s+same|that|the\s+latest|the\s+most\s+recent|earlier\s+this|later\s+this|early\s+this|late\s+this|earlier\s+that|later\s+that|early\s+next|late\s+next|early\s+last|late\s+last)\s+{UNIT}(?!s)", self._rel_unit)
        add("ago", rf"{NUM}[\s-]+{UNIT}s?\s+(?P<dir>ago|earlier|later|hence|from\s+now|previously)", self._ago, sets_reference=False)
        add("year_ago", r"(?:the\s+)?(?P<unit>year|month|quarter)[\s-](?P<dir>ago|earlier)(?:\s+(?P<what>period|quarter|level|month|year))?", self._year_ago, sets_reference=False)
        add("quarter", rf"(?:the\s+)?(?:(?P<ago>year[\s-]+(?:ago|earlier))\s+)?(?:(?P<fy>fiscal|calendar)\s+)?(?:(?P<year>\d{{4}})\s+)?{ORD}[\s-]+(?:fiscal\s+)?(?:-?\s*)?(?P<q>quarter|half)(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y2>\d{{4}})|(?P<rel>this|last|next)\s+year))?", self._quarter)
        add("the_quarter", r"the\s+(?P<rel>latest\s+|current\s+|recent\s+|most\s+recent\s+|same\s+)?(?P<q>quarter|period)", self._the_quarter, sets_reference=False)
        add("duration", rf"(?:(?P<det>the\s+past|the\s+last|the\s+next|the\s+first|the\s+coming|the\s+previous|the\s+following|the|past|last|next|first|another|over\s+the\s+past|over\s+the\s+last|more\s+than|less\s+than|about|nearly|almost|at\s+least|up\s+to|within)\s+)?{NUM}[\s-]+(?:more\s+|full\s+|straight\s+|consecutive\s+|long\s+|trading\s+|business\s+|working\s+|calendar\s+)?{UNIT}s?(?:[\s-]+long)?", self._duration)
        add("vague_dur", r"(?:the\s+)?(?:past\s+|last\s+|next\s+|coming\s+)?(?P<unit>years|months|weeks|decades|days|hours|minutes)", self._vague)
        add("season", rf"(?:(?P<rel>this|last|next|this\s+past|early|late|the)\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?", self._season)
        add("time", rf"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)|(?P<h24>[01]\d|2[0-3]):?(?P<min24>[0-5]\d)\s*(?=[A-Z]{{3}})|(?P<noon>noon|midnight|midday))(?:\s*(?P<tz>UTC|GMT|EST|EDT|CST|CDT|PST|PDT|[A-Z]ST|[A-Z]DT))?(?:,?\s+(?:on\s+)?(?:(?P<dword>today|yesterday|tomorrow|tonight)|{WD}|{MONTH}\s+{DAY}))?", self._time)
        add("set", rf"(?P<every>every|each|per)\s+(?:other\s+)?(?:{UNIT}|{WD}|{MONTH}|{SEASON})", self._set)
        add("set_adv", r"(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|semiannually)", self._set)
        add("ref", r"(?P<ref>now|currently|current|nowadays|these\s+days|the\s+present|at\s+present|presently|right\s+now|recently|recent|lately|in\s+the\s+past|the\s+past|in\s+the\s+future|the\s+future)", self._ref)
        add("recent_unit", r"(?:in\s+)?(?:recent|coming|past)\s+(?P<unit>years|months|weeks|days|decades)", self._recent_unit)
        add("that_day", r"(?P<what>that\s+same\s+day|the\s+same\s+day|that\s+day|the\s+next\s+day|the\s+following\s+day|the\s+previous\s+day|the\s+next\s+morning|that\s+night|that\s+morning|the\s+day(?!\s+(?:before|after|of|when|that|which|on|in|he|she|it|they|we|I|to)\b|[\s-]+(?:long|old)\b))", self._that_day, sets_reference=False)
        add("weekend", r"(?P<rel>the|this|last|next|this\s+past|this\s+coming|over\s+the)\s+weekend", self._weekend)
        add("term", r"the\s+(?:near|short|long|medium)\s+term|the\s+near\s+future", lambda m, c: ("DATE", "FUTURE_REF"))
        add("the_year", r"(?:the|that)\s+(?P<unit>year|month|week)(?!s|[\s-]+(?:ago|earlier|before))", self._the_unit)

    def _mon(self, word: str) -> int:
        return self.lex.month[word.lower().rstrip(".")]

    def _wd(self, word: str) -> int:
        return self.lex.weekday[word.lower().rstrip(".")]

    # ---- builders: each returns (type, value) or None ----

    def _ymd(self, m: re.Match, ctx: Context) -> Result:
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else self._mon(g["month"])
        day = int(g["day"])
        if g.get("month") and g["month"].lower() in ("may", "march", "sun", "sat", "mar") and not g["month"][0].isupper():
            return None
        year = _year2(g["year"]) if g.get("year") else _infer_year(ctx, month, day)
        if year is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
        d = _safe_date(year, month, day)
        return ("DATE", d.isoformat()) if d else None

    def _month(self, m: re.Match, ctx: Context) -> Result:
        g = m.groupdict()
        word = g["month"]
        month = self._mon(word)
        rel = (g.get("rel") or "").lower().rstrip("-")
        if not word[0].isupper() or (len(word) <= 4 and not word.endswith(".") and word.lower() not in ("may", "june", "july")
                                     and not g.get("year") and not g.get("yrel")):
            return None
        if not g.get("year") and not g.get("yrel") and word.lower() in ("may", "march") and not rel and not ctx.standalone:
            tail = m.string[m.end():m.end() + 12]
            if not re.match(r"\s*(?:[,.;:)]|of\b|and\b|to\b|through\b|\d)", tail) and not re.search(r"(?:in|since|until|by|from|of|early|late|mid|last|next|this|through|during)\s+$", m.string[max(0, m.start() - 10):m.start()]):
                return None
        if g.get("year"):
            year = _year2(g["year"])
        elif g.get("yrel") and ctx.anchor:
            year = ctx.anchor.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
        elif ctx.anchor is None:
            return "DATE", f"XXXX-{month:02d}"
        elif rel == "this":
            year = ctx.anchor.year
        elif rel in ("last", "this past"):
            year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
        elif rel in ("next", "this coming"):
            year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
        else:
            year = _infer_year(ctx, month, None)
        return "DATE", f"{year}-{month:02d}"

    def _year(self, m: re.Match, ctx: Context) -> Result:
        y = _year2(m["year"])
        if not m.groupdict().get("fy"):
            before = m.string[max(0, m.start() - 2):m.start()]
            if before.endswith(("$", "#", "No ", "No.")) or y > (ctx.anchor.year + 30 if ctx.anchor else 2100):
                return None
        return "DATE", str(y)

    def _decade(self, m: re.Match, ctx: Context) -> Result:
        if m["dec"]:
            return "DATE", m["dec"]
        return "DATE", f"19{m['dec2']}"

    def _century(self, m: re.Match, ctx: Context) -> Result:
        if m["cnum"]:
            return "DATE", f"{int(m['cnum']) - 1:02d}"
        if ctx.anchor is None:
            return None
        c = ctx.anchor.year // 100 + {"this": 0, "next": 1}.get(m["rel"].lower(), -1)
        return "DATE", f"{c:02d}"

    def _weekday(self, m: re.Match, ctx: Context) -> Result:
        word = m["wd"]
        if not word[0].isupper() or (len(word) <= 4 and word.lower() in ("sun", "sat", "wed", "mon", "thu", "fri", "tue") and not m.group(0).endswith(".")):
            return None
        if m["month"]:
            r = self._ymd(m, ctx)
            if r is None:
                return None
            value = r[1]
        else:
            if m.string.startswith("'s", m.end()):  # "Wednesday's ruling": a past event named by its day
                ctx = Context(ctx.anchor, "past")
            d = _weekday_date(ctx, self._wd(word), m["rel"])
            value = d.isoformat() if d else f"XXXX-WXX-{self._wd(word)}"
        if m["pod"]:
            return "TIME", value + "T" + self.lex.partofday[m["pod"].lower()]
        return "DATE", value

    def _deictic(self, m: re.Match, ctx: Context) -> Result:
        word = m["deictic"].lower()
        if ctx.anchor is None:
            return None
        d = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
        if word == "overnight":
            return "TIME", d.isoformat() + "TNI"
        pod = m["pod"] or ("night" if word == "tonight" else None)
        if pod:
            return "TIME", d.isoformat() + "T" + self.lex.partofday[pod.lower()]
        return "DATE", d.isoformat()

    def _this_pod(self, m: re.Match, ctx: Context) -> Result:
        rel, pod = m["rel"].lower(), self.lex.partofday[m["pod"].lower()]
        if ctx.anchor is None or pod == "NI" and rel == "the":
            return None
        base = ctx.ref_day if rel in ("that", "the") and ctx.ref_day else ctx.anchor
        d = base + dt.timedelta(days={"last": -1, "tomorrow": 1}.get(rel, 0))
        if rel == "last" and pod != "NI":
            return None
        return "TIME", f"{d.isoformat()}T{pod}"

    def _rel_unit(self, m: re.Match, ctx: Context) -> Result:
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        unit = self.lex.unit[m["unit"].lower()]
        a = ctx.anchor
        if unit in ("H", "MIN", "S") or a is None:
            return None
        last = rel.split()[-1]
        if rel in ("that", "the same") or (rel.startswith(("earlier", "later")) and last == "that"):
            if ctx.ref_value and precision_of(ctx.ref_value) in ("day", "week", "month", "quarter", "year"):
                r = _range_start(ctx.ref_value)
                return ("DATE", at_unit(r, unit)) if r else None
            return None
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

    def _ago(self, m: re.Match, ctx: Context) -> Result:
        n = self.lex.number_value(m["num"])
        unit = self.lex.unit[m["unit"].lower()]
        if ctx.anchor is None or unit in ("H", "MIN", "S", "WE"):
            return None
        sign = 1 if m["dir"].lower() in ("later", "hence", "from now") else -1
        if n is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        if n != int(n):
            return None
        base = ctx.anchor
        if m["dir"].lower() in ("earlier", "later") and ctx.ref_day:
            base = ctx.ref_day
        if unit == "Y" and ctx.ref_value and precision_of(ctx.ref_value) in ("quarter", "month", "day") \
                and ctx.pos - ctx.ref_end < _NEAR and m["dir"].lower() in ("earlier", "ago"):
            start = _range_start(ctx.ref_value)
            return "DATE", at_unit(shift(start, "Y", sign * int(n)), precision_unit(ctx.ref_value))
        d = shift(base, unit, sign * int(n))
        gran = {"W": "D", "FN": "D", "DE": "Y", "CE": "Y"}.get(unit, unit)
        return "DATE", at_unit(d, gran)

    def _year_ago(self, m: re.Match, ctx: Context) -> Result:
        if ctx.anchor is None:
            return None
        unit = self.lex.unit[m["unit"].lower()]
        ref = ctx.ref_value if ctx.ref_value and precision_of(ctx.ref_value) in ("quarter", "month") else None
        if (m["what"] or "").lower() in ("quarter", "period") and not ref:
            ref = at_unit(add_months(ctx.anchor, -3), "Q")
        if ref:
            r = _range_start(ref)
            return "DATE", at_unit(shift(r, unit, -1), precision_unit(ref))
        return "DATE", at_unit(shift(ctx.anchor, unit, -1), unit)

    def _quarter(self, m: re.Match, ctx: Context) -> Result:
        n = self.lex.ordinal[m["ord"].lower()]
        half = m["q"].lower() == "half"
        if half and n > 2:
            return None
        year = m["year"] or m["y2"]
        if year:
            y = int(year)
        elif ctx.anchor is None:
            return "DATE", f"XXXX-{'H' if half else 'Q'}{n}"
        else:
            y = ctx.anchor.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
            first_month = 6 * n - 5 if half else 3 * n - 2
            if not m["rel"] and ctx.tense == "past" and first_month > ctx.anchor.month:
                y -= 1
        if m["ago"]:
            y -= 1
        return "DATE", f"{y}-{'H' if half else 'Q'}{n}"

    def _the_quarter(self, m: re.Match, ctx: Context) -> Result:
        rel = (m["rel"] or "").strip().lower()
        if m["q"].lower() == "period":
            if rel == "same" and ctx.ref_value and precision_of(ctx.ref_value) == "quarter":
                return "DATE", ctx.ref_value
            return None
        if ctx.ref_value and precision_of(ctx.ref_value) == "quarter" and rel != "current":
            return "DATE", ctx.ref_value
        if ctx.anchor is None:
            return None
        d = ctx.anchor if rel == "current" else add_months(ctx.anchor, -3)
        return "DATE", at_unit(d, "Q")

    def _duration(self, m: re.Match, ctx: Context) -> Result:
        if _AGE.match(m.string, m.end()):
            return None
        unit = self.lex.unit[m["unit"].lower()]
        num = m["num"].lower()
        if unit == "WE" or (unit == "S" and num in ("a", "an")) or (unit == "Q" and "-" in m.group(0)):
            return None
        n = self.lex.number_value(num)
        if n is None:
            return "DURATION", duration_value("X", unit)
        if n != int(n):
            conv = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "M": ("D", 30)}.get(unit)
            if not conv:
                return None
            unit, n = conv[0], n * conv[1]
        return "DURATION", duration_value(str(int(n)), unit)

    def _vague(self, m: re.Match, ctx: Context) -> Result:
        return "DURATION", duration_value("X", self.lex.unit[m["unit"].lower()[:-1]])

    def _season(self, m: re.Match, ctx: Context) -> Result:
        rel = (m["rel"] or "").lower()
        code = self.lex.season[m["season"].lower()]
        if m["season"].lower() == "fall" and not m["year"] and rel in ("the", ""):
            return None
        if m["year"]:
            return "DATE", f"{_year2(m['year'])}-{code}"
        if ctx.anchor is None:
            return "DATE", f"XXXX-{code}"
        y = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
        return "DATE", f"{y}-{code}"

    def _time(self, m: re.Match, ctx: Context) -> Result:
        g = m.groupdict()
        if g["noon"]:
            h, mi = (12, 0) if g["noon"].lower() in ("noon", "midday") else (24, 0)
        elif g["h24"]:
            h, mi = int(g["h24"]), int(g["min24"])
            if not g["tz"]:
                return None
        else:
            h, mi = int(g["h"]), int(g["min"] or 0)
            if h > 12:
                return None
            if g["ap"].lower().startswith("p") and h < 12:
                h += 12
            elif g["ap"].lower().startswith("a") and h == 12:
                h = 0
        day = ctx.ref_day or ctx.anchor
        if g["dword"] and ctx.anchor:
            day = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(g["dword"].lower(), 0))
        elif g["wd"]:
            day = _weekday_date(ctx, self._wd(g["wd"]), None)
        elif g["month"]:
            r = self._ymd(m, ctx)
            day = dt.date.fromisoformat(r[1]) if r and r[1][0].isdigit() else day
        zone = "Z" if g["tz"] and g["tz"].upper() in ("UTC", "GMT") else ""
        stamp = f"T{h:02d}:{mi:02d}{zone}"
        return "TIME", (day.isoformat() if day else "XXXX-XX-XX") + stamp

    def _set(self, m: re.Match, ctx: Context) -> Result:
        g = m.groupdict()
        if g.get("adv"):
            unit = {"daily": "D", "nightly": "D", "weekly": "W", "monthly": "M", "yearly": "Y", "annually": "Y",
                    "hourly": "H", "quarterly": "Q", "biweekly": "2W", "semiannually": "6M"}[g["adv"].lower()]
            return "SET", "P" + ("T1H" if unit == "H" else (unit if unit[0].isdigit() else "1" + unit))
        if g.get("unit"):
            unit = self.lex.unit[g["unit"].lower()]
            return "SET", duration_value("1", unit)
        if g.get("wd"):
            return "SET", f"XXXX-WXX-{self._wd(g['wd'])}"
        if g.get("month"):
            return "SET", f"XXXX-{self._mon(g['month']):02d}"
        return "SET", f"XXXX-{self.lex.season[g['season'].lower()]}"

    def _ref(self, m: re.Match, ctx: Context) -> Result:
        word = re.sub(r"\s+", " ", m["ref"].lower())
        if word in _PRESENT_REFS:
            return "DATE", "PRESENT_REF"
        if word in _FUTURE_REFS:
            return "DATE", "FUTURE_REF"
        return "DATE", "PAST_REF"

    def _recent_unit(self, m: re.Match, ctx: Context) -> Result:
        unit = m["unit"].lower()
        if unit in ("months", "weeks", "days"):  # "in recent days": a stretch of days before now
            return "DURATION", duration_value("X", self.lex.unit[unit[:-1]])
        return "DATE", "FUTURE_REF" if "coming" in m.group(0).lower() else "PAST_REF"

    def _that_day(self, m: re.Match, ctx: Context) -> Result:
        what = re.sub(r"\s+", " ", m["what"].lower())
        base = ctx.ref_day or ctx.anchor
        if base is None:
            return None
        step = 1 if ("next" in what or "following" in what or "after" in what) else (
            -1 if ("previous" in what or "before" in what) else 0)
        d = base + dt.timedelta(days=step)
        if what.endswith(("night", "morning")):
            return "TIME", d.isoformat() + ("TNI" if what.endswith("night") else "TMO")
        return "DATE", d.isoformat()

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
            if ctx.ref_value and precision_of(ctx.ref_value) in ("day", "month", "year", "quarter"):
                r = _range_start(ctx.ref_value)
                return ("DATE", at_unit(r, unit)) if r else None
            return None
        if unit != "Y":
            return None
        return "DATE", at_unit(ctx.anchor, unit)


def _range_start(value: str) -> dt.date | None:
    from casus.time.anchor import to_date_range
    r = to_date_range(value)
    return r[0] if r else None


def precision_unit(value: str) -> str:
    """The anchor unit letter matching a value's precision."""
    return {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}.get(precision_of(value) or "", "Y")


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
