"""The extractor's rules as named passes, in the manner of a multi-pass sieve.

A sentence's trigger candidates first go through the candidate passes (`candidates.py`): each may drop
a candidate ("the aim of another act") or rewrite it ("charged that" → accuse). Each surviving
candidate becomes a `Draft` that the event passes (`event_passes.py`) read and change in order: find
its arguments, borrow a doer, drop it when no political actor takes part, recode it, place it, build
its events. A pass is a small function with a name and a docstring; its order is the list's order.
`casus eval … --ablate NAME` switches an optional pass off (core passes, marked so, cannot be);
`docs/CODING.md` §9 lists them all.
"""
from casus.events.sieve.draft import Pass

__all__ = ["Pass", "pass_names"]


def pass_names() -> list[str]:
    """Names of the optional passes, candidate passes first, in the order they run."""
    from casus.events.sieve.candidates import CANDIDATE_PASSES
    from casus.events.sieve.event_passes import EVENT_PASSES

    return [p.name for p in (*CANDIDATE_PASSES, *EVENT_PASSES) if p.optional]
