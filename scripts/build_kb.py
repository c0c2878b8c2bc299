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
import csv
import datetime as dt
import gzip
import json
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.actors import loaders, petrarch  # noqa: E402
from casus.actors.kb import DATA, PERSON, SECTORS, TITLE, fold  # noqa: E402

SHARED = Path(os.environ.get("CASUS_SHARED", ROOT.parent / "shared"))
CASES = ROOT / "tests" / "data" / "actor_cases_reference.tsv"
PHOENIX_ASOF = dt.date(2014, 1, 30)  # Phoenix.Countries.actors.txt was generated from CountryInfo.140130
REIGN_ASOF = dt.date(2021, 3, 1)  # leaderlist_3_21
CASES_SINCE = dt.date(2016, 1, 1)
# CAMEO country codes of the Phoenix dictionaries that are not ISO alpha-3 (None: no state today)
CAMEO_ISO = {"KSV": "XKX", "USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB", "TMP": "TLS",
             "DDR": None, "CSK": None, "KNT": None, "SRP": None, "---": None}
# REIGN/COW country names our countries table spells otherwise
COW_NAMES = {"Democratic Republic of the Congo": "COD", "Congo-Brazzaville": "COG", "Congo-Brz": "COG", "Congo": "COG", "Republic of the Congo": "COG",
             "German Federal Republic": "DEU", "Germany West": "DEU", "Yemen Arab Republic": "YEM",
             "Republic of Vietnam": None, "German Democratic Republic": None, "Yemen PDR": None,
             "Czechoslovakia": None, "Yugoslavia": "SRB", "Serbia": "SRB", "USSR": "RUS", "Soviet Union": "RUS",
             "Zanzibar": None, "Swaziland": "SWZ", "Eswatini": "SWZ", "Burma/Myanmar": "MMR", "Myanmar": "MMR",
             "Cape Verde": "CPV", "Timor-Leste": "TLS", "East Timor": "TLS", "Kosovo": "XKX"}
CONGRESS_ROLE = {"sen": ("senator", "LEG"), "rep": ("representative", "LEG"), "prez": ("president", "GOV"),
                 "viceprez": ("vice president", "GOV")}
HEADER_PEOPLE = "# name\taliases\tcountry\tsectors\trole\tstart\tend\tsource"
HEADER_ORGS = "# name\tcountry\tsectors\tkind\taliases\tcode\tsource"
MIN_ALONE = 4  # a surname written alone needs at least this many letters
BIG_PLACE = 100_000  # nor may it be the name of a place this big ('Goma')


@dataclass
class Person:
    """One person with office spells, gathered from one source."""

    name: str
    aliases: list[str] = field(default_factory=list)
    spells: list[tuple[str, tuple[str, ...], str, dt.date | None, dt.date | None]] = field(default_factory=list)


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


def country_codes() -> dict[str, str]:
    """Folded country name (any form our countries table lists, plus countries_mledoze's) -> ISO alpha-3."""
    out: dict[str, str] = {}
    for forms, entry in loaders.read_tsv(DATA / "countries.tsv"):
        if entry.category == "country":
            for f in forms:
                out.setdefault(fold(f), entry.country)
    path = SHARED / "reference" / "countries_mledoze" / "countries.json"
    for c in json.loads(path.read_text(encoding="utf-8")):
        for f in (c["name"]["common"], c["name"]["official"], *c.get("altSpellings", [])):
            if len(f) > 3:
                out.setdefault(fold(f), c["cca3"])
    return out


# -- Phoenix -------------------------------------------------------------------------------------------------
def _iso(code: str | None) -> str | None:
    if code is None:
        return None
    return CAMEO_ISO.get(code, code)


def phoenix_people() -> list[Person]:
    """Persons of the Phoenix country dictionary; spells open at its date are closed there (known until then)."""
    path = SHARED / "reference" / "petrarch2_dictionaries" / "dictionaries" / "Phoenix.Countries.actors.txt"
    out = []
    for phrases, entry in petrarch.read_actors(path):
        if entry.category != PERSON:
            continue
        p = Person(_display(phrases[0]), list(dict.fromkeys(phrases)))
        for s in entry.spells:
            country = _iso(s.country)
            sectors = tuple(x for x in s.sectors if x in SECTORS)
            if country is None:
                continue
            if not (s.start or s.end):
                p.spells.append((country, sectors, "", None, None))
                continue
            end = s.end if s.end is not None else PHOENIX_ASOF
            if s.start and s.start > end:
                continue
            p.spells.append((country, sectors, "", s.start, end))
        if p.spells:
            out.append(p)
    return out


def phoenix_igos() -> list[tuple[str, list[str], str, tuple[str, ...]]]:
    """IGO entries of the Phoenix international dictionary: name, aliases, CAMEO code, casus sectors."""
    path = SHARED / "reference" / "petrarch2_dictionaries" / "dictionaries" / "Phoenix.International.actors.txt"
    out = []
    for phrases, entry in petrarch.read_actors(path):
        if entry.category == PERSON or entry.spells or entry.country != "IGO" or not entry.sectors:
            continue  # heads of IGOs are dated persons; only the undated bodies are listed
        code = "IGO" + "".join(entry.sectors)
        sectors = ("IGO", *[x for x in entry.sectors if x in SECTORS and x != "IGO"])
        out.append((phrases[0], list(dict.fromkeys(phrases)), code, sectors))
    return out


