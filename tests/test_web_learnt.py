"""The web app's learnt-actor pages: how a person was learnt, and corrections only with the token."""
from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from casus.actors.memory import Learnt  # noqa: E402
from casus.model import Article  # noqa: E402
from casus.store import Store  # noqa: E402
from casus.web.app import create_app  # noqa: E402

TOKEN = "learnt-actors-token"
TEXT = "Mongolian Prime Minister Dorjiin Baatarsukh opened talks with China on Tuesday."


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "w.duckdb")
    day = dt.date(2020, 3, 3)
    with Store(path) as store:
        store.add(Article(id="mn-1", text=TEXT, report_date=day), [])
        start = TEXT.index("Mongolian")
        store.save_learned([Learnt("Dorjiin Baatarsukh", "MNG", ("GOV",), "Mongolian Prime Minister", day, day, 3,
                                   "mn-1", start, start + len("Mongolian Prime Minister Dorjiin Baatarsukh")).to_row()])
    return path


def test_the_actor_page_shows_where_and_how_it_was_learnt(db):
    with TestClient(create_app(db)) as c:
        listing = c.get("/learnt")
        assert listing.status_code == 200 and "/learnt/dorjiin%20baatarsukh" in listing.text
        page = c.get("/learnt/dorjiin baatarsukh")
    assert page.status_code == 200
    assert "MNGGOV" in page.text and "Mongolian Prime Minister" in page.text and "/article/mn-1" in page.text
    assert "<mark>Mongolian Prime Minister Dorjiin Baatarsukh</mark>" in page.text
    assert "casus serve --token" in page.text and 'name="token"' not in page.text  # read-only: no form


def test_a_correction_needs_the_token(db):
    with TestClient(create_app(db, token=TOKEN)) as c:
        wrong = c.post("/learnt/dorjiin baatarsukh", data={"action": "correct", "correct": "MNGMIL", "token": "nope"})
        assert wrong.status_code == 401
        ok = c.post("/learnt/dorjiin baatarsukh", data={"action": "correct", "correct": "MNGMIL", "token": TOKEN})
        assert ok.status_code == 200 and "corrected to MNGMIL" in ok.text
        items = {r["code"]: r for r in c.get("/api/learnt").json()["items"]}
    assert items["MNGMIL"]["status"] == "accepted" and items["MNGMIL"]["recalled"]
    assert items["MNGGOV"]["status"] == "rejected"


def test_the_api_refuses_corrections_without_a_bearer_token(db):
    with TestClient(create_app(db, token=TOKEN)) as c:
        assert c.post("/api/learnt/dorjiin baatarsukh", json={"action": "reject"}).status_code == 401
        r = c.post("/api/learnt/dorjiin baatarsukh", json={"action": "reject"},
                   headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200 and r.json()["items"][0]["status"] == "rejected"
        bad = c.post("/api/learnt/nobody", json={"action": "accept"}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert bad.status_code == 422
    with TestClient(create_app(db)) as c:
        assert c.post("/api/learnt/dorjiin baatarsukh", json={"action": "accept"}).status_code == 403
