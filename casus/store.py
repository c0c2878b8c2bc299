"""The embedded DuckDB store: articles, events, mentions and incidents in one file.

DuckDB allows one writing process per file. Inside that process every connection
(and cursor) sees the last committed state, so readers see the store as it was before
or after a file's transaction, never half of it. Other processes may open the file
read-only (`Store(path, read_only=True)`) only while no writer holds it. A process that
finds the file held waits up to `wait` seconds for it, then fails with `StoreBusy`, one
line naming the store and the holder (casus/store_lock.py).
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from casus import store_lock
from casus.fold import evidence_of, incident_sql
from casus.model import Actor, Article, Event

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, title VARCHAR, text VARCHAR, report_date DATE,
    report_date_basis VARCHAR, source VARCHAR, url VARCHAR, content_hash VARCHAR, origin VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence INTEGER, text VARCHAR,
    trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_name VARCHAR,
    source_sector VARCHAR[], source_kind VARCHAR,
    target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_name VARCHAR,
    target_sector VARCHAR[], target_kind VARCHAR,
    cameo_code VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR, goldstein DOUBLE, quad INTEGER,
    plover_type VARCHAR, plover_mode VARCHAR, mode VARCHAR,
    event_date VARCHAR, event_day DATE, date_precision VARCHAR, date_basis VARCHAR, date_text VARCHAR,
    report_date DATE,
    location_text VARCHAR, location_name VARCHAR, location_country VARCHAR, location_admin1 VARCHAR,
    location_lat DOUBLE, location_lon DOUBLE, location_geonameid BIGINT, location_feature VARCHAR,
    location_basis VARCHAR,
    mentions INTEGER, confidence DOUBLE, reasons VARCHAR[], record VARCHAR);
CREATE TABLE IF NOT EXISTS mentions (
    event_id VARCHAR, mention_id VARCHAR, doc_id VARCHAR, sentence INTEGER, text VARCHAR,
    trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    source_text VARCHAR, source_start INTEGER, source_end INTEGER,
    target_text VARCHAR, target_start INTEGER, target_end INTEGER, report_date DATE);
CREATE TABLE IF NOT EXISTS incidents (
    incident_id VARCHAR, representative VARCHAR,
    source_code VARCHAR, source_name VARCHAR, source_country VARCHAR,
    target_code VARCHAR, target_name VARCHAR, target_country VARCHAR,
    cameo_code VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR, goldstein DOUBLE, quad INTEGER,
    plover_type VARCHAR, mode VARCHAR, event_date VARCHAR, date_precision VARCHAR,
    location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
    location_geonameid BIGINT, text VARCHAR,
    first_date DATE, last_date DATE, n_events INTEGER, n_mentions INTEGER, n_articles INTEGER,
    n_sources INTEGER, confidence DOUBLE, event_ids VARCHAR[]);
CREATE TABLE IF NOT EXISTS incident_events (incident_id VARCHAR, event_id VARCHAR);
CREATE TABLE IF NOT EXISTS learned_actors (
    key VARCHAR, code VARCHAR, name VARCHAR, country VARCHAR, sectors VARCHAR[], role VARCHAR,
    first_seen DATE, last_seen DATE, count INTEGER, doc_id VARCHAR, start_char INTEGER, end_char INTEGER,
    status VARCHAR, PRIMARY KEY (key, code));
"""
LEARNED_COLUMNS = ("key code name country sectors role first_seen last_seen count doc_id start_char end_char "
                   "status").split()

EVENT_COLUMNS = (
    "event_id doc_id sentence text trigger_text trigger_start trigger_end "
    "source_text source_code source_country source_name source_sector source_kind "
    "target_text target_code target_country target_name target_sector target_kind "
    "cameo_code cameo_root cameo_name goldstein quad plover_type plover_mode mode "
    "event_date event_day date_precision date_basis date_text report_date "
    "location_text location_name location_country location_admin1 location_lat location_lon "
    "location_geonameid location_feature location_basis mentions confidence reasons record"
).split()
MENTION_COLUMNS = (
    "event_id mention_id doc_id sentence text trigger_text trigger_start trigger_end "
    "source_text source_start source_end target_text target_start target_end report_date"
).split()


