"""Report dates: from a full dateline, or a dateline year inferred from the text and its weekdays."""
import datetime as dt

from casus.ingest.dateline import parse_dateline
from casus.ingest.reportdate import infer_report_date


def infer(text):
    return infer_report_date(text, parse_dateline(text))


def test_full_dateline_date():
    day, basis, reason = infer("NEW YORK, Jan. 5, 2019 (Reuters) - Stocks fell.")
    assert (day, basis) == (dt.date(2019, 1, 5), "dateline") and "NEW YORK" in reason


def test_no_dateline_or_no_date():
    assert infer_report_date("Japan said.", None)[:2] == (None, "none")
    assert infer("MOSCOW (Reuters) - Russia said in 2017.")[:2] == (None, "none")


def test_said_weekday_picks_the_year_where_the_dateline_day_is_that_weekday():
    # 26 Jan: Thursday in 2017, Friday in 2018, Tuesday in 2016
    text = "TOKYO, January 26. /TASS/. Japan will act, Abe said Friday.\n\nThey met on May 6, 2016 and in 2017."
    day, basis, reason = infer(text)
    assert (day, basis) == (dt.date(2018, 1, 26), "inferred")
    assert "said Friday" in reason and "2017" in reason


def test_weekday_can_pick_the_latest_year_itself():
    text = "TOKYO, January 26. /TASS/. Japan will act, Abe said Thursday.\n\nThey met in 2016 and in 2017."
    assert infer(text)[:2] == (dt.date(2017, 1, 26), "inferred")


def test_weekday_pinned_to_a_date_in_the_text():
    # Monday, March 2 falls in 2020 (not 2019 or 2021)
    text = "PARIS, Feb 27 - France will hold talks on Monday, March 2, the ministry said, as in 2019."
    assert infer(text)[:2] == (dt.date(2020, 2, 27), "inferred")


def test_no_weekday_no_guess():
    day, basis, reason = infer("TOKYO, January 26. /TASS/. Japan will act, Abe said.\n\nIn 2017 they met.")
    assert (day, basis) == (None, "none") and "2017" in reason


def test_numbers_that_look_like_years_are_not_years():
    # "1500 GMT" and "2000 tonnes" must not anchor the year; without a year there is no guess
    text = "LONDON, March 3 - Trading closed at 1500 GMT with 2000 tonnes sold, dealers said Tuesday."
    assert infer(text)[:2] == (None, "none")


def test_february_29_only_in_leap_years():
    text = "ROME, Feb 29 - Italy acted, officials said Saturday, after talks in 2019."
    assert infer(text)[:2] == (dt.date(2020, 2, 29), "inferred")
