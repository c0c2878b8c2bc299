"""The web pages in a real browser: Playwright drives Debian's headless Chromium against uvicorn on 127.0.0.1.

Screenshots of each page go to tests/screenshots/ (ignored by git) for a person to look at.
Skips when Playwright or Chromium (CASUS_CHROMIUM, default /usr/bin/chromium) is missing.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from casus.web.app import create_app  # noqa: E402
from tests.test_web_api import build_store  # noqa: E402

CHROMIUM = os.environ.get("CASUS_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parent / "screenshots"

if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, pipeline):
    db = build_store(tmp_path_factory.mktemp("webui") / "web.duckdb", pipeline)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db), pipeline=pipeline), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except sync_api.Error as err:
            pytest.skip(f"Chromium would not start: {str(err).splitlines()[0]}")
        yield b
        b.close()


class Watched:
    """A page that records console errors, uncaught exceptions and requests leaving the server."""

    def __init__(self, browser, base_url: str):
        self.page = browser.new_page(viewport={"width": 1360, "height": 900})
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith(base_url) else self.foreign.append(r.url))

    def shot(self, name: str) -> None:
        SHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.foreign == [], self.foreign
        self.page.close()


@pytest.fixture
def watched(browser, base_url):
    w = Watched(browser, base_url)
    yield w
    w.assert_clean()


def api(base_url: str, page, path: str) -> dict:
    return page.request.get(base_url + path).json()


def test_home_lists_the_articles(watched, base_url):
    page = watched.page
    page.goto(base_url + "/")
    assert "5" in page.locator(".stats").inner_text()
    assert page.locator("table.rows tbody tr").count() == 5
    watched.shot("home")


def test_article_view_highlights_evidence_and_links_cards(watched, base_url):
    page = watched.page
    doc = api(base_url, page, "/api/documents/web-kyiv")
    page.goto(base_url + "/article/web-kyiv")
    cards = page.locator(".card[data-event]")
    assert cards.count() == len(doc["events"]) > 0
    assert page.locator(".doc-text .hl.trigger").count() >= 1
    assert page.locator(".doc-text .hl.actor").count() >= 1
    first = doc["events"][0]
    cards.first.click()
    assert "active" in cards.first.get_attribute("class")
    lit = page.locator(".doc-text .hl.focus")
    assert lit.count() >= 1
    assert first["trigger"]["text"] in "".join(lit.all_inner_texts())
    watched.shot("article")
    page.locator(".legend input[data-kind=actor]").uncheck()
    assert "hide-actor" in page.locator("#doc-text").get_attribute("class")
    cards.first.click()  # a second click clears the selection
    assert page.locator(".doc-text .hl.focus").count() == 0


def test_explorer_filters_sorts_and_links_to_articles(watched, base_url):
    page = watched.page
    page.goto(base_url + "/explorer")
    total = api(base_url, page, "/api/events")["total"]
    rows = page.locator("#results tbody tr")
    assert rows.count() == total
    page.fill("input[name=code]", "04")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**code=04**")
    codes = [rows.nth(i).get_attribute("data-code") for i in range(rows.count())]
    assert codes and all(c.startswith("04") for c in codes) and len(codes) < total
    assert page.locator("#count b").inner_text() == str(len(codes))
    page.click("#results th >> text=Goldstein")
    page.wait_for_url("**sort=goldstein**")
    scores = [float(t) for t in page.locator("#results tbody td.num:nth-child(5)").all_inner_texts()]
    assert scores == sorted(scores)
    watched.shot("explorer")
    page.locator("#results tbody tr td:last-child a").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator(".card.active").count() == 1
    page.goto(base_url + "/explorer?level=incidents")
    assert page.locator("#results tbody tr").count() == api(base_url, page, "/api/incidents")["total"]
    page.goto(base_url + "/explorer?since=2022-99-01")
    assert "since" in page.locator(".error").inner_text()
    watched.errors.remove("Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)")


def test_dyad_timeline_draws_bars_and_goldstein(watched, base_url):
    page = watched.page
    page.goto(base_url + "/timeline")
    page.fill("input[name=a]", "RUS")
    page.fill("input[name=b]", "UKR")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#timeline-chart svg")
    series = api(base_url, page, "/api/timeline?a=RUS&b=UKR")["series"]
    assert page.locator("#timeline-chart rect.bar").count() == len(series) > 0
    assert page.locator("#timeline-chart circle").count() == len(series)
    watched.shot("timeline")


def test_network_lays_out_every_actor(watched, base_url):
    page = watched.page
    page.goto(base_url + "/network")
    net = api(base_url, page, "/api/network?max_edges=80")
    page.wait_for_selector("#network-svg .node")
    assert page.locator("#network-svg .node").count() == len(net["nodes"]) > 0
    assert page.locator("#network-svg path.edge").count() == len(net["edges"])
    assert "actors" in page.locator("#network-status").inner_text()
    box = page.locator("#network-svg").bounding_box()
    for i in range(page.locator("#network-svg .node").count()):  # every node is drawn inside the picture
        b = page.locator("#network-svg .node circle").nth(i).bounding_box()
        assert box["x"] <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"] + 1
    watched.shot("network")


def test_map_shows_located_events_on_the_world(watched, base_url):
    page = watched.page
    page.goto(base_url + "/map")
    points = api(base_url, page, "/api/map")["points"]
    assert page.locator("#map path.land").count() > 150
    assert page.locator("#map circle.point").count() == len(points) > 0
    watched.shot("map")


def test_paste_and_code_shows_an_article_view(watched, base_url):
    page = watched.page
    page.goto(base_url + "/code")
    page.fill("textarea[name=text]", "BERLIN, June 4 (casus) - Germany criticized China on Friday. "
                                     "France and Germany signed an agreement in Paris.")
    page.fill("input[name=date]", "2021-06-04")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector(".doc-text")
    assert page.locator(".card[data-event]").count() >= 1
    assert page.locator(".doc-text .hl.actor").count() >= 2
    assert page.locator(".doc-text .hl.time").count() >= 1
    page.locator(".card[data-event]").first.click()
    assert page.locator(".doc-text .hl.focus").count() >= 1
    watched.shot("code")
    assert api(base_url, page, "/api/documents")["total"] == 5  # nothing was stored
