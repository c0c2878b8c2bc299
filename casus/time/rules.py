"""The time-expression grammar: one regex per form, each with a builder giving its TIMEX3 type and value.

The builders live in three modules by job: `dates` (days, months and clock times), `periods` (years,
decades, centuries, quarters, seasons) and `relative` (relative expressions, durations, sets and vague references).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from casus.time.context import Context
from casus.time.dates import DateRules
from casus.time.lexicon import Lexicon
from casus.time.relative import RelativeRules

__all__ = ["Context", "Gate", "Grammar", "Rule"]


Result = tuple[str, str] | None  # (type, value)


@dataclass(frozen=True)
class Rule:
    """A named regex and the function that turns its match into (type, value)."""

    name: str
    regex: re.Pattern
    build: Callable[[re.Match, Context], Result]
    sets_reference: bool = True  # False for values computed from an earlier mention ("a year earlier")
    needs: Gate | None = None  # text every match contains: texts without it skip the rule (a cheap test)


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Gate:
    """Text every match of a rule contains: a digit or one of some lower-case words. A sentence without it skips the rule."""

    words: tuple[str, ...] = ()
    digit: bool = False
    # every match holds one of the words followed by this (a regex; "s?": a plural) and no letter or digit
    ends: str | None = None
    after: re.Pattern | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.ends is not None and self.words:
            words = sorted(self.words, key=len, reverse=True)
            object.__setattr__(self, "after", re.compile(rf"(?:{'|'.join(map(re.escape, words))}){self.ends}(?!\w)"))

    def present(self, lowered: str) -> bool:
        """Whether the (already lower-cased) text holds the gate's text: plain substring tests, then for a word
        that must end a word (ASCII text) one regex."""
        if self.digit and _DIGIT.search(lowered):
            return True
        for w in self.words:  # a plain loop: a generator costs more than the tests themselves
            if w in lowered:
                break
        else:
            return False
        return self.after is None or not lowered.isascii() or self.after.search(lowered) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """`present` on text[pos:endpos], for callers holding the original text."""
        return self.present(text[pos:endpos].lower())


def _gate(*words: str, digit: bool = False, ends: str | None = None) -> Gate:
    return Gate(tuple(sorted(set(words))), digit, ends)


def _literal(phrase: str) -> str:
    """The longest word of a lexicon phrase that a match holds verbatim (no apostrophe: it may be curly)."""
    parts = [w for w in re.split(r"\s+", phrase.lower()) if "'" not in w and w]
    return max(parts, key=len) if parts else phrase.lower()


# for rules whose every match holds one of a few words: those words, looked for before the rule's own regex
NEEDS = {
    "decade": _gate("0s", "0's"), "century": _gate("century"), "week_of": _gate("week"),
    "unit_before": _gate("before", "previous", "prior", "earlier", "after"),
    "ago": _gate("ago", "earlier", "later", "hence", "now", "previously"), "year_period": _gate("period", "quarter"),
    "same_period": _gate("same", "corresponding", "comparable", "year"), "year_ago": _gate("ago", "earlier"),
    "half_by_quarters": _gate("quarters"), "q_abbrev": _gate(*(f"{a}{n}" for a in "qh" for n in "1234"),
                                                              *(f"{n}{a}" for a in "qh" for n in "1234")),
    "the_quarter": _gate("quarter", "period"), "pod_alone": _gate("morning", "afternoon", "evening"),
    "clock_pod": _gate("morning", "afternoon", "evening", "night"), "set": _gate("every", "each", "per"), "soon": _gate("soon"),
    "recent_unit": _gate("recent", "coming", "past", "future"), "that_day": _gate("day", "night", "morning"),
    "weekend": _gate("weekend"), "then": _gate("then", "that"), "year_end": _gate("end"), "full_year": _gate("full", "whole", "entire"),
    "term": _gate("term", "future"), "the_year": _gate("year", "month", "week"),
    "decade_word": _gate("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"),
    "deictic": _gate("today", "tonight", "yesterday", "tomorrow", "overnight"), "quarter": _gate("quarter", "half"),
    "vague_dur": _gate("years", "months", "weeks", "decades", "days", "hours", "minutes"),
    "time": _gate("noon", "midnight", "midday", digit=True),
    "set_adv": _gate("daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly", "biweekly", "semiannually"),
    "ref": _gate("now", "current", "days", "present", "recent", "lately", "past", "future"),
    "year": _gate(digit=True),
    # rarer than a digit in news (every sentence with a number or a price has one)
    "iso": _gate("-"), "slash": _gate("/"), "year2": _gate("'"), "fiscal_span": _gate("fiscal", "financial", "budget", "fy"),
    "year_words": _gate("eighteen", "nineteen", "thousand"),
}


def _lexicon_needs(L: Lexicon) -> dict[str, Gate]:
    """Gates for the rules built on a lexicon word class: every match holds a month name, a unit …"""
    def kind(name: str, ends: str | None = None) -> Gate:
        return _gate(*(_literal(w) for w in getattr(L, name)), ends=ends)

    # a month ("March", "Sept.") or a unit ("years", "week-long") ends a word in every match: not "market", "today"
    month, unit = kind("month", ends=""), kind("unit", ends="s?")
    table = {name: month for name in ("mdy", "dmy", "md", "dm", "my", "month")}
    table.update({name: unit for name in ("rel_unit", "duration", "range_dur", "range_first")})
    table.update(weekday=kind("weekday"), this_pod=kind("partofday"), season=kind("season"))
    if L.holiday:
        table["holiday"] = kind("holiday")
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

        needs = {**NEEDS, **_lexicon_needs(L)}  # equal gates are equal objects: the tagger tests each once per text

        def add(name: str, pattern: str, build: Callable[[re.Match, Context], Result], flags: int = re.I,
                sets_reference: bool = True) -> None:
            self.rules.append(Rule(name, re.compile(B + pattern + E, flags), build, sets_reference, needs.get(name)))

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
        # "fiscal 2025-26", "the 2025/26 financial year", "FY27": a fiscal year named, as "FY27" names it, by the year it ends in
        add("fiscal_span", r"(?:(?:fiscal(?:\s+year)?|financial\s+year|(?-i:FY))\s*(?P<y1>(?:19|20)\d\d)\s*[-\u2013/]\s*(?P<y2>\d\d(?:\d\d)?)"
                           r"|(?:the\s+)?(?P<y1b>(?:19|20)\d\d)\s*[-\u2013/]\s*(?P<y2b>\d\d(?:\d\d)?)\s+(?:fiscal|financial|budget)\s+year"
                           r"|(?-i:FY)\s?['\u2019]?(?P<yy>\d\d)(?!\d))", self._fiscal_span)
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
        # "until then", "by that time": the time last named; the preposition stays outside the expression ("since
        # then" opens a stretch that runs to now: not that time)
        add("then", r"(?:(?<=\buntil\s)|(?<=\btill\s)|(?<=\bby\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bfrom\s)"
                    r"|(?<=\bat\s))(?:then|that\s+(?:time|date))(?!-|\s+(?:on\b|onwards?\b|[a-z]+ed\b))", self._then,
            sets_reference=False)
        add("weekend", r"(?P<rel>the|this|last|next|this\s+past|this\s+coming|over\s+the)\s+weekend", self._weekend)
        add("year_end", r"(?:the\s+)?(?:year[\s-]+end|year's\s+end)", self._year_end)
        add("full_year", r"the\s+(?:full|whole|entire)\s+(?:fiscal\s+)?year", self._full_year)
        add("term", r"the\s+(?:near|short|long|medium)\s+term|the\s+near\s+future", lambda m, c: ("DATE", "FUTURE_REF"))
        add("the_year", r"(?:the|that)\s+(?:fiscal\s+)?(?P<unit>year|month|week)(?!s|[\s-]+(?:ago|earlier|before))", self._the_unit)

