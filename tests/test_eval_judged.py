"""`casus eval judged`: matching coded events to judged ones, and the figures it reports."""
from __future__ import annotations

import json

import pytest

from casus.evaluate import judged

TEXT = "Ministers from Chile met their Peruvian hosts. The match ended in a draw. Lima protested."


def _event(start: int, end: int, code: str, conf: float, country: str | None = "CHL") -> dict:
    return {"doc_id": "doc-a", "trigger": {"text": TEXT[start:end], "start": start, "end": end},
            "cameo": {"code": code}, "confidence": conf, "source": {"country": country}, "evidence": []}


def _gold() -> judged.JudgedGold:
    met = TEXT.index("met")
    protested = TEXT.index("protested")
    docs = [{"id": "doc-a", "text": TEXT}]
    judged_events = [
        {"doc_id": "doc-a", "trigger": {"start": met, "end": met + 3}, "coded": {"cameo": "040"}, "verdict": 1},
        {"doc_id": "doc-a", "trigger": {"start": protested, "end": protested + 9}, "coded": {"cameo": "141"},
         "verdict": 0},
    ]
    first_end = TEXT.index(".") + 1
    second_end = TEXT.index(".", first_end) + 1
    sentences = [
        {"doc_id": "doc-a", "sentence": [0, first_end],
         "events": [{"root": "04", "source_country": "CHL"}, {"root": "01", "source_country": "PER"}]},
        {"doc_id": "doc-a", "sentence": [first_end + 1, second_end], "events": []},
    ]
    return judged.JudgedGold(docs, judged_events, sentences)


def test_an_event_matches_a_judgment_only_with_an_overlapping_trigger_and_the_same_root():
    gold = _gold()
    met = TEXT.index("met")
    assert judged.match(_event(met, met + 3, "042", 0.9), gold.by_doc["doc-a"])["verdict"] == 1
    assert judged.match(_event(met, met + 3, "010", 0.9), gold.by_doc["doc-a"]) is None  # another root
    assert judged.match(_event(0, 9, "040", 0.9), gold.by_doc["doc-a"]) is None  # another word


def test_precision_counts_judged_events_and_leaves_unjudged_ones_out():
    gold = _gold()
    met, prot, draw = TEXT.index("met"), TEXT.index("protested"), TEXT.index("draw")
    coded = {"doc-a": [_event(met, met + 3, "040", 0.8), _event(prot, prot + 9, "141", 0.3),
                       _event(draw, draw + 4, "190", 0.6)]}
    row = judged.score(gold, coded, "all")["row"]
    assert row["events"] == 3 and row["judged"] == 2 and row["unjudged"] == 1
    assert row["judged precision"] == pytest.approx(0.5)
    assert row["precision conf≥0.5"] == pytest.approx(1.0)
    assert row["false events there"] == 1  # the sports sentence holds no event
    assert row["recall root"] == pytest.approx(0.5)  # the meeting found, the statement not
    assert row["recall root+source country"] == pytest.approx(0.5)


def test_a_confidence_floor_drops_events_before_scoring():
    gold = _gold()
    met, prot = TEXT.index("met"), TEXT.index("protested")
    coded = {"doc-a": [_event(met, met + 3, "040", 0.8), _event(prot, prot + 9, "141", 0.3)]}
    row = judged.score(gold, coded, "all", min_confidence=0.5)["row"]
    assert row["events"] == 1 and row["judged precision"] == pytest.approx(1.0)


def test_the_reliability_table_puts_each_judged_event_in_its_confidence_bin():
    table = judged.reliability([(0.1, 0.0), (0.15, 1.0), (0.9, 1.0)])
    assert table[0]["events"] == 2 and table[0]["mean verdict"] == pytest.approx(0.5)
    assert table[-1]["events"] == 1 and table[-1]["mean verdict"] == pytest.approx(1.0)
    assert sum(r["events"] for r in table) == 3


def test_a_sentence_labels_an_event_by_root_and_doer_country():
    sentence = {"events": [{"root": "04", "source_country": "CHL"}]}
    assert judged.sentence_label(_event(0, 1, "040", 0.5, "CHL"), sentence) == 1.0
    assert judged.sentence_label(_event(0, 1, "040", 0.5, "PER"), sentence) == 0.5
    assert judged.sentence_label(_event(0, 1, "190", 0.5, "CHL"), sentence) == 0.0


def test_a_folder_without_the_judged_files_is_refused(tmp_path):
    from casus.model import InputError

    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "x", "text": "y"}) + "\n")
    with pytest.raises(InputError, match="not a judged folder"):
        judged.load_gold(tmp_path)



def _cli(*args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "casus.cli", *args], capture_output=True, text=True, timeout=600)


def test_a_confidence_floor_outside_zero_to_one_is_refused_in_one_line(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Peru recalled its ambassador from Chile on Monday.\n", encoding="utf-8")
    r = _cli("code", str(doc), "--min-confidence", "1.5")
    assert r.returncode != 0 and "--min-confidence" in r.stderr and "Traceback" not in r.stderr


def test_a_split_that_does_not_exist_is_refused(tmp_path):
    r = _cli("eval", "judged", "--gold", str(tmp_path), "--split", "holdout")
    assert r.returncode != 0 and "--split" in r.stderr and "Traceback" not in r.stderr


def test_ablating_an_unknown_gate_is_refused(tmp_path):
    r = _cli("eval", "judged", "--gold", str(tmp_path), "--ablate", "no_such_gate")
    assert r.returncode != 0 and "no such pass or gate" in r.stderr
    assert "noun_in_passing" in r.stderr and "reciprocal" in r.stderr  # the gates and the sieve's passes are listed
