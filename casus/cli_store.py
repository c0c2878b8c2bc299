"""Store commands of the CLI: ingest, query, export (registered onto the main Typer app)."""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, Optional

import typer

from casus.cli_options import actors_option, lexicon_option, say_waiting, unreadable, wait_option
from casus.coder import Coder
from casus.events.roots import RootChoice, parse_roots
from casus.model import Article, InputError
from casus.query import EVENT_SUMMARY, INCIDENT_SUMMARY, Filters
from casus.store import Store, StoreError

DB = "casus.duckdb"
ROOTS_HELP = "CAMEO roots to keep ('03,04') or drop ('-01' drops public statements)."


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"casus: error: {message}", err=True)
    raise typer.Exit(code)


# ---------------------------------------------------------------- reading with --skip-bad

def read_file(file: str, date: str | None, skip_bad: bool, rejected: list[dict[str, Any]]) -> Iterator[Article]:
    """Articles of one input file, streamed; with skip_bad, bad records go to `rejected` and reading goes on."""
    from casus.ingest import read_inputs
    from casus.ingest.rejected import rejection

    on_error = (lambda err: rejected.append(rejection(err, file))) if skip_bad else None
    yield from read_inputs([file], date=date, on_error=on_error)


# ---------------------------------------------------------------- commands

class RunData(NamedTuple):
    """What an ingest run codes with besides its inputs: the user's data files, how long to wait, whether to learn."""

    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    wait: float = 0.0
    learn: bool = False
    min_confidence: float | None = None  # None: the event filter's default
    roots: str | None = None  # CAMEO roots to keep or drop (casus.events.roots)
    parse_all: bool = True  # parse every sentence fully (False: only those that can hold an event)


def _progress(enabled: bool):
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} docs"),
                    TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(),
                    disable=not enabled, transient=True, console=None)


def ingest_files(store: Store, files: list[str], coder: Coder, date: str | None = None, skip_bad: bool = False,
                 rejected: list[dict[str, Any]] | None = None, on_doc=None, roots: RootChoice | None = None
                 ) -> dict[str, int]:
    """Code and store each file in its own transaction; a bad file raises InputError and is rolled back.

    People the coder's actor memory learnt from a file are saved with it, in the same transaction.
    """
    roots = roots or RootChoice()
    rejected = rejected if rejected is not None else []
    stats = {"documents": 0, "unchanged": 0, "events": 0}
    for file in files:
        with store.transaction():
            def fresh(articles: Iterable[Article]) -> Iterator[Article]:
                for a in articles:
                    if store.has(a):
                        stats["unchanged"] += 1
                    else:
                        yield a
            for article, events in coder.code(fresh(read_file(file, date, skip_bad, rejected))):
                events = [e for e in events if roots.admits(e.cameo.code)]
                if store.add(article, events):
                    stats["documents"] += 1
                    stats["events"] += len(events)
                if on_doc:
                    on_doc()
            if getattr(coder, "memory", None) is not None:
                store.save_learned(r.to_row() for r in coder.memory.take_changed())
    return stats


