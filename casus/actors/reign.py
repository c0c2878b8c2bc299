"""Cross-check of the people table against REIGN leader spells (a CSV the user points to; nothing is copied)."""
from __future__ import annotations

import calendar
import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casus.actors.kb import Entry, fold

# Correlates of War state letters → ISO alpha-3, for the G20 states and the P5 (all P5 are in the G20)
COW_ISO = {"USA": "USA", "ARG": "ARG", "AUL": "AUS", "BRA": "BRA", "CAN": "CAN", "CHN": "CHN", "FRN": "FRA",
           "GMY": "DEU", "IND": "IND", "INS": "IDN", "ITA": "ITA", "JPN": "JPN", "ROK": "KOR", "MEX": "MEX",
           "RUS": "RUS", "SAU": "SAU", "SAF": "ZAF", "TUR": "TUR", "UKG": "GBR"}
TOLERANCE = dt.timedelta(days=31)
RELEASE = dt.date(2021, 3, 1)  # leaderlist_3_21: spells still open then may have ended since


@dataclass
class LeaderSpell:
    """One REIGN spell: start is a day, end a month (None = in office at release)."""

    country: str
    leader: str
    start: dt.date
    end_month: tuple[int, int] | None


@dataclass
class Report:
    """Coverage of REIGN spells by our people table, and the date disagreements beyond the tolerance."""

    spells: int = 0
    covered: list[tuple[LeaderSpell, str]] = field(default_factory=list)
    missing: list[LeaderSpell] = field(default_factory=list)
    disagreements: list[tuple[LeaderSpell, str, str]] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return len(self.covered) / self.spells if self.spells else 0.0


def read_reign(path: Path, countries: dict[str, str] = COW_ISO, since: int = 2000) -> list[LeaderSpell]:
    """REIGN spells of the given states that were running on or after 1 January of `since`."""
    out = []
    with open(path, encoding="latin-1", newline="") as fh:
        for r in csv.DictReader(fh):
            iso = countries.get(r["stateabb"])
            if iso is None or (r["eyear"] and int(r["eyear"]) < since):
                continue
            start = dt.date(int(r["syear"]), int(r["smonth"]), int(r["sdate"]))
            end = (int(r["eyear"]), int(r["emonth"])) if r["eyear"] else None
            out.append(LeaderSpell(iso, r["leader"], start, end))
    return out


def _words(name: str) -> set[str]:
    return {w for w in fold(name).replace(".", " ").replace("-", " ").replace(",", " ").split() if len(w) > 2}


def _spells(entry: Entry, country: str) -> list[tuple[dt.date, dt.date | None]]:
    return [(s.start, s.end) for s in entry.spells if s.country == country and s.start]


def _end_gap(ours: dt.date | None, theirs: tuple[int, int] | None) -> dt.timedelta:
    """How far our end date lies outside REIGN's end month (zero inside it)."""
    if ours is None or theirs is None:
        return dt.timedelta(0) if ours is None and theirs is None else dt.timedelta.max
    first = dt.date(theirs[0], theirs[1], 1)
    last = dt.date(theirs[0], theirs[1], calendar.monthrange(*theirs)[1])
    return max(first - ours, ours - last, dt.timedelta(0))


def compare(people: Iterable[tuple[list[str], Entry]], spells: list[LeaderSpell],
            released: dt.date = RELEASE) -> Report:
    """Match each REIGN spell to a person of the same country whose names share its surname and whose tenure overlaps."""
    merged: dict[str, tuple[Entry, set[str]]] = {}
    for aliases, e in people:
        old = merged.get(e.name)
        words = set().union(*(_words(a) for a in [e.name, *aliases]))
        if old is None:
            merged[e.name] = (e, words)
        else:
            merged[e.name] = (Entry(e.name, e.category, e.country, e.sectors, e.kind, old[0].spells + e.spells),
                              old[1] | words)
    rep = Report(spells=len(spells))
    for sp in spells:
        want = _words(sp.leader)
        end = dt.date(sp.end_month[0], sp.end_month[1], 28) if sp.end_month else released
        best = None
        for entry, words in merged.values():
            if not want & words:
                continue
            spans = [(a, b) for a, b in _spells(entry, sp.country) if min(end, b or dt.date.max) > max(sp.start, a)]
            overlap = sum(((min(end, b or dt.date.max) - max(sp.start, a)) for a, b in spans), dt.timedelta(0))
            if spans and (best is None or overlap > best[0]):
                best = (overlap, entry.name, spans)
        if best is None:
            rep.missing.append(sp)
            continue
        _, name, spans = best
        rep.covered.append((sp, name))
        # any of our spell boundaries may stand for REIGN's (one effective leader may hold several offices)
        a = min((a for a, _ in spans), key=lambda d: abs(d - sp.start))
        b = min((b for _, b in spans), key=lambda d: _end_gap(d, sp.end_month))
        notes = []
        if abs(a - sp.start) > TOLERANCE:
            notes.append(f"start ours {a} REIGN {sp.start}")
        if _end_gap(b, sp.end_month) > TOLERANCE and not (sp.end_month is None and b is not None and b >= released):
            notes.append(f"end ours {b or 'open'} REIGN {'%d-%02d' % sp.end_month if sp.end_month else 'open'}")
        if notes:
            rep.disagreements.append((sp, name, "; ".join(notes)))
    return rep
