"""The records the actor resolver's parts pass each other: KB matches over tokens and mentions being drafted.

They live apart from resolve.py so that the rule modules (people, groups, modifiers, coref, speakers) can name
them without importing the resolver that imports them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from casus.actors.kb import Entry
from casus.model import Actor


@dataclass
class Match:
    """A KB hit over tokens [start, end)."""

    start: int
    end: int
    entries: list[Entry]

    def get(self, *categories: str) -> Entry | None:
        for e in self.entries:
            if e.category in categories:
                return e
        return None


@dataclass
class Draft:
    """A mention under construction; coref fills the ones that need context."""

    start: int
    end: int
    head: int
    actor: Actor
    needs: str | None = None  # None | 'country' ("the country's PM") | 'antecedent' ("the president")
    title: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)
