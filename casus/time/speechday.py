"""Days in words said on an earlier day count from the day of the saying, not from the report.

'"Counting ends on Monday," the board said on Saturday' in a story of Thursday names the Monday after that
Saturday (three days before the report), not the Monday after the report: the speaker's "will" looks
ahead from the day they spoke. So do "yesterday", "today", "tomorrow" and "tonight" inside the quotation
marks of such a sentence: '"We shelled the depot yesterday," the colonel said on Tuesday' is Monday. The
tagger reads them from the report date; this pass moves them when their sentence dates a saying (a speech
verb or noun beside a day before the report).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from casus.model import TimeRef
from casus.time.lexicon import Lexicon, default
from casus.time.window import sentence_bounds


@lru_cache(maxsize=4)
def _day_cues(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """The regexes for a day of saying just before a time and just after one, from the `saying` words of words.tsv."""
    if not lex.saying:
        return re.compile(r"(?!)"), re.compile(r"(?!)")  # a word list without words of saying: no day of saying
    speech = lex.alternation("saying")
    # the day of a saying: "said on Saturday", "in a statement issued on Saturday", "on Saturday, the board said",
    # "Saturday's statement"
    before = re.compile(rf"\b{speech}\b(?:\s+[\w-]+){{0,2}}\s+(?:on\s+|late\s+|early\s+)?$", re.I)
    after = re.compile(rf"^(?:['\u2019]s\s+{speech}\b|\s*,?\s+(?:[\w.'-]+\s+){{0,7}}{speech}\b)", re.I)
    return before, after


_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def _saying_day(text: str, refs: list[TimeRef], lo: int, hi: int, report: dt.date, lex: Lexicon) -> dt.date | None:
    """The day before the report on which a sentence's words were said, if the sentence names one."""
    for r in refs:
        if not (lo <= r.start and r.end <= hi) or not _DAY.match(r.value):
            continue
        day = dt.date.fromisoformat(r.value[:10])
        if day >= report:
            continue
        before, after = _day_cues(lex)
        if before.search(text, max(lo, r.start - 40), r.start) or after.match(text[r.end:min(hi, r.end + 50)]):
            return day
    return None


def _quoted(text: str, lo: int, at: int) -> bool:
    """Whether character `at` lies inside quotation marks opened after `lo` (straight, curly or ``TeX'' quotes)."""
    before = text[lo:at]
    if before.count('"') % 2:
        return True
    opened = max(before.rfind("\u201c"), before.rfind("``"))
    return opened > max(before.rfind("\u201d"), before.rfind("''"))


def from_saying(text: str, refs: list[TimeRef], future_weekdays: dict[int, int], report: dt.date | None,
                deictic_days: dict[int, int] | None = None, lexicon: Lexicon | None = None) -> list[TimeRef]:
    """The times with each future weekday (index → ISO weekday) and each quoted deictic day (index → days after
    the saying: yesterday -1, today 0, tomorrow 1) counted from the day its sentence was said."""
    if report is None or not (future_weekdays or deictic_days):
        return refs
    lex = lexicon or default()
    out = list(refs)
    for i, step in (deictic_days or {}).items():
        ref = refs[i]
        lo, hi = sentence_bounds(text, ref.start, ref.end)
        if not _quoted(text, lo, ref.start):
            continue
        said = _saying_day(text, [r for k, r in enumerate(refs) if k != i], lo, hi, report, lex)
        if said is not None:
            out[i] = replace(ref, value=(said + dt.timedelta(days=step)).isoformat() + ref.value[10:])
    for i, wd in future_weekdays.items():
        ref = refs[i]
        lo, hi = sentence_bounds(text, ref.start, ref.end)
        said = _saying_day(text, [r for k, r in enumerate(refs) if k != i], lo, hi, report, lex)
        if said is None:
            continue
        day = said + dt.timedelta(days=(wd - said.isoweekday()) % 7)
        if day.isoformat() < ref.value[:10]:
            out[i] = replace(ref, value=day.isoformat() + ref.value[10:])
    return out
