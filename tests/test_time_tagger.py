"""Finding time expressions in running text: offsets, values anchored on the report date, context."""
import datetime as dt

from casus.time.tagger import find_times

ANCHOR = dt.date(2018, 1, 26)  # a Friday


def values(text, anchor=ANCHOR, **kw):
    return [(t.text, t.value) for t in find_times(text, anchor, **kw)]


def test_offsets_point_into_text():
    text = ("TOKYO, January 26. Japan's Prime Minister Shinzo Abe met Vladimir Putin on May 6, 2016 in Sochi, "
            "and the two will meet again next month; talks last week lasted three hours.")
    found = find_times(text, ANCHOR)
    assert found, "no times found"
    for t in found:
        assert text[t.start:t.end] == t.text
    got = {t.text: t.value for t in found}
    assert got["January 26"] == "2018-01-26"
    assert got["May 6, 2016"] == "2016-05-06"
    assert got["next month"] == "2018-02"
    assert got["last week"] == "2018-W03"
    assert got["three hours"] == "PT3H"


def test_start_end_window_keeps_document_offsets():
    text = "Ignored: yesterday. Counted: two days ago the army withdrew."
    start = text.index("Counted")
    found = find_times(text, ANCHOR, start=start)
    assert [(t.text, t.start) for t in found] == [("two days ago", text.index("two days ago"))]
    assert found[0].value == "2018-01-24"


def test_weekday_follows_tense():
    assert values("The minister arrived on Friday.") == [("Friday", "2018-01-26")]
    assert values("Protesters said Monday they were tired.") == [("Monday", "2018-01-22")]
    assert values("The minister will travel to Paris on Monday.") == [("Monday", "2018-01-29")]


def test_longest_expression_wins():
    assert values("Talks resumed on Friday morning.") == [("Friday morning", "2018-01-26TMO")]
    assert values("It happened in the third quarter of 2016.") == [("the third quarter of 2016", "2016-Q3")]


def test_modifier_widens_span_not_value():
    assert values("The plant will open early next year.") == [("early next year", "2019")]
    assert values("Prices rose until the end of 2008.") == [("the end of 2008", "2008")]


def test_year_earlier_follows_quarter_in_context():
    text = "Profit rose in the third quarter, compared with $5 million a year earlier."
    assert values(text, dt.date(1989, 10, 26)) == [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_clock_time_takes_the_day_last_mentioned():
    text = "The bomb exploded Friday. Police arrived at 10:35 a.m."
    assert values(text, dt.date(1998, 8, 8)) == [("Friday", "1998-08-07"), ("10:35 a.m.", "1998-08-07T10:35")]


def test_numbers_and_words_that_are_not_times():
    assert values("He paid $2000 for 1,500 shares; the 6-year-old boy may march home.") == []
    assert values("The 52-year-old senator and 2000 troops.") == []


def test_month_names_need_a_date_context_when_they_are_also_verbs():
    assert values("Troops may march on the capital.") == []
    assert values("Elections are set for May.") == [("May", "2018-05")]


def test_no_anchor_leaves_relative_dates_out_and_keeps_absolute_ones():
    assert values("On May 6, 2016 and yesterday.", anchor=None) == [("May 6, 2016", "2016-05-06")]


def test_durations_sets_and_refs_in_text():
    got = values("For the past five years the council has met every week, but now it meets annually.")
    assert got == [("the past five years", "P5Y"), ("every week", "P1W"), ("now", "PRESENT_REF"),
                   ("annually", "P1Y")]
