"""The record of one bad input skipped with --skip-bad, shared by one-process and Dask ingest."""
from __future__ import annotations

from typing import Any

from casus.model import InputError


def rejection(err: InputError, file: str) -> dict[str, Any]:
    """The record of one skipped bad input: file, line, cause and the line's text (JSONL)."""
    record = None
    if err.line is not None and file != "-" and file.endswith(".jsonl"):
        try:
            with open(file, encoding="utf-8", errors="replace") as fh:
                record = next(text for n, text in enumerate(fh, 1) if n == err.line).rstrip("\n")
        except (OSError, StopIteration):
            record = None
    return {"file": file, "line": err.line, "cause": err.cause, "record": record}
