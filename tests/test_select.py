"""The cheap first pass: only text that can hold an event is parsed, and the events stay the same."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from casus.model import Article

REPORT = dt.date(2024, 3, 8)


@pytest.fixture(scope="module")
def lean(pipeline):
    """The session's pipeline, parsing only the text that can hold an event (`--parse-less`)."""
    return pipeline.parsing_less()


def _article(i: int, text: str) -> Article:
    return Article(id=f"sel{i}", text=text, report_date=REPORT, report_date_basis="given")


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", text)


def _keys(events) -> list[tuple]:
    return [(e.sentence, e.trigger.start, e.cameo.code, e.source and e.source.country, e.target and e.target.country,
             e.date.value, round(e.confidence, 3)) for e in events]


def test_inflected_and_irregular_forms_of_triggers_are_found(lean):
    sel = lean.selector
    assert "meet" in sel.triggers(_words("The envoys met in Geneva."))
    assert "seize" in sel.triggers(_words("Troops seized the port."))
    assert sel.triggers(_words("Two ministers will be meeting on Friday."))


def test_text_with_no_trigger_form_is_not_parsed(lean):
    calm = _article(0, "Apple harvests in the valley were larger than last year.\n\nThe weather stayed dry and warm.")
    assert lean.selector(calm) == 0
    assert next(lean.code([calm]))[1] == []


def test_march_the_month_is_no_protest_march(lean):
    assert not lean.selector.triggers(_words("Exports rose in March and May."))


def test_only_the_prefix_up_to_the_last_trigger_form_is_read(lean):
    text = ("Turkey and Greece held talks in Ankara on Thursday.\n\n"
            "The Greek minister criticized Turkish flights over the islands.\n\n"
            "Olive harvests were larger than last year.\n\nTourist numbers rose in the summer months.")
    article = _article(1, text)
    end = lean.selector(article)
    assert text[:end].rstrip().endswith("islands.")
    events = next(lean.code([article]))[1]
    assert events and _keys(events) == _keys(next(lean.parsing_all().code([article]))[1])


def test_the_same_events_as_parsing_everything(lean):
    texts = [
        "Germany urged Iran to release the detained journalists.",
        "Police arrested dozens of protesters in Lagos on Monday.\n\nMarkets were closed for the holiday.",
        "Stocks fell sharply in Tokyo.\n\nJapan said it would send aid to the Philippines after the storm.",
        "Copper prices were steady.\n\nThe company reported higher profits.",
        "Rebels attacked a convoy near Goma. The army said it killed five of them.",
    ]
    articles = [_article(10 + i, t) for i, t in enumerate(texts)]
    fast = {a.id: _keys(ev) for a, ev in lean.code(articles)}
    full = {a.id: _keys(ev) for a, ev in lean.parsing_all().code(articles)}
    assert fast == full and sum(map(len, full.values())) >= 4
