"""Exports of the store: GDELT 2.0, ICEWS, PLOVER/POLECAT JSON, CSV, JSONL and Parquet."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from casus.model import Event
from casus.query import Filters
from casus.store import Store

FORMATS = ("gdelt", "icews", "plover", "parquet", "csv", "jsonl")


@contextmanager
def atomic_path(out: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path beside `out` that replaces `out` only if the block succeeds."""
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent or ".")
    os.close(fd)
    os.unlink(tmp)  # DuckDB COPY wants to create the file itself
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def export(store: Store, fmt: str, out: str | os.PathLike[str], filters: Filters | None = None,
           header: bool = False, level: str = "events") -> int:
    """Write the store (or the filtered part) in one format to `out`, atomically; returns rows written."""
    from casus.export import gdelt, icews, plover, tabular

    filters = filters or Filters()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with atomic_path(out) as tmp:
        if fmt in ("parquet", "csv"):
            return tabular.copy(store, filters, tmp, fmt, level)
        writer: Callable[[Store, Filters, IO[str]], int] = {
            "gdelt": lambda s, f, fh: gdelt.write(s, f, fh, header=header),
            "icews": lambda s, f, fh: icews.write(s, f, fh),
            "plover": lambda s, f, fh: plover.write(s, f, fh),
            "jsonl": lambda s, f, fh: tabular.write_jsonl(s, f, fh, level),
        }[fmt]
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            return writer(store, filters, fh)


def write_events(events: list[Event], fmt: str, fh: IO[str], header: bool = False) -> int:
    """Write coded events (not yet stored) as GDELT 2.0 rows or PLOVER JSON lines."""
    import csv
    import datetime as dt
    import json

    from casus.export import gdelt, plover
    from casus.export.countries import Countries
    from casus.store import EVENT_COLUMNS, event_row

    countries = Countries()
    if fmt == "plover":
        for e in events:
            fh.write(json.dumps(plover.record(e.to_dict(), {}, countries), ensure_ascii=False) + "\n")
        return len(events)
    if fmt != "gdelt":
        raise ValueError(f"write_events writes gdelt or plover, not {fmt!r}")
    out = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    if header:
        out.writerow(gdelt.COLUMNS)
    for e in events:
        r = dict(zip(EVENT_COLUMNS, event_row(e)))
        for key in ("event_day", "report_date"):
            r[key] = dt.date.fromisoformat(r[key]) if r[key] else None
        r["url"] = None
        out.writerow([gdelt.clean(v) for v in gdelt.row(r, countries)])
    return len(events)
