"""Build casus's dated actor tables from the reference data: python scripts/build_kb.py [--shared DIR] [--check].

One table per source in casus/actors/data/ (formats in casus/actors/data/FORMAT.md), every row with its
source and date range:
  people_phoenix.tsv   persons of the Phoenix/PETRARCH country actor dictionary (CountryInfo, to 2014-01-30)
  people_reign.tsv     REIGN effective leaders 1950-2021 (surnames joined to full names from Phoenix)
  people_congress.tsv  US senators, representatives, presidents and vice presidents (unitedstates/congress-legislators)
  igos_phoenix.tsv     intergovernmental bodies of the Phoenix international dictionary, with their CAMEO codes
and tests/data/actor_cases_reference.tsv, phrase -> (country, sector) cases since 2016 drawn from the same
facts (tests/test_actors_reference.py reads it). Hand tables (countries, organizations, agents, groups,
people) are read, never written: an alias a hand table holds is left out of the built tables, so the
hand row wins. `--check` rebuilds in memory and exits 1 if a table on disk differs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casus.actors import loaders  # noqa: E402
from casus.actors.kb import DATA, TITLE, fold  # noqa: E402
from kb_sources import (PHOENIX_ASOF, Person, _display, _words, congress_people, country_codes,  # noqa: E402
                        phoenix_igos, phoenix_people, reign_people)

SHARED = Path(os.environ.get("CASUS_SHARED", ROOT.parent / "shared"))
CASES = ROOT / "tests" / "data" / "actor_cases_reference.tsv"
REIGN_ASOF = dt.date(2021, 3, 1)  # leaderlist_3_21
CASES_SINCE = dt.date(2016, 1, 1)
HEADER_PEOPLE = "# name\taliases\tcountry\tsectors\trole\tstart\tend\tsource"
HEADER_ORGS = "# name\tcountry\tsectors\tkind\taliases\tcode\tsource"
MIN_ALONE = 4  # a surname written alone needs at least this many letters
BIG_PLACE = 100_000  # nor may it be the name of a place this big ('Goma')


# -- hand tables ---------------------------------------------------------------------------------------------
def hand_aliases() -> tuple[set[str], set[str]]:
    """Folded aliases of every hand-table row (these win), and the first words of titles and adjectives."""
    aliases, lead = set(), set()
    for name in ("countries.tsv", "organizations.tsv", "agents.tsv", "groups.tsv", "people.tsv"):
        for forms, entry in loaders.read_tsv(DATA / name):
            for f in forms:
                aliases.add(fold(f))
                if entry.category == TITLE or entry.category == "adjective":
                    lead.add(fold(f).split()[0])
    return aliases, lead


# -- aliases and conflicts -----------------------------------------------------------------------------------
def common_words() -> set[str]:
    """Words the corpora write in lower case (3+ times): a surname that is also such a word is not used alone."""
    counts: Counter[str] = Counter()
    path = SHARED / "corpus" / "reuters21578.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                counts.update(w for w in re.findall(r"[a-z]+", json.loads(line).get("text", "")))
    for p in (SHARED / "corpus" / "bbc_news" / "bbc").glob("*/*.txt"):
        counts.update(re.findall(r"\b[a-z]+\b", p.read_bytes().decode("utf-8", "replace")))
    return {w for w, n in counts.items() if n >= 3}


def big_places() -> callable:
    """Is a word the name of a place of 100,000 people or more (GeoNames, as casus's gazetteer has it)?"""
    from casus.places.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    return lambda w: any(c.population >= BIG_PLACE for c in gaz.candidates(w))


def settle(sources: dict[str, list[Person]], hand: set[str], lead: set[str], common) -> None:
    """Drop aliases a hand table holds or that name two people; a surname alone only when one person bears it.

    A surname shared only by the same state's leaders in REIGN stays (the report date picks the one in office).
    """
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    firsts: set[str] = set()
    for src, people in sources.items():
        for p in people:
            for a in [p.name, *p.aliases]:
                words = _words(a)
                if len(words) > 1:
                    firsts.add(words[0])
                owners[" ".join(words)].add((src, p.name))
                if words:
                    owners["#last " + words[-1]].add((src, p.name))
    for src, people in sources.items():
        for p in people:
            keep = []
            for a in [p.name.lower(), *p.aliases]:
                key = fold(a)
                words = _words(a)
                if not words or key in hand or words[0] in lead:
                    continue
                if len(owners[" ".join(words)]) > 1 and not _same_leaders(owners[" ".join(words)], sources):
                    continue
                if len(words) == 1:
                    w = words[0]
                    if len(w) < MIN_ALONE or common(w) or w in firsts or (
                            len(owners["#last " + w]) > 1 and not _same_leaders(owners["#last " + w], sources)):
                        continue
                keep.append(a)
            last = _words(p.name)[-1] if _words(p.name) else ""
            alone = owners["#last " + last]
            if (last and len(last) >= MIN_ALONE and not common(last) and last not in firsts and last not in hand
                    and (len(alone) == 1 or _same_leaders(alone, sources)) and src != "congress"):
                keep.append(last)
            p.aliases = [a for a in dict.fromkeys(keep) if fold(a) != fold(p.name) or len(_words(a)) == 1]


def _same_leaders(who: set[tuple[str, str]], sources: dict[str, list[Person]]) -> bool:
    """True when every bearer is a REIGN leader of one and the same state."""
    if any(src != "reign" for src, _ in who):
        return False
    states = {s[0] for p in sources["reign"] if ("reign", p.name) in who for s in p.spells}
    return len(states) == 1


# -- writing -------------------------------------------------------------------------------------------------
def _spell_order(s: tuple) -> tuple:
    """Spells by start, end, then everything else: the same table from every build."""
    return (s[3] or dt.date.min, s[4] or dt.date.max, s[0], s[1], s[2])


def people_table(title: str, source: str, people: list[Person], hand: set[str]) -> str:
    rows = [f"# {title} Built by scripts/build_kb.py; do not edit (edit people.tsv, which wins). See FORMAT.md.",
            HEADER_PEOPLE]
    for p in sorted(people, key=lambda p: fold(p.name)):
        if fold(p.name) in hand:
            continue
        aliases = "|".join(_display(a) for a in p.aliases)
        for country, sectors, role, a, b in sorted(set(p.spells), key=_spell_order):
            rows.append("\t".join([p.name, aliases, country, "|".join(sectors) or "-", role,
                                   a.isoformat() if a else "", b.isoformat() if b else "", source]))
    return "\n".join(rows) + "\n"



def igo_table(igos, hand: set[str]) -> str:
    rows = ["# igos_phoenix.tsv — intergovernmental bodies of Phoenix.International.actors.txt with their CAMEO "
            "codes. Built by scripts/build_kb.py; do not edit (organizations.tsv wins). See FORMAT.md.", HEADER_ORGS]
    seen = set()
    for name, aliases, code, sectors in sorted(igos, key=lambda x: x[0]):
        forms = [a for a in aliases if fold(a) not in hand and fold(a) not in seen]
        if not forms:
            continue
        seen.update(fold(a) for a in forms)
        rows.append("\t".join([forms[0].title() if forms[0].islower() else forms[0], "IGO", "|".join(sectors),
                               "igo", "|".join(forms[1:]), code, "phoenix"]))
    return "\n".join(rows) + "\n"


def _acronym(alias: str) -> str:
    """A one-word IGO alias of 2-5 letters is an acronym: written in capitals, so it matches only in capitals."""
    return alias.upper() if " " not in alias and 2 <= len(alias.replace(".", "")) <= 5 else alias


def _middle(a: dt.date, b: dt.date) -> dt.date:
    return a + (b - a) / 2


def cases(sources: dict[str, list[Person]], hand: set[str]) -> str:
    """phrase -> (country, sector) cases since 2016: each person's table name on a day inside an office spell."""
    rows = ["# actor_cases_reference.tsv — phrase -> (country, sector) on a report date, from the reference facts "
            "behind the built people tables. Built by scripts/build_kb.py.",
            "# phrase\tdate\tcountry\tsector\tsource\tkind"]
    for src, people in sources.items():
        for p in sorted(people, key=lambda p: fold(p.name)):
            if fold(p.name) in hand or not _findable(p):
                continue
            spells = [s for s in p.spells if s[3] and (s[4] or REIGN_ASOF) >= CASES_SINCE]
            if not spells:
                continue
            country, sectors, role, a, b = max(spells, key=lambda s: s[3])
            day = _middle(max(a, CASES_SINCE), min(b or REIGN_ASOF, REIGN_ASOF if src == "reign" else b or REIGN_ASOF))
            kind = "leader" if src == "reign" else role.split(" (")[0]
            rows.append("\t".join([p.name, day.isoformat(), country, sectors[0], src, kind]))
    return "\n".join(rows) + "\n"


def _findable(p: Person) -> bool:
    """A person whose table name can be written alone in text (multi-word, or a surname the settle step kept)."""
    return len(_words(p.name)) > 1 or fold(p.name) in {fold(a) for a in p.aliases} or p.name.lower() in p.aliases


def build() -> dict[Path, str]:
    """Every built table's path and text."""
    hand, lead = hand_aliases()
    names = country_codes(SHARED)
    phoenix = phoenix_people(SHARED)
    missing: list[str] = []
    reign = reign_people(SHARED, phoenix, names, missing)
    joined = {p.name for p in reign}
    sources = {"reign": reign, "phoenix": [p for p in phoenix if p.name not in joined],
               "congress": congress_people(SHARED)}
    # a REIGN leader named as Phoenix names them keeps the Phoenix spells too (one person, merged by name)
    for p in reign:
        ph = next((q for q in phoenix if q.name == p.name), None)
        if ph is not None:
            p.aliases = list(dict.fromkeys([*p.aliases, *ph.aliases]))
            p.spells = list(dict.fromkeys([*p.spells, *ph.spells]))
    words, is_place = common_words(), big_places()
    settle(sources, hand, lead, lambda w: w in words or is_place(w))
    for src in ("reign", "phoenix"):  # a one-word name that may not stand alone is not listed under it
        for p in sources[src]:
            if len(_words(p.name)) == 1 and fold(p.name) not in {fold(a) for a in p.aliases} and p.aliases:
                p.name = _display(p.aliases[0])
        sources[src] = [p for p in sources[src] if len(_words(p.name)) > 1 or fold(p.name) in
                        {fold(a) for a in p.aliases}]
    if missing:
        print(f"REIGN rows of states with no ISO code today (skipped): {len(missing)} "
              f"({', '.join(sorted(set(missing)))})", file=sys.stderr)
    return {
        DATA / "people_reign.tsv": people_table(
            "people_reign.tsv — REIGN effective leaders (leaderlist_3_21), one row per spell, sector GOV.",
            "reign", sources["reign"], hand),
        DATA / "people_phoenix.tsv": people_table(
            "people_phoenix.tsv — persons of Phoenix.Countries.actors.txt; spells open in it end at its date, "
            f"{PHOENIX_ASOF}.", "phoenix", sources["phoenix"], hand),
        DATA / "people_congress.tsv": people_table(
            "people_congress.tsv — US Congress members serving in 2026 (every term) and every US president and "
            "vice president.", "congress", sources["congress"], hand),
        DATA / "igos_phoenix.tsv": igo_table(
            [(n, [_acronym(a) for a in al], c, s) for n, al, c, s in phoenix_igos(SHARED)], hand),
        CASES: cases(sources, hand),
    }


def main() -> int:
    global SHARED
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--check", action="store_true", help="exit 1 if a built table on disk differs")
    args = ap.parse_args()
    SHARED = args.shared
    if not (SHARED / "reference").exists():
        print(f"{SHARED / 'reference'}: not found; nothing built", file=sys.stderr)
        return 1
    tables = build()
    stale = [p for p, text in tables.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"{p.relative_to(ROOT)}: differs from a rebuild", file=sys.stderr)
        return 1 if stale else 0
    for p, text in tables.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        print(f"{p.relative_to(ROOT)}: {text.count(chr(10)) - 2} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
