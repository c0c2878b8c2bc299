"""The record a time expression is normalised in: its anchor, the tense around it, the dates mentioned before it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class Context:
    """What a value is anchored on: the report date, the tense around the expression, the last dates mentioned."""

    anchor: dt.date | None
    tense: str | None = None  # past | future | None
    ref_day: dt.date | None = None  # last day-precise date mentioned
    ref_value: str | None = None  # last date value mentioned
    ref_end: int = -10 ** 9  # where the reference mention ended
    ref_quarter: str | None = None  # last quarter mentioned ("the third quarter", "the quarter")
    quarter_end: int = -10 ** 9  # where that mention ended
    pos: int = 0  # where the expression being normalised starts
    standalone: bool = False  # the text is known to be a time expression (no context checks)
