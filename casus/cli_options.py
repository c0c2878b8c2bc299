"""Options shared by every command that codes text, so `--actors` and `--lexicon` mean one thing everywhere."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

import typer

ACTORS_HELP = ("Extra actor data: a casus actor file (.tsv, casus/actors/data/FORMAT.md) or a PETRARCH actor/"
               "agent dictionary; repeat for several. Added to the package's actors.")
LEXICON_HELP = ("Extra trigger lexicon: a casus lexicon file (.tsv, casus/events/data/FORMAT.md) or a PETRARCH "
                "verb dictionary; repeat for several. Added to the package's lexicon.")


def actors_option() -> Any:
    """The `--actors FILE` option (repeatable)."""
    return typer.Option(None, "--actors", help=ACTORS_HELP)


def lexicon_option() -> Any:
    """The `--lexicon FILE` option (repeatable)."""
    return typer.Option(None, "--lexicon", help=LEXICON_HELP)


def unreadable(paths: Optional[list[Path]]) -> str | None:
    """The first of `paths` casus cannot read, as one line for the user, else None."""
    for p in paths or ():
        if not os.path.isfile(p):
            return f"{p}: cannot read: No such file"
        if not os.access(p, os.R_OK):
            return f"{p}: cannot read: Permission denied"
    return None


WAIT_DEFAULT = 60.0


def wait_option() -> Any:
    """The `--wait SECONDS` option of every command that opens the store."""
    return typer.Option(WAIT_DEFAULT, "--wait", min=0,
                        help="Seconds to wait while another process holds the store before giving up.")


def say_waiting(message: str) -> None:
    """Tell the user, once, that the store is busy and casus is waiting for it."""
    typer.echo(f"casus: {message}", err=True)
