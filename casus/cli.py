"""The command line of DESIGN.md §5."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Optional

import typer

from casus.cli_options import actors_option, lexicon_option, unreadable
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


MIN_CONFIDENCE_HELP = ("Drop events whose confidence is below this (default: the event filter's, 0.30, chosen on judged "
                       "dev news; 0 keeps all).")
PARSE_ALL_HELP = ("Parse every sentence fully (the default), or with --parse-less only the sentences that can hold an "
                  "event and the one before each; the others get names only (docs/SCALING.md: it gained no speed yet).")


def _check_min_confidence(value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        fail(f"--min-confidence must be between 0 and 1, not {value}")


def _pipeline(actors: list[Path] | None = None, lexicon: list[Path] | None = None, memory=None,
              min_confidence: float | None = None, detector: bool = True, parse_all: bool = True):
    from casus.pipeline import Pipeline

    pipe = Pipeline.load(actor_files=actors or (), lexicon_files=lexicon or (), memory=memory,
                         min_confidence=min_confidence, parse_all=parse_all)
    if not detector:
        pipe.extractor.detector = None
    if pipe.skipped:
        typer.echo(f"casus: {len(pipe.skipped)} dictionary lines not used, e.g. {pipe.skipped[0]}", err=True)
    return pipe


def example_path() -> Path:
    """The worked example shipped with the package."""
    return Path(__file__).resolve().parent / "examples" / EXAMPLE


def _write_events(pipe, articles, fmt: str, out: str | None, roots=None) -> int:
    from casus.output import EventWriter, atomic_output, render_table

    if roots is not None:
        pipe = _Chosen(pipe, roots)
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


class _Chosen:
    """A coder whose events are only those of the chosen CAMEO roots (`--roots`)."""

    def __init__(self, coder, roots) -> None:
        self.coder, self.roots = coder, roots

    def code(self, articles):
        for article, events in self.coder.code(articles):
            yield article, [e for e in events if self.roots.admits(e.cameo.code)]


def _roots(spec: str | None):
    from casus.events.roots import parse_roots

    try:
        choice = parse_roots(spec)
    except ValueError as err:
        fail(str(err))
    return choice if (choice.keep or choice.drop) else None


ROOTS_HELP = "CAMEO roots to keep ('03,04') or drop ('-01' drops public statements)."


@app.command()
def code(
    files: list[str] = typer.Argument(..., help="Documents (.txt .html .jsonl .csv, or - for stdin)."),
    date: Optional[str] = typer.Option(None, "--date", help="Report date YYYY-MM-DD for all documents."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl | csv | table | gdelt | plover"),
    out: Optional[str] = typer.Option(None, "--out", help="Write here (atomically) instead of stdout."),
    actors: Optional[list[Path]] = actors_option(),
    lexicon: Optional[list[Path]] = lexicon_option(),
    workers: int = typer.Option(1, "--workers", help="Coding processes (each loads the model); output order kept."),
    learn: bool = typer.Option(True, "--learn/--no-learn",
                               help="Learn people from titles and appositions and use them in later documents of "
                                    "this run (one worker only; docs/ACTORS.md)."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help=MIN_CONFIDENCE_HELP),
    roots: Optional[str] = typer.Option(None, "--roots", help=ROOTS_HELP),
    parse_all: bool = typer.Option(True, "--parse-all/--parse-less", help=PARSE_ALL_HELP),
) -> None:
    """Code events from documents."""
    from casus.ingest import read_inputs

    chosen = _roots(roots)
    if fmt not in CODE_FORMATS:
        fail(f"--format must be one of {', '.join(CODE_FORMATS)}, not '{fmt}'")
    _check_min_confidence(min_confidence)
    pool = None
    tracked = _Tracked(read_inputs(files, date=date))
    try:
        with _reported(tracked, out):
            if workers > 1:
                from casus.coder import Coder

                pipe = pool = Coder(workers, actor_files=actors or (), lexicon_files=lexicon or (),
                                    min_confidence=min_confidence, parse_all=parse_all)
            else:
                from casus.actors.memory import ActorMemory

                pipe = _pipeline(actors, lexicon, ActorMemory() if learn else None, min_confidence,
                                 parse_all=parse_all)
            _write_events(pipe, tracked, fmt, out, chosen)
    finally:
        if pool is not None:
            pool.close()


@app.command()
def annotate(
    files: list[str] = typer.Argument(..., help="Documents (.txt .html .jsonl .csv, or -)."),
    date: Optional[str] = typer.Option(None, "--date", help="Report date YYYY-MM-DD."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl"),
    out: Optional[str] = typer.Option(None, "--out", help="Write here (atomically) instead of stdout."),
    actors: Optional[list[Path]] = actors_option(),
    lexicon: Optional[list[Path]] = lexicon_option(),
) -> None:
    """List actors, times, places and quotes per document."""
    import json

    from casus.ingest import read_inputs
    from casus.output import atomic_output

    if fmt != "jsonl":
        fail("annotate writes --format jsonl")
    tracked = _Tracked(read_inputs(files, date=date))
    with _reported(tracked, out):
        pipe = _pipeline(actors, lexicon)
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
    code([str(path)], date=None, fmt=fmt, out=None, actors=None, lexicon=None, workers=1, learn=True,
         min_confidence=None, roots=None, parse_all=True)


@app.command("eval")
def evaluate(
    kind: str = typer.Argument(..., help="events | dates | judged | sentences | times | places | quotes | petrarch"),
    gold: Path = typer.Option(..., "--gold", help="Gold file or folder."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Score only the first N items."),
    fmt: str = typer.Option("table", "--format", help="table | jsonl"),
    errors: Optional[int] = typer.Option(None, "--errors", help="events: how many of the worst errors to list (table format; "
                                         "default 10); times: how many value errors of the dev part to list (default none)."),
    actors: Optional[list[Path]] = actors_option(),
    lexicon: Optional[list[Path]] = lexicon_option(),
    split: str = typer.Option("dev", "--split",
                              help="judged, sentences: train | dev | check | all (check is only scored)."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help=MIN_CONFIDENCE_HELP),
    cache: Optional[Path] = typer.Option(Path(".casus-cache"), "--cache",
                                         help="judged: keep coded documents here, per version of casus."),
    ablate: Optional[list[str]] = typer.Option(None, "--ablate",
                                               help="events, judged, sentences: switch off this pass or gate (docs/CODING.md §9, §10)."),
    detector: bool = typer.Option(True, "--detector/--no-detector",
                                  help="events, judged, sentences: with the learned detector (default) or the lexicon alone."),
    parse_all: bool = typer.Option(True, "--parse-all/--parse-less", help=PARSE_ALL_HELP),
) -> None:
    """Score casus on a gold file and print a table (events: also a confusion matrix and the worst errors)."""
    import importlib
    import json

    from casus.output import render_rows

    if kind not in ("events", "dates", "judged", "sentences", "times", "places", "quotes", "petrarch"):
        fail(f"unknown evaluation '{kind}': use events, dates, judged, sentences, times, places, quotes or petrarch")
    if not gold.exists():
        fail(f"{gold}: no such file or folder")
    if (actors or lexicon) and kind not in ("events", "judged", "petrarch"):
        fail(f"--actors and --lexicon apply to eval events, judged and petrarch; eval {kind} uses neither actors nor triggers")
    if problem := unreadable([*(actors or ()), *(lexicon or ())]):
        fail(problem)
    _check_min_confidence(min_confidence)
    from casus.events import ANTECEDENT_RULES, GATES
    from casus.events.sieve import pass_names

    switchable = [*pass_names(), *ANTECEDENT_RULES, *(name for name, _ in GATES)]
    unknown = sorted(set(ablate or ()) - set(switchable))
    if unknown:
        fail(f"--ablate {unknown[0]}: no such pass or gate (they are: {', '.join(switchable)})")

    def ablated(pipe):
        pipe.gates_off = set(ablate or ())
        return pipe

    if kind == "judged" and split not in ("train", "dev", "check", "all"):
        fail(f"--split must be train, dev, check or all, not '{split}'")
    if errors is not None and errors < 0:
        fail(f"--errors must be 0 or more, not {errors}")
    module = importlib.import_module(f"casus.evaluate.{'petrarch_suite' if kind == 'petrarch' else kind}")
    diagnostics: list | None = [] if fmt != "jsonl" else None
    extra: list[dict] = []  # times: the dev part's value errors asked for with --errors
    try:
        if kind == "petrarch":
            rows = module.run(str(gold), lambda a, x: _pipeline([*a, *(actors or ())], [*x, *(lexicon or ())]))
        elif kind == "times":
            time_errors: list = []
            rows = module.run(str(gold), parts=True, errors=time_errors)
            diagnostics = None
            if errors and fmt != "jsonl":
                extra = module.error_rows(time_errors[:errors])
        elif kind == "dates":
            pipe = _pipeline(min_confidence=0.0)  # every event; the default rows keep those at the floor
            floor = min_confidence if min_confidence is not None else (
                pipe.event_filter.threshold if pipe.event_filter is not None else 0.0)
            rows = module.run(str(gold), pipe, limit=limit, floor=floor)
        elif kind == "events":
            rows = module.run(str(gold), ablated(_pipeline(actors, lexicon, min_confidence=min_confidence,
                                                           detector=detector, parse_all=parse_all)),
                              limit=limit, diagnostics=diagnostics, worst=max(10 if errors is None else errors, 0))
        elif kind == "judged":
            rows = module.run(str(gold), lambda: ablated(_pipeline(actors, lexicon, min_confidence=0.0,
                                                                   detector=detector, parse_all=parse_all)),
                              split=split, min_confidence=min_confidence, cache=cache,
                              variant="-".join(sorted(ablate or ())) + ("" if detector else "nodetector")
                              + ("" if parse_all else "chosen"))
        elif kind == "sentences":
            rows = module.run(str(gold), ablated(_pipeline(actors, lexicon, min_confidence=min_confidence,
                                                           detector=detector, parse_all=parse_all)),
                              split=split, limit=limit)
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
    elif kind == "judged":
        summary = [{"figure": k, "value": v} for k, v in rows[0].items()]
        typer.echo(render_rows(summary, title=f"casus eval judged: {gold} ({split} split)"))
        typer.echo(render_rows(rows[1:], title="reliability: confidence against the mean verdict of judged events"))
    else:
        typer.echo(render_rows(rows, title=f"casus eval {kind}: {gold}"))
        if extra:
            typer.echo(render_rows(extra, title="value errors of the dev part (check is only scored)"))
        if diagnostics:
            from casus.evaluate.diagnose import render

            for name, diag in diagnostics:
                typer.echo(render(name, diag))


def _register_optional() -> None:
    from casus.cli_actors import register as register_actors
    from casus.cli_store import register

    register(app)
    register_actors(app)
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
