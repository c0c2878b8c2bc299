"""Import PETRARCH/TABARI actor dictionaries (Phoenix *.actors.txt) as KB entries with dated codes."""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from pathlib import Path

from casus.actors.kb import COUNTRY, ORGANIZATION, PERSON, Entry, Spell
from casus.model import InputError

_CODE = re.compile(r"\[([^\]\s]+)(?:\s+([^\]]*))?\]")
_PIVOT = 30  # two-digit years up to 30 are 20yy, later ones 19yy (dictionaries reach back to the 1890s in 4 digits)


def parse_pdate(text: str) -> _dt.date:
    """YYMMDD or YYYYMMDD as used in PETRARCH date restrictions."""
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= _PIVOT else 1900 + yy
        return _dt.date(year, int(text[2:4]), int(text[4:6]))
    if len(text) == 8:
        return _dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """'RUSGOV' -> ('RUS', ('GOV',)); 'USAGOVLEG' -> ('USA', ('GOV', 'LEG')); '---GOV' -> (None, ('GOV',))."""
    code = code.strip().upper()
    country = code[:3] if len(code) >= 3 else None
    rest = code[3:]
    sectors = tuple(rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3])
    return (None if country in (None, "---") else country), sectors


def parse_restriction(code: str, when: str | None) -> Spell:
    """One '[CODE <date]', '[CODE >date]', '[CODE d1-d2]' or '[CODE]' as a Spell (limits inclusive)."""
    country, sectors = split_code(code)
    if not when:
        return Spell(country, sectors)
    when = when.strip()
    if when.startswith("<"):
        return Spell(country, sectors, None, parse_pdate(when[1:].strip()))
    if when.startswith(">"):
        return Spell(country, sectors, parse_pdate(when[1:].strip()), None)
    a, _, b = when.partition("-")
    return Spell(country, sectors, parse_pdate(a.strip()), parse_pdate(b.strip()))


def phrase_text(phrase: str) -> str:
    """'VLADIMIR_PUTIN_' -> 'vladimir putin' (underscores join words; a trailing one marks the word end).

    Dictionaries are written in capitals, so names are lower-cased: matched case-insensitively.
    """
    return " ".join(phrase.replace("_", " ").split()).lower()


def _entry(phrases: list[str], spells: list[Spell], person: bool) -> Entry:
    name = phrases[0].title()
    dated = any(s.start or s.end for s in spells)
    if person or dated and len(spells) > 1:
        return Entry(name, PERSON, None, (), "person", tuple(spells))
    s = spells[0]
    if not s.sectors and s.country and not dated:
        return Entry(name, COUNTRY, s.country, (), "state")
    kind = "igo" if s.country == "IGO" else "organization" if s.country == "NGO" else "group"
    return Entry(name, ORGANIZATION, s.country, s.sectors, kind, tuple(spells) if dated else ())


def read_actors(path: Path, skipped: list[str] | None = None) -> Iterator[tuple[list[str], Entry]]:
    """Records of a PETRARCH actor dictionary: primary phrase, '+synonyms', tab-indented '[CODE dates]' lines.

    Malformed date restrictions are skipped and noted in `skipped` as 'file:line: cause'.
    """
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror}") from e
    phrases: list[str] = []
    spells: list[Spell] = []
    person = False

    def flush() -> Iterator[tuple[list[str], Entry]]:
        if phrases and spells:
            yield phrases[:], _entry(phrases, spells, person)

    for n, raw in enumerate(lines, 1):
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        stripped = body.strip()
        is_code_line = raw[:1] in "\t " and stripped.startswith("[")
        try:
            if stripped.startswith("+"):
                phrases.append(phrase_text(_CODE.sub("", stripped[1:])))
            elif is_code_line:
                spells.extend(parse_restriction(c, w) for c, w in _CODE.findall(stripped))
            else:
                yield from flush()
                phrases = [phrase_text(_CODE.sub("", stripped))]
                spells = [parse_restriction(c, w) for c, w in _CODE.findall(stripped)]
                person = "countryinfo" in comment.lower()
        except ValueError as e:
            if skipped is not None:
                skipped.append(f"{path}:{n}: {e}")
    yield from flush()


_AGENT_CODE = re.compile(r"\[\s*(~[A-Z0-9]+|[A-Z0-9]+~)\s*\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def is_agents_file(path: Path) -> bool:
    """True for a PETRARCH agents dictionary: its codes are sector codes with a `~` (`[~GOV]`)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            return any(_AGENT_CODE.search(line.split("#", 1)[0]) for _, line in zip(range(2000), fh))
    except OSError:
        return False


def read_agents(path: Path, skipped: list[str] | None = None) -> Iterator[tuple[list[str], Entry]]:
    """Sector nouns of a PETRARCH agents dictionary: `PHRASE {PLURALS} [~SECTORS]`, with `!MACRO! = A, B` words."""
    from casus.actors.kb import AGENT
    from casus.actors.loaders import plurals

    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror}") from e
    macros: dict[str, list[str]] = {}
    for n, raw in enumerate(lines, 1):
        body = raw.split("#", 1)[0].strip()
        if not body or body.startswith("<!--"):
            continue
        macro = _MACRO.match(body)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        code = _AGENT_CODE.search(body)
        if code is None:
            if skipped is not None:
                skipped.append(f"{path}:{n}: no [~CODE] agent code")
            continue
        sectors = split_code("---" + code.group(1).strip("~"))[1]
        head = body[:code.start()]
        given = re.search(r"\{([^}]*)\}", head)
        phrase = re.sub(r"\{[^}]*\}", " ", head).strip()
        for form in _expand(phrase, macros):
            words = phrase_text(form)
            if not words:
                continue
            regular = [] if words.endswith(("men", "people", "s")) else plurals(words)
            forms = [words] + ([phrase_text(p) for p in given.group(1).split()] if given else regular)
            yield forms, Entry(words, AGENT, None, sectors, "group")


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    """'CONGRESS!PERSON!' with !PERSON! = MAN, WOMAN -> ['CONGRESSMAN', 'CONGRESSWOMAN']."""
    for name, words in macros.items():
        if name in phrase:
            return [p for w in words for p in _expand(phrase.replace(name, w, 1), macros)]
    return [phrase]
