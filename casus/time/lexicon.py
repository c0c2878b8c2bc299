"""The time word lists (data/words.tsv) and the regex fragments built from them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from casus.time.holidays import DATA as HOLIDAYS
from casus.time.holidays import load as load_holidays

DATA = Path(__file__).resolve().parent / "data" / "words.tsv"


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Word → value tables for one language, read from a words.tsv file."""

    month: dict[str, int] = field(default_factory=dict)
    weekday: dict[str, int] = field(default_factory=dict)
    number: dict[str, str] = field(default_factory=dict)
    ordinal: dict[str, int] = field(default_factory=dict)
    unit: dict[str, str] = field(default_factory=dict)
    season: dict[str, str] = field(default_factory=dict)
    partofday: dict[str, str] = field(default_factory=dict)
    holiday: dict[str, str] = field(default_factory=dict)  # name → rule (see data/holidays.tsv)
    label: dict[str, str] = field(default_factory=dict)  # nouns a number names ("Section 1201"): no year follows
    lasting: dict[str, str] = field(default_factory=dict)  # past verbs of a state run on to a time → plain form
    saying: dict[str, str] = field(default_factory=dict)  # words of saying ("said", "statement") → verb | noun

    def alternation(self, kind: str, full: bool | None = None) -> str:
        """A regex alternation of one kind's words, longest first, spaces matching any whitespace.

        full=True keeps only words longer than four letters or "may"/"june"/"july", full=False only
        the other (abbreviated) ones, None all.
        """
        words = sorted(getattr(self, kind), key=len, reverse=True)
        if full is not None:
            words = [w for w in words if (len(w) > 4 or w in ("may", "june", "july")) == full]
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for w in words) + ")"

    def compound_numbers(self) -> str:
        """A regex for two-word numbers from twenty-one to ninety-nine, hyphenated or not ("twenty four")."""
        tens = [w for w, v in self.number.items() if v.isdigit() and int(v) in range(20, 100, 10)]
        ones = [w for w, v in self.number.items() if v.isdigit() and int(v) in range(1, 10) and " " not in w
                and w not in ("a", "an")]
        return rf"(?:{'|'.join(sorted(tens, key=len, reverse=True))})[\s-]+(?:{'|'.join(sorted(ones, key=len, reverse=True))})"

    def spelled_years(self) -> str:
        """A regex for years in words: "nineteen ninety-four", "two thousand (and) five", "two thousand"."""
        words = {w: int(v) for w, v in self.number.items() if v.isdigit() and " " not in w and w not in ("a", "an")}
        alt = lambda lo, hi: "|".join(sorted((w for w, v in words.items() if lo <= v <= hi), key=len, reverse=True))
        low = rf"(?:{self.compound_numbers()}|{alt(1, 99)})"
        return rf"(?:(?:eighteen|nineteen)\s+(?:{self.compound_numbers()}|{alt(10, 99)})|two\s+thousand(?:\s+(?:and\s+)?{low})?)"

    def year_value(self, text: str) -> int | None:
        """The year a spelled-out year names ("nineteen ninety-four" = 1994), or None."""
        t = re.sub(r"\s+", " ", text.lower().strip())
        if m := re.fullmatch(r"(eighteen|nineteen) (.+)", t):
            rest = self.number_value(m[2])
            return None if rest is None else (18 if m[1] == "eighteen" else 19) * 100 + int(rest)
        if m := re.fullmatch(r"two thousand(?: (?:and )?(.+))?", t):
            rest = self.number_value(m[1]) if m[1] else 0
            return None if rest is None else 2000 + int(rest)
        return None

    def number_value(self, text: str) -> float | None:
        """The value of a number written in digits or words ("12", "1,500", "5 1/2", "twenty-five"); None if vague ("several")."""
        t = re.sub(r"\s+", " ", text.lower().strip())
        digits = t.replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", digits):
            return float(digits)
        if m := re.fullmatch(r"(\d+)(?: 1/2| ?\u00bd)", digits):
            return float(m[1]) + 0.5
        if t in self.number:
            v = self.number[t]
            return None if v == "X" else float(v)
        if t.endswith(" and a half"):
            base = self.number_value(t[: -len(" and a half")])
            return None if base is None else base + 0.5
        parts = re.split(r"[\s-]", t)
        if len(parts) == 2 and not (self.number.get(parts[0], "X") not in ("X",) and float(self.number[parts[0]]) % 10 == 0
                                    and float(self.number[parts[0]]) >= 20):
            return None
        total = 0.0
        for part in parts:
            v = self.number.get(part)
            if v is None or v == "X":
                return None
            total = total * float(v) if float(v) == 100 and total else total + float(v)
        return total


def load(path: Path = DATA, holidays: Path | None = HOLIDAYS) -> Lexicon:
    """Read a words.tsv file and a holidays.tsv file (see their headers for the formats)."""
    tables: dict[str, dict] = {k: {} for k in ("month", "weekday", "number", "ordinal", "unit", "season", "partofday",
                                               "label", "lasting", "saying")}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in tables:
            raise ValueError(f"{path}:{n}: expected 'kind<TAB>word<TAB>value' with a known kind")
        kind, word, value = parts
        tables[kind][word.lower()] = int(value) if kind in ("month", "weekday", "ordinal") else value
    return Lexicon(**tables, holiday=load_holidays(holidays) if holidays else {})


@lru_cache(maxsize=4)
def default() -> Lexicon:
    """The lexicon shipped with casus."""
    return load(DATA, HOLIDAYS)
