"""Build casus/places/data/demonyms.tsv, country adjectives as place mentions: python scripts/build_demonyms.py [--check].

Source: ../shared/reference/countries_mledoze/countries.json (mledoze/countries, ODbL 1.0; its PROVENANCE.md
names the commit), the English demonyms (`demonyms.eng.f` and `.m`; "Antiguan, Barbudan" is two forms).
A form several entries share ("French": France and the French Southern Territories) goes to the independent
UN member, else to the independent entries, else to all of them. The regions and subregions the entries
lie in ("Europe", "Central America") give adjectives by one spelling rule: a name ending in -a takes -n
("African", "Central American"), one ending in -e takes -an ("European"); others give none. The second
column is then the region's name, which casus looks up among the gazetteer's continents and regions.
Nothing is typed by hand. `--check` exits 1
when the file on disk differs from a fresh build.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASUS_SHARED", ROOT.parent / "shared"))
SOURCE = SHARED / "reference" / "countries_mledoze" / "countries.json"
OUT = ROOT / "casus" / "places" / "data" / "demonyms.tsv"
HEADER = ("# casus places: country adjectives ('Ukrainian troops' names Ukraine), built by scripts/build_demonyms.py\n"
          "# from mledoze/countries (ODbL 1.0, ../shared/reference/countries_mledoze); do not edit by hand.\n"
          "# Columns (tab-separated): adjective, country ISO-3 or region name, source\n")


def build(source: Path = SOURCE) -> str:
    """The file's text from the mledoze countries."""
    entries = json.loads(source.read_text(encoding="utf-8"))
    owners: dict[str, list[dict]] = defaultdict(list)
    for c in entries:
        eng = (c.get("demonyms") or {}).get("eng") or {}
        forms = {f.strip() for v in eng.values() if v for f in v.split(",")}
        for form in sorted(f for f in forms if f):
            owners[form].append(c)
    lines = [HEADER.rstrip("\n")]
    for form in sorted(owners):
        cs = owners[form]
        best = [c for c in cs if c.get("independent") and c.get("unMember")] or [c for c in cs if c.get("independent")] or cs
        for c in sorted(best, key=lambda c: c["cca3"]):
            lines.append(f"{form}\t{c['cca3']}\tmledoze/countries demonyms.eng ({c['name']['common']})")
    regions = sorted({c.get(k) for c in entries for k in ("region", "subregion") if c.get(k)})
    for region in regions:
        adjective = _adjective(region)
        if adjective and adjective not in owners:
            lines.append(f"{adjective}\t{region}\tmledoze/countries region or subregion, -a > -an, -e > -ean")
    return "\n".join(lines) + "\n"


def _adjective(region: str) -> str | None:
    """The adjective of a region's name by the one spelling rule, or None."""
    if "-" in region or " and " in region:
        return None  # "South-Eastern Asia", "Australia and New Zealand"
    if region.endswith("a"):
        return region + "n"
    if region.endswith("e"):
        return region + "an"
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the file on disk differs")
    args = ap.parse_args()
    if not SOURCE.exists():
        sys.exit(f"{SOURCE}: not found (the reference data lives in ../shared)")
    text = build()
    if args.check:
        sys.exit(0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10)) - 3} rows")


if __name__ == "__main__":
    main()
