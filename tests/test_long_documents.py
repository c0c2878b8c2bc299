"""Long documents are coded in paragraph-aligned pieces: same events, offsets into the whole text."""
from __future__ import annotations

import datetime as dt

from casus.model import Article
from casus.pieces import paragraph_starts, pieces

REPORT = dt.date(2023, 5, 3)

PARAGRAPHS = [
    "Chancellor Olaf Scholz of Germany arrived in Warsaw on Monday for two days of talks.",
    "He met President Andrzej Duda on Tuesday and promised more help for Ukraine.",
    "Farmers in the north reported a good harvest of wheat this year.",
    "The Polish government accused Belarus of sending migrants across the border.",
    "Lithuania closed two crossings with Belarus on Wednesday.",
    "Prices of rye rose slightly at the markets of Lublin.",
]


def _article(text: str) -> Article:
    return Article(id="long", text=text, report_date=REPORT, report_date_basis="given")


def _long_text(rounds: int = 4) -> str:
    return "\n\n".join(PARAGRAPHS * rounds)


def _keys(events) -> list[tuple]:
    return sorted((e.sentence, e.trigger.start, e.trigger.end, e.cameo.code, e.source and e.source.country,
                   e.target and e.target.country, e.date.value, e.mentions) for e in events)


def test_pieces_cover_the_text_at_paragraph_starts():
    text = _long_text()
    cut = pieces(text, limit=300, context=120)
    assert cut[0].start == cut[0].own == 0 and cut[-1].end == len(text) and cut[-1].last
    starts = set(paragraph_starts(text))
    for before, after in zip(cut, cut[1:]):
        assert before.end == after.own  # no gap, no overlap of own text
        assert after.own in starts and after.start in starts and after.start <= after.own
    assert all(p.end - p.own <= 300 for p in cut)


def test_a_paragraph_longer_than_the_limit_is_cut_at_a_sentence_end():
    text = "One sentence about the weather. " * 30 + "\n\nA short closing paragraph."
    cut = pieces(text, limit=200, context=0)
    assert len(cut) > 3 and all(text[:p.end].rstrip().endswith("weather.") for p in cut[:-1])


def test_a_long_text_in_small_pieces_gives_the_events_of_the_whole(pipeline):
    # every event, whatever its confidence: the filter counts an event's mentions within its piece, so near
    # the default floor a piece may drop a reading the whole text keeps (README, "Measured"; pieces are
    # only cut past 20,000 characters)
    saved, pipeline.min_confidence = pipeline.min_confidence, 0.0
    try:
        article = _article(_long_text())
        whole = next(pipeline.code([article]))[1]
        pieced = next(pipeline.with_pieces(300, 400).code([article]))[1]
    finally:
        pipeline.min_confidence = saved
    assert whole and _keys(pieced) == _keys(whole)
    for e in pieced:  # offsets point into the whole text
        assert article.text[e.trigger.start:e.trigger.end] == e.trigger.text


def test_a_pronoun_just_after_a_border_finds_its_person_before_it(pipeline):
    article = _article("\n\n".join(PARAGRAPHS[:3]))
    border = article.text.index("He met")
    with_context = next(pipeline.with_pieces(border, 400).code([article]))[1]
    met = [e for e in with_context if e.trigger.text == "met"]
    assert met and met[0].source.country == "DEU" and met[0].sentence == 1
    without = next(pipeline.with_pieces(border, 0).code([article]))[1]
    assert not any(e.trigger.text == "met" and e.source and e.source.country == "DEU" for e in without)


def test_a_text_beyond_the_parsers_limit_is_coded(pipeline, monkeypatch):
    pieced = pipeline.with_pieces(500, 200)
    monkeypatch.setattr(pipeline.parser.nlp, "max_length", 1_000)  # as if 1,000 characters were spaCy's maximum
    article = _article(_long_text(6))
    assert len(article.text) > 2_000
    events = next(pieced.code([article]))[1]
    assert {e.trigger.text for e in events} >= {"met", "accused", "arrived"}


def test_annotations_of_pieces_are_those_of_the_whole(pipeline):
    article = _article(_long_text(2))
    whole = next(pipeline.annotate([article]))
    pieced = next(pipeline.with_pieces(250, 400).annotate([article]))
    assert pieced["sentences"] == whole["sentences"]
    assert [(a["start"], a["country"]) for a in pieced["actors"]] == [(a["start"], a["country"]) for a in whole["actors"]]
    assert [t["value"] for t in pieced["times"]] == [t["value"] for t in whole["times"]]


UNDATED = [
    "Farmers in the north reported a good harvest of wheat this year.",
    "Prices of rye rose slightly at the markets of Lublin.",
]


def _dates(events, trigger: str) -> set[str]:
    return {e.date.value for e in events if e.trigger.text == trigger}


def test_a_day_first_named_in_a_middle_piece_dates_the_later_pieces_as_the_whole_does(pipeline):
    # no day in the first pieces; "on Tuesday" first appears in the middle, and later past acts with no
    # time of their own take it, as when the text is read whole
    opening = "\n\n".join(UNDATED * 4)
    middle = "The Polish government said on Tuesday that it would hold talks with Lithuania."
    later = "\n\n".join(UNDATED * 2 + ["The Polish government accused Belarus of sending migrants across the border."])
    saved, pipeline.min_confidence = pipeline.min_confidence, 0.0
    try:
        article = _article("\n\n".join([opening, middle, later]))
        whole = next(pipeline.code([article]))[1]
        pieced = next(pipeline.with_pieces(300, 100).code([article]))[1]
    finally:
        pipeline.min_confidence = saved
    assert _dates(whole, "accused") == {"2023-05-02"}
    assert _dates(pieced, "accused") == _dates(whole, "accused")


def test_a_long_story_never_takes_the_day_of_the_story_before_it(pipeline):
    dated = _article(_long_text())
    plain = Article(id="other", text="\n\n".join(UNDATED * 4 + [PARAGRAPHS[3]]), report_date=REPORT,
                    report_date_basis="given")
    saved, pipeline.min_confidence = pipeline.min_confidence, 0.0
    try:
        coded = {a.id: events for a, events in pipeline.with_pieces(300, 100).code([dated, plain])}
    finally:
        pipeline.min_confidence = saved
    assert _dates(coded["long"], "accused") == {"2023-05-01"}  # the Monday its lead names
    assert _dates(coded["other"], "accused") == {"2023-05-03"}  # no day named: the report's
