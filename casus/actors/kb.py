"""The actor knowledge base: countries, organisations, sector nouns, titles and dated people, indexed by name."""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from casus.model import InputError

DATA = Path(__file__).resolve().parent / "data"
HAND = ("countries.tsv", "organizations.tsv", "agents.tsv", "groups.tsv", "people.tsv")
BUILT = ("people_reign.tsv", "people_congress.tsv", "people_phoenix.tsv", "igos_phoenix.tsv")  # scripts/build_kb.py
SECTORS = frozenset(
    "GOV MIL COP JUD LEG OPP PTY REB RAD SPY UAF BUS MED EDU CVL LAB REF HLH ELI REL CRM AGR NGO IGO".split())
REGIONS = frozenset({"EUR"})  # CAMEO region codes: Europe
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"}) | REGIONS  # country codes that are not states

# category of an entry: how the resolver may use it
COUNTRY, ADJECTIVE, PEOPLE, SEAT, ORGANIZATION, PERSON, AGENT, TITLE = (
    "country", "adjective", "people", "seat", "organization", "person", "agent", "title")
IDENTITY = "identity"  # kind of an ethnic or religious group noun (an AGENT whose country is its home, if any)
RELIGIONS = frozenset("MOS SHI SUN DRZ CHR CTH PRO JEW HIN BUD SIK".split())  # CAMEO religion codes (groups.tsv)

