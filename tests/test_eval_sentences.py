"""`casus eval sentences`: recall of annotated events per sentence, and false events where none is annotated."""
from __future__ import annotations

import json

import pytest

from casus.evaluate.sentences import Coded, Sentence, load_sentences, run, score
from casus.model import InputError


def _event(root: str, country: str) -> dict:
    return {"root": root, "code": root + "0", "source_country": country}


def test_recall_false_events_and_nothing_coded():
    sentences = [Sentence("a", 0, 10, [_event("11", "GBR"), _event("01", "GBR")]),
                 Sentence("a", 10, 20, [_event("11", "FRA")]),
                 Sentence("b", 0, 10, []),
                 Sentence("b", 10, 20, [])]
    coded = [Coded([("11", "USA")]),  # right root, wrong doer; the statement missed
             Coded([("11", "FRA"), ("04", "FRA")]),
             Coded([("19", None)]),  # an event where analysts code none
             Coded([])]
    first, *per_root = score(sentences, coded)
    assert first["events"] == 3 and first["recall root"] == round(2 / 3, 3)
    assert first["recall root+source"] == round(1 / 3, 3)
    assert first["nothing coded"] == 0.0
    assert first["no-event sentences"] == 2 and first["false events"] == 0.5
    by_root = {r["root"]: r for r in per_root}
    assert per_root[0]["root"] == "11" and by_root["11"]["recall root"] == 1.0
    assert by_root["01"]["recall root"] == 0.0 and by_root["01"]["nothing coded"] == 0.0


def test_split_and_bad_lines(tmp_path):
    gold = tmp_path / "annotated_sentences.jsonl"
    gold.write_text(json.dumps({"doc_id": "d", "sentence": [0, 5], "events": []}) + "\n\n")
    assert len(load_sentences(gold, "all")) == 1
    with pytest.raises(InputError, match="split"):
        load_sentences(gold, "test")
    gold.write_text('{"doc_id": "d"}\n')
    with pytest.raises(InputError, match=":1"):
        load_sentences(gold, "all")


def test_codes_the_documents_and_scores_them(tmp_path, pipeline):
    text = ("The British prime minister criticised Russia on Tuesday over the poisoning. "
            "The weather in Kent was mild and dry for most of the week.")
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "n1", "text": text, "date": "2021-05-04"}) + "\n")
    cut = text.index("The weather")
    lines = [{"doc_id": "n1", "sentence": [0, cut], "events": [_event("11", "GBR")]},
             {"doc_id": "n1", "sentence": [cut, len(text)], "events": []}]
    gold = tmp_path / "annotated_sentences.jsonl"
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines))
    first = run(str(gold), pipeline)[0]
    assert first["split"] == "all" and first["events"] == 1
    assert first["recall root"] == 1.0 and first["recall root+source"] == 1.0
    assert first["false events"] == 0.0


def test_the_repository_annotations_are_scored_from_the_corpus(shared, pipeline):
    from pathlib import Path

    gold = Path(__file__).resolve().parents[1] / "eval" / "annotated" / "sentences.jsonl"
    first = run(str(gold), pipeline, split="train", limit=3)[0]
    rows = [json.loads(line) for line in open(gold, encoding="utf-8")]
    ids = sorted({r["doc_id"] for r in rows if r["split"] == "train"})[:3]
    assert first["sentences"] == sum(r["doc_id"] in ids for r in rows)
    assert first["events"] == sum(len(r["events"]) for r in rows if r["doc_id"] in ids)
    assert first["events"] == 0 and first["recall root"] is None or 0.0 <= first["recall root"] <= 1.0
    assert first["no-event sentences"] == sum(not r["events"] for r in rows if r["doc_id"] in ids)


def test_a_split_with_no_sentences_says_so(tmp_path):
    from casus.evaluate.splits import split_of

    gold = tmp_path / "annotated_sentences.jsonl"
    doc = next(f"doc{i}" for i in range(1000) if split_of(f"doc{i}") == "train")
    gold.write_text(json.dumps({"doc_id": doc, "sentence": [0, 5], "events": []}) + "\n")
    with pytest.raises(InputError, match="no annotated sentences in the 'check' split"):
        run(str(gold), pipe=None, split="check")
