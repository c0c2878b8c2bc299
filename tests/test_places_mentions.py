"""Places as places: a state after its town is a mention of its own, and a town named again is found again."""
from __future__ import annotations

import pytest

from casus.model import Article


@pytest.fixture(scope="module")
def grounded(pipeline):
    def run(text: str):
        return next(pipeline.grounded([Article(id="p", text=text)]))
    return run


def spans(g) -> list[tuple[str, str | None]]:
    return [(pm.place.text, pm.place.feature) for pm in g.places]


def test_a_state_after_its_town_is_a_place_of_its_own(grounded):
    g = grounded("Deputies in Athens, Georgia, detained a suspect, and the sheriff of Dover, Delaware, said little.")
    found = spans(g)
    assert ("Georgia", "ADM1") in found and ("Delaware", "ADM1") in found, found
    athens = next(pm.place for pm in g.places if pm.place.text == "Athens")
    assert athens.country == "USA", athens  # the state placed the town


def test_a_town_named_again_is_found_each_time(grounded):
    text = ("Shelling hit Mosul on Tuesday. Residents of Mosul said water ran out. "
            "By evening Mosul was dark, and aid agencies near Mosul University waited.")
    g = grounded(text)
    towns = [pm.place.start for pm in g.places if pm.place.text == "Mosul"]
    assert len(towns) == 3, spans(g)  # not the university
