"""The indexed token rules find what a rule matcher finds, and the parser's attributes do not change with them."""
from __future__ import annotations

import pytest

from casus.token_rules import TokenRules


def tok(tag: str, lower: str, dep: str = "", space: bool = False) -> tuple[str, str, str, bool]:
    return (tag, lower, dep, space)


SENTENCE = [tok("PRP", "they", "nsubj"), tok("VBP", "are", "aux"), tok("VBG", "talking", "ROOT"),
            tok("IN", "since", "mark"), tok("RB", "n't", "neg"), tok("_SP", "\n", "dep", True)]


def test_each_kind_of_spec_matches_where_it_should():
    rules = TokenRules([
        (0, [[{"TAG": "VBP"}]]),                                   # a tag
        (1, [[{"TAG": "VBP", "LOWER": {"IN": ["are", "'re"]}}]]),  # a tag and one of some words
        (2, [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]]),
        (3, [[{"LOWER": {"REGEX": "^n'?t$"}}]]),
        (4, [[{"IS_SPACE": True}]]),
        (5, [[{"LOWER": "are"}, {"TAG": "VBG"}]]),                 # two tokens
        (6, [[{"LOWER": "talking"}, {"LOWER": "about"}]]),         # needs a word the text lacks
    ])
    assert sorted(rules.matches(SENTENCE)) == [(0, 1, 2), (1, 1, 2), (2, 1, 2), (3, 4, 5), (4, 5, 6), (5, 1, 3)]


def test_a_pattern_running_past_the_end_does_not_match():
    rules = TokenRules([(0, [[{"TAG": "_SP"}, {"LOWER": "x"}]])])
    assert rules.matches(SENTENCE) == []


def test_a_word_listed_twice_matches_once():
    rules = TokenRules([(0, [[{"LOWER": {"IN": ["since", "since"]}}]])])
    assert rules.matches(SENTENCE) == [(0, 3, 4)]


def test_an_attribute_it_does_not_know_is_refused():
    with pytest.raises(ValueError):
        TokenRules([(0, [[{"SHAPE": "xxxx"}]])])
    with pytest.raises(ValueError):
        TokenRules([(0, [[{"LOWER": {"FUZZY": "tlaks"}}]])])


def test_the_parser_gives_the_attributes_spacy_gives(pipeline):
    """Parts of speech, morphology and lemmas are spaCy's own with the indexed attribute ruler."""
    import spacy

    from casus.nlp import MODEL

    text = ("The ministers weren't sure whether they'd meet again. It is what it is, y'all said; "
            "there are talks, and the envoy has had enough of them. Nothin' was agreed.")
    assert "match" in vars(pipeline.parser.nlp.get_pipe("attribute_ruler"))  # the index is in use
    ours = pipeline.parser.nlp(text)
    theirs = spacy.load(MODEL)(text)
    assert [(t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours] == [
        (t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs]
