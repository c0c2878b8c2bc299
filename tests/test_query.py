"""Query filters over a small hand-made store, at event and incident level."""
from __future__ import annotations

import datetime as dt

import pytest
from test_fold_factory import make_event

from casus.model import Article
from casus.query import Filters, records, select_sql
from casus.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "q.duckdb"
    with Store(path) as s:
        day = dt.date(2016, 5, 20)
        s.add(Article(id="d1", text="a", report_date=day), [
            make_event("visit", doc_id="d1", code="042", where="Sochi", text="Obama visited Sochi."),
            make_event("neg", doc_id="d1", sentence=1, code="111", mode="negated", report_date="2016-05-20")])
        s.add(Article(id="d2", text="b", report_date=day), [
            make_event("bomb1", doc_id="d2", source="IRQREB", target="IRQCVL", code="183", where="Mosul",
                       date="2016-04-02", plover="ASSAULT", report_date="2016-05-20")])
        s.add(Article(id="d3", text="c", report_date=day), [
            make_event("bomb2", doc_id="d3", source="IRQREB", target="IRQCVL", code="1831", where="Mosul",
                       date="2016-04-03", plover="ASSAULT", report_date="2016-05-21", place_basis="article")])
        s.rebuild_incidents()
        yield s


def ids(store, **kw) -> list[str]:
    level = kw.pop("level", "events")
    key = "event_id" if level == "events" else "incident_id"
    return [r[key] for r in records(store, Filters(**kw), level)]


def test_filters(store):
    assert ids(store, actor="IRQ") == ["bomb1", "bomb2"]
    assert ids(store, actor="russia") == ["visit", "neg"]
    assert ids(store, code="18") == ["bomb1", "bomb2"]
    assert ids(store, code="04") == ["visit"]
    assert ids(store, plover="assault") == ["bomb1", "bomb2"]
    assert ids(store, mode="negated") == ["neg"]
    assert ids(store, country="RUS") == ["visit", "neg"]
    assert ids(store, place="mosul") == ["bomb1", "bomb2"]
    assert ids(store, text="sochi") == ["visit"]
    assert ids(store, since="2016-04-03", until="2016-04-30") == ["bomb2"]
    assert ids(store, since="2016-05-21", date_field="report") == ["bomb2"]
    assert ids(store, code="18", limit=1) == ["bomb1"]


def test_place_basis_keeps_events_placed_on_those_bases(store):
    assert ids(store, place_basis="clause") == ["bomb1", "visit"]
    assert ids(store, place_basis="clause, article") == ["bomb1", "bomb2", "visit"]
    assert ids(store, place_basis="article") == ["bomb2"]
    with pytest.raises(ValueError, match="place basis"):
        ids(store, place_basis="somewhere")


def test_incident_level_returns_incidents_with_a_matching_member(store):
    [row] = records(store, Filters(code="1831"), "incidents")
    assert row["n_events"] == 2 and row["n_articles"] == 2
    assert len(ids(store, level="incidents")) == 3


def test_filter_values_are_parameters_not_sql(store):
    sql, params = select_sql(Filters(actor="x' OR 1=1 --"))
    assert "OR 1=1" not in sql and any("OR 1=1" in str(p) for p in params)
    assert ids(store, actor="x' OR 1=1 --") == []


def test_bad_level_or_date_field_is_refused():
    with pytest.raises(ValueError):
        select_sql(Filters(), "mentions")
    with pytest.raises(ValueError):
        select_sql(Filters(date_field="published"))
