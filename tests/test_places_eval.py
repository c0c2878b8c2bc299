"""The places scorer: gritta XML reading, overlap matching and the scores a user reads."""
from __future__ import annotations

import pytest

from casus.evaluate.places import match, read_corpus, run, score
from casus.model import Place

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>t</title>
    <text><![CDATA[Officials in Sochi met on Friday. Paris was quiet.]]></text>
    <toponyms count="2">
      <toponym><start>13</start><end>18</end><phrase>Sochi</phrase>
        <gaztag geonameid="491422"><name>Sochi</name><fclass>P</fclass><fcode>PPL</fcode>
          <lat>43.6</lat><lon>39.73</lon><country geonameid="2017370">Russia</country></gaztag></toponym>
      <toponym><start>34</start><end>39</end><phrase>Paris</phrase>
        <gaztag geonameid="2988507"><name>Paris</name><fclass>P</fclass><fcode>PPLC</fcode>
          <lat>48.85</lat><lon>2.35</lon><country geonameid="3017382">France</country></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="0"><title>t</title><link>x</link>
    <text>French troops left Mali for Niger.</text>
    <toponyms>
      <toponym><extractedName>French</extractedName><normalisedName/><type>Demonym</type><modifierType/>
        <nonLocational>No</nonLocational><start>0</start><end>6</end></toponym>
      <toponym><extractedName>Mali</extractedName><normalisedName/><type>Literal</type><modifierType/>
        <nonLocational>No</nonLocational><start>19</start><end>23</end><geonamesID>2453866</geonamesID>
        <latitude>17</latitude><longitude>-4</longitude></toponym>
      <toponym><extractedName>Niger</extractedName><normalisedName/><type>Literal</type><modifierType/>
        <nonLocational>No</nonLocational><start>28</start><end>33</end><geonamesID>2440476</geonamesID>
        <latitude>18</latitude><longitude>9</longitude></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_reads_lgl_and_gwn_formats(tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    (tmp_path / "GWN.xml").write_text(GWN, encoding="utf-8")
    [(art, gold)] = read_corpus(tmp_path / "lgl.xml")
    assert [art.text[g.start:g.end] for g in gold] == ["Sochi", "Paris"]
    assert gold[0].country == "RUS" and gold[0].geonameid == 491422
    [(art, gold)] = read_corpus(tmp_path / "GWN.xml")
    assert [g.text for g in gold] == ["Mali", "Niger"]  # the demonym has no coordinates: not a gold toponym


def test_overlap_matching_is_one_to_one():
    assert match([(0, 5), (3, 9)], [(2, 8)]) == [(1, 0)]
    assert match([(0, 5)], [(5, 9)]) == []


def test_scores_count_spans_distance_and_ids(tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    corpus = read_corpus(tmp_path / "lgl.xml")
    sochi = Place("Sochi", 13, 18, country="RUS", lat=43.59, lon=39.72, geonameid=491422)
    paris_tx = Place("Paris", 34, 39, country="USA", lat=33.66, lon=-95.56, geonameid=4717560)
    extra = Place("Friday", 27, 33)
    row = score("LGL", [[sochi, paris_tx, extra]], corpus)
    assert (row["gold"], row["predicted"], row["matched"]) == (2, 3, 2)
    assert row["P"] == pytest.approx(0.667, abs=1e-3) and row["R"] == 1.0
    assert row["acc@161km"] == 0.5 and row["exact id"] == 0.5 and row["country"] == 0.5


def test_run_end_to_end_on_a_small_file(tmp_path):
    from casus.nlp import Parser

    (tmp_path / "GWN.xml").write_text(GWN, encoding="utf-8")
    row = run(str(tmp_path), Parser())[0]
    assert row["part"] == "all" and row["data set"] == "GWN" and row["gold"] == 2
    assert row["matched"] == 2 and row["acc@161km"] == 1.0


def test_accuracy_floor_on_a_subset(shared):
    """Regression floor on the first articles of LGL and GWN (full-set figures are in the report)."""
    from casus.nlp import Parser

    gritta = shared / "eval" / "places" / "gritta"
    if not (gritta / "lgl.xml").exists():
        pytest.skip("gritta corpora not available")
    parser = Parser()
    lgl = run(str(gritta / "lgl.xml"), parser, limit=60)[0]
    gwn = run(str(gritta / "GWN.xml"), parser, limit=40)[0]
    assert lgl["acc@161km"] >= FLOOR["LGL"], lgl
    assert gwn["acc@161km"] >= FLOOR["GWN"], gwn


FLOOR = {"LGL": 0.85, "GWN": 0.87}  # measured 0.887 and 0.905 on these subsets; a few points under


def test_check_part_scored_apart(tmp_path):
    """Each data set gets a second row for its check documents only, a subset of the whole."""
    from casus.evaluate.splits import split_of
    from casus.nlp import Parser

    articles = "".join(GWN.split("<articles>")[1].split("</articles>")[0].replace('file="0"', f'file="{n}"')
                       for n in range(12))
    (tmp_path / "GWN.xml").write_text(f"<articles>{articles}</articles>", encoding="utf-8")
    rows = run(str(tmp_path), Parser())
    check = sum(split_of(str(n)) == "check" for n in range(12))
    assert 0 < check < 12
    assert [r["part"] for r in rows] == ["all", "check"]
    assert rows[0]["articles"] == 12 and rows[1]["articles"] == check and rows[1]["gold"] == 2 * check


def test_adjective_mentions_are_scored_only_where_the_gold_annotates_them():
    from casus.evaluate.places import scored_places

    found = [[Place(text="Kenyan", start=0, end=6, form="adjective"), Place(text="Nairobi", start=20, end=27)]]
    kept, left_out = scored_places("GeoVirus", found)
    assert [p.text for p in kept[0]] == ["Nairobi"] and left_out == [1]
    kept, left_out = scored_places("GWN", found)
    assert [p.text for p in kept[0]] == ["Kenyan", "Nairobi"] and left_out == [0]


def test_peoples_words_are_scored_only_where_the_gold_gives_them_a_place():
    from casus.evaluate.places import scored_places

    found = [[Place(text="Ohioans", start=0, end=7, form="people"), Place(text="Dayton", start=20, end=26)]]
    assert [p.text for p in scored_places("LGL", found)[0][0]] == ["Ohioans", "Dayton"]
    kept, left_out = scored_places("GWN", found)
    assert [p.text for p in kept[0]] == ["Dayton"] and left_out == [1]
