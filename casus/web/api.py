"""The REST API under /api/: documents, events, incidents, actors, timelines, networks, map points, coding."""
from __future__ import annotations

import hashlib
import hmac
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from casus import store_views as views
from casus.query import Filters
from casus.web.params import MAX_LIMIT, check_actor_code, check_date, make_filters

router = APIRouter(prefix="/api", tags=["api"])
MAX_DOCS = 100
MAX_CHARS = 1_000_000


def _bad(err: ValueError) -> HTTPException:
    return HTTPException(status_code=422, detail=str(err))


def filters(actor: str | None = Query(None, max_length=200, description="Actor code prefix (RUS, USAGOV) or part of a name"),
            country: str | None = Query(None, description="ISO alpha-3 of source, target or place"),
            code: str | None = Query(None, description="CAMEO code prefix, 1-4 digits"),
            plover: str | None = Query(None, description="PLOVER event type"),
            mode: str | None = Query(None, description="asserted | intended | negated | requested | ..."),
            since: str | None = Query(None, description="From this date, YYYY-MM-DD (inclusive)"),
            until: str | None = Query(None, description="Up to this date, YYYY-MM-DD (inclusive)"),
            date_field: str = Query("event", description="event | report: which date since/until use"),
            place: str | None = Query(None, max_length=200, description="Part of a place name, or a country code"),
            text: str | None = Query(None, max_length=200, description="Words in the sentence"),
            place_basis: str | None = Query(None, max_length=60,
                                            description="Place bases to keep: clause,sentence,destination,article,dateline")) -> Filters:
    """The filters of `casus query`, checked."""
    try:
        return make_filters(actor, country, code, plover, mode, since, until, date_field, place, text, place_basis)
    except ValueError as err:
        raise _bad(err) from None


Limit = Query(50, ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}")
Offset = Query(0, ge=0, le=10_000_000, description="Rows to skip")


def _store(request: Request):
    return request.app.state.store


def _page(total: int, limit: int, offset: int, items: list[Any]) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/", summary="What the API offers")
def index(request: Request) -> dict[str, Any]:
    """Counts in the store and the endpoints."""
    return {"store": views.summary(_store(request)), "ingest": request.app.state.token is not None,
            "openapi": "/openapi.json",
            "endpoints": sorted({r.path for r in router.routes if getattr(r, "path", "").startswith("/api/")})}


@router.get("/documents", summary="Articles in the store, newest first")
def list_documents(request: Request, text: str | None = Query(None, max_length=200),
                   since: str | None = None, until: str | None = None,
                   limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """Articles (without their text) with the number of events coded from each."""
    try:
        since, until = check_date(since, "since"), check_date(until, "until")
    except ValueError as err:
        raise _bad(err) from None
    total, items = views.documents(_store(request), limit, offset, text=text, since=since, until=until)
    return _page(total, limit, offset, items)


@router.get("/documents/{doc_id:path}", summary="One article with its text and events")
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    """The article's text and its events as contract records (DESIGN.md §4)."""
    doc = views.document(_store(request), doc_id)
    if doc is None:
        raise HTTPException(404, detail=f"no document {doc_id!r}")
    return doc


SORT = Query("date", description="Column to sort on")
DESC = Query(False, description="Sort descending")


@router.get("/events", summary="Events matching the filters")
def list_events(request: Request, f: Filters = Depends(filters), limit: int = Limit, offset: int = Offset,
                sort: str = SORT, desc: bool = DESC) -> dict[str, Any]:
    """Events as contract records, a page at a time, with the total count."""
    try:
        total, items = views.event_page(_store(request), f, limit, offset, sort, desc, full=True)
    except ValueError as err:
        raise _bad(err) from None
    return _page(total, limit, offset, items)


@router.get("/events/{event_id}", summary="One event")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    """One event's contract record."""
    ev = views.event(_store(request), event_id)
    if ev is None:
        raise HTTPException(404, detail=f"no event {event_id!r}")
    return ev


@router.get("/incidents", summary="Incidents with an event matching the filters")
def list_incidents(request: Request, f: Filters = Depends(filters), limit: int = Limit, offset: int = Offset,
                   sort: str = SORT, desc: bool = DESC) -> dict[str, Any]:
    """Incidents (events folded across articles), a page at a time."""
    try:
        total, items = views.incident_page(_store(request), f, limit, offset, sort, desc)
    except ValueError as err:
        raise _bad(err) from None
    return _page(total, limit, offset, items)


@router.get("/incidents/{incident_id}", summary="One incident with its events")
def get_incident(request: Request, incident_id: str) -> dict[str, Any]:
    """One incident and its member events."""
    inc = views.incident(_store(request), incident_id)
    if inc is None:
        raise HTTPException(404, detail=f"no incident {incident_id!r}")
    return inc


@router.get("/actors", summary="Actors in matching events, most active first")
def list_actors(request: Request, f: Filters = Depends(filters), limit: int = Limit,
                offset: int = Offset) -> dict[str, Any]:
    """Actor codes with how often each is source and target."""
    total, items = views.actors(_store(request), f, limit, offset)
    return _page(total, limit, offset, items)


@router.get("/timeline", summary="A dyad's events per week by quad class")
def timeline(request: Request, a: str = Query(..., description="First actor code prefix, e.g. RUS"),
             b: str = Query(..., description="Second actor code prefix, e.g. UKR"),
             f: Filters = Depends(filters)) -> dict[str, Any]:
    """Events between A and B (either direction) per ISO week and quad class, with mean Goldstein."""
    try:
        a, b = check_actor_code(a, "a"), check_actor_code(b, "b")
    except ValueError as err:
        raise _bad(err) from None
    series = views.dyad_timeline(_store(request), a, b, f)
    return {"a": a.upper(), "b": b.upper(), "series": series}


@router.get("/network", summary="Actor network: edges with event counts and mean Goldstein")
def network(request: Request, f: Filters = Depends(filters),
            max_edges: int = Query(150, ge=1, le=1000)) -> dict[str, Any]:
    """The busiest source→target edges among matching events and their nodes."""
    return views.network(_store(request), f, max_edges)


@router.get("/map", summary="Located events grouped by place and quad class")
def map_points(request: Request, f: Filters = Depends(filters),
               limit: int = Query(2000, ge=1, le=10_000)) -> dict[str, Any]:
    """Places with their event counts per quad class."""
    return {"points": views.map_points(_store(request), f, limit)}


class DocumentIn(BaseModel):
    """One document as in DESIGN.md §4 (document input)."""

    id: str | None = Field(None, max_length=500)
    text: str | None = Field(None, max_length=MAX_CHARS)
    html: str | None = Field(None, max_length=MAX_CHARS)
    title: str | None = Field(None, max_length=2000)
    date: str | None = Field(None, description="Report date YYYY-MM-DD")
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=500)


