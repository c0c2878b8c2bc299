"""The `casus serve` command: the web app and REST API over a store."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from casus.cli_options import actors_option, lexicon_option, say_waiting, unreadable, wait_option


def serve(
    db: str = typer.Option("casus.duckdb", "--db", help="The DuckDB store file."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="CASUS_TOKEN",
                                        help="Allow POST /api/documents with 'Authorization: Bearer TOKEN' "
                                             "(opens the store for writing). Also read from $CASUS_TOKEN."),
    actors: Optional[list[Path]] = actors_option(),
    lexicon: Optional[list[Path]] = lexicon_option(),
    wait: float = wait_option(),
) -> None:
    """Serve the web app and REST API (read-only unless --token is given)."""
    from casus.store import StoreError

    try:
        import uvicorn

        from casus.web.app import create_app
    except ImportError as err:
        typer.echo(f"casus: error: the web app needs fastapi, uvicorn and jinja2 ({err})", err=True)
        raise typer.Exit(2) from None
    if token is not None and len(token) < 12:
        typer.echo("casus: error: --token must be at least 12 characters", err=True)
        raise typer.Exit(2)
    if token is None and not os.path.exists(db):
        typer.echo(f"casus: error: {db}: no such store (run `casus ingest` first, or serve with --token)", err=True)
        raise typer.Exit(2)
    if problem := unreadable([*(actors or ()), *(lexicon or ())]):
        typer.echo(f"casus: error: {problem}", err=True)
        raise typer.Exit(2)

    def pipeline():  # loaded on the first document coded, with the same data files as `casus code`
        from casus.pipeline import Pipeline

        return Pipeline.load(actor_files=actors or (), lexicon_files=lexicon or ())
    try:
        app = create_app(db, token=token, pipeline_factory=pipeline, wait=wait, on_wait=say_waiting)
    except StoreError as err:
        typer.echo(f"casus: error: {err}", err=True)
        raise typer.Exit(2) from None
    mode = "read-write (POST /api/documents with the token)" if token else "read-only"
    typer.echo(f"casus: serving {db} {mode} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add the serve command to the main CLI."""
    app.command("serve")(serve)
