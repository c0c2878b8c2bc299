"""Recoding acts by the sectors of their actors (CAMEO's 18x vs 19x), from a data file."""
from __future__ import annotations

from pathlib import Path

from casus.model import Actor


def load_sector_rules(path: Path | None = None) -> list[tuple[str, str, str, str]]:
    """Read the sector recoding rules (code, source sector, target sector, recode) from the data file."""
    path = path or Path(__file__).resolve().parent.parent / "data" / "sector_recode.tsv"
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, src, tgt, recode = (f.strip() for f in line.split("\t")[:4])
            rules.append((code, src, tgt, recode))
    return rules


def _sector_match(want: str, actor: Actor | None) -> bool:
    sectors = actor.sector if actor is not None else []
    return want == "*" or (want == "-" and not sectors) or want in sectors


def recode_by_sector(rules, code: str, source: Actor | None, target: Actor | None) -> str:
    """The code after the first sector rule that matches, else the code itself."""
    for c, src, tgt, recode in rules:
        if c == code and _sector_match(src, source) and _sector_match(tgt, target):
            return recode
    return code
