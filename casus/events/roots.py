"""The `--roots` choice of CAMEO roots: '-01' drops public statements, '14,17,18' keeps only those roots."""
from __future__ import annotations

from dataclasses import dataclass

ROOTS = frozenset(f"{n:02d}" for n in range(1, 21))


@dataclass(frozen=True)
class RootChoice:
    """Roots to keep (empty: all) and roots to drop."""

    keep: frozenset[str] = frozenset()
    drop: frozenset[str] = frozenset()

    def admits(self, code: str) -> bool:
        """True if an event with this CAMEO code is kept."""
        root = code[:2]
        return root not in self.drop and (not self.keep or root in self.keep)

    def sql(self, column: str) -> tuple[str, list[str]]:
        """An SQL condition on a CAMEO code column and its parameters ('TRUE' when nothing is chosen)."""
        conds, params = [], []
        for names, word in ((self.keep, "IN"), (self.drop, "NOT IN")):
            if names:
                conds.append(f"substr({column}, 1, 2) {word} ({', '.join('?' * len(names))})")
                params += sorted(names)
        return (" AND ".join(conds) or "TRUE"), params


def parse_roots(spec: str | None) -> RootChoice:
    """Read '01,02' (keep these), '-01,-02' (drop these) or a mix; ValueError names a bad root."""
    keep, drop = set(), set()
    for part in (spec or "").split(","):
        part = part.strip()
        if not part:
            continue
        minus = part.startswith("-")
        root = part.lstrip("-").strip().zfill(2)
        if root not in ROOTS:
            raise ValueError(f"--roots: {part!r} is not a CAMEO root (01 … 20, '-' before one to drop it)")
        (drop if minus else keep).add(root)
    return RootChoice(frozenset(keep), frozenset(drop))
