"""Quoted runs in raw text, and whether each is a standalone quote rather than a quoted phrase.

Direct quotes are runs of text between double quotation marks (" “ ” '' ``), or single
‘ ’ marks that open a paragraph or follow a colon. A quote whose paragraph ends before its
closing mark runs to the end of that paragraph (the next paragraph usually reopens it).
Quoted phrases embedded in a clause ("called it “a disaster” on Monday") are not quotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from casus.model import Quote

DOUBLE = re.compile(r"''|``|[\"“”]")
SINGLE = re.compile(r"[‘’]")
_END_PUNCT = tuple(",.?!…—-:;")


@dataclass
class Marked:
    """A quoted run in the text: marks at open_at/close_at (close_at None when unclosed)."""

    open_at: int
    start: int
    end: int
    close_at: int | None


def _role(text: str, at: int, mark: str) -> str:
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + len(mark)] if at + len(mark) < len(text) else "\n"
    opens = (before.isspace() or before in "([—-:/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if mark in ("“", "``"):
        return "close" if closes and not opens and before.isalnum() and after.isspace() else "open"
    if mark == "”":
        return "open" if opens and not closes else "close"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "toggle"


def _ends_here(text: str, at: int) -> bool:
    return at >= len(text) or text[at].isspace() or text[at] in ".,;:?!)—-―"


_LINE = re.compile(r"[^\n]+")


def quoted_runs(text: str, lo: int = 0, hi: int | None = None) -> list[Marked]:
    """All runs of text between double quotation marks, line by line, in the lines of text[lo:hi]."""
    runs: list[Marked] = []
    for line in _LINE.finditer(text, lo, len(text) if hi is None else hi):
        open_at, mark_len = None, 0
        for m in DOUBLE.finditer(text, line.start(), line.end()):
            role = _role(text, m.start(), m.group())
            if open_at is None and role in ("open", "toggle"):
                open_at, mark_len = m.start(), len(m.group())
            elif open_at is not None and (role in ("close", "toggle") or _ends_here(text, m.end())):
                runs.append(Marked(open_at, open_at + mark_len, m.start(), m.start()))
                open_at = None
        if open_at is not None:
            runs.append(Marked(open_at, open_at + mark_len, line.end(), None))
        if not any(r.open_at >= line.start() for r in runs[-1:]):
            runs.extend(_single_runs(text, line.start(), line.end()))
    return runs


def _single_runs(text: str, lo: int, hi: int) -> list[Marked]:
    first = text[lo:hi].lstrip()
    at = hi - len(first)
    if not first.startswith("‘"):
        colon = text.find(": ‘", lo, hi)
        if colon < 0:
            return []
        at = colon + 2
    for m in SINGLE.finditer(text, at + 1, hi):
        nxt = text[m.end()] if m.end() < hi else " "
        if m.group() == "’" and not nxt.isalnum():
            return [Marked(at, at + 1, m.start(), m.start())]
    return []


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) without surrounding spaces and trailing commas."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def is_standalone(text: str, run: Marked, prev_close: int, verbs: frozenset[str]) -> bool:
    """A quote, not a quoted phrase inside a clause: judged by what stands before and after it."""
    line_start = text.rfind("\n", 0, run.open_at) + 1
    lo = max(line_start, prev_close)
    prefix = text[lo:run.open_at]
    cuts = [m.end() for m in re.finditer(r"[.?!][\"”’']?\s", prefix)]
    prefix = prefix[cuts[-1]:].rstrip() if cuts else prefix.rstrip()
    words = re.findall(r"[A-Za-z]+", prefix[-20:])
    ok_before = (not prefix or prefix.endswith((":", ",", "—", "-", "―", "…"))
                 or (words and _says(words[-1], verbs)))
    if not ok_before:
        return False
    inner = text[run.start:run.end].strip(" '’\xa0…")
    if prefix and inner[:1].islower() and not any(_says(w, verbs) for w in re.findall(r"[A-Za-z]+", prefix)):
        return False  # the sentence began before the mark: a mixed quote
    words = inner.split()
    if len(words) <= 5 and all(w[:1].isupper() for w in words) and not inner.endswith((".", "?", "!")):
        return False  # a title: "Citizen Carly"
    if run.close_at is None:
        return True
    after = text[run.close_at:run.close_at + 40].lstrip("'\"”“`").lstrip(" \t\xa0")
    return inner.endswith(_END_PUNCT) or not after or after[:1] in "\n.,;:?!)—-―"


def _says(word: str, verbs: frozenset[str]) -> bool:
    w = word.lower()
    if w in ("said", "told", "wrote", "put"):
        return True
    forms = [w] + [w[: -len(s)] + r for s, r in (("ied", "y"), ("ies", "y"), ("ed", ""), ("es", ""), ("s", ""), ("d", "")) if w.endswith(s)]
    return any(f in verbs for f in forms)


def continues(text: str, prev: Quote, run: Marked) -> bool:
    """Whether a quote opening its paragraph continues the previous quote's speech."""
    line_start = text.rfind("\n", 0, run.open_at) + 1
    if text[line_start:run.open_at].strip():
        between = text[prev.end:run.open_at]
        return "\n" not in between
    gap = text[prev.end:line_start]
    return gap.count("\n") <= 3 and len(gap) < 400
