"""Time words that are not times, and relative times counted from the time the text last mentioned."""
import datetime as dt

from casus.time.tagger import find_times

DCT = dt.date(1998, 4, 18)  # a Saturday


def values(text, anchor=DCT):
    return [(t.text, t.value) for t in find_times(text, anchor)]


def test_the_following_year_counts_from_the_year_last_mentioned():
    text = "On May 22, 1995, Farkas was made a general, and the following year he was posted to Washington."
    assert values(text)[-1] == ("the following year", "1996")


def test_the_previous_month_counts_from_the_month_last_mentioned():
    text = "Sales fell in March 2009, after a rise in the previous month."
    assert values(text, dt.date(2009, 6, 1))[-1] == ("the previous month", "2009-02")


def test_the_following_month_without_a_reference_counts_from_today():
    assert values("Talks will resume the following month.") == [("the following month", "1998-05")]


def test_that_day_needs_a_day_to_refer_to():
    # a year is no day: "that day" after "1987" must not become January 1
    got = values("The 1987 crash was severe. Traders lost heavily that day.", dt.date(1989, 10, 30))
    assert ("that day", "1987-01-01") not in got
    got = values("The bomb exploded on Aug. 7, 1998. Police arrived that day.")
    assert got[-1] == ("that day", "1998-08-07")


def test_a_quarter_of_something_is_a_fraction_not_a_time():
    assert values("Chrysler wants to eliminate about a quarter of its 3,200 dealers.") == []
    assert values("Junk funds account for more than a quarter of the market.") == []
    assert values("Japan entered recession after two consecutive quarters of decline.") == [
        ("two consecutive quarters", "P2Q")]


def test_halves_named_by_quarters_or_last_half():
    d = dt.date(1989, 10, 26)
    assert values("Demand will stay weak through the first two quarters of 1990.", d) == [
        ("the first two quarters of 1990", "1990-H1")]
    assert values("Earnings will be lower for the last half of 1989.", d) == [("the last half of 1989", "1989-H2")]
    assert values("It earned $4 million for the fiscal-first quarter.", d) == [("the fiscal-first quarter", "1989-Q1")]


def test_the_week_of_a_date_is_that_week():
    assert values("A court hearing is set for the week of March 6.", dt.date(2000, 2, 24)) == [
        ("the week of March 6", "2000-W10")]


def test_part_of_day_before_yesterday_word():
    assert values("In London at mid-afternoon yesterday, shares were up.", dt.date(1989, 11, 2)) == [
        ("mid-afternoon yesterday", "1989-11-01TAF")]


def test_idioms_and_names_are_not_times():
    assert values("For the people of Poland, high noon comes today.") == [("today", "1998-04-18")]
    assert values("The Russell 2000 index of smaller companies fell.") == []
    assert values("He was arrested in the early hours of Thursday.") == [("Thursday", "1998-04-16")]


def test_a_planned_event_lies_ahead():
    d = dt.date(2000, 1, 7)  # a Friday
    assert values("Exiles planned a large demonstration on Saturday.", d) == [("Saturday", "2000-01-08")]
    assert values("The team planned to leave Nairobi on Thursday.", dt.date(1998, 9, 30)) == [
        ("Thursday", "1998-10-01")]


def test_the_year_before_steps_back_from_the_year_last_mentioned():
    text = "Ford cut its costs last year, $19.8 billion more than the year previous."
    assert values(text, dt.date(2010, 1, 28)) == [("last year", "2009"), ("the year previous", "2008")]
    # tied to an event, "the day before the attack" is no time of its own
    assert values("He was seen the day before the attack.") == []


def test_clock_hour_with_part_of_day():
    got = values("The father will leave at 4 in the morning, Castro said.", dt.date(2000, 4, 6))
    assert got == [("4 in the morning", "2000-04-06T04:00")]
    assert values("Polls close at 8 in the evening.")[-1] == ("8 in the evening", "1998-04-18T20:00")


def test_a_time_opening_a_sentence_takes_that_sentences_tense():
    # the weekend before a Monday report, though the sentence before speaks of the future
    text = "The offer would give McCaw control. Over the weekend, McCaw continued to call for an auction."
    assert values(text, dt.date(1989, 10, 30)) == [("Over the weekend", "1989-W43-WE")]


def test_part_of_day_alone_takes_the_day_in_view():
    assert values("By mid afternoon, officials were saying the offensive was over.", dt.date(1998, 3, 6)) == [
        ("mid afternoon", "1998-03-06TAF")]


def test_month_name_used_as_modifier():
    assert values("The March accession will let them take part.", dt.date(1999, 2, 10)) == [("March", "1999-03")]
    assert values("Officials said they may march on the capital.") == []


