"""Where a text may be cut: its paragraphs, and paragraph-aligned pieces of a long document.

A paragraph starts after a blank line or at an indented line (wire copy such as Reuters marks
paragraphs by indenting). A long document is coded piece by piece; each piece after the first
also re-reads the paragraphs just before it (its context) so that coreference and dates reaching
back over the border see what a short document would. See docs/SCALING.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PIECE_CHARS = 20_000  # a document longer than this is coded in pieces of at most this many characters
CONTEXT_CHARS = 2_000  # each later piece re-reads up to this much text before its own start

_PARAGRAPH_START = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]+\S)[ \t]*")
# where to cut a piece, best first: a blank line, a line end, a sentence end, any space
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?]['\"\u201d)]?\s+"), re.compile(r"\s+"))


@dataclass(frozen=True)
class Piece:
    """Characters [start, end) of a text to parse; the piece's own text (its events) begins at `own`."""

    start: int
    own: int
    end: int
    index: int = 0
    last: bool = True


def paragraph_starts(text: str) -> list[int]:
    """Offsets where the text's paragraphs begin (0 first), in order."""
    return [0, *(m.end() for m in _PARAGRAPH_START.finditer(text) if m.end() < len(text))]


def _cut(text: str, low: int, high: int) -> int:
    """The best place to end a piece that starts at low: a blank line, line end or sentence end in its
    second half, else anywhere in it, else the last space; at most `high`."""
    half = (low + high) // 2
    for pattern, floor in [*((p, half) for p in _CUTS[:3]), *((p, low + 1) for p in _CUTS)]:
        last = None
        for m in pattern.finditer(text, floor, high):
            last = m
        if last is not None and low < last.end() <= high:
            return last.end()
    return high


def _context_start(text: str, own: int, context: int) -> int:
    """The first paragraph start at most `context` characters before `own` (own itself if none)."""
    floor = max(0, own - context)
    if floor == 0 and context > 0:
        return 0
    for m in _PARAGRAPH_START.finditer(text, floor, own):
        if m.end() < own:
            return m.end()
    return own


def pieces(text: str, limit: int = PIECE_CHARS, context: int = CONTEXT_CHARS, end: int | None = None) -> list[Piece]:
    """Paragraph-aligned pieces covering text[:end] (all of it by default), each at most `limit` characters of its own."""
    end = len(text) if end is None else end
    if end <= limit:
        return [Piece(0, 0, end)]
    out: list[Piece] = []
    own = 0
    while own < end:
        stop = end if end - own <= limit else _cut(text, own, own + limit)
        start = _context_start(text, own, context) if own else 0
        out.append(Piece(start, own, stop, len(out), stop >= end))
        own = stop
    return out
