"""Agreement of two annotators (scripts/annotation_agreement.py), on made-up labels."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("annotation_agreement", ROOT / "scripts" / "annotation_agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ev(code: str, source: str | None = "GBR") -> dict:
    return {"root": code[:2], "code": code, "source_country": source, "target_country": None, "mode": "asserted"}


def test_kappa_is_one_for_identical_labels_and_zero_for_chance():
    ag = _script()
    assert ag.cohen_kappa(["x", "y", "x"], ["x", "y", "x"]) == 1.0
    # A says yes on half, B says yes on half, independently: observed agreement 0.5 = chance
    assert ag.cohen_kappa([1, 1, 0, 0], [1, 0, 1, 0]) == pytest.approx(0.0)
    # textbook table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> po 0.7, pe 0.5, kappa 0.4
    a = [1] * 25 + [0] * 25
    b = [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15
    assert ag.cohen_kappa(a, b) == pytest.approx(0.4)
    with pytest.raises(ValueError):
        ag.cohen_kappa([1], [1, 0])


def test_one_annotator_coding_statements_the_other_leaves_empty_is_counted():
    ag = _script()
    pairs = [
        ([_ev("010")], []),                      # A: a minister's remark is a statement; B: nothing
        ([_ev("010")], []),
        ([_ev("111")], [_ev("112")]),            # same root, other code
        ([_ev("020", "USA")], [_ev("020", "GBR")]),  # same root, other doer's country
        ([], [_ev("013")]),                      # B codes an optimistic comment A left out
        ([], []),
    ]
    out = ag.agreement(pairs)
    assert out["statements"]["A_010_B_nothing"] == 2
    assert out["statements"]["B_010_A_nothing"] == 0
    assert out["statements"]["B_01_A_nothing"] == 1
    assert out["with_event"] == {"A": 4, "B": 3}
    # holds an event: agree on 3 of 6 (the 111/112, 020/020 and empty pairs)
    assert out["holds_event"]["agree"] == pytest.approx(0.5)
    # roots: 11 and 02 match, the empty pair matches -> 3 of 6; exact codes only 2 of 6
    assert out["root_set"]["agree"] == pytest.approx(0.5)
    assert out["code_set"]["agree"] == pytest.approx(round(2 / 6, 3))
    # of the two roots both coded, one has the same doer's country
    assert out["source_on_shared_roots"] == {"roots": 2, "same_source": 1, "share": 0.5}


def test_sentences_are_matched_by_document_and_offsets(tmp_path):
    ag = _script()
    row = lambda doc, s, events: {"doc_id": doc, "sentence": [s, s + 10], "events": events, "split": "train"}  # noqa: E731
    a = [row("d1", 0, [_ev("010")]), row("d1", 11, []), row("d2", 0, [_ev("173")])]
    b = [row("d1", 11, [_ev("111")]), row("d2", 0, [_ev("173")]), row("d3", 0, [])]
    matched = ag.pair_rows(a, b)
    assert [(x["doc_id"], x["sentence"][0]) for x, _ in matched] == [("d1", 11), ("d2", 0)]
    fa, fb = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    fa.write_text("".join(json.dumps(r) + "\n" for r in a))
    fb.write_text("".join(json.dumps(r) + "\n" for r in b))
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "annotation_agreement.py"), "--a", str(fa),
                          "--b", str(fb)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["sentences"] == 2


def test_a_broken_file_is_named_with_its_line(tmp_path):
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"doc_id": "d1", "sentence": [0, 5], "events": []}\n{"doc_id": "d1"}\n')
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "annotation_agreement.py"), "--a", str(bad),
                          "--b", str(bad)], capture_output=True, text=True)
    assert run.returncode != 0
    assert f"{bad}:2:" in run.stderr and "Traceback" not in run.stderr


def _annotate_script():
    spec = importlib.util.spec_from_file_location("annotate_sentences", ROOT / "scripts" / "annotate_sentences.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_review_changes_and_drops_labels_and_the_first_labels_stay_readable(tmp_path):
    ag, an = _script(), _annotate_script()
    remark = dict(_ev("010"), trigger=[20, 24], source=[0, 10], target=None)
    praise = dict(_ev("010"), trigger=[60, 66], source=[40, 50], target=None)
    arrest = dict(_ev("173"), trigger=[80, 88], source=None, target=[70, 79])
    rows = [{"doc_id": "d1", "sentence": [0, 39], "events": [remark], "split": "train", "judge": "A1"},
            {"doc_id": "d1", "sentence": [40, 90], "events": [praise, arrest], "split": "train", "judge": "A1"}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows))
    review = tmp_path / "review.jsonl"
    review.write_text(
        json.dumps({"doc_id": "d1", "sentence": [0, 39], "trigger": [20, 24], "was": "010", "now": None, "rule": "S4"})
        + "\n" + json.dumps({"doc_id": "d1", "sentence": [40, 90], "trigger": [60, 66], "was": "010", "now": "051",
                             "rule": "S2", "target_country": "USA", "target": [52, 58]}) + "\n")
    an.review(review, gold)
    an.review(review, gold)  # a second pass changes nothing
    after = [json.loads(line) for line in gold.read_text().splitlines()]
    assert after[0]["events"] == [] and after[0]["removed"][0]["rule"] == "S4"
    assert [e["code"] for e in after[1]["events"]] == ["051", "173"]
    assert after[1]["events"][0]["target_country"] == "USA"
    # the first annotator's labels, as given, come back from the reviewed rows
    for before, now in zip(rows, after):
        key = lambda e: json.dumps(e, sort_keys=True)  # noqa: E731
        assert sorted(map(key, ag.first_labels(now))) == sorted(map(key, before["events"]))


def test_the_second_annotators_rows_are_the_seeded_sample_and_hold_no_text():
    an = _annotate_script()
    by_doc = an.gold_sentences()
    sample = {(d, tuple(by_doc[d][n]["sentence"])) for d, n in an.agreement_sample(by_doc)}
    rows = [json.loads(line) for line in open(ROOT / "eval" / "annotated" / "sentences-A2.jsonl", encoding="utf-8")]
    assert {(r["doc_id"], tuple(r["sentence"])) for r in rows} == sample
    assert {r["judge"] for r in rows} == {"A2"} and {r["split"] for r in rows} <= set(an.SAMPLE_SPLITS)
    # half the sample is sentences the first annotator gave an event (as first given, before any review)
    first = {(r["doc_id"], tuple(r["sentence"])): bool(r["events"] or r.get("removed"))
             for rs in by_doc.values() for r in rs}
    assert sum(first[k] for k in sample) == len(sample) // 2
    for r in rows:  # references only: offsets and codes, never the sentence's words
        assert set(r) == {"doc_id", "corpus", "sentence", "split", "events", "judge"}
        for e in r["events"]:
            assert all(not isinstance(v, str) or len(v) <= 4 or k == "mode" for k, v in e.items())


def test_a_second_batch_of_documents_shares_none_with_the_first(shared):
    spec = importlib.util.spec_from_file_location("annotate_sentences", ROOT / "scripts" / "annotate_sentences.py")
    ann = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ann)
    docs = ann.corpus_docs()
    first = [d["id"] for d in ann.sample(docs, 1)]
    second = [d["id"] for d in ann.sample(docs, 2)]
    assert len(second) == sum(ann.BATCH_PLANS[2].values())
    assert not set(first) & set(second)
    assert [d["id"] for d in ann.sample(docs, 1)] == first  # the first batch is what it was
