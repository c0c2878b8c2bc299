"""REST API of `casus serve` over a small store coded from tests/data/web_articles.jsonl (FastAPI TestClient)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from casus.ingest import read_inputs  # noqa: E402
from casus.store import Store  # noqa: E402
from casus.web.app import create_app  # noqa: E402

ARTICLES = Path(__file__).resolve().parent / "data" / "web_articles.jsonl"
TOKEN = "test-token-0123456789"


def build_store(path: Path, pipeline) -> Path:
    """A store holding the web test articles, coded by the real pipeline, with incidents."""
    with Store(path) as store:
        for article, events in pipeline.code(read_inputs([str(ARTICLES)])):
            store.add(article, events)
        store.rebuild_incidents()
    return path


@pytest.fixture(scope="module")
def client(tmp_path_factory, pipeline):
    db = build_store(tmp_path_factory.mktemp("web") / "web.duckdb", pipeline)
    with TestClient(create_app(str(db), pipeline=pipeline)) as c:
        yield c


@pytest.fixture(scope="module")
def writer(tmp_path_factory, pipeline):
    db = build_store(tmp_path_factory.mktemp("webw") / "web.duckdb", pipeline)
    with TestClient(create_app(str(db), token=TOKEN, pipeline=pipeline)) as c:
        yield c


def all_events(client, **params) -> list[dict]:
    r = client.get("/api/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_events_come_back_as_contract_records_whose_offsets_point_into_the_article(client):
    events = all_events(client)
    assert events, "the test articles should yield events"
    for ev in events[:10]:
        text = client.get(f"/api/documents/{ev['doc_id']}").json()["text"]
        t = ev["trigger"]
        assert text[t["start"]:t["end"]] == t["text"]
        assert {"source", "target", "cameo", "plover", "mode", "date", "report_date", "location"} <= set(ev)


def test_code_prefix_actor_and_mode_filters_narrow_the_events(client):
    everything = client.get("/api/events").json()["total"]
    consult = all_events(client, code="04")
    assert consult and len(consult) < everything
    assert all(e["cameo"]["code"].startswith("04") for e in consult)
    russia = all_events(client, actor="RUS")
    assert russia and all("RUS" in ((e["source"] or {}).get("code") or "") + ((e["target"] or {}).get("code") or "")
                          for e in russia)
    intended = all_events(client, mode="intended")
    assert all(e["mode"] == "intended" for e in intended)


def test_date_range_keeps_only_events_inside_it(client):
    inside = all_events(client, since="2022-03-01", until="2022-03-31")
    assert inside
    assert all("2022-03-01" <= e["date"]["value"][:10] <= "2022-03-31" for e in inside)
    assert not all_events(client, since="2030-01-01")


def test_pages_do_not_overlap_and_add_up(client):
    four = [e["event_id"] for e in all_events(client, limit=4)]
    first = [e["event_id"] for e in client.get("/api/events", params={"limit": 2}).json()["items"]]
    second = [e["event_id"] for e in client.get("/api/events", params={"limit": 2, "offset": 2}).json()["items"]]
    assert first + second == four


def test_sorting_by_goldstein_descending(client):
    scores = [e["cameo"]["goldstein"] for e in all_events(client, sort="goldstein", desc="true")]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("params, word", [
    ({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"offset": -1}, "offset"),
    ({"since": "2022-02-30"}, "since"), ({"since": "2022-05-01", "until": "2022-04-01"}, "after"),
    ({"code": "abc"}, "code"), ({"country": "RUSSIA"}, "country"), ({"sort": "event_id; DROP"}, "sort"),
    ({"date_field": "publication"}, "date_field"),
])
def test_bad_parameters_get_a_422_naming_the_problem(client, params, word):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert word in r.json()["detail"]


def test_sql_in_a_filter_is_just_text(client):
    r = client.get("/api/events", params={"actor": "' OR 1=1 --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/events").json()["total"] > 0


def test_missing_things_are_404_and_static_files_cannot_escape(client):
    assert client.get("/api/documents/no-such-doc").status_code == 404
    assert client.get("/api/events/0000").status_code == 404
    assert client.get("/api/incidents/none").status_code == 404
    assert client.get("/static/world.json").status_code == 200
    for path in ("/static/../store_views.py", "/static/%2e%2e/app.py", "/static/..%2f..%2fstore.py"):
        r = client.get(path)
        assert r.status_code == 404 and "import" not in r.text


def test_incidents_and_actors_are_listed(client):
    incidents = client.get("/api/incidents").json()
    assert incidents["total"] >= 1
    one = client.get(f"/api/incidents/{incidents['items'][0]['incident_id']}").json()
    assert one["events"] and one["n_events"] == len(one["events"])
    actors = client.get("/api/actors", params={"limit": 500}).json()["items"]
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    rus = next(a for a in actors if a["code"] == "RUS")
    events = all_events(client)
    assert rus["as_source"] == sum(1 for e in events if (e["source"] or {}).get("code") == "RUS")


def test_timeline_network_and_map_agree_with_the_events(client):
    events = all_events(client)

    def between(e, a, b):
        s, t = (e["source"] or {}).get("code") or "", (e["target"] or {}).get("code") or ""
        return (s.startswith(a) and t.startswith(b)) or (s.startswith(b) and t.startswith(a))
    series = client.get("/api/timeline", params={"a": "RUS", "b": "UKR"}).json()["series"]
    assert sum(r["events"] for r in series) == sum(between(e, "RUS", "UKR") for e in events) > 0
    assert all(r["quad"] in (1, 2, 3, 4) for r in series)
    net = client.get("/api/network").json()
    codes = {n["code"] for n in net["nodes"]}
    assert all(e["source"] in codes and e["target"] in codes for e in net["edges"])
    located = sum(p["events"] for p in client.get("/api/map").json()["points"])
    assert located == sum(1 for e in events if e["location"] and e["location"].get("lat") is not None)
    assert client.get("/api/timeline", params={"a": "RUS"}).status_code == 422


def test_openapi_schema_documents_the_endpoints_and_limits(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/incidents", "/api/actors", "/api/documents"} <= set(schema["paths"])
    params = {p["name"]: p for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "code", "plover", "mode", "since", "until", "place", "text", "limit", "offset"} <= set(params)
    assert params["limit"]["schema"]["maximum"] == 500


def test_storing_is_refused_without_a_server_token(client):
    r = client.post("/api/documents", json={"documents": [{"id": "x", "text": "Russia attacked Ukraine."}]},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403


def test_storing_needs_the_right_bearer_token(writer):
    doc = {"documents": [{"id": "posted-1", "date": "2023-01-10",
                          "text": "Russia attacked Ukraine on Monday. France condemned Russia."}]}
    assert writer.post("/api/documents", json=doc).status_code == 401
    assert writer.post("/api/documents", json=doc, headers={"Authorization": "Bearer wrong-token-xxxx"}).status_code == 401
    r = writer.post("/api/documents", json=doc, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    assert r.json()["stored"] == ["posted-1"]
    stored = writer.get("/api/documents/posted-1").json()
    assert stored["report_date"] == "2023-01-10" and len(stored["events"]) == r.json()["events"] > 0
    again = writer.post("/api/documents", json=doc, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["stored"] == [] and again["unchanged"] == ["posted-1"]


def test_bad_documents_are_rejected_before_coding(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writer.post("/api/documents", json={"documents": []}, headers=auth).status_code == 422
    r = writer.post("/api/documents", json={"documents": [{"id": "d", "text": "  "}]}, headers=auth)
    assert r.status_code == 400 and "text" in r.json()["detail"]
    r = writer.post("/api/documents", json={"documents": [{"text": "Hi.", "date": "May 5"}]}, headers=auth)
    assert r.status_code == 400 and "date" in r.json()["detail"]


def test_code_endpoint_codes_without_storing(client):
    before = client.get("/api/documents").json()["total"]
    r = client.post("/api/code", json={"documents": [{"text": "Germany criticized China on Friday.", "date": "2021-06-04"}]})
    assert r.status_code == 200, r.text
    out = r.json()["documents"][0]
    assert out["events"] and out["annotation"]["actors"]
    for ev in out["events"]:
        assert out["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
    assert client.get("/api/documents").json()["total"] == before
