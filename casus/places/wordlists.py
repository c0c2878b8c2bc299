"""Word-list files of the place finder (`casus/places/data/*.txt`): one lower-case word or phrase a line."""
from __future__ import annotations

from pathlib import Path


def load_words(path: Path) -> frozenset[str]:
    """One lower-case word a line; '#' starts a comment."""
    words = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)
