"""A pledge, promise or offer of aid is an intent to give it (033x), not aid given (07x) (docs/CODING.md §1)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,code", [
    ("Norway pledged funds for rebuilding schools in Nepal.", "0331"),
    ("Canada promised relief to the flooded provinces of Pakistan.", "033"),
    ("Sweden offered weapons to the Ukrainian army.", "0332"),
])
def test_a_pledge_of_aid_is_intent(code_all, text, code):
    codes = {e.cameo.code for e in code_all(text)}
    assert code in codes and not any(c.startswith("07") for c in codes), codes


def test_aid_sent_is_aid_given(code_all):
    assert any(c.startswith("07") for c in {e.cameo.code for e in code_all("Norway sent food to Nepal after the earthquake.")})
