"""ICEWS event export: the 20 named, tab-separated columns of the ICEWS coded event data."""
from __future__ import annotations

import csv
from typing import IO, Any

from casus.export.countries import Countries
from casus.query import Filters, select_sql
from casus.store import Store

COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
]
SELECT = """e.event_id, e.event_day, e.doc_id, e.sentence, e.source_name, e.source_sector, e.source_country,
    e.target_name, e.target_sector, e.target_country, e.cameo_code, e.cameo_name, e.goldstein,
    e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
    e.location_feature, e.location_geonameid, a.source AS publisher"""


def row(r: dict[str, Any], countries: Countries) -> list[Any]:
    """One ICEWS row from a flattened events row (sentence numbers count from 1, as in ICEWS)."""
    feature = r["location_feature"] or ""
    city_level = r["location_geonameid"] is not None and not feature.startswith(("PCL", "ADM"))
    return [
        r["event_id"], r["event_day"].isoformat() if r["event_day"] else "",
        r["source_name"] or "", ",".join(r["source_sector"] or []), countries.name(r["source_country"]) or "",
        r["cameo_name"] or "", r["cameo_code"], r["goldstein"],
        r["target_name"] or "", ",".join(r["target_sector"] or []), countries.name(r["target_country"]) or "",
        r["doc_id"], (r["sentence"] or 0) + 1, r["publisher"] or "",
        r["location_name"] if city_level else "", "",
        r["location_admin1"] or (r["location_name"] if feature.startswith("ADM") else "") or "",
        countries.name(r["location_country"]) or "",
        "" if r["location_lat"] is None else r["location_lat"],
        "" if r["location_lon"] is None else r["location_lon"],
    ]


def write(store: Store, filters: Filters, fh: IO[str]) -> int:
    """Write matching events as ICEWS tab-separated rows with the named header; returns the row count."""
    sql, params = select_sql(filters, "events", SELECT)
    sql = sql.replace("FROM events e", "FROM events e LEFT JOIN articles a ON a.id = e.doc_id", 1)
    columns, rows = store.stream(sql, params)
    out = csv.writer(fh, delimiter="\t", lineterminator="\n")
    out.writerow(COLUMNS)
    countries, n = Countries(), 0
    for values in rows:
        out.writerow(row(dict(zip(columns, values)), countries))
        n += 1
    return n
