"""Read-only views over the store for the web app: pages of rows, actors, dyad timelines, networks, map points.

Part of the store layer (with store.py and query.py): the only other module that talks to DuckDB.
Every query is parameterised; each call takes its own cursor so web requests may run in threads.
Aggregations run inside DuckDB, never as Python loops over rows.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import duckdb

from casus.query import Filters, where_clause
from casus.store import Store, StoreError

EVENT_SORTS = {
    "date": "e.event_day", "report_date": "e.report_date", "source": "e.source_name", "target": "e.target_name",
    "code": "e.cameo_code", "goldstein": "e.goldstein", "mode": "e.mode", "place": "e.location_name",
    "confidence": "e.confidence", "mentions": "e.mentions", "doc": "e.doc_id",
}
INCIDENT_SORTS = {
    "date": "i.first_date", "source": "i.source_name", "target": "i.target_name", "code": "i.cameo_code",
    "goldstein": "i.goldstein", "events": "i.n_events", "mentions": "i.n_mentions", "articles": "i.n_articles",
    "place": "i.location_name", "confidence": "i.confidence",
}
EVENT_LIST = ("event_id, doc_id, sentence, text, event_date, event_day, report_date, date_basis, "
              "source_name, source_code, source_country, target_name, target_code, target_country, "
              "cameo_code, cameo_name, goldstein, quad, plover_type, mode, location_name, location_country, "
              "location_lat, location_lon, mentions, confidence")
INCIDENT_LIST = ("incident_id, representative, first_date, last_date, source_name, source_code, target_name, "
                 "target_code, cameo_code, cameo_name, goldstein, quad, plover_type, mode, location_name, "
                 "location_country, n_events, n_mentions, n_articles, n_sources, confidence, text")


def rows(store: Store, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
    """Run a parameterised read on a fresh cursor; rows as dicts."""
    try:
        cur = store.con.cursor()
        try:
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]
        finally:
            cur.close()
    except duckdb.Error as err:
        raise StoreError((str(err).strip().splitlines() or ["query failed"])[0]) from None


def _one(store: Store, sql: str, params: list[Any]) -> dict[str, Any] | None:
    found = rows(store, sql, params)
    return found[0] if found else None


def _order(sorts: dict[str, str], sort: str, desc: bool, tie: str) -> str:
    if sort not in sorts:
        raise ValueError(f"sort must be one of {', '.join(sorts)}, not {sort!r}")
    return f"{sorts[sort]} {'DESC' if desc else 'ASC'} NULLS LAST, {tie}"


def event_page(store: Store, f: Filters, limit: int, offset: int = 0, sort: str = "date",
               desc: bool = False, full: bool = False) -> tuple[int, list[dict[str, Any]]]:
    """Total matching events and one page of them (summary columns, or contract records if `full`)."""
    where, params = where_clause(replace(f, limit=None))
    total = rows(store, f"SELECT count(*) AS n FROM events e WHERE {where}", params)[0]["n"]
    cols = "e.record" if full else EVENT_LIST
    page = rows(store, f"SELECT {cols} FROM events e WHERE {where} "
                       f"ORDER BY {_order(EVENT_SORTS, sort, desc, 'e.event_id')} LIMIT ? OFFSET ?",
                params + [limit, offset])
    if full:
        page = [json.loads(r["record"]) for r in page]
    return total, page


def incident_page(store: Store, f: Filters, limit: int, offset: int = 0, sort: str = "date",
                  desc: bool = False) -> tuple[int, list[dict[str, Any]]]:
    """Total matching incidents (a member event matches) and one page of them."""
    where, params = where_clause(replace(f, limit=None))
    order = _order(INCIDENT_SORTS, sort, desc, "i.incident_id")
    if where == "TRUE":
        total = rows(store, "SELECT count(*) AS n FROM incidents")[0]["n"]
        return total, rows(store, f"SELECT {INCIDENT_LIST} FROM incidents i ORDER BY {order} LIMIT ? OFFSET ?",
                           [limit, offset])
    # Filter events first, then reach their incidents: one pass gives both the page and the total.
    matched = ("WITH m AS (SELECT DISTINCT ie.incident_id FROM events e "
               f"JOIN incident_events ie ON ie.event_id = e.event_id WHERE {where}) ")
    page = rows(store, f"{matched}SELECT {INCIDENT_LIST}, count(*) OVER () AS _total FROM incidents i "
                       f"JOIN m USING (incident_id) ORDER BY {order} LIMIT ? OFFSET ?", params + [limit, offset])
    if page:
        total = page[0]["_total"]
        for r in page:
            del r["_total"]
    else:
        total = rows(store, f"{matched}SELECT count(*) AS n FROM m", params)[0]["n"] if offset else 0
    return total, page


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event's contract record, or None."""
    row = _one(store, "SELECT record FROM events WHERE event_id = ?", [event_id])
    return None if row is None else json.loads(row["record"])


def incident(store: Store, incident_id: str) -> dict[str, Any] | None:
    """One incident with its member event records, or None."""
    row = _one(store, "SELECT * FROM incidents WHERE incident_id = ?", [incident_id])
    if row is None:
        return None
    members = rows(store, "SELECT e.record FROM incident_events ie JOIN events e USING (event_id) "
                          "WHERE ie.incident_id = ? ORDER BY e.event_day, e.event_id", [incident_id])
    row["events"] = [json.loads(m["record"]) for m in members]
    return row


