"""The time-expression grammar: one regex per form, each with a builder giving its TIMEX3 type and value.

The builders live in two modules by job: `dates` (calendar dates and clock times) and `relative`
(relative expressions, durations, sets and vague references).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from casus.time.dates import DateRules
from casus.time.lexicon import Lexicon
from casus.time.relative import RelativeRules


@dataclass
class Context:
    """What a value is anchored on: the report date, the tense around the expression, the last dates mentioned."""

    anchor: dt.date | None
    tense: str | None = None  # past | future | None
    ref_day: dt.date | None = None  # last day-precise date mentioned
    ref_value: str | None = None  # last date value mentioned
    ref_end: int = -10 ** 9  # where the reference mention ended
    ref_quarter: str | None = None  # last quarter mentioned ("the third quarter", "the quarter")
    quarter_end: int = -10 ** 9  # where that mention ended
    pos: int = 0  # where the expression being normalised starts
    standalone: bool = False  # the text is known to be a time expression (no context checks)


Result = tuple[str, str] | None  # (type, value)


@dataclass(frozen=True)
class Rule:
    """A named regex and the function that turns its match into (type, value)."""

    name: str
    regex: re.Pattern
    build: Callable[[re.Match, Context], Result]
    sets_reference: bool = True  # False for values computed from an earlier mention ("a year earlier")
    needs: re.Pattern | None = None  # a word every match contains: texts without it skip the rule (a cheap search)


# for rules whose every match holds one of a few words: that word, searched for before the rule's own regex
NEEDS = {
    "decade": r"0'?s", "century": r"century", "week_of": r"week\s", "unit_before": r"before|previous|prior|earlier|after",
    "ago": r"ago|earlier|later|hence|from\s+now|previously", "year_period": r"period|quarter",
    "same_period": r"same|corresponding|comparable|year\s+(?:ago|earlier|before)|year's", "year_ago": r"ago|earlier",
    "half_by_quarters": r"two\s+quarters", "q_abbrev": r"[QH][1-4]|[1-4][QH]", "the_quarter": r"quarter|period",
    "pod_alone": r"morning|afternoon|evening", "clock_pod": r"in\s+the\s", "set": r"every|each|per",
    "soon": r"soon", "recent_unit": r"recent|coming|past|future", "that_day": r"day|night|morning",
    "weekend": r"weekend", "year_end": r"end", "full_year": r"full|whole|entire", "term": r"term|future",
    "the_year": r"year|month|week",
}


def _lexicon_needs(L: Lexicon) -> dict[str, str]:
    """Gates for the rules built on a word class or on digits: every match holds a digit, a month name …"""
    month = f"{L.alternation('month', full=True)}|{L.alternation('month', full=False)}"
    weekday = f"{L.alternation('weekday', full=True)}|{L.alternation('weekday', full=False)}"
    unit = L.alternation("unit")
    table = {name: r"\d" for name in ("iso", "slash", "year", "year2", "decade")}
    table.update({name: month for name in ("mdy", "dmy", "md", "dm", "my", "month")})
    table.update({name: unit for name in ("rel_unit", "duration", "range_dur", "range_first")})
    table.update(weekday=weekday, this_pod=L.alternation("partofday"), season=L.alternation("season"),
                 decade_word="twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",
                 deictic="today|tonight|yesterday|tomorrow|overnight", quarter="quarter|half",
                 vague_dur="years|months|weeks|decades|days|hours|minutes", time=r"\d|noon|midnight|midday",
                 set_adv="daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|semiannually",
                 ref="now|current|days|present|recent|lately|past|future")
    if L.holiday:
        table["holiday"] = L.alternation("holiday")
    return table


class Grammar(DateRules, RelativeRules):
    """All rules over one lexicon; patterns are compiled once."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        L = lex
        MONTH = rf"(?P<month>{L.alternation('month', full=True)}|{L.alternation('month', full=False)}\.?)"
        WD = rf"(?P<wd>{L.alternation('weekday', full=True)}|{L.alternation('weekday', full=False)}\.?)"
        NUMW = L.alternation("number")
        NUM = (rf"(?P<num>(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2|\s?\u00bd)?|{L.compound_numbers()}|{NUMW}(?:-{NUMW})?)"
               r"(?:\s+and\s+a\s+half)?)")
        UNIT = rf"(?P<unit>{L.alternation('unit')})"
        ORD = rf"(?P<ord>{L.alternation('ordinal')})"
        POD = rf"(?P<pod>{L.alternation('partofday')})"
        SEASON = rf"(?P<season>{L.alternation('season')})"
        DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        YEARW = L.spelled_years()
        YEAR = rf"(?P<year>1[0-9]\d\d|20\d\d|'\d\d|{YEARW})"
        # a time may follow a hyphenated prefix ("mid-1996", "late-November", "post-1959")
        # one negative look-behind first: the prefixed forms are tried only after a hyphen
        B = r"(?<![\w$£€.,/])(?:(?<!-)|(?<=\bmid-|\bpre-)|(?<=\blate-|\bpost-)|(?<=\bearly-))"
        E = r"(?![\w])"
        self.rules: list[Rule] = []

        needs = {**_lexicon_needs(L), **NEEDS}
        compiled: dict[tuple[str, int], re.Pattern] = {}  # rules with the same gate share it: searched once

        def add(name: str, pattern: str, build: Callable[[re.Match, Context], Result], flags: int = re.I,
                sets_reference: bool = True) -> None:
            gate = compiled.setdefault((needs[name], flags), re.compile(needs[name], flags)) if name in needs else None
            self.rules.append(Rule(name, re.compile(B + pattern + E, flags), build, sets_reference, gate))

        add("iso", r"(?P<year>\d{4})-(?P<m>[01]\d)-(?P<day>[0-3]\d)", self._ymd)
        add("slash", r"(?P<m>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)", self._ymd)
        add("mdy", rf"{MONTH}\s+{DAY},?\s+{YEAR}", self._ymd)
        add("dmy", rf"(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}", self._ymd)
        add("md", rf"(?:(?P<mrel>last|next|this\s+past|this\s+coming)\s+)?{MONTH}\s+{DAY}(?!\s*,?\s*\d)", self._ymd)
        add("dm", rf"(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}", self._ymd)
        add("my", rf"(?:(?P<rel>last|next|this|early|late|mid-?)\s*)?{MONTH},?\s+(?:of\s+)?(?:{YEAR}|(?P<yrel>this|last|next)\s+year)", self._month)
        add("month", rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+previous|the\s+following|early|late|mid-?)\s*)?{MONTH}",
            self._month)
        add("year", rf"(?:(?P<fy>fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|fy|model\s+year)\s*)?(?P<year>1[0-9]\d\d|20\d\d)(?![-–]\d|\s*%|\.\d|,\d|\s+(?:million|billion|percent|people|shares|troops|index|hours)\b)", self._year)
        add("year_words", rf"(?P<the>the\s+year\s+)?(?P<year>{YEARW})(?!\s+(?:hundred|thousand|million|billion|percent)\b)",
            self._year_words)
        if L.holiday:
            add("holiday", rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<hol>{L.alternation('holiday')})"
                           rf"(?:,?\s+(?:of\s+)?{YEAR})?", self._holiday)
        add("decade_word", r"the\s+(?:(?:early|late|mid)[\s-]+)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
            lambda m, c: ("DATE", "19" + str(["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                                              "nineties"].index(m["dw"].lower()) + 2)))
        add("decade", r"(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<dec>1\d\d|20\d)0'?s|(?:the\s+|'|(?<=\d0s\sand\s)|(?<=\d0s\sor\s))(?P<dec2>[2-9])0'?s(?=\s+and\b|[\s,.;:)]|$)", self._decade)
        add("year2", r"(?<=\s)'(?P<year>\d\d)(?=[\s,.;:)]|$)", self._year)
        add("century", rf"(?:the\s+)?(?:(?P<cnum>\d{{1,2}})(?:st|nd|rd|th)|(?P<rel>this|last|next|the\s+past|the\s+last))\s+century", self._century)
        DM2 = (rf"(?:the\s+)?{DAY.replace('?P<day>', '?P<day2>')}\s+(?:of\s+)?{MONTH.replace('?P<month>', '?P<month2>')}"
               rf"(?:,?\s+{YEAR.replace('?P<year>', '?P<year2>')})?")  # British order: "Monday 6 December"
        add("weekday", rf"(?:(?P<rel>last|next|this|coming|past|the\s+previous|the\s+following)\s+)?{WD}(?:\s+{POD})?"
                       rf"(?:\s*,?\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|\s*,?\s+{DM2})?", self._weekday)
        add("deictic", rf"(?:(?:early|earlier|late|later)\s+|(?:early|mid|late)[\s-]?(?P<podb>morning|afternoon|evening)\s+)?(?P<deictic>today|tonight|yesterday|tomorrow|overnight)(?:\s+{POD})?", self._deictic)
        add("week_of", rf"the\s+week\s+(?:of|ending|ended|beginning|starting)\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?", self._week_of)
        add("this_pod", rf"(?P<rel>this|last|that|tomorrow|the)\s+{POD}", self._this_pod)
        add("rel_unit", rf"(?P<rel>last|next|this|this\s+past|coming|past|previous|current|following|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+current|the\s+following|the\s+same|that|the\s+latest|the\s+most\s+recent|earlier\s+this|later\s+this|early\s+this|late\s+this|earlier\s+that|later\s+that|early\s+next|late\s+next|early\s+last|late\s+last)\s+(?:fiscal\s+)?{UNIT}(?!s)", self._rel_unit)
        add("unit_before", r"the\s+(?P<unit>year|month|week|day)\s+(?P<dir>before|previous|prior|earlier|after)(?=\s*(?:[,.;:)\"'`]|$))",
            self._unit_before, sets_reference=False)
        add("ago", rf"(?:(?:almost|nearly|about|some|roughly|just|only|more\s+than|less\s+than|over)\s+)?"
                   rf"(?:(?P<halfa>half\s+an?)|{NUM})[\s-]+{UNIT}s?(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?"
                   rf"\s+(?P<dir>ago|earlier|later|hence|from\s+now|previously)", self._ago, sets_reference=False)
        add("year_period", r"the\s+(?P<year>1[0-9]\d\d|20\d\d)\s+(?:period|quarter)", self._year_period,
            sets_reference=False)
        add("same_period", r"(?:(?:the\s+)?(?:same|corresponding|comparable)\s+(?P<what>month|period|quarter|week)\s+"
                           r"(?:a\s+year\s+(?:ago|earlier|before)|(?:of\s+|in\s+)?last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year)"
                           r"|the\s+(?P<what2>month|period|quarter)\s+a\s+year\s+(?:ago|earlier|before)"
                           r"|last\s+year's\s+(?P<what3>month|period|quarter))",
            self._same_period, sets_reference=False)
        add("year_ago", r"(?:the\s+)?(?P<unit>year|month|quarter)[\s-](?P<dir>ago|earlier)(?:\s+(?P<what>period|quarter|level|month|year))?", self._year_ago, sets_reference=False)
        add("quarter", rf"(?:the\s+|(?P<rel0>this|last|next)\s+year's\s+)?(?:(?P<ago>year[\s-]+(?:ago|earlier))\s+)?(?:(?P<fy>fiscal|calendar)[\s-]+)?(?:(?P<year>\d{{4}})\s+)?(?:{ORD}|(?P<latter>latter|last)(?=\s+half))[\s-]+(?:fiscal\s+)?(?:-?\s*)?(?P<q>quarter|half)(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y2>\d{{4}})|(?P<rel>this|last|next)\s+year))?", self._quarter)
        add("half_by_quarters", r"the\s+(?P<which>first|last|final|second)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?(?P<year>1[0-9]\d\d|20\d\d)",
            lambda m, c: ("DATE", f"{m['year']}-H{1 if m['which'].lower() == 'first' else 2}"))
        add("q_abbrev", r"(?-i:(?P<qh>Q|H)(?P<n>[1-4])|(?P<n2>[1-4])(?P<qh2>Q|H))(?:[\s/-]?(?:FY\s?)?(?P<year>(?:19|20)\d\d|'\d\d))?",
            self._q_abbrev)
        add("the_quarter", r"the\s+(?P<rel>latest\s+|current\s+|recent\s+|most\s+recent\s+|same\s+)?(?P<q>quarter|period)", self._the_quarter, sets_reference=False)
        add("duration", rf"(?:(?P<det>the\s+past|the\s+last|the\s+next|the\s+first|the\s+coming|the\s+previous|the\s+following|the|past|last|next|first|another|over\s+the\s+past|over\s+the\s+last|more\s+than|less\s+than|about|nearly|almost|at\s+least|up\s+to|within|just\s+over|just\s+under|over|under|roughly|around)\s+)?{NUM}[\s-]+(?:more\s+|full\s+|additional\s+|extra\s+|further\s+|straight\s+|consecutive\s+|long\s+|trading\s+|business\s+|working\s+|calendar\s+)?{UNIT}s?(?P<half>\s+and\s+a\s+half)?(?:[\s-]+long)?", self._duration)
        RNUM = rf"(?:\d{{1,3}}(?:\.\d+)?|{NUMW})"
        # "12 to 18 months" is one vague length; "between 60 and 90 days" two lengths, the first taking the second's unit
        add("range_dur", rf"(?<!\bbetween\s)(?:(?:the\s+)?(?:next|past|last|coming)\s+)?{RNUM}\s*(?:to|-|–|or)\s*{NUM}[\s-]+{UNIT}s?",
            self._range_duration)
        add("range_first", rf"(?<=\bbetween\s)(?P<num>{RNUM})(?=\s+(?:and|to)\s+{RNUM}[\s-]+{UNIT}s?\b)", self._range_first)
        add("vague_dur", r"(?:the\s+)?(?:past\s+|last\s+|next\s+|coming\s+)?(?P<unit>years|months|weeks|decades|days|hours|minutes)", self._vague)
        add("season", rf"(?:(?P<rel>this|last|next|this\s+past|early|late|the)\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?", self._season)
        add("time", rf"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)|(?P<h24>[01]\d|2[0-3]):?(?P<min24>[0-5]\d)(?:\s*(?=[A-Z]{{3}})|(?P<hrs>\s+hours(?:\s+(?:local\s+time|local|GMT|gmt))?))|(?P<noon>noon|midnight|midday))(?:\s*(?P<tz>UTC|GMT|EST|EDT|CST|CDT|PST|PDT|[A-Z]ST|[A-Z]DT))?(?:,?\s+(?:on\s+)?(?:(?P<dword>today|yesterday|tomorrow|tonight)|{WD}|{MONTH}\s+{DAY}))?", self._time)
        add("pod_alone", r"(?:early|mid|late)[\s-]?(?P<pod>morning|afternoon|evening)(?![\s-]+(?:of|on|in|yesterday|today|tomorrow)\b)",
            self._pod_alone)
        add("clock_pod", r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\baround\s)|(?<=\babout\s))(?P<h>1[0-2]|[1-9])(?:[:.](?P<min>[0-5]\d))?"
                         r"\s+(?:o'clock\s+)?in\s+the\s+(?P<pod>morning|afternoon|evening|night)", self._clock_pod)
        add("set", rf"(?P<every>every|each|per)\s+(?:(?P<other>other)\s+|(?P<num>\d{{1,2}}|{NUMW})\s+)?(?:{UNIT}s?|{WD}|{MONTH}|{SEASON})", self._set)
        add("set_adv", r"(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|semiannually)", self._set)
        add("ref", r"(?P<ref>now|currently|current|nowadays|these\s+days|the\s+present|at\s+present|presently|right\s+now|recently|recent|lately|in\s+the\s+past|the\s+past|in\s+the\s+future|the\s+future)", self._ref)
        add("soon", r"as\s+soon\s+as\s+possible|(?:very\s+)?(?<!\bas\s)soon(?!\s+(?:after|afterwards?|before|thereafter|as)\b|-)",
            self._soon)
        add("recent_unit", r"(?:in\s+)?(?:recent|coming|past|future)\s+(?P<unit>years|months|weeks|days|decades|quarters)", self._recent_unit)
        WDN = L.alternation("weekday", full=True)  # "during the day Friday": a part of that weekday
        add("that_day", rf"(?P<what>that\s+same\s+day|the\s+same\s+day|that\s+day|the\s+next\s+day|the\s+following\s+day|the\s+previous\s+day|the\s+next\s+morning|that\s+night|that\s+morning|the\s+day(?!\s+(?:before|after|of|when|that|which|on|in|he|she|it|they|we|I|to|{WDN})\b|[\s-]+(?:long|old)\b))", self._that_day, sets_reference=False)
        add("weekend", r"(?P<rel>the|this|last|next|this\s+past|this\s+coming|over\s+the)\s+weekend", self._weekend)
        add("year_end", r"(?:the\s+)?(?:year[\s-]+end|year's\s+end)", self._year_end)
        add("full_year", r"the\s+(?:full|whole|entire)\s+(?:fiscal\s+)?year", self._full_year)
        add("term", r"the\s+(?:near|short|long|medium)\s+term|the\s+near\s+future", lambda m, c: ("DATE", "FUTURE_REF"))
        add("the_year", r"(?:the|that)\s+(?:fiscal\s+)?(?P<unit>year|month|week)(?!s|[\s-]+(?:ago|earlier|before))", self._the_unit)

