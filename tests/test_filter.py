"""The event filter and the relevance model: confidence as the chance an event is right, and the gates."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from casus.events.ranking.filter import DEFAULT_PATH, EventFilter, features, noun_frame
from casus.events.ranking.relevance import RelevanceModel, bag_of_words
from casus.model import Actor, Article, Cameo, Event, EventDate, ParsedDoc, Sentence, Span, Token


def _doc(text: str, words: list[tuple[str, str, str, str, int]]) -> ParsedDoc:
    tokens, idx = [], 0
    for i, (word, lemma, pos, dep, head) in enumerate(words):
        idx = text.index(word, idx)
        tokens.append(Token(i, word, idx, lemma, pos, pos, dep, head, 0, ws=" "))
        idx += len(word)
    return ParsedDoc(Article(id="d", text=text, report_date=dt.date(2025, 3, 1)), tokens,
                     [Sentence(0, 0, len(tokens), 0, len(text))], [])


HELD = _doc("Norway held talks .", [("Norway", "Norway", "PROPN", "nsubj", 1), ("held", "hold", "VERB", "ROOT", 1),
                                    ("talks", "talk", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)])
PRAISED = _doc("Fans praised the deal .", [("Fans", "fan", "NOUN", "nsubj", 1), ("praised", "praise", "VERB", "ROOT", 1),
                                          ("the", "the", "DET", "det", 3), ("deal", "deal", "NOUN", "dobj", 1),
                                          (".", ".", "PUNCT", "punct", 1)])
VISIT = _doc("Peru 's visit to Chile ended .", [
    ("Peru", "Peru", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0), ("visit", "visit", "NOUN", "nsubj", 5),
    ("to", "to", "ADP", "prep", 2), ("Chile", "Chile", "PROPN", "pobj", 3), ("ended", "end", "VERB", "ROOT", 5),
    (".", ".", "PUNCT", "punct", 5)])


def _event(doc: ParsedDoc, trigger: int, code: str, source: Actor | None, conf: float = 0.8) -> Event:
    tok = doc.tokens[trigger]
    return Event(event_id=f"e{trigger}", doc_id="d", sentence=0, text=doc.article.text,
                 trigger=Span(tok.text, tok.idx, tok.end), source=source, target=None,
                 cameo=Cameo(code, code[:2], "x", 0.0, 1), plover={"type": None}, mode="asserted",
                 date=EventDate(None, None, None, "report"), report_date=None, location=None,
                 confidence=conf, reasons=["source (subject of 'held'): x"])


NORWAY = Actor("Norway", 0, 6, code="NOR", country="NOR", kind="state")
FANS = Actor("Fans", 0, 4, kind="group")


def test_a_noun_done_by_a_light_verb_has_an_act_frame():
    assert noun_frame(HELD, HELD.tokens[2]) == "light_verb"


def test_a_noun_with_its_own_arguments_has_an_act_frame():
    assert noun_frame(VISIT, VISIT.tokens[2]) == "own_args"


def test_a_noun_an_ordinary_verb_mentions_is_in_passing():
    assert noun_frame(PRAISED, PRAISED.tokens[3]) == "passing"


def test_features_name_the_frame_the_source_and_how_the_source_was_found():
    f = features(HELD, _event(HELD, 2, "040", NORWAY), [], 0.9)
    assert f["noun_frame=light_verb"] == 1.0 and f["src_kind=state"] == 1.0 and f["src_code"] == 1.0
    assert f["src_via=subject of W"] == 1.0 and f["relevance_logit"] > 0


def test_confidence_becomes_the_model_probability():
    model = EventFilter({"bias": 0.0, "noun_frame=passing": -3.0, "noun_frame=light_verb": 2.0})
    kept = model.rescore(HELD, [_event(HELD, 2, "040", NORWAY, conf=0.2)])[0]
    passing = model.rescore(PRAISED, [_event(PRAISED, 3, "057", NORWAY, conf=0.9)])[0]
    assert kept.confidence > 0.8 and passing.confidence < 0.1
    assert "filter" in kept.reasons[-1]


def test_in_text_called_non_political_only_a_political_doer_keeps_its_event():
    model = EventFilter({"bias": 0.0}, political_sectors=frozenset({"GOV"}))
    fans = _event(PRAISED, 3, "057", FANS)
    state = _event(PRAISED, 3, "057", NORWAY)
    assert model.rescore(PRAISED, [fans, state], political_text=True) != []
    left = model.rescore(PRAISED, [fans, state], political_text=False)
    assert [e.source.code for e in left] == ["NOR"]


def test_the_shipped_filter_loads_and_has_a_threshold_between_zero_and_one():
    model = EventFilter.load(DEFAULT_PATH)
    assert model.weights and 0.0 <= model.threshold < 1.0


def test_bag_of_words_is_unit_length_and_case_blind():
    bag = bag_of_words("Parliament voted. PARLIAMENT adjourned.")
    assert bag["parliament"] > bag["voted"]
    assert sum(v * v for v in bag.values()) == pytest.approx(1.0)


def test_the_relevance_model_reads_politics_apart_from_sport():
    model = RelevanceModel.load()
    politics = ("The prime minister told parliament the government would hold a vote on the election bill, "
                "and the opposition party leader accused ministers of breaking their promise to voters.")
    sport = ("The striker scored twice in the second half as the club won the cup final, and the coach "
             "praised his players after the match against their league rivals.")
    assert model.probability(politics) > model.threshold > model.probability(sport)


def test_a_sentence_alone_is_too_short_to_call_political_or_not():
    model = RelevanceModel.load()
    assert model.judge("The minister resigned on Friday.") is None
    long_text = " ".join(["The parliament debated the budget and the opposition voted against the government."] * 8)
    assert model.judge(long_text) is not None


def test_the_filter_keeps_the_rankers_order_within_a_sentence():
    model = EventFilter({"bias": 0.0, "root=19": 4.0})  # the model alone would put the force event on top
    top = _event(HELD, 2, "040", NORWAY, conf=0.9)
    second = _event(HELD, 1, "190", NORWAY, conf=0.3)
    out = {e.cameo.code: e.confidence for e in model.rescore(HELD, [top, second])}
    assert out["190"] < out["040"]


def _dated(value: str, basis: str = "explicit", precision: str = "year") -> Event:
    e = _event(HELD, 2, "040", NORWAY)
    return replace(e, date=EventDate(value, precision, value, basis))


def test_an_act_dated_years_before_the_report_is_marked_as_background():
    f = features(HELD, _dated("2019"), [], 0.9)  # the report is dated March 2025
    assert f["dated_before_report"] == 1.0 and f["date=explicit/year"] == 1.0


def test_an_act_dated_last_week_or_to_the_report_itself_is_not_background():
    assert "dated_before_report" not in features(HELD, _dated("2025-02-20", "relative", "day"), [], 0.9)
    assert "dated_before_report" not in features(HELD, _event(HELD, 2, "040", NORWAY), [], 0.9)
