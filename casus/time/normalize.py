"""Normalise one time expression (e.g. a spaCy DATE entity's text) to a TIMEX3 type, value and precision."""
from __future__ import annotations

import datetime as dt
import re

from casus.time.anchor import precision_of
from casus.time.lexicon import Lexicon, default
from casus.time.context import Context
from casus.time.tagger import _grammar

_LEAD = re.compile(r"^(?:(?:on|in|at|during|since|by|until|till|from|for|of|over|as\s+of|before|after)\s+)+", re.I)


def normalize(expr: str, anchor: dt.date | None, tense: str | None = None,
              lexicon: Lexicon | None = None) -> tuple[str, str, str | None] | None:
    """(type, value, precision) of a whole expression against `anchor`; None if no rule reads all of it."""
    text = _LEAD.sub("", expr.strip().strip(",.;:").strip()) or expr.strip()
    grammar = _grammar(lexicon or default())
    ctx = Context(anchor, tense=tense.lower() if tense else None, standalone=True)
    for candidate in (text, re.sub(r"^(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?|^(?:early|late|mid)[\s-]+",
                                   "", text, flags=re.I)):
        for rule in grammar.rules:
            m = rule.regex.fullmatch(candidate)
            if m:
                result = rule.build(m, ctx)
                if result:
                    return result[0], result[1], precision_of(result[1])
    return None
