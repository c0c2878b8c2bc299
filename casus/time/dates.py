"""Builders for days and months and clock times: explicit dates, months, weekdays, holidays, parts of the day, times.

Years and the periods longer than a month (decades, centuries, quarters, seasons) are built in `periods`."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from casus.time.anchor import iso_week
from casus.time.context import Context
from casus.time.holidays import holiday_date
from casus.time.lexicon import Lexicon
from casus.time.periods import PeriodRules
from casus.time.usage import ATTRIBUTIVE, COMPOUND_HEAD, GENERIC_HEAD, OF_DAY, PRESS_AFTER, PRESS_BEFORE
from casus.time.window import sentence_bounds

Result = tuple[str, str] | None  # (type, value)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(ctx: Context, month: int, day: int | None) -> int | None:
    """The year of a month (and day) written without one: by tense, else near the anchor, leaning to the past."""
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
    if ctx.tense is None and gap < -9:  # news tell the past more than the future: only the next two months look ahead
        return a.year + 1
    return a.year


# a past verb written just before "in <month>": "voted in March", "was signed in February" (not "is expected in
# March", "will be signed in March": a participle after a present or future auxiliary, or one of a schedule)
_DONE_IN = re.compile(r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bbeing\s)"
                      r"\b(?P<verb>[a-z]{3,}ed)\s+(?:on\s+|back\s+)?in\s+(?:early\s+|late\s+|mid-?)?$")
_SCHEDULED = frozenset({"expected", "scheduled", "planned", "slated", "timed", "billed", "pencilled", "penciled",
                        "tipped", "earmarked", "proposed", "intended", "hoped", "targeted", "aimed"})


def _done_in(text: str, at: int) -> bool:
    """Whether a month at `at` follows a past verb and "in" ("voted in March"), not a schedule's participle."""
    m = _DONE_IN.search(text, max(0, at - 40), at)
    return m is not None and m["verb"].lower() not in _SCHEDULED and not m["verb"].lower().endswith("eed")


def _weekday_date(ctx: Context, wd: int, rel: str | None) -> dt.date | None:
    """The day a weekday name points at from the anchor, by its modifier or the tense."""
    a = ctx.anchor
    if a is None:
        return None
    rel = re.sub(r"\s+", " ", (rel or "").lower())
    if rel in ("the previous", "the following"):  # counted from the day last mentioned
        base = ctx.ref_day or a
        step = (base.isoweekday() - wd) % 7 or 7
        return base - dt.timedelta(days=step) if rel == "the previous" else base + dt.timedelta(days=(wd - base.isoweekday()) % 7 or 7)
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


# a year opening its sentence, perhaps after "in" or "during", as the scene of the whole sentence ("In 1998, the
# treaty ...", "Last year the army ..."); not a year naming a thing ("In 1998 elections, ...")
_SCENE = re.compile(r"[\"'`\u201c(]*\s*(?:(?:back\s+|early\s+|late\s+|later\s+|earlier\s+)?(?:in|during)\s+)?"
                    r"(?:(?P<year>1[5-9]\d\d|20\d\d)|(?P<rel>last|this|next)\s+year)"
                    r"(?:\s*,|\s+(?=[A-Z]|(?:the|a|an|he|she|it|they|we|I|his|her|its|their|this|that|some|many|most|all)\b))", re.I)


def _sentence_year(ctx: Context, text: str) -> int | None:
    """The year a sentence is set in when it opens with a time naming a year and no more ("In 1998, ...",
    "Last year, ..."): a month or a day written without a year later in that sentence is in that year."""
    lo, _ = sentence_bounds(text, ctx.pos, back=300)
    m = _SCENE.match(text, lo, ctx.pos)
    if m is None or ctx.anchor is None and not m["year"]:
        return None
    return int(m["year"]) if m["year"] else ctx.anchor.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)


class _Fields(dict):
    """Named fields standing in for a regex match (the date part of a longer match)."""

    def groupdict(self) -> dict:
        return dict(self)


