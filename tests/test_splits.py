from collections import Counter

from casus.evaluate.splits import split_of


def test_a_document_always_lands_in_the_same_split():
    assert split_of("bbc/politics/001.txt") == split_of("bbc/politics/001.txt")


def test_the_splits_are_roughly_sixty_twenty_twenty():
    counts = Counter(split_of(f"reuters/reuters-{i}") for i in range(5000))
    assert 0.55 < counts["train"] / 5000 < 0.65
    assert 0.15 < counts["dev"] / 5000 < 0.25
    assert 0.15 < counts["check"] / 5000 < 0.25
