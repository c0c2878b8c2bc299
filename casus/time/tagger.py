"""Find and normalise every time expression in a text (pure Python, precompiled regexes, no parser)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from casus.model import TimeRef
from casus.time.anchor import precision_of
from casus.time.lexicon import Lexicon, default
from casus.time.context import Context
from casus.time.rules import Gate, Grammar, Rule
from casus.time.speechday import from_saying
from casus.time.window import sentence_bounds

# modifiers that widen a span without changing its value ("early next year", "the end of 2008")
_LEFT_MOD = re.compile(
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder|course|latter\s+part|early\s+part)"
    r"\s+of\s+(?:the\s+)?|(?<![\w-])(?:early|earlier|late|later|mid)[\s-]+|mid-)$",
    re.I)
# "due to" a noun is a cause ("died due to complications"), not a schedule ("due to arrive"); "the next highest" ranks
_CAUSE = (r"\s+(?:the|a|an|his|her|its|their|our|this|that|these|those|[a-z]+(?:ion|ity|ness|ment|ure|ing)s?"
          r"|[a-z]*[^\Wsu]s)\b")
_SUPERLATIVE = (r"\s+(?:highest|largest|biggest|best|worst|most|closest|nearest|greatest|strongest|busiest|richest|oldest|"
                r"youngest|smallest|lowest|longest|fastest|deadliest)\b")
_FUTURE = re.compile(r"\b(?:will|won't|'ll|shall|should|might|going\s+to|plans?\s+to|planning|"
                     rf"(?<!been\s)(?<!was\s)(?<!were\s)(?:(?:expected|scheduled|set|slated|poised|ready|intends?|aims?)\s+to|due\s+to(?!{_CAUSE})|(?:(?<=\bis\s)|(?<=\bare\s))due\s+to)|"
                     r"(?:scheduled|slated|set|due)\s+for|"
                     r"(?:has|have)\s+scheduled|effective|payable|would|is\s+to|are\s+to|"
                     rf"planned\s+(?:to|for|a|an)|next(?!\s+to\b|\s+door\b|\s+of\s+kin\b|{_SUPERLATIVE})|upcoming|tomorrow|as\s+(?:soon|early)\s+as|until|starting|"
                     r"(?<!\bto\s)(?-i:meets?|begins?|opens|resumes?|convenes?|arrives?|travels|go(?:es)?\s+to\s+the\s+polls))\b", re.I)
# lower-case "-ed" words are past participles or past tense ("United", "unspecified" are not cues)
_PAST = re.compile(r"\b(?:was|were|had|did|said|says|told|ago|last|yesterday|earlier|since|has|have|been|"
                   r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?:brought|took|made|came|went|began|fell|rose|lost|won|sold|bought|paid|left|met|held|got|gave|"
                   r"saw|found|became|thought|knew|spent|built|sent|struck|fought|grew|wrote|ran|chose|drove|flew|"
                   r"broke|spoke|stood|shot|kept|felt|meant|sought|taught|caught|fled|slid|sank|swept|wore|died)|"
                   r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?-i:[a-z]{3,}ed)(?<!eed)(?<!unspecified)(?<!hundred)|agreed|freed)\b", re.I)
# a quoted title of two or more capitalised words ("This Week", ``High Noon'', "60 Minutes") names a work, not a time
_TITLE = re.compile(r"(?:\"|``|''|\u201c)((?:[A-Z0-9][\w'.-]*|of|the|and|with|in|for|a|on|to)"
                    r"(?:\s+(?:[A-Z0-9][\w'.-]*|of|the|and|with|in|for|a|on|to))+)[,.?!]?(?:\"|''|\u201d)")
_AND_DAY = re.compile(r"\s*(?:and|or|&)\s+([0-3]?\d)(?:st|nd|rd|th)?(?![.,]?\d|,?\s+\d)"
                      r"(?=[,.;:)!?\"']|\s*$|\s+(?:in|at|on|to|when|with|during|for|and|this|next|last|respectively)\b)")
# "the day before" or "the day after" just before a day: that day's neighbour ("the day after Christmas")
_DAY_STEP = re.compile(r"(?:\b[Tt]he\s+)?\b[Dd]ay\s+(?P<dir>before|after)\s+$")
# a verb that moves or stretches a time ahead, then the time it moves it to ("postponed until", "extended the
# loans through", "adjourned the case to")
_PUSHED = re.compile(r"\b(?:postponed|delayed|deferred|adjourned|extended|pushed\s+back|put\s+off|rescheduled)"
                     r"(?:\s+[^\s,;.]+){0,10}?\s+(?:until|till|to|through|into)\s+(?:early\s+|late\s+|mid-?|next\s+)?$", re.I)
_UNTIL_TAIL = r"(?:\s+(?!to\b|will\b|would\b)[^\s,;.]+){0,6}?\s+(?:until|till|up\s+to)\s+(?:early\s+|late\s+|mid-?)?$"


@lru_cache(maxsize=4)
def _lasted(lex: Lexicon) -> re.Pattern:
    """A past verb of a state that ran on ("lasted", "stayed", `lasting` in words.tsv), then "until" and a time."""
    if not lex.lasting:
        return re.compile(r"(?!)")  # a word list without such verbs: never
    return re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bhas\s)(?<!\bhave\s)"
                      rf"\b{lex.alternation('lasting')}\b{_UNTIL_TAIL}", re.I)


_DEADLINE = re.compile(r"\b(?:by|through|until|till)\s+$", re.I)


GATE_WORDS = ("today|tonight|yesterday|tomorrow|overnight|now|current|present|recent|lately|past|future|soon|"
              "weekend|daily|weekly|monthly|yearly|annual|hourly|nightly|biweekly|semiannual|twenties|thirties|"
              "forties|fifties|sixties|seventies|eighties|nineties|centur|decade|period|quarter|term|year|month|"
              "week|day|hour|minute|second|season|fiscal|noon|midnight|dawn|dusk|eve|ago|earlier|later|latest|"
              "previous|following|then|time|moment|era|once|every|each|per|fy")


@lru_cache(maxsize=4)
def _gate(lex: Lexicon) -> re.Pattern:
    """A regex that any time expression must hit: a digit, a lexicon word or a time word of the rules."""
    kinds = [lex.alternation(k) for k in ("month", "weekday", "ordinal", "unit", "season", "partofday", "holiday")
             if getattr(lex, k)]
    numbers = "|".join(re.escape(w) for w in sorted(lex.number, key=len, reverse=True) if w not in ("a", "an"))
    return re.compile(rf"\d|\b(?:{'|'.join(kinds)}|{numbers}|{GATE_WORDS})", re.I)


@lru_cache(maxsize=4)
def _gate_words(lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The gate's words as plain strings: single words (each must open a word of the text) and, for each phrase
    ("a couple of", "new year's day"), its longest run of letters (which the text must hold somewhere)."""
    words = [w.lower() for k in ("month", "weekday", "ordinal", "unit", "season", "partofday", "holiday")
             for w in getattr(lex, k)]
    words += [w.lower() for w in lex.number if w not in ("a", "an")] + GATE_WORDS.split("|")
    single = tuple(sorted({w for w in words if re.fullmatch(r"[a-z0-9]+", w)}))
    phrases = tuple(sorted({max(re.findall(r"[a-z0-9]+", w), key=len) for w in words if w not in single}))
    return single, phrases


