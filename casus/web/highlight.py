"""Marks on an article's text (actors, triggers, times, places) cut into non-overlapping segments for display."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("actor", "trigger", "time", "place")


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch [start, end) of a given kind, tied to an event when it is evidence for one."""

    start: int
    end: int
    kind: str
    label: str = ""
    event: str | None = None


@dataclass
class Segment:
    """A run of text under the same marks."""

    text: str
    start: int
    kinds: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def _span(d: dict[str, Any] | None) -> tuple[int, int] | None:
    if not d or d.get("start") is None or d.get("end") is None:
        return None
    start, end = int(d["start"]), int(d["end"])
    return (start, end) if end > start else None


def _actor_label(a: dict[str, Any]) -> str:
    return " · ".join(str(x) for x in (a.get("name"), a.get("code")) if x)


def event_marks(events: list[dict[str, Any]]) -> list[Mark]:
    """The evidence spans of contract event records: trigger, source, target, date and place."""
    marks = []
    for ev in events:
        eid = ev.get("event_id")
        cameo = ev.get("cameo") or {}
        if span := _span(ev.get("trigger")):
            marks.append(Mark(*span, "trigger", f"{cameo.get('code', '')} {cameo.get('name', '')}".strip(), eid))
        for side in ("source", "target"):
            actor = ev.get(side)
            if span := _span(actor):
                marks.append(Mark(*span, "actor", f"{side}: {_actor_label(actor)}", eid))
        date = ev.get("date") or {}
        if span := _span(date):
            marks.append(Mark(*span, "time", f"event date {date.get('value')}", eid))
        loc = ev.get("location")
        if span := _span(loc):
            marks.append(Mark(*span, "place", f"{loc.get('name')} ({loc.get('country')})", eid))
    return marks


def annotation_marks(annotation: dict[str, Any]) -> list[Mark]:
    """Every grounded mention of an annotation record (DESIGN.md §4): actors, times and places."""
    marks = []
    for a in annotation.get("actors") or []:
        if span := _span(a):
            marks.append(Mark(*span, "actor", _actor_label(a) or "actor"))
    for t in annotation.get("times") or []:
        if span := _span(t):
            marks.append(Mark(*span, "time", f"{t.get('type', '')} {t.get('value', '')}".strip()))
    for p in annotation.get("places") or []:
        if span := _span(p):
            marks.append(Mark(*span, "place", f"{p.get('name')} ({p.get('country')})"))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text cut at every mark boundary; each piece lists the kinds, events and labels covering it."""
    inside = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in inside), *(m.end for m in inside)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in inside if m.start <= a and b <= m.end]
        seg = Segment(text[a:b], a)
        for m in covering:
            if m.kind not in seg.kinds:
                seg.kinds.append(m.kind)
            if m.event and m.event not in seg.events:
                seg.events.append(m.event)
            if m.label and m.label not in seg.labels:
                seg.labels.append(m.label)
        seg.kinds.sort(key=KINDS.index)
        out.append(seg)
    return out
