"""The `casus actors` command: list, export, accept and reject the people casus learnt from the news."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from casus.cli_options import say_waiting, wait_option
from casus.store import Store, StoreError

FORMATS = ("table", "jsonl", "casus", "petrarch")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"casus: error: {message}", err=True)
    raise typer.Exit(code)


def actors(
    db: str = typer.Option("casus.duckdb", "--db", help="The DuckDB store file."),
    fmt: Optional[str] = typer.Option(None, "--format",
                                      help="table | jsonl | casus (an actor file for --actors) | petrarch "
                                           "(a PETRARCH actor dictionary); table on a terminal."),
    out: Optional[str] = typer.Option(None, "--out", help="Write here (atomically) instead of stdout."),
    accept: Optional[str] = typer.Option(None, "--accept", help="Make this learnt name a permanent row."),
    reject: Optional[str] = typer.Option(None, "--reject", help="Block this learnt name (all codes, or --code)."),
    correct: Optional[str] = typer.Option(None, "--correct", help="With --accept NAME: the right code, e.g. ARMGOV."),
    code: Optional[str] = typer.Option(None, "--code", help="Which of a name's learnt codes --accept/--reject means."),
    wait: float = wait_option(),
) -> None:
    """List the people casus learnt from the news, export them, or accept / reject / correct one."""
    from casus.actors.memory import ActorMemory, Learnt

    fmt = fmt or ("table" if out is None and sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if accept and reject:
        _fail("give --accept or --reject, not both")
    if correct and not accept:
        _fail("--correct CODE goes with --accept NAME")
    writing = bool(accept or reject)
    try:
        with Store(db, read_only=not writing, wait=wait, on_wait=say_waiting) as store:
            memory = ActorMemory(Learnt.from_row(r) for r in store.learned_actors())
            if writing:
                typer.echo(_change(memory, accept, reject, correct, code), err=True)
                store.save_learned(r.to_row() for r in memory.take_changed())
                return
    except StoreError as err:
        _fail(str(err))
    _write(memory, fmt, out)


def _change(memory, accept: str | None, reject: str | None, correct: str | None, code: str | None) -> str:
    """Apply one --accept / --reject / --correct to the memory; the line telling what changed."""
    name = accept or reject
    rows = memory.find(name, code)
    if not rows:
        known = ", ".join(r.code for r in memory.find(name)) or "none"
        _fail(f"no learnt actor '{name}'" + (f" with code {code}" if code else "") + f" (codes learnt: {known})")
    if accept and len(rows) > 1 and not correct:
        _fail(f"'{name}' was learnt with {len(rows)} codes ({', '.join(r.code for r in rows)}): say which with --code")
    if reject:
        for r in rows:
            memory.set_status(r, "rejected")
        return f"casus: blocked {rows[0].name} ({', '.join(r.code for r in rows)})"
    row = max(rows, key=lambda r: r.count)
    if correct:
        try:
            fixed = memory.correct(row, correct)
        except ValueError as err:
            _fail(str(err))
        return f"casus: {row.name} corrected {row.code} → {fixed.code} (permanent)"
    memory.set_status(row, "accepted")
    return f"casus: {row.name} accepted as {row.code} (permanent)"


def _write(memory, fmt: str, out: str | None) -> None:
    from casus.actors.memory import to_actor_file, to_petrarch
    from casus.output import atomic_output

    with atomic_output(out) as fh:
        if fmt == "casus":
            fh.write(to_actor_file(memory))
        elif fmt == "petrarch":
            fh.write(to_petrarch(memory))
        elif fmt == "jsonl":
            for r in memory.entries():
                fh.write(json.dumps({**r.to_row(), "recalled": memory.winner(r.key) is r}, default=str) + "\n")
        else:
            from rich.console import Console
            from rich.table import Table

            table = Table(title=f"people learnt from the news ({len(memory)})")
            for c in ("name", "code", "role", "first seen", "last seen", "docs", "example", "status"):
                table.add_column(c)
            for r in memory.entries():
                table.add_row(r.name, r.code, r.role, str(r.first_seen or ""), str(r.last_seen or ""), str(r.count),
                              f"{r.doc_id} [{r.start}:{r.end}]", r.status)
            Console(file=fh, width=200 if fh is not sys.stdout else None).print(table)


def register(app: typer.Typer) -> None:
    """Add the actors command to the main CLI."""
    app.command("actors")(actors)