_WORD_START = re.compile(r"\b\w")
_DIGIT = re.compile(r"\d")


def _may_hold_time(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """False when text[start:end] has no digit and no word of the gate: no rule can match there.

    Plain string tests on ASCII text (a superset of the gate's regex, which is kept for other text): a digit;
    a word of the text opening with a single gate word; a phrase's longest word anywhere."""
    chunk = text[start:end]
    if not chunk.isascii():
        return _gate(lex).search(text, start, end) is not None
    if _DIGIT.search(chunk):
        return True
    low = chunk.lower()
    single, phrases = _gate_words(lex)
    for m in _WORD_START.finditer(low):
        if low.startswith(single, m.start()):
            return True
    return any(w in low for w in phrases)


@lru_cache(maxsize=4)
def _grammar(lex: Lexicon) -> Grammar:
    return Grammar(lex)


@lru_cache(maxsize=4)
def _gate_plan(grammar: Grammar) -> tuple[list[Gate], list[int]]:
    """The grammar's distinct gates, and for each rule the index of its gate among them (-1: none)."""
    gates: list[Gate] = []
    index: dict[Gate, int] = {}
    which = []
    for rule in grammar.rules:
        if rule.needs is None:
            which.append(-1)
            continue
        if rule.needs not in index:
            index[rule.needs] = len(gates)
            gates.append(rule.needs)
        which.append(index[rule.needs])
    return gates, which


def prepare(lexicon: Lexicon | None = None) -> None:
    """Compile the grammar and its gates now (about a second), not while the first text is tagged."""
    lex = lexicon or default()
    _gate(lex)
    _gate_words(lex)
    _gate_plan(_grammar(lex))


def _tense(text: str, start: int, end: int, lex: Lexicon | None = None) -> str | None:
    """past or future from the nearest tense cue in the same sentence, or None."""
    left, right = sentence_bounds(text, start, end, back=120, ahead=100)
    if _PUSHED.search(text, max(left, start - 90), start):
        return "future"  # "the vote was postponed until March": a time an act moved ahead
    if _lasted(lex or default()).search(text, max(left, start - 90), start):
        return "past"  # "the strike lasted until Monday": a time a past state ran on to
    cues = sorted([(c.start(), c.end(), "future") for c in _FUTURE.finditer(text, left, right)]
                  + [(c.start(), c.end(), "past") for c in _PAST.finditer(text, left, right)])
    # "until Thursday" opening a clause: the preposition tells the deadline, the verb tells the tense
    before = [c for c in cues if c[1] <= start and start - c[1] <= 80
              and not (start - c[1] <= 1 and text[c[0]:c[1]].lower() == "until" and (c[0] == left or text[c[0] - 2] in ",;"))]
    if before:
        last_end = max(c[1] for c in before)
        return "future" if any(c[1] == last_end and c[2] == "future" for c in before) else "past"
    opens = not text[left:start].strip(" \t\"'`(\u201c") or re.fullmatch(r"\s*(?:On|At|By|In|Early|Late|Later|Earlier)\s+", text[left:start])
    after = [c for c in cues if c[0] >= end and (c[0] - end <= 60 or opens)]
    if after:
        return after[0][2]
    return "future" if _DEADLINE.search(text, max(0, start - 9), start) else None  # "pay down the loan by February"


def _candidates(grammar: Grammar, text: str, start: int, end: int) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """The longest non-overlapping rule matches as (start, end, rule index) in text order, and all matches longest first."""
    found = []
    lowered = text[start:end].lower()
    gates, which = _gate_plan(grammar)
    seen: list[bool | None] = [None] * len(gates)  # each distinct gate tested once per text (rules share gates)
    for i, rule in enumerate(grammar.rules):
        g = which[i]
        if g >= 0:
            hit = seen[g]
            if hit is None:
                hit = seen[g] = gates[g].present(lowered)
            if not hit:
                continue
        spans = [m.span() for m in rule.regex.finditer(text, start, end) if m.end() > m.start()]
        if any(text.find("\n", a, b) >= 0 for a, b in spans):  # no time runs across a line ("… until Friday\nSeptember 18")
            spans = [m.span() for a, b in _lines(text, start, end) for m in rule.regex.finditer(text, a, b) if m.end() > m.start()]
        found.extend((a, b, i) for a, b in spans)
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    chosen: list[tuple[int, int, int]] = []
    for s, e, i in found:
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, i))
    return sorted(chosen), found


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The bounds of each line of text[start:end]."""
    out, a = [], start
    while a <= end:
        b = text.find("\n", a, end)
        b = end if b < 0 else b
        out.append((a, b))
        a = b + 1
    return out


def _build(grammar: Grammar, text: str, s: int, e: int, i: int, ctx: Context) -> tuple[Rule, tuple[str, str] | None]:
    """Rule i's (type, value) for text[s:e] in context, or None."""
    rule = grammar.rules[i]
    line_end = text.find("\n", e)
    m = rule.regex.match(text, s, len(text) if line_end < 0 else line_end)  # a lookahead may look past the match, not the line
    if m is None or m.end() != e:
        return rule, None
    ctx.tense = _tense(text, s, e, grammar.lex)
    ctx.pos = s
    try:
        return rule, rule.build(m, ctx)
    except (OverflowError, ValueError):  # "40,000 weeks ago", "February 30": no calendar date
        return rule, None


