"""PETRARCH verb dictionaries as extra lexicon rows, and PETRARCH's own unit-test suite."""
from __future__ import annotations

from pathlib import Path

import pytest

from casus.events.ontology import Ontology
from casus.events.triggers.petrarch_verbs import is_verb_dictionary, read_verbs

DICTIONARY = """\
<!-- a small verb dictionary in the PETRARCH format -->
&RELIEF_
+FOOD
+MEDICINE
+RELIEF_SUPPLIES

--- PRAISE [051] ---
PRAISE
COMMEND  [052]
- * (WITH) [031]     # commend with
- NOT * [111]        # words before the verb: not expressed
- * &RELIEF (TO) [073]
--- LAMBAST [111:112] ---
LAMBAST
- * AGAINST $ [173]
- * (TO BORDER) [154]
--- TROT [---] ---
TROT
- * ON [999]
"""


@pytest.fixture
def dictionary(tmp_path: Path) -> Path:
    path = tmp_path / "small.verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return path


def test_blocks_patterns_and_synsets_become_lexicon_rows(dictionary):
    skipped: list[str] = []
    rows = {(r.trigger, r.code, r.requires, r.target) for r in read_verbs(dictionary, Ontology.load().is_valid, skipped)}
    assert ("praise", "051", None, ("dobj",)) in rows
    assert ("commend", "052", None, ("dobj",)) in rows, "a synonym's own code beats the block's"
    assert ("praise with", "031", None, ("with",)) in rows, "a bare preposition makes a phrasal trigger"
    relief = [r for r in rows if r[:2] == ("praise", "073")]
    assert relief and {"food", "medicine", "supplies", "supply"} <= relief[0][2] and relief[0][3] == ("to",)
    assert ("lambast", "111", None, ("dobj",)) in rows, "of a source:target code pair the source side is kept"
    assert ("lambast against", "173", None, ("against",)) in rows
    assert not any(r[0] == "trot" for r in rows), "the null code --- makes no row"
    causes = "\n".join(skipped)
    assert f"{dictionary}:11: words before the verb" in causes
    assert "fixed noun" in causes and "'999' is not a CAMEO code" in causes


def test_sniffing_tells_a_verb_dictionary_from_a_tsv(dictionary, tmp_path):
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("trigger\tpos\tcode\ttarget\trequires\tnote\n", encoding="utf-8")
    assert is_verb_dictionary(dictionary) and not is_verb_dictionary(tsv)
    assert not is_verb_dictionary(tmp_path / "missing.txt")


def test_a_users_verb_dictionary_recodes_sentences(pipeline, dictionary):
    text = "Japan praised Russia for its help on Monday."
    from casus.model import Article

    before = {e.cameo.code for _, evs in pipeline.code([Article("a", text)]) for e in evs}
    mine = pipeline.with_files(lexicon_files=[dictionary])
    after = [e for _, evs in mine.code([Article("a", text)]) for e in evs]
    assert "051" in before
    assert [(e.source.country, e.target.country, e.cameo.code) for e in after][0] == ("JPN", "RUS", "051")
    commend = [e for _, evs in mine.code([Article("b", "Japan commended Russia.")]) for e in evs]
    assert commend and commend[0].cameo.code == "052"
    assert mine.skipped and pipeline.skipped == []


def test_the_cli_says_which_dictionary_lines_it_could_not_use(dictionary, tmp_path):
    from typer.testing import CliRunner

    from casus.cli import app

    text = tmp_path / "a.txt"
    text.write_text("Japan commended Russia on Monday.", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(text), "--lexicon", str(dictionary)])
    assert result.exit_code == 0, result.output
    assert "dictionary lines not used" in result.output and '"052"' in result.output


def test_petrarch_unit_test_suite_with_its_own_dictionaries(pipeline, shared):
    from casus.evaluate.petrarch_suite import ACTORS, AGENTS, VERBS, report, run_suite

    folder = shared / "eval" / "events" / "petrarch_unittests"
    if not folder.is_dir():
        pytest.skip("PETRARCH unit-test records not available")
    valid = Ontology.load().is_valid
    dictionaries = [folder / ACTORS, folder / AGENTS]
    actors_only = run_suite(folder, pipeline.with_files(actor_files=dictionaries), valid)
    both = run_suite(folder, pipeline.with_files(actor_files=dictionaries, lexicon_files=[folder / VERBS]), valid)
    print(report(both))
    assert both.records == 284
    assert both.matched > actors_only.matched, "the suite's verb dictionary must make casus match more records"
    assert both.rate >= 0.22  # measured 0.243 (PETRARCH2: 0.31); a drop below this is a regression


def test_a_petrarch_agents_file_adds_sector_nouns(tmp_path):
    from casus.actors.kb import KnowledgeBase
    from casus.actors.petrarch import is_agents_file, read_agents

    agents = tmp_path / "mine.agents.txt"
    agents.write_text("!PERSON! = MAN, WOMAN\nHARBOUR_PILOT [~BUS] # a made-up agent\nCOAST!PERSON! {} [~MIL]\n"
                      "DEPUTY_SHERIFF {DEPUTIES_SHERIFF} [~COPLOC]\n", encoding="utf-8")
    assert is_agents_file(agents)
    rows = {tuple(forms): entry.sectors for forms, entry in read_agents(agents)}
    assert rows[("harbour pilot", "harbour pilots")] == ("BUS",)
    assert rows[("coastman",)] == ("MIL",) and rows[("coastwoman",)] == ("MIL",), "macros expand, {} means no plural"
    assert rows[("deputy sheriff", "deputies sheriff")] == ("COP", "LOC")
    kb = KnowledgeBase.load(extra=[agents])
    assert any(e.sectors == ("BUS",) for e in kb.lookup("harbour pilots")), "an agents file is not read as actors"


def test_a_broken_suite_record_is_named_by_file_and_line(tmp_path):
    from typer.testing import CliRunner

    from casus.cli import app
    from casus.evaluate.petrarch_suite import ACTORS, AGENTS, RECORDS, VERBS

    for name in (ACTORS, AGENTS, VERBS):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / RECORDS).write_text('{"id": "A-1", "text": "Japan praised Russia."}\n{"id": "A-2", "te\n',
                                    encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "petrarch", "--gold", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path / RECORDS}:2" in result.output and "malformed JSON" in result.output
    assert "Traceback" not in result.output
