"""The event-trigger lexicon and its loader."""
from __future__ import annotations

import pytest

from casus.events.triggers.lexicon import LexEntry, Lexicon
from casus.events.ontology import Ontology
from casus.model import InputError

HEADER = "trigger\tpos\tcode\ttarget\trequires\tnote\n"


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def lex(onto) -> Lexicon:
    return Lexicon.load(ontology=onto)


def test_every_root_reachable_from_verbs_and_nouns(lex, onto):
    roots = {f"{r:02d}" for r in range(1, 21)}
    verb_roots = {onto.root(e.code) for e in lex.entries() if e.pos == "VERB"}
    noun_roots = {onto.root(e.code) for e in lex.entries() if e.pos == "NOUN"}
    assert roots - verb_roots == set()
    assert roots - noun_roots == set()


def test_rich_and_valid(lex, onto):
    entries = list(lex.entries())
    assert len(entries) > 500
    for e in entries:
        assert isinstance(e, LexEntry) and onto.is_valid(e.code)
        assert e.trigger == e.trigger.lower().strip()
        assert all(t == "dobj" or t.isalpha() for t in e.target)


@pytest.mark.parametrize("trigger,pos,root", [
    ("meet", "VERB", "04"), ("visit", "VERB", "04"), ("talk", "NOUN", "04"), ("talks", "NOUN", "04"),
    ("urge", "VERB", "02"), ("call for", "VERB", "02"), ("promise", "VERB", "03"), ("pledge", "VERB", "03"),
    ("praise", "VERB", "05"), ("cooperation", "NOUN", "06"), ("aid", "NOUN", "07"), ("release", "VERB", "08"),
    ("ceasefire", "NOUN", "08"), ("investigate", "VERB", "09"), ("demand", "VERB", "10"),
    ("condemn", "VERB", "11"), ("accuse", "VERB", "11"), ("reject", "VERB", "12"), ("veto", "VERB", "12"),
    ("threaten", "VERB", "13"), ("protest", "NOUN", "14"), ("hunger strike", "NOUN", "14"),
    ("deploy", "VERB", "15"), ("sanctions", "NOUN", "16"), ("embargo", "NOUN", "16"),
    ("arrest", "VERB", "17"), ("crack down", "VERB", "17"), ("kidnap", "VERB", "18"),
    ("suicide bombing", "NOUN", "18"), ("air strike", "NOUN", "19"), ("airstrikes", "NOUN", "19"),
    ("offensive", "NOUN", "19"), ("clash", "VERB", "19"), ("massacre", "NOUN", "20"),
    ("ethnic cleansing", "NOUN", "20"),
])
def test_common_triggers(lex, trigger, pos, root):
    e = lex.lookup(trigger, pos)
    assert e is not None, trigger
    assert e.code[:2] == root


def test_object_constraint_picks_row(lex):
    assert lex.lookup("sign", "VERB", "agreement").code == "057"
    assert lex.lookup("sign", "VERB", "Treaty").code == "057"
    assert lex.lookup("sign", "VERB", "autograph") is None  # no plain row for sign
    assert lex.lookup("sign", "VERB") is None
    assert lex.lookup("release", "VERB", "prisoner").code == "0841"
    assert lex.lookup("release", "VERB", "statement") is None  # publishing is not yielding
    assert lex.lookup("release", "VERB").code == "0841"
    assert lex.lookup("provide", "VERB", "weapon").code == "072"
    assert lex.lookup("provide", "VERB", "aid").code[:2] == "07"
    assert lex.lookup("withdraw", "VERB", "ambassador").code == "161"
    assert lex.lookup("withdraw", "VERB", "troops").code == "0874"
    assert lex.lookup("express", "VERB", "concern").code[:2] in ("01", "11")
    assert lex.lookup("threaten", "VERB", "sanctions").code == "1312"