def find_times(text: str, anchor: dt.date | None, *, start: int = 0, end: int | None = None,
               lexicon: Lexicon | None = None) -> list[TimeRef]:
    """All time expressions in text[start:end], with character offsets into `text` and values anchored on `anchor`."""
    end = len(text) if end is None else end
    lex = lexicon or default()
    if not _may_hold_time(text, start, end, lex):
        return []  # no digit and no time word: no rule can match (a cheap check before ~40 regexes)
    grammar = _grammar(lex)
    ctx = Context(anchor)
    out: list[TimeRef] = []
    titles = [t.span(1) for t in _TITLE.finditer(text, start, end)]
    chosen, found = _candidates(grammar, text, start, end)
    future_weekdays: dict[int, int] = {}  # index in out -> ISO weekday of a bare weekday read as to come
    deictic_days: dict[int, int] = {}  # index in out -> days from the report of "yesterday", "today", "tomorrow", "tonight"
    for k, (s, e, i) in enumerate(chosen):
        if any(ts <= s and e <= te for ts, te in titles):
            continue
        rule, result = _build(grammar, text, s, e, i, ctx)
        if result is None:  # "over an hour later" gives no value: let the shorter matches across it try
            lo, hi = (out[-1].end if out else start), (chosen[k + 1][0] if k + 1 < len(chosen) else end)
            for s2, e2, i2 in found:
                if s2 < e and s < e2 and lo <= s2 and e2 <= hi and (s2, e2) != (s, e):
                    rule, result = _build(grammar, text, s2, e2, i2, ctx)
                    if result is not None:
                        s, e = s2, e2
                        break
        if result is None:
            continue
        typ, value = result
        step = _DAY_STEP.search(text, max(start, s - 20), s) if typ == "DATE" and precision_of(value) == "day" else None
        if step and not (out and out[-1].end > step.start()):  # "the day before yesterday": one day, a step from the other
            s, value = step.start(), (dt.date.fromisoformat(value) + dt.timedelta(days=1 if step["dir"] == "after" else -1)).isoformat()
        elif rule.name == "weekday" and ctx.tense == "future":
            wd = _bare_weekday(grammar, text, s, e)
            if wd:
                future_weekdays[len(out)] = wd
        elif rule.name == "deictic" and anchor and re.match(r"\d{4}-\d\d-\d\d", value):
            deictic_days[len(out)] = (dt.date.fromisoformat(value[:10]) - anchor).days
        ext = _LEFT_MOD.search(text, max(start, s - 40), s)
        if ext and not (out and out[-1].end > ext.start()):
            s = ext.start()
        out.append(TimeRef(text[s:e], s, e, typ, value, precision_of(value)))
        prec = precision_of(value)
        if typ in ("DATE", "TIME") and prec and rule.sets_reference:
            if prec in ("day", "time"):
                ctx.ref_day = dt.date.fromisoformat(value[:10]) if value[:4].isdigit() else ctx.ref_day
            ctx.ref_value = value[:10] if prec == "time" else value
            ctx.ref_end = e
        if prec == "quarter" and rule.name in ("quarter", "the_quarter"):
            ctx.ref_quarter, ctx.quarter_end = value, e
        if rule.name in ("md", "dm") and prec == "day":
            second = _second_day(text, e, end, value)
            if second and not (k + 1 < len(chosen) and chosen[k + 1][0] < second.end):
                out.append(second)
    return from_saying(text, _clock_days(text, out), future_weekdays, anchor, deictic_days, lex)


