"""The records the passes read and change: a pass, a sentence's view of its candidates, and a draft event."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from casus.events.modality.modality import Modality
from casus.events.roles.arguments import ActorIndex, Arg
from casus.events.triggers.triggers import Candidate
from casus.model import Event, EventDate, ParsedDoc, Quote, Token


@dataclass(frozen=True)
class Pass:
    """One named rule of the sieve; `optional` passes can be switched off (`--ablate NAME`), core ones not."""

    name: str
    run: Callable[..., Any]
    optional: bool = True

    @property
    def doc(self) -> str:
        """The pass's one-line description (its function's docstring)."""
        return (self.run.__doc__ or "").strip().splitlines()[0]


@dataclass
class SentenceView:
    """What a sentence's candidates say about each other, read once before any of them is coded."""

    claimed: set[int]  # tokens of every candidate trigger
    specific: set[int]  # nouns of a specific kind of force ("bombing", not "killing")
    yielding: set[int]  # verb rows whose object is a compound trigger of the same root ("went on hunger strike")
    covered: set[int]  # object words a verb row with that object already codes ("lifted sanctions")
    moods: dict[int, Modality]  # each candidate's modality
    cues: set[int]  # tokens that frame another act ("agreed to withdraw")
    rejected: set[int] = field(default_factory=set)  # appeal nouns naming their asker that a verb rejects
    refusals: dict[int, str] = field(default_factory=dict)  # rejecting verb → the refusal code of the act asked


@dataclass
class Draft:
    """One candidate on its way to events: the event passes fill and change these fields in order."""

    doc: ParsedDoc
    cand: Candidate
    index: ActorIndex
    attacher: Any
    report: Any
    mod: Modality
    quotes: Sequence[Quote] = ()
    source: Arg = field(default_factory=Arg)
    target: Arg = field(default_factory=Arg)
    base: str = ""  # the code after the actors' sectors, before the mode
    code: str = ""  # the code after the mode
    mode: str = ""
    reasons: list[str] = field(default_factory=list)
    date: EventDate | None = None
    place: Any = None
    pairs: list = field(default_factory=list)  # (source mention, target mention or None) per event
    events: list[Event] = field(default_factory=list)
    changed_by: list[str] = field(default_factory=list)  # optional passes that changed roles, code, mode or pairs

    def fingerprint(self) -> tuple:
        """What a pass may change that the event shows: its roles, code, mode and source-target pairs."""
        return (tuple(id(m) for m in self.source.mentions), tuple(id(m) for m in self.target.mentions),
                self.base, self.code, self.mode, len(self.pairs))

    def __post_init__(self) -> None:
        self.base = self.base or self.cand.entry.code

    @property
    def tok(self) -> Token:
        """The trigger token."""
        return self.cand.token

    @property
    def entry(self):
        """The lexicon (or detector) row of the trigger."""
        return self.cand.entry


def run_event_passes(ex, d: Draft, passes: Sequence[Pass]) -> bool:
    """Run the event passes in order; False when one drops the draft. Optional passes that change it are named in
    `d.changed_by`."""
    for p in passes:
        before = d.fingerprint() if p.optional else None
        if p.run(ex, d) is not None:
            return False
        if before is not None and d.fingerprint() != before:
            d.changed_by.append(p.name)
    return True
