"""The worked example of DOMAIN.md, coded through the command line as a user would."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _coded(shared, *options: str) -> tuple[list[dict], str]:
    path = shared / "docs" / "examples" / "tass-japan-russia.txt"
    out = subprocess.run([sys.executable, "-m", "casus.cli", "code", str(path), "--format", "jsonl", *options],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    from casus.ingest import read_inputs

    article = next(read_inputs([str(path)]))  # offsets point into the text as casus read it
    return [json.loads(line) for line in out.stdout.splitlines()], article.text


@pytest.fixture(scope="module")
def events(shared):
    return _coded(shared)


@pytest.fixture(scope="module")
def every_event(shared):
    """Every event coded, whatever its confidence: the default floor drops the Sochi meeting (README)."""
    return _coded(shared, "--min-confidence", "0")


def _find(events, root, date=None):
    return [e for e in events if e["cameo"]["root"] == root and (date is None or e["date"]["value"] == date)]


def test_report_date_is_inferred_from_dateline_and_weekday(events):
    evs, _ = events
    assert evs and {e["report_date"] for e in evs} == {"2018-01-26"}


def test_japan_intends_to_cooperate_with_russia_folded(events):
    evs, _ = events
    coop = [e for e in _find(evs, "03", "2018-01-26") if e["cameo"]["code"] != "036"
            and e["source"]["country"] == "JPN" and (e["target"] or {}).get("country") == "RUS"]
    assert len(coop) == 1, [(e["cameo"]["code"], e["trigger"]["text"]) for e in _find(evs, "03")]
    assert coop[0]["mentions"] >= 2
    assert coop[0]["mode"] == "intended"


def test_japan_intends_to_negotiate_with_russia_folded(events):
    evs, _ = events
    talks = [e for e in evs if e["cameo"]["code"] == "036" and e["source"]["country"] == "JPN"
             and (e["target"] or {}).get("country") == "RUS"]
    assert len(talks) == 1
    assert talks[0]["mentions"] >= 2
    assert talks[0]["date"]["value"] == "2018-01-26"


def test_sochi_meeting_dated_by_its_own_date_and_placed(every_event):
    evs, text = every_event
    meet = [e for e in _find(evs, "04", "2016-05-06")]
    assert meet, "the 2016 Abe–Putin meeting is missing"
    e = meet[0]
    assert {e["source"]["country"], e["target"]["country"]} == {"JPN", "RUS"}
    assert e["date"]["basis"] == "explicit" and e["date"]["precision"] == "day"
    assert e["location"]["name"] == "Sochi" and e["location"]["country"] == "RUS"
    loc = e["location"]
    assert text[loc["start"]:loc["end"]] == "Sochi"


def test_2017_meeting_has_no_invented_place(events):
    evs, _ = events
    meet = _find(evs, "04", "2017-09-07")
    assert meet, "the 2017 meeting is missing"
    assert all(e["location"] is None for e in meet)


def test_no_conflict_events(events):
    evs, _ = events
    assert not [e for e in evs if int(e["cameo"]["root"]) >= 11]


def test_every_field_has_evidence_offsets(events):
    evs, text = events
    for e in evs:
        assert text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
        for side in ("source", "target"):
            a = e[side]
            if a:
                assert text[a["start"]:a["end"]] == a["text"]
        assert e["reasons"], "every event says why"
        assert isinstance(e["cameo"]["code"], str)


def test_plan_put_forward_at_the_sochi_meeting_is_dated_with_it(events):
    evs, _ = events
    plan = [e for e in _find(evs, "03", "2016-05-06") if e["source"]["country"] == "JPN"]
    assert plan, "Abe's cooperation plan, put forward at the 2016 meeting, should carry the meeting's date"
