"""casus eval dates: which gold events are anchored, and when a casus date names the gold time."""
from __future__ import annotations

from types import SimpleNamespace

from casus.evaluate.dates import _links_tml, anchored, run, same_time
from casus.evaluate.splits import split_of
from casus.evaluate.times import read_tml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2011-04-08" functionInDocument="CREATION_TIME">2011-04-08</TIMEX3></DCT>
<TEXT>The mayor <EVENT eid="e1" class="OCCURRENCE">resigned</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2011-04-06">Wednesday</TIMEX3>.
Crowds <EVENT eid="e2" class="OCCURRENCE">cheered</EVENT> today. Talks <EVENT eid="e3" class="OCCURRENCE">ended</EVENT> before <TIMEX3 tid="t2" type="DATE" value="2011-03">March</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei2"/>
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei3" relatedToTime="t2"/>
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"""


def test_anchors_either_direction_explicit_first(tmp_path):
    path = tmp_path / "demo.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    items = anchored(doc, _links_tml(path))
    got = {doc.text[i.start:i.end]: (i.values, i.explicit) for i in items}
    assert got == {"resigned": (["2011-04-06"], True),  # the explicit Wednesday wins over the creation day
                   "cheered": (["2011-04-08"], False)}  # time INCLUDES event: the inverse direction counts
    # "ended before March" lies outside March: not an anchor


def test_same_time_at_the_gold_granularity():
    assert same_time("2011-04-06", "2011-04")
    assert same_time("2011-04-06", "2011-W14")
    assert not same_time("2011-04-11", "2011-W14")
    assert same_time("2011-05-20", "2011-Q2") and same_time("2011-07-01", "2011-SU")
    assert same_time("2012-01-15", "2011-WI")
    assert not same_time("2011", "2011-04-06")  # coarser than the gold is not the gold
    assert not same_time(None, "2011")


class _Coder:
    """A stand-in pipeline: one event per document on the trigger 'resigned', dated and scored as given."""

    def __init__(self, value: str, confidence: float):
        self.value, self.confidence = value, confidence

    def code(self, articles):
        for a in articles:
            at = a.text.index("resigned")
            event = SimpleNamespace(evidence=[{"trigger": {"start": at, "end": at + 8}}], confidence=self.confidence,
                                    date=SimpleNamespace(value=self.value, basis="relative"))
            yield a, [event]


def test_all_events_row_scores_what_the_floor_drops(tmp_path):
    (tmp_path / "demo.tml").write_text(TML, encoding="utf-8")
    part = "check" if split_of("demo-1") == "check" else "dev"
    rows = run(str(tmp_path), _Coder("2011-04-06", 0.1), floor=0.3)
    mine = {r["events"]: r for r in rows if r["part"] == part}
    assert mine["conf >= 0.30"]["scored"] == 0  # the default figure keeps what `casus code` keeps
    assert mine["all (conf >= 0)"]["scored"] == 1 and mine["all (conf >= 0)"]["accuracy"] == 1.0
    # with no floor there is one row per part
    assert [r["events"] for r in run(str(tmp_path), _Coder("2011-04-07", 0.9)) if r["part"] == part] == ["conf >= 0.00"]
