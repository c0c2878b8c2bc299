"""The event scorer: metrics computed as documented, and the CLI table on a hand-written gold file."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from casus.evaluate.events import GoldItem, load_gold, score
from casus.events.ontology import Ontology
from casus.model import Actor, Cameo, Event, EventDate, Span


def ev(src: str, tgt: str | None, code: str, conf: float, mode: str = "asserted") -> Event:
    ont = Ontology.load()
    c = ont.get(code)
    return Event(event_id=f"{src}{tgt}{code}", doc_id="d", sentence=0, text="t", trigger=Span("x", 0, 1),
                 source=Actor(src, 0, 1, country=src), target=Actor(tgt, 0, 1, country=tgt) if tgt else None,
                 cameo=Cameo(c.code, c.root, c.name, c.goldstein, c.quad), plover=ont.plover(code), mode=mode,
                 date=EventDate(None, None, None, "report"), report_date=None, location=None, confidence=conf)


def test_score_counts_missed_and_extra_events():
    ont = Ontology.load()
    gold = [GoldItem("a", "t", code="190", sources=[("RUS", None)], targets=[("UKR", None)]),
            GoldItem("b", "t", code="042", sources=[("JPN", None)], targets=[("CHN", None)])]
    preds = [[ev("RUS", "UKR", "190", 0.9), ev("RUS", None, "010", 0.2)],  # right, plus an extra
             [ev("JPN", "KOR", "042", 0.8)]]                                 # right code, wrong target
    row = score(gold, preds, ont)
    assert row["root acc"] == 1.0
    assert row["source country acc"] == 1.0 and row["target country acc"] == 0.5
    assert row["triple P"] == pytest.approx(1 / 3) and row["triple R"] == pytest.approx(1 / 2)
    assert row["event precision"] == pytest.approx(2 / 3)
    assert row["precision conf≥0.5"] == pytest.approx(1.0), "both confident events have the gold root"
    assert row["precision conf<0.5"] == 0.0, "the unconfident extra event does not"


def test_negated_events_do_not_count_as_acts():
    ont = Ontology.load()
    gold = [GoldItem("a", "t", code="190", sources=[("IND", None)], targets=[("PAK", None)])]
    row = score(gold, [[ev("IND", "PAK", "190", 0.9, mode="negated")]], ont)
    assert row["coverage"] == 0.0 and row["root acc"] == 0.0


def test_unknown_format_names_file_and_line(tmp_path):
    f = tmp_path / "gold.jsonl"
    f.write_text('{"foo": 1}\n', encoding="utf-8")
    from casus.model import InputError

    with pytest.raises(InputError, match="gold.jsonl:1"):
        load_gold(f)


@pytest.mark.parametrize("content, cause", [
    (b'{"id": "1", "text": "A met B.", "penta": 2}\n{"id": "2", "text": ', "gold.jsonl:2: malformed JSON"),
    (b'{"id": "1", "plover_current": "CONSULT"}\n', "gold.jsonl:1: a gold record lacks a field"),
    (b'{"id": "1", "text": "A met B.", "penta": "two"}\n', "gold.jsonl:1: .*wrong one"),
    (b'{"id": "1", "text": "caf\xe9", "penta": 2}\n', "gold.jsonl:1: not UTF-8"),
])
def test_bad_gold_lines_name_file_line_and_cause(tmp_path, content, cause):
    from casus.model import InputError

    f = tmp_path / "gold.jsonl"
    f.write_bytes(content)
    with pytest.raises(InputError, match=cause):
        load_gold(f)


def test_cli_prints_scores_for_a_small_gold_file(tmp_path):
    f = tmp_path / "mini_gsr.jsonl"
    rows = [{"id": "1", "text": "Russian troops attacked Ukrainian soldiers.", "date": "2018-01-26",
             "plover_current": "ASSAULT", "cameo_code": "190", "source": [{"text": "Russian", "code": "RUS", "sector": "MIL"}],
             "target": [{"text": "Ukrainian", "code": "UKR", "sector": "MIL"}]},
            {"id": "2", "text": "Japan and China held talks in Beijing.", "date": "2018-01-26",
             "plover_current": "CONSULT", "cameo_code": "040", "source": [{"text": "Japan", "code": "JPN", "sector": None}],
             "target": [{"text": "China", "code": "CHN", "sector": None}]}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "casus.cli", "eval", "events", "--gold", str(f), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    row = json.loads(out.stdout.splitlines()[0])
    assert row["file"] == "mini_gsr.jsonl" and row["sentences"] == 2
    assert row["root acc"] == 1.0 and row["source country acc"] == 1.0


def test_confusion_and_worst_errors_put_confident_mistakes_first():
    from casus.evaluate.diagnose import diagnose, render

    ont = Ontology.load()
    gold = [GoldItem("a", "Russia attacked Ukraine.", code="190"),
            GoldItem("b", "Japan met China.", code="042"),
            GoldItem("c", "Iran praised Syria.", code="051"),
            GoldItem("d", "India sent aid to Nepal.", code="070")]
    preds = [[ev("RUS", "UKR", "190", 0.9)],          # right
             [ev("JPN", "CHN", "111", 0.4)],          # wrong, unsure
             [ev("IRN", "SYR", "173", 0.95)],         # wrong, confident: the worst
             []]                                      # nothing coded
    diag = diagnose(gold, preds, ont, worst=2)
    assert diag["kind"] == "root" and diag["misses"] == 3
    assert diag["matrix"]["19", "19"] == 1 and diag["matrix"]["04", "11"] == 1 and diag["matrix"]["07", "none"] == 1
    assert [m.id for m in diag["worst"]] == ["c", "b"]
    text = render("mini.jsonl", diag)
    assert "Iran praised Syria." in text and "India sent aid" not in text  # only the two worst are listed
    assert text.index("[c]") < text.index("[b]")


def test_cli_table_shows_confusion_and_errors(tmp_path):
    f = tmp_path / "mini_codebook.jsonl"
    rows = [{"cameo_code": "190", "example": "Russian troops attacked Ukrainian soldiers."},
            {"cameo_code": "051", "example": "Japan praised China's decision."}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "casus.cli", "eval", "events", "--gold", str(f), "--errors", "5"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "confusion of the top event by root" in out.stdout
    assert "worst of" in out.stdout
