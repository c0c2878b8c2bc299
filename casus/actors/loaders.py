"""Readers for the actor TSV files (formats in data/FORMAT.md): each yields (aliases, Entry)."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

from casus.actors.kb import (ADJECTIVE, AGENT, COUNTRY, IDENTITY, NON_STATE, ORGANIZATION, PEOPLE, PERSON, SEAT,
                             TITLE, Entry, Spell, fold, parse_date)
from casus.model import InputError

COLUMNS = {
    ("code", "name", "names", "adjectives", "people", "seats"): "countries",
    ("name", "country", "sectors", "kind", "aliases"): "organizations",
    ("phrase", "sectors", "type"): "agents",
    ("name", "aliases", "country", "sectors", "role", "start", "end"): "people",
    ("name", "aliases", "country", "sectors", "role", "start", "end", "source"): "people",
    ("name", "country", "sectors", "kind", "aliases", "code"): "organizations",
    ("name", "country", "sectors", "kind", "aliases", "code", "source"): "organizations",
    ("name", "sectors", "home", "aliases"): "groups",
}
KINDS = frozenset({"state", "person", "organization", "igo", "group"})


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _sectors(cell: str) -> tuple[str, ...]:
    return tuple(s for s in _split(cell) if s != "-")


def plurals(noun: str) -> list[str]:
    """Regular English plurals of the last word ('troop' -> 'troops', 'policeman' -> 'policemen')."""
    head, _, last = noun.rpartition(" ")
    pre = head + " " if head else ""
    if last.endswith("man"):
        return [pre + last[:-3] + "men"]
    if last.endswith(("s", "sh", "ch", "x", "z")):
        return [pre + last + "es"]
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return [pre + last[:-1] + "ies"]
    return [pre + last + "s"]


def read_tsv(path: Path) -> Iterator[tuple[list[str], Entry]]:
    """Entries of one TSV file; the '# col<TAB>col' header comment names the format."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror}") from e
    fmt = None
    pending: tuple[list[str], Entry] | None = None  # a person whose next row may add a spell
    for n, line in enumerate(lines, 1):
        if line.startswith("#"):
            cols = tuple(c.strip() for c in line.lstrip("# ").split("\t"))
            fmt = COLUMNS.get(cols, fmt)
            continue
        if not line.strip():
            continue
        if fmt is None:
            raise InputError(str(path), "no column header comment ('# col<TAB>col...', see FORMAT.md)", n)
        cells = line.split("\t")
        want = max(len(c) for c, f in COLUMNS.items() if f == fmt)
        cells += [""] * (want - len(cells))
        try:
            rows = list(_ROW[fmt](cells))
        except (ValueError, IndexError) as e:
            raise InputError(str(path), f"bad {fmt} row: {e}", n) from e
        if fmt == "people" and pending is not None and pending[1].name == rows[0][1].name:
            pending = _merge(pending, rows[0])  # consecutive rows of one person: one entry, all spells
            continue
        if pending is not None:
            yield pending
            pending = None
        if fmt == "people":
            pending = rows[0]
        else:
            yield from rows
    if pending is not None:
        yield pending


def _merge(a: tuple[list[str], Entry], b: tuple[list[str], Entry]) -> tuple[list[str], Entry]:
    """One person from two rows: the aliases of both, the spells of both."""
    e = a[1]
    return list(dict.fromkeys(a[0] + b[0])), Entry(e.name, e.category, e.country, e.sectors, e.kind,
                                                   e.spells + b[1].spells)


def _country_rows(c: list[str]) -> Iterator[tuple[list[str], Entry]]:
    code, name = c[0].strip(), c[1].strip()
    kind = "state"
    yield [name, *_split(c[2])], Entry(name, COUNTRY, code, (), kind)
    if c[3].strip():
        yield _split(c[3]), Entry(name, ADJECTIVE, code, (), kind)
    if c[4].strip():
        yield _split(c[4]), Entry(name, PEOPLE, code, ("CVL",), "group")
    if c[5].strip():
        yield _split(c[5]), Entry(name, SEAT, code, ("GOV",), kind)


def _org_rows(c: list[str]) -> Iterator[tuple[list[str], Entry]]:
    name, country, kind = c[0].strip(), c[1].strip() or None, c[3].strip()
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} not one of {sorted(KINDS)}")
    code = c[5].strip() if len(c) > 5 else ""
    yield [name, *_split(c[4])], Entry(name, ORGANIZATION, country, _sectors(c[2]), kind, code=code or None)


def _agent_rows(c: list[str]) -> Iterator[tuple[list[str], Entry]]:
    phrase, typ = c[0].strip(), c[2].strip()
    if typ not in ("group", "person", "title"):
        raise ValueError(f"type {typ!r} not one of group, person, title")
    sectors = _sectors(c[1])
    if typ == "title":
        yield [phrase], Entry(phrase.lower(), TITLE, None, sectors, "person")
        if not phrase.isupper() and not phrase.endswith(".") and " of " not in phrase:
            yield plurals(phrase), Entry(phrase.lower(), AGENT, None, sectors, "group")  # 'Palestinian leaders'
        return
    forms = [phrase] if phrase.isupper() else [phrase, *plurals(phrase)]
    yield forms, Entry(phrase.lower(), AGENT, None, sectors, "person" if typ == "person" else "group")


def _group_rows(c: list[str]) -> Iterator[tuple[list[str], Entry]]:
    name, states = c[0].strip(), _split(c[2])
    forms = [name, *plurals(name), *_split(c[3])]
    yield forms, Entry(name, AGENT, states[0] if states else None, _sectors(c[1]), IDENTITY, also=tuple(states[1:]))


def _people_rows(c: list[str]) -> Iterator[tuple[list[str], Entry]]:
    name, country = c[0].strip(), c[2].strip() or None
    source = c[7].strip() if len(c) > 7 else ""
    spell = Spell(country, _sectors(c[3]), parse_date(c[5]), parse_date(c[6]), c[4].strip(), source)
    kind = "person"
    yield [name, *_split(c[1])], Entry(name, PERSON, None, (), kind, (spell,))


def read_former(path: Path) -> dict[str, list[tuple[_dt.date, str]]]:
    """former.tsv: folded place name -> (until, country it belonged to before that date), earliest first."""
    out: dict[str, list[tuple[_dt.date, str]]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror}") from e
    for n, line in enumerate(lines, 1):
        if line.startswith("#") or not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        until = parse_date(cells[2]) if len(cells) > 2 else None
        if until is None or not cells[0] or not cells[1]:
            raise InputError(str(path), "want name<TAB>country<TAB>until (ISO date)", n)
        out.setdefault(fold(cells[0]), []).append((until, cells[1]))
    return {k: sorted(v) for k, v in out.items()}


_ROW = {"countries": _country_rows, "organizations": _org_rows, "agents": _agent_rows, "people": _people_rows,
        "groups": _group_rows}

__all__ = ["read_tsv", "read_former", "plurals", "NON_STATE", "SEAT", "PEOPLE"]
