"""casus eval dates: which gold events are anchored, and when a casus date names the gold time."""
from __future__ import annotations

from casus.evaluate.dates import _links_tml, anchored, same_time
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
