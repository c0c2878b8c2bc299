"""Time values of constructions news write often: a state that ran on until a day, and more (CODING §4)."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.time.tagger import find_times

THURSDAY = dt.date(2026, 10, 15)


def values(text: str, report: dt.date = THURSDAY) -> dict[str, str]:
    return {t.text: t.value for t in find_times(text, report)}


@pytest.mark.parametrize("text,expected", [
    ("The strike at the port lasted until Monday.", {"Monday": "2026-10-12"}),
    ("Talks between the two delegations went on until Tuesday, when the mediators left.", {"Tuesday": "2026-10-13"}),
    ("The sit-in continued until Monday.", {"Monday": "2026-10-12"}),
    ("The fighting raged until early Monday, residents said.", {"early Monday": "2026-10-12"}),
])
def test_until_after_a_past_verb_of_a_state_that_ran_on_is_past(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The port will stay closed until Monday.", {"Monday": "2026-10-19"}),
    ("The ministry closed the crossing until Monday.", {"Monday": "2026-10-19"}),  # no state that ran on: a limit ahead
    ("The curfew was extended until Monday.", {"Monday": "2026-10-19"}),
    ("The government has continued to keep the schools shut until Friday.", {"Friday": "2026-10-16"}),
])
def test_until_after_a_future_a_closing_or_an_infinitive_stays_to_come(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,report,expected", [
    ("Grain exports fell to 2.1 million tonnes, down from 2.6 million last September.", dt.date(2026, 10, 15), "2025-09"),
    ("Two ferries sank in the strait last February.", dt.date(2027, 3, 2), "2026-02"),
    ("The mayor resigned last December.", dt.date(2027, 1, 20), "2025-12"),
    ("The mayor resigned last August.", dt.date(2026, 10, 15), "2026-08"),  # not the month just before: this year's
    ("The mayor resigned this past September.", dt.date(2026, 10, 15), "2026-09"),
])
def test_last_and_the_month_just_before_the_reports_is_a_year_back(text, report, expected):
    [value] = values(text, report).values()
    assert value == expected


def test_the_last_week_of_a_month_is_not_that_month_a_year_back():
    assert values("Holdings fell in the last March week, the central bank said.", dt.date(2026, 4, 8)) == {"last March": "2026-03"}


@pytest.mark.parametrize("text,expected", [
    ("Ballots may arrive until April 13, and none is counted until then.", {"April 13": "2027-04-13", "then": "2027-04-13"}),
    ("The lenders want a new loan by June 30. If none is found by that time, the mill closes.",
     {"June 30": "2027-06-30", "that time": "2027-06-30"}),
    ("The party split in 2019. At that time, its leader was in exile.", {"2019": "2019", "that time": "2019"}),
    ("The militia quit the town in 2019. Since then, the roads have reopened.", {"2019": "2019"}),  # a stretch to now
    ("Loans were repaid at then-current rates.", {}),
    ("Nothing changed until then, the envoy said.", {}),  # no time named before: no value to borrow
])
def test_until_then_and_by_that_time_take_the_time_just_named(text, expected):
    assert values(text, dt.date(2027, 1, 20) if "April" in text else THURSDAY) == expected


@pytest.mark.parametrize("text,expected", [
    ("The poet died on Saturday at his farm, reportedly due to a fall.", {"Saturday": "2026-10-10"}),
    ("The ferry service stopped on Tuesday due to high winds.", {"Tuesday": "2026-10-13"}),
    ("The second largest province, the next biggest, counted 4,120 cases as of Monday.", {"Monday": "2026-10-12"}),
    ("The envoy is due to arrive on Saturday.", {"Saturday": "2026-10-17"}),  # a schedule still looks ahead
    ("Creditors are due to auction the mill on Monday.", {"Monday": "2026-10-19"}),
    ("The next round of talks opens on Monday.", {"Monday": "2026-10-19"}),
])
def test_a_cause_with_due_to_and_a_ranking_next_are_no_cues_of_the_future(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The home secretary told the Sunday Times the bill would pass.", {}),
    ("A poll for the Independent on Sunday put the party third.", {}),
    ("The grid will be sold this year, according to The Mail on Sunday.", {"this year": "2026"}),
    ("The minister told reporters on Sunday the bill would pass.", {"Sunday": "2026-10-11"}),
    ("On Sunday Times Square was closed to traffic.", {"Sunday": "2026-10-11"}),
    ("Italy will face Scotland on Saturday in the opening match.", {"Saturday": "2026-10-17"}),
])
def test_a_newspaper_named_after_a_weekday_is_no_time(text, expected):
    assert values(text) == expected


def test_a_word_list_without_lasting_verbs_or_words_of_saying_reads_no_such_cue(tmp_path):
    from casus.time.lexicon import DATA, load

    words = tmp_path / "words.tsv"
    words.write_text("".join(line + "\n" for line in DATA.read_text(encoding="utf-8").splitlines()
                             if not line.startswith(("lasting\t", "saying\t"))), encoding="utf-8")
    lex = load(words)
    got = {t.text: t.value for t in find_times("The port will stay closed until Monday.", THURSDAY, lexicon=lex)}
    assert got == {"Monday": "2026-10-19"}
    text = '"Counting will be finished on Monday," the electoral board said on Saturday.'
    got = {t.text: t.value for t in find_times(text, THURSDAY, lexicon=lex)}
    assert got["Monday"] == "2026-10-19"  # no word of saying: counted from the report


@pytest.mark.parametrize("text,expected", [
    ("The frigate docks on November 11, three days later than first planned.",
     {"November 11": "2026-11-11", "three days later": "2026-11-11"}),
    ("The summit closes today, a day earlier than scheduled.", {"today": "2026-10-15", "a day earlier": "2026-10-15"}),
    ("The army will leave the valley two months earlier than agreed.", {"two months earlier": "P2M"}),
])
def test_later_or_earlier_than_a_plan_is_the_time_just_named_or_an_amount(text, expected):
    assert values(text) == expected
