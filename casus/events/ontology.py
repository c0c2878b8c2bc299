"""The CAMEO ontology: codes, names, Goldstein scores, quad/penta classes, PLOVER crosswalk, modality map."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from casus.model import Cameo, InputError

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_FILES = (DATA / "cameo.tsv", DATA / "cameo_plover.tsv", DATA / "modality.tsv")

CAMEO_HEADER = ("code", "name", "goldstein", "quad")
PLOVER_HEADER = ("code", "plover_type", "plover_mode", "context")
MODALITY_HEADER = ("prefix", "intended", "requested", "threat")
MODES = MODALITY_HEADER[1:]
MODE_ALIASES = {"threatened": "threat", "threaten": "threat", "intent": "intended", "request": "requested"}
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_PENTA = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2,
          "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "16": 3}


def read_tsv(path: Path) -> Iterator[tuple[int, tuple[str, ...], list[str]]]:
    """Yield (line number, header, fields) for each data row of a '#'-commented TSV file with a header row."""
    header: tuple[str, ...] | None = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [x.strip() for x in line.split("\t")]
            if header is None:
                header = tuple(fields)
                continue
            yield lineno, header, fields


def read_words(path: Path | str) -> frozenset[str]:
    """The lower-case words of a word-list file: one a line, '#' starts a comment."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (line.split("#", 1)[0].strip().lower() for line in lines) if w)


def is_code_form(code: str) -> bool:
    """True when `code` looks like a CAMEO code: a string of 2-4 digits under roots 01-20."""
    return isinstance(code, str) and bool(_CODE.match(code))


def _blank(value: str) -> str | None:
    return None if value in ("", "-") else value


class Ontology:
    """CAMEO codes with their PLOVER equivalents and modality map; build it with `Ontology.load()`."""

    def __init__(self) -> None:
        self._cameo: dict[str, Cameo] = {}
        self._plover: dict[str, dict[str, str | None]] = {}
        self._modality: dict[str, dict[str, str | None]] = {}
        self.files: list[Path] = []

    @classmethod
    def load(cls, paths: Sequence[Path] | None = None, defaults: bool = True) -> Ontology:
        """Read the package tables, then any extra user files (each may add or override codes)."""
        onto = cls()
        files = [*(DEFAULT_FILES if defaults else ()), *(Path(p) for p in paths or ())]
        for path in files:
            onto._read(path)
        onto._check()
        return onto

    def _read(self, path: Path) -> None:
        if not path.exists():
            raise InputError(str(path), "ontology file not found")
        self.files.append(path)
        for lineno, header, fields in read_tsv(path):
            kind = header[:4]
            if len(fields) < 4:
                raise InputError(str(path), f"expected at least 4 tab-separated fields, got {len(fields)}", lineno)
            code = fields[0]
            if not is_code_form(code):
                raise InputError(str(path), f"bad CAMEO code {code!r} (2-4 digits, root 01-20)", lineno)
            if kind == CAMEO_HEADER:
                self._cameo[code] = self._cameo_row(path, lineno, fields)
            elif kind == PLOVER_HEADER:
                ptype = _blank(fields[1])
                if ptype is not None and ptype not in PLOVER_TYPES:
                    raise InputError(str(path), f"unknown PLOVER type {ptype!r}", lineno)
                self._plover[code] = {"type": ptype, "mode": _blank(fields[2]), "context": _blank(fields[3])}
            elif kind == MODALITY_HEADER:
                self._modality[code] = {m: _blank(v) for m, v in zip(MODES, fields[1:4])}
            else:
                raise InputError(str(path), f"unknown table header {header!r}", lineno - 1)

    @staticmethod
    def _cameo_row(path: Path, lineno: int, fields: list[str]) -> Cameo:
        code, name, goldstein, quad = fields[:4]
        try:
            score, q = float(goldstein), int(quad)
        except ValueError:
            raise InputError(str(path), f"goldstein must be a number and quad an integer: {fields!r}", lineno) from None
        if not -10.0 <= score <= 10.0:
            raise InputError(str(path), f"goldstein {score} outside -10..10", lineno)
        if q not in (1, 2, 3, 4):
            raise InputError(str(path), f"quad {q} not in 1..4", lineno)
        if not name:
            raise InputError(str(path), "empty name", lineno)
        return Cameo(code=code, root=code[:2], name=name, goldstein=score, quad=q)

    def _check(self) -> None:
        for code in self._cameo:
            if code[:2] not in self._cameo:
                raise InputError(self._where(), f"code {code} has no root {code[:2]} in the ontology")
        for code, row in self._modality.items():
            for mode, out in row.items():
                if out is not None and out not in self._cameo:
                    raise InputError(self._where(), f"modality {code} {mode} -> {out}: unknown CAMEO code")

    def _where(self) -> str:
        return ", ".join(str(p) for p in self.files) or "<ontology>"

    def codes(self) -> list[str]:
        """All known codes, sorted as strings (roots before their children)."""
        return sorted(self._cameo)

    def is_valid(self, code: str) -> bool:
        """True for a known CAMEO code string."""
        return isinstance(code, str) and code in self._cameo

    def get(self, code: str) -> Cameo:
        """The Cameo record for `code`; KeyError when unknown."""
        try:
            return self._cameo[code]
        except (KeyError, TypeError):
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def root(self, code: str) -> str:
        """The 2-digit root of a known code."""
        return self.get(code).root

    def parent(self, code: str) -> str | None:
        """The code one level up (0211 -> 021 -> 02), None for a root."""
        self.get(code)
        return None if len(code) == 2 else code[: len(code) - 1] if len(code) == 4 else code[:2]

    def quad(self, code: str) -> int:
        """Quad class 1..4 (verbal/material cooperation, verbal/material conflict)."""
        return self.get(code).quad

    def penta(self, code: str) -> int:
        """Penta class: 0 roots 01-02, 1 03-05, 2 06-08, 3 09-13 and 16, 4 14-15 and 17-20."""
        return _PENTA.get(self.root(code), 4)

    def plover(self, code: str) -> dict[str, str | None]:
        """PLOVER {"type", "mode", "context"} of a code, falling back to its nearest listed ancestor."""
        probe: str | None = code
        self.get(code)
        while probe is not None:
            if probe in self._plover:
                return dict(self._plover[probe])
            probe = self.parent(probe) if probe in self._cameo else None
        return {"type": None, "mode": None, "context": None}

    def for_mode(self, code: str, mode: str) -> str:
        """The code to emit for an act in `mode` (intended, requested, threat); unchanged when nothing maps."""
        self.get(code)
        mode = MODE_ALIASES.get(mode, mode)
        if mode not in MODES:
            return code
        for n in (4, 3, 2):
            row = self._modality.get(code[:n]) if len(code) >= n else None
            if row is not None:
                return row[mode] or code
        return code