_NOT_ALNUM = re.compile(r"[\W_]")  # exactly the characters for which str.isalnum() is False
WORD_MEMO = 200_000  # spellings kept by KnowledgeBase.word_keys before it starts afresh
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def fold(text: str) -> str:
    """Lower-case, strip accents and unify quotes: the case-insensitive key of a word."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


def cased(word: str) -> str:
    """The case-sensitive key of a word: all-caps words keep their case, others are folded."""
    return word if len(word) > 1 and word.isupper() else fold(word)


def is_case_sensitive(alias: str) -> bool:
    """Short all-caps words ('US', 'UN', 'WHO', 'PM') must match in capitals, or 'us'/'who' would be actors."""
    return any(2 <= len(w) <= 4 and w.isalpha() and w.isupper() for w in alias.split())


def make_code(country: str | None, sectors: Sequence[str]) -> str | None:
    """CAMEO-style code: country followed by sectors ('JPN' + ['GOV'] -> 'JPNGOV'); None without a country."""
    if not country:
        return None
    return country + "".join(s for s in sectors if s != country)


def parse_date(text: str) -> _dt.date | None:
    """ISO date (YYYY-MM-DD) or empty."""
    text = text.strip()
    return _dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Spell:
    """A code valid over a date range (either end open)."""

    country: str | None
    sectors: tuple[str, ...]
    start: _dt.date | None = None
    end: _dt.date | None = None
    role: str = ""
    source: str = ""  # the built table a spell comes from ('reign', 'phoenix', 'congress'); '' for hand rows

    def covers(self, when: _dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class Entry:
    """One thing the KB knows: a state, organisation, person, sector noun or title."""

    name: str
    category: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    kind: str | None = None
    spells: tuple[Spell, ...] = ()
    also: tuple[str, ...] = ()  # a people's other states of residence (groups.tsv), after its home
    code: str | None = None  # a full CAMEO code that says more than country + sectors ('IGOUNO', 'IGOEUREEC')

    def covers(self, when: _dt.date | None) -> bool:
        """True if some dated spell of this entry covers the date (False for undated entries or no date)."""
        return when is not None and any((s.start or s.end) and s.covers(when) for s in self.spells)

    def at(self, when: _dt.date | None) -> tuple[str | None, tuple[str, ...], str | None]:
        """Country, sectors and a reason for this entry on a date (people and dated codes change)."""
        if not self.spells:
            return self.country, self.sectors, None
        dated = [s for s in self.spells if s.start or s.end]
        default = next((s for s in self.spells if not (s.start or s.end)), None)
        if when is None:
            if not dated:
                return default.country, default.sectors, None
            s = max(dated, key=lambda s: s.start or _dt.date.min)
            return s.country, s.sectors, f"no report date: latest spell ({s.role or make_code(s.country, s.sectors)})"
        valid = [s for s in dated if s.covers(when)]
        if valid:
            s = max(valid, key=lambda s: s.start or _dt.date.min)
            return s.country, s.sectors, f"{s.role or make_code(s.country, s.sectors)} on {when.isoformat()}"
        if default is not None:
            return default.country, default.sectors, None
        past = [s for s in dated if s.end and s.end < when]
        if past:
            s = max(past, key=lambda s: s.end)
            return s.country, ("ELI",), f"former {s.role or make_code(s.country, s.sectors)} (until {s.end})"
        s = min(dated, key=lambda s: s.start or _dt.date.max)
        return s.country, (), f"before office ({s.role or 'spell'} from {s.start})"


class KnowledgeBase:
    """Name index over entries: case-folded keys, plus case-sensitive keys for short all-caps names."""

    def __init__(self) -> None:
        self._lower: dict[str, list[Entry]] = {}
        self._cased: dict[str, list[Entry]] = {}
        self._lower_prefixes: set[str] = set()
        self._cased_prefixes: set[str] = set()
        self._by_name: dict[tuple[str, str], Entry] = {}
        self._person_keys: dict[str, set[tuple[bool, str]]] = {}  # person name -> (cased?, key) it is indexed under
        self._words: dict[str, tuple[str, str, bool]] = {}  # word_keys memo, emptied when an alias is added
        self.max_tokens = 12
        self.former: dict[str, list[tuple[_dt.date, str]]] = {}  # place name -> (until, earlier state): former.tsv
        self.country_names: dict[str, str] = {}  # code -> canonical name, from the country rows

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> KnowledgeBase:
        """The package data files, then the user's extra files (TSV in our formats, or PETRARCH actors or agents)."""
        kb = cls()
        for name in HAND + BUILT:  # hand rows first: an alias both hold resolves to the hand row
            kb.read(DATA / name)
        for path in extra:
            kb.read(Path(path))
        from casus.actors.loaders import read_former

        kb.former = read_former(DATA / "former.tsv")
        return kb

    def state_then(self, name: str, when: _dt.date | None) -> str | None:
        """The state a place name belonged to on a date, if it differs from today's (former.tsv)."""
        if when is None:
            return None
        return next((c for until, c in self.former.get(fold(name), ()) if when < until), None)

    def read(self, path: Path) -> None:
        """Add the entries of one data file; the column-header comment says which kind of file it is."""
        from casus.actors import loaders, petrarch

        if path.suffix.lower() != ".tsv" and petrarch.is_agents_file(path):
            for aliases, entry in petrarch.read_agents(path):
                self.add(aliases, entry)
            return
        if path.suffix.lower() != ".tsv":
            for aliases, entry in petrarch.read_actors(path):
                self.add(aliases, entry)
            return
        for aliases, entry in loaders.read_tsv(path):
            self.add(aliases, entry)

    def add(self, aliases: Iterable[str], entry: Entry) -> None:
        """Index an entry under each alias; entries for the same person merge their spells."""
        if entry.category == PERSON:
            key = (entry.category, entry.name)
            old = self._by_name.get(key)
            if old is not None:
                merged = Entry(old.name, old.category, old.country, old.sectors, old.kind, old.spells + entry.spells)
                self._replace(old, merged)
                entry = merged
            self._by_name[key] = entry
        if entry.category == COUNTRY and entry.country:
            self.country_names.setdefault(entry.country, entry.name)
        where = self._person_keys.setdefault(entry.name, set()) if entry.category == PERSON else None
        for alias in aliases:
            alias = " ".join(alias.split())
            if not alias:
                continue
            if is_case_sensitive(alias):
                key, table, prefixes = " ".join(cased(w) for w in alias.split()), self._cased, self._cased_prefixes
            else:
                key, table, prefixes = fold(alias), self._lower, self._lower_prefixes
            self._words.clear()
            bucket = table.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            if where is not None:
                where.add((table is self._cased, key))
            for q in _NOT_ALNUM.finditer(key):  # a prefix ends on either side of each non-alphanumeric character
                for p in (q.start(), q.start() + 1):
                    if 0 < p < len(key):
                        prefixes.add(key[:p].rstrip())
            self.max_tokens = max(self.max_tokens, len(key.split()) * 3)

    def _replace(self, old: Entry, new: Entry) -> None:
        """Put the merged person in every bucket that held the old one (only its own aliases can)."""
        for is_cased, key in self._person_keys.get(old.name, ()):
            bucket = (self._cased if is_cased else self._lower)[key]
            for i, e in enumerate(bucket):
                if e is old:
                    bucket[i] = new

    def lookup(self, lower_key: str, cased_key: str | None = None) -> list[Entry]:
        """Entries whose alias equals the folded key, or the case-sensitive key."""
        found = self._lower.get(lower_key, [])
        if cased_key is not None and cased_key in self._cased:
            found = found + self._cased[cased_key]
        return found

    def continues(self, lower_key: str, cased_key: str | None = None) -> bool:
        """True if some alias is longer and starts with this key (worth adding another token)."""
        return lower_key in self._lower_prefixes or (cased_key is not None and cased_key in self._cased_prefixes)

    def words_keys(self, words: Iterable[str]) -> list[tuple[str, str, bool]]:
        """`word_keys` of each word of a document."""
        known = self._words.get
        return [known(w) or self.word_keys(w) for w in words]

    def word_keys(self, word: str) -> tuple[str, str, bool]:
        """Folded key, cased key and whether some alias is or begins with this word, memoised per spelling."""
        hit = self._words.get(word)
        if hit is None:
            low = fold(word)
            case = word if len(word) > 1 and word.isupper() else low  # cased(word), from the fold
            hit = (low, case, low in self._lower or low in self._lower_prefixes
                   or case in self._cased or case in self._cased_prefixes)
            if len(self._words) >= WORD_MEMO:
                self._words.clear()
            self._words[word] = hit
        return hit

    def person(self, name: str) -> Entry | None:
        """A person entry by canonical name."""
        return self._by_name.get((PERSON, name))

    def __len__(self) -> int:
        return len(self._lower) + len(self._cased)
