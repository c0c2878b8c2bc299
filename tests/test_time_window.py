"""The sentence a time's tense and saying are read in: one splitter for the tagger and the saying's day."""
from __future__ import annotations

import datetime as dt

from casus.time.tagger import find_times
from casus.time.window import sentence_bounds


def test_a_sentence_ends_at_a_stop_inside_a_closing_quote_but_not_after_a_title():
    text = 'Talks will go on. "We walked out," Gen. Okoro said. Observers left.'
    lo, hi = sentence_bounds(text, text.index("walked"))
    assert text[lo:hi] == '"We walked out," Gen. Okoro said'
    lo, hi = sentence_bounds(text, text.index("Observers"))
    assert text[lo:hi] == "Observers left."


def test_the_window_looks_only_so_far_back_and_ahead():
    text = "a" * 500 + " then the vote came."
    assert sentence_bounds(text, 505, back=100, ahead=5) == (405, 510)
    assert sentence_bounds(text, 505) == (105, len(text))


def test_a_saying_dated_in_the_next_sentence_does_not_move_a_coming_weekday():
    thursday = dt.date(2026, 10, 15)
    text = '"Counting will be finished on Monday." The electoral board met on Saturday.'
    got = {t.text: t.value for t in find_times(text, thursday)}
    assert got["Monday"] == "2026-10-19", got


def test_no_time_runs_across_a_line():
    text = "Border stays shut until Friday\nOctober 15, 2026\nThe crossing stays shut, officials said."
    got = [(t.text, t.value) for t in find_times(text, dt.date(2026, 10, 15))]
    assert got == [("Friday", "2026-10-16"), ("October 15, 2026", "2026-10-15")]


def test_a_time_ending_a_line_still_reads_its_line():
    text = "Rebels took the port on Monday, March 2\nThe army left."
    got = [(t.text, t.value) for t in find_times(text, dt.date(2026, 3, 5))]
    assert got == [("Monday, March 2", "2026-03-02")]
