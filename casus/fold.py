"""Fold repeated mentions of one act inside an article into one event with its evidence."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from casus.model import Actor, Event, Place

# Roots and codes whose direction carries no meaning: A meets B == B meets A.
RECIPROCAL_ROOTS = frozenset({"04", "05", "19"})
RECIPROCAL_CODES = frozenset({"036"})

DATE_BASIS_RANK = {"explicit": 4, "relative": 3, "dateline": 2, "report": 1}
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
PLACE_BASIS_RANK = {"clause": 4, "sentence": 3, "paragraph": 2, "article": 1, "dateline": 1}


def is_reciprocal(code: str) -> bool:
    """True if the CAMEO code names an act with no direction (consult, cooperate, fight)."""
    return code[:2] in RECIPROCAL_ROOTS or code[:3] in RECIPROCAL_CODES


def actor_key(actor: Actor | None) -> str | None:
    """The identity of an actor for folding: its code, else its lower-cased name or text."""
    if actor is None:
        return None
    if actor.code:
        return actor.code
    return (actor.name or actor.text or "").strip().lower() or None


def codes_compatible(a: str, b: str) -> bool:
    """Same root and same 3-digit family, or one code a prefix of the other."""
    if a[:2] != b[:2]:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    return len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3]


def dates_compatible(a: Event, b: Event) -> bool:
    """Same date value, or one of the two only falls back on the report date."""
    if a.date.basis == "report" or b.date.basis == "report":
        return True
    return a.date.value == b.date.value


def dyad_compatible(a: Event, b: Event) -> bool:
    """Same source and target; either direction when the act is reciprocal."""
    sa, ta, sb, tb = actor_key(a.source), actor_key(a.target), actor_key(b.source), actor_key(b.target)
    if (sa, ta) == (sb, tb):
        return True
    return is_reciprocal(a.cameo.code) and is_reciprocal(b.cameo.code) and (sa, ta) == (tb, sb)


def same_act(a: Event, b: Event) -> bool:
    """True if two events of one article report the same act."""
    return (
        a.mode == b.mode
        and codes_compatible(a.cameo.code, b.cameo.code)
        and dyad_compatible(a, b)
        and dates_compatible(a, b)
    )


def evidence_of(event: Event) -> dict[str, Any]:
    """The evidence record of one mention: where it was read and what it said."""
    ev: dict[str, Any] = {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "text": event.text,
        "trigger": {"text": event.trigger.text, "start": event.trigger.start, "end": event.trigger.end},
        "source_text": None if event.source is None else event.source.text,
        "target_text": None if event.target is None else event.target.text,
        "report_date": event.report_date,
    }
    for role, actor in (("source", event.source), ("target", event.target)):
        ev[f"{role}_start"] = None if actor is None else actor.start
        ev[f"{role}_end"] = None if actor is None else actor.end
    return ev


def _date_rank(e: Event) -> tuple[int, int]:
    return DATE_BASIS_RANK.get(e.date.basis, 0), PRECISION_RANK.get(e.date.precision or "", 0)


def place_rank(place: Place | None) -> tuple[int, ...]:
    """How specific and well-grounded a place is: higher is better."""
    if place is None:
        return (0,)
    feature = place.feature or ""
    level = 3 if feature.startswith("PPL") else 2 if feature.startswith("ADM") else 1
    if not feature:
        level = 2 if place.geonameid is not None and place.lat is not None else 1
    return (1, PLACE_BASIS_RANK.get(place.basis or "", 0), level, place.geonameid is not None)


def _merge(group: list[Event]) -> Event:
    rep = group[0]
    if len(group) == 1 and rep.evidence:
        return rep
    best_code = max(group, key=lambda e: len(e.cameo.code))  # max keeps the first on ties
    best_date = max(group, key=_date_rank)
    best_place = max(group, key=lambda e: place_rank(e.location))
    evidence: list[dict[str, Any]] = []
    reasons: list[str] = []
    for e in group:
        evidence.extend(e.evidence or [evidence_of(e)])
        reasons.extend(r for r in e.reasons if r not in reasons)
    mentions = sum(max(e.mentions, 1) for e in group)
    if len(group) > 1:
        sentences = sorted({e.sentence for e in group})
        reasons.append(f"fold: {mentions} mentions in sentence(s) {', '.join(map(str, sentences))}")
    return replace(
        rep,
        cameo=best_code.cameo,
        plover=dict(best_code.plover),
        date=best_date.date,
        location=best_place.location,
        mentions=mentions,
        confidence=max(e.confidence for e in group),
        reasons=reasons,
        evidence=evidence,
    )


def _position(e: Event) -> tuple[int, int, str]:
    return e.sentence, e.trigger.start, e.event_id


def fold_article(events: Iterable[Event]) -> list[Event]:
    """Fold the events of one article that report the same act; order by first mention."""
    groups: list[list[Event]] = []
    merged: list[Event] = []
    for event in sorted(events, key=_position):
        for i, view in enumerate(merged):
            if same_act(view, event):
                groups[i].append(event)
                merged[i] = _merge(groups[i])
                break
        else:
            groups.append([event])
            merged.append(_merge([event]))
    return merged
