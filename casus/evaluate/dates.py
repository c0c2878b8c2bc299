"""Score casus event dates against the event–time links of TimeML gold (TBAQ-cleaned, MEANTIME).

A gold item is a TimeML EVENT that a TLINK anchors to a DATE TIMEX3 with a calendar value:
the event lies within the time (event → time IS_INCLUDED, DURING, SIMULTANEOUS, BEGINS, ENDS,
IDENTITY; or time → event INCLUDES, DURING_INV, SIMULTANEOUS, BEGUN_BY, ENDED_BY, IDENTITY).
An anchor is *explicit* when it is a time expression of the text, *creation* when it is the
document's creation time (an event of the report's own day). An event with explicit anchors is
scored against those only; one anchored only to the creation time, against that.

Each document is coded as `casus code` would with the creation time given as the report date
(an agency dateline in its first lines is read as such: its day is never an event's).
A casus event is scored against a gold EVENT whose span overlaps the trigger of one of its
mentions (its evidence); each gold EVENT is scored once, by the first casus event that reaches it.
casus's `date.value` is right when it names the anchor's time at the anchor's granularity: the
same year, month or day (a casus day inside the gold week, quarter or season counts; a casus
value coarser than the gold's does not).

Documents are split by `casus.evaluate.splits.split_of`: rows are printed for the dev part
(train and dev) and the check part, which is only ever scored, never read to write rules.
The default rows score the events `casus code` keeps (confidence at the event filter's floor); a
second row per part, "all (conf >= 0)", scores every event casus extracts, to measure on more events.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from casus.evaluate.splits import split_of
from casus.evaluate.times import GoldDoc, _datasets, gold_files, read_meantime, read_tml
from casus.ingest.dateline import parse_dateline
from casus.model import Article

EVENT_SIDE = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS", "IDENTITY"})
TIME_SIDE = frozenset({"INCLUDES", "DURING_INV", "SIMULTANEOUS", "BEGUN_BY", "ENDED_BY", "IDENTITY"})
CALENDAR = re.compile(r"\d{2,4}(-(\d\d(-\d\d)?|W\d\d|Q\d|H\d|SP|SU|FA|WI))?(T.*)?")
SEASONS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}


@dataclass
class DateItem:
    """One anchored gold event: its span, the values it lies within, and whether they are explicit."""

    doc_id: str
    start: int
    end: int
    values: list[str]
    explicit: bool


def _links_tml(path: Path) -> list[tuple[str, str, str]]:
    """(event id, time id, relation from the event's side) for every event–time TLINK of a .tml file."""
    root = ET.parse(path).getroot()
    instance = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    out = []
    for link in root.iter("TLINK"):
        rel, ei = link.get("relType", ""), link.get("eventInstanceID")
        if ei and link.get("relatedToTime"):
            out.append((instance.get(ei, ""), link.get("relatedToTime"), rel))
        elif link.get("timeID") and link.get("relatedToEventInstance"):
            out.append((instance.get(link.get("relatedToEventInstance"), ""), link.get("timeID"), "~" + rel))
    return out


def _links_meantime(path: Path) -> list[tuple[str, str, str]]:
    """The same for a MEANTIME file, whose TLINKs join mention ids in either order."""
    root = ET.parse(path).getroot()
    events = {e.get("m_id") for e in root.iter("EVENT_MENTION")}
    times = {t.get("m_id") for t in root.iter("TIMEX3")}
    out = []
    for link in root.iter("TLINK"):
        src, tgt = link.find("source"), link.find("target")
        if src is None or tgt is None:
            continue
        a, b, rel = src.get("m_id"), tgt.get("m_id"), link.get("reltype", "")
        if a in events and b in times:
            out.append((a, b, rel))
        elif a in times and b in events:
            out.append((b, a, "~" + rel))
    return out


def anchored(doc: GoldDoc, links: list[tuple[str, str, str]]) -> list[DateItem]:
    """The gold events of a document that lie within a calendar DATE, with their anchor values."""
    creation = {tid for tid, t in doc.anchors.items() if t.start < 0 or any(
        s == t.start and e == t.end for s, e in doc.ignore)}
    found: dict[str, dict[bool, list[str]]] = {}
    for eid, tid, rel in links:
        t = doc.anchors.get(tid)
        inside = rel[1:] in TIME_SIDE if rel.startswith("~") else rel in EVENT_SIDE
        if not inside or t is None or t.type != "DATE" or eid not in doc.events:
            continue
        if not CALENDAR.fullmatch(t.value):
            continue
        found.setdefault(eid, {True: [], False: []})[tid not in creation].append(t.value.split("T")[0])
    items = []
    for eid, by_kind in found.items():
        explicit = bool(by_kind[True])
        s, e = doc.events[eid]
        items.append(DateItem(doc.id, s, e, by_kind[explicit], explicit))
    return sorted(items, key=lambda i: i.start)


def same_time(value: str | None, gold: str) -> bool:
    """True if casus's date value names the gold time at the gold's granularity."""
    if not value:
        return False
    value = value.split("T")[0]
    m = re.fullmatch(r"(\d{4})-(W\d\d|Q\d|H\d|SP|SU|FA|WI)", gold)
    if m is None:
        return len(value) >= len(gold) and value.startswith(gold)
    year, part = m[1], m[2]
    if value == gold:
        return True
    day = re.fullmatch(r"(\d{4})-(\d\d)(?:-(\d\d))?", value)
    if day is None:
        return False
    if part[1:].isdigit() and part[0] == "W":  # a week, not winter ("WI")
        if day[3] is None:
            return False
        iso = dt.date(int(day[1]), int(day[2]), int(day[3])).isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}" == gold
    month = int(day[2])
    if day[1] != year:
        return part == "WI" and int(day[1]) == int(year) + 1 and month in (1, 2)
    if part.startswith("Q"):
        return (month - 1) // 3 + 1 == int(part[1])
    if part.startswith("H"):
        return (month - 1) // 6 + 1 == int(part[1])
    return month in SEASONS[part]