# -- REIGN ---------------------------------------------------------------------------------------------------
def cow_iso(names: dict[str, str]) -> dict[str, str | None]:
    """COW numeric code -> ISO alpha-3, through the country names REIGN's own lists give."""
    ref = SHARED / "reference" / "reign_leaders"
    cow: dict[str, list[str]] = defaultdict(list)
    with open(ref / "regime_list.csv", encoding="latin-1", newline="") as fh:
        for r in csv.DictReader(fh):
            cow[r["cowcode"]].append(r["gwf_country"])
    with open(ref / "electionlist_3_21.csv", encoding="latin-1", newline="") as fh:
        for r in csv.DictReader(fh):
            cow[r["ccode"]].append(r["country"])
    out: dict[str, str | None] = {}
    for code, spellings in cow.items():
        for name in spellings:
            if name in COW_NAMES:
                out[code] = COW_NAMES[name]
                break
            if names.get(fold(name)):
                out[code] = names[fold(name)]
                break
    return out


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s.,]+", fold(text)) if w]


def reign_people(phoenix: list[Person], names: dict[str, str], missing: list[str]) -> list[Person]:
    """One person per REIGN leader and state, named as Phoenix names them when a Phoenix person of that state matches."""
    iso = cow_iso(names)
    by_country: dict[str, list[Person]] = defaultdict(list)
    for p in phoenix:
        for c in {s[0] for s in p.spells}:
            by_country[c].append(p)
    out: dict[tuple[str, str], Person] = {}
    with open(SHARED / "reference" / "reign_leaders" / "leaderlist_3_21.csv", encoding="latin-1", newline="") as fh:
        for r in csv.DictReader(fh):
            country = iso.get(r["ccode"])
            if country is None:
                missing.append(f"{r['stateabb']} {r['ccode']}")
                continue
            leader = " ".join(r["leader"].split())
            start = dt.date(int(r["syear"]), int(r["smonth"]), int(r["sdate"]))
            end = None
            if r["eyear"]:
                y, m = int(r["eyear"]), int(r["emonth"])
                end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)  # last day of the end month
            want = set(_words(leader)) - {"and"}
            cands = [p for p in by_country.get(country, []) if want and want <= {w for a in p.aliases for w in _words(a)}]
            full = cands[0].name if len(cands) == 1 else leader
            person = out.setdefault((country, full), Person(full, [leader.lower()] if full != leader else []))
            if " and " in leader:
                continue  # San Marino's two captains regent in one row: no one name to list
            person.spells.append((country, ("GOV",), "leader", start, end))
    return [p for p in out.values() if p.spells]


# -- US Congress ---------------------------------------------------------------------------------------------
def congress_people() -> list[Person]:
    """Serving members of Congress with every term, and every president and vice president."""
    import yaml

    ref = SHARED / "reference" / "us_congress"
    out = []
    for fname in ("legislators-current.yaml", "executive.yaml"):
        for r in yaml.safe_load((ref / fname).read_text(encoding="utf-8")):
            n = r["name"]
            full = n.get("official_full") or f"{n['first']} {n['last']}"
            aliases = [f"{n['first']} {n['last']}"]
            if n.get("nickname"):
                aliases.append(f"{n['nickname']} {n['last']}")
            if n.get("middle") and len(n["middle"]) > 2:
                aliases.append(f"{n['first']} {n['middle']} {n['last']}")
            p = Person(full, [a for a in dict.fromkeys(aliases) if a != full])
            for t in r["terms"]:
                role, sector = CONGRESS_ROLE[t["type"]]
                where = f" ({t.get('party', '')[:1]}-{t['state']})" if t.get("state") else ""
                p.spells.append(("USA", (sector,), role + where, dt.date.fromisoformat(t["start"]),
                                 dt.date.fromisoformat(t["end"])))
            out.append(p)
    return out


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
def people_table(title: str, source: str, people: list[Person], hand: set[str]) -> str:
    rows = [f"# {title} Built by scripts/build_kb.py; do not edit (edit people.tsv, which wins). See FORMAT.md.",
            HEADER_PEOPLE]
    for p in sorted(people, key=lambda p: fold(p.name)):
        if fold(p.name) in hand:
            continue
        for country, sectors, role, a, b in sorted(set(p.spells), key=lambda s: (s[3] or dt.date.min, s[4] or dt.date.max, s[0], s[1], s[2])):
            rows.append("\t".join([p.name, "|".join(_display(a) for a in p.aliases), country, "|".join(sectors) or "-", role,
                                   a.isoformat() if a else "", b.isoformat() if b else "", source]))
    return "\n".join(rows) + "\n"


def _display(alias: str) -> str:
    """Phoenix writes names in capitals and the import folds them: 'el-sisi' is listed as 'El-Sisi'."""
    if not alias.islower():
        return alias
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in alias.split())


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
    names = country_codes()
    phoenix = phoenix_people()
    missing: list[str] = []
    reign = reign_people(phoenix, names, missing)
    joined = {p.name for p in reign}
    sources = {"reign": reign, "phoenix": [p for p in phoenix if p.name not in joined],
               "congress": congress_people()}
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
            [(n, [_acronym(a) for a in al], c, s) for n, al, c, s in phoenix_igos()], hand),
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