class DocumentsIn(BaseModel):
    """Documents to code (and store, for POST /api/documents)."""

    documents: list[DocumentIn] = Field(..., min_length=1, max_length=MAX_DOCS)


def _articles(body: DocumentsIn, where: str) -> list[Any]:
    from casus.ingest.chrome import Chrome
    from casus.ingest.record import article_from_record
    from casus.model import InputError

    chrome, out = Chrome.load(), []
    for n, doc in enumerate(body.documents, start=1):
        try:
            if doc.date is not None:
                check_date(doc.date, f"documents[{n - 1}].date")
            record = doc.model_dump(exclude_none=True)
            digest = hashlib.sha256((doc.text or doc.html or "").encode("utf-8")).hexdigest()[:16]
            out.append(article_from_record(record, file=where, line=n, default_id=f"doc-{digest}", chrome=chrome,
                                           date=None))
        except (InputError, ValueError) as err:
            raise HTTPException(400, detail=str(err)) from None
    return out


def _authorised(request: Request) -> None:
    token = request.app.state.token
    if token is None:
        raise HTTPException(403, detail="storing over HTTP is off: start `casus serve --token …` to allow it")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise HTTPException(401, detail="a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/documents", summary="Code documents and store them (needs the server's token)", status_code=201)
def post_documents(request: Request, body: DocumentsIn, _: None = Depends(_authorised)) -> dict[str, Any]:
    """Code the documents with the casus pipeline and add them to the store; incidents are rebuilt."""
    articles = _articles(body, "POST /api/documents")
    coded = request.app.state.coder.code(articles)
    store = request.app.state.store
    stored, events = [], 0
    with request.app.state.write_lock:
        with store.transaction():
            for article, evs in coded:
                if store.add(article, evs):
                    stored.append(article.id)
                    events += len(evs)
        if stored:
            store.rebuild_incidents()
    return {"stored": stored, "unchanged": [a.id for a, _ in coded if a.id not in stored], "events": events}


@router.post("/code", summary="Code documents without storing them")
def post_code(request: Request, body: DocumentsIn) -> dict[str, Any]:
    """Events and annotations of each document; nothing is stored, so no token is needed."""
    if len(body.documents) > 5:
        raise HTTPException(422, detail="documents: at most 5 at a time here (use POST /api/documents or casus code)")
    out = []
    for article in _articles(body, "POST /api/code"):
        events, annotation = request.app.state.coder.code_and_annotate(article)
        out.append({"doc_id": article.id, "report_date": article.report_date, "text": article.text,
                    "events": [e.to_dict() for e in events], "annotation": annotation})
    return {"documents": out}
