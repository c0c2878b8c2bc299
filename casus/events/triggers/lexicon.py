"""The event-trigger lexicon: predicate lemmas (verbs, eventive nouns, speech verbs) to CAMEO codes."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casus.events.ontology import DATA, Ontology, read_tsv
from casus.model import InputError

DEFAULT_FILE = DATA / "lexicon.tsv"
HEADER = ("trigger", "pos", "code", "target", "requires", "note")
POS = frozenset({"VERB", "NOUN", "ADJ", "SPEECH"})
NOT_AN_EVENT = "-"
_WORD = re.compile(r"^[a-z][a-z'\-]*$")
_PREP = re.compile(r"^[a-z]+$")


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row: a trigger, its CAMEO code, how its target attaches and any object constraint."""

    trigger: str
    pos: str
    code: str
    target: tuple[str, ...] = ()
    requires: frozenset[str] | None = None
    note: str = ""
    origin: str = ""  # file:line the row came from


@dataclass
class _Slot:
    default: LexEntry | None = None
    by_obj: dict[str, LexEntry] = field(default_factory=dict)


def normalize(trigger: str) -> str:
    """Lower-case a trigger and collapse its spaces."""
    return " ".join(trigger.lower().split())


def _singulars(word: str) -> set[str]:
    """Naive singular forms of an English plural ("ties" -> tie, ty; "talks" -> talk); empty when not plural."""
    out = set()
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        out.add(word[:-1])
        if word.endswith("ies") and len(word) > 4:
            out.add(word[:-3] + "y")
    return out


def _singular(trigger: str) -> str | None:
    head, _, last = trigger.rpartition(" ")
    forms = sorted(_singulars(last), key=len)
    return f"{head} {forms[0]}".strip() if forms else None


