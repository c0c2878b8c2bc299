"""The FastAPI app factory: one store, an optional ingest token, a pipeline loaded on first use."""
from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from casus.store import Store, StoreError

HERE = Path(__file__).resolve().parent


class Coder:
    """The casus pipeline, loaded once on first use and used by one request at a time."""

    def __init__(self, pipeline: Any = None, factory: Callable[[], Any] | None = None):
        self._pipeline = pipeline
        self._factory = factory
        self._lock = threading.Lock()

    def _get(self) -> Any:
        if self._pipeline is None:
            if self._factory is None:
                from casus.pipeline import Pipeline

                self._factory = Pipeline.load
            self._pipeline = self._factory()
        return self._pipeline

    def code_and_annotate(self, article: Any) -> tuple[list[Any], dict[str, Any]]:
        """Events and the annotation record of one article (nothing stored)."""
        with self._lock:
            pipe = self._get()
            g = next(pipe.grounded([article]))
            events = pipe.events(g)
            annotation = {"actors": [m.actor.to_dict() for m in g.actors], "times": [t.to_dict() for t in g.times],
                          "places": [p.place.to_dict() for p in g.places]}
        return events, annotation

    def code(self, articles: list[Any]) -> list[tuple[Any, list[Any]]]:
        """Events of each article, in order."""
        with self._lock:
            return list(self._get().code(articles))


def create_app(db: str, token: str | None = None, pipeline: Any = None,
               pipeline_factory: Callable[[], Any] | None = None, wait: float = 0.0,
               on_wait: Callable[[str], None] | None = None) -> FastAPI:
    """The web app over the store at `db`: read-only unless a token allows POST /api/documents."""
    store = Store(db, read_only=token is None, wait=wait, on_wait=on_wait)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="casus", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Political event data coded from news text: documents, events, incidents, actors. "
                              "Read-only unless the server was started with --token.")
    app.state.store = store
    app.state.token = token
    app.state.coder = Coder(pipeline, pipeline_factory)
    app.state.write_lock = threading.Lock()

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return JSONResponse({"detail": "; ".join(parts) or "invalid request"}, status_code=422)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": f"store: {exc}"}, status_code=500)

    from casus.web.api import router as api_router
    from casus.web.learnt import api as learnt_api
    from casus.web.learnt import pages as learnt_pages
    from casus.web.pages import router as page_router

    app.include_router(api_router)
    app.include_router(learnt_api)
    app.include_router(page_router)
    app.include_router(learnt_pages)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