def test_second_day_of_a_pair_is_a_date_too():
    got = values("The summit will be held on April 24 and 25 in Washington.", dt.date(1999, 2, 10))
    assert got == [("April 24", "1999-04-24"), ("25", "1999-04-25")]
    # a count after the date is not a day
    assert values("Troops arrived on May 3 and 12 soldiers were hurt.", dt.date(1999, 2, 10)) == [  # May before February
        ("May 3", "1998-05-03")]


def test_quarter_ended_on_a_date_is_the_quarter_of_those_three_months():
    d = dt.date(1989, 10, 30)
    assert values("In the quarter ended July 31, Jayark had sales of $5 million.", d)[0] == ("the quarter", "1989-Q2")
    assert values("Sales rose in the quarter ended Sept. 30 to $7 million.", d)[0] == ("the quarter", "1989-Q3")


def test_last_with_a_month_and_day_is_the_latest_such_day():
    d = dt.date(1999, 4, 19)
    assert values("He was shot to death last Oct. 23 at his home.", d) == [("last Oct. 23", "1998-10-23")]
    assert values("The inquiry began last March 2.", d) == [("last March 2", "1999-03-02")]


def test_until_opening_a_sentence_leaves_the_tense_to_the_verb():
    text = "Until Thursday, they had not called Kopp a suspect."
    assert values(text, dt.date(1999, 5, 7)) == [("Thursday", "1999-05-06")]
    assert values("Talks will go on until Thursday.", dt.date(1999, 5, 7)) == [("Thursday", "1999-05-13")]


def test_a_year_earlier_than_a_quarter_ended_on_a_day_is_that_quarter_a_year_back():
    text = ("It earned $4 million for the fiscal first quarter ended Sept. 30. "
            "It had a net loss of $2.3 million a year ago.")
    assert values(text, dt.date(1989, 10, 26))[-1] == ("a year ago", "1988-Q1")


def test_quarters_and_halves_written_the_financial_press_way():
    d = dt.date(2018, 1, 26)
    assert values("Profit rose in Q3 2017.", d) == [("Q3 2017", "2017-Q3")]
    assert values("Sales fell in Q2.", d) == [("Q2", "2017-Q2")]  # a past second quarter, before January
    assert values("Revenue in 1H 2017 beat forecasts.", d) == [("1H 2017", "2017-H1")]
    assert values("He applied for an H1B visa in the Q-tip factory.", d) == []


def test_fiscal_year_and_week_ending_spans():
    d = dt.date(2018, 1, 26)
    assert values("Sales grew in fiscal year 2017.", d) == [("fiscal year 2017", "2017")]
    assert values("Claims rose in the week ending Jan. 20.", d) == [("the week ending Jan. 20", "2018-W03")]


def test_the_past_century_is_a_length_like_the_past_decade():
    got = values("It was one of the great events of the past century and of the past decade.", dt.date(1989, 11, 1))
    assert got == [("the past century", "P100Y"), ("the past decade", "P10Y")]


def test_recurrences_are_sets_with_their_period():
    d = dt.date(2013, 3, 14)
    assert values("Elections are held every two years.", d) == [("every two years", "P2Y")]
    assert values("The council meets every other week.", d) == [("every other week", "P2W")]
    got = find_times("Inspectors visit twice a year.", d)
    assert [(t.text, t.type, t.value) for t in got] == [("a year", "SET", "P1Y")]


def test_an_initial_or_title_does_not_cut_the_sentence_off_its_tense():
    text = "Mr. Schwarz, 52 years old, will succeed Daniel P. Davison Feb. 1, the company said."
    assert values(text, dt.date(1989, 10, 26)) == [("Feb. 1", "1990-02-01")]


def test_a_month_without_tense_cue_leans_to_the_past():
    # seven months back rather than five ahead: news report what happened
    text = "The stock rose to a high for the year of $42.875 a share in June from $29.75 in March."
    assert values(text, dt.date(1989, 10, 30))[-1] == ("March", "1989-03")
    assert values("Talks on the budget in January.", dt.date(1989, 11, 20)) == [("January", "1990-01")]


def test_figures_and_idioms_in_business_copy_are_not_times():
    d = dt.date(1987, 3, 3)
    assert values("Avg shrs 6,460,000 vs 5,719,000\n    Year    Shr loss 6.80 dlrs", d) == []
    assert values("It raised fears in some quarters of a return of inflation.", d) == []
    assert values("Losses mounted for several quarters.", d) == [("several quarters", "PXQ")]
    assert values("Hams were lower as Easter business came to a close.", d) == []


