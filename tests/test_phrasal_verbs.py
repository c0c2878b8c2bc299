"""A phrasal verb the lexicon lists is read whole, never as its bare verb (docs/CODING.md §10, `phrasal_verb`)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,root", [
    ("Farmers in the valley were fired up by the senator's speech on water rights.", "19"),
    ("The treasury wants to free up funds for rural clinics.", "08"),
    ("Parliament cannot back away from its pledge on pensions, the speaker said.", "05"),
    ("Ms Okafor was sworn in as mayor of the city on Monday.", "03"),
])
def test_a_listed_phrasal_verb_is_not_read_as_its_bare_verb(code_all, text, root):
    assert not any(e.cameo.root == root for e in code_all(text))


def test_a_phrasal_verb_row_still_codes_its_own_act(code_all):
    events = code_all("The Chilean miners' union called off the strike on Friday.")
    assert any(e.cameo.code == "082" for e in events)


def test_a_phrasal_verb_with_its_own_row_is_coded_by_it(code_all):
    events = code_all("Riot police beat up student protesters outside the parliament in Minsk.")
    assert any(e.cameo.code == "182" for e in events)
