"""Plain tabular exports: JSONL records, CSV with a header, Parquet (DuckDB COPY)."""
from __future__ import annotations

import json
from typing import IO

from casus.query import Filters, records, select_sql
from casus.store import Store


def write_jsonl(store: Store, filters: Filters, fh: IO[str], level: str = "events") -> int:
    """One JSON record per line: the event contract (events) or the incident row (incidents)."""
    n = 0
    for rec in records(store, filters, level):
        fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def copy(store: Store, filters: Filters, path: str, fmt: str, level: str = "events") -> int:
    """Write flattened rows to CSV (with a header; the JSON record column left out) or Parquet."""
    columns = "*" if level == "incidents" else ("e.* EXCLUDE (record)" if fmt == "csv" else "e.*")
    sql, params = select_sql(filters, level, columns)
    store.copy(sql, params, path, fmt, header=True)
    return store.fetch(f"SELECT count(*) FROM ({sql})", params)[1][0][0]