def test_phrasal_and_light_verbs(lex):
    assert lex.lookup("put forward", "VERB").code[:2] == "03"
    assert lex.lookup("pull out", "VERB").code == "0874"
    assert lex.lookup("turn down", "VERB").code[:2] == "12"
    assert lex.lookup("peace talks", "NOUN").code == "046"
    assert lex.lookup("state visit", "NOUN").code == "042"
    assert lex.lookup("joint exercise", "NOUN").code == "062"
    assert lex.lookup("put", "VERB") is None
    assert lex.lookup("hold", "VERB") is None  # "held talks" is coded on the noun


def test_targets(lex):
    assert lex.lookup("meet", "VERB").target == ("dobj", "with")
    assert "against" in lex.lookup("protest", "NOUN").target
    assert lex.lookup("sanction", "NOUN").target == ("on", "against")
    assert lex.lookup("negotiate", "VERB").target == ("with",)


def test_speech(lex):
    for lemma in ("say", "tell", "announce", "add", "stress", "declare", "claim", "according to"):
        assert lex.is_speech(lemma), lemma
        assert lex.lookup(lemma, "SPEECH").code == "010"
    assert not lex.is_speech("attack") and not lex.is_speech("meet")


def test_user_file_adds_and_overrides(tmp_path, onto):
    mine = tmp_path / "mine.tsv"
    mine.write_text("# mine\n" + HEADER +
                    "parley\tVERB\t046\twith\t-\told word for negotiate\n"
                    "meet\tVERB\t044\twith\t-\n"
                    "release\tVERB\t-\t-\tobj=prisoner\n", encoding="utf-8")
    lex = Lexicon.load([mine], ontology=onto)
    assert lex.lookup("parley", "VERB").code == "046"
    assert lex.lookup("meet", "VERB").code == "044"
    assert lex.lookup("release", "VERB", "prisoner") is None
    assert lex.lookup("release", "VERB", "hostage").code == "0841"
    assert Lexicon.load(ontology=onto).lookup("meet", "VERB").code == "040"


@pytest.mark.parametrize("row,cause", [
    ("storm\tVERB\t999\tdobj\t-\t", "unknown CAMEO code"),
    ("storm\tVERB\t1900\tdobj\t-\t", "unknown CAMEO code"),
    ("storm\tADV\t190\tdobj\t-\t", "pos"),
    ("Storm!\tVERB\t190\tdobj\t-\t", "bad trigger"),
    ("storm\tVERB\t190\tdobj\tobject=city\t", "bad requires"),
    ("storm\tVERB\t190\td-obj\t-\t", "bad target"),
    ("storm\tVERB\t190", "fields"),
])
def test_bad_row_names_file_and_line(tmp_path, onto, row, cause):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# comment\n" + HEADER + "raid\tVERB\t170\tdobj\t-\t\n" + row + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        Lexicon.load([bad], ontology=onto)
    assert err.value.file.endswith("bad.tsv") and err.value.line == 4
    assert cause in err.value.cause
    assert "bad.tsv:4" in str(err.value)


def test_wrong_header_is_an_error(tmp_path, onto):
    bad = tmp_path / "bad.tsv"
    bad.write_text("verb\tcode\nraid\t170\n", encoding="utf-8")
    with pytest.raises(InputError):
        Lexicon.load([bad], ontology=onto)


def test_predicate_adjectives_are_triggers_only_as_adjectives(lex):
    skeptical = lex.lookup("skeptical", "ADJ")
    assert skeptical is not None and skeptical.code == "012" and "of" in skeptical.target
    assert lex.lookup("skeptical", "VERB") is None and lex.lookup("skeptical", "NOUN") is None


def test_removing_or_revoking_a_restriction_eases_it(lex):
    assert lex.lookup("remove", "VERB", "ban").code == "081"
    assert lex.lookup("remove", "VERB", "sanctions").code == "085"
    assert lex.lookup("revoke", "VERB", "emergency").code == "0814"
    assert lex.lookup("remove", "VERB", "furniture") is None  # removing anything else is no event


def test_refusing_to_comment_is_decline_comment(onto):
    from casus.events.modality.modecodes import ModeCoder

    coder = ModeCoder(onto)
    assert coder.code("010", "refused") == ("011", "asserted")
    assert coder.code("190", "refused") == ("190", "negated")  # refusing to attack is no attack
    assert coder.code("085", "refused") == ("1244", "asserted")
