"""A pledge, promise or offer of aid is an intent to give it (033x), not aid given (07x) (docs/CODING.md §1)."""
from __future__ import annotations

import pytest

from casus.model import Article


def _codes(pipeline, text: str) -> set[str]:
    saved = pipeline.min_confidence
    pipeline.min_confidence = 0.0
    try:
        return {e.cameo.code for _, events in pipeline.code([Article(id="t", text=text)]) for e in events}
    finally:
        pipeline.min_confidence = saved


@pytest.mark.parametrize("text,code", [
    ("Norway pledged funds for rebuilding schools in Nepal.", "0331"),
    ("Canada promised relief to the flooded provinces of Pakistan.", "033"),
    ("Sweden offered weapons to the Ukrainian army.", "0332"),
])
def test_a_pledge_of_aid_is_intent(pipeline, text, code):
    codes = _codes(pipeline, text)
    assert code in codes and not any(c.startswith("07") for c in codes), codes


def test_aid_sent_is_aid_given(pipeline):
    assert any(c.startswith("07") for c in _codes(pipeline, "Norway sent food to Nepal after the earthquake."))
