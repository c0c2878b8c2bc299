"""Whether a time word is used as a time: the words around a match that make it a name, a modifier or a generic use."""
from __future__ import annotations

import re

# a holiday name used as a modifier ("Christmas sales", "Easter week") is not the holiday's date
ATTRIBUTIVE = re.compile(r"\s+(?:and\s+[A-Z][\w']*(?:\s+[A-Z][\w']*)*\s+)?(?:sales|season|shopping|holidays?|period|trees?|"
                          r"part(?:y|ies)|cards?|gifts?|presents?|dinners?|lights|rush|spirit|markets?|bonus(?:es)?|"
                          r"break|vacation|weekend|week|truce|message|address|recess|shoppers|quarter|business|trade|travel|buying|demand)\b")
# "the last half of the '80s": a part of a decade, not of a year
OF_LONGER = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:'\d0s|\d{3}0'?s|decade|century|[a-z]+ties)\b", re.I)

# "the evening news", "the morning show": a part of the day naming a kind of thing
COMPOUND_HEAD = re.compile(r"\s+(?:news|show|shows|paper|papers|newspapers?|edition|bulletin|programme|program|prayers?|"
                            r"rush|commute|star|host|slot|broadcast|walk|run|service|mass)\b")

# "the morning of May 5": the date after it says which day
OF_DAY = re.compile(r"\s+of\s+(?:[A-Z][a-z]+day\b|[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z])")

# "today's youth", "today's GM": the present age, not the day
GENERIC_HEAD = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+)?(?:world|youth|young|society|generation|children|kids|families|women|men|"
                           r"people|culture|economy|technology|computers|standards|consumers|workers|voters|leaders|politics|"
                           r"[A-Z][A-Za-z]+(?=\s*(?:[,.;:!?)]|$|\s+(?:is|are|was|were|has|have|and|or)\b)))\b")

# words of a game and of money, telling "the second half" of a match from that of a year
_PLAY = re.compile(r"\b(?:scored?|scoring|goals?|tries|try|penalty|penalties|kick(?:ed|s)?|half-?time|minutes?|"
                   r"match|game|innings|whistle|referee|striker|touchdown|free-kick|corner|equali[sz]er)\b", re.I)
_MONEY = re.compile(r"\b(?:profits?|earnings|sales|revenues?|growth|economy|economic|fiscal|results|output|prices?|"
                    r"shares?|percent|dividends?|income|losses|deficit|GDP|inflation|market)\b|%", re.I)


def in_a_match(m: re.Match) -> bool:
    """Whether a bare 'the second half' sits among words of a game and none of money."""
    text = m.string
    left = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 200) + 1
    ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
    right = min(ends + [m.end() + 200])
    around = text[left:right]
    return bool(_PLAY.search(around)) and not _MONEY.search(around)
