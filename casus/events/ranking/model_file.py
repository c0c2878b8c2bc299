"""Reading the JSON model files the ranking models ship as (filter.json, relevance.json)."""
from __future__ import annotations

import json
from pathlib import Path


def read_model(path: Path | str | None, default: Path, fmt: str) -> tuple[dict, dict[str, float]]:
    """The file's JSON and its weights as floats; ValueError if it is not a `fmt` model file."""
    p = Path(path) if path is not None else default
    data = json.loads(p.read_text(encoding="utf-8"))
    if data.get("format") != fmt:
        raise ValueError(f"{p}: not a {fmt} model file")
    return data, {k: float(v) for k, v in data["weights"].items()}
