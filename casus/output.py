"""Writing results: atomic files, JSONL/CSV/table renderings of events."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from casus.model import Event

CSV_COLUMNS = ["event_id", "doc_id", "sentence", "event_date", "date_precision", "date_basis", "report_date",
               "source_text", "source_code", "source_country", "cameo_code", "cameo_name", "goldstein", "quad",
               "plover_type", "mode", "target_text", "target_code", "target_country", "location",
               "location_country", "lat", "lon", "trigger", "mentions", "confidence", "text"]


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """Yield a text stream; for a file, write a temporary beside it and rename only on success."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def event_row(e: Event) -> dict:
    """A flat row of one event, for CSV and tables."""
    src, tgt, loc = e.source, e.target, e.location
    return {
        "event_id": e.event_id, "doc_id": e.doc_id, "sentence": e.sentence,
        "event_date": e.date.value, "date_precision": e.date.precision, "date_basis": e.date.basis,
        "report_date": e.report_date,
        "source_text": src.text if src else None, "source_code": src.code if src else None,
        "source_country": src.country if src else None,
        "cameo_code": e.cameo.code, "cameo_name": e.cameo.name, "goldstein": e.cameo.goldstein, "quad": e.cameo.quad,
        "plover_type": e.plover.get("type"), "mode": e.mode,
        "target_text": tgt.text if tgt else None, "target_code": tgt.code if tgt else None,
        "target_country": tgt.country if tgt else None,
        "location": loc.name if loc else None, "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "trigger": e.trigger.text, "mentions": e.mentions, "confidence": round(e.confidence, 3), "text": e.text,
    }


class EventWriter:
    """Streams events to an open text stream in one of the line formats."""

    def __init__(self, fh: IO[str], fmt: str):
        self.fh, self.fmt = fh, fmt
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            self._csv.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        for e in events:
            if self.fmt == "jsonl":
                self.fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                self._csv.writerow(event_row(e))
            else:
                raise ValueError(f"unknown format {self.fmt}")


def render_table(events: list[Event], title: str | None = None, width: int | None = None) -> str:
    """A readable table of events for a terminal."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in ("event date", "source", "CAMEO", "event", "target", "mode", "place", "×", "conf"):
        table.add_column(col, overflow="fold")
    def who(a) -> str:
        if a is None:
            return "—"
        said = a.text if not a.name or a.name in a.text else f"{a.text} → {a.name}"
        return f"{a.code or a.name or '?'} ({said})" if said else (a.code or a.name or "unknown")

    for e in events:
        when = f"{e.date.value or '?'}" + ("" if e.date.basis in ("explicit", "relative") else f" ({e.date.basis})")
        place = f"{e.location.name}, {e.location.country}" if e.location else "—"
        table.add_row(when, who(e.source), e.cameo.code, e.cameo.name, who(e.target), e.mode, place, str(e.mentions),
                      f"{e.confidence:.2f}")
    buf = io.StringIO()
    Console(file=buf, width=width or 160, force_terminal=False).print(table)
    return buf.getvalue()


def render_rows(rows: list[dict], title: str | None = None) -> str:
    """A table of metric rows (from `casus eval`)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, header_style="bold")
    cols: list[str] = []
    for r in rows:
        cols.extend(k for k in r if k not in cols)
    for c in cols:
        table.add_column(c)
    for r in rows:
        table.add_row(*[_fmt(r.get(c)) for c in cols])
    buf = io.StringIO()
    Console(file=buf, width=200, force_terminal=False).print(table)
    return buf.getvalue()


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "" if v is None else str(v)
