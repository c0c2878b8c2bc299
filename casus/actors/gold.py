"""Resolver-only accuracy on PLOVER-style gold: does the gold actor phrase resolve to the gold country?"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casus.model import ActorMention, Article

# CAMEO actor codes in PLOVER gold that are not ISO-3166 alpha-3
CAMEO_ALIASES = {"JAP": "JPN", "ITL": "ITA", "GMY": "DEU", "UKG": "GBR", "RUM": "ROU"}


@dataclass
class GoldActor:
    """One gold source or target: its phrase, where the phrase sits, country and (3-letter) sector."""

    record: str
    role: str
    text: str
    start: int
    end: int
    country: str
    sector: str | None


@dataclass
class Result:
    """Counts and the misses, for a report."""

    total: int = 0
    hits: int = 0
    sector_total: int = 0
    sector_hits: int = 0
    by_role: dict = field(default_factory=dict)
    misses: list[tuple[GoldActor, str, list[str]]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.hits / self.total if self.total else 0.0


def read_gold(path: Path) -> tuple[list[Article], list[list[GoldActor]]]:
    """Articles (one per gold sentence, report date from the record) and their gold actors."""
    arts, golds = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        text = r["text"]
        actors = []
        for role in ("source", "target"):
            for a in r.get(role) or []:
                code = CAMEO_ALIASES.get(a.get("code"), a.get("code"))
                at = text.find(a.get("text") or "\0")
                if not code or at < 0:
                    continue
                sec = a.get("sector")
                sec = sec[:3].upper() if sec and sec != "***" else None
                actors.append(GoldActor(r["id"], role, a["text"], at, at + len(a["text"]), code, sec))
        date = dt.date.fromisoformat(r["date"]) if r.get("date") else None
        arts.append(Article(id=r["id"], text=text, report_date=date, report_date_basis="given" if date else "none"))
        golds.append(actors)
    return arts, golds


def score(golds: Iterable[list[GoldActor]], mentions: Iterable[list[ActorMention]]) -> Result:
    """A gold actor is a hit when a mention overlapping its phrase has the gold country."""
    res = Result()
    for actors, ms in zip(golds, mentions):
        for g in actors:
            over = [m.actor for m in ms if m.actor.start < g.end and g.start < m.actor.end]
            hit = next((a for a in over if a.country == g.country), None)
            res.total += 1
            role = res.by_role.setdefault(g.role, [0, 0])
            role[1] += 1
            if hit is not None:
                res.hits += 1
                role[0] += 1
                if g.sector:
                    res.sector_total += 1
                    res.sector_hits += g.sector in hit.sector
            else:
                res.misses.append((g, g.country, [f"{a.text}={a.code}" for a in over]))
    return res


def run(path: Path, parser, resolver) -> Result:
    """Parse every gold sentence, resolve actors, score."""
    arts, golds = read_gold(path)
    return score(golds, (resolver.resolve(d) for d in parser.parse_many(arts)))
