"""Page chrome (menus, share buttons, cookie notices): which lines of a page are not the article."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_PATH = Path(__file__).with_name("data") / "chrome.txt"
KINDS = ("line", "prefix", "contains", "regex", "nav")
_TRIM = " \t.:|»›>•·-–—*"
_NAV_SEPARATORS = re.compile(r"[|•·»›/]")
_WORDS = re.compile(r"[^\s|•·»›/]+")
_MAX_PREFIX_LINE = 120
_MAX_CONTAINS_LINE = 300


@dataclass
class Chrome:
    """Phrase lists that recognise page-chrome lines; see data/chrome.txt for the format."""

    lines: set[str] = field(default_factory=set)
    prefixes: list[str] = field(default_factory=list)
    contains: list[str] = field(default_factory=list)
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    nav: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, *paths: str | Path) -> "Chrome":
        """Read one or more chrome files (the shipped list when none is given)."""
        chrome = cls()
        for path in paths or (DEFAULT_PATH,):
            for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
                if not raw.strip() or raw.lstrip().startswith("#"):
                    continue
                kind, sep, phrase = raw.partition("\t")
                phrase = phrase.strip().lower()
                if not sep or kind not in KINDS or not phrase:
                    raise ValueError(f"{path}:{number}: want KIND<TAB>PHRASE with KIND one of {', '.join(KINDS)}")
                chrome.add(kind, phrase)
        return chrome

    def add(self, kind: str, phrase: str) -> None:
        """Add one entry of the given kind."""
        phrase = phrase.lower()
        if kind == "line":
            self.lines.add(phrase.strip(_TRIM))
        elif kind == "prefix":
            self.prefixes.append(phrase)
        elif kind == "contains":
            self.contains.append(phrase)
        elif kind == "regex":
            self.patterns.append(re.compile(phrase))
        elif kind == "nav":
            self.nav.add(phrase)
        else:
            raise ValueError(f"unknown chrome kind {kind!r}")

    def is_chrome(self, line: str) -> bool:
        """True when the line is page chrome rather than article text."""
        if len(line) > _MAX_CONTAINS_LINE:
            return False
        low = " ".join(line.lower().split())
        trimmed = low.strip(_TRIM)
        if not trimmed:
            return bool(low) and not any(ch.isalnum() for ch in low) and len(low) > 2  # rules like "-----"
        if trimmed in self.lines or any(p.fullmatch(trimmed) for p in self.patterns):
            return True
        if any(phrase in low for phrase in self.contains):
            return True
        if len(low) <= _MAX_PREFIX_LINE and any(_starts_with(trimmed, p) for p in self.prefixes):
            return True
        return self._is_nav(low)

    def _is_nav(self, low: str) -> bool:
        words = _WORDS.findall(low)
        if len(words) < 2 or not all(w.strip(_TRIM) in self.nav for w in words):
            return False
        return len(words) >= 3 or bool(_NAV_SEPARATORS.search(low))


def _starts_with(line: str, prefix: str) -> bool:
    if not line.startswith(prefix):
        return False
    rest = line[len(prefix):]
    return not rest or not rest[0].isalnum() or not prefix[-1].isalnum()
