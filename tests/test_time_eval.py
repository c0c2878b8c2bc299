"""The TempEval-3 scorer on hand-written TimeML, and the casus bar on the shared dev sets."""
import datetime as dt
import os
from pathlib import Path

import pytest

from casus.evaluate.times import read_meantime, read_tml, run, score
from casus.model import TimeRef

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, &amp; police came <TIMEX3 tid="t2" type="DATE" value="1998-08-06">the day before</TIMEX3>; talks lasted <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml_doc(tmp_path):
    p = tmp_path / "T1.tml"
    p.write_text(TML)
    return read_tml(p)


def test_read_tml_offsets(tml_doc):
    assert tml_doc.dct == dt.date(1998, 8, 7)
    assert [(g.text, g.value) for g in tml_doc.timexes] == [
        ("Friday", "1998-08-07"), ("the day before", "1998-08-06"), ("three days", "P3D")]
    for g in tml_doc.timexes:
        assert tml_doc.text[g.start:g.end] == g.text
    assert "&" in tml_doc.text


def test_scores_known_prediction(tml_doc):
    text = tml_doc.text

    def ref(s, value, typ="DATE"):
        i = text.index(s)
        return TimeRef(s, i, i + len(s), typ, value)

    preds = [ref("Friday", "1998-08-07"),            # strict match, right value
             ref("day before", "1998-08-05"),        # relaxed match only, wrong value
             ref("exploded", "PRESENT_REF")]         # spurious
    row = score([tml_doc], lambda t, a: preds, "tiny")
    assert (row["gold"], row["predicted"]) == (3, 3)
    assert row["strict_p"] == pytest.approx(1 / 3) and row["strict_r"] == pytest.approx(1 / 3)
    assert row["relaxed_p"] == pytest.approx(2 / 3) and row["relaxed_r"] == pytest.approx(2 / 3)
    assert row["value_accuracy"] == pytest.approx(1 / 2)
    assert row["value_f1"] == pytest.approx(1 / 3)
    assert row["type_accuracy"] == 1.0


def test_value_f1_is_relaxed_f1_times_value_accuracy(tml_doc):
    """The TempEval-3 toolkit's definition, on a case where precision and recall differ."""
    text = tml_doc.text

    def ref(s, value, typ="DATE"):
        i = text.index(s)
        return TimeRef(s, i, i + len(s), typ, value)

    preds = [ref("Friday", "1998-08-07"), ref("three days", "P3D", "DURATION"), ref("police", "PAST_REF"),
             ref("Bombs", "PAST_REF")]
    row = score([tml_doc], lambda t, a: preds)
    assert row["relaxed_p"] == pytest.approx(2 / 4) and row["relaxed_r"] == pytest.approx(2 / 3)
    assert row["value_f1"] == pytest.approx(row["relaxed_f1"] * row["value_accuracy"])
    assert row["value_f1"] == pytest.approx(2 * 2 / (4 + 3))


def test_one_prediction_matches_one_gold(tml_doc):
    text = tml_doc.text
    s, e = text.index("Friday"), text.index("three days") + len("three days")
    row = score([tml_doc], lambda t, a: [TimeRef(text[s:e], s, e, "DATE", "1998-08-07")])
    assert row["relaxed_p"] == 1.0 and row["relaxed_r"] == pytest.approx(1 / 3)


MEANTIME = """<?xml version="1.0" ?><Document doc_id="9" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Sales</token><token number="1" sentence="0" t_id="2">fall</token>
<token number="2" sentence="1" t_id="3">March</token><token number="3" sentence="1" t_id="4">1</token>
<token number="4" sentence="1" t_id="5">,</token><token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">Sales</token><token number="7" sentence="2" t_id="8">fell</token>
<token number="8" sentence="2" t_id="9">today</token><token number="9" sentence="2" t_id="10">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2008-03-01"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2008-03-01"><token_anchor t_id="9"/></TIMEX3>
</Markables></Document>
"""


def test_read_meantime(tmp_path):
    p = tmp_path / "9.xml"
    p.write_text(MEANTIME)
    doc = read_meantime(p)
    assert doc.text == "Sales fall\nMarch 1, 2008\nSales fell today."
    assert doc.dct == dt.date(2008, 3, 1)
    assert [(g.text, g.value) for g in doc.timexes] == [("today", "2008-03-01")]
    row = score([doc], lambda t, a: __import__("casus.time.tagger", fromlist=["x"]).find_times(t, a))
    assert row["predicted"] == 1 and row["value_f1"] == 1.0  # the DCT line is not scored


SHARED = Path(os.environ.get("CASUS_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


@pytest.mark.parametrize("name", ["tbaq_cleaned", "meantime_en"])
def test_value_f1_bar(name):
    gold = SHARED / "eval" / "time" / name
    if not gold.exists():
        pytest.skip(f"{gold} not present")
    (row,) = run(str(gold))
    assert row["docs"] > 100
    assert row["value_f1"] >= 0.82, row


@pytest.mark.parametrize("name,floor", [("meantime_en", 0.83)])  # MEANTIME stands above the bar: keep it there
def test_value_f1_does_not_regress(name, floor):
    gold = SHARED / "eval" / "time" / name
    if not gold.exists():
        pytest.skip(f"{gold} not present")
    (row,) = run(str(gold))
    assert row["value_f1"] >= floor, row


def test_parts_score_dev_and_check_apart_and_list_dev_errors_only(tmp_path):
    """Each set gets a row for the whole, the dev part and the check part; errors come from dev documents only."""
    from casus.evaluate.splits import split_of

    assert (split_of("doc0"), split_of("doc1")) == ("train", "check")
    for name in ("doc0", "doc1"):
        (tmp_path / f"{name}.tml").write_text(TML.replace("<DOCID>T1</DOCID>", f"<DOCID>{name}</DOCID>"))

    def tagger(text, anchor):  # right on "Friday", wrong on "the day before"
        i, j = text.index("Friday"), text.index("the day before")
        return [TimeRef("Friday", i, i + 6, "DATE", "1998-08-07"), TimeRef("the day before", j, j + 14, "DATE", "1998-08-01")]

    errors: list = []
    rows = run(str(tmp_path), tagger, parts=True, errors=errors)
    assert [(r["part"], r["docs"], r["gold"]) for r in rows] == [("all", 2, 6), ("dev", 1, 3), ("check", 1, 3)]
    assert [d.id for d, _, _ in errors] == ["doc0", "doc0"]  # one wrong value, one gold time not found
    assert {(g.text if g else None, p.value if p else None) for _, g, p in errors} == {
        ("the day before", "1998-08-01"), ("three days", None)}
    assert run(str(tmp_path), tagger)[0].get("part") is None  # without parts: one row a set, as before
