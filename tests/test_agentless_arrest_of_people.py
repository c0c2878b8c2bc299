"""An arrest, charge or jailing told in the passive with no one named as doer, of people the text does not
name ('two suspects were detained', 'activists who were arrested', 'he was arrested'), is the state's where the
story happens; things, fees and stories set nowhere give no arrest."""
from __future__ import annotations

import datetime as dt

from casus.model import Article

REPORT = dt.date(2021, 3, 2)
KENYA = "Riot police broke up a march in Nairobi and Mombasa on Monday. "


def _code(pipeline, text: str) -> list:
    (_a, events), = list(pipeline.code([Article(id="p", text=text, report_date=REPORT, report_date_basis="given")]))
    return events


def _arrests(events, country: str | None = None) -> list:
    return [e for e in events if e.cameo.root == "17" and e.source is not None
            and (country is None or e.source.country == country)]


def _show(events) -> list:
    return [(e.cameo.code, e.source and (e.source.text, e.source.country), e.trigger.text) for e in events]


def test_unnamed_people_arrested_in_a_one_country_story_are_arrested_by_that_state(pipeline):
    events = _code(pipeline, KENYA + "Four young men were detained on Tuesday for throwing stones.")
    assert _arrests(events, "KEN"), _show(events)


def test_people_a_relative_clause_says_were_held_are_held_by_the_state(pipeline):
    events = _code(pipeline, KENYA + "Teachers who were arrested at the march have not seen a lawyer.")
    assert _arrests(events, "KEN"), _show(events)


def test_a_person_told_by_a_pronoun_is_arrested_by_the_story_s_state(pipeline):
    events = _code(pipeline, KENYA + "Union organiser Wanjiru Kamau spoke to the crowd. She was arrested the next day.")
    assert _arrests(events, "KEN"), _show(events)


def test_a_charge_joined_to_another_passive_shares_its_people(pipeline):
    events = _code(pipeline, KENYA + "Two brothers were questioned for hours and charged with arson.")
    assert [e for e in _arrests(events, "KEN") if e.trigger.text == "charged"], _show(events)


def test_things_fees_and_stories_set_nowhere_give_no_arrest(pipeline):
    assert not _arrests(_code(pipeline, KENYA + "Shoppers were charged a higher fee for plastic bags.")), "a fee"
    assert not _arrests(_code(pipeline, KENYA + "A cargo ship was seized off the coast.")), "a thing"
    events = _code(pipeline, "Thousands marched on Monday. Four young men were detained on Tuesday.")
    assert not _arrests(events), _show(events)
