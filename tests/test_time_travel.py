"""Time values that travel: seasons counted as news count them, a sentence's verb read however far, a saying's day."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.time.tagger import find_times

OCTOBER = dt.date(2026, 10, 14)  # a Wednesday in autumn
JANUARY = dt.date(2027, 1, 20)  # a Wednesday in winter
THURSDAY = dt.date(2026, 10, 15)


def values(text: str, report: dt.date) -> dict[str, str]:
    return {t.text: t.value for t in find_times(text, report)}


@pytest.mark.parametrize("text,report,expected", [
    ("Farmers have blocked the border crossing since last spring.", OCTOBER, {"last spring": "2026-SP"}),
    ("Farmers have blocked the border crossing since last spring.", JANUARY, {"last spring": "2026-SP"}),
    ("The pipeline froze last winter, the operator admitted.", OCTOBER, {"last winter": "2025-WI"}),
    ("The pipeline froze last winter, the operator admitted.", JANUARY, {"last winter": "2025-WI"}),
    ("The regional council will be dissolved next spring.", JANUARY, {"next spring": "2027-SP"}),
    ("The regional council will be dissolved next winter.", JANUARY, {"next winter": "2027-WI"}),
    ("The health ministry expects shortages this winter.", JANUARY, {"this winter": "2026-WI"}),
    ("The health ministry expects shortages this winter.", OCTOBER, {"this winter": "2026-WI"}),
])
def test_a_season_named_with_last_next_or_this_is_counted_from_the_report(text, report, expected):
    assert values(text, report) == expected


def test_a_bare_season_takes_the_tense_of_its_sentence():
    assert values("Negotiators will meet again in the spring.", OCTOBER) == {"the spring": "2027-SP"}
    assert values("The militia retreated from the valley in the summer.", JANUARY) == {"the summer": "2026-SU"}
    assert values("The militia retreated from the valley in the summer.", OCTOBER) == {"the summer": "2026-SU"}


def test_a_time_opening_a_sentence_takes_the_tense_of_its_distant_verb():
    text = "On Tuesday, the union of port workers and the farmers' league of the southern provinces plans to block roads."
    assert values(text, OCTOBER) == {"Tuesday": "2026-10-20"}
    text = "On Tuesday, the union of port workers and the farmers' league of the southern provinces blocked the roads."
    assert values(text, OCTOBER) == {"Tuesday": "2026-10-13"}


@pytest.mark.parametrize("text", [
    '"Counting will be finished on Monday," the electoral board said on Saturday.',
    "In a statement issued on Saturday, the electoral board said counting would end on Monday.",
    "On Saturday, the chairman of the electoral board said counting would end on Monday.",
])
def test_a_coming_weekday_in_words_said_days_ago_counts_from_the_saying(text):
    got = values(text, THURSDAY)
    assert got["Saturday"] == "2026-10-10" and got["Monday"] == "2026-10-12", got


def test_a_coming_weekday_not_framed_by_a_dated_saying_counts_from_the_report():
    assert values('"Counting will be finished on Monday," the electoral board said.', THURSDAY) == {"Monday": "2026-10-19"}
    got = values("Rebels shelled the port on Saturday, and talks will resume on Monday.", THURSDAY)
    assert got == {"Saturday": "2026-10-10", "Monday": "2026-10-19"}
    got = values("The board said on Tuesday that counting would end on Friday.", THURSDAY)
    assert got == {"Tuesday": "2026-10-13", "Friday": "2026-10-16"}  # the same Friday from either day


def event_dates(pipeline, text: str, report: dt.date) -> dict[str, str]:
    from casus.model import Article

    art = Article(id="travel", text=text, report_date=report, report_date_basis="given")
    [(_, events)] = list(pipeline.code([art]))
    return {e.trigger.text: e.date.value for e in events}


def test_a_past_time_on_an_infinitive_dates_the_act_that_governs_it(pipeline):
    got = event_dates(pipeline, "The governor asked the protesters to leave the square two days ago.", THURSDAY)
    assert got.get("asked") == "2026-10-13", got
    got = event_dates(pipeline, "The government urged the opposition to join the cabinet last month.", THURSDAY)
    assert got.get("urged") == "2026-09", got


def test_a_weekday_on_an_infinitive_leaves_the_act_its_own_date(pipeline):
    got = event_dates(pipeline, "The mediators invited the rebel delegation to return to the talks on Monday.", THURSDAY)
    assert got.get("invited") == "2026-10-15", got  # the return's Monday may be to come: no date for the invitation


@pytest.mark.parametrize("text,expected", [
    ("The treasury cut its forecast for the 2026-27 fiscal year.", {"the 2026-27 fiscal year": "2027"}),
    ("Exports grew in the 2025/26 financial year, the bureau reported.", {"the 2025/26 financial year": "2026"}),
    ("The ministry's deficit target for fiscal 2026-27 was raised.", {"fiscal 2026-27": "2027"}),
    ("The defence budget for FY27 includes new frigates.", {"FY27": "2027"}),
    ("The defence budget for fiscal 2027 includes new frigates.", {"fiscal 2027": "2027"}),
])
def test_a_fiscal_year_is_named_by_the_year_it_ends_in(text, expected):
    assert values(text, OCTOBER) == expected


def test_a_span_of_years_is_no_fiscal_year():
    assert values("Wages rose in 2019-2021, the union said.", OCTOBER) == {}


@pytest.mark.parametrize("text,expected", [
    ("The regional assembly voted in March to extend the curfew.", "2026-03"),
    ("The border accord was signed in February by both ministers.", "2026-02"),
    ("The peace talks were adjourned in early March.", "2026-03"),
    ("The border accord is expected in February.", "2027-02"),
    ("The border accord will be signed in February.", "2027-02"),
    ("The border accord was scheduled in February, the ministry said.", "2027-02"),
])
def test_a_month_after_a_past_verb_in_a_story_of_the_months_before_is_last_years(text, expected):
    [value] = values(text, JANUARY).values()
    assert value == expected


@pytest.mark.parametrize("text,word,expected", [
    ('"Our patrol shelled the depot yesterday," the colonel said on Tuesday.', "yesterday", "2026-10-12"),
    ('"The ballots will be counted tomorrow," the commission said on Monday.', "tomorrow", "2026-10-13"),
    ("\u201cWe meet the unions again tonight,\u201d the premier told reporters on Monday.", "tonight", "2026-10-12TNI"),
    ("``We sign today,'' the envoy said Tuesday.", "today", "2026-10-13"),
])
def test_a_quoted_yesterday_or_tomorrow_counts_from_the_day_of_the_saying(text, word, expected):
    assert values(text, THURSDAY)[word] == expected


@pytest.mark.parametrize("text,expected", [
    ('"Our patrol shelled the depot yesterday," the colonel said.', "2026-10-14"),  # no day of saying
    ("The colonel said on Tuesday that the depot was shelled yesterday.", "2026-10-14"),  # not in quotes
])
def test_yesterday_outside_a_dated_quotation_counts_from_the_report(text, expected):
    assert values(text, THURSDAY)["yesterday"] == expected


@pytest.mark.parametrize("text,expected", [
    ("The two foreign ministers meet in Geneva on Monday.", "2026-10-19"),
    ("Voters go to the polls on Sunday in the first round.", "2026-10-18"),
    ("The tribunal resumes its hearings Tuesday.", "2026-10-20"),
    ("The two foreign ministers met in Geneva on Monday.", "2026-10-12"),
    ("It was hard for the refinery to meet demand on Monday.", "2026-10-12"),
])
def test_a_present_verb_of_a_scheduled_act_looks_ahead(text, expected):
    [ref] = find_times(text, THURSDAY)
    assert ref.value == expected


@pytest.mark.parametrize("text,expected", [
    ("The referendum was postponed until March.", "2027-03"),
    ("The referendum was put off to March, the commission said.", "2027-03"),
    ("The creditors extended the bridging loans of the utility through January.", "2027-01"),
    ("The tribunal adjourned the hearing to Tuesday.", "2026-10-20"),
])
def test_a_time_an_act_moves_ahead_is_to_come(text, expected):
    [ref] = find_times(text, THURSDAY)
    assert ref.value == expected


def test_a_past_span_that_ends_at_a_time_is_not_moved_ahead():
    assert values("The talks, delayed since June, resumed in August.", THURSDAY) == {"June": "2026-06", "August": "2026-08"}


def test_the_words_of_saying_are_read_from_the_word_list(tmp_path):
    from casus.time.lexicon import DATA, default, load

    assert default().saying["said"] == "verb" and default().saying["news conference"] == "noun"
    text = '"The bridge will reopen on Monday," the engineers posted on Saturday.'
    assert values(text, THURSDAY)["Monday"] == "2026-10-19"  # "posted" is no word of saying in the shipped list
    extra = tmp_path / "words.tsv"
    extra.write_text(DATA.read_text(encoding="utf-8") + "saying\tposted\tverb\n", encoding="utf-8")
    got = {t.text: t.value for t in find_times(text, THURSDAY, lexicon=load(extra))}
    assert got["Monday"] == "2026-10-12", got
