"""The usage word table (data/usage.tsv): its format and the words it ships."""
import pytest

from casus.time.usage import DATA, load


def test_shipped_table_has_every_kind():
    kinds = load(DATA)
    assert {"holiday_modifier", "daypart_compound", "generic_present", "play", "money"} <= set(kinds)
    assert "sales" in kinds["holiday_modifier"] and "news" in kinds["daypart_compound"]


def test_a_malformed_line_names_file_and_line(tmp_path):
    p = tmp_path / "usage.tsv"
    p.write_text("# comment\nplay\tgoal\nmoney profits\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"usage\.tsv:3"):
        load(p)
