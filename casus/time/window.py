"""The sentence around a time expression: the stretch of text its tense and the day of its saying are read in."""
from __future__ import annotations

import re

# a full stop, maybe with a closing quote, before the capital or quote opening the next sentence; a full stop
# after an initial or a title ("Daniel P. Davison", "Mr. Smith", "Feb. 1") ends no sentence
SENT_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|No|Lt|Mt|Ft))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Inc|Ltd|Jan|Feb|Mar|Apr|Aug|Sep|Oct|Nov|Dec|Sgt))"
                      r"(?<!\b(?:Corp|Sept|Prof|Capt))[.!?][\"'\u201d]?\s+(?=[A-Z\"'`\u201c])|\n")


def sentence_bounds(text: str, start: int, end: int | None = None, back: int = 400, ahead: int | None = None) -> tuple[int, int]:
    """The bounds of the sentence around text[start:end], looked for at most `back` characters before it and `ahead` after."""
    end = start if end is None else end
    lo = max(0, start - back)
    for m in SENT_END.finditer(text, lo, start + 1):  # +1: the look-ahead must see the first letter
        lo = m.end()
    hi = len(text) if ahead is None else min(len(text), end + ahead)
    m = SENT_END.search(text, end, hi)
    return lo, (m.start() if m else hi)
