"""Phrase -> (country, sector) cases on a report date: read a case table, code each phrase in a sentence, score."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from casus.model import Article

FRAME = "{} said on Tuesday that the talks would go on."  # our own neutral sentence around each phrase


@dataclass(frozen=True)
class Case:
    """One phrase with the country and sector it should get on a date."""

    phrase: str
    date: dt.date
    country: str
    sector: str
    source: str = ""
    kind: str = ""


@dataclass
class Score:
    """Counts per source and kind, and the misses."""

    total: Counter = field(default_factory=Counter)
    country: Counter = field(default_factory=Counter)
    both: Counter = field(default_factory=Counter)
    misses: list[tuple[Case, str]] = field(default_factory=list)

    def rate(self, what: str, key: str = "all") -> float:
        n = self.total[key]
        return (self.country if what == "country" else self.both)[key] / n if n else 0.0


def read_cases(path: Path) -> list[Case]:
    """The rows of a case table (`# phrase date country sector source kind`)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        c = line.split("\t")
        out.append(Case(c[0], dt.date.fromisoformat(c[1]), c[2], c[3], *(c[4:6])))
    return out


def score(cases: list[Case], parser, resolver) -> Score:
    """Code each case's phrase in FRAME on its date; a hit: the mention over the phrase has the country (and sector)."""
    arts = [Article(id=f"case-{k}", text=FRAME.format(c.phrase), report_date=c.date, report_date_basis="given")
            for k, c in enumerate(cases)]
    res = Score()
    for case, doc in zip(cases, parser.parse_many(arts)):
        end = len(case.phrase)
        over = [m.actor for m in resolver.resolve(doc) if m.actor.start < end]
        got = next((a for a in over if a.country == case.country), over[0] if over else None)
        ok_c = got is not None and got.country == case.country
        ok_s = ok_c and case.sector in got.sector
        for key in ("all", case.source, f"{case.source}:{case.kind}"):
            res.total[key] += 1
            res.country[key] += ok_c
            res.both[key] += ok_s
        if not ok_s:
            res.misses.append((case, got.code or "-" if got is not None else "none"))
    return res
