"""Quote finding and speaker attribution on short hand-written news texts."""
from __future__ import annotations

import pytest

from casus.events.quotes.quote_marks import quoted_runs
from casus.events.quotes.quotes import find_quotes, speech_verbs
from casus.model import Actor, ActorMention, Article

TEXTS = {
    "trailing": 'Prime Minister Shinzo Abe met investors in Tokyo on Friday.\n\n"We will continue vigorous talks with Russia," Abe said.',
    "leading": 'Russian President Vladimir Putin spoke in Sochi.\n\nPutin said: "The two countries have selected a number of promising projects."',
    "inverted": '"Sanctions will not change our course," said Foreign Minister Sergei Lavrov.',
    "split": 'German Chancellor Angela Merkel spoke after the summit.\n\n"We will," she said, "continue the talks with Paris next week."',
    "curly": 'Senator Elizabeth Warren questioned the bank chief on Tuesday.\n\n“You should resign,” Warren told John Stumpf.',
    "paragraphs": 'Mayor Bill de Blasio addressed reporters on Sunday.\n\n"This was an intentional act. We will find who did it.\n\n"The city will not be intimidated," he said.',
    "scare": 'The senator called the plan "a disaster" on Monday and left the room.',
    "pronoun": 'Donald Trump held a rally in Ohio on Monday. His rival Hillary Clinton was in Iowa.\n\n"We are going to win this state," he said.',
    "she": 'Hillary Clinton visited a school in Iowa. Donald Trump was in Ohio.\n\n"Our children deserve better," she said.',
    "title": 'Barack Obama signed the bill at the White House.\n\n"This is a good day for workers," the president said.',
    "indirect": 'Japanese Prime Minister Shinzo Abe said that Japan would speed up cooperation with Russia on North Korea.',
    "according": 'According to Defense Secretary Ashton Carter, the troops will stay in Iraq until next year.',
    "told": 'Foreign Minister Sergei Lavrov told reporters Moscow was ready to resume the talks with Washington.',
    "colon_para": 'Senator Bernie Sanders said in a statement:\n\n"The people of this country deserve a government that works for them."',
}


@pytest.fixture(scope="module")
def docs():
    from casus.nlp import Parser

    parser = Parser()
    arts = [Article(id=k, text=v) for k, v in TEXTS.items()]
    return {d.article.id: d for d in parser.parse_many(arts)}


def direct(doc, **kw):
    return [q for q in find_quotes(doc, **kw) if q.direct]


def test_offsets_point_into_the_text(docs):
    for doc in docs.values():
        for q in find_quotes(doc):
            assert doc.article.text[q.start:q.end] == q.text
            if q.speaker is not None:
                assert doc.article.text[q.speaker.start:q.speaker.end] == q.speaker.text


def test_trailing_attribution(docs):
    (q,) = direct(docs["trailing"])
    assert q.text == "We will continue vigorous talks with Russia"
    assert q.speaker.text == "Abe" and q.speaker.name == "Shinzo Abe"


def test_leading_attribution_with_colon(docs):
    (q,) = direct(docs["leading"])
    assert q.text.startswith("The two countries") and q.text.endswith("projects.")
    assert q.speaker.name == "Vladimir Putin"


def test_inverted_said_name(docs):
    (q,) = direct(docs["inverted"])
    assert "Lavrov" in q.speaker.text and q.speaker.name == "Sergei Lavrov"


def test_split_quote_gives_two_parts_with_one_speaker(docs):
    parts = direct(docs["split"])
    assert [p.text for p in parts] == ["We will", "continue the talks with Paris next week."]
    assert parts[0].speaker.start == parts[1].speaker.start
    assert parts[0].speaker.name == "Angela Merkel"


def test_curly_quotes_and_told(docs):
    (q,) = direct(docs["curly"])
    assert q.text == "You should resign"
    assert q.speaker.name == "Elizabeth Warren"


def test_quote_running_over_paragraphs(docs):
    parts = direct(docs["paragraphs"])
    assert parts[0].text == "This was an intentional act. We will find who did it."
    assert parts[1].text == "The city will not be intimidated"
    assert all(p.speaker is not None and p.speaker.name == "Bill de Blasio" for p in parts)


def test_scare_quotes_are_not_quotes(docs):
    assert direct(docs["scare"], unattributed=True) == []


def test_he_resolves_to_the_man_not_the_nearest_person(docs):
    (q,) = direct(docs["pronoun"])
    assert q.speaker.text == "he" and q.speaker.name == "Donald Trump"


def test_she_resolves_by_given_name(docs):
    (q,) = direct(docs["she"])
    assert q.speaker.text == "she" and q.speaker.name == "Hillary Clinton"


def test_title_resolves_to_a_person(docs):
    (q,) = direct(docs["title"])
    assert q.speaker.text == "the president" and q.speaker.name == "Barack Obama"


def test_actor_mentions_passed_in_win(docs):
    doc = docs["pronoun"]
    he = next(t for t in doc.tokens if t.text == "he")
    mention = ActorMention(he.i, he.i + 1, he.i, Actor("he", he.idx, he.end, name="Someone Else"))
    (q,) = direct(doc, actors=[mention])
    assert q.speaker.name == "Someone Else"


def test_indirect_that_clause(docs):
    (q,) = find_quotes(docs["indirect"])
    assert not q.direct
    assert q.text.startswith("that Japan would speed up cooperation")
    assert q.speaker.name == "Shinzo Abe"


def test_according_to(docs):
    (q,) = find_quotes(docs["according"])
    assert not q.direct and q.text.startswith("the troops will stay in Iraq")
    assert q.speaker.name == "Ashton Carter"


def test_told_reporters(docs):
    (q,) = find_quotes(docs["told"])
    assert not q.direct and q.text.startswith("Moscow was ready")
    assert q.speaker.name == "Sergei Lavrov"


def test_quote_introduced_by_colon_paragraph(docs):
    (q,) = direct(docs["colon_para"])
    assert q.speaker.name == "Bernie Sanders"


def test_quoted_runs_pairs_marks_by_context():
    text = "He said ''yes'' and \u201cno\u201d and \"maybe\"."
    assert [text[r.start:r.end] for r in quoted_runs(text)] == ["yes", "no", "maybe"]


def test_speech_verbs_file_loads():
    verbs = speech_verbs()
    assert {"say", "tell", "add", "tweet", "warn"} <= verbs


def test_quoted_runs_read_only_the_lines_asked_for():
    """A piece of a long text looks for quotes in its own lines, not the whole text (quadratic otherwise)."""
    text = 'The mayor said "we will rebuild".\nThe governor said "help is coming".\nA farmer said "too late".'
    lo, hi = text.index("The governor"), text.index("\nA farmer")
    assert [text[r.start:r.end] for r in quoted_runs(text, lo, hi)] == ["help is coming"]
    assert len(quoted_runs(text)) == 3