def _gold_docs(folder: Path) -> list[tuple[GoldDoc, list[DateItem]]]:
    kind, files = gold_files(folder)
    if kind == "tml":
        pairs = [(read_tml(p), _links_tml(p)) for p in files]
    else:
        pairs = [(read_meantime(p), _links_meantime(p)) for p in files]
    return [(doc, anchored(doc, links)) for doc, links in pairs]


def score(items: list[tuple[DateItem, object]]) -> dict:
    """Accuracy overall, by casus's date basis, and for explicit gold anchors (with report fallbacks)."""
    row: dict = {"anchored": len(items), "scored": sum(e is not None for _, e in items)}
    scored = [(it, e) for it, e in items if e is not None]
    ok = [any(same_time(e.date.value, v) for v in it.values) for it, e in scored]
    row["accuracy"] = sum(ok) / len(ok) if ok else None
    for basis in ("explicit", "relative", "report"):
        hits = [k for k, (_, e) in zip(ok, scored) if e.date.basis == basis]
        row[f"n {basis}"] = len(hits)
        row[f"acc {basis}"] = sum(hits) / len(hits) if hits else None
    for explicit, name in ((True, "gold explicit"), (False, "gold creation")):
        part = [(k, e) for k, (it, e) in zip(ok, scored) if it.explicit == explicit]
        row[f"n {name}"] = len(part)
        row[f"acc {name}"] = sum(k for k, _ in part) / len(part) if part else None
        if explicit:
            fell = sum(e.date.basis == "report" for _, e in part)
            row["report fallback (gold explicit)"] = fell / len(part) if part else None
    return row


def _dateline(text: str):
    """The agency dateline opening one of the text's first lines ("WARSAW, February 26 (Xinhua) --"), as casus reads it."""
    pos = 0
    for line in text.split("\n")[:12]:
        if line.strip():
            found = parse_dateline(line, pos)
            if found is not None:
                return found
        pos += len(line) + 1
    return None


def _match(events, items: list[DateItem]) -> list[tuple[DateItem, object]]:
    """Pair each gold item with the first casus event whose mention trigger overlaps it."""
    out = []
    for it in items:
        hit = None
        for e in events:
            spans = [(ev["trigger"]["start"], ev["trigger"]["end"]) for ev in e.evidence] or [
                (e.trigger.start, e.trigger.end)]
            if any(s < it.end and it.start < t for s, t in spans):
                hit = e
                break
        out.append((it, hit))
    return out


def run(gold: str, pipe, limit: int | None = None, errors: list | None = None,
        floor: float | None = None) -> list[dict]:
    """Code every gold document with its creation date; one row per data set and split part.

    pipe: a pipeline that keeps every event (min confidence 0). floor: the confidence the default rows
    keep (as `casus code` would); when above 0, each part gets a second row, "all events", scoring every
    event casus extracts — more gold events reached, the default figure unchanged.
    errors: if given, gets (gold document, item, casus event) for each wrong date of the dev part
    (events at the floor).
    """
    root = Path(gold)
    if not root.exists():
        raise FileNotFoundError(f"{gold}: no such gold folder")
    floor = floor or 0.0
    rows = []
    for name, path in _datasets(root):
        docs = _gold_docs(path)[:limit] if limit else _gold_docs(path)
        articles = [Article(id=d.id, text=d.text, report_date=d.dct, report_date_basis="given" if d.dct else "none",
                            dateline=_dateline(d.text)) for d, _ in docs]
        parts: dict[str, list] = {"dev": [], "check": []}
        every: dict[str, list] = {"dev": [], "check": []}
        for (doc, items), (_, events) in zip(docs, pipe.code(articles)):
            pairs = _match([e for e in events if e.confidence >= floor], items)
            part = "check" if split_of(doc.id) == "check" else "dev"
            parts[part].extend(pairs)
            every[part].extend(_match(events, items))
            if errors is not None and part == "dev":  # the check part is scored, never read
                errors.extend((doc, it, e) for it, e in pairs if e is not None and not any(
                    same_time(e.date.value, v) for v in it.values))
        for part, pairs in parts.items():
            rows.append({"dataset": name, "part": part, "events": f"conf >= {floor:.2f}", **score(pairs)})
            if floor > 0:
                rows.append({"dataset": name, "part": part, "events": "all (conf >= 0)", **score(every[part])})
    return rows
