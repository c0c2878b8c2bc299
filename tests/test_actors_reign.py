"""The people table against REIGN leader spells: the comparison itself, and the shipped table's figures."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.actors import loaders, reign
from casus.actors.kb import DATA, Entry, Spell

HEADER = "stateabb,ccode,leadid,leader,sdate,smonth,syear,emonth,eyear,birthyear,gender,militarycareer,l_month,l_year,,,codedby,notes\n"


def _person(name: str, country: str, *spells: tuple[str, str]) -> tuple[list[str], Entry]:
    sp = tuple(Spell(country, ("GOV",), dt.date.fromisoformat(a), dt.date.fromisoformat(b) if b else None) for a, b in spells)
    return [name.split()[-1]], Entry(name, "person", None, (), "person", sp)


def test_compare_finds_missing_late_and_matching_spells(tmp_path):
    csv = tmp_path / "leaders.csv"
    csv.write_text(HEADER
                   + "FRN,220,x1,Chirac,17,5,1995,5,2007,1932,1,0,,,,,,\n"
                   + "FRN,220,x2,Sarkozy,16,5,2007,5,2012,1955,1,0,,,,,,\n"
                   + "GMY,255,x3,Merkel,22,11,2005,,,1954,0,0,,,,,,\n"
                   + "UKG,200,x4,Thatcher,4,5,1979,11,1990,1925,0,0,,,,,,\n", encoding="latin-1")
    spells = reign.read_reign(csv)
    assert [s.leader for s in spells] == ["Chirac", "Sarkozy", "Merkel"]  # Thatcher ended before 2000
    people = [_person("Jacques Chirac", "FRA", ("1995-05-17", "2007-05-16")),
              _person("Nicolas Sarkozy", "FRA", ("2007-09-16", "2012-05-15")),
              _person("Angela Merkel", "DEU", ("2005-11-22", "2021-12-08"))]
    rep = reign.compare(people, spells)
    assert rep.coverage == 1.0
    assert [(sp.leader, why) for sp, _, why in rep.disagreements] == [
        ("Sarkozy", "start ours 2007-09-16 REIGN 2007-05-16")]  # Merkel ending after the release is no disagreement
    rep = reign.compare(people[:1], spells)
    assert [s.leader for s in rep.missing] == ["Sarkozy", "Merkel"]


def test_shipped_people_table_covers_g20_and_p5_leaders(shared):
    path = shared / "reference" / "reign_leaders" / "leaderlist_3_21.csv"
    if not path.exists():
        pytest.skip("REIGN leader list not available")
    rep = reign.compare(loaders.read_tsv(DATA / "people.tsv"), reign.read_reign(path))
    assert rep.spells > 80
    assert rep.coverage >= 0.95, [f"{s.country} {s.leader}" for s in rep.missing]
    # what remains are definitional: REIGN's effective ruler (a regent, a suspended president) vs the office
    assert len(rep.disagreements) <= 5, [why for *_, why in rep.disagreements]
