"""Actor memory: people learnt from titles and appositions, recalled by name in later documents."""
from __future__ import annotations

import copy
import datetime as dt

import pytest

from casus.actors.memory import ActorMemory, Learnt, name_key, personal_name, to_actor_file, to_petrarch
from casus.actors.resolve import ActorResolver
from casus.model import Article


@pytest.fixture
def coder(pipeline):
    """The session pipeline with a fresh memory of its own."""
    pipe = copy.copy(pipeline)
    pipe.actor_resolver = ActorResolver(pipeline.actor_resolver.kb, ActorMemory())
    return pipe


def doc(id: str, text: str, day: str | None = "2020-03-03") -> Article:
    return Article(id=id, text=text, report_date=dt.date.fromisoformat(day) if day else None)


def actors(pipe, article: Article) -> dict[str, object]:
    g = next(pipe.grounded([article]))
    return {m.actor.text: m.actor for m in g.actors}


def test_a_titled_person_is_recalled_by_full_name_later(coder):
    actors(coder, doc("a", "Mongolian Prime Minister Dorjiin Baatarsukh opened talks with China on Tuesday."))
    later = actors(coder, doc("b", "Dorjiin Baatarsukh criticised Russia on Friday.", "2020-05-01"))
    who = later["Dorjiin Baatarsukh"]
    assert who.code == "MNGGOV" and who.reason.startswith("learnt from doc a [")


def test_an_apposition_is_learnt_and_the_surname_recalled(coder):
    actors(coder, doc("a", "Elira Vashtami, Albania's foreign minister, arrived in Rome on Monday."))
    later = actors(coder, doc("b", "Vashtami met Italian officials on Wednesday.", "2020-04-01"))
    assert later["Vashtami"].code == "ALBGOV"


def test_the_event_reason_names_the_document_it_was_learnt_from(coder):
    actors(coder, doc("first", "Mongolian Prime Minister Dorjiin Baatarsukh opened talks with China on Tuesday."))
    g = next(coder.grounded([doc("second", "Dorjiin Baatarsukh criticised Russia on Friday.", "2020-05-01")]))
    [event] = [e for e in coder.events(g) if e.source is not None and e.source.code == "MNGGOV"]
    assert any("learnt from doc first" in r for r in event.reasons)


def test_a_role_is_not_carried_to_a_story_years_earlier(coder):
    actors(coder, doc("a", "Mongolian Prime Minister Dorjiin Baatarsukh opened talks with China on Tuesday.",
                      "2021-06-01"))
    old = actors(coder, doc("b", "Dorjiin Baatarsukh criticised Russia on Friday.", "2010-02-01"))
    assert old.get("Dorjiin Baatarsukh") is None or old["Dorjiin Baatarsukh"].code is None


def test_a_guess_from_the_only_state_named_is_not_learnt(coder):
    actors(coder, doc("a", "President Halvard Strennvik said on Monday that Chile would hold elections."))
    assert len(coder.actor_resolver.memory) == 0


def test_only_a_clear_majority_is_recalled():
    mem = ActorMemory()
    day = dt.date(2020, 1, 1)
    for country, n in (("MNG", 1), ("CHN", 1)):
        mem._put(Learnt("Dorjiin Baatarsukh", country, ("GOV",), "minister", day, day, n, "d", 0, 5))
    assert mem.recall("Dorjiin Baatarsukh", day) is None
    mem.find("Dorjiin Baatarsukh", "MNGGOV")[0].count = 3
    assert mem.recall("Dorjiin Baatarsukh", day).code == "MNGGOV"


def test_rejected_is_a_block_and_accepted_holds_at_any_date():
    mem = ActorMemory([Learnt("Dorjiin Baatarsukh", "MNG", ("GOV",), "prime minister", dt.date(2020, 1, 1),
                              dt.date(2020, 2, 1), 2, "d", 0, 5)])
    [row] = mem.find("dorjiin baatarsukh")
    assert mem.recall("Dorjiin Baatarsukh", dt.date(2001, 1, 1)) is None
    mem.set_status(row, "accepted")
    assert mem.recall("Dorjiin Baatarsukh", dt.date(2001, 1, 1)) is row
    fixed = mem.correct(row, "MNGMIL")
    assert mem.recall("Baatarsukh", None) is fixed and row.status == "rejected"
    mem.set_status(fixed, "rejected")
    assert mem.recall("Dorjiin Baatarsukh", None) is None


def test_a_surname_two_learnt_people_share_is_not_recalled():
    day = dt.date(2020, 1, 1)
    mem = ActorMemory([Learnt("Anna Kovalenkova", "UKR", ("GOV",), "minister", day, day, 1, "d", 0, 5),
                       Learnt("Pavel Kovalenkova", "RUS", ("GOV",), "minister", day, day, 1, "e", 0, 5)])
    assert mem.recall("Kovalenkova", day) is None and mem.recall("Pavel Kovalenkova", day).country == "RUS"


def test_names_that_are_not_personal_names():
    assert personal_name("Nikol Pashinyan") and personal_name("Jean-Yves Le Drian")
    assert not personal_name("Pashinyan") and not personal_name("The Ministry of Defence")
    assert not personal_name("NATO Summit") and not personal_name("Group 7 Leaders")
    assert name_key("Nikol Pashinyan's") == "nikol pashinyan"


def test_exports_read_back_as_actor_data(tmp_path):
    from casus.actors.kb import KnowledgeBase
    from casus.actors.petrarch import read_actors

    day = dt.date(2020, 3, 3)
    mem = ActorMemory([Learnt("Dorjiin Baatarsukh", "MNG", ("GOV",), "prime minister", day, day, 2, "d", 0, 5)])
    (tmp_path / "learnt.tsv").write_text(to_actor_file(mem), encoding="utf-8")
    kb = KnowledgeBase.load(extra=(tmp_path / "learnt.tsv",))
    [entry] = [e for e in kb.lookup("baatarsukh") if e.category == "person"]
    assert entry.at(day)[:2] == ("MNG", ("GOV",))
    (tmp_path / "learnt.txt").write_text(to_petrarch(mem), encoding="utf-8")
    [(phrases, entry)] = list(read_actors(tmp_path / "learnt.txt"))
    assert phrases == ["dorjiin baatarsukh", "baatarsukh"] and entry.at(day)[:2] == ("MNG", ("GOV",))


def test_an_apposition_to_a_title_whose_country_was_guessed_teaches_nothing(coder):
    actors(coder, doc("a", "Chile's copper exports rose in March. Tomas Vinterhalm, vice president for sales, "
                           "said demand was strong."))
    assert len(coder.actor_resolver.memory) == 0


def test_an_apposition_to_a_possessive_state_title_is_learnt(coder):
    actors(coder, doc("a", "Chile's copper exports rose in March. Tomas Vinterhalm, Chile's mining minister, "
                           "said demand was strong."))
    [row] = coder.actor_resolver.memory.entries()
    assert (row.name, row.code, row.doc_id) == ("Tomas Vinterhalm", "CHLGOV", "a")
    assert doc("a", "").id == row.doc_id and row.start < row.end


def test_line_breaks_inside_a_name_are_one_name(coder):
    actors(coder, doc("a", "Mongolian Prime Minister Dorjiin\nBaatarsukh opened talks with China on Tuesday."))
    [row] = coder.actor_resolver.memory.entries()
    assert row.name == "Dorjiin Baatarsukh"
