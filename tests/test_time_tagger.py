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


def test_tense_cues():
    # "set to" looks ahead; a capitalised "United" is not a past participle
    assert values("The peace process is set to resume Monday in Belfast.") == [("Monday", "2018-01-29")]
    assert values("The father would be traveling to the United States Thursday.") == [("Thursday", "2018-02-01")]
    # "had been due to" is a past plan
    assert values("The offer had been due to expire Friday evening.", dt.date(1989, 10, 30)) == [
        ("Friday evening", "1989-10-27TEV")]


def test_months_without_a_year_take_the_nearest_one():
    anchor = dt.date(1989, 10, 26)
    assert values("The dividend will be paid on a date in January.", anchor) == [("January", "1990-01")]
    assert values("Prices peaked in July.", anchor) == [("July", "1989-07")]


def test_fiscal_year_ending_is_a_duration():
    assert values("Rally had net income of $2.4 million for the year ended July 2.", dt.date(1989, 10, 27)) == [
        ("the year", "P1Y"), ("July 2", "1989-07-02")]


def test_year_earlier_in_a_quarterly_report():
    text = ("Savin Corp. reported a third-quarter net loss of $35.2 million. The company blamed weak demand in the "
            "copier business and the cost of closing two plants, which it said would hurt results in coming years "
            "as well. Revenue declined 8% to $85.7 million, from $93.3 million a year earlier.")
    got = values(text, dt.date(1989, 11, 2))
    assert ("a year earlier", "1988-Q3") in got


def test_same_period_a_year_back():
    text = "Sales fell 35% in January, compared to the same month a year ago."
    assert values(text, dt.date(2009, 2, 3)) == [("January", "2009-01"), ("the same month a year ago", "2008-01")]


def test_rates_are_sets_and_someday_is_future():
    got = find_times("The plan saves $500 million a year. Islam will one day be the second religion.", ANCHOR)
    assert [(t.text, t.type, t.value) for t in got] == [("a year", "SET", "P1Y"), ("one day", "DATE", "FUTURE_REF")]


def test_quoted_titles_are_not_times():
    assert values('Baker said on ABC News\' "This Week," that sanctions work.') == []
    assert values("He told CBS's ``60 Minutes'' he was sorry.") == []


def test_longest_match_without_value_gives_way():
    assert values("Just over an hour later, he was declared dead.") == [("Just over an hour", "PT1H")]


def test_event_anchored_days_are_left_out():
    assert values("His car was seen in the neighborhood in the days before the slaying.") == []
    assert values("Things have changed over the years.") == [("the years", "PXY")]


def test_previous_and_following_weekday_count_from_the_day_last_mentioned():
    text = "Stocks fell Friday, down 4.5% from the previous Friday. They rose the following Monday."
    assert values(text, dt.date(1989, 10, 30)) == [("Friday", "1989-10-27"), ("the previous Friday", "1989-10-20"),
                                                   ("the following Monday", "1989-10-23")]


def test_dates_beyond_the_calendar_are_skipped_not_fatal():
    import datetime as dt

    from casus.time.tagger import find_times

    refs = find_times("The fossil formed 500,000 weeks ago, on February 30, and 99999 years from now.", dt.date(1987, 3, 1))
    assert all(r.value for r in refs)


def test_soon_is_the_future_unless_the_story_is_told_in_the_past():
    assert values("Prosecutors may soon seek an indictment.") == [("soon", "FUTURE_REF")]
    assert values("It will liquidate the unit as soon as possible.") == [("as soon as possible", "FUTURE_REF")]
    assert values("The group could leave as soon as Tuesday.") == [("Tuesday", "2018-01-30")]
    assert values("A trickle of cash soon became a flood.") == []
    assert values("He died soon after his capture.") == []


def test_number_ranges():
    assert values("Acquisitions will be made during the next 12 to 18 months.") == [("the next 12 to 18 months", "PXM")]
    assert values("The process would take between 60 and 90 days.") == [("60", "P60D"), ("90 days", "P90D")]
    assert values("Growth will pick up over the next couple of years.") == [("the next couple of years", "P2Y")]


def test_current_fiscal_year():
    assert values("It expects higher sales in the current fiscal year.") == [("the current fiscal year", "2018")]


def test_now_as_a_discourse_marker_is_not_a_time():
    assert values("It failed. Now, he says, it works.") == []
    assert values("Now the fund holds cash, and we act now, not later.") == [("Now", "PRESENT_REF"), ("now", "PRESENT_REF")]


def test_rule_word_gate_never_hides_a_match():
    """A rule skipped for lacking its word must have had no match: every match holds the word."""
    from casus.time.lexicon import default
    from casus.time.tagger import _grammar
    text = ("A year and a half ago, Q3 2017 profits fell; the week of March 6 and the first two quarters of 1990; "
            "every two years; soon; the 1800s; the past century; by mid afternoon; at 4 in the morning; "
            "the year previous; the quarter ended July 31; the full year; the near term; over the weekend.")
    for rule in _grammar(default()).rules:
        if rule.needs is not None:
            for m in rule.regex.finditer(text):
                assert rule.needs.search(m.group(0)), (rule.name, m.group(0))


def test_rule_gates_hold_on_real_news(shared):
    """Over real wire copy too, every match of a gated rule is followed by its gate's text, so no time is lost to the gate."""
    import gzip
    import json

    from casus.time.lexicon import default
    from casus.time.tagger import _grammar
    corpus = shared / "corpus" / "reuters21578.jsonl.gz"
    if not corpus.exists():
        pytest.skip("Reuters corpus not available")
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(400), fh)]
    rules = [r for r in _grammar(default()).rules if r.needs is not None]
    assert len(rules) >= 40, "the common rules (digits, months, units, weekdays) are gated"
    for text in texts:
        for rule in rules:
            for m in rule.regex.finditer(text):  # from the match on: a look-ahead may hold the word ("five to ten years")
                assert rule.needs.search(text, m.start()), (rule.name, m.group(0))


def test_sentence_gate_by_strings_never_refuses_what_the_regex_admits():
    """The plain-string sentence gate is a superset of the gate regex: a text the regex admits is never skipped."""
    from casus.time.lexicon import default
    from casus.time.tagger import _gate, _may_hold_time
    lex = default()
    texts = ["Shares slipped 3 pct in heavy trade.", "The envoys will meet again next Tuesday.",
             "Talks stalled for a couple of weeks.", "Nobody answered the letter.", "Voters queued since dawn.",
             "The board met on Independence Day.", "Die Gespräche enden am Montag.", "quarterly results",
             "a fortnight-long strike", "Marketing costs declined.", "in the mid-1990s", "Sept. 4"]
    for text in texts:
        if _gate(lex).search(text):
            assert _may_hold_time(text, 0, len(text), lex), text
    assert not _may_hold_time("Nobody answered the letter.", 0, 28, lex)
    assert _may_hold_time("Talks stalled for a couple of weeks.", 0, 36, lex)