def test_military_hours_are_a_clock_time_not_a_year():
    assert values("The price is to be set tomorrow at 1000 hours local.", dt.date(1987, 4, 13)) == [
        ("tomorrow", "1987-04-14"), ("1000 hours local", "1987-04-14T10:00")]


def test_scheduled_for_points_ahead():
    assert values("A vote by the committee is scheduled for Thursday.", dt.date(1987, 3, 3)) == [
        ("Thursday", "1987-03-05")]


def test_weekday_with_a_british_order_date_is_one_date():
    d = dt.date(2004, 11, 30)
    assert values("He joins the show on Monday 6 December, the BBC said.", d) == [
        ("Monday 6 December", "2004-12-06")]
    assert values("Troops left on Friday 12 people died.", d) == [("Friday", "2004-11-26")]


def test_part_of_day_naming_a_kind_of_thing_is_not_a_time():
    d = dt.date(2004, 11, 30)
    assert values("She read the evening news on the radio.", d) == []
    assert values("They met in the morning.", d) == [("the morning", "2004-11-30TMO")]


def test_age_in_years_of_age_is_not_a_duration():
    assert values("He died on Monday at 103 years of age.", dt.date(2020, 10, 2)) == [("Monday", "2020-09-28")]


def test_a_week_after_an_event_is_an_offset_not_a_rate():
    got = find_times("This comes a week after he attended a summit.", dt.date(2020, 10, 2))
    assert [(t.text, t.type, t.value) for t in got] == [("a week", "DURATION", "P1W")]
    got = find_times("Qantas runs four flights a week to Bombay.", dt.date(2020, 10, 2))
    assert [(t.text, t.type) for t in got] == [("a week", "SET")]


def test_numbered_documents_are_not_years():
    d = dt.date(2019, 11, 7)
    assert values("With government resolution No. 1430/2019, the state issued a bond.", d) == []
    assert values("Flight No. 1972 crashed.", d) == []
    assert values("Profits rose in 2004/2005.", d) == [("2004", "2004")]


def test_the_previous_month_name_counts_back_from_the_month_last_mentioned():
    text = "Money growth rose 10.3 pct in February, down from 13.9 pct in the previous February."
    assert values(text, dt.date(1987, 3, 31)) == [("February", "1987-02"), ("the previous February", "1986-02")]


def test_half_units_before_ago():
    d = dt.date(2013, 3, 14)
    assert values("He left a year and a half ago.", d) == [("a year and a half ago", "2011-09")]
    assert values("The war ended half a century ago.", d) == [("half a century ago", "1963")]


def test_part_of_a_named_day_is_not_the_report_dates():
    assert values("He was shot on the morning of 5 May.", dt.date(2013, 3, 14)) == [("5 May", "2013-05-05")]


def test_round_hundreds_are_centuries():
    d = dt.date(2013, 3, 14)
    assert values("Cotton mills of the 1800s and of the early 1900s.", d) == [("the 1800s", "18"), ("the early 1900s", "19")]
    assert values("Sales boomed in the 2000s.", d) == [("the 2000s", "200")]


def test_generic_today_is_the_present_not_a_day():
    d = dt.date(2013, 3, 14)
    assert values("The case of Elian is for today's youth what the blockade was for us.", d) == [("today", "PRESENT_REF")]
    assert values("The people of tomorrow will judge.", d) == [("tomorrow", "FUTURE_REF")]
    assert values("Today's meeting was tense.", d) == [("Today", "2013-03-14")]
    assert values("He spoke after today's Senate hearing.", d) == [("today", "2013-03-14")]


def test_today_in_a_title_is_a_name():
    d = dt.date(2013, 3, 14)
    assert values("A report in USA Today said the plan failed.", d) == []
    assert values("He said so. Today we know better.", d) == [("Today", "2013-03-14")]


def test_halves_of_a_game_are_not_halves_of_the_year():
    d = dt.date(2005, 3, 14)
    assert values("Italy led 9-8 early in the second half but Stringer scored a try.", d) == []
    assert values("Profits rose in the second half, the company said.", d) == [("the second half", "2004-H2")]


def test_the_day_before_a_weekday_name_is_part_of_that_weekday():
    assert values("During the day Friday, Elian played with his cousins.", dt.date(2000, 1, 7)) == [
        ("Friday", "2000-01-07")]


def test_a_deadline_without_tense_cue_lies_ahead():
    text = "The plan: pay down $5 billion of a bridge loan by February."
    assert values(text, dt.date(1989, 10, 30)) == [("February", "1990-02")]
    assert values("Prices had fallen by February.", dt.date(1989, 10, 30)) == [("February", "1989-02")]
