"""Phrase → (country, sectors) cases from tests/data/actor_cases.tsv, through Parser + ActorResolver."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casus.actors.kb import KnowledgeBase
from casus.actors.resolve import ActorResolver
from casus.model import Article

CASES = Path(__file__).parent / "data" / "actor_cases.tsv"


def _cases() -> list[tuple[str, str, str, list[str], str]]:
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sent, mention, country, sectors, date = (line.split("\t") + [""] * 5)[:5]
        out.append((sent, mention, country or None, [s for s in sectors.split("|") if s], date))
    return out


@pytest.fixture(scope="module")
def parser():
    from casus.nlp import Parser

    return Parser()


@pytest.fixture(scope="module")
def parsed(parser):
    cases = _cases()
    arts = [Article(id=str(k), text=c[0], report_date=dt.date.fromisoformat(c[4]) if c[4] else None)
            for k, c in enumerate(cases)]
    return cases, list(parser.parse_many(arts))


@pytest.fixture(scope="module")
def resolved(parsed):
    resolver = ActorResolver(KnowledgeBase.load())
    cases, docs = parsed
    return [(c, resolver.resolve(doc)) for c, doc in zip(cases, docs)]


SHORTCUT_EXTRA = ["The federal government and the interim authorities rejected the plan on Monday.",
                  "A senior official said the former prime minister and the country's army chief would attend.",
                  "The Sandinista government accused ethnic Albanians and a Serbian-led militia of the attack."]


def test_composer_shortcut_finds_what_trying_every_token_finds(parser, parsed):
    """The composer visits only tokens a mention can start at; trying step() at every token must draft the same."""
    from casus.actors.resolve import _Composer

    resolver = ActorResolver(KnowledgeBase.load())
    extra = list(parser.parse_many(Article(id=f"x{k}", text=t) for k, t in enumerate(SHORTCUT_EXTRA)))
    for doc in parsed[1] + extra:
        matches = resolver._match(doc)
        fast = _Composer(doc, matches).run()
        slow = _Composer(doc, matches)
        for s in doc.sentences:
            i = s.start
            while i < s.end:
                i = slow.step(i, s.end)
        assert [(d.start, d.end, d.actor) for d in fast] == [(d.start, d.end, d.actor) for d in slow.out], doc.article.text


def _bare(text: str) -> str:
    low = text.lower()
    return low[4:] if low.startswith("the ") else low


def test_case_table_is_large():
    assert len(_cases()) >= 300


def test_cases(resolved):
    failures = []
    for (sent, mention, country, sectors, _), mentions in resolved:
        hit = next((m.actor for m in mentions if _bare(m.actor.text) == _bare(mention)), None)
        if hit is None:
            failures.append(f"{sent!r}: no mention {mention!r} in {[m.actor.text for m in mentions]}")
        elif hit.country != country or sorted(hit.sector) != sorted(sectors):
            failures.append(f"{sent!r}: {mention!r} → {hit.country} {hit.sector}, want {country} {sectors}")
    assert not failures, "\n".join(failures)


def test_offsets_point_into_text(resolved):
    for (sent, *_), mentions in resolved:
        last = -1
        for m in mentions:
            assert sent[m.actor.start:m.actor.end] == m.actor.text
            assert m.start >= last  # sorted, non-overlapping
            last = m.end
