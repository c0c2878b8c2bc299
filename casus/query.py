"""Filters over the store turned into parameterised SQL, for events or incidents."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from casus.events.roots import parse_roots
from casus.store import Store

LEVELS = ("events", "incidents")
DATE_FIELDS = {"event": "e.event_day", "report": "e.report_date"}
PLACE_BASES = ("clause", "sentence", "destination", "article", "dateline")  # how an event's place was found, best first

# What a terminal table shows; jsonl/csv carry every column.
EVENT_SUMMARY = ("event_id", "event_date", "source_name", "source_code", "cameo_code", "cameo_name",
                 "target_name", "target_code", "mode", "location_name", "mentions", "doc_id")
INCIDENT_SUMMARY = ("incident_id", "first_date", "last_date", "source_name", "cameo_code", "cameo_name",
                    "target_name", "location_name", "n_events", "n_mentions", "n_articles", "n_sources")


@dataclass
class Filters:
    """What to select; every field is optional and they combine with AND."""

    actor: str | None = None  # code prefix (RUS, RUSGOV) or part of a name, as source or target
    country: str | None = None  # ISO alpha-3 of source, target or place
    code: str | None = None  # CAMEO code prefix
    roots: str | None = None  # CAMEO roots to keep or drop: '03,04', '-01' (casus.events.roots)
    plover: str | None = None  # PLOVER type
    mode: str | None = None  # asserted | negated | ...
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    date_field: str = "event"  # event | report
    place: str | None = None  # part of a place name, or a country code
    place_basis: str | None = None  # comma-separated bases a place must have: clause,sentence,destination,article,dateline
    text: str | None = None  # words in the sentence
    limit: int | None = None


def where_clause(f: Filters) -> tuple[str, list[Any]]:
    """SQL condition on the events table (alias e) and its parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if f.actor:
        like = f"%{f.actor.lower()}%"
        conds.append("(upper(e.source_code) LIKE ? OR upper(e.target_code) LIKE ? "
                     "OR lower(e.source_name) LIKE ? OR lower(e.target_name) LIKE ? "
                     "OR lower(e.source_text) LIKE ? OR lower(e.target_text) LIKE ?)")
        params += [f.actor.upper() + "%"] * 2 + [like] * 4
    if f.country:
        conds.append("(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)")
        params += [f.country.upper()] * 3
    if f.code:
        conds.append("e.cameo_code LIKE ?")
        params.append(f.code + "%")
    if f.roots:
        cond, more = parse_roots(f.roots).sql("e.cameo_code")
        conds.append(cond)
        params += more
    if f.plover:
        conds.append("upper(e.plover_type) = ?")
        params.append(f.plover.upper())
    if f.mode:
        conds.append("e.mode = ?")
        params.append(f.mode.lower())
    if f.date_field not in DATE_FIELDS:
        raise ValueError(f"--date-field must be one of {', '.join(DATE_FIELDS)}, not {f.date_field!r}")
    column = DATE_FIELDS[f.date_field]
    if f.since:
        conds.append(f"{column} >= CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        conds.append(f"{column} <= CAST(? AS DATE)")
        params.append(f.until)
    if f.place:
        conds.append("(lower(e.location_name) LIKE ? OR lower(e.location_text) LIKE ? OR e.location_country = ?)")
        params += [f"%{f.place.lower()}%"] * 2 + [f.place.upper()]
    if f.place_basis:
        bases = place_bases(f.place_basis)
        conds.append(f"e.location_basis IN ({', '.join('?' * len(bases))})")
        params += bases
    if f.text:
        conds.append("lower(e.text) LIKE ?")
        params.append(f"%{f.text.lower()}%")
    return (" AND ".join(conds) or "TRUE"), params


def place_bases(value: str) -> list[str]:
    """The place bases named in a comma-separated list; ValueError names an unknown one."""
    bases = [b.strip().lower() for b in value.split(",") if b.strip()]
    bad = [b for b in bases if b not in PLACE_BASES]
    if bad or not bases:
        raise ValueError(f"place basis must be among {', '.join(PLACE_BASES)}, not {value!r}")
    return bases


def select_sql(f: Filters, level: str = "events", columns: str = "*") -> tuple[str, list[Any]]:
    """The full SELECT for a level: events matching the filters, or incidents with a matching member."""
    where, params = where_clause(f)
    if level == "events":
        cols = "e.*" if columns == "*" else columns
        sql = f"SELECT {cols} FROM events e WHERE {where} ORDER BY e.event_day, e.doc_id, e.sentence, e.trigger_start, e.event_id"
    elif level == "incidents":
        sql = (f"SELECT {columns} FROM incidents i WHERE i.incident_id IN ("
               f"SELECT ie.incident_id FROM incident_events ie JOIN events e USING (event_id) WHERE {where}) "
               "ORDER BY i.first_date, i.incident_id")
    else:
        raise ValueError(f"--level must be one of {', '.join(LEVELS)}, not {level!r}")
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(int(f.limit))
    return sql, params


def run(store: Store, f: Filters, level: str = "events") -> tuple[list[str], Iterator[tuple]]:
    """Column names and a lazy row stream for the filters at one level."""
    sql, params = select_sql(f, level)
    return store.stream(sql, params)


def records(store: Store, f: Filters, level: str = "events") -> Iterator[dict[str, Any]]:
    """Matching rows as dicts; events come back as their full contract record."""
    columns, rows = run(store, f, level)
    for row in rows:
        rec = dict(zip(columns, row))
        if level == "events":
            yield json.loads(rec["record"])
        else:
            yield rec
