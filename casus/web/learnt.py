"""Pages and API of the people casus learnt from the news: how each was learnt, and (with the token) corrections."""
from __future__ import annotations

import hmac
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from casus.actors.memory import ActorMemory, Learnt, name_key

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api")
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
EXCERPT = 160  # characters of the example document shown either side of the learnt mention


def _memory(request: Request) -> ActorMemory:
    return ActorMemory(Learnt.from_row(r) for r in request.app.state.store.learned_actors())


def _row(memory: ActorMemory, r: Learnt) -> dict[str, Any]:
    return {**r.to_row(), "recalled": memory.winner(r.key) is r, "reason": r.reason(),
            "window": [str(d) if d else None for d in r.window()]}


def _example(request: Request, r: Learnt) -> dict[str, str] | None:
    _, rows = request.app.state.store.fetch("SELECT text, title FROM articles WHERE id = ?", [r.doc_id])
    if not rows or rows[0][0] is None:
        return None
    text = rows[0][0]
    a, b = max(0, r.start - EXCERPT), min(len(text), r.end + EXCERPT)
    return {"title": rows[0][1] or r.doc_id, "before": text[a:r.start], "mention": text[r.start:r.end],
            "after": text[r.end:b]}


def change(memory: ActorMemory, key: str, action: str, code: str | None, correct: str | None) -> str:
    """Accept, reject or correct one learnt name; what changed, in words (ValueError if it cannot)."""
    rows = memory.find(key, code or None)
    if not rows:
        raise ValueError(f"no learnt actor {key!r}" + (f" with code {code}" if code else ""))
    if action == "reject":
        for r in rows:
            memory.set_status(r, "rejected")
        return f"blocked {rows[0].name} ({', '.join(r.code for r in rows)})"
    row = max(rows, key=lambda r: r.count)
    if action == "correct":
        fixed = memory.correct(row, correct or "")
        return f"{row.name}: {row.code} corrected to {fixed.code}"
    if action == "accept":
        memory.set_status(row, "accepted")
        return f"{row.name} accepted as {row.code}"
    raise ValueError("action must be accept, reject or correct")


def _token_ok(request: Request, given: str) -> bool:
    token = request.app.state.token
    return token is not None and hmac.compare_digest(given.strip().encode(), token.encode())


def _save(request: Request, memory: ActorMemory) -> None:
    store = request.app.state.store
    with request.app.state.write_lock:
        store.save_learned(r.to_row() for r in memory.take_changed())


@pages.get("/learnt", response_class=HTMLResponse)
def learnt_list(request: Request) -> HTMLResponse:
    """Every person learnt from the news, with the code casus recalls."""
    memory = _memory(request)
    rows = [_row(memory, r) for r in memory.entries()]
    return templates.TemplateResponse(request, "learnt.html", {"rows": rows, "one": None})


def _page(request: Request, key: str, message: str | None = None, error: str | None = None,
          status: int = 200) -> HTMLResponse:
    memory = _memory(request)
    found = memory.find(key)
    if not found:
        return templates.TemplateResponse(request, "error.html", {"message": f"No learnt actor {key!r}."},
                                          status_code=404)
    rows = [_row(memory, r) for r in found]
    examples = {r.code: _example(request, r) for r in found}
    return templates.TemplateResponse(request, "learnt.html", {
        "rows": rows, "one": found[0].name, "key": name_key(found[0].name), "examples": examples,
        "writable": request.app.state.token is not None, "message": message, "error": error}, status_code=status)


@pages.get("/learnt/{key}", response_class=HTMLResponse)
def learnt_actor(request: Request, key: str) -> HTMLResponse:
    """One learnt person: each code, where and when it was learnt, the example, and a correction form."""
    return _page(request, key)


@pages.post("/learnt/{key}", response_class=HTMLResponse)
async def learnt_correct(request: Request, key: str) -> HTMLResponse:
    """Apply a correction from the form, if its token is the server's."""
    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace"),
                                          keep_blank_values=True).items()}
    if request.app.state.token is None:
        return _page(request, key, error="corrections are off: start `casus serve --token …` to allow them",
                     status=403)
    if not _token_ok(request, form.get("token", "")):
        return _page(request, key, error="wrong token", status=401)
    memory = _memory(request)
    try:
        message = change(memory, key, form.get("action", ""), form.get("code"), form.get("correct"))
    except ValueError as err:
        return _page(request, key, error=str(err), status=422)
    _save(request, memory)
    return _page(request, key, message=message)


@api.get("/learnt", summary="People casus learnt from the news")
def api_learnt(request: Request) -> dict[str, Any]:
    """Every learnt row with its status, recall window and reason."""
    memory = _memory(request)
    return {"items": [_row(memory, r) for r in memory.entries()]}


class Correction(BaseModel):
    """An accept / reject / correct of one learnt name."""

    action: str
    code: str | None = None
    correct: str | None = None


def _bearer(request: Request) -> None:
    if request.app.state.token is None:
        raise HTTPException(403, detail="corrections are off: start `casus serve --token …` to allow them")
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not _token_ok(request, value):
        raise HTTPException(401, detail="a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


@api.post("/learnt/{key}", summary="Accept, reject or correct a learnt actor (needs the server's token)")
def api_correct(request: Request, key: str, body: Correction, _: None = Depends(_bearer)) -> dict[str, Any]:
    """Apply one correction; the name's rows as they now are."""
    memory = _memory(request)
    try:
        message = change(memory, key, body.action, body.code, body.correct)
    except ValueError as err:
        raise HTTPException(422, detail=str(err)) from None
    _save(request, memory)
    return {"message": message, "items": [_row(memory, r) for r in memory.find(key)]}