def ingest(
    files: list[str] = typer.Argument(..., help="Documents (.txt .html .jsonl .csv, or - for stdin)."),
    db: str = typer.Option(DB, "--db", help="The DuckDB store file."),
    workers: int = typer.Option(1, "--workers", help="Worker processes (a local Dask cluster when above 1)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Use this Dask cluster, e.g. tcp://host:8786."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Skip bad records, listing them in <db>.rejected.jsonl."),
    date: Optional[str] = typer.Option(None, "--date", help="Report date YYYY-MM-DD for all documents."),
    window: int = typer.Option(2, "--window-days", help="Days apart two reports of one incident may be dated."),
    actors: Optional[list[Path]] = actors_option(),
    lexicon: Optional[list[Path]] = lexicon_option(),
    wait: float = wait_option(),
    learn: bool = typer.Option(True, "--learn/--no-learn",
                               help="Learn people from titles and appositions, keep them in the store and use "
                                    "them for later documents (one process only; docs/ACTORS.md)."),
    min_confidence: Optional[float] = typer.Option(
        None, "--min-confidence", help="Drop events below this confidence (default: the event filter's; 0 keeps all)."),
    roots: Optional[str] = typer.Option(None, "--roots", help=ROOTS_HELP),
    parse_all: bool = typer.Option(True, "--parse-all/--parse-less",
                                   help="Parse every sentence fully (the default), or only the sentences that can hold an event "
                                        "and the one before each; the rest get names only (docs/SCALING.md)."),
) -> None:
    """Code documents into the store (idempotent; each file is stored whole or not at all)."""
    rejected: list[dict[str, Any]] = []
    _chosen(roots)
    if problem := unreadable([*(actors or ()), *(lexicon or ())]):
        _fail(problem)
    data = RunData(tuple(map(str, actors or ())), tuple(map(str, lexicon or ())), wait, learn, min_confidence, roots,
                   parse_all)
    start = time.perf_counter()
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        _fail(f"--min-confidence must be between 0 and 1, not {min_confidence}")
    if workers > 1 or scheduler:
        stats, incidents = _ingest_dask(files, db, workers, scheduler, skip_bad, date, window, rejected, start, data)
    else:
        stats, incidents = _ingest_here(files, db, workers, skip_bad, date, window, rejected, start, data)
    if rejected:
        _write_rejected(db + ".rejected.jsonl", rejected)
    seconds = time.perf_counter() - start
    typer.echo(f"casus: {stats['documents']} documents stored ({stats['unchanged']} unchanged), "
               f"{stats['events']} events, {incidents} incidents in {db}; "
               f"{stats['documents'] / max(seconds, 1e-9):.1f} docs/s"
               + (f"; {len(rejected)} rejected, see {db}.rejected.jsonl" if rejected else ""), err=True)
    if stats.get("error"):
        _fail(f"{stats['error']} (nothing from this file or later ones was stored)")


def _open(db: str, wait: float, read_only: bool = False) -> Store:
    """The store, waiting up to `wait` seconds while another process holds it; one line and exit 2 if not."""
    try:
        return Store(db, read_only=read_only, wait=wait, on_wait=say_waiting)
    except StoreError as err:
        _fail(str(err))


def _ingest_here(files, db, workers, skip_bad, date, window, rejected, start, data: RunData = RunData()
                 ) -> tuple[dict[str, int], int]:
    roots = parse_roots(data.roots)
    opened = _open(db, data.wait)  # wait for the store before loading the model: a busy store costs no work
    memory = None
    if data.learn:
        from casus.actors.memory import ActorMemory, Learnt

        memory = ActorMemory(Learnt.from_row(r) for r in opened.learned_actors())
    coder = Coder(workers, actor_files=data.actor_files, lexicon_files=data.lexicon_files, memory=memory,
                  min_confidence=data.min_confidence, parse_all=data.parse_all)
    try:
        coder.start()
    except InputError as err:
        opened.close()
        _fail(str(err))
    try:
        with opened as store, _progress(sys.stderr.isatty()) as progress:
            task = progress.add_task("ingest", total=None, rate=0.0)

            def tick() -> None:
                done = progress.tasks[task].completed + 1
                progress.update(task, completed=done, rate=done / max(time.perf_counter() - start, 1e-9))
            try:
                stats = ingest_files(store, files, coder, date, skip_bad, rejected, on_doc=tick, roots=roots)
            except InputError as err:
                _fail(f"{err} (nothing from this file was stored)")
            except Exception as err:  # noqa: BLE001 — a bug: the file's transaction was rolled back
                if os.environ.get("CASUS_DEBUG"):
                    raise
                _fail(f"internal error while coding ({type(err).__name__}: {err}); nothing from the failing "
                      "file was stored; set CASUS_DEBUG=1 to see the traceback")
            incidents = store.rebuild_incidents(window_days=window)
    except (StoreError, OSError) as err:
        _fail(str(err))
    finally:
        coder.close()
    return stats, incidents


def _ingest_dask(files, db, workers, scheduler, skip_bad, date, window, rejected, start, data: RunData = RunData()
                 ) -> tuple[dict, int]:
    from casus import scale

    options = scale.Options(date=date, skip_bad=skip_bad,
                            actor_files=tuple(os.path.abspath(p) for p in data.actor_files),
                            lexicon_files=tuple(os.path.abspath(p) for p in data.lexicon_files),
                            min_confidence=data.min_confidence, roots=data.roots,
                            parse_all=data.parse_all)
    client = None
    try:
        if "-" in files:  # before a cluster starts
            raise InputError("-", "standard input cannot be split across workers: use --workers 1 or name files")
        with _open(db, data.wait) as store, _progress(sys.stderr.isatty()) as progress:
            client = scale.start_client(workers, scheduler)
            task = progress.add_task("ingest", total=None, rate=0.0)

            def tick(result) -> None:
                done = progress.tasks[task].completed + result.documents
                progress.update(task, completed=done, rate=done / max(time.perf_counter() - start, 1e-9))
            stats = scale.run(client, store, files, options, scale.work_folder(db), on_partition=tick)
            incidents = store.rebuild_incidents(window_days=window)
    except InputError as err:
        _fail(str(err))
    except (StoreError, OSError, scale.ScaleError) as err:
        _fail(str(err))
    finally:
        if client is not None:
            _close_client(client)
    rejected.extend(stats.pop("rejected"))
    return stats, incidents


def _close_client(client) -> None:
    cluster = client.cluster if hasattr(client, "cluster") else None
    client.close()
    if cluster is not None:
        cluster.close()


def _write_rejected(path: str, rejected: list[dict[str, Any]]) -> None:
    from casus.output import atomic_output

    with atomic_output(path) as fh:
        for r in rejected:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def _filters(actor, country, code, plover, mode, since, until, date_field, place, text, limit,
             place_basis=None, roots=None) -> Filters:
    return Filters(actor=actor, country=country, code=code, plover=plover, mode=mode, since=since, until=until,
                   date_field=date_field, place=place, text=text, limit=limit, place_basis=place_basis, roots=roots)


PLACE_BASIS_HELP = "Only events placed on these bases, comma-separated: clause,sentence,destination,article,dateline."


def _chosen(roots: str | None) -> RootChoice:
    try:
        return parse_roots(roots)
    except ValueError as err:
        _fail(str(err))
        raise


def query(
    db: str = typer.Option(DB, "--db", help="The DuckDB store file."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor code prefix or part of a name."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO alpha-3 of an actor or the place."),
    code: Optional[str] = typer.Option(None, "--code", help="CAMEO code prefix, e.g. 04 or 1831."),
    roots: Optional[str] = typer.Option(None, "--roots", help=ROOTS_HELP),
    plover: Optional[str] = typer.Option(None, "--plover", help="PLOVER event type."),
    mode: Optional[str] = typer.Option(None, "--mode", help="asserted | negated | intended | ..."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date, YYYY-MM-DD."),
    date_field: str = typer.Option("event", "--date-field", help="event | report: which date --since/--until use."),
    place: Optional[str] = typer.Option(None, "--place", help="Part of a place name, or a country code."),
    place_basis: Optional[str] = typer.Option(None, "--place-basis", help=PLACE_BASIS_HELP),
    text: Optional[str] = typer.Option(None, "--text", help="Words in the sentence."),
    level: str = typer.Option("events", "--level", help="events | incidents"),
    fmt: Optional[str] = typer.Option(None, "--format", help="table | jsonl | csv (table on a terminal)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many rows."),
    out: Optional[str] = typer.Option(None, "--out", help="Write here (atomically) instead of stdout."),
    wait: float = wait_option(),
) -> None:
    """Read events or incidents from the store."""
    from casus.query import records, run

    fmt = fmt or ("table" if out is None and sys.stdout.isatty() else "jsonl")
    if fmt not in ("table", "jsonl", "csv"):
        _fail(f"--format must be table, jsonl or csv, not {fmt!r}")
    _chosen(roots)
    f = _filters(actor, country, code, plover, mode, since, until, date_field, place, text, limit, place_basis, roots)
    from casus.output import atomic_output

    try:
        with _open(db, wait, read_only=True) as store, atomic_output(out) as fh:
            if fmt == "jsonl":
                for rec in records(store, f, level):
                    fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
            elif fmt == "csv":
                import csv

                columns, rows = run(store, f, level)
                keep = [i for i, c in enumerate(columns) if c != "record"]
                w = csv.writer(fh)
                w.writerow([columns[i] for i in keep])
                for r in rows:
                    w.writerow([_cell(r[i]) for i in keep])
            else:
                _table(store, f, level, fh)
    except (StoreError, ValueError, OSError) as err:
        _fail(str(err))


def _cell(value: Any) -> Any:
    return ";".join(map(str, value)) if isinstance(value, list) else value


def _table(store: Store, f: Filters, level: str, fh) -> None:
    from rich.console import Console
    from rich.table import Table

    from casus.query import run

    columns, rows = run(store, f, level)
    show = EVENT_SUMMARY if level == "events" else INCIDENT_SUMMARY
    idx = [columns.index(c) for c in show]
    table = Table(title=f"casus query ({level})")
    for c in show:
        table.add_column(c)
    for r in rows:
        table.add_row(*("" if r[i] is None else str(_cell(r[i])) for i in idx))
    Console(file=fh, width=200 if fh is not sys.stdout else None).print(table)


def export_cmd(
    db: str = typer.Option(DB, "--db", help="The DuckDB store file."),
    fmt: str = typer.Option(..., "--format", help="gdelt | icews | plover | parquet | csv | jsonl"),
    out: str = typer.Option(..., "--out", help="Output file (written to a temporary, then renamed)."),
    header: bool = typer.Option(False, "--header", help="GDELT: write the column names first."),
    level: str = typer.Option("events", "--level", help="events | incidents (csv, jsonl, parquet)."),
    code: Optional[str] = typer.Option(None, "--code", help="Only this CAMEO code prefix."),
    roots: Optional[str] = typer.Option(None, "--roots", help=ROOTS_HELP),
    since: Optional[str] = typer.Option(None, "--since", help="Event date from, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Event date up to, YYYY-MM-DD."),
    mode: Optional[str] = typer.Option(None, "--mode", help="Only this mode, e.g. asserted."),
    place_basis: Optional[str] = typer.Option(None, "--place-basis", help=PLACE_BASIS_HELP),
    wait: float = wait_option(),
) -> None:
    """Write the store as GDELT 2.0, ICEWS, PLOVER JSON, Parquet, CSV or JSONL."""
    from casus.export import export

    if level == "incidents" and fmt not in ("csv", "jsonl", "parquet"):
        _fail(f"--level incidents is available for csv, jsonl and parquet, not {fmt}")
    _chosen(roots)
    f = Filters(code=code, since=since, until=until, mode=mode, place_basis=place_basis, roots=roots)
    try:
        with _open(db, wait, read_only=True) as store:
            n = export(store, fmt, out, filters=f, header=header, level=level)
    except (StoreError, ValueError, OSError) as err:
        _fail(str(err))
    typer.echo(f"casus: {n} {level} written to {out} ({fmt})", err=True)


def register(app: typer.Typer) -> None:
    """Add the ingest, query and export commands to the main CLI."""
    app.command("ingest")(ingest)
    app.command("query")(query)
    app.command("export")(export_cmd)
