"""eval/place_tiers_judged.tsv: judged place tiers are references with consistent labels, pointing at words."""
from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

import pytest

from casus.evaluate.splits import split_of

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("place_tiers", ROOT / "scripts" / "place_tiers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rows_are_references_with_consistent_labels():
    pt = _script()
    _, rows = pt.read_rows()
    assert rows
    verdict_of = {"correct": "1", "wrong_place": "0", "wrong_resolution": "0", "cannot_tell": ""}
    for r in rows:
        assert r["basis"] in pt.BASES
        assert r["split"] == pt.row_split(r["doc_id"])
        assert int(r["trigger_start"]) < int(r["trigger_end"])
        assert max(len(v or "") for v in r.values()) < 200, "a cell long enough to hold text, not a reference"
        if r["judgment"]:
            assert r["judgment"] in pt.JUDGMENTS
            # rows judged before the classes existed keep their own 0/1 verdict
            assert r["verdict"] == verdict_of[r["judgment"]] or r["casus_commit"] == "e187c6c"
        if r["error_class"]:  # the kind of mistake: for wrong rows outside the check split only
            assert r["error_class"] in pt.ERROR_CLASSES and r["verdict"] == "0" and r["split"] != "check"


def test_wilson_interval_brackets_the_proportion():
    pt = _script()
    lo, hi = pt.wilson(90, 100)
    assert lo < 0.9 < hi and 0.8 < lo and hi < 0.96
    assert pt.wilson(0, 0) == (0.0, 0.0)


def test_trigger_offsets_point_at_words_of_the_document(shared):
    pt = _script()
    from casus.ingest import read_inputs

    _, rows = pt.read_rows()
    records = pt.records_of(rows)
    texts: dict[str, str] = {}
    for r in rows:
        if r["doc_id"] not in texts:
            rec = records[r["doc_id"]]
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "doc.jsonl"
                path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
                texts[r["doc_id"]] = next(iter(read_inputs([str(path)]))).text
        word = texts[r["doc_id"]][int(r["trigger_start"]):int(r["trigger_end"])]
        assert word.strip() and word[0].isalpha() and word[-1].isalpha(), (r["doc_id"], word)


def test_exclude_used_draws_no_document_another_judged_set_read(shared, monkeypatch, tmp_path):
    pt = _script()
    given: list[list[dict]] = []
    monkeypatch.setattr(pt, "code_records", lambda records: (given.append(records), ("abc1234", ""))[1])
    monkeypatch.setattr(pt, "DOCUMENTS", tmp_path / "none_listed.tsv")  # the corpora's Reuters are used up by now
    out = tmp_path / "coded.jsonl"
    pt.code(out, {"reuters": 200}, [], exclude_used=True, min_chars=1)
    drawn = {r["id"] for r in given[0]}
    assert len(drawn) == 200
    assert not drawn & pt.used_elsewhere()
    assert any(len(r["text"]) <= 300 for r in given[0]), "short stories are drawn when min_chars allows"
    # the default draw is unchanged: the same first documents, all longer than 300 characters
    pt.code(tmp_path / "plain.jsonl", {"reuters": 200}, [])
    assert all(len(r["text"]) > 300 for r in given[1])
    annotated = {json.loads(ln)["doc_id"] for ln in open(ROOT / "eval" / "annotated" / "sentences.jsonl")}
    assert annotated <= pt.used_elsewhere()
    header = json.loads(out.read_text().splitlines()[0])
    assert header["casus_commit"] == "abc1234" and set(header["documents"]) == drawn


def test_timeml_pool_gives_news_documents_with_their_creation_date(shared):
    pt = _script()
    recs = pt.timeml_records()
    assert len(recs) > 300
    for doc_id, (folder, rec) in list(recs.items())[:50]:
        assert doc_id.startswith("timeml/") and rec["id"] == doc_id and folder.startswith("eval/time/")
        assert rec["text"].strip()
    row = {"doc_id": doc_id, "corpus_file": folder}
    assert pt.records_of([row])[doc_id] == rec


def test_score_rows_keeps_only_the_rows_of_the_span(capsys, tmp_path):
    pt = _script()
    _, rows = pt.read_rows()
    judged = next(i for i, r in enumerate(rows) if r["verdict"] in ("0", "1"))
    pt.score(None, tmp_path / "none.tsv", f"{judged}:{judged + 1}")
    lines = [ln for ln in capsys.readouterr().out.splitlines() if not ln.startswith(" ")]
    counted = [ln for ln in lines if ln.split()[0] in pt.BASES and "precision=" in ln]
    assert len(counted) == 1 and "n=   1" in counted[0] and counted[0].startswith(rows[judged]["basis"])


def test_a_timeml_or_gritta_document_keeps_the_split_its_own_evaluation_gives_it():
    pt = _script()
    for bare in ("APW19980807.0261", "40450848", "GeoVirus-7", "wsj_1073"):
        assert pt.row_split(f"timeml/{bare}") == split_of(bare) == pt.row_split(f"gritta/{bare}")
    assert pt.row_split("reuters/reuters-12") == split_of("reuters/reuters-12")


def test_gritta_pool_holds_only_documents_no_toponym_rule_was_read_from(shared):
    pt = _script()
    recs = pt.gritta_records()
    assert len(recs) > 150
    for doc_id, (path, rec) in recs.items():
        assert doc_id.startswith("gritta/") and rec["id"] == doc_id and path.startswith("eval/places/gritta/")
        assert pt.row_split(doc_id) == "check"
    assert pt.records_of([{"doc_id": doc_id, "corpus_file": path}])[doc_id] == rec
