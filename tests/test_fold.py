"""Within-article folding: repeats of one act become one event with all its evidence."""
from __future__ import annotations

from test_fold_factory import make_event

from casus.fold import codes_compatible, fold_article


def test_repeats_fold_into_one_event_with_all_evidence():
    events = [
        make_event("a", sentence=0, start=5, confidence=0.6, reasons=["r1"]),
        make_event("b", sentence=3, start=300, confidence=0.9, reasons=["r1", "r2"]),
        make_event("c", sentence=5, start=500, confidence=0.4),
    ]
    [folded] = fold_article(events)
    assert folded.event_id == "a"
    assert folded.mentions == 3
    assert [ev["sentence"] for ev in folded.evidence] == [0, 3, 5]
    assert folded.confidence == 0.9
    assert folded.reasons[:2] == ["r1", "r2"]
    assert any(r.startswith("fold: 3 mentions") for r in folded.reasons)
    assert folded.sentence == 0 and folded.trigger.start == 5


def test_single_event_gets_its_own_evidence():
    [e] = fold_article([make_event("x", sentence=2)])
    assert e.mentions == 1
    assert len(e.evidence) == 1
    assert e.evidence[0]["trigger"] == {"text": "visited", "start": 10, "end": 17}
    assert e.evidence[0]["source_text"] == "United States"


def test_different_target_mode_or_family_stay_apart():
    base = make_event("a", sentence=0)
    other_target = make_event("b", sentence=1, target="JPNGOV")
    negated = make_event("c", sentence=2, mode="negated")
    other_family = make_event("d", sentence=3, code="043")
    assert len(fold_article([base, other_target, negated, other_family])) == 4


def test_prefix_code_folds_and_keeps_the_more_specific():
    general = make_event("a", sentence=0, code="04", plover="CONSULT")
    specific = make_event("b", sentence=4, code="042")
    [e] = fold_article([general, specific])
    assert e.cameo.code == "042"
    assert e.event_id == "a"


def test_explicit_date_beats_report_fallback_and_conflicting_dates_stay_apart():
    report = make_event("a", sentence=0, date="2016-05-07", basis="report")
    explicit = make_event("b", sentence=2, date="2016-05-06", basis="explicit")
    [e] = fold_article([report, explicit])
    assert e.date.value == "2016-05-06" and e.date.basis == "explicit"
    other_day = make_event("c", sentence=4, date="2016-04-01", basis="explicit")
    assert len(fold_article([explicit, other_day])) == 2


def test_best_place_is_kept():
    a = make_event("a", sentence=0, code="190", where="Colombia", place_basis="dateline")
    b = make_event("b", sentence=1, code="190", where="Cali")
    [e] = fold_article([a, b])
    assert e.location.name == "Cali"


def test_reciprocal_acts_fold_in_either_direction_but_directed_ones_do_not():
    meet = make_event("a", sentence=0, code="042", source="USAGOV", target="RUSGOV")
    meet_back = make_event("b", sentence=1, code="042", source="RUSGOV", target="USAGOV")
    assert len(fold_article([meet, meet_back])) == 1
    fight = make_event("c", sentence=0, code="190", source="USAGOV", target="RUSGOV")
    fight_back = make_event("d", sentence=1, code="190", source="RUSGOV", target="USAGOV")
    assert len(fold_article([fight, fight_back])) == 1
    blame = make_event("e", sentence=0, code="111", source="USAGOV", target="RUSGOV")
    blame_back = make_event("f", sentence=1, code="111", source="RUSGOV", target="USAGOV")
    assert len(fold_article([blame, blame_back])) == 2


def test_output_is_deterministic_and_ordered_by_first_mention():
    events = [
        make_event("z", sentence=4, code="111", source="RUSGOV", target="USAGOV"),
        make_event("y", sentence=1, code="042"),
        make_event("x", sentence=1, start=2, code="190", source="IRQREB", target="IRQCVL"),
    ]
    first = [e.event_id for e in fold_article(events)]
    assert first == ["x", "y", "z"]
    assert [e.event_id for e in fold_article(list(reversed(events)))] == first


def test_codes_compatible():
    assert codes_compatible("1831", "183")
    assert codes_compatible("18", "181")
    assert codes_compatible("1831", "1832")
    assert not codes_compatible("181", "183")
    assert not codes_compatible("042", "190")


def test_a_saying_does_not_take_the_place_another_sentences_saying_was_made_at():
    # one country's statements fold into one event, but where a later one was made is not where the first was
    lead = make_event("a", sentence=0, code="010", where="Colombia", place_basis="dateline")
    later = make_event("b", sentence=6, code="010", where="Cali")
    [e] = fold_article([lead, later])
    assert e.mentions == 2
    assert e.location.name == "Colombia" and e.location.basis == "dateline"
    # a saying placed in its own first sentence keeps that place
    placed = make_event("c", sentence=0, code="010", where="Bogota")
    [e] = fold_article([placed, later])
    assert e.location.name == "Bogota"


def test_a_meeting_does_not_take_the_place_of_a_meeting_told_in_a_later_sentence():
    # a pair's talks fold into one event, but "they last met at X" may be another meeting, somewhere else
    lead = make_event("a", sentence=0, code="04", where="Colombia", place_basis="dateline")
    earlier_round = make_event("b", sentence=5, code="04", where="Cali")
    [e] = fold_article([lead, earlier_round])
    assert e.mentions == 2
    assert e.location.name == "Colombia" and e.location.basis == "dateline"
    # a visit placed in its own first sentence keeps that place; one placed nowhere of its own takes none later
    here = make_event("c", sentence=0, code="042", where="Bogota")
    assert fold_article([here, earlier_round])[0].location.name == "Bogota"
    bare = make_event("d", sentence=0, code="042")
    assert fold_article([bare, earlier_round])[0].location is None
