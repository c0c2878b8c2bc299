"""Pieces of the web app that need no server: highlights, charts, the base map, parameter checks, the serve command."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

pytest.importorskip("fastapi")

from casus.web.charts import BASEMAP, map_svg, timeline_svg  # noqa: E402
from casus.web.highlight import Mark, annotation_marks, event_marks, segments  # noqa: E402
from casus.web.params import check_limit, filter_query, make_filters  # noqa: E402

TEXT = "Russia attacked Ukraine in Kharkiv on Monday."


def test_segments_cover_the_text_once_and_carry_every_overlapping_mark():
    marks = [Mark(0, 6, "actor", "source", "e1"), Mark(7, 15, "trigger", "190", "e1"),
             Mark(0, 15, "actor", "phrase", "e2"), Mark(27, 34, "place", "Kharkiv"), Mark(40, 99, "time", "outside")]
    segs = segments(TEXT, marks)
    assert "".join(s.text for s in segs) == TEXT
    first = segs[0]
    assert first.text == "Russia" and first.kinds == ["actor"] and first.events == ["e1", "e2"]
    attacked = next(s for s in segs if s.text == "attacked")
    assert attacked.kinds == ["actor", "trigger"] and set(attacked.events) == {"e1", "e2"}
    assert next(s for s in segs if s.text == "Kharkiv").kinds == ["place"]
    assert all("time" not in s.kinds for s in segs)  # a mark beyond the text is dropped


def test_event_marks_follow_the_contract_record_offsets():
    event = {"event_id": "e1", "trigger": {"text": "attacked", "start": 7, "end": 15},
             "source": {"text": "Russia", "start": 0, "end": 6, "code": "RUS", "name": "Russia"},
             "target": {"text": "Ukraine", "start": 16, "end": 23, "code": "UKR"},
             "cameo": {"code": "190", "name": "Use conventional military force"},
             "date": {"value": "2022-03-07", "text": "on Monday", "start": 35, "end": 44},
             "location": {"text": "Kharkiv", "start": 27, "end": 34, "name": "Kharkiv", "country": "UKR"}}
    marks = event_marks([event])
    assert {(m.kind, TEXT[m.start:m.end]) for m in marks} == {
        ("trigger", "attacked"), ("actor", "Russia"), ("actor", "Ukraine"), ("time", "on Monday"), ("place", "Kharkiv")}
    assert all(m.event == "e1" for m in marks)
    no_target = dict(event, target=None, location=None, date={"value": "2022", "start": None, "end": None})
    assert {m.kind for m in event_marks([no_target])} == {"trigger", "actor"}


def test_annotation_marks_are_not_tied_to_events():
    ann = {"actors": [{"text": "Russia", "start": 0, "end": 6, "code": "RUS"}],
           "times": [{"text": "Monday", "start": 38, "end": 44, "type": "DATE", "value": "2022-03-07"}],
           "places": [{"text": "Kharkiv", "start": 27, "end": 34, "name": "Kharkiv", "country": "UKR"}]}
    marks = annotation_marks(ann)
    assert sorted(m.kind for m in marks) == ["actor", "place", "time"] and all(m.event is None for m in marks)


def test_timeline_chart_draws_one_bar_per_week_and_class():
    series = [{"week": dt.date(2022, 3, 7), "quad": 4, "events": 3, "goldstein": -9.0},
              {"week": dt.date(2022, 3, 7), "quad": 3, "events": 1, "goldstein": -2.0},
              {"week": dt.date(2022, 3, 28), "quad": 1, "events": 2, "goldstein": 4.0}]
    svg = timeline_svg(series)
    assert svg.count('<rect class="bar') == 3
    heights = {q: float(h) for q, h in re.findall(r'class="bar q(\d)"[^>]*height="([\d.]+)"', svg)}
    assert heights["4"] == pytest.approx(3 * heights["3"], rel=0.01)  # bar height is proportional to events
    assert "2022-03-07" in svg and "2022-03-28" in svg
    assert timeline_svg([]) == ""


def test_map_places_points_in_the_equirectangular_frame():
    svg = map_svg([{"name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52, "quad": 4, "events": 5,
                    "goldstein": -8.0}])
    m = re.search(r'<circle class="point q4" cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert m and float(m.group(1)) == pytest.approx(210.52) and float(m.group(2)) == pytest.approx(39.55)
    assert svg.count('<path class="land"') > 150


def test_base_map_has_the_worlds_countries_in_frame():
    data = json.loads(BASEMAP.read_text())
    by_code = {c["iso3"]: c for c in data["countries"]}
    assert {"RUS", "USA", "CHN", "BRA", "AUS", "IND", "NGA", "UKR"} <= set(by_code)
    numbers = [float(v) for v in re.findall(r"-?[\d.]+", by_code["RUS"]["d"] + by_code["AUS"]["d"])]
    assert all(0 <= v <= 360 for v in numbers)
    xs = [float(v) for v in re.findall(r"[ML](-?[\d.]+) ", by_code["AUS"]["d"])]
    assert 110 + 180 < sum(xs) / len(xs) < 155 + 180  # Australia sits where its longitudes say


@pytest.mark.parametrize("kwargs, word", [
    ({"code": "4a"}, "code"), ({"country": "RU"}, "country"), ({"since": "2022-1-5"}, "since"),
    ({"since": "2022-05-02", "until": "2022-05-01"}, "after"), ({"text": "x" * 201}, "text"),
    ({"date_field": "published"}, "date_field"),
])
def test_bad_filters_name_the_parameter(kwargs, word):
    with pytest.raises(ValueError, match=word):
        make_filters(**kwargs)


def test_good_filters_round_trip_to_a_query_string():
    f = make_filters(actor=" RUS ", code="04", since="2022-01-01", mode="", date_field="report")
    assert (f.actor, f.code, f.since, f.mode, f.date_field) == ("RUS", "04", "2022-01-01", None, "report")
    assert filter_query(f) == {"actor": "RUS", "code": "04", "since": "2022-01-01", "date_field": "report"}
    assert check_limit(None, None) == (50, 0)
    with pytest.raises(ValueError, match="limit"):
        check_limit(501)


def test_serve_refuses_a_missing_store_and_a_short_token(tmp_path):
    import typer
    from typer.testing import CliRunner

    from casus.web.cli import register

    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # two commands, so `serve` is addressed by name
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2 and "no such store" in r.output
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--token", "short"])
    assert r.exit_code == 2 and "12 characters" in r.output
