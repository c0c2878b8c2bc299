"""Gold that holds references only: texts read from the corpus, offsets carried over to the text as read."""
from __future__ import annotations

import json

import pytest

from casus.evaluate.corpus_refs import OffsetMap
from casus.evaluate.sentences import documents, load_sentences
from casus.model import InputError

STORY = ("Envoys meet in Oslo\n\n\nThe Norwegian foreign minister   criticised Sweden on Tuesday.  \n"
         "Trade between the two grew last year.\n")


def _gold(tmp_path, monkeypatch, text: str = STORY):
    corpus = tmp_path / "shared" / "corpus" / "bbc_news" / "bbc" / "politics"
    corpus.mkdir(parents=True)
    (corpus / "900.txt").write_text(text, encoding="utf-8")
    monkeypatch.setenv("CASUS_SHARED", str(tmp_path / "shared"))
    s = text.index("The Norwegian")
    e = text.index("Tuesday.") + len("Tuesday.")
    trig = text.index("criticised")
    row = {"doc_id": "bbc/politics/900.txt", "corpus": "bbc_news/bbc/politics/900.txt", "sentence": [s, e],
           "events": [{"root": "11", "code": "111", "trigger": [trig, trig + len("criticised")],
                       "source_country": "NOR", "source": [s + 4, text.index("minister") + 8], "target_country": "SWE",
                       "target": [trig + 11, trig + 17], "mode": "asserted"}]}
    other = {"doc_id": "bbc/politics/900.txt", "corpus": "bbc_news/bbc/politics/900.txt",
             "sentence": [text.index("Trade"), len(text) - 1], "events": []}
    gold = tmp_path / "repo" / "sentences.jsonl"
    gold.parent.mkdir()
    gold.write_text(json.dumps(row) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    return gold


def test_offsets_carry_over_when_reading_squeezes_whitespace():
    raw = "A  minister\n\n\nresigned today. "
    read = "A minister\n\nresigned today."
    m = OffsetMap(raw, read)
    assert m.aligned
    at = raw.index("resigned")
    assert read[m.to_read(at):m.to_read_end(at + len("resigned"))] == "resigned"
    assert raw[m.to_raw(read.index("today")):m.to_raw_end(read.index("today") + 5)] == "today"


def test_texts_that_differ_beyond_whitespace_are_not_aligned():
    assert not OffsetMap("The minister spoke.", "The spoke.").aligned


def test_reference_gold_reads_the_corpus_and_fills_in_the_spans(tmp_path, monkeypatch):
    gold = _gold(tmp_path, monkeypatch)
    sentences, articles = documents(gold, load_sentences(gold))
    text = articles[0].text
    first = sentences[0]
    assert text[first.start:first.end].startswith("The Norwegian foreign minister")
    ev = first.events[0]
    assert ev["trigger"] == "criticised" and text[slice(*ev["trigger_span"])] == "criticised"
    assert ev["target_text"] == "Sweden" and ev["source_text"] == "Norwegian foreign minister"
    assert sentences[1].events == []


def test_reference_gold_without_the_corpus_is_one_clear_error(tmp_path, monkeypatch):
    gold = _gold(tmp_path, monkeypatch)
    monkeypatch.setenv("CASUS_SHARED", str(tmp_path / "nowhere"))
    with pytest.raises(InputError, match="not here"):
        documents(gold, load_sentences(gold))


def test_detector_training_takes_only_the_train_split_of_an_extra_file(tmp_path, monkeypatch):
    import importlib.util
    from pathlib import Path

    gold = _gold(tmp_path, monkeypatch)  # bbc/politics/900.txt falls in the train split
    dev_text = "The Danish premier visited Finland.\n"
    (tmp_path / "shared" / "corpus" / "bbc_news" / "bbc" / "politics" / "901.txt").write_text(dev_text)
    with open(gold, "a", encoding="utf-8") as fh:  # 901 falls in dev: never training data from an extra file
        fh.write(json.dumps({"doc_id": "bbc/politics/901.txt", "corpus": "bbc_news/bbc/politics/901.txt",
                             "sentence": [0, len(dev_text) - 1], "events": []}) + "\n")
    shared_gold = tmp_path / "judged" / "annotated_sentences.jsonl"
    shared_gold.parent.mkdir()
    shared_gold.write_text("")
    (shared_gold.parent / "docs.jsonl").write_text("")
    script = Path(__file__).resolve().parents[1] / "scripts" / "train_detector.py"
    spec = importlib.util.spec_from_file_location("train_detector", script)
    train_detector = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train_detector)
    sentences, articles = train_detector.annotated(shared_gold, ("train", "dev"), (gold,))
    assert {s.doc_id for s in sentences} == {"bbc/politics/900.txt"}
    assert [a.id for a in articles] == ["bbc/politics/900.txt"]
    assert sentences[0].events[0]["trigger"] == "criticised"
