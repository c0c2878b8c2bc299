"""The DuckDB store: idempotent, atomic writes and cross-article incidents (hand-made events)."""
from __future__ import annotations

import datetime as dt

import pytest
from test_fold_factory import make_event

from casus.fold import fold_article
from casus.model import Article
from casus.store import Store


def article(doc_id: str, text: str = "text", source: str | None = "Reuters", day: str = "2016-05-07") -> Article:
    return Article(id=doc_id, text=text, title=f"title {doc_id}", report_date=dt.date.fromisoformat(day),
                   report_date_basis="given", source=source)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_add_is_idempotent_and_flattens_the_contract(store):
    events = fold_article([make_event("a", sentence=0), make_event("b", sentence=2, start=200)])
    assert store.add(article("d1"), events)
    assert not store.add(article("d1"), events)
    assert (store.count("articles"), store.count("events"), store.count("mentions")) == (1, 1, 2)
    cols, [row] = store.fetch("SELECT cameo_code, source_code, target_country, event_day, mentions FROM events")
    assert row == ("042", "USAGOV", "RUS", dt.date(2016, 5, 6), 2)


def test_changed_document_replaces_its_events(store):
    store.add(article("d1", text="old"), [make_event("a"), make_event("b", sentence=1, code="190")])
    store.add(article("d1", text="new"), [make_event("c", code="111")])
    _, rows = store.fetch("SELECT event_id FROM events ORDER BY event_id")
    assert rows == [("c",)]
    _, rows = store.fetch("SELECT DISTINCT event_id FROM mentions")
    assert rows == [("c",)]
    _, [(text,)] = store.fetch("SELECT text FROM articles")
    assert text == "new"


def test_failed_transaction_leaves_store_as_it_was(store):
    store.add(article("d0"), [make_event("z", doc_id="d0")])
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add(article("d1"), [make_event("a", doc_id="d1")])
            store.add(article("d2"), [make_event("b", doc_id="d2")])
            raise RuntimeError("bad line")
    assert (store.count("articles"), store.count("events"), store.count("mentions")) == (1, 1, 1)


def test_a_kidnapping_reported_by_twenty_stories_is_one_incident(store):
    for i in range(20):
        day = f"2016-05-{6 + i % 3:02d}"
        explicit = i % 2 == 0
        store.add(article(f"k{i}", text=f"story {i}", source=f"pub{i % 5}", day=day), [make_event(
            f"k{i}", doc_id=f"k{i}", source="COLREB", target="COLCVL", code="181", plover="ASSAULT",
            date="2016-05-06" if explicit else day, basis="explicit" if explicit else "report",
            where="Cali" if i % 3 else None, report_date=day)])
    assert store.rebuild_incidents() == 1
    _, [row] = store.fetch("SELECT n_events, n_mentions, n_articles, n_sources, len(event_ids), "
                           "location_name, first_date FROM incidents")
    assert row == (20, 20, 20, 5, 20, "Cali", dt.date(2016, 5, 6))


def test_two_attacks_same_day_in_different_cities_are_two_incidents(store):
    store.add(article("b1"), [make_event("b1", doc_id="b1", source="IRQREB", target="IRQCVL", code="183",
                                         where="Baghdad")])
    store.add(article("b2"), [make_event("b2", doc_id="b2", source="IRQREB", target="IRQCVL", code="1831",
                                         where="Mosul")])
    store.add(article("b3"), [make_event("b3", doc_id="b3", source="IRQREB", target="IRQCVL", code="183",
                                         where="Mosul")])
    assert store.rebuild_incidents() == 2
    _, rows = store.fetch("SELECT location_name, n_events FROM incidents ORDER BY location_name")
    assert rows == [("Baghdad", 1), ("Mosul", 2)]


def test_date_window_dyad_direction_and_month_precision(store):
    add = lambda eid, **kw: store.add(article(eid), [make_event(eid, doc_id=eid, **kw)])
    add("m1", code="042", date="2016-05-06")
    add("m2", code="043", source="RUSGOV", target="USAGOV", date="2016-05-08")  # reciprocal, in window
    add("m3", code="042", date="2016-05-20")  # outside the window
    add("m4", code="04", date="2016-05", precision="month")  # joins the bigger May cluster
    add("c1", code="111", date="2016-05-06")
    add("c2", code="111", source="RUSGOV", target="USAGOV", date="2016-05-06")  # directed: apart
    assert store.rebuild_incidents() == 4
    _, rows = store.fetch("SELECT cameo_root, n_events FROM incidents ORDER BY cameo_root, n_events")
    assert rows == [("04", 1), ("04", 3), ("11", 1), ("11", 1)]


def test_rebuild_is_deterministic(store):
    for i in range(6):
        store.add(article(f"d{i}"), [make_event(f"e{i}", doc_id=f"d{i}", date=f"2016-05-{1 + 4 * i:02d}")])
    store.rebuild_incidents()
    first = store.fetch("SELECT incident_id, event_ids FROM incidents ORDER BY incident_id")
    store.rebuild_incidents()
    assert store.fetch("SELECT incident_id, event_ids FROM incidents ORDER BY incident_id") == first
    assert len(first[1]) == 6