# between a clock time and the day it is on: "local time", a time in brackets ("(1900 GMT)"), "on"
_CLOCK_TO_DAY = re.compile(r"(?:\s+local\s+time|\s*\([^()]{1,25}\))+\s*,?\s+(?:on\s+)?")
_IN_BRACKETS = re.compile(r"(?:\s+local\s+time)?\s*\([^()]{0,12}")


def _clock_days(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """The clock times written before their day ("at 10 p.m. local time on Monday", "at 10 p.m. (1900 GMT) on
    Monday") dated on that day, not on the report's or the last day named."""
    out = list(refs)
    for i, ref in enumerate(refs):
        if ref.type != "TIME" or not re.match(r"\d{4}-\d\d-\d\dT\d", ref.value):
            continue
        k = i + 1  # the next time not in brackets just after the clock's ("(1900 GMT)")
        while k < len(refs) and _IN_BRACKETS.fullmatch(text, ref.end, refs[k].start):
            k += 1
        if k == len(refs) or not _CLOCK_TO_DAY.fullmatch(text, ref.end, refs[k].start):
            continue
        if refs[k].type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", refs[k].value):
            for j in range(i, k):
                out[j] = replace(refs[j], value=refs[k].value + refs[j].value[10:])
    return out


@lru_cache(maxsize=16)
def _rule_named(grammar: Grammar, name: str) -> Rule:
    """The grammar's rule of this name."""
    return next(r for r in grammar.rules if r.name == name)


def _bare_weekday(grammar: Grammar, text: str, s: int, e: int) -> int | None:
    """The ISO weekday of a weekday match with no modifier and no date ("Monday", "Monday night"), else None."""
    m = _rule_named(grammar, "weekday").regex.match(text, s)
    if m is None or m.end() != e or m["rel"] or m["month"] or m["month2"]:
        return None
    return grammar.lex.weekday[m["wd"].lower().rstrip(".")]


def _second_day(text: str, at: int, end: int, value: str) -> TimeRef | None:
    """The bare day number of "April 24 and 25": a second date in the month just named."""
    m = _AND_DAY.match(text, at, end)
    if not m or int(m[1]) <= int(value[8:10]):
        return None
    try:
        day = dt.date(int(value[:4]), int(value[5:7]), int(m[1]))
    except ValueError:
        return None
    return TimeRef(m[1], m.start(1), m.end(1), "DATE", day.isoformat(), "day")
