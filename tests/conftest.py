"""Shared fixtures: the research data folder and one loaded pipeline per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASUS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared research data folder; tests needing it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared research data not available")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    """One loaded casus pipeline for the whole test session."""
    from casus.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def code_all(pipeline):
    """A function coding one text with every event kept (confidence 0 and up), some passes switched off."""
    import datetime as dt

    from casus.model import Article

    def code(text: str, off: tuple[str, ...] = ()) -> list:
        saved = pipeline.min_confidence, pipeline.gates_off
        pipeline.min_confidence, pipeline.gates_off = 0.0, set(off)
        try:
            article = Article(id="t", text=text, report_date=dt.date(2024, 5, 2), report_date_basis="given")
            return [e for _, events in pipeline.code([article]) for e in events]
        finally:
            pipeline.min_confidence, pipeline.gates_off = saved

    return code


@pytest.fixture(scope="session")
def code_rules(pipeline):
    """A function coding one text by the rules alone (no learned detector), every event kept."""
    import datetime as dt

    from casus.model import Article

    def code(text: str, report_date: dt.date = dt.date(2023, 4, 11)) -> list:
        saved = pipeline.extractor.detector, pipeline.min_confidence
        pipeline.extractor.detector, pipeline.min_confidence = None, 0.0
        try:
            article = Article(id="r", text=text, report_date=report_date, report_date_basis="given")
            return [e for _, events in pipeline.code([article]) for e in events]
        finally:
            pipeline.extractor.detector, pipeline.min_confidence = saved

    return code
