"""The cheap first pass: only sentences that can hold an event are parsed fully, and the events stay the same."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from casus.model import Article
from casus.select import sentence_spans

REPORT = dt.date(2024, 3, 8)


@pytest.fixture(scope="module")
def lean(pipeline):
    """The session's pipeline, parsing fully only the sentences that can hold an event (the default)."""
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
    assert not any(chosen for *_, chosen in lean.selector.choose(calm.text))
    assert next(lean.code([calm]))[1] == []


def test_march_the_month_is_no_protest_march(lean):
    assert not lean.selector.triggers(_words("Exports rose in March and May."))


def test_cheap_sentences_end_at_full_stops_but_not_after_titles_or_initials():
    text = "Dr. Ruth Oyelaran met U.S. envoys in Abuja. They spoke for an hour!\n\nWas it enough? Nobody knows."
    assert [text[lo:hi] for lo, hi in sentence_spans(text)] == [
        "Dr. Ruth Oyelaran met U.S. envoys in Abuja.", "They spoke for an hour!", "Was it enough?", "Nobody knows."]


def test_a_sentence_is_chosen_for_its_trigger_and_the_one_before_it_as_context(lean):
    text = ("Rainfall in the north was heavy. The fishing fleet stayed in port. Its captain was tired. "
            "Officials later met the fishermen. Prices of fish rose.")
    chosen = [text[lo:hi] for lo, hi, c in lean.selector.choose(text) if c]
    assert chosen == ["Its captain was tired.", "Officials later met the fishermen."]


def _parsed(pipe, article):
    span = (0, len(article.text)) if pipe.selector is None else (0, len(article.text), pipe.selector.choose(article.text))
    return next(pipe.parser.parse_spans([(article, None, span)]))[2]


STORY = ("Norwegian Prime Minister Ingrid Halvorsen was in Trondheim on Monday.\n\n"
         "The streets were empty and quiet.\n\nMost shops stayed shut. Halvorsen praised the police.")


def test_a_sentence_without_a_trigger_form_gets_names_but_no_parse(lean):
    article = _article(2, STORY)
    doc = _parsed(lean, article)
    first = doc.sentences[0]
    assert STORY[first.char_start:first.char_end].startswith("Norwegian Prime Minister")
    assert all(t.pos == "" and t.dep == "" for t in doc.tokens[first.start:first.end])
    assert {e.text for e in doc.entities} >= {"Norwegian", "Ingrid Halvorsen", "Trondheim"}
    praised = next(t for t in doc.tokens if t.text == "praised")
    assert praised.pos == "VERB" and praised.dep == "ROOT"


def test_offsets_sentences_and_paragraphs_count_over_the_whole_text(lean):
    article = _article(3, STORY)
    lean_doc, full_doc = _parsed(lean, article), _parsed(lean.parsing_all(), article)
    assert all(STORY[t.idx:t.end] == t.text for t in lean_doc.tokens)
    assert [t.i for t in lean_doc.tokens] == list(range(len(lean_doc.tokens)))
    assert all(STORY[e.char_start:e.char_end] == e.text for e in lean_doc.entities)
    assert [(e.char_start, e.label) for e in lean_doc.entities] == [(e.char_start, e.label) for e in full_doc.entities]
    assert [s.index for s in lean_doc.sentences] == list(range(len(lean_doc.sentences)))
    assert [(s.char_start, s.paragraph) for s in lean_doc.sentences] == [
        (s.char_start, s.paragraph) for s in full_doc.sentences]
    assert all(lean_doc.tokens[s.start].sent == s.index for s in lean_doc.sentences)


def test_the_chosen_sentences_code_the_same_events_as_a_full_parse(lean):
    article = _article(4, STORY)
    fast, full = next(lean.code([article]))[1], next(lean.parsing_all().code([article]))[1]
    assert fast and _keys(fast) == _keys(full)
    assert all(STORY[e.trigger.start:e.trigger.end] == e.trigger.text for e in fast)
    assert [e.to_dict() for e in fast] == [e.to_dict() for e in full]
    # the prime minister's country and the day came from the first sentence, which was not parsed
    praise = next(e for e in fast if e.trigger.text == "praised")
    assert praise.source.country == "NOR" and praise.date.value == "2024-03-04"


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


def test_the_command_line_codes_the_same_events_either_way(tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    story = tmp_path / "story.txt"
    story.write_text(STORY + "\n", encoding="utf-8")

    def code(flag: str) -> list[dict]:
        run = subprocess.run([sys.executable, "-m", "casus.cli", "code", str(story), "--date", "2024-03-08",
                              "--format", "jsonl", flag], capture_output=True, text=True, timeout=600,
                             env={**os.environ, "PYTHONPATH": str(root)})
        assert run.returncode == 0, run.stderr
        return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]

    full, lean = code("--parse-all"), code("--parse-less")
    assert full and [e["trigger"] for e in lean] == [e["trigger"] for e in full]
    assert [e["source"] for e in lean] == [e["source"] for e in full]
