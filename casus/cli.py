"""The command line of DESIGN.md §5."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Optional

import typer

from casus.model import InputError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="casus: news text in, political event data out — who did what to whom, when and where.")


def _version(value: bool) -> None:
    if value:
        from casus import __version__

        typer.echo(f"casus {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print casus's version and exit.")) -> None:
    """casus: news text in, political event data out — who did what to whom, when and where."""

CODE_FORMATS = ("jsonl", "csv", "table", "gdelt", "plover")
EXAMPLE = "tass-japan-russia.txt"


def fail(message: str, code: int = 2) -> None:
    """One line on stderr, a non-zero exit, no traceback."""
    typer.echo(f"casus: error: {message}", err=True)
    raise typer.Exit(code)


class _Tracked:
    """Remembers the last article read, so an unexpected failure can name its file and line."""

    def __init__(self, articles):
        self.articles, self.last = articles, None

    def __iter__(self):
        for article in self.articles:
            self.last = article
            yield article

    def where(self) -> str:
        return (self.last.origin or self.last.id) if self.last is not None else "input"


def _internal(e: Exception, tracked: _Tracked) -> None:
    """An unexpected failure: one line naming the document, the traceback only with CASUS_DEBUG=1."""
    import os

    if os.environ.get("CASUS_DEBUG"):
        raise e
    fail(f"{tracked.where()}: internal error while coding ({type(e).__name__}: {e}); "
         "set CASUS_DEBUG=1 to see the traceback", code=3)


@contextlib.contextmanager
def _reported(tracked: _Tracked, out: str | None):
    """Turn every failure while coding into one line naming its input, and a non-zero exit."""
    try:
        yield
    except InputError as e:
        fail(str(e))
    except BrokenPipeError:
        raise
    except OSError as e:
        fail(f"{e.filename or out}: {e.strerror}")
    except Exception as e:  # noqa: BLE001 — a bug must still leave no traceback and no half-written file
        _internal(e, tracked)


PARSE_ALL_HELP = "Parse every paragraph (slower; by default only the text that can hold an event is parsed)."


def _pipeline(actors: list[Path] | None = None, lexicon: list[Path] | None = None, parse_all: bool = False):
    from casus.pipeline import Pipeline

    pipe = Pipeline.load(actor_files=actors or (), lexicon_files=lexicon or (), parse_all=parse_all)
    if pipe.skipped:
        typer.echo(f"casus: {len(pipe.skipped)} dictionary lines not used, e.g. {pipe.skipped[0]}", err=True)
    return pipe


def example_path() -> Path:
    """The worked example shipped with the package."""
    return Path(__file__).resolve().parent / "examples" / EXAMPLE


def _write_events(pipe, articles, fmt: str, out: str | None) -> int:
    from casus.output import EventWriter, atomic_output, render_table

    n = 0
    with atomic_output(out) as fh:
        if fmt == "table":
            for article, events in pipe.code(articles):
                events = sorted(events, key=lambda e: (e.sentence, -e.confidence))
                basis = f"{article.report_date} ({article.report_date_basis})" if article.report_date else "unknown"
                title = f"{article.id} — report date {basis}"
                fh.write(render_table(events, title=title))
                if article.report_date_reason:
                    fh.write(f"  report date: {article.report_date_reason}\n")
                n += len(events)
        elif fmt in ("gdelt", "plover"):
            from casus.export import write_events

            batch = [e for _, events in pipe.code(articles) for e in events]
            write_events(batch, fmt, fh)
            n = len(batch)
        else:
            writer = EventWriter(fh, fmt)
            for _, events in pipe.code(articles):
                writer.write(events)
                n += len(events)
    return n


@app.command()
def code(
    files: list[str] = typer.Argument(..., help="Documents (.txt .html .jsonl .csv, or - for stdin)."),
    date: Optional[str] = typer.Option(None, "--date", help="Report date YYYY-MM-DD for all documents."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl | csv | table | gdelt | plover"),
    out: Optional[str] = typer.Option(None, "--out", help="Write here (atomically) instead of stdout."),
    actors: Optional[list[Path]] = typer.Option(None, "--actors", help="Extra actor data files."),
    lexicon: Optional[list[Path]] = typer.Option(None, "--lexicon", help="Extra trigger lexicon files."),
    workers: int = typer.Option(1, "--workers", help="Coding processes (each loads the model); output order kept."),
    parse_all: bool = typer.Option(False, "--parse-all", help=PARSE_ALL_HELP),
) -> None:
    """Code events from documents."""
    from casus.ingest import read_inputs

    if fmt not in CODE_FORMATS:
        fail(f"--format must be one of {', '.join(CODE_FORMATS)}, not '{fmt}'")
    pool = None
    tracked = _Tracked(read_inputs(files, date=date))
    try:
        with _reported(tracked, out):
            if workers > 1:
                from casus.cli_store import Coder

                pipe = pool = Coder(workers, actor_files=actors or (), lexicon_files=lexicon or (),
                                    parse_all=parse_all)
            else:
                pipe = _pipeline(actors, lexicon, parse_all)
            _write_events(pipe, tracked, fmt, out)
    finally:
        if pool is not None:
            pool.close()


@app.command()
def annotate(
    files: list[str] = typer.Argument(..., help="Documents (.txt .html .jsonl .csv, or -)."),
    date: Optional[str] = typer.Option(None, "--date", help="Report date YYYY-MM-DD."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl"),
    out: Optional[str] = typer.Option(None, "--out"),
) -> None:
    """List actors, times, places and quotes per document."""
    import json

    from casus.ingest import read_inputs
    from casus.output import atomic_output

    if fmt != "jsonl":
        fail("annotate writes --format jsonl")
    tracked = _Tracked(read_inputs(files, date=date))
    with _reported(tracked, out):
        pipe = _pipeline()
        with atomic_output(out) as fh:
            for record in pipe.annotate(tracked):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")


@app.command()
def demo(fmt: str = typer.Option("table", "--format", help="table | jsonl | csv")) -> None:
    """Code the worked example (the TASS Japan–Russia article) and show its events."""
    path = example_path()
    if not path.exists():
        fail(f"{path}: the worked example is missing from this installation")
    typer.echo(f"casus demo: coding {path.name} with no date given\n")
    code([str(path)], date=None, fmt=fmt, out=None, actors=None, lexicon=None, workers=1, parse_all=False)


@app.command("eval")
def evaluate(
    kind: str = typer.Argument(..., help="events | times | places | quotes | petrarch"),
    gold: Path = typer.Option(..., "--gold", help="Gold file or folder."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Score only the first N items."),
    fmt: str = typer.Option("table", "--format", help="table | jsonl"),
    errors: int = typer.Option(10, "--errors", help="events: how many of the worst errors to list (table format)."),
    parse_all: bool = typer.Option(False, "--parse-all", help=PARSE_ALL_HELP),
) -> None:
    """Score casus on a gold file and print a table (events: also a confusion matrix and the worst errors)."""
    import importlib
    import json

    from casus.output import render_rows

    if kind not in ("events", "times", "places", "quotes", "petrarch"):
        fail(f"unknown evaluation '{kind}': use events, times, places, quotes or petrarch")
    if not gold.exists():
        fail(f"{gold}: no such file or folder")
    module = importlib.import_module(f"casus.evaluate.{'petrarch_suite' if kind == 'petrarch' else kind}")
    diagnostics: list | None = [] if fmt != "jsonl" else None
    try:
        if kind == "petrarch":
            rows = module.run(str(gold), _pipeline)
        elif kind == "times":
            rows = module.run(str(gold))
        elif kind == "events":
            rows = module.run(str(gold), _pipeline(parse_all=parse_all), limit=limit, diagnostics=diagnostics, worst=max(errors, 0))
        else:
            from casus.nlp import Parser

            rows = module.run(str(gold), Parser(), limit=limit)
    except InputError as e:
        fail(str(e))
    except Exception as e:  # noqa: BLE001 — a bug while scoring: one line, not a traceback
        import os

        if os.environ.get("CASUS_DEBUG"):
            raise
        fail(f"{gold}: internal error while scoring ({type(e).__name__}: {e}); "
             "set CASUS_DEBUG=1 to see the traceback", code=3)
    if fmt == "jsonl":
        for r in rows:
            typer.echo(json.dumps(r))
    else:
        typer.echo(render_rows(rows, title=f"casus eval {kind}: {gold}"))
        if diagnostics:
            from casus.evaluate.diagnose import render

            for name, diag in diagnostics:
                typer.echo(render(name, diag))


def _register_optional() -> None:
    from casus.cli_store import register

    register(app)
    try:  # the web app's dependencies are an optional extra
        from casus.web.cli import register as register_web
    except ImportError:
        return
    register_web(app)


_register_optional()


def main() -> None:
    """Entry point of the `casus` command."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("casus: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `casus code … | head`: the reader left, which is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":
    main()
