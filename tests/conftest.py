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