class Lexicon:
    """Trigger lexicon with dict lookups by (trigger, pos); build it with `Lexicon.load()`."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology
        self._slots: dict[tuple[str, str], _Slot] = {}
        self._aliases: dict[tuple[str, str], tuple[str, str]] = {}  # noun written plural: "talk" -> "talks"
        self._found: dict[tuple[str, str], _Slot | None] = {}  # what `_slot` answered, until the next `add`
        self.files: list[Path] = []

    @classmethod
    def load(cls, paths: Sequence[Path] | None = None, ontology: Ontology | None = None,
             defaults: bool = True) -> Lexicon:
        """Read the package lexicon, then any extra user files whose rows add to or override it."""
        lex = cls(ontology or Ontology.load())
        for path in [*((DEFAULT_FILE,) if defaults else ()), *(Path(p) for p in paths or ())]:
            lex._read(path)
        return lex

    def _read(self, path: Path) -> None:
        if not path.exists():
            raise InputError(str(path), "lexicon file not found")
        self.files.append(path)
        for lineno, header, fields in read_tsv(path):
            if header[: len(HEADER) - 1] != HEADER[:-1]:
                raise InputError(str(path), f"header must be {' '.join(HEADER)!r}, got {' '.join(header)!r}", lineno)
            self.add(self._parse(path, lineno, fields))

    def _parse(self, path: Path, lineno: int, fields: list[str]) -> LexEntry:
        def bad(cause: str) -> InputError:
            return InputError(str(path), cause, lineno)

        if len(fields) < 5:
            raise bad(f"expected 5 or 6 tab-separated fields, got {len(fields)}")
        trigger, pos, code, target, requires = (fields + [""])[:5]
        note = fields[5] if len(fields) > 5 else ""
        trigger = normalize(trigger)
        if not trigger or not all(_WORD.match(w) for w in trigger.split()):
            raise bad(f"bad trigger {fields[0]!r} (lower-case words separated by spaces)")
        if pos not in POS:
            raise bad(f"pos {pos!r} not one of {sorted(POS)}")
        if code != NOT_AN_EVENT and not self.ontology.is_valid(code):
            raise bad(f"unknown CAMEO code {code!r}")
        targets: tuple[str, ...] = ()
        if target != "-":
            targets = tuple(t.strip() for t in target.split("|"))
            if not all(t == "dobj" or _PREP.match(t) for t in targets):
                raise bad(f"bad target {target!r} (dobj, prepositions joined by '|', or '-')")
        req: frozenset[str] | None = None
        if requires != "-":
            if not requires.startswith("obj=") or not requires[4:]:
                raise bad(f"bad requires {requires!r} (obj=lemma1|lemma2 or '-')")
            words = {" ".join(w.lower().split()) for w in requires[4:].split("|") if w.strip()}
            req = frozenset(words.union(*(_singulars(w) for w in words)))  # parsers give lemmas: "ties" -> "tie"
        return LexEntry(trigger, pos, code, targets, req, note, f"{path}:{lineno}")

    def add(self, entry: LexEntry) -> None:
        """Add a row; a later row with the same trigger, pos and object lemma replaces an earlier one."""
        self._found.clear()
        key = (entry.trigger, entry.pos)
        slot = self._slots.setdefault(key, _Slot())
        if entry.requires is None:
            slot.default = entry
        else:
            for lemma in entry.requires:
                slot.by_obj[lemma] = entry
        alias = _singular(entry.trigger) if entry.pos == "NOUN" else None
        if alias and (alias, entry.pos) not in self._slots:
            self._aliases[(alias, entry.pos)] = key

    def _slot(self, trigger: str, pos: str) -> _Slot | None:
        try:
            return self._found[trigger, pos]
        except KeyError:
            pass
        if len(self._found) >= 200_000:
            self._found.clear()
        slot = self._found[trigger, pos] = self._find_slot(trigger, pos)
        return slot

    def _find_slot(self, trigger: str, pos: str) -> _Slot | None:
        key = (normalize(trigger), pos.upper())
        slot = self._slots.get(key)
        if slot is None and key[1] == "NOUN":
            if key in self._aliases:
                slot = self._slots.get(self._aliases[key])
            else:
                head, _, last = key[0].rpartition(" ")
                for one in sorted(_singulars(last), key=len, reverse=True):
                    slot = self._slots.get((f"{head} {one}".strip(), "NOUN"))
                    if slot is not None:
                        break
        return slot

    def lookup(self, trigger: str, pos: str, obj_lemma: str | None = None) -> LexEntry | None:
        """The entry for a trigger lemma: the row whose object constraint matches, else its plain row."""
        slot = self._slot(trigger, pos)
        if slot is None:
            return None
        entry = slot.by_obj.get(obj_lemma.lower()) if obj_lemma else None
        if entry is None and obj_lemma and " " in obj_lemma:  # "war crime" → "crime"; "mediation effort" → "mediation"
            modifier, head = obj_lemma.lower().rsplit(" ", 1)
            entry = slot.by_obj.get(head) or slot.by_obj.get(modifier)
        if entry is None:
            entry = slot.default
        return None if entry is None or entry.code == NOT_AN_EVENT else entry

    def lists(self, trigger: str, pos: str) -> bool:
        """True if the lexicon has any row for the trigger, '-' rows included ('call off', 'fire up')."""
        return self._slot(trigger, pos) is not None

    def switched_off(self, trigger: str, pos: str) -> bool:
        """True if the trigger's plain row is '-': no event ('cardiac arrest' is no arrest)."""
        slot = self._slot(trigger, pos)
        return slot is not None and slot.default is not None and slot.default.code == NOT_AN_EVENT

    def is_speech(self, lemma: str) -> bool:
        """True for speech and attribution verbs (say, tell, announce, according to ...)."""
        return self.lookup(lemma, "SPEECH") is not None

    def entries(self) -> Iterator[LexEntry]:
        """Every live row (not the '-' rows), each once."""
        seen: set[int] = set()
        for slot in self._slots.values():
            for e in [slot.default, *slot.by_obj.values()]:
                if e is not None and e.code != NOT_AN_EVENT and id(e) not in seen:
                    seen.add(id(e))
                    yield e

    def __len__(self) -> int:
        return sum(1 for _ in self.entries())
