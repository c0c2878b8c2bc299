"""Numbers inside names are no dates: a labelled number is no year, a year written before a name dates the name."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Article
from casus.time.tagger import find_times

REPORT = dt.date(2021, 3, 9)  # a Tuesday


def years(text: str) -> list[str]:
    return [t.value for t in find_times(text, REPORT) if len(t.value) == 4]


@pytest.mark.parametrize("text", [
    "The lawsuit invokes 18 U.S. Code \u00a7 1030 against the hackers.",
    "Under Section 1983 of the civil-rights law, the family may sue.",
    "The assembly passed Resolution 1973 by a wide margin.",
    "Guests on Flight 1549 were rescued from the river.",
    "The delegation stayed in Room 1812 of the hotel.",
    "Article 1776 of the draft sets out the procedure.",
    "They drove north on Highway 1901 towards the border.",
])
def test_a_number_a_label_names_is_no_year(text):
    assert years(text) == []


def test_years_still_found_beside_labels():
    assert years("The section was added in 1983 and repealed in 2004.") == ["1983", "2004"]
    assert years("Flights resumed in March 1999, and again in 2001.") == ["2001"]


def event_dates(pipeline, text: str) -> dict[str, str]:
    art = Article(id="names", text=text, report_date=REPORT, report_date_basis="given")
    [(_, events)] = list(pipeline.code([art]))
    return {e.trigger.text: e.date.value for e in events}


def test_year_before_a_name_does_not_date_the_act(pipeline):
    got = event_dates(pipeline, "Egypt called on Israel to withdraw to the 1949 armistice lines.")
    assert got and all(not v.startswith("1949") for v in got.values()), got
    got = event_dates(pipeline, "On Monday Kenya accused Uganda of breaking the 1926 boundary treaty.")
    assert got.get("accused") == "2021-03-08", got


def test_year_before_an_act_noun_dates_that_act_where_it_happens(pipeline):
    got = event_dates(pipeline, "The leaders of Ghana and Togo met at the 2017 summit in Accra.")
    assert got.get("met") == "2017", got
    got = event_dates(pipeline, "Brazil criticised the 1964 coup against the government of Bolivia.")
    assert "criticised" in got and not got["criticised"].startswith("1964"), got


@pytest.mark.parametrize("text", [
    "The verdict was read out in Courtroom 1802 of the tribunal.",
    "Inmates of Camp 1391 were moved to another prison.",
    "Artillery shelled the ridge near Hill 1070 for a week.",
    "The protesters marched down Avenue 1905 towards the palace.",
    "The refugees queued at Checkpoint 1948 on the border.",
])
def test_places_numbered_like_years_hold_no_year(text):
    assert years(text) == []


def test_a_year_after_post_is_still_a_year():
    assert years("The post 1945 order is fraying, the minister said.") == ["1945"]
