"""Readers of the reference data behind casus's built actor tables (scripts/build_kb.py uses them).

Phoenix/PETRARCH country and international actor dictionaries, the REIGN leader list, the US Congress and
executive YAML files, and country names (casus's own table, then countries_mledoze). Each returns people with
office spells, or bodies with codes; nothing here decides conflicts or writes files.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from casus.actors import loaders, petrarch
from casus.actors.kb import DATA, PERSON, SECTORS, fold

PHOENIX_ASOF = dt.date(2014, 1, 30)  # Phoenix.Countries.actors.txt was generated from CountryInfo.140130
# CAMEO country codes of the Phoenix dictionaries that are not ISO alpha-3 (None: no state today)
CAMEO_ISO = {"KSV": "XKX", "USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB", "TMP": "TLS",
             "DDR": None, "CSK": None, "KNT": None, "SRP": None, "---": None}
# REIGN/COW country names our countries table spells otherwise
COW_NAMES = {"Democratic Republic of the Congo": "COD", "Congo-Brazzaville": "COG", "Congo-Brz": "COG", "Congo": "COG",
             "Republic of the Congo": "COG",
             "German Federal Republic": "DEU", "Germany West": "DEU", "Yemen Arab Republic": "YEM",
             "Republic of Vietnam": None, "German Democratic Republic": None, "Yemen PDR": None,
             "Czechoslovakia": None, "Yugoslavia": "SRB", "Serbia": "SRB", "USSR": "RUS", "Soviet Union": "RUS",
             "Zanzibar": None, "Swaziland": "SWZ", "Eswatini": "SWZ", "Burma/Myanmar": "MMR", "Myanmar": "MMR",
             "Cape Verde": "CPV", "Timor-Leste": "TLS", "East Timor": "TLS", "Kosovo": "XKX"}
CONGRESS_ROLE = {"sen": ("senator", "LEG"), "rep": ("representative", "LEG"), "prez": ("president", "GOV"),
                 "viceprez": ("vice president", "GOV")}


@dataclass
class Person:
    """One person with office spells, gathered from one source."""

    name: str
    aliases: list[str] = field(default_factory=list)
    spells: list[tuple[str, tuple[str, ...], str, dt.date | None, dt.date | None]] = field(default_factory=list)


def country_codes(shared: Path) -> dict[str, str]:
    """Folded country name (any form our countries table lists, plus countries_mledoze's) -> ISO alpha-3."""
    out: dict[str, str] = {}
    for forms, entry in loaders.read_tsv(DATA / "countries.tsv"):
        if entry.category == "country":
            for f in forms:
                out.setdefault(fold(f), entry.country)
    path = shared / "reference" / "countries_mledoze" / "countries.json"
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


def phoenix_people(shared: Path) -> list[Person]:
    """Persons of the Phoenix country dictionary; spells open at its date are closed there (known until then)."""
    path = shared / "reference" / "petrarch2_dictionaries" / "dictionaries" / "Phoenix.Countries.actors.txt"
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


def phoenix_igos(shared: Path) -> list[tuple[str, list[str], str, tuple[str, ...]]]:
    """IGO entries of the Phoenix international dictionary: name, aliases, CAMEO code, casus sectors."""
    path = shared / "reference" / "petrarch2_dictionaries" / "dictionaries" / "Phoenix.International.actors.txt"
    out = []
    for phrases, entry in petrarch.read_actors(path):
        if entry.category == PERSON or entry.spells or entry.country != "IGO" or not entry.sectors:
            continue  # heads of IGOs are dated persons; only the undated bodies are listed
        code = "IGO" + "".join(entry.sectors)
        sectors = ("IGO", *[x for x in entry.sectors if x in SECTORS and x != "IGO"])
        out.append((phrases[0], list(dict.fromkeys(phrases)), code, sectors))
    return out


# -- REIGN ---------------------------------------------------------------------------------------------------
def cow_iso(shared: Path, names: dict[str, str]) -> dict[str, str | None]:
    """COW numeric code -> ISO alpha-3, through the country names REIGN's own lists give."""
    ref = shared / "reference" / "reign_leaders"
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


def reign_people(shared: Path, phoenix: list[Person], names: dict[str, str], missing: list[str]) -> list[Person]:
    """One person per REIGN leader and state, named as Phoenix names the one person of that state who matches."""
    iso = cow_iso(shared, names)
    by_country: dict[str, list[Person]] = defaultdict(list)
    for p in phoenix:
        for c in {s[0] for s in p.spells}:
            by_country[c].append(p)
    out: dict[tuple[str, str], Person] = {}
    with open(shared / "reference" / "reign_leaders" / "leaderlist_3_21.csv", encoding="latin-1", newline="") as fh:
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
            cands = [p for p in by_country.get(country, [])
                     if want and want <= {w for a in p.aliases for w in _words(a)}]
            full = cands[0].name if len(cands) == 1 else leader
            person = out.setdefault((country, full), Person(full, [leader.lower()] if full != leader else []))
            if " and " in leader:
                continue  # San Marino's two captains regent in one row: no one name to list
            person.spells.append((country, ("GOV",), "leader", start, end))
    return [p for p in out.values() if p.spells]


# -- US Congress ---------------------------------------------------------------------------------------------
def congress_people(shared: Path) -> list[Person]:
    """Serving members of Congress with every term, and every president and vice president."""
    import yaml

    ref = shared / "reference" / "us_congress"
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


def _display(alias: str) -> str:
    """Phoenix writes names in capitals and the import folds them: 'el-sisi' is listed as 'El-Sisi'."""
    if not alias.islower():
        return alias
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in alias.split())
