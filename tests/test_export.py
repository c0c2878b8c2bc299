"""Exports read back: columns, types and a known row for every format."""
from __future__ import annotations

import csv
import datetime as dt
import json

import duckdb
import pytest
from test_fold_factory import make_event

from casus.export import export
from casus.export.gdelt import COLUMNS as GDELT_COLUMNS
from casus.export.gdelt import global_event_id
from casus.export.icews import COLUMNS as ICEWS_COLUMNS
from casus.model import Article
from casus.query import Filters
from casus.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "x.duckdb") as s:
        s.add(Article(id="d1", text="t1", report_date=dt.date(2016, 5, 7), source="Reuters",
                      url="http://example.org/d1"),
              [make_event("e-visit", doc_id="d1", sentence=2, code="042", where="Sochi")])
        s.add(Article(id="d2", text="t2", report_date=dt.date(2016, 5, 9), source="AP"),
              [make_event("e-bomb", doc_id="d2", sentence=0, source="IRQREB", target="IRQCVL", code="183",
                          where="Mosul", date="2016-05-08", plover="ASSAULT")])
        s.rebuild_incidents()
        yield s


def test_gdelt_has_61_columns_and_keeps_leading_zeros(store, tmp_path):
    out = tmp_path / "g.tsv"
    assert export(store, "gdelt", out, header=True) == 2
    rows = list(csv.reader(out.open(), delimiter="\t"))
    assert rows[0] == GDELT_COLUMNS and len(rows[0]) == 61
    rec = dict(zip(rows[0], rows[1]))
    assert all(len(r) == 61 for r in rows)
    assert rec["GLOBALEVENTID"] == str(global_event_id("e-visit"))
    assert (rec["SQLDATE"], rec["MonthYear"], rec["Year"]) == ("20160506", "201605", "2016")
    assert (rec["EventCode"], rec["EventBaseCode"], rec["EventRootCode"]) == ("042", "042", "04")
    assert rec["Actor1Code"] == "USAGOV" and rec["Actor2CountryCode"] == "RUS"
    assert rec["ActionGeo_CountryCode"] == "RS" and rec["ActionGeo_Type"] == "4"
    assert rec["ActionGeo_FeatureID"] == "491422"
    assert rec["SOURCEURL"] == "http://example.org/d1" and rec["DATEADDED"] == "20160507000000"
    # duckdb reads the numeric columns back as numbers but the code as text with its zero
    con = duckdb.connect()
    code, goldstein = con.execute(
        f"SELECT EventCode, GoldsteinScale FROM read_csv('{out}', delim='\t', header=true, "
        "types={'EventCode': 'VARCHAR'}) WHERE SQLDATE = 20160506").fetchone()
    assert code == "042" and goldstein == pytest.approx(1.9)


def test_gdelt_without_header_and_filtered(store, tmp_path):
    out = tmp_path / "g.tsv"
    assert export(store, "gdelt", out, filters=Filters(code="18")) == 1
    [row] = list(csv.reader(out.open(), delimiter="\t"))
    assert row[26] == "183" and row[1] == "20160508"


def test_icews_named_header_and_row(store, tmp_path):
    out = tmp_path / "i.tsv"
    export(store, "icews", out)
    rows = list(csv.DictReader(out.open(), delimiter="\t"))
    assert list(rows[0].keys()) == ICEWS_COLUMNS and len(ICEWS_COLUMNS) == 20
    bomb = next(r for r in rows if r["Event ID"] == "e-bomb")
    assert bomb["Event Date"] == "2016-05-08" and bomb["CAMEO Code"] == "183"
    assert bomb["Source Country"] == "Iraq" and bomb["Source Sectors"] == "REB"
    assert bomb["City"] == "Mosul" and bomb["Country"] == "Iraq"
    assert bomb["Sentence Number"] == "1" and bomb["Publisher"] == "AP"
    assert float(bomb["Intensity"]) == -10.0


def test_plover_records(store, tmp_path):
    out = tmp_path / "p.jsonl"
    export(store, "plover", out)
    recs = [json.loads(line) for line in out.open()]
    visit = next(r for r in recs if r["event_id"] == "e-visit")
    assert visit["event_type"] == "CONSULT" and visit["modality"] == "asserted"
    assert visit["actor"]["country"] == "USA" and visit["recipient"]["code"] == "RUSGOV"
    assert visit["location"]["geonameid"] == 491422 and visit["source"] == "Reuters"
    assert visit["cameo_code"] == "042"


def test_csv_parquet_and_jsonl(store, tmp_path):
    export(store, "csv", tmp_path / "e.csv")
    rows = list(csv.DictReader((tmp_path / "e.csv").open()))
    assert {r["cameo_code"] for r in rows} == {"042", "183"}
    assert "record" not in rows[0] and "event_day" in rows[0]
    export(store, "parquet", tmp_path / "e.parquet")
    con = duckdb.connect()
    types = dict(con.execute(f"DESCRIBE SELECT * FROM '{tmp_path / 'e.parquet'}'").fetchall()[i][:2]
                 for i in range(3))
    code, day, mentions = con.execute(
        f"SELECT cameo_code, event_day, mentions FROM '{tmp_path / 'e.parquet'}' WHERE event_id = 'e-bomb'").fetchone()
    assert (code, day, mentions) == ("183", dt.date(2016, 5, 8), 1)
    assert types["event_id"] == "VARCHAR"
    export(store, "jsonl", tmp_path / "e.jsonl")
    recs = [json.loads(line) for line in (tmp_path / "e.jsonl").open()]
    assert recs[0]["cameo"]["code"] == "042" and recs[0]["trigger"]["text"] == "visited"
    export(store, "parquet", tmp_path / "i.parquet", level="incidents")
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'i.parquet'}'").fetchone()[0] == 2


def test_failed_export_leaves_no_file(store, tmp_path):
    out = tmp_path / "bad.tsv"
    with pytest.raises(ValueError):
        export(store, "gdelt", out, filters=Filters(date_field="publication"))
    assert not out.exists() and list(tmp_path.glob(".bad.tsv*")) == []


def test_write_events_without_a_store_matches_the_store_export(store, tmp_path):
    import io

    from casus.export import write_events

    buf = io.StringIO()
    assert write_events([make_event("e-visit", doc_id="d1", sentence=2, code="042", where="Sochi")], "gdelt", buf) == 1
    [row] = list(csv.reader(io.StringIO(buf.getvalue()), delimiter="\t"))
    out = tmp_path / "g.tsv"
    export(store, "gdelt", out, filters=Filters(code="04"))
    [stored] = list(csv.reader(out.open(), delimiter="\t"))
    assert row[:60] == stored[:60] and row[60] == "d1"
    buf = io.StringIO()
    write_events([make_event("e-visit")], "plover", buf)
    assert json.loads(buf.getvalue())["event_type"] == "CONSULT"
