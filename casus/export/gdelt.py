"""GDELT 2.0 event export: the 61 tab-separated columns of the GDELT 2.0 event codebook, in order."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
from typing import IO, Any

from casus.export.countries import Countries
from casus.query import Filters, select_sql
from casus.store import Store

_ACTOR = ("Code Name CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code "
          "Type1Code Type2Code Type3Code").split()
_GEO = "Type FullName CountryCode ADM1Code ADM2Code Lat Long FeatureID".split()
COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO] + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(COLUMNS) == 61

SELECT = """e.event_id, e.event_day, e.report_date, e.sentence, e.doc_id,
    e.source_code, e.source_name, e.source_country, e.source_sector,
    e.target_code, e.target_name, e.target_country, e.target_sector,
    e.cameo_code, e.cameo_root, e.quad, e.goldstein, e.mentions,
    e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
    e.location_geonameid, e.location_feature, a.url"""
NON_STATE = {"IGO", "NGO", "MNC", "IMG", "UIS"}


def global_event_id(event_id: str) -> int:
    """A stable positive 63-bit integer for a casus event id (GDELT ids are integers)."""
    return int.from_bytes(hashlib.sha256(event_id.encode("utf-8")).digest()[:8], "big") >> 1


def _actor(code: str | None, name: str | None, country: str | None, sectors: list[str] | None) -> list[Any]:
    if not code and not name:
        return [""] * 10
    types = [s for s in (sectors or []) if s][:3]
    known = country if country in NON_STATE else ""
    return [code or "", (name or "").upper(), "" if country in NON_STATE else (country or ""), known,
            "", "", "", *(types + [""] * (3 - len(types)))]


def geo_type(country: str | None, feature: str | None, geonameid: int | None) -> int:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state, 0 unknown."""
    if not country:
        return 0
    feature = feature or ""
    if feature.startswith("PCL") or geonameid is None:
        return 1
    state = feature.startswith("ADM")
    if country == "USA":
        return 2 if state else 3
    return 5 if state else 4


def row(r: dict[str, Any], countries: Countries) -> list[Any]:
    """One GDELT 2.0 event row from a flattened events row."""
    day: dt.date | None = r["event_day"]
    code = r["cameo_code"] or ""
    fips = countries.fips(r["location_country"])
    gtype = geo_type(r["location_country"], r["location_feature"], r["location_geonameid"])
    if gtype == 0:
        geo = [0, "", "", "", "", "", "", ""]
    else:
        admin = r["location_admin1"] or ""
        adm1 = fips + admin if admin and len(admin) <= 3 and admin.isalnum() else fips
        full = r["location_name"] or ""
        cname = countries.name(r["location_country"])
        if gtype != 1 and cname and cname != full:
            full = f"{full}, {cname}"
        feature_id = fips if gtype == 1 else r["location_geonameid"]
        geo = [gtype, full, fips, adm1, "", r["location_lat"], r["location_lon"], feature_id]
    report: dt.date | None = r["report_date"]
    return [
        global_event_id(r["event_id"]),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor(r["source_code"], r["source_name"], r["source_country"], r["source_sector"]),
        *_actor(r["target_code"], r["target_name"], r["target_country"], r["target_sector"]),
        1 if (r["sentence"] or 0) <= 1 else 0,
        code, code[:3], r["cameo_root"] or code[:2], r["quad"], r["goldstein"],
        r["mentions"], 1, 1, 0,
        *([0, "", "", "", "", "", "", ""] * 2),  # actor geographies: casus places the action only
        *geo,
        report.strftime("%Y%m%d000000") if report else "",
        r["url"] or r["doc_id"],
    ]


def write(store: Store, filters: Filters, fh: IO[str], header: bool = False) -> int:
    """Write matching events as GDELT 2.0 tab-separated rows; returns the row count."""
    sql, params = select_sql(filters, "events", SELECT)
    sql = sql.replace("FROM events e", "FROM events e LEFT JOIN articles a ON a.id = e.doc_id", 1)
    columns, rows = store.stream(sql, params)
    out = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    if header:
        out.writerow(COLUMNS)
    countries, n = Countries(), 0
    for values in rows:
        out.writerow([clean(v) for v in row(dict(zip(columns, values)), countries)])
        n += 1
    return n


def clean(value: Any) -> Any:
    """A field value safe inside a tab-separated line."""
    return value.replace("\t", " ").replace("\n", " ") if isinstance(value, str) else value
