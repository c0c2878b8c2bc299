"""Whether a time word is used as a time: the words around a match that make it a name, a modifier or a generic use."""
from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "usage.tsv"


def load(path: Path = DATA) -> dict[str, list[str]]:
    """Read a usage.tsv file: kind → words (see its header for the format)."""
    kinds: dict[str, list[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{path}:{n}: expected 'kind<TAB>word'")
        kinds.setdefault(parts[0], []).append(parts[1])
    return kinds


def _words(words: list[str]) -> str:
    """An alternation of whole words, longest first; a sign like '%' matches wherever it stands."""
    alts = [rf"\b{re.escape(w)}\b" if w[0].isalnum() else re.escape(w) for w in sorted(words, key=len, reverse=True)]
    return "(?:" + "|".join(alts) + ")"


_W = load()

# a holiday name used as a modifier ("Christmas sales", "Easter week") is not the holiday's date
ATTRIBUTIVE = re.compile(rf"\s+(?:and\s+[A-Z][\w']*(?:\s+[A-Z][\w']*)*\s+)?{_words(_W['holiday_modifier'])}")
# "the last half of the '80s": a part of a decade, not of a year
OF_LONGER = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:'\d0s|\d{3}0'?s|decade|century|[a-z]+ties)\b", re.I)
# "the evening news", "the morning show": a part of the day naming a kind of thing
COMPOUND_HEAD = re.compile(rf"\s+{_words(_W['daypart_compound'])}")
# "the morning of May 5": the date after it says which day
OF_DAY = re.compile(r"\s+of\s+(?:[A-Z][a-z]+day\b|[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z])")
# "today's youth", "today's GM" (a name ending its phrase): the present age, not the day
GENERIC_HEAD = re.compile(rf"['\u2019]s\s+(?:[a-z]+\s+)?(?:{_words(_W['generic_present'])}|"
                          r"[A-Z][A-Za-z]+(?=\s*(?:[,.;:!?)]|$|\s+(?:is|are|was|were|has|have|and|or)\b)))\b")
# "the Sunday Times", "The Mail on Sunday": a newspaper's name, not a day (the capital is part of the cue)
PRESS_AFTER = re.compile(rf"\s+{_words(_W['press_after'])}")
PRESS_BEFORE = re.compile(rf"{_words(_W['press_before'])}\s+on\s+$")
# words of a game and of money, telling "the second half" of a match from that of a year
_PLAY = re.compile(_words(_W["play"]), re.I)
_MONEY = re.compile(_words(_W["money"]), re.I)


def in_a_match(m: re.Match) -> bool:
    """Whether a bare 'the second half' sits among words of a game and none of money."""
    text = m.string
    left = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 200) + 1
    ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
    right = min(ends + [m.end() + 200])
    around = text[left:right]
    return bool(_PLAY.search(around)) and not _MONEY.search(around)
