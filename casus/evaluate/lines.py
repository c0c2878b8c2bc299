"""Reading gold JSONL files: each record with its line number, a bad line an InputError naming it."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from casus.model import InputError


def json_lines(path: Path | str) -> Iterator[tuple[int, Any]]:
    """(line number, record) of each non-blank line of a UTF-8 JSONL file."""
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")  # a BOM may open the file
            except UnicodeDecodeError as e:
                raise InputError(str(path), f"not UTF-8 text (byte {e.start + 1} of the line)", n) from None
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except (json.JSONDecodeError, RecursionError) as e:
                cause = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
                raise InputError(str(path), f"malformed JSON ({cause})", n) from None
