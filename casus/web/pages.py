"""Server-rendered pages: home, article view, explorer, dyad timeline, actor network, map, paste-and-code."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from casus import store_views as views
from casus.query import Filters
from casus.web import charts
from casus.web.highlight import annotation_marks, event_marks, segments
from casus.web.params import (DEFAULT_LIMIT, check_actor_code, check_date, check_limit, filter_query,
                              filters_from)

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
templates.env.globals["quads"] = charts.QUADS
MAX_PASTE = 100_000


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def _error(request: Request, message: str, status: int = 422) -> HTMLResponse:
    return _render(request, "error.html", status=status, message=message)


def _filters(request: Request) -> Filters:
    return filters_from(request.query_params)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """Store counts and the latest articles."""
    store = request.app.state.store
    _, docs = views.documents(store, 20)
    return _render(request, "home.html", summary=views.summary(store), docs=docs)


def _article_context(text: str, events: list[dict[str, Any]], annotation: dict[str, Any] | None = None) -> dict:
    marks = event_marks(events) + (annotation_marks(annotation) if annotation else [])
    return {"segments": segments(text, marks), "events": events}


@router.get("/article/{doc_id:path}", response_class=HTMLResponse)
def article(request: Request, doc_id: str) -> HTMLResponse:
    """An article with its event evidence highlighted and each event as a card beside it."""
    doc = views.document(request.app.state.store, doc_id)
    if doc is None:
        return _error(request, f"No document {doc_id!r} in the store.", 404)
    return _render(request, "article.html", doc=doc, **_article_context(doc["text"], doc["events"]))


@router.get("/explorer", response_class=HTMLResponse)
def explorer(request: Request) -> HTMLResponse:
    """A filterable, sortable, paged table of events or incidents."""
    q = request.query_params
    level = q.get("level", "events")
    try:
        f = _filters(request)
        limit, offset = check_limit(int(q.get("limit") or DEFAULT_LIMIT), int(q.get("offset") or 0))
        if level not in ("events", "incidents"):
            raise ValueError(f"level: events or incidents, not {level!r}")
        sort, desc = q.get("sort", "date"), q.get("desc") == "1"
        page = (views.event_page if level == "events" else views.incident_page)(
            request.app.state.store, f, limit, offset, sort, desc)
    except ValueError as err:
        return _error(request, str(err))
    total, rows = page
    base = {**filter_query(f), "level": level, "limit": limit}

    def link(**changes: Any) -> str:
        return "/explorer?" + urlencode({k: v for k, v in {**base, "sort": sort, "desc": int(desc), **changes}.items()
                                         if v not in (None, "")})

    def sort_link(column: str) -> str:
        return link(sort=column, desc=int(column == sort and not desc), offset=0)

    return _render(request, "explorer.html", f=f, level=level, rows=rows, total=total, limit=limit, offset=offset,
                   sort=sort, desc=desc, link=link, sort_link=sort_link, api="/api/" + level + "?" +
                   urlencode({**filter_query(f), "limit": limit, "offset": offset, "sort": sort, "desc": str(desc).lower()}))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    """Events per week and mean Goldstein between two actors, split by quad class."""
    q = request.query_params
    store = request.app.state.store
    try:
        f = _filters(request)
        a, b = check_actor_code(q.get("a"), "a"), check_actor_code(q.get("b"), "b")
    except ValueError as err:
        return _error(request, str(err))
    series, svg = [], ""
    if a and b:
        series = views.dyad_timeline(store, a, b, f)
        svg = charts.timeline_svg(series)
    busiest = views.network(store, f, max_edges=12)["edges"]
    totals = {q_: sum(r["events"] for r in series if r["quad"] == q_) for q_ in charts.QUADS}
    return _render(request, "timeline.html", f=f, a=a or "", b=b or "", svg=Markup(svg), series=series,
                   totals=totals, busiest=busiest)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request) -> HTMLResponse:
    """Actors as nodes, event counts and mean Goldstein as edges; drawn by a small force layout."""
    try:
        f = _filters(request)
        max_edges = int(request.query_params.get("max_edges") or 80)
        if not 1 <= max_edges <= 1000:
            raise ValueError("max_edges: between 1 and 1000")
    except ValueError as err:
        return _error(request, str(err))
    api = "/api/network?" + urlencode({**filter_query(f), "max_edges": max_edges})
    return _render(request, "network.html", f=f, api=api, max_edges=max_edges)


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request) -> HTMLResponse:
    """Located events on the offline base map, coloured by quad class."""
    try:
        f = _filters(request)
    except ValueError as err:
        return _error(request, str(err))
    points = views.map_points(request.app.state.store, f)
    return _render(request, "map.html", f=f, svg=Markup(charts.map_svg(points)), points=points[:25],
                   located=sum(p["events"] for p in points))


@router.get("/code", response_class=HTMLResponse)
def code_form(request: Request) -> HTMLResponse:
    """A form to paste text and a report date."""
    return _render(request, "code.html", text="", date=_dt.date.today().isoformat(), doc=None)


@router.post("/code", response_class=HTMLResponse)
async def code_text(request: Request) -> HTMLResponse:
    """Code pasted text in-process and show it as an article view; nothing is stored."""
    body = await request.body()
    if len(body) > 4 * MAX_PASTE:
        return _error(request, f"text: at most {MAX_PASTE} characters", 413)
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}
    text, date = form.get("text", ""), form.get("date", "")
    try:
        date = check_date(date, "date")
        if not text.strip():
            raise ValueError("text: paste some news text first")
        if len(text) > MAX_PASTE:
            raise ValueError(f"text: at most {MAX_PASTE} characters")
    except ValueError as err:
        return _render(request, "code.html", status=422, text=text, date=date or "", doc=None, error=str(err))
    from starlette.concurrency import run_in_threadpool

    from casus.ingest.chrome import Chrome
    from casus.ingest.record import article_from_record
    from casus.model import InputError

    try:
        record = {"id": "pasted", "text": text, **({"date": date} if date else {})}
        art = article_from_record(record, file="pasted text", line=1, default_id="pasted", chrome=Chrome.load(),
                                  date=None)
    except InputError as err:
        return _render(request, "code.html", status=422, text=text, date=date or "", doc=None, error=str(err))
    events, annotation = await run_in_threadpool(request.app.state.coder.code_and_annotate, art)
    records = [e.to_dict() for e in events]
    doc = {"id": art.id, "title": art.title, "report_date": art.report_date,
           "report_date_basis": art.report_date_basis, "source": None, "url": None}
    return _render(request, "code.html", text=text, date=date or "", doc=doc,
                   **_article_context(art.text, records, annotation))


@router.get("/apidocs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The REST endpoints and their parameters, read from the OpenAPI schema."""
    schema = request.app.openapi()
    return _render(request, "apidocs.html", paths=schema.get("paths", {}))
