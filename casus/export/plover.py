"""PLOVER/POLECAT-style JSON records, one per line: event type and mode, actor, recipient, place, story."""
from __future__ import annotations

import json
from typing import IO, Any

from casus.export.countries import Countries
from casus.query import Filters, select_sql
from casus.store import Store

SELECT = "e.record, a.source AS publisher, a.title AS headline, a.url AS url"


def _party(actor: dict[str, Any] | None, countries: Countries) -> dict[str, Any] | None:
    if not actor:
        return None
    return {"name": actor.get("name") or actor.get("text"), "text": actor.get("text"),
            "code": actor.get("code"), "country": actor.get("country"),
            "country_name": countries.name(actor.get("country")), "sectors": actor.get("sector") or [],
            "kind": actor.get("kind"),
            # an IGO keeps country 'IGO' (as PLOVER and CAMEO write it) and says which body in its own field
            "igo": actor.get("code") if actor.get("country") == "IGO" and actor.get("code") != "IGO" else None}


def record(event: dict[str, Any], story: dict[str, Any], countries: Countries) -> dict[str, Any]:
    """A PLOVER record from an event contract record and its story's metadata."""
    loc = event.get("location") or None
    date = event.get("date") or {}
    return {
        "event_id": event["event_id"],
        "event_date": date.get("value"),
        "date_precision": date.get("precision"),
        "event_type": event["plover"].get("type"),
        "event_mode": event["plover"].get("mode"),
        "contexts": event["plover"].get("context") or [],
        "modality": event["mode"],
        "actor": _party(event.get("source"), countries),
        "recipient": _party(event.get("target"), countries),
        "location": None if not loc else {
            "placename": loc.get("name"), "country": loc.get("country"),
            "country_name": countries.name(loc.get("country")), "province": loc.get("admin1"),
            "latitude": loc.get("lat"), "longitude": loc.get("lon"), "geonameid": loc.get("geonameid"),
            "feature_type": loc.get("feature"), "raw_placename": loc.get("text")},
        "cameo_code": event["cameo"]["code"],
        "goldstein": event["cameo"]["goldstein"],
        "quad_code": event["cameo"]["quad"],
        "story_id": event["doc_id"],
        "sentence": event["sentence"],
        "event_text": event["text"],
        "trigger": event["trigger"],
        "publication_date": event.get("report_date"),
        "source": story.get("publisher"),
        "headline": story.get("headline"),
        "url": story.get("url"),
        "mentions": event.get("mentions", 1),
        "confidence": event.get("confidence"),
    }


def write(store: Store, filters: Filters, fh: IO[str]) -> int:
    """Write matching events as PLOVER JSON lines; returns the record count."""
    sql, params = select_sql(filters, "events", SELECT)
    sql = sql.replace("FROM events e", "FROM events e LEFT JOIN articles a ON a.id = e.doc_id", 1)
    columns, rows = store.stream(sql, params)
    countries, n = Countries(), 0
    for values in rows:
        r = dict(zip(columns, values))
        fh.write(json.dumps(record(json.loads(r["record"]), r, countries), ensure_ascii=False) + "\n")
        n += 1
    return n