def documents(store: Store, limit: int, offset: int = 0, text: str | None = None, since: str | None = None,
              until: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Total matching articles and one page of them (no text), newest report first, with event counts."""
    conds, params = [], []
    if text:
        conds.append("(lower(a.title) LIKE ? OR lower(a.text) LIKE ? OR lower(a.id) LIKE ?)")
        params += [f"%{text.lower()}%"] * 3
    if since:
        conds.append("a.report_date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        conds.append("a.report_date <= CAST(? AS DATE)")
        params.append(until)
    where = " AND ".join(conds) or "TRUE"
    total = rows(store, f"SELECT count(*) AS n FROM articles a WHERE {where}", params)[0]["n"]
    order = "report_date DESC NULLS LAST, id"
    page = rows(store, "WITH page AS (SELECT a.id, a.title, a.report_date, a.report_date_basis, a.source, a.url "
                       f"FROM articles a WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?) "
                       "SELECT page.*, coalesce(n.n, 0) AS n_events FROM page LEFT JOIN (SELECT doc_id, count(*) AS n "
                       "FROM events WHERE doc_id IN (SELECT id FROM page) GROUP BY doc_id) n ON n.doc_id = page.id "
                       f"ORDER BY {order}", params + [limit, offset])
    return total, page


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One article with its text and its events' contract records (in text order), or None."""
    art = _one(store, "SELECT id, title, text, report_date, report_date_basis, source, url, origin "
                      "FROM articles WHERE id = ?", [doc_id])
    if art is None:
        return None
    evs = rows(store, "SELECT record FROM events WHERE doc_id = ? ORDER BY sentence, trigger_start, event_id",
               [doc_id])
    art["events"] = [json.loads(r["record"]) for r in evs]
    return art


def actors(store: Store, f: Filters, limit: int, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Actor codes in matching events with how often each is source and target, most active first."""
    where, params = where_clause(replace(f, limit=None))
    sides = ("SELECT source_code AS code, source_name AS name, source_country AS country, 1 AS src, 0 AS tgt "
             f"FROM events e WHERE {where} AND source_code IS NOT NULL UNION ALL "
             "SELECT target_code, target_name, target_country, 0, 1 "
             f"FROM events e WHERE {where} AND target_code IS NOT NULL")
    grouped = (f"SELECT code, mode(name) AS name, mode(country) AS country, sum(src) AS as_source, "
               f"sum(tgt) AS as_target, sum(src) + sum(tgt) AS events FROM ({sides}) GROUP BY code")
    total = rows(store, f"SELECT count(*) AS n FROM ({grouped})", params + params)[0]["n"]
    page = rows(store, f"{grouped} ORDER BY events DESC, code LIMIT ? OFFSET ?", params + params + [limit, offset])
    return total, page


def _dyad(a: str, b: str) -> tuple[str, list[Any]]:
    a, b = a.upper() + "%", b.upper() + "%"
    return ("((upper(e.source_code) LIKE ? AND upper(e.target_code) LIKE ?) OR "
            "(upper(e.source_code) LIKE ? AND upper(e.target_code) LIKE ?))"), [a, b, b, a]


def dyad_timeline(store: Store, a: str, b: str, f: Filters) -> list[dict[str, Any]]:
    """Events per ISO week and quad class between two actor code prefixes (either direction), with mean Goldstein."""
    where, params = where_clause(replace(f, actor=None, limit=None))
    dyad, dparams = _dyad(a, b)
    return rows(store, "SELECT CAST(date_trunc('week', e.event_day) AS DATE) AS week, e.quad, count(*) AS events, "
                       "avg(e.goldstein) AS goldstein FROM events e "
                       f"WHERE {where} AND {dyad} AND e.event_day IS NOT NULL "
                       "GROUP BY ALL ORDER BY week, e.quad", params + dparams)


def network(store: Store, f: Filters, max_edges: int = 150) -> dict[str, list[dict[str, Any]]]:
    """Directed actor network of matching events: the busiest edges with counts and mean Goldstein, and their nodes."""
    where, params = where_clause(replace(f, limit=None))
    edges = rows(store, "SELECT e.source_code AS source, e.target_code AS target, count(*) AS events, "
                        "avg(e.goldstein) AS goldstein FROM events e "
                        f"WHERE {where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL "
                        "AND e.source_code <> e.target_code GROUP BY ALL "
                        "ORDER BY events DESC, source, target LIMIT ?", params + [max_edges])
    codes = sorted({x for e in edges for x in (e["source"], e["target"])})
    nodes = []
    if codes:
        marks = ", ".join("?" * len(codes))
        nodes = rows(store, "SELECT code, mode(name) AS name, mode(country) AS country, count(*) AS events FROM ("
                            "SELECT source_code AS code, source_name AS name, source_country AS country "
                            f"FROM events e WHERE {where} UNION ALL SELECT target_code, target_name, target_country "
                            f"FROM events e WHERE {where}) WHERE code IN ({marks}) GROUP BY code ORDER BY code",
                     params + params + codes)
    return {"nodes": nodes, "edges": edges}


def map_points(store: Store, f: Filters, limit: int = 2000) -> list[dict[str, Any]]:
    """Located matching events grouped by place and quad class, biggest first."""
    where, params = where_clause(replace(f, limit=None))
    return rows(store, "SELECT e.location_name AS name, e.location_country AS country, "
                       "round(e.location_lat, 2) AS lat, round(e.location_lon, 2) AS lon, e.quad, "
                       "count(*) AS events, avg(e.goldstein) AS goldstein FROM events e "
                       f"WHERE {where} AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL "
                       "GROUP BY ALL ORDER BY events DESC, name LIMIT ?", params + [limit])


def summary(store: Store) -> dict[str, Any]:
    """Counts and the date range of the store, for the home page."""
    row = rows(store, "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events, "
                      "(SELECT count(*) FROM incidents) AS incidents, (SELECT min(event_day) FROM events) AS first_day, "
                      "(SELECT max(event_day) FROM events) AS last_day")[0]
    return row