ARTICLE_COLUMNS = "id title text report_date report_date_basis source url content_hash origin".split()
SHARD_TABLES = ("articles", "events", "mentions")


def _quote(path: str) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def content_hash(article: Article) -> str:
    """A fingerprint of what casus read from a document; a change means re-coding it."""
    h = hashlib.sha256()
    for part in (article.text, article.title, article.report_date, article.source, article.url):
        h.update(("" if part is None else str(part)).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def first_day(value: str | None) -> str | None:
    """The first day of a TIMEX3 date value ('2016', '2016-05', '2016-05-06'), else None."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
    except ValueError:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def event_row(e: Event) -> list[Any]:
    """One events-table row: the contract record flattened, plus the full JSON."""
    loc = e.location
    loc_cols = (None,) * 9 if loc is None else (
        loc.text, loc.name, loc.country, loc.admin1, loc.lat, loc.lon, loc.geonameid, loc.feature, loc.basis)
    return [
        e.event_id, e.doc_id, e.sentence, e.text, e.trigger.text, e.trigger.start, e.trigger.end,
        *_actor_cols(e.source), *_actor_cols(e.target),
        e.cameo.code, e.cameo.root, e.cameo.name, e.cameo.goldstein, e.cameo.quad,
        e.plover.get("type"), e.plover.get("mode"), e.mode,
        e.date.value, first_day(e.date.value) or first_day(e.report_date), e.date.precision,
        e.date.basis, e.date.text, first_day(e.report_date),
        *loc_cols,
        e.mentions, e.confidence, list(e.reasons), json.dumps(e.to_dict(), ensure_ascii=False, default=str),
    ]


def _actor_cols(a: Actor | None) -> tuple:
    if a is None:
        return (None,) * 6
    return a.text, a.code, a.country, a.name, list(a.sector), a.kind


def mention_rows(e: Event) -> list[list[Any]]:
    """One mentions-table row per piece of evidence of an event."""
    rows = []
    for ev in e.evidence or [evidence_of(e)]:
        trig = ev.get("trigger") or {}
        rows.append([
            e.event_id, ev.get("event_id"), ev.get("doc_id"), ev.get("sentence"), ev.get("text"),
            trig.get("text"), trig.get("start"), trig.get("end"),
            ev.get("source_text"), ev.get("source_start"), ev.get("source_end"),
            ev.get("target_text"), ev.get("target_start"), ev.get("target_end"),
            first_day(ev.get("report_date")),
        ])
    return rows


class StoreError(Exception):
    """The store could not be opened or a query failed; the message is one line for the user."""


class StoreBusy(StoreError):
    """Another process held the store for longer than this one would wait."""


def _connect(path: str, read_only: bool, wait: float, on_wait) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting up to `wait` seconds while another process holds it."""
    steps = None
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as err:
            message = _first_line(err)
            if not store_lock.is_lock_conflict(message):
                raise StoreError(f"{path}: {message}") from None
            if steps is None:
                steps = store_lock.wait_steps(wait)
                if wait > 0 and on_wait is not None:
                    on_wait(f"{path} is in use by {store_lock.describe_holder(path, message)}; "
                            f"waiting up to {wait:g} s")
            if next(steps, StopIteration) is StopIteration:
                holder = store_lock.describe_holder(path, message)
                raise StoreBusy(f"{path}: in use by {holder}; gave up after waiting {wait:g} s "
                                "(try again later, or give --wait more seconds)") from None


class Store:
    """A DuckDB file holding articles, events, mentions and incidents."""

    def __init__(self, path: str | os.PathLike[str] = "casus.duckdb", read_only: bool = False, wait: float = 0.0,
                 on_wait=None, command: str | None = None):
        """Open (or create) the store; `wait` seconds while another process holds it, telling `on_wait` once."""
        self.path = str(path)
        self.read_only = read_only
        if read_only and not os.path.exists(self.path):
            raise StoreError(f"{self.path}: no such store (run `casus ingest` first)")
        self.con = _connect(self.path, read_only, wait, on_wait)
        self._holder = not read_only and self.path != ":memory:"
        if self._holder:
            store_lock.write_holder(self.path, command or store_lock.this_command())
        self._depth = 0
        if not read_only:
            self.con.execute(SCHEMA)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (uncommitted work is rolled back)."""
        self.con.close()
        if self._holder:
            store_lock.remove_holder(self.path)
            self._holder = False

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """All writes inside happen together or not at all; nesting joins the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.con.begin()
        self._depth = 1
        try:
            yield self
        except BaseException:
            self.con.rollback()
            raise
        else:
            self.con.commit()
        finally:
            self._depth = 0

    def has(self, article: Article) -> bool:
        """True if this exact document (same id and content) is already stored."""
        row = self.con.execute("SELECT content_hash FROM articles WHERE id = ?", [article.id]).fetchone()
        return row is not None and row[0] == content_hash(article)

    def add(self, article: Article, events: Sequence[Event]) -> bool:
        """Store one article and its events; a changed article replaces its old events. False if unchanged."""
        digest = content_hash(article)
        with self.transaction():
            row = self.con.execute("SELECT content_hash FROM articles WHERE id = ?", [article.id]).fetchone()
            if row is not None and row[0] == digest:
                return False
            if row is not None:
                self.remove(article.id)
            self.con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.id, article.title, article.text, article.report_date, article.report_date_basis,
                 article.source, article.url, digest, article.origin],
            )
            if events:
                marks = ", ".join("?" * len(EVENT_COLUMNS))
                self.con.executemany(f"INSERT INTO events VALUES ({marks})", [event_row(e) for e in events])
                rows = [r for e in events for r in mention_rows(e)]
                marks = ", ".join("?" * len(MENTION_COLUMNS))
                self.con.executemany(f"INSERT INTO mentions VALUES ({marks})", rows)
        return True

    def write_shard(self, pairs: Iterable[tuple[Article, Sequence[Event]]], prefix: str | os.PathLike[str]) -> dict[str, str]:
        """Add coded articles, then write this store's three tables to `<prefix>.<table>.parquet` files."""
        for article, events in pairs:
            self.add(article, events)
        paths = {}
        for table in SHARD_TABLES:
            path = f"{prefix}.{table}.parquet"
            tmp = path + ".part"
            self.copy(f"SELECT * FROM {table}", [], tmp, "parquet")
            os.replace(tmp, path)  # a shard file exists whole or not at all
            paths[table] = path
        return paths

    def load_shards(self, shards: Sequence[dict[str, str]]) -> dict[str, int]:
        """Load shards (from write_shard) in order, as `add` would: unchanged articles are kept, changed ones replaced."""
        stats = {"documents": 0, "unchanged": 0, "events": 0}
        art, ev, men = (", ".join(c) for c in (ARTICLE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS))
        with self.transaction():
            for shard in shards:
                a, e, m = (_quote(shard[t]) for t in SHARD_TABLES)
                x = self.con.execute
                x(f"CREATE OR REPLACE TEMP TABLE shard_articles AS SELECT {art} FROM read_parquet({a})")
                x("DELETE FROM shard_articles WHERE id IN (SELECT s.id FROM shard_articles s JOIN articles a "
                  "ON a.id = s.id AND a.content_hash = s.content_hash)")
                kept = self.con.execute("SELECT count(*) FROM shard_articles").fetchone()[0]
                stats["unchanged"] += x(f"SELECT count(*) FROM read_parquet({a})").fetchone()[0] - kept
                stats["documents"] += kept
                x("DELETE FROM mentions WHERE event_id IN (SELECT event_id FROM events "
                  "WHERE doc_id IN (SELECT id FROM shard_articles))")
                x("DELETE FROM events WHERE doc_id IN (SELECT id FROM shard_articles)")
                x("DELETE FROM articles WHERE id IN (SELECT id FROM shard_articles)")
                x(f"INSERT INTO articles ({art}) SELECT {art} FROM shard_articles")
                x(f"CREATE OR REPLACE TEMP TABLE shard_events AS SELECT {ev} FROM read_parquet({e}) "
                  "WHERE doc_id IN (SELECT id FROM shard_articles)")
                stats["events"] += x("SELECT count(*) FROM shard_events").fetchone()[0]
                x(f"INSERT INTO events ({ev}) SELECT {ev} FROM shard_events")
                x(f"INSERT INTO mentions ({men}) SELECT {men} FROM read_parquet({m}) "
                  "WHERE event_id IN (SELECT event_id FROM shard_events)")
            self.con.execute("DROP TABLE IF EXISTS shard_articles")
            self.con.execute("DROP TABLE IF EXISTS shard_events")
        return stats

    def remove(self, doc_id: str) -> None:
        """Delete a document with its events and mentions."""
        with self.transaction():
            self.con.execute(
                "DELETE FROM mentions WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = ?)", [doc_id])
            self.con.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
            self.con.execute("DELETE FROM articles WHERE id = ?", [doc_id])

    def rebuild_incidents(self, window_days: int = 2, max_span_days: int = 7) -> int:
        """Recompute the incidents table from all events (set-based SQL); returns the count."""
        with self.transaction():
            self.con.execute("DELETE FROM incident_events")
            self.con.execute("DELETE FROM incidents")
            for statement in incident_sql(window_days, max_span_days):
                self.con.execute(statement)
        return self.count("incidents")

    def learned_actors(self) -> list[dict[str, Any]]:
        """Rows of the learned_actors table (people learnt from the news; casus/actors/memory.py), by name."""
        try:
            cur = self.con.execute(f"SELECT {', '.join(LEARNED_COLUMNS)} FROM learned_actors ORDER BY key, code")
        except duckdb.CatalogException:
            return []  # a store written before casus learnt actors
        rows = [dict(zip(LEARNED_COLUMNS, r)) for r in cur.fetchall()]
        for r in rows:
            r["start"], r["end"] = r.pop("start_char"), r.pop("end_char")
        return rows

    def save_learned(self, rows: Iterable[dict[str, Any]]) -> int:
        """Insert or replace learned_actors rows (dicts with the columns, `start`/`end` for the offsets)."""
        values = [[r["start"] if c == "start_char" else r["end"] if c == "end_char" else r[c]
                   for c in LEARNED_COLUMNS] for r in rows]
        if values:
            with self.transaction():
                marks = ", ".join("?" * len(LEARNED_COLUMNS))
                self.con.executemany(f"INSERT OR REPLACE INTO learned_actors VALUES ({marks})", values)
        return len(values)

    def count(self, table: str) -> int:
        """Number of rows in one of the store's tables."""
        if table not in {"articles", "events", "mentions", "incidents", "incident_events", "learned_actors"}:
            raise ValueError(f"unknown table {table!r}")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Run a parameterised query; return column names and rows."""
        cur = self._execute(self.con, sql, params)
        return [d[0] for d in cur.description], cur.fetchall()

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 5000) -> tuple[list[str], Iterator[tuple]]:
        """Run a parameterised query; return column names and a lazy row iterator."""
        cur = self._execute(self.con.cursor(), sql, params)
        columns = [d[0] for d in cur.description]

        def rows() -> Iterator[tuple]:
            while batch := cur.fetchmany(size):
                yield from batch
        return columns, rows()

    def copy(self, sql: str, params: Sequence[Any], path: str | os.PathLike[str], fmt: str,
             header: bool = True) -> None:
        """Write a query's result to a Parquet or CSV file with DuckDB COPY."""
        options = {"parquet": "FORMAT parquet", "csv": f"FORMAT csv, HEADER {str(header).lower()}"}[fmt]
        target = str(Path(path)).replace("'", "''")
        self._execute(self.con, f"COPY ({sql}) TO '{target}' ({options})", params)

    @staticmethod
    def _execute(con, sql: str, params: Sequence[Any]):
        try:
            return con.execute(sql, list(params))
        except duckdb.Error as err:
            raise StoreError(_first_line(err)) from None

    def size_on_disk(self) -> int:
        """Bytes used by the database file (and its write-ahead log)."""
        total = 0
        for p in (self.path, self.path + ".wal"):
            if os.path.exists(p):
                total += os.path.getsize(p)
        return total


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]