class DateRules(PeriodRules):
    """The day, month and clock-time builders of the grammar (with the periods' builders); each returns (type, value) or None."""

    lex: Lexicon

    def _mon(self, word: str) -> int:
        return self.lex.month[word.lower().rstrip(".")]

    def _wd(self, word: str) -> int:
        return self.lex.weekday[word.lower().rstrip(".")]

    def _ymd(self, m: re.Match, ctx: Context) -> Result:
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else self._mon(g["month"])
        day = int(g["day"])
        if g.get("month") and g["month"].lower() in ("may", "march", "sun", "sat", "mar") and not g["month"][0].isupper():
            return None
        year = self._yr(g["year"]) if g.get("year") else _infer_year(ctx, month, day)
        rel = re.sub(r"\s+", " ", (g.get("mrel") or "").lower())
        if not g.get("year") and not rel and isinstance(m, re.Match):
            year = _sentence_year(ctx, m.string) or year  # "In 1998, the treaty was signed on May 5"
        if rel and ctx.anchor:  # "last Oct. 23": the latest Oct. 23 before the report; "next May 5" the first after
            a = ctx.anchor
            later = (month, day) > (a.month, a.day)
            year = a.year - (1 if later else 0) if rel in ("last", "this past") else a.year + (0 if later else 1)
        if year is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
        d = _safe_date(year, month, day)
        return ("DATE", d.isoformat()) if d else None

    def _month(self, m: re.Match, ctx: Context) -> Result:
        g = m.groupdict()
        word = g["month"]
        month = self._mon(word)
        rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower().rstrip("-"))
        if not word[0].isupper() or (len(word) <= 4 and not word.endswith(".") and word.lower() not in ("may", "june", "july")
                                     and not g.get("year") and not g.get("yrel")):
            return None
        if not g.get("year") and not g.get("yrel") and word.lower() in ("may", "march") and not rel and not ctx.standalone:
            tail = m.string[m.end():m.end() + 12]
            before = m.string[max(0, m.start() - 10):m.start()]
            attributive = re.search(r"\b[Tt]he\s+$", before) and re.match(r"\s+[a-z]{3,}", tail)  # "the March accession"
            if not re.match(r"\s*(?:[,.;:)]|of\b|and\b|to\b|through\b|\d)", tail) and not attributive \
                    and not re.search(r"(?:in|since|until|by|from|of|early|late|mid|last|next|this|through|during)\s+$", before):
                return None
        if g.get("year"):
            year = self._yr(g["year"])
        elif g.get("yrel") and ctx.anchor:
            year = ctx.anchor.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
        elif ctx.anchor is None:
            return "DATE", f"XXXX-{month:02d}"
        elif rel == "this":
            year = ctx.anchor.year
        elif rel in ("last", "this past"):
            year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
            if rel == "last" and month == (ctx.anchor.month - 2) % 12 + 1 \
                    and not re.search(r"\bthe\s+$", m.string[max(0, m.start() - 8):m.start("rel")], re.I):
                year -= 1  # "down from last February" in March: the month before is "last month", so a year back
        elif rel in ("next", "this coming"):
            year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
        elif rel in ("the previous", "the following"):  # counted from the month last mentioned ("February ... the previous February")
            ref = dt.date.fromisoformat(ctx.ref_value[:7] + "-01") if ctx.ref_value and re.match(r"\d{4}-\d\d", ctx.ref_value) else ctx.anchor
            if rel == "the previous":
                year = ref.year if month < ref.month else ref.year - 1
            else:
                year = ref.year if month > ref.month else ref.year + 1
        elif _sentence_year(ctx, m.string):
            year = _sentence_year(ctx, m.string)  # "In 1998, the treaty was signed in May"
        else:
            year = _infer_year(ctx, month, None)
            if 0 < month - ctx.anchor.month <= 2 and _done_in(m.string, m.start()):
                year = ctx.anchor.year - 1  # "parliament voted in March" in a story of January: last year's March
        return "DATE", f"{year}-{month:02d}"

    def _holiday(self, m: re.Match, ctx: Context) -> Result:
        name = m["hol"]
        if not name[0].isupper() or ATTRIBUTIVE.match(m.string, m.end()):
            return None
        rule = self.lex.holiday[re.sub(r"\s+", " ", name.lower()).replace("\u2019", "'")]
        if m["year"]:
            y = self._yr(m["year"])
            d = holiday_date(rule, y) if y else None
            return ("DATE", d.isoformat()) if d else None
        a = ctx.anchor
        if a is None:
            return None
        near = [d for d in (holiday_date(rule, a.year + k) for k in (-1, 0, 1)) if d]
        before, after = [d for d in near if d < a], [d for d in near if d > a]
        rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
        if a in near and rel in ("", "this"):
            d = a
        elif rel in ("last", "this past") or (not rel and ctx.tense == "past"):
            d = max(before, default=None)
        elif rel in ("next", "this coming") or (not rel and ctx.tense == "future"):
            d = min(after, default=None)
        elif rel == "this":
            d = holiday_date(rule, a.year)
        else:
            d = min(near, key=lambda x: abs((x - a).days), default=None)
        return ("DATE", d.isoformat()) if d else None

    def _weekday(self, m: re.Match, ctx: Context) -> Result:
        word = m["wd"]
        if not word[0].isupper() or (len(word) <= 4 and word.lower() in ("sun", "sat", "wed", "mon", "thu", "fri", "tue") and not m.group(0).endswith(".")):
            return None
        if not (m["rel"] or m["month"] or m["month2"] or m["pod"]) and word.lower() in ("sunday", "saturday") and (
                PRESS_AFTER.match(m.string, m.end()) and not re.search(r"\bon\s+$", m.string[max(0, m.start() - 4):m.start()], re.I)
                or word.lower() == "sunday" and PRESS_BEFORE.search(m.string, max(0, m.start() - 20), m.start())):
            return None  # "told the Sunday Times", "according to The Mail on Sunday": a newspaper's name
        if m["month"] or m["month2"]:
            g = {"month": m["month"] or m["month2"], "day": m["day"] or m["day2"], "year": m["year"] or m["year2"]}
            r = self._ymd(_Fields(g), ctx)
            if r is None:
                return None
            value = r[1]
        else:
            if m.string.startswith("'s", m.end()):  # "Wednesday's ruling": a past event named by its day
                ctx = dataclasses.replace(ctx, tense="past")
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
        if m["deictic"] == "Today" and re.search(r"\b[A-Z][A-Za-z]*\s+$", m.string[max(0, m.start() - 12):m.start()]) \
                and m.start() == m.start("deictic"):
            return None  # "USA Today", "VOA Today": a title with a capital, not the day
        if word in ("today", "tomorrow") and GENERIC_HEAD.match(m.string, m.end()):
            return "DATE", "PRESENT_REF" if word == "today" else "FUTURE_REF"  # "today's youth": the present age, not a day
        if word == "tomorrow" and m.string[max(0, m.start() - 3):m.start()] == "of " and not m.string.startswith("'", m.end()):
            return "DATE", "FUTURE_REF"  # "the people of tomorrow"
        pod = m["pod"] or m["podb"] or ("night" if word == "tonight" else None)
        if pod:
            return "TIME", d.isoformat() + "T" + self.lex.partofday[pod.lower()]
        return "DATE", d.isoformat()

    def _week_of(self, m: re.Match, ctx: Context) -> Result:
        """'the week of March 6': the ISO week holding that day."""
        r = self._ymd(m, ctx)
        if r is None or not r[1][0].isdigit():
            return r
        return "DATE", iso_week(dt.date.fromisoformat(r[1]))

    def _this_pod(self, m: re.Match, ctx: Context) -> Result:
        rel, pod = m["rel"].lower(), self.lex.partofday[m["pod"].lower()]
        if ctx.anchor is None or pod == "NI" and rel == "the":
            return None
        if rel in ("the", "this", "that") and COMPOUND_HEAD.match(m.string, m.end()):
            return None  # "the evening news", "the morning show": a part of the day naming a kind of thing
        if rel == "the" and OF_DAY.match(m.string, m.end()):
            return None  # "the morning of May 5": the date that follows says which day; not the report date's morning
        base = ctx.ref_day if rel in ("that", "the") and ctx.ref_day else ctx.anchor
        d = base + dt.timedelta(days={"last": -1, "tomorrow": 1}.get(rel, 0))
        if rel == "last" and pod != "NI":
            return None
        return "TIME", f"{d.isoformat()}T{pod}"

    def _pod_alone(self, m: re.Match, ctx: Context) -> Result:
        """'by mid-afternoon': that part of the day last mentioned (else of the report date)."""
        day = ctx.ref_day or ctx.anchor
        return ("TIME", f"{day.isoformat()}T{self.lex.partofday[m['pod'].lower()]}") if day else None

    def _clock_pod(self, m: re.Match, ctx: Context) -> Result:
        """'at 4 in the morning', 'by 10 at night': a clock hour made a.m. or p.m. by the part of the day."""
        h, pod = int(m["h"]), m["pod"].lower()
        if pod == "morning":
            h = 0 if h == 12 else h
        elif not (pod == "night" and h < 5) and h < 12:
            h += 12
        day = ctx.ref_day or ctx.anchor
        return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{h:02d}:{int(m['min'] or 0):02d}"

    def _time(self, m: re.Match, ctx: Context) -> Result:
        g = m.groupdict()
        if g["noon"] and m.string[max(0, m.start() - 5):m.start()].lower() == "high ":
            return None  # "high noon": an idiom for a showdown
        if g["noon"]:
            h, mi = (12, 0) if g["noon"].lower() in ("noon", "midday") else (24, 0)
        elif g["h24"]:
            h, mi = int(g["h24"]), int(g["min24"])
            if not g["tz"] and not g["hrs"]:
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
